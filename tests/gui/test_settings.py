from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wellbeing import config
from wellbeing.config import (
    Config,
    LimitSettings,
    NotificationSettings,
    PlatformSettings,
    PrivacySettings,
    TrackingSettings,
)
from wellbeing.ui.settings import SettingsDialog, ensure_config_file


def test_dialog_shows_the_settings_in_force(qtbot: QtBot, tmp_path: Path) -> None:
    cfg = Config(
        tracking=TrackingSettings(poll_seconds=2, idle_after_seconds=300, day_start_hour=5),
        privacy=PrivacySettings(ignore_apps=("zoom",)),
    )
    dialog = SettingsDialog(cfg, tmp_path / "config.toml")
    qtbot.addWidget(dialog)
    shown = {
        label.accessibleName(): label.text()
        for label in dialog.findChildren(QLabel)
        if label.accessibleName()
    }
    assert shown["Away after no input for"] == "5 min"
    assert shown["A day starts at"] == "05:00"
    assert shown["Never record"] == "zoom"
    assert shown["Keep window titles"] == "no (recommended)"


def test_template_is_private_and_round_trips(tmp_path: Path) -> None:
    tracking = TrackingSettings(poll_seconds=1.5, idle_after_seconds=240, day_start_hour=3)
    cfg = Config(
        tracking=tracking,
        notifications=NotificationSettings(
            weekly_summary_day=6, weekly_summary_hour=18, weekly_summary_minute=5
        ),
        limits=LimitSettings(warn_before_minutes=2.5),
        platform=PlatformSettings(backend="wlroots"),
    )
    path = ensure_config_file(tmp_path / "config.toml", cfg)
    assert (path.stat().st_mode & 0o777) == 0o600
    loaded = config.load(path)
    assert loaded.tracking == cfg.tracking
    assert loaded.notifications == cfg.notifications
    assert loaded.limits == cfg.limits
    assert loaded.platform.backend == "wlroots"
    assert loaded.privacy.store_titles is False
    before = path.read_text()
    ensure_config_file(path, Config())  # an existing file is never overwritten
    assert path.read_text() == before
