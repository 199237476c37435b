"""The "Your data" window against the real command line on a real data folder.

Export writes the file; import of an ActivityWatch export is tried first and
asked about; deleting days is described by ``delete`` itself and asked about;
saying no changes nothing; backups are listed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.unit.services.test_aw_import import AFK, WINDOW, bucket, export
from wellbeing.ui.data_dialog import DataDialog, cli_runner

END = date(2026, 10, 31)
TODAY = date(2026, 11, 5)


def cli(data_dir: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("data-dialog") / "data"
    cli(data_dir, "demo-data", "--days", "10", "--seed", "2", "--end", END.isoformat())
    return data_dir


def total(data_dir: Path, first: str, last: str) -> float:
    return float(json.loads(cli(data_dir, "report", "--json", "--from", first, "--to", last))[
        "total_seconds"])


def test_export_import_and_delete_through_the_command_line(
    qtbot: QtBot, month: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    answers: list[bool] = []
    asked: list[str] = []
    picked: list[str] = []

    def ask(title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    dialog = DataDialog(cli_runner(month), TODAY, ask=ask,
                        pick_file=lambda _title, _hint, _saving: picked.pop(0))
    qtbot.addWidget(dialog)
    assert "None yet" in dialog.backups_label.text()

    out = tmp_path / "all.json"
    picked.append(str(out))
    assert dialog.export()
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "wellbeing-export"
    assert "Wrote" in dialog.status.text()

    aw = export(tmp_path, bucket("currentwindow", "laptop", WINDOW),
                bucket("afkstatus", "laptop", AFK))
    picked.append(str(aw))
    answers.append(False)
    assert not dialog.import_file()
    assert "Would import" in asked[-1]
    assert "Nothing was imported" in dialog.status.text()
    picked.append(str(aw))
    answers.append(True)
    assert dialog.import_file()
    assert "laptop (ActivityWatch)" in dialog.status.text()

    before = total(month, "2026-10-27", "2026-10-31")
    assert total(month, "2026-10-25", "2026-10-26") > 0
    dialog.first.setDate(dialog.first.date().addDays(-10))  # 2026-10-25 .. 2026-10-26
    dialog.last.setDate(dialog.last.date().addDays(-9))
    answers.append(False)
    assert not dialog.delete_days()
    assert asked[-1].startswith("This deletes")
    assert "from 2026-10-25 to 2026-10-26" in asked[-1]
    assert "Nothing was changed" in dialog.status.text()
    answers.append(True)
    assert dialog.delete_days()
    assert total(month, "2026-10-25", "2026-10-26") == 0
    assert total(month, "2026-10-27", "2026-10-31") == before


def test_screenshot(qtbot: QtBot, month: Path) -> None:
    from tests.gui.test_screenshots import ARTIFACTS

    dialog = DataDialog(cli_runner(month), TODAY, restart=lambda _args: None)  # as in the app
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.status.setText("Wrote /home/me/wellbeing-2026-11-05.json (json, readable by you "
                          "only): 4231 intervals, 212 daily totals.")
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "data_dialog.png"))


def test_today_everything_and_a_backup_are_handed_on_with_restart(
    qtbot: QtBot, month: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What needs the app quit is described by the command itself, asked, then handed to
    ``restart`` (a detached child that waits for the app to quit) with --restart-app."""
    from wellbeing.storage.backup import backup_sqlite

    monkeypatch.setenv("TZ", "UTC")
    data_dir = tmp_path / "data"
    shutil.copytree(month, data_dir)
    backup_sqlite(data_dir / "wellbeing.sqlite3", data_dir / "backups", END)
    answers: list[bool] = []
    asked: list[str] = []
    handed: list[list[str]] = []

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    dialog = DataDialog(cli_runner(data_dir), TODAY, ask=ask, pick_file=lambda *_: "",
                        restart=lambda args: handed.append(list(args)))
    qtbot.addWidget(dialog)
    assert dialog.backup_choice.currentData() == END.isoformat()

    answers.append(False)
    assert not dialog.delete_everything()
    assert asked[-1].startswith("This deletes everything wellbeing recorded")
    assert asked[-1].endswith("Wellbeing closes to do this, and starts again.")
    assert handed == []
    answers.append(True)
    assert dialog.delete_everything()
    assert handed[-1] == ["delete", "--all", "--yes", "--restart-app"]

    assert not dialog.delete_today()  # nothing recorded on TODAY: said, nothing asked
    assert "Nothing recorded" in dialog.status.text()
    assert len(handed) == 1

    answers.append(True)
    assert dialog.restore_backup()
    assert "replaces the database in use" in asked[-1]
    assert handed[-1] == ["backup", "restore", END.isoformat(), "--yes", "--restart-app"]
    assert total(data_dir, "2026-10-25", "2026-10-31") > 0  # the dialog itself changed nothing


def test_without_restart_the_command_to_run_is_named(qtbot: QtBot, month: Path) -> None:
    dialog = DataDialog(cli_runner(month), TODAY, ask=lambda *_: True, pick_file=lambda *_: "")
    qtbot.addWidget(dialog)
    assert not dialog.delete_everything()
    assert "run \u201cwellbeing delete --all\u201d" in dialog.status.text()
    assert not dialog.restore_button.isEnabled()  # no backups in this folder
