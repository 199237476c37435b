"""Opening the database: private files, SQLite pragmas, corruption set-aside, migrations.

``Database.open(url, paths)`` is the one way in. With ``url=None`` the
database is the SQLite file ``paths.database`` inside the private (0700) data
directory, created 0600 before SQLite touches it (SQLite gives its ``-wal``
and ``-shm`` files the database file's mode; they are tightened after
connecting too). Every SQLite connection runs ``journal_mode=WAL``,
``synchronous=NORMAL`` (durable across application crashes, may lose the last
commit on power loss), ``busy_timeout=5000`` and ``foreign_keys=ON``.

Before connecting, ``PRAGMA quick_check`` runs on a read-only connection. A
file that is not a database or is damaged (confirmed by ``integrity_check``,
and only by the process the ``set_aside_guard`` allows) is *set aside*, never deleted: it is
renamed, with its ``-wal``/``-shm``/``-journal`` companions, to
``<name>.corrupt-<YYYYmmddTHHMMSSZ>`` (mode 0600), and a fresh database is
started. Those file-level steps live in :mod:`wellbeing.storage.sqlite_file`
(standard library only, shared with the headless tracker).
``Database.set_aside`` and ``Database.set_aside_message`` tell the CLI/GUI what
happened so they can tell the user.

Any other SQLAlchemy URL (``postgresql+psycopg://...``) is used as given; all
code here and in the rest of ``wellbeing.storage`` is dialect-neutral. A data
location that cannot be used or a server that cannot be reached raises
:class:`~wellbeing.errors.StorageUnavailable` with what to do.

Alembic migrations run automatically (``upgrade head``), configured in code: the
migration scripts are found by :func:`migrations_dir`.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
import uuid as uuid_module
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    TextClause,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.orm import Session

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.errors import DatabaseUnreachable, StorageUnavailable
from wellbeing.paths import Paths
from wellbeing.storage import device_identity
from wellbeing.storage.models import Device, Meta
from wellbeing.storage.sqlite_file import (
    PRAGMAS,
    SetAsideGuard,
    SqliteFile,
    migrations_dir,
    prepare_sqlite_file,
    schema_head,
    set_aside_sqlite_file,
    sqlite_problem,
    tighten_companions,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

__all__ = [
    "DEVICE_UUID_KEY",
    "Database",
    "UnknownSchema",
    "alembic_config",
    "current_revision",
    "migrate",
    "migrations_dir",
    "schema_head",
    "set_aside_sqlite_file",
    "sqlite_problem",
]

DEVICE_UUID_KEY = "device_uuid"


class UnknownSchema(Exception):
    """The database carries a schema revision this version does not know (a newer wellbeing?)."""


def current_revision(conn: Connection) -> str | None:
    """The schema revision stored in the database, or None for a database without one."""
    if not conn.dialect.has_table(conn, "alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row is not None else None


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at :func:`migrations_dir` (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation: a literal % in the path must be doubled.
    config.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (``alembic upgrade head``) in one transaction.

    Nothing is written when the schema is already current (so opening takes no
    write lock). On SQLite the upgrade transaction is opened with ``BEGIN
    IMMEDIATE`` so the DDL is transactional there too: a migration that fails
    leaves the file as it was.

    An upgrade that rebuilt whole tables (0004) leaves their old pages free in a
    SQLite file; it is then compacted once with ``VACUUM`` (after the commit; a
    VACUUM that fails, e.g. for lack of disk space, is only logged).
    """
    with engine.connect() as conn:
        before = current_revision(conn)
        if before == schema_head():
            return
    from alembic import command
    from alembic.util.exc import CommandError

    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            # Installs starting at once on an empty server: the second waits here for
            # the first one's upgrade, then finds the schema current (no CREATE race).
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        try:
            command.upgrade(alembic_config(conn), "head")
        except CommandError as exc:
            raise UnknownSchema(str(exc)) from exc
    if engine.dialect.name == "sqlite" and before in _REBUILT_BY_LATER_REVISIONS:
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("VACUUM")
        except DBAPIError as exc:
            log.warning("could not compact the database after its upgrade: %s", exc)


#: Seconds a PostgreSQL connection attempt may take (unless the URL sets connect_timeout).
CONNECT_TIMEOUT_S = 5

#: The PostgreSQL advisory lock that serialises upgrades (any constant of ours).
_MIGRATION_LOCK_KEY = 0x77656C6C  # "well"

#: Revisions whose upgrade rebuilds whole tables (so a VACUUM pays off).
_REBUILT_BY_LATER_REVISIONS = frozenset({"0001", "0002", "0003"})


