"""Opening the database: private files, SQLite pragmas, corruption set-aside, migrations.

``Database.open(url, paths)`` is the one way in. With ``url=None`` the
database is the SQLite file ``paths.database`` inside the private (0700) data
directory, created 0600 before SQLite touches it (SQLite gives its ``-wal``
and ``-shm`` files the database file's mode; they are tightened after
connecting too). Every SQLite connection runs ``journal_mode=WAL``,
``synchronous=NORMAL`` (durable across application crashes, may lose the last
commit on power loss), ``busy_timeout=5000`` and ``foreign_keys=ON``.

Before connecting, ``PRAGMA quick_check`` runs on a read-only connection. A
file that is not a database or is damaged is *set aside*, never deleted: it is
renamed, with its ``-wal``/``-shm``/``-journal`` companions, to
``<name>.corrupt-<YYYYmmddTHHMMSSZ>`` (mode 0600), and a fresh database is
started. ``Database.set_aside`` and ``Database.set_aside_message`` tell the
CLI/GUI what happened so they can tell the user.

Any other SQLAlchemy URL (``postgresql+psycopg://...``) is used as given; all
code here and in the rest of ``wellbeing.storage`` is dialect-neutral. A data
location that cannot be used or a server that cannot be reached raises
:class:`~wellbeing.errors.StorageUnavailable` with what to do.

Alembic migrations run automatically (``upgrade head``), configured in code: the
migration scripts are found by :func:`migrations_dir`.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
import re
import sqlite3
import time
import uuid as uuid_module
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session

import wellbeing
from wellbeing.core.clock import Clock
from wellbeing.errors import StorageUnavailable
from wellbeing.paths import Paths, ensure_private_dir, touch_private
from wellbeing.storage.models import Device, Meta

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

DEVICE_UUID_KEY = "device_uuid"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
_SQLITE_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)
_PRAGMAS = (
    "PRAGMA busy_timeout=5000",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
)


def migrations_dir() -> Path:
    """The directory holding Alembic's ``env.py`` and ``versions/``.

    An installed wheel carries the top-level ``migrations/`` as the package
    resource ``wellbeing/_migrations`` (hatchling force-include, see
    pyproject.toml). In a source checkout or editable install that resource is
    missing, so the top-level ``migrations/`` beside the package is used.
    """
    packaged = importlib.resources.files("wellbeing") / "_migrations"
    if packaged.is_dir() and (packaged / "env.py").is_file():
        return Path(str(packaged))
    checkout = Path(wellbeing.__file__).resolve().parent.parent / "migrations"
    if (checkout / "env.py").is_file():
        return checkout
    raise RuntimeError(f"migration scripts not found in {packaged} nor {checkout}")


class UnknownSchema(Exception):
    """The database carries a schema revision this version does not know (a newer wellbeing?)."""


_REVISION_LINE = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*["']?([\w-]+|None)["']?""", re.M
)


def schema_head() -> str:
    """The newest migration's revision id, read from the scripts without importing Alembic.

    Alembic costs ~300 ms and ~6 MB to import; a database already at the head
    (every start but the first after an upgrade) does not need it.
    ``tests/unit/storage/test_migrations.py`` checks this equals Alembic's own head.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        found: dict[str, str] = {
            m.group(1): m.group(2) for m in _REVISION_LINE.finditer(script.read_text("utf-8"))
        }
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {sorted(heads)}")
    return heads.pop()


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
    """
    with engine.connect() as conn:
        if current_revision(conn) == schema_head():
            return
    from alembic import command
    from alembic.util.exc import CommandError

    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            command.upgrade(alembic_config(conn), "head")
        except CommandError as exc:
            raise UnknownSchema(str(exc)) from exc


@dataclass
class _SqliteFile:
    path: Path
    set_aside: Path | None = None
    message: str | None = None


