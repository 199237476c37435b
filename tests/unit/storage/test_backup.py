"""The daily backup: a real WAL database written by the app's writer, copied while in use."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.unit.storage.helpers import (
    CODE,
    DAY,
    YOUTUBE,
    damage,
    new_device,
    open_sqlite3,
    piece,
)
from wellbeing.errors import BackupFailed
from wellbeing.paths import Paths
from wellbeing.storage.backup import (
    backup_name,
    backup_sqlite,
    backups_dir,
    daily_backup,
    list_backups,
    sqlite_file_of,
)
from wellbeing.storage.db import Database
from wellbeing.storage.sqlite_writer import SqliteUsageWriter

TODAY = date(2026, 3, 20)


@pytest.fixture
def written(db: Database) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """The database file with two days written by the headless writer, its connection open."""
    path = db.engine.url.database
    assert path is not None
    conn = open_sqlite3(db)
    writer = SqliteUsageWriter(conn, new_device(db))
    writer.save([piece(CODE, 9, 11), piece(YOUTUBE, 11, 12)])
    writer.save([piece(CODE, 9, 10, day=DAY + timedelta(days=1))])
    yield Path(path), conn
    conn.close()


def usage_rows(path: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT local_date, app_id, site_key, seconds FROM daily_usage ORDER BY 1, 2, 3"
            )
        ]


def integrity(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_backup_is_a_sound_private_copy_of_the_live_wal_database(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    database, conn = written
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.with_name(database.name + "-wal").exists()  # rows still in the WAL
    folder = tmp_path / "data" / "backups"

    result = backup_sqlite(database, folder, TODAY)

    assert result.path == folder / "wellbeing-2026-03-20.sqlite3"
    assert result.removed == ()
    assert mode(folder) == 0o700
    assert mode(result.path) == 0o600
    assert integrity(result.path) == ["ok"]
    assert usage_rows(result.path) == usage_rows(database)
    assert len(usage_rows(result.path)) == 3
    # One self-contained file: not in WAL mode, nothing left beside it.
    with contextlib.closing(sqlite3.connect(result.path)) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert sorted(p.name for p in folder.iterdir()) == [result.path.name]


def test_a_backup_while_a_writer_holds_a_write_transaction_copies_what_is_committed(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    database, conn = written
    before = usage_rows(database)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM daily_usage")  # not committed while the backup runs
    try:
        result = backup_sqlite(database, tmp_path / "backups", TODAY)
    finally:
        conn.execute("ROLLBACK")
    assert usage_rows(result.path) == before
    # ... and the writer goes on writing afterwards.
    SqliteUsageWriter(conn, 1).save([piece(CODE, 13, 14)])
    assert len(usage_rows(database)) > len(before) - 1


def test_rotation_keeps_the_newest_seven(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    database, _ = written
    folder = tmp_path / "backups"
    for n in range(10):
        result = backup_sqlite(database, folder, TODAY + timedelta(days=n))
    names = [p.name for p in list_backups(folder)]
    assert names == [backup_name(TODAY + timedelta(days=n)) for n in range(3, 10)]
    assert result.removed == (folder / backup_name(TODAY + timedelta(days=2)),)
    (folder / "notes.txt").write_text("mine")  # not a backup: never touched
    backup_sqlite(database, folder, TODAY + timedelta(days=10), keep=2)
    assert sorted(p.name for p in folder.iterdir()) == [
        "notes.txt",
        backup_name(TODAY + timedelta(days=9)),
        backup_name(TODAY + timedelta(days=10)),
    ]


def test_a_second_backup_the_same_day_replaces_the_first(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    database, conn = written
    folder = tmp_path / "backups"
    backup_sqlite(database, folder, TODAY)
    SqliteUsageWriter(conn, 1).save([piece(CODE, 15, 16, day=DAY + timedelta(days=2))])
    result = backup_sqlite(database, folder, TODAY)
    assert usage_rows(result.path) == usage_rows(database)
    assert list_backups(folder) == [result.path]


def test_a_damaged_database_never_replaces_good_backups(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database, conn = written
    folder = tmp_path / "backups"
    good = [backup_sqlite(database, folder, TODAY + timedelta(days=n)).path for n in range(7)]
    today = TODAY + timedelta(days=6)  # today's good backup exists already
    contents = {p: p.read_bytes() for p in good}
    conn.close()
    damage(database)

    with pytest.raises(BackupFailed, match="kept"):
        backup_sqlite(database, folder, today)
    with pytest.raises(BackupFailed):
        backup_sqlite(database, folder, today + timedelta(days=1))

    assert list_backups(folder) == good
    assert {p: p.read_bytes() for p in good} == contents
    assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]
    # The scheduled job logs it rather than raising.
    paths = Paths(tmp_path / "elsewhere")
    with caplog.at_level(logging.ERROR, logger="wellbeing.storage.backup"):
        assert daily_backup(paths, f"sqlite:///{database}", today) is None
    assert "damaged" in caplog.text or "Could not back up" in caplog.text


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"hello, this is not SQLite" * 200)
    with pytest.raises(BackupFailed):
        backup_sqlite(bogus, tmp_path / "backups", TODAY)
    assert list_backups(tmp_path / "backups") == []


def test_the_copy_is_private_before_anything_is_written(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, _ = written
    seen: list[int] = []
    real_connect = sqlite3.connect

    def spying_connect(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if str(target).endswith(".partial"):
            seen.append(mode(Path(str(target))))
        return real_connect(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", spying_connect)
    os.umask(0o022)
    backup_sqlite(database, tmp_path / "backups", TODAY)
    assert seen == [0o600]


def test_the_live_database_is_optimized(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    database, conn = written
    backup_sqlite(database, tmp_path / "backups", TODAY)
    # PRAGMA optimize ran ANALYZE on the tables it looked at.
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")\
        .fetchone()[0] == 1


def test_daily_backup_uses_the_data_dir_and_skips_other_databases(
    written: tuple[Path, sqlite3.Connection], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database, _ = written
    paths = Paths(database.parent)
    made = daily_backup(paths, None, TODAY)
    assert made == backups_dir(paths) / backup_name(TODAY)
    with caplog.at_level(logging.INFO, logger="wellbeing.storage.backup"):
        assert daily_backup(paths, "postgresql+psycopg://me:secret@host/db", TODAY) is None
    assert "not a SQLite file" in caplog.text
    assert "secret" not in caplog.text
    assert list_backups(backups_dir(paths)) == [made]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////var/data/w.sqlite3", Path("/var/data/w.sqlite3")),
        ("sqlite+pysqlite:////var/data/w.sqlite3", Path("/var/data/w.sqlite3")),
        ("sqlite:///rel.db", Path("rel.db").absolute()),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("postgresql+psycopg://me@localhost/wellbeing", None),
    ],
)
def test_which_file_a_url_names(url: str, expected: Path | None, tmp_path: Path) -> None:
    assert sqlite_file_of(url, Paths(tmp_path)) == expected
    assert sqlite_file_of(None, Paths(tmp_path)) == tmp_path / "wellbeing.sqlite3"