class Database:
    """An open, migrated database: an engine plus what happened while opening it.

    Attributes:
        engine: the SQLAlchemy engine (storage-internal; ui/cli use ``storage.queries``).
        set_aside: where a damaged SQLite file was moved to during ``open``, else None.
        set_aside_message: a plain-words message about that for the user, else None.
        set_aside_problem: what was wrong with that file, else None.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Clock | None = None,
        set_aside: Path | None = None,
        set_aside_message: str | None = None,
        set_aside_problem: str | None = None,
    ) -> None:
        self.engine = engine
        self.set_aside = set_aside
        self.set_aside_message = set_aside_message
        self.set_aside_problem = set_aside_problem
        self._clock = clock

    @classmethod
    def open(
        cls,
        url: str | None,
        paths: Paths,
        *,
        clock: Clock | None = None,
        check_file: bool = True,
        set_aside_guard: SetAsideGuard | None = None,
    ) -> Database:
        """Open (creating and migrating as needed) the database.

        Args:
            url: a SQLAlchemy URL, or None for the SQLite file in ``paths``.
            paths: the data directory's files.
            clock: where "now" comes from (device creation time, set-aside names).
            check_file: run ``quick_check`` on a SQLite file and set it aside if damaged;
                False for a helper process while the tracker may be writing to it.
            set_aside_guard: whether this process may move a damaged file aside
                (default: it may; give one unless this process holds the tracker lock).

        Raises:
            StorageUnavailable: the location cannot be used or the server not reached.
        """
        parsed = _parse_url(url, paths)
        shown = parsed.render_as_string(hide_password=True)
        sqlite_file: SqliteFile | None = None
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            file = Path(str(parsed.database))
            sqlite_file = prepare_sqlite_file(
                url is None, file, paths, clock, check=check_file, guard=set_aside_guard
            )
        try:
            engine = _create_engine(parsed)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise StorageUnavailable(
                translate("Storage", "Cannot use the database URL {url}: {error}.").format(
                    url=shown, error=exc),
                hint=translate("Storage", "Give a SQLAlchemy URL such as "
                                          "postgresql+psycopg://user@host/dbname with --db (or "
                                          "$WELLBEING_DB_URL), or leave it out to use the local "
                                          "file."),
            ) from exc
        try:
            migrate(engine)
        except DBAPIError as exc:
            engine.dispose()
            answered = getattr(exc.orig, "sqlstate", None) is not None  # a refusal has one
            if parsed.get_backend_name() != "sqlite" and not answered:
                raise DatabaseUnreachable(
                    translate("Storage", "Cannot reach the database {url}: {error}.").format(
                        url=shown, error=_first_line(exc.orig or exc)),
                    host=_host(parsed),
                    hint=translate("Storage",
                                   "Check that the database server runs and can be reached."),
                ) from exc
            raise StorageUnavailable(
                translate("Storage", "Cannot open the database {url}: {error}.").format(
                    url=shown, error=_first_line(exc.orig or exc)),
                hint=translate("Storage", "Check that the database server runs and the URL, user "
                                          "and password are right; for the local file, check the "
                                          "data directory's permissions and free disk space."),
            ) from exc
        except UnknownSchema as exc:
            engine.dispose()
            raise StorageUnavailable(
                translate("Storage", "The database {url} has a schema this version of wellbeing "
                                     "does not know ({revision}).").format(url=shown, revision=exc),
                hint=translate("Storage", "It was probably written by a newer wellbeing: upgrade "
                                          "wellbeing, or use another data directory with "
                                          "--data-dir."),
            ) from exc
        if sqlite_file is not None:
            tighten_companions(sqlite_file.path)
            return cls(
                engine,
                clock=clock,
                set_aside=sqlite_file.set_aside,
                set_aside_message=sqlite_file.message,
                set_aside_problem=sqlite_file.problem,
            )
        return cls(engine, clock=clock)

    @property
    def notice(self) -> str | None:
        """What the user should be told about opening the database (a set-aside), or None."""
        return self.set_aside_message

    @property
    def dialect(self) -> str:
        """The SQLAlchemy dialect name: ``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short ORM transaction: commits when the block ends, rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A short Core transaction (storage-internal): commit on success, rollback on error."""
        with self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def reading(self) -> Iterator[_TextRows]:
        """A read transaction for ``storage.usage_sql`` text (``storage.queries.ReadSource``)."""
        with self.engine.begin() as conn:
            yield _TextRows(conn)

    def device_id(self, name: str, platform: str, identity: Path | None = None) -> int:
        """Get or create this machine's ``device`` row.

        ``identity`` is the install's ``device-id`` file (``Paths.device_file``):
        the uuid lives there, so two installs sharing one database are two
        devices (``storage.device_identity`` says how older databases are
        adopted). Without it (tests, tools) the uuid is kept in ``meta``.

        The name and platform are refreshed when they changed (a renamed host
        stays the same device). Two processes creating the rows at the same
        moment (a tracker's start-up child and a ``report``) both end up with the
        one that was committed first.
        """
        try:
            return self._device_id(name, platform, identity)
        except IntegrityError:  # the other process inserted the uuid or device first
            return self._device_id(name, platform, identity)

    def _device_id(self, name: str, platform: str, identity: Path | None) -> int:
        with self.transaction() as conn:
            device_uuid = self._device_uuid(conn, identity)
            row = conn.execute(
                select(Device.id, Device.name, Device.platform).where(Device.uuid == device_uuid)
            ).first()
            if row is None:
                new_id = conn.scalar(
                    insert(Device)
                    .values(
                        uuid=device_uuid,
                        name=name,
                        platform=platform,
                        created_at_ms=self._now_ms(),
                    )
                    .returning(Device.id)
                )
                assert new_id is not None
                return int(new_id)
            if (row.name, row.platform) != (name, platform):
                conn.execute(
                    update(Device).where(Device.id == row.id).values(name=name, platform=platform)
                )
            return int(row.id)

    def _device_uuid(self, conn: Connection, identity: Path | None) -> str:
        """This install's uuid: from its file, else adopted from ``meta``, else a new one."""
        if identity is not None:
            known = device_identity.read(identity)
            if known is not None:
                if self.dialect != "sqlite":  # a claim whose commit was lost: finish it
                    conn.execute(
                        delete(Meta).where(Meta.key == DEVICE_UUID_KEY, Meta.value == known)
                    )
                return known
        stored = conn.scalar(select(Meta.value).where(Meta.key == DEVICE_UUID_KEY))
        if identity is None:
            if stored is None:
                stored = str(uuid_module.uuid4())
                conn.execute(insert(Meta).values(key=DEVICE_UUID_KEY, value=stored))
            return str(stored)
        if stored is not None and self.dialect != "sqlite":
            # A shared server: the first install to upgrade takes the old uuid, the
            # others see it gone (the DELETE waits for the first one's commit).
            claimed = conn.scalar(
                delete(Meta).where(Meta.key == DEVICE_UUID_KEY).returning(Meta.value)
            )
            stored = claimed
        candidate = str(stored) if stored is not None else str(uuid_module.uuid4())
        kept = device_identity.claim(identity, candidate)
        if stored is None and self.dialect == "sqlite":
            # One install's own file: keep meta in step, for tools that read it there.
            conn.execute(insert(Meta).values(key=DEVICE_UUID_KEY, value=kept))
        return kept

    def close(self) -> None:
        """Checkpoint the SQLite WAL (so the file stands alone) and release connections."""
        if self.dialect == "sqlite":
            with contextlib.suppress(DBAPIError), self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _now_ms(self) -> int:
        wall = self._clock.now().wall if self._clock is not None else time.time()
        return int(wall * 1000)


class _TextRows:
    """``storage.usage_sql.Rows`` over a SQLAlchemy connection (any dialect)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return self._conn.execute(_text(sql), dict(params)).all()


@functools.lru_cache(maxsize=128)
def _text(sql: str) -> TextClause:
    """The parsed statement (the few query texts are parsed once per process)."""
    return text(sql)


def _parse_url(url: str | None, paths: Paths) -> URL:
    if url is None:
        return make_url(paths.database_url())
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StorageUnavailable(
            translate("Storage", "Cannot understand the database URL {url}.").format(
                url=repr(url)),
            hint=translate("Storage", "Give a SQLAlchemy URL such as "
                                      "postgresql+psycopg://user@host/dbname or "
                                      "sqlite:////path/to/file.sqlite3."),
        ) from exc


def _create_engine(url: URL) -> Engine:
    # hide_parameters: an error's message never carries the values of its statement
    # (window titles, app names) into a log line or a traceback.
    if url.get_backend_name() != "sqlite":
        # A server behind a network that drops packets would hold a connection attempt
        # (and the tracker saving through it) for minutes: give up after a few seconds.
        timeout = ({} if url.get_backend_name() != "postgresql" or "connect_timeout" in url.query
                   else {"connect_timeout": CONNECT_TIMEOUT_S})
        return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=timeout)
    engine = create_engine(url, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            for pragma in PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    return engine


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _host(url: URL) -> str:
    """Where the server is, for messages: ``host:port`` (no user, no password)."""
    host = url.host or "localhost"
    return f"{host}:{url.port}" if url.port else host