class Database:
    """An open, migrated database: an engine plus what happened while opening it.

    Attributes:
        engine: the SQLAlchemy engine (storage-internal; ui/cli use ``storage.queries``).
        set_aside: where a damaged SQLite file was moved to during ``open``, else None.
        set_aside_message: a plain-words message about that for the user, else None.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Clock | None = None,
        set_aside: Path | None = None,
        set_aside_message: str | None = None,
    ) -> None:
        self.engine = engine
        self.set_aside = set_aside
        self.set_aside_message = set_aside_message
        self._clock = clock

    @classmethod
    def open(cls, url: str | None, paths: Paths, *, clock: Clock | None = None) -> Database:
        """Open (creating and migrating as needed) the database.

        Args:
            url: a SQLAlchemy URL, or None for the SQLite file in ``paths``.
            paths: the data directory's files.
            clock: where "now" comes from (device creation time, set-aside names).

        Raises:
            StorageUnavailable: the location cannot be used or the server not reached.
        """
        parsed = _parse_url(url, paths)
        shown = parsed.render_as_string(hide_password=True)
        sqlite_file: _SqliteFile | None = None
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            file = Path(str(parsed.database))
            sqlite_file = _prepare_sqlite_file(url is None, file, paths, clock)
        try:
            engine = _create_engine(parsed)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise StorageUnavailable(
                f"Cannot use the database URL {shown}: {exc}.",
                hint="Give a SQLAlchemy URL such as postgresql+psycopg://user@host/dbname "
                "with --db (or $WELLBEING_DB_URL), or leave it out to use the local file.",
            ) from exc
        try:
            migrate(engine)
        except DBAPIError as exc:
            engine.dispose()
            raise StorageUnavailable(
                f"Cannot open the database {shown}: {_first_line(exc.orig or exc)}.",
                hint="Check that the database server runs and the URL, user and password "
                "are right; for the local file, check the data directory's permissions "
                "and free disk space.",
            ) from exc
        except UnknownSchema as exc:
            engine.dispose()
            raise StorageUnavailable(
                f"The database {shown} has a schema this version of wellbeing does not "
                f"know ({exc}).",
                hint="It was probably written by a newer wellbeing: upgrade wellbeing, "
                "or use another data directory with --data-dir.",
            ) from exc
        if sqlite_file is not None:
            _tighten_companions(sqlite_file.path)
            return cls(
                engine,
                clock=clock,
                set_aside=sqlite_file.set_aside,
                set_aside_message=sqlite_file.message,
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

    def device_id(self, name: str, platform: str) -> int:
        """Get or create this machine's ``device`` row; its uuid lives in ``meta``.

        The name and platform are refreshed when they changed (a renamed host
        stays the same device).
        """
        with self.transaction() as conn:
            device_uuid = conn.scalar(select(Meta.value).where(Meta.key == DEVICE_UUID_KEY))
            if device_uuid is None:
                device_uuid = str(uuid_module.uuid4())
                conn.execute(insert(Meta).values(key=DEVICE_UUID_KEY, value=device_uuid))
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


def _parse_url(url: str | None, paths: Paths) -> URL:
    if url is None:
        return make_url(paths.database_url())
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StorageUnavailable(
            f"Cannot understand the database URL {url!r}.",
            hint="Give a SQLAlchemy URL such as postgresql+psycopg://user@host/dbname "
            "or sqlite:////path/to/file.sqlite3.",
        ) from exc


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            for pragma in _PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    return engine


def _prepare_sqlite_file(
    default_location: bool, path: Path, paths: Paths, clock: Clock | None
) -> _SqliteFile:
    """Create the file privately, and set it aside if it is not a sound database."""
    try:
        if default_location:
            ensure_private_dir(paths.data_dir)
        else:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        touch_private(path)
    except OSError as exc:
        raise StorageUnavailable(
            f"Cannot create or open the database file {path}: {exc.strerror or exc}.",
            hint="Choose a writable place with --data-dir DIR (or $WELLBEING_DATA_DIR), "
            "or fix the file's permissions.",
        ) from exc
    problem = sqlite_problem(path)
    if problem is None:
        return _SqliteFile(path)
    wall = clock.now().wall if clock is not None else time.time()
    aside = set_aside_sqlite_file(path, datetime.fromtimestamp(wall, UTC))
    log.warning("database %s is damaged (%s); moved aside to %s", path, problem, aside)
    touch_private(path)
    message = (
        f"The database {path} was damaged ({problem}) and could not be used. "
        f"It was moved aside to {aside} - nothing was deleted - and a new, empty "
        "database was started. Your earlier records are still in that file; a tool "
        f"such as `sqlite3 {aside} .recover` may save some of them."
    )
    return _SqliteFile(path, set_aside=aside, message=message)


def sqlite_problem(path: Path) -> str | None:
    """Run ``PRAGMA quick_check`` read-only; return what is wrong, or None if sound.

    Raises:
        StorageUnavailable: the file cannot be read for a reason other than damage.
    """
    if path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _SQLITE_CORRUPT_CODES:
            return str(exc)
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()
    findings = [str(r[0]) for r in rows]
    if findings == ["ok"]:
        return None
    return "; ".join(findings[:3]) + (" ..." if len(findings) > 3 else "")


def set_aside_sqlite_file(path: Path, at: datetime) -> Path:
    """Rename ``path`` and its companions to ``<name>.corrupt-<UTC time>`` (0600); return it.

    A counter is appended if that name is taken. Nothing is deleted.
    """
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = f".corrupt-{stamp}"
    counter = 1
    while any(
        path.with_name(path.name + extra + suffix).exists() for extra in ("", *SQLITE_COMPANIONS)
    ):
        counter += 1
        suffix = f".corrupt-{stamp}-{counter}"
    target = path.with_name(path.name + suffix)
    try:
        for extra in SQLITE_COMPANIONS:
            companion = path.with_name(path.name + extra)
            if companion.exists():
                moved = companion.rename(companion.with_name(companion.name + suffix))
                moved.chmod(0o600)
        path.rename(target)
        target.chmod(0o600)
    except OSError as exc:
        raise StorageUnavailable(
            f"The database {path} is damaged and could not be moved aside: "
            f"{exc.strerror or exc}.",
            hint=f"Move {path} away by hand (keep it: it holds your records), then start again.",
        ) from exc
    return target


def _tighten_companions(path: Path) -> None:
    for extra in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(OSError):
            companion = path.with_name(path.name + extra)
            if companion.exists() and companion.stat().st_mode & 0o077:
                companion.chmod(0o600)


def _unreadable(path: Path, exc: BaseException) -> StorageUnavailable:
    return StorageUnavailable(
        f"Cannot read the database file {path}: {exc}.",
        hint="Check the file's owner and permissions (it should be yours, mode 0600), "
        "or choose another data directory with --data-dir.",
    )


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
