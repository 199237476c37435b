"""The Settings window: what is set now, and a way to change it in the settings file.

Settings live in ``config.toml`` (see ``wellbeing.config``), so they can be
read, versioned and shared. This window shows the values in force, explains
each one in plain words, and opens the file in the user's text editor; if the
file does not exist yet it is created (0600) from a commented template.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wellbeing.config import WEEKDAYS, Config
from wellbeing.core.durations import format_duration

TEMPLATE = """\
# wellbeing settings. Lines starting with # are comments.
# Changes apply the next time wellbeing starts.

[tracking]
# How often the foreground window is checked, in seconds.
poll_seconds = {poll:g}
# After this many seconds without keyboard or mouse input you count as away,
# and the time since your last input is not counted.
idle_after_seconds = {idle:g}
# A "day" runs from this hour to the same hour the next morning (0-23).
day_start_hour = {day_start}

[privacy]
# Keep window titles in the database (off: titles only recognise websites).
store_titles = {store_titles}
# Apps whose window titles are never kept, even with store_titles = true.
never_store_titles_for = []
# Apps for which nothing at all is recorded.
ignore_apps = []

[notifications]
# A notification with last week's daily average and days within your limits.
weekly_summary = {weekly_summary}
# The day (mon ... sun) and local time it comes on.
weekly_summary_day = "{summary_day}"
weekly_summary_time = "{summary_time}"

[limits]
# The "almost up" notification comes this many minutes before a limit (0: none).
warn_before_minutes = {warn:g}

[platform]
# How wellbeing sees the focused window: "auto" tries every way that fits this
# desktop (wellbeing doctor lists them and says which one works), or name one
# ("x11", "wlroots", ...) to use it and no other; if it cannot work, wellbeing
# says why instead of falling back.
backend = "{backend}"

# Your own rules, for example to count an app as Work:
# [[rules]]
# field = "app"
# match = "exact"
# pattern = "krita"
# category = "Work"
"""


def ensure_config_file(path: Path, config: Config) -> Path:
    """Create ``path`` (0600) from the template with the values in force, if it is missing."""
    if path.exists():
        return path
    text = TEMPLATE.format(
        poll=config.tracking.poll_seconds,
        idle=config.tracking.idle_after_seconds,
        day_start=config.tracking.day_start_hour,
        store_titles=str(config.privacy.store_titles).lower(),
        weekly_summary=str(config.notifications.weekly_summary).lower(),
        summary_day=WEEKDAYS[config.notifications.weekly_summary_day],
        summary_time=f"{config.notifications.weekly_summary_hour:02d}:"
        f"{config.notifications.weekly_summary_minute:02d}",
        warn=config.limits.warn_before_minutes,
        backend=config.platform.backend,
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


class SettingsDialog(QDialog):
    """Shows the settings in force and opens the settings file for editing."""

    def __init__(self, config: Config, config_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.config_path = config_path
        self.setWindowTitle("Wellbeing settings")
        self.setAccessibleName("Wellbeing settings")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These are the settings in force. To change them, edit the settings file; "
            "changes apply the next time wellbeing starts."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        tracking, privacy = config.tracking, config.privacy
        rows = [
            ("Check the window every", format_duration(tracking.poll_seconds)),
            ("Away after no input for", format_duration(tracking.idle_after_seconds)),
            ("A day starts at", f"{tracking.day_start_hour:02d}:00"),
            ("Keep window titles", "yes" if privacy.store_titles else "no (recommended)"),
            ("Never record", ", ".join(privacy.ignore_apps) or "—"),
            ("Window backend", config.platform.backend),
            ("Your own rules", str(len(config.rules))),
        ]
        for label, value in rows:
            shown = QLabel(value)
            shown.setAccessibleName(label)
            form.addRow(label, shown)
        layout.addLayout(form)
        where = QLabel(f"Settings file: {config_path}")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.edit_button = buttons.addButton(
            "Edit settings file…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.setAccessibleName("Edit settings file")
        self.edit_button.clicked.connect(self.open_file)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_file(self) -> bool:
        """Create the file if needed and open it in the desktop's editor."""
        path = ensure_config_file(self.config_path, self.config)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
