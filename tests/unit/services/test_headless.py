"""The headless tracker's storage: a real upkeep child prepares and labels, sqlite3 writes.

Every test here starts real ``python -m wellbeing.services.upkeep`` children,
as ``wellbeing track`` does; nothing is mocked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.unit.storage.helpers import GARBAGE, damage
from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import FakeClock
from wellbeing.errors import WellbeingError
from wellbeing.paths import Paths
from wellbeing.services.headless import LABEL_DELAY_S, HeadlessStorage
from wellbeing.storage.db import Database, sqlite_problem
from wellbeing.storage.models import App, Category

START = 1_780_000_000_000  # 2026-05-28T20:26:40Z


def piece(app: str, seconds: int, *, segment: int = 1, start: int = START) -> Interval:
    return Interval(Focus(app, app.title()), start, start + seconds * 1000, 0, date(2026, 5, 28),
                    segment)


def app_rows(paths: Paths) -> dict[str, tuple[str, str | None]]:
    """App key -> (display name, category name), read through the SQLAlchemy layer."""
    with Database.open(None, paths) as db, db.transaction() as conn:
        rows = conn.execute(
            select(App.key, App.display_name, Category.name).outerjoin(
                Category, Category.id == App.category_id
            )
        ).all()
    return {key: (name, category) for key, name, category in rows}


def running_cmdline(pid: int, exited: Callable[[], int | None]) -> list[bytes]:
    """The command line of a running child, as anyone on the machine can read it.

    Popen may return while the kernel still sets the new program's arguments up
    (they read as empty then), so read again until they appear or the child ends.
    """
    cmdline = [b""]
    for _ in range(500):
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if cmdline != [b""] or exited() is not None:
            break
        time.sleep(0.01)
    return cmdline


def save_after_damage(
    storage: HeadlessStorage, paths: Paths, meanwhile: Callable[[], None] = lambda: None
) -> Exception:
    """Prepare, write, damage the file (then ``meanwhile``); the error of the next save."""
    storage.prepare()
    writer = storage.open_writer()
    writer.save([], [piece("code", 10)])
    damage(paths.database)
    meanwhile()
    with pytest.raises(Exception) as caught:  # noqa: PT011 - whatever sqlite3 raises
        writer.save([], [piece("code", 20)])
    return caught.value


@pytest.fixture
def paths(data_dir: Path) -> Paths:
    return Paths(data_dir)


def test_prepare_creates_a_private_migrated_file_and_the_writer_writes(
    paths: Paths, clock: FakeClock
) -> None:
    storage = HeadlessStorage(paths, clock)
    device = storage.prepare()
    writer = storage.open_writer()
    writer.save([], [piece("code", 30)])
    writer.save([piece("code", 45)], [piece("slack", 5, segment=2, start=START + 45_000)])
    storage.close()
    assert paths.database.stat().st_mode & 0o777 == 0o600
    assert paths.data_dir.stat().st_mode & 0o777 == 0o700
    assert not paths.database.with_name(paths.database.name + "-wal").exists()  # checkpointed
    assert sqlite_problem(paths.database) is None
    with Database.open(None, paths) as db:
        assert db.device_id("ignored", "linux") == device
    # The new apps were labelled from the rules by the background child (waited for at close).
    assert app_rows(paths) == {"code": ("Code", "Work"), "slack": ("Slack", "Work")}


def test_a_damaged_file_found_at_start_is_set_aside_by_the_child(
    paths: Paths, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    paths.data_dir.mkdir(mode=0o700)
    paths.database.write_bytes(b"this is not a database at all" * 100)
    paths.database.chmod(0o600)
    storage = HeadlessStorage(paths, clock)
    storage.prepare()
    storage.close()
    aside = [p for p in paths.data_dir.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not a database")
    assert "moved aside" in caplog.text
    assert sqlite_problem(paths.database) is None


def test_a_database_that_cannot_be_made_gives_the_childs_message_and_code(
    paths: Paths, clock: FakeClock
) -> None:
    paths.data_dir.mkdir(mode=0o700)
    paths.database.mkdir()  # a directory where the file should be
    with pytest.raises(WellbeingError) as caught:
        HeadlessStorage(paths, clock).prepare()
    assert caught.value.exit_code == 4
    assert str(paths.database) in caught.value.user_message()


def test_damage_while_writing_sets_the_file_aside_and_goes_on_in_a_fresh_one(
    paths: Paths, clock: FakeClock
) -> None:
    storage = HeadlessStorage(paths, clock)
    fresh = storage.recover(save_after_damage(storage, paths))
    assert fresh is not None
    fresh.save([piece("code", 25)])
    storage.close()
    assert len(storage.set_aside) == 1
    assert GARBAGE in storage.set_aside[0].read_bytes()
    assert storage.set_aside[0].stat().st_mode & 0o777 == 0o600
    assert sqlite_problem(paths.database) is None
    assert "code" in app_rows(paths)


def test_other_failures_are_not_recovered(paths: Paths, clock: FakeClock) -> None:
    storage = HeadlessStorage(paths, clock)
    storage.prepare()
    storage.open_writer()
    assert storage.recover(RuntimeError("database is locked")) is None
    storage.close()
    assert storage.set_aside == []


def test_the_headless_tracker_runs_without_importing_sqlalchemy(data_dir: Path) -> None:
    probe = textwrap.dedent(f"""
        import sys
        from wellbeing.config import load
        from wellbeing.paths import resolve
        from wellbeing.services.headless import build_headless_tracker
        paths = resolve({str(data_dir)!r})
        tracker, storage = build_headless_tracker(paths, load(paths.config), fake=True, poll=0.2)
        tracker.run(duration=1.5)
        storage.close()
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic"))
        print(loaded)
    """)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    with Database.open(None, Paths(data_dir)) as db, db.transaction() as conn:
        assert conn.execute(select(App.key)).first() is not None  # it did record


def test_a_file_another_process_already_set_aside_is_not_moved_again(
    paths: Paths, clock: FakeClock
) -> None:
    storage = HeadlessStorage(paths, clock)

    def another_process_sets_it_aside() -> None:  # e.g. `wellbeing report`
        with Database.open(None, paths):
            pass

    error = save_after_damage(storage, paths, meanwhile=another_process_sets_it_aside)
    aside_by_other = [p for p in paths.data_dir.iterdir() if p.name.endswith("Z")]
    fresh = storage.recover(error)
    assert fresh is not None
    fresh.save([piece("code", 25)])
    storage.close()
    assert storage.set_aside == []  # the fresh file the other process started stays
    assert [p for p in paths.data_dir.iterdir() if p.name.endswith("Z")] == aside_by_other
    assert "code" in app_rows(paths)


def test_the_label_job_never_moves_the_file_the_tracker_writes(
    paths: Paths, clock: FakeClock
) -> None:
    storage = HeadlessStorage(paths, clock)
    storage.prepare()
    storage.open_writer().save([], [piece("code", 10)])
    storage.close()
    damage(paths.database)
    done = subprocess.run(
        [sys.executable, "-m", "wellbeing.services.upkeep", "label", "--data-dir",
         str(paths.data_dir)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode != 0  # it could not label a damaged file...
    assert [p.name for p in paths.data_dir.iterdir() if ".corrupt-" in p.name] == []  # ...kept
    assert GARBAGE in paths.database.read_bytes()


def test_one_labelling_child_serves_a_burst_of_new_apps(paths: Paths, clock: FakeClock) -> None:
    storage = HeadlessStorage(paths, clock)
    storage.prepare()
    writer = storage.open_writer()
    writer.save([piece("code", 10)])
    clock.advance(10)
    writer.save([piece("slack", 10, segment=2, start=START + 10_000)])
    clock.advance(10)
    writer.save([piece("signal", 10, segment=3, start=START + 20_000)])
    assert storage.labellers_started == 0  # still gathering the burst
    clock.advance(LABEL_DELAY_S)
    writer.save([piece("code", 10, segment=4, start=START + 60_000)])  # a known app
    assert storage.labellers_started == 1
    writer.save([piece("code", 10, segment=5, start=START + 70_000)])
    storage.close()
    assert storage.labellers_started == 1
    labels = app_rows(paths)
    assert labels["slack"] == ("Slack", "Work")
    assert labels["code"][1] == "Work"


def test_app_names_and_window_classes_reach_the_labeller_on_stdin_not_its_command_line(
    paths: Paths, clock: FakeClock
) -> None:
    # Anyone on the machine can read /proc/<pid>/cmdline; stdin is the child's own.
    app, wm_class = "secret-launcher-4711", ("jetbrains-secret-4711", "jetbrains-secret-4711")
    storage = HeadlessStorage(paths, clock, wm_classes=lambda: {app: wm_class})
    storage.prepare()
    writer = storage.open_writer()
    writer.save([piece(app, 10)])
    clock.advance(LABEL_DELAY_S)
    writer.save([piece(app, 10, segment=2, start=START + 10_000)])  # the labeller starts
    assert storage.labellers_started == 1
    child = storage._labellers[0]
    cmdline = running_cmdline(child.pid, child.poll)
    storage.close()
    assert b"wellbeing.services.upkeep" in cmdline  # read while it ran, not an empty zombie's
    assert not any(b"4711" in arg for arg in cmdline), cmdline
    assert not any("4711" in arg for arg in storage.label_command())
    with Database.open(None, paths) as db, db.transaction() as conn:
        stored = conn.execute(select(App.wm_class).where(App.key == app)).scalar_one()
    assert "jetbrains-secret-4711" in (stored or "")  # ...yet the child got them
    assert app_rows(paths)[app][1] == "Work"  # and labelled by the WM_CLASS rule


def test_wellbeing_track_loads_no_archive_or_temp_file_modules(data_dir: Path) -> None:
    """``wellbeing track`` runs for weeks: no shutil (bz2, lzma), tempfile (random) or subprocess.

    argparse would import shutil for the terminal's width (cli._Formatter gives it), the
    labelling child's input file came from tempfile (child_process.unnamed_file now).
    """
    probe = textwrap.dedent(f"""
        import sys
        from wellbeing import cli
        code = cli.main(["--data-dir", {str(data_dir)!r}, "--fake-platform", "track",
                         "--duration", "1.5"])
        print(code, sorted(m for m in ("shutil", "bz2", "lzma", "tempfile", "random",
                                       "subprocess") if m in sys.modules))
    """)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"
