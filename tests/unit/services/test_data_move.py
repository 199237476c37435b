"""Moving the data folder: one rename on one file system; across two, copied, checked,
and the old folder kept aside; refused destinations; the pointer later starts follow."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wellbeing import paths as paths_module
from wellbeing.errors import BadDataError, UsageError
from wellbeing.services.data_move import check_destination, move_data, point_at


def make_data(tmp_path: Path) -> paths_module.Paths:
    paths = paths_module.resolve(tmp_path / "data")
    paths_module.ensure_private_dir(paths.data_dir)
    conn = sqlite3.connect(paths.database)
    with conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE interval (id INTEGER PRIMARY KEY, seconds REAL)")
        conn.executemany("INSERT INTO interval (seconds) VALUES (?)", [(i,) for i in range(500)])
    # left open, as a reader may be: its -wal and -shm files come and go during a move
    (paths.data_dir / "config.toml").write_text("# mine\n", encoding="utf-8")
    (paths.data_dir / "backups").mkdir()
    (paths.data_dir / "backups" / "wellbeing-2026-12-01.sqlite3").write_bytes(b"b" * 100)
    return paths


def rows(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM interval").fetchone()[0])


def test_on_one_file_system_the_folder_is_renamed(tmp_path: Path) -> None:
    paths = make_data(tmp_path)
    new = check_destination(paths, tmp_path / "elsewhere" / "wellbeing")
    moved = move_data(paths, new)
    assert moved == type(moved)(new, None)
    assert not paths.data_dir.exists()
    assert rows(new / "wellbeing.sqlite3") == 500
    assert (new / "config.toml").read_text(encoding="utf-8") == "# mine\n"
    assert (new / "backups" / "wellbeing-2026-12-01.sqlite3").stat().st_size == 100


def test_across_file_systems_it_is_copied_checked_and_the_old_kept(tmp_path: Path) -> None:
    paths = make_data(tmp_path)
    calls: list[tuple[Path, Path]] = []

    def across_devices(src: Path, dst: Path) -> None:
        calls.append((src, dst))
        if len(calls) == 1:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        os.rename(src, dst)

    new = check_destination(paths, tmp_path / "usb")
    moved = move_data(paths, new, datetime(2026, 12, 5, 9, 30, tzinfo=UTC), rename=across_devices)
    assert moved.kept_as == tmp_path / "data-moved-20261205-093000"
    assert rows(new / "wellbeing.sqlite3") == 500  # the WAL was folded in before the copy
    wal = new / "wellbeing.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert rows(moved.kept_as / "wellbeing.sqlite3") == 500  # never deleted
    assert (new.stat().st_mode & 0o777) == 0o700


def test_a_copy_that_fails_leaves_the_data_where_it_was(tmp_path: Path) -> None:
    paths = make_data(tmp_path)
    with sqlite3.connect(paths.database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(paths.database.read_bytes())
    data[4096: 4096 + 12] = b"\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"  # a page header
    paths.database.write_bytes(bytes(data))

    def across_devices(_src: Path, _dst: Path) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    new = check_destination(paths, tmp_path / "usb")
    with pytest.raises(BadDataError, match="failed its check"):
        move_data(paths, new, rename=across_devices)
    assert paths.database.exists()
    assert not new.exists()


def test_when_the_old_folder_cannot_be_set_aside_the_copy_goes(tmp_path: Path) -> None:
    paths = make_data(tmp_path)

    def across_devices(_src: Path, _dst: Path) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    new = check_destination(paths, tmp_path / "usb")
    with pytest.raises(OSError, match="cross-device"):
        move_data(paths, new, rename=across_devices)
    assert rows(paths.database) == 500
    assert not new.exists()


@pytest.mark.parametrize("where", ["data", "data/sub", "."])
def test_refused_destinations(tmp_path: Path, where: str) -> None:
    paths = make_data(tmp_path)
    with pytest.raises(UsageError):
        check_destination(paths, tmp_path / where)


def test_a_folder_with_files_is_refused(tmp_path: Path) -> None:
    paths = make_data(tmp_path)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").touch()
    with pytest.raises(UsageError, match="not an empty folder"):
        check_destination(paths, tmp_path / "full")
    (tmp_path / "empty").mkdir()
    assert check_destination(paths, tmp_path / "empty") == tmp_path / "empty"


def test_later_starts_follow_the_pointer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv(paths_module.DATA_DIR_ENV, raising=False)
    default = paths_module.resolve(None).data_dir
    assert default == tmp_path / "share" / "wellbeing"
    point_at(tmp_path / "usb")
    assert paths_module.resolve(None).data_dir == tmp_path / "usb"
    assert (paths_module.moved_pointer().stat().st_mode & 0o777) == 0o600
    assert paths_module.resolve(str(tmp_path / "x")).data_dir == tmp_path / "x"  # --data-dir wins
    point_at(default)  # moved back: no pointer
    assert not paths_module.moved_pointer().exists()
    assert paths_module.resolve(None).data_dir == default
