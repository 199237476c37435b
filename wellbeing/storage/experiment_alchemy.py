"""``storage.experiment_store.SqlRunner`` over SQLAlchemy (any dialect): the CLI's way in."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, text

from wellbeing.storage.db import Database
from wellbeing.storage.experiment_store import Params, Sql


class SqlAlchemyRunner:
    """:class:`SqlRunner` over an open :class:`~wellbeing.storage.db.Database` (any dialect)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Sql]:
        with self._db.transaction() as conn:
            yield _AlchemySql(conn)


class _AlchemySql:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Params) -> Sequence[Sequence[Any]]:
        result = self._conn.execute(text(sql), dict(params))
        return cast("Sequence[Sequence[Any]]", result.all())

    def execute(self, sql: str, params: Params) -> int:
        return int(self._conn.execute(text(sql), dict(params)).rowcount)
