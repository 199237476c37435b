"""Your data: export everything, import (ours or ActivityWatch's), delete days, backups.

The window runs the very commands of the command line (``wellbeing export``,
``import``, ``delete``, ``backup list``), as a child process of this program,
so the GUI and the CLI share one tested path and the tray app loads nothing
heavy for it. Every change is shown before it is made: an import is tried with
``--dry-run`` first and its summary asked about; a deletion is described by
``delete`` itself (what goes, named) and asked about. Days before today can be
deleted while Wellbeing runs. Deleting today or everything, and going back to
a backup, need Wellbeing quit: once asked, the window hands the command, with
``--restart-app``, to a detached child (``restart``) and the app quits; the
child waits for it, does it, tells the result in a notification and starts
Wellbeing again (``services.app_restart``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["DataDialog", "cli_detached", "cli_runner"]

Runner = Callable[[Sequence[str]], subprocess.CompletedProcess[str]]
Ask = Callable[[str, str], bool]
PickFile = Callable[[str, str, bool], str]
Restart = Callable[[Sequence[str]], None]


def _cli(data_dir: Path, db_url: str | None) -> list[str]:
    program = [sys.executable] if getattr(sys, "frozen", False) else [
        sys.executable, "-m", "wellbeing"]
    return [*program, "--data-dir", str(data_dir), *(["--db", db_url] if db_url else [])]


def cli_detached(data_dir: Path, db_url: str | None = None) -> Callable[[Sequence[str]], int]:
    """Starts ``wellbeing ... ARGS`` in a session of its own, to outlive this app; its pid."""
    from wellbeing.services.app_restart import start_detached

    base = _cli(data_dir, db_url)
    return lambda args: start_detached([*base, *args])


def cli_runner(data_dir: Path, db_url: str | None = None) -> Runner:
    """Runs ``wellbeing [--data-dir D] [--db URL] ARGS`` as a child (this interpreter)."""
    base = _cli(data_dir, db_url)

    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return subprocess.run([*base, *args], capture_output=True, text=True,
                                  stdin=subprocess.DEVNULL, timeout=600, check=False)
        finally:
            QGuiApplication.restoreOverrideCursor()

    return run


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class DataDialog(QDialog):
    """The "Your data" window (see the module docstring).

    Args:
        run: runs one CLI command (``cli_runner``; tests give a fake).
        today: the app's today (deleting stops at yesterday).
        ask: a yes/no question; pick_file: a file chooser (title, filter, saving).
        restart: hands a command that needs the app quit to a detached child
            (with ``--restart-app``) and quits the app; None: such changes are
            offered as commands to run by hand.
    """

    def __init__(self, run: Runner, today: date, parent: QWidget | None = None, *,
                 ask: Ask | None = None, pick_file: PickFile | None = None,
                 restart: Restart | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._restart = restart
        self._today = today
        self._ask = ask or self._ask_with_a_box
        self._pick = pick_file or self._pick_with_a_dialog
        self.setWindowTitle(self.tr("Your data — Wellbeing"))
        layout = QVBoxLayout(self)

        export = QGroupBox(self.tr("Take it with you"))
        form = QFormLayout(export)
        self.format = QComboBox()
        self.format.addItem(self.tr("One JSON file (can be imported again)"), "json")
        self.format.addItem(self.tr("A zip of CSV files (for spreadsheets)"), "csv")
        form.addRow(self.tr("Format"), self.format)
        self.export_button = QPushButton(self.tr("Export everything…"))
        self.export_button.clicked.connect(self.export)
        form.addRow("", self.export_button)
        layout.addWidget(export)

        bring = QGroupBox(self.tr("Bring history in"))
        column = QVBoxLayout(bring)
        column.addWidget(self._note(self.tr(
            "A Wellbeing JSON export, or ActivityWatch's \u201cExport all buckets as "
            "JSON\u201d. Importing twice adds nothing.")))
        self.import_button = QPushButton(self.tr("Import a file…"))
        self.import_button.clicked.connect(self.import_file)
        column.addWidget(self.import_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(bring)

        delete = QGroupBox(self.tr("Delete days"))
        rows = QFormLayout(delete)
        yesterday = today - timedelta(days=1)
        self.first = QDateEdit(_qdate(yesterday))
        self.last = QDateEdit(_qdate(yesterday))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setMaximumDate(_qdate(yesterday))
        span = QHBoxLayout()
        span.addWidget(self.first)
        span.addWidget(QLabel(self.tr("to")))
        span.addWidget(self.last)
        rows.addRow(self.tr("From"), span)
        self.delete_button = QPushButton(self.tr("Delete these days…"))
        self.delete_button.clicked.connect(self.delete_days)
        rows.addRow("", self.delete_button)
        more = QHBoxLayout()
        self.delete_today_button = QPushButton(self.tr("Delete today…"))
        self.delete_today_button.clicked.connect(self.delete_today)
        self.delete_all_button = QPushButton(self.tr("Delete everything…"))
        self.delete_all_button.clicked.connect(self.delete_everything)
        more.addWidget(self.delete_today_button)
        more.addWidget(self.delete_all_button)
        more.addStretch(1)
        rows.addRow("", more)
        rows.addRow(self._note(self._restart_note()))
        layout.addWidget(delete)

        backups = QGroupBox(self.tr("Automatic backups"))
        column = QVBoxLayout(backups)
        self.backups_label = QLabel()
        self.backups_label.setWordWrap(True)
        self.backups_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.backups_label)
        pick = QHBoxLayout()
        self.backup_choice = QComboBox()
        self.backup_choice.setAccessibleName(self.tr("Backup"))
        self.restore_button = QPushButton(self.tr("Go back to this backup…"))
        self.restore_button.clicked.connect(self.restore_backup)
        pick.addWidget(self.backup_choice)
        pick.addWidget(self.restore_button)
        pick.addStretch(1)
        column.addLayout(pick)
        self._list_backups()
        layout.addWidget(backups)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    # -- actions ---------------------------------------------------------------------------

    def export(self) -> bool:
        fmt = str(self.format.currentData())
        suffix = "json" if fmt == "json" else "zip"
        name = f"wellbeing-{self._today.isoformat()}.{suffix}"
        path = self._pick(self.tr("Export everything"), name, True)
        if not path:
            return False
        done = self._run(["export", "--format", fmt, "-o", path])
        return self._show(done)

    def import_file(self) -> bool:
        path = self._pick(self.tr("Import a file"), self.tr("JSON files (*.json)"), False)
        if not path:
            return False
        tried = self._run(["import", "--dry-run", path])
        if tried.returncode != 0:
            return self._show(tried)
        if not self._ask(self.tr("Import this?"), tried.stdout.strip()):
            self.status.setText(self.tr("Nothing was imported."))
            return False
        return self._show(self._run(["import", path]))

    def delete_days(self) -> bool:
        first, last = sorted((_day(self.first), _day(self.last)))
        span = ["--from", first.isoformat(), "--to", last.isoformat()]
        if not self._described(["delete", *span], "this deletes", self.tr("Delete these days?")):
            return False
        return self._show(self._run(["delete", *span, "--yes"]))

    def delete_today(self) -> bool:
        """Today: needs the app quit (it is recording today)."""
        return self._quit_and(["delete", "--date", self._today.isoformat()], "this deletes",
                              self.tr("Delete today?"))

    def delete_everything(self) -> bool:
        """Everything recorded and the backups (settings stay): needs the app quit."""
        return self._quit_and(["delete", "--all"], "this deletes",
                              self.tr("Delete everything?"))

    def restore_backup(self) -> bool:
        """Go back to the chosen backup (the database in use is kept): needs the app quit."""
        day = self.backup_choice.currentData()
        if not day:
            return False
        return self._quit_and(["backup", "restore", str(day)], "this replaces",
                              self.tr("Go back to this backup?"))

    def _described(self, command: list[str], opening: str, title: str, *,
                   closes: bool = False) -> bool:
        """Ask with the words of ``command`` itself (run without --yes, it only says what
        it would do); True once the person said yes."""
        asked = self._run(command)
        message = asked.stderr.removeprefix("wellbeing: ").split("\n")[0].strip()
        if asked.returncode != 2 or not message.startswith(opening):
            self._show(asked)  # nothing to do (exit 0), or a problem worth reading
            return False
        sentence = message[0].upper() + message[1:] + "."
        if closes:
            sentence += "\n\n" + self.tr("Wellbeing closes to do this, and starts again.")
        if not self._ask(title, sentence):
            self.status.setText(self.tr("Nothing was changed."))
            return False
        return True

    def _quit_and(self, command: list[str], opening: str, title: str) -> bool:
        if self._restart is None:
            self.status.setText(self.tr(
                "Quit Wellbeing from the tray menu, then run \u201cwellbeing {command}\u201d."
            ).format(command=" ".join(command)))
            return False
        if not self._described(command, opening, title, closes=True):
            return False
        self.status.setText(self.tr("Wellbeing closes now, does it, and starts again."))
        self._restart([*command, "--yes", "--restart-app"])
        return True

    # -- helpers -----------------------------------------------------------------------------

    def _restart_note(self) -> str:
        if self._restart is None:
            return self.tr("Deleting today or everything needs Wellbeing quit first: run "
                           "\u201cwellbeing delete --all\u201d, which names what goes and "
                           "asks first.")
        return self.tr("Deleting today or everything closes Wellbeing while it is done, "
                       "then starts it again. Everything also deletes the backups; your "
                       "settings stay.")

    def _list_backups(self) -> None:
        listed = self._run(["backup", "list", "--json"])
        backups = json.loads(listed.stdout or "[]") if listed.returncode == 0 else []
        self.backup_choice.clear()
        for backup in reversed(backups):  # newest first
            self.backup_choice.addItem(str(backup["date"]), str(backup["date"]))
        for widget in (self.backup_choice, self.restore_button):
            widget.setEnabled(bool(backups))
        if listed.returncode != 0:
            self.backups_label.setText(listed.stderr.strip())
        elif not backups:
            self.backups_label.setText(self.tr("None yet: one is made every day."))
        else:
            self.backups_label.setText(self.tr(
                "One is made every day. Going back to one keeps the database in use "
                "beside it, and closes Wellbeing while it is done."))

    def _show(self, done: subprocess.CompletedProcess[str]) -> bool:
        text = (done.stdout if done.returncode == 0 else done.stderr).strip()
        self.status.setText(text.removeprefix("wellbeing: "))
        return done.returncode == 0

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        return note

    def _ask_with_a_box(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def _pick_with_a_dialog(self, title: str, hint: str, saving: bool) -> str:
        if saving:
            path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / hint))
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), hint)
        return path
