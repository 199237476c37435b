from __future__ import annotations

import re
import socket
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.unit.storage.helpers import CODE, piece
from wellbeing.core.clock import FakeClock
from wellbeing.errors import DatabaseUnreachable, StorageUnavailable
from wellbeing.paths import Paths
from wellbeing.storage import sqlite_file
from wellbeing.storage.db import Database, migrations_dir, set_aside_sqlite_file, sqlite_problem
from wellbeing.storage.models import Device, Meta
from wellbeing.storage.writer import UsageWriter

# FakeClock's default wall time, 1_780_000_000 s, is 2026-05-28 20:26:40 UTC.
STAMP = "20260528T202640Z"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_some_usage(database: Database) -> None:
    writer = UsageWriter(database, database.device_id("host", "linux"))
    writer.save([piece(CODE, 9, 10)])


class TestFiles:
    def test_data_dir_is_0700_and_database_files_0600(self, db: Database, paths: Paths) -> None:
        write_some_usage(db)
        with db.engine.connect():  # keep a connection open so -wal/-shm exist
            assert mode(paths.data_dir) == 0o700
            files = {p.name: mode(p) for p in paths.data_dir.iterdir()}
        assert files["wellbeing.sqlite3"] == 0o600
        assert files["wellbeing.sqlite3-wal"] == 0o600
        assert files["wellbeing.sqlite3-shm"] == 0o600

    def test_loose_existing_modes_are_tightened(self, paths: Paths, clock: FakeClock) -> None:
        paths.data_dir.mkdir(mode=0o755)
        paths.data_dir.chmod(0o755)
        paths.database.touch()
        paths.database.chmod(0o644)
        Database.open(None, paths, clock=clock).close()
        assert mode(paths.data_dir) == 0o700
        assert mode(paths.database) == 0o600

    def test_pragmas_on_every_connection(self, db: Database) -> None:
        with db.engine.connect() as one, db.engine.connect() as two:
            for conn in (one, two):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

    def test_foreign_keys_are_enforced(self, db: Database) -> None:
        with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as conn:
            conn.execute(
                text(
                    "INSERT INTO interval (device_id, app_id, start_ms, end_ms, "
                    "utc_offset_min, local_date) VALUES (99, 99, 0, 1, 0, '2026-01-01')"
                )
            )

    def test_close_leaves_a_self_contained_file(self, paths: Paths, clock: FakeClock) -> None:
        database = Database.open(None, paths, clock=clock)
        write_some_usage(database)
        database.close()
        assert not (paths.data_dir / "wellbeing.sqlite3-wal").exists()
        assert sqlite_problem(paths.database) is None

    def test_explicit_sqlite_url_gets_a_private_file(self, tmp_path: Path, paths: Paths) -> None:
        target = tmp_path / "elsewhere" / "usage.db"
        with Database.open(f"sqlite:///{target}", paths) as database:
            write_some_usage(database)
        assert mode(target) == 0o600
        assert not paths.data_dir.exists()


