"""The SQLite database file itself, without SQLAlchemy: creating, checking, setting aside.

Everything here uses only the standard library, so the headless tracker
(``wellbeing track``, which writes through :mod:`wellbeing.storage.sqlite_writer`)
never imports SQLAlchemy; :mod:`wellbeing.storage.db` builds on it.

- :func:`prepare_sqlite_file` creates the file 0600 in a 0700 directory and runs
  ``PRAGMA quick_check`` read-only; a file that is damaged or not a database is
  set aside (:func:`set_aside_sqlite_file`: renamed with its ``-wal``/``-shm``/
  ``-journal`` companions to ``<name>.corrupt-<UTC time>``, 0600, never deleted).
  Two things stand between a finding and the move. ``quick_check`` has false
  alarms (SQLite 3.40-3.41 reports some sound WITHOUT ROWID layouts as
  damaged), so the finding is confirmed by ``PRAGMA integrity_check`` on a
  second, fresh connection (:func:`integrity_problem`); a file it finds sound
  stays. And only the process that holds the tracker lock may move the file:
  the caller passes a :data:`SetAsideGuard` that says whether it may (the
  services build it from :class:`~wellbeing.platform.instance.TrackerLock`);
  when it may not, the file stays and :class:`StorageUnavailable` says why.
- :func:`connect` opens a connection with the pragmas every connection uses
  (``busy_timeout=5000``, WAL, ``synchronous=NORMAL``, ``foreign_keys=ON``).
- :func:`schema_head` reads the newest migration's revision from the scripts and
  :func:`stored_revision` the one in a file, so a current file opens without Alembic.
- :func:`is_database_corruption` tells a damaged file from other database errors.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.core.notice_texts import damaged_at_start
from wellbeing.errors import StorageUnavailable
from wellbeing.paths import Paths, ensure_private_dir, touch_private
from wellbeing.resources import PACKAGE_DIR

log = logging.getLogger("wellbeing.storage.db")

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
PRAGMAS = (
    "PRAGMA busy_timeout=5000",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
)
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)
_CORRUPT_WORDS = ("database disk image is malformed", "file is not a database")


def migrations_dir() -> Path:
    """The directory holding Alembic's ``env.py`` and ``versions/``.

    An installed wheel carries the top-level ``migrations/`` as the package
    resource ``wellbeing/_migrations`` (hatchling force-include, see
    pyproject.toml). In a source checkout or editable install that resource is
    missing, so the top-level ``migrations/`` beside the package is used.
    """
    packaged = PACKAGE_DIR / "_migrations"
    if packaged.is_dir() and (packaged / "env.py").is_file():
        return packaged
    checkout = PACKAGE_DIR.parent / "migrations"
    if (checkout / "env.py").is_file():
        return checkout
    raise RuntimeError(f"migration scripts not found in {packaged} nor {checkout}")


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


SetAsideGuard = Callable[[], AbstractContextManager[bool]]
"""Entered around moving a damaged file aside: yields whether this process may move it."""


@contextlib.contextmanager
def _always_allowed() -> Iterator[bool]:
    yield True


@dataclass
class SqliteFile:
    """A SQLite database file made ready: where it is, and what was set aside on the way."""

    path: Path
    set_aside: Path | None = None
    message: str | None = None
    problem: str | None = None


def prepare_sqlite_file(
    default_location: bool,
    path: Path,
    paths: Paths,
    clock: Clock | None,
    *,
    check: bool = True,
    guard: SetAsideGuard | None = None,
) -> SqliteFile:
    """Create the file privately, and (with ``check``) set it aside if it is not sound.

    ``check=False`` is for a process that must never move the file, because
    another one (the tracker) may be writing to it. ``guard`` (default: always
    allowed, for the process that holds the tracker lock) decides whether a file
    confirmed damaged may be moved by this process.

    Raises:
        StorageUnavailable: the file cannot be created or read, or it is damaged
            and this process may not move it (a tracker is writing to it).
    """
    try:
        if default_location:
            ensure_private_dir(paths.data_dir)
        else:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        touch_private(path)
    except OSError as exc:
        raise StorageUnavailable(
            translate("Storage", "Cannot create or open the database file {path}: {error}.")
            .format(path=path, error=exc.strerror or exc),
            hint=translate("Storage", "Choose a writable place with --data-dir DIR (or "
                                      "$WELLBEING_DATA_DIR), or fix the file's permissions."),
        ) from exc
    problem = sqlite_problem(path) if check else None
    if problem is not None:
        problem = _confirmed(path, problem)
    if problem is None:
        return SqliteFile(path)
    with (guard or _always_allowed)() as allowed:
        if not allowed:
            log.warning("database %s looks damaged (%s); a tracker writes to it: kept", path,
                        problem)
            raise StorageUnavailable(
                translate("Storage", "The database {path} looks damaged ({problem}), but "
                                     "wellbeing is recording into it right now, so it was left "
                                     "where it is.").format(path=path, problem=problem),
                hint=translate("Storage", "Try again in a minute. If this stays, quit wellbeing "
                                          "(or stop 'wellbeing track') and start it again: it "
                                          "checks the file and, only if it is really damaged, "
                                          "moves it aside and keeps it."),
            )
        wall = clock.now().wall if clock is not None else time.time()
        aside = set_aside_sqlite_file(path, datetime.fromtimestamp(wall, UTC))
        touch_private(path)
    log.warning("database %s is damaged (%s); moved aside to %s", path, problem, aside)
    return SqliteFile(path, set_aside=aside, message=damaged_at_start(path, problem, aside),
                      problem=problem)


def sqlite_problem(path: Path) -> str | None:
    """Run ``PRAGMA quick_check`` read-only; return what is wrong, or None if sound.

    Raises:
        StorageUnavailable: the file cannot be read for a reason other than damage.
    """
    return _check(path, "quick_check")


def integrity_problem(path: Path) -> str | None:
    """Run the full ``PRAGMA integrity_check`` on a fresh read-only connection (as above)."""
    return _check(path, "integrity_check")


def _confirmed(path: Path, quick_finding: str) -> str | None:
    """What ``integrity_check`` finds after ``quick_check`` found ``quick_finding`` (None: ok)."""
    problem = integrity_problem(path)
    if problem is None:
        log.warning(
            "quick_check reported %s (%s), but integrity_check finds it sound: a false alarm, "
            "the file stays in use",
            path,
            quick_finding,
        )
    return problem


def _check(path: Path, pragma: str) -> str | None:
    if path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _CORRUPT_CODES:
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
            translate("Storage", "The database {path} is damaged and could not be moved aside: "
                                 "{error}.").format(path=path, error=exc.strerror or exc),
            hint=translate("Storage", "Move {path} away by hand (keep it: it holds your records), "
                                      "then start again.").format(path=path),
        ) from exc
    return target


def tighten_companions(path: Path) -> None:
    for extra in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(OSError):
            companion = path.with_name(path.name + extra)
            if companion.exists() and companion.stat().st_mode & 0o077:
                companion.chmod(0o600)


def _unreadable(path: Path, exc: BaseException) -> StorageUnavailable:
    return StorageUnavailable(
        translate("Storage", "Cannot read the database file {path}: {error}.").format(
            path=path, error=exc),
        hint=translate("Storage", "Check the file's owner and permissions (it should be yours, "
                                  "mode 0600), or choose another data directory with --data-dir."),
    )


def connect(path: Path) -> sqlite3.Connection:
    """A connection to ``path`` in autocommit mode (callers BEGIN), with :data:`PRAGMAS` set.

    Raises:
        StorageUnavailable: the file cannot be opened.
    """
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    tighten_companions(path)
    return conn


def stored_revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision stored in the file (Alembic's table), or None without one."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return str(row[0]) if row is not None else None


def is_database_corruption(error: BaseException) -> bool:
    """Whether ``error`` (or anything it was raised from) is SQLite reporting a damaged file."""
    seen: set[int] = set()
    todo: list[BaseException] = [error]
    while todo:
        exc = todo.pop()
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        if isinstance(exc, sqlite3.DatabaseError):
            code = getattr(exc, "sqlite_errorcode", None)
            if isinstance(code, int) and (code & 0xFF) in _CORRUPT_CODES:
                return True
            if any(words in str(exc).lower() for words in _CORRUPT_WORDS):
                return True
        for origin in (exc.__cause__, exc.__context__, getattr(exc, "orig", None)):
            if isinstance(origin, BaseException):
                todo.append(origin)
    return False
