"""Storage test fixtures: a fresh, migrated SQLite database in a private temp data dir.

tests/integration/test_storage_postgres.py overrides ``db`` with a PostgreSQL
database and re-runs the writer, query and schema test classes against it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.paths import Paths
from wellbeing.storage.db import Database


@pytest.fixture
def paths(data_dir: Path) -> Paths:
    return Paths(data_dir)


@pytest.fixture
def db(paths: Paths, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(None, paths, clock=clock)
    yield database
    database.close()