class TestCorruption:
    def test_garbage_file_is_set_aside_and_a_fresh_database_starts(
        self, paths: Paths, clock: FakeClock
    ) -> None:
        paths.data_dir.mkdir(mode=0o700)
        garbage = b"this is not a database, just some text\n" * 500
        paths.database.write_bytes(garbage)
        wal = paths.data_dir / "wellbeing.sqlite3-wal"
        wal.write_bytes(b"stale wal bytes")
        with Database.open(None, paths, clock=clock) as database:
            aside = paths.data_dir / f"wellbeing.sqlite3.corrupt-{STAMP}"
            assert database.set_aside == aside
            assert aside.read_bytes() == garbage
            assert mode(aside) == 0o600
            wal_aside = paths.data_dir / f"wellbeing.sqlite3-wal.corrupt-{STAMP}"
            assert wal_aside.read_bytes() == b"stale wal bytes"
            assert mode(wal_aside) == 0o600
            message = database.set_aside_message or ""
            assert str(aside) in message
            assert "nothing was deleted" in message
            assert "new, empty database" in message
            assert database.notice == message
            write_some_usage(database)  # the fresh database works
            with database.transaction() as conn:
                assert conn.scalar(select(Device.name)) == "host"
        assert mode(paths.database) == 0o600

    def test_truncated_database_is_set_aside_with_its_bytes(
        self, paths: Paths, clock: FakeClock
    ) -> None:
        with Database.open(None, paths, clock=clock) as database:
            writer = UsageWriter(database, database.device_id("host", "linux"))
            writer.bulk_insert(
                piece(CODE, 8 + n / 1000, 8 + (n + 1) / 1000, segment=n) for n in range(3000)
            )
        whole = paths.database.read_bytes()
        assert len(whole) > 64 * 1024
        half = whole[: len(whole) // 2]
        paths.database.write_bytes(half)
        with Database.open(None, paths, clock=clock) as database:
            assert database.set_aside is not None
            assert database.set_aside.read_bytes() == half
            assert database.set_aside_message is not None
            with database.transaction() as conn:
                assert conn.scalar(text("SELECT count(*) FROM interval")) == 0

    def test_sound_database_is_kept(self, paths: Paths, clock: FakeClock) -> None:
        with Database.open(None, paths, clock=clock) as database:
            write_some_usage(database)
        with Database.open(None, paths, clock=clock) as database:
            assert database.set_aside is None
            assert database.set_aside_message is None
            assert database.notice is None
            with database.transaction() as conn:
                assert conn.scalar(text("SELECT count(*) FROM interval")) == 1

    def test_set_aside_never_overwrites_an_earlier_one(self, tmp_path: Path) -> None:
        at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        names = []
        for content in (b"first", b"second"):
            bad = tmp_path / "x.sqlite3"
            bad.write_bytes(content)
            names.append(set_aside_sqlite_file(bad, at))
        assert names[0].name == "x.sqlite3.corrupt-20260102T030405Z"
        assert re.fullmatch(r"x\.sqlite3\.corrupt-20260102T030405Z-2", names[1].name)
        assert [n.read_bytes() for n in names] == [b"first", b"second"]


class TestUnavailable:
    def test_data_dir_inside_a_file(self, tmp_path: Path) -> None:
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(StorageUnavailable) as info:
            Database.open(None, Paths(blocker / "data"))
        assert info.value.exit_code == 4
        assert "--data-dir" in info.value.user_message()

    def test_database_path_is_a_directory(self, paths: Paths) -> None:
        paths.database.mkdir(parents=True)
        with pytest.raises(StorageUnavailable, match="database file"):
            Database.open(None, paths)

    def test_server_that_does_not_answer(self, paths: Paths) -> None:
        with pytest.raises(StorageUnavailable) as info:
            Database.open("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", paths)
        assert "secret" not in info.value.user_message()
        assert "server runs" in info.value.user_message()

    def test_server_that_does_not_answer_is_unreachable_not_refused(self, paths: Paths) -> None:
        with pytest.raises(DatabaseUnreachable) as info:  # worth waiting for (tracking goes on)
            Database.open("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", paths)
        assert info.value.host == "127.0.0.1:1"

    def test_a_server_that_accepts_but_never_answers_is_given_up(self, paths: Paths) -> None:
        """Without a connect timeout libpq would wait for ever (and the tracker with it)."""
        with socket.socket() as hung:
            hung.bind(("127.0.0.1", 0))
            hung.listen()  # the kernel completes the handshake; nobody ever speaks
            port = hung.getsockname()[1]
            outcome: list[BaseException] = []

            def open_it() -> None:
                try:
                    Database.open(f"postgresql+psycopg://nobody@127.0.0.1:{port}/none", paths)
                except BaseException as exc:  # noqa: BLE001 - looked at below
                    outcome.append(exc)

            attempt = threading.Thread(target=open_it, daemon=True)
            attempt.start()
            attempt.join(60)
            assert not attempt.is_alive(), "the attempt to connect never ended"
        assert len(outcome) == 1
        assert isinstance(outcome[0], DatabaseUnreachable)

    def test_unknown_driver(self, paths: Paths) -> None:
        with pytest.raises(StorageUnavailable, match="URL"):
            Database.open("nosuchdb://x/y", paths)

    def test_database_from_a_newer_version(self, paths: Paths, clock: FakeClock) -> None:
        with Database.open(None, paths, clock=clock) as database, database.transaction() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StorageUnavailable, match="newer"):
            Database.open(None, paths, clock=clock)


class TestDevice:
    def test_device_id_is_stable_and_keyed_by_uuid_not_hostname(
        self, paths: Paths, clock: FakeClock
    ) -> None:
        with Database.open(None, paths, clock=clock) as database:
            first = database.device_id("old-name", "linux")
            assert database.device_id("old-name", "linux") == first
        with Database.open(None, paths, clock=clock) as database:
            assert database.device_id("new-name", "linux") == first
            with database.transaction() as conn:
                row = conn.execute(select(Device.uuid, Device.name, Device.created_at_ms)).one()
                stored = conn.scalar(select(Meta.value).where(Meta.key == "device_uuid"))
        assert row.uuid == stored
        assert row.name == "new-name"
        assert row.created_at_ms == int(clock.wall * 1000)


class TestMigrationsDir:
    def test_checkout_fallback(self) -> None:
        found = migrations_dir()
        assert (found / "env.py").is_file()
        assert (found / "versions" / "0001_initial.py").is_file()

    def test_packaged_copy_wins(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        packaged = tmp_path / "wellbeing" / "_migrations"
        packaged.mkdir(parents=True)
        (packaged / "env.py").write_text("")
        monkeypatch.setattr(sqlite_file, "PACKAGE_DIR", packaged.parent)
        assert migrations_dir() == packaged


def test_quick_check_leaves_a_sound_file_unchanged(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "plain.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(100)])
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert sqlite_problem(path) is None
    assert path.read_bytes() == before


def test_two_processes_creating_the_device_at_once_agree(paths: Paths) -> None:
    """The other opener commits the device between this one's read and its insert."""
    from sqlalchemy import event

    first = Database.open(None, paths)
    second = Database.open(None, paths)
    raced: list[int] = []

    def meanwhile(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO META") and not raced:
            raced.append(first.device_id("other-process", "linux"))

    event.listen(second.engine, "before_cursor_execute", meanwhile)
    try:
        assert second.device_id("this-process", "linux") == raced[0]
    finally:
        first.close()
        second.close()
