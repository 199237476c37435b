"""The Settings window: every setting with what it does, changed in place, checked first.

Each setting has a one-line explanation. "Save" writes the changed ones into
``config.toml`` through :func:`wellbeing.services.settings_file.save_settings`:
the file keeps the user's comments, and the start's own parser checks the
result first, so an invalid value is shown in red next to its field and
nothing is written. What the running app can take at once (away-after time,
window titles, ignored apps) applies at once through ``on_applied``; what
cannot says "from the next start" next to it. Rules and categories are
edited in the file itself ("Edit settings file…"); their problems, as
``wellbeing classify`` reports them, are listed here. Turning "keep window
titles" off offers to forget the titles stored so far.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from wellbeing.config import WEEKDAYS, Config
from wellbeing.errors import ConfigError
from wellbeing.services.settings_file import ensure_config_file, save_settings, setting_of

if TYPE_CHECKING:
    from wellbeing.ui.data_dialog import Restart, Runner

__all__ = ["SettingsDialog", "ensure_config_file"]

Setting = tuple[str, str]


class SettingsDialog(QDialog):
    """Settings, editable (see the module docstring).

    Args:
        config: the settings in force.
        config_path: the settings file.
        on_applied: given the new settings after each save (the app applies them).
        autostart: ``(enabled, set_enabled)`` for "Start at login", or None to hide it.
        forget_titles: forgets the stored titles and returns how many (None: not offered).
        rule_problems: the user rules' problems, one line each.
        data_dir, database: where the data is, shown (changed with --data-dir / --db).
        backends: the backend names that can be forced.
        ask: asks a yes/no question (tests answer it); default: a message box.
        run, restart: the Your data window's ways to run a CLI command and to hand one
            that needs the app quit to a detached child (``ui.data_dialog``); with
            both, the data folder can be moved ("Move…"); pick_folder chooses where.
    """

    def __init__(
        self,
        config: Config,
        config_path: Path,
        parent: QWidget | None = None,
        *,
        on_applied: Callable[[Config], None] | None = None,
        autostart: tuple[Callable[[], bool], Callable[[bool], None]] | None = None,
        forget_titles: Callable[[], int] | None = None,
        rule_problems: Sequence[str] = (),
        data_dir: Path | None = None,
        database: str | None = None,
        backends: Sequence[str] = ("x11", "gnome-wayland", "kde-wayland", "wlroots"),
        ask: Callable[[str, str], bool] | None = None,
        run: Runner | None = None,
        restart: Restart | None = None,
        pick_folder: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._restart = restart
        self._pick_folder = pick_folder or self._pick_folder_with_a_dialog
        self.config = config
        self.config_path = config_path
        self._on_applied = on_applied
        self._autostart = autostart
        self._forget_titles = forget_titles
        self._ask = ask or _ask_with_a_box
        self.errors: dict[Setting, QLabel] = {}
        self.setWindowTitle(self.tr("Wellbeing settings"))
        self.setAccessibleName(self.tr("Wellbeing settings"))
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        tracking = self._group(layout, self.tr("Tracking"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 24 * 60)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(max(1, round(config.tracking.idle_after_seconds / 60)))
        self._row(tracking, self.tr("Away after no input for"), self.idle_minutes,
                  ("tracking", "idle_after_seconds"),
                  self.tr("Without keyboard or mouse for this long, time stops counting "
                          "(back to your last input)."))
        self.poll_seconds = QDoubleSpinBox()
        self.poll_seconds.setRange(0.1, 60)
        self.poll_seconds.setDecimals(1)
        self.poll_seconds.setSuffix(self.tr(" s"))
        self.poll_seconds.setValue(config.tracking.poll_seconds)
        self._row(tracking, self.tr("Look at the window every"), self.poll_seconds,
                  ("tracking", "poll_seconds"),
                  self.tr("Only where the desktop does not announce switches; "
                          "from the next start."))
        self.day_start = QSpinBox()
        self.day_start.setRange(0, 23)
        self.day_start.setSuffix(":00")
        self.day_start.setValue(config.tracking.day_start_hour)
        self._row(tracking, self.tr("A day starts at"), self.day_start,
                  ("tracking", "day_start_hour"),
                  self.tr("Late nights count for the day before; from the next start."))

        privacy = self._group(layout, self.tr("Privacy"))
        self.store_titles = QCheckBox(self.tr("Keep window titles"))
        self.store_titles.setChecked(config.privacy.store_titles)
        self._row(privacy, "", self.store_titles, ("privacy", "store_titles"),
                  self.tr("Off: titles only recognise websites, then vanish (recommended)."))
        self.never_titles = QLineEdit(", ".join(config.privacy.never_store_titles_for))
        self._row(privacy, self.tr("Never keep titles of"), self.never_titles,
                  ("privacy", "never_store_titles_for"),
                  self.tr("App names, separated by commas (e.g. keepassxc, signal)."))
        self.ignore_apps = QLineEdit(", ".join(config.privacy.ignore_apps))
        self._row(privacy, self.tr("Record nothing for"), self.ignore_apps,
                  ("privacy", "ignore_apps"),
                  self.tr("App names, separated by commas: not even their time is kept."))

        notices = self._group(layout, self.tr("Notifications and limits"))
        self.summary = QCheckBox(self.tr("Weekly summary"))
        self.summary.setChecked(config.notifications.weekly_summary)
        self.summary_day = QComboBox()
        self.summary_day.addItems([
            self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
            self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")])
        self.summary_day.setCurrentIndex(config.notifications.weekly_summary_day)
        self.summary_time = QTimeEdit(QTime(config.notifications.weekly_summary_hour,
                                            config.notifications.weekly_summary_minute))
        self.summary_time.setDisplayFormat("HH:mm")
        self._row(notices, "", self.summary, ("notifications", "weekly_summary"),
                  self.tr("Last week's daily average and limits kept; from the next start."))
        self._row(notices, self.tr("On"), self.summary_day,
                  ("notifications", "weekly_summary_day"), "")
        self._row(notices, self.tr("At"), self.summary_time,
                  ("notifications", "weekly_summary_time"), "")
        self.warn_before = QDoubleSpinBox()
        self.warn_before.setRange(0, 120)
        self.warn_before.setDecimals(0)
        self.warn_before.setSuffix(self.tr(" min"))
        self.warn_before.setValue(config.limits.warn_before_minutes)
        self._row(notices, self.tr("Warn before a limit"), self.warn_before,
                  ("limits", "warn_before_minutes"),
                  self.tr("The \"almost up\" notice comes this early (0: none); "
                          "from the next start."))

        looks = self._group(layout, self.tr("Appearance and backups"))
        self.theme = QComboBox()
        for value, text in (("system", self.tr("Like the desktop")), ("light", self.tr("Light")),
                            ("dark", self.tr("Dark"))):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(config.appearance.theme)))
        self._row(looks, self.tr("Theme"), self.theme, ("appearance", "theme"),
                  self.tr("Applies at once."))
        self.keep_backups = QSpinBox()
        self.keep_backups.setRange(1, 365)
        self.keep_backups.setValue(config.backups.keep)
        self._row(looks, self.tr("Daily backups kept"), self.keep_backups, ("backups", "keep"),
                  self.tr("The newest ones; older ones are deleted; from the next start."))

        system = self._group(layout, self.tr("This computer"))
        self.login = QCheckBox(self.tr("Start Wellbeing when I log in"))
        if autostart is not None:
            self.login.setChecked(autostart[0]())
            self._row(system, "", self.login, ("desktop", "autostart"),
                      self.tr("Applies at once."))
        self.backend = QComboBox()
        self.backend.setEditable(True)
        self.backend.addItems(["auto", *backends])
        self.backend.setCurrentText(config.platform.backend)
        self._row(system, self.tr("See windows through"), self.backend,
                  ("platform", "backend"),
                  self.tr("\"auto\" tries every way (wellbeing doctor lists them); "
                          "from the next start."))
        where = QLabel(str(data_dir) if data_dir else "—")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleName(self.tr("Data folder"))
        place = QWidget()
        line = QHBoxLayout(place)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(where, 1)
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.setAccessibleName(self.tr("Move the data folder"))
        self.move_button.clicked.connect(self.move_data)
        self.move_button.setVisible(run is not None and restart is not None)
        line.addWidget(self.move_button)
        self._row(system, self.tr("Data folder"), place, ("desktop", "data_dir"),
                  self.tr("Your history, settings and backups. Moving them closes Wellbeing "
                          "while they move, then starts it again from the new place."))
        self.database_url = QLineEdit(config.storage.database_url)
        self.database_url.setPlaceholderText(self.tr("the data folder's own file"))
        in_use = (self.tr("In use now: {database}.").format(database=database) if database
                  else self.tr("In use now: the data folder's own file."))
        self._row(system, self.tr("Database"), self.database_url, ("storage", "database_url"),
                  self.tr("Empty: the data folder's own file. A PostgreSQL URL "
                          "(postgresql+psycopg://me@server/wellbeing) keeps one history for "
                          "several computers; the password goes in ~/.pgpass. From the next "
                          "start; --db or WELLBEING_DB_URL, when given, win.") + " " + in_use)

        rules = self._group(layout, self.tr("Your rules and categories"))
        count = len(config.rules)
        summary = (self.tr("{count} rules of your own").format(count=count) if count
                   else self.tr("none yet"))
        self.rules_label = QLabel(summary + "".join(f"\n⚠ {p}" for p in rule_problems))
        self.rules_label.setWordWrap(True)
        self.rules_label.setAccessibleName(self.tr("Your rules"))
        rules.addRow(self.rules_label)
        rules.addRow(self._note(self.tr("Rules and category colours are written in the "
                                        "settings file; 'wellbeing classify' tries them.")))
        layout.addStretch(1)  # spare height below the groups, not inside them

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        outer.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save"),
                                             QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.clicked.connect(self.save)
        self.edit_button = buttons.addButton(self.tr("Edit settings file…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setAccessibleName(self.tr("Edit settings file"))
        self.edit_button.clicked.connect(self.open_file)
        self.restart_button = buttons.addButton(self.tr("Restart Wellbeing now"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restart_button.clicked.connect(self.restart_now)
        self.restart_button.hide()
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(560, 640)

    # -- building ----------------------------------------------------------------------

    def _group(self, layout: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(box)
        return form

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        return note

    def _row(self, form: QFormLayout, label: str, field: QWidget, setting: Setting,
             explanation: str) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        column.addWidget(field)
        if explanation:
            column.addWidget(self._note(explanation))
        error = QLabel("")
        error.setWordWrap(True)
        error.setStyleSheet("color: #c62828;")
        error.setAccessibleName(self.tr("Problem with {setting}").format(
            setting=f"{setting[0]}.{setting[1]}"))
        error.hide()
        column.addWidget(error)
        self.errors[setting] = error
        field.setAccessibleName(label or getattr(field, "text", lambda: "")())
        form.addRow(label, holder)

    # -- saving --------------------------------------------------------------------------

    def changes(self) -> dict[Setting, Any]:
        """Every setting the window shows, as the file writes it."""
        def names(edit: QLineEdit) -> list[str]:
            return [n.strip() for n in edit.text().split(",") if n.strip()]

        time = self.summary_time.time()
        return {
            ("tracking", "idle_after_seconds"): self.idle_minutes.value() * 60,
            ("tracking", "poll_seconds"): round(self.poll_seconds.value(), 1),
            ("tracking", "day_start_hour"): self.day_start.value(),
            ("privacy", "store_titles"): self.store_titles.isChecked(),
            ("privacy", "never_store_titles_for"): names(self.never_titles),
            ("privacy", "ignore_apps"): names(self.ignore_apps),
            ("notifications", "weekly_summary"): self.summary.isChecked(),
            ("notifications", "weekly_summary_day"): WEEKDAYS[self.summary_day.currentIndex()],
            ("notifications", "weekly_summary_time"): f"{time.hour():02d}:{time.minute():02d}",
            ("limits", "warn_before_minutes"): self.warn_before.value(),
            ("platform", "backend"): self.backend.currentText().strip(),
            ("appearance", "theme"): str(self.theme.currentData()),
            ("backups", "keep"): self.keep_backups.value(),
            ("storage", "database_url"): self.database_url.text().strip(),
        }

    def save(self) -> bool:
        """Write the settings if they are valid; True when written (and applied)."""
        for error in self.errors.values():
            error.hide()
        was_storing = self.config.privacy.store_titles
        try:
            new = save_settings(self.config_path, self.config, self.changes())
        except ConfigError as exc:
            setting = setting_of(exc)
            shown = self.errors.get(setting) if setting else None
            reason = exc.message.split(": ", 2)[-1] if setting else exc.user_message()
            if shown is not None:
                shown.setText(reason)
                shown.show()
            self.status.setText(self.tr("Not saved: {reason}").format(reason=reason))
            return False
        if self._autostart is not None and self.login.isChecked() != self._autostart[0]():
            self._autostart[1](self.login.isChecked())
        waiting = _needs_a_restart(self.config, new)
        self.config = new
        if self._on_applied is not None:
            self._on_applied(new)
        if not waiting:
            self.status.setText(self.tr("Saved and applied."))
        elif self._restart is not None:
            self.status.setText(self.tr("Saved. Some changes apply from the next start: "
                                        "restart Wellbeing to use them now."))
            self.restart_button.show()
        else:
            self.status.setText(self.tr("Saved. Settings marked \u201cfrom the next start\u201d "
                                        "apply when Wellbeing starts again."))
        if was_storing and not new.privacy.store_titles:
            self._offer_to_forget_titles()
        return True

    def _offer_to_forget_titles(self) -> None:
        if self._forget_titles is None:
            return
        if self._ask(self.tr("Forget stored titles?"),
                     self.tr("Window titles are no longer kept. Also forget the titles "
                             "kept so far? The time of each app and website stays.")):
            count = self._forget_titles()
            self.status.setText(
                self.tr("Saved. {count} stored titles were forgotten.").format(count=count))

    def restart_now(self) -> None:
        """Start Wellbeing again (a detached child waits for this app to quit)."""
        if self._restart is not None:
            self._restart(["relaunch"])

    def move_data(self) -> bool:
        """Move the data folder: the command's own words asked, then handed to ``restart``."""
        if self._run is None or self._restart is None:
            return False
        folder = self._pick_folder()
        if not folder:
            return False
        asked = self._run(["move-data", folder])  # without --yes it only says what it would do
        message = asked.stderr.removeprefix("wellbeing: ").split("\n")[0].strip()
        if asked.returncode != 2 or not message.startswith("this moves"):
            self.status.setText((asked.stderr or asked.stdout).strip().removeprefix("wellbeing: "))
            return False
        text = (message[0].upper() + message[1:] + ".\n\n"
                + self.tr("Wellbeing closes to do this, and starts again."))
        if not self._ask(self.tr("Move your data?"), text):
            self.status.setText(self.tr("Nothing was moved."))
            return False
        self.status.setText(self.tr("Wellbeing closes now, moves your data, and starts again."))
        self._restart(["move-data", folder, "--yes", "--restart-app"])
        return True

    def _pick_folder_with_a_dialog(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Move your data to (a new or empty folder)"), str(Path.home()))

    def open_file(self) -> bool:
        """Create the file if needed and open it in the desktop's editor."""
        path = ensure_config_file(self.config_path, self.config)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


_NEXT_START: tuple[tuple[str, str], ...] = (
    ("tracking", "poll_seconds"), ("tracking", "day_start_hour"), ("notifications", ""),
    ("limits", ""), ("platform", ""), ("backups", ""), ("storage", ""))
"""What the running app cannot take at once (section, field; "" = the whole section)."""


def _needs_a_restart(old: Config, new: Config) -> bool:
    for section, name in _NEXT_START:
        before, after = getattr(old, section), getattr(new, section)
        if (getattr(before, name) != getattr(after, name)) if name else before != after:
            return True
    return False


def _ask_with_a_box(title: str, text: str) -> bool:
    answer = QMessageBox.question(None, title, text)
    return answer == QMessageBox.StandardButton.Yes
