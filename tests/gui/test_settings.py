from pathlib import Path
from typing import Any

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


def dialog_for(qtbot: QtBot, path: Path, cfg: Config | None = None, **kwargs: Any
               ) -> SettingsDialog:
    dialog = SettingsDialog(cfg or Config(), path, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_shows_the_settings_in_force(qtbot: QtBot, tmp_path: Path) -> None:
    cfg = Config(
        tracking=TrackingSettings(poll_seconds=2, idle_after_seconds=300, day_start_hour=5),
        privacy=PrivacySettings(ignore_apps=("zoom",)),
    )
    dialog = dialog_for(qtbot, tmp_path / "config.toml", cfg)
    assert dialog.idle_minutes.value() == 5
    assert dialog.day_start.value() == 5
    assert dialog.poll_seconds.value() == 2
    assert dialog.ignore_apps.text() == "zoom"
    assert not dialog.store_titles.isChecked()
    assert dialog.backend.currentText() == "auto"


def test_saving_writes_the_changes_and_keeps_the_users_comments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# my notes\n[tracking]\nidle_after_seconds = 120  # short breaks\n\n"
                    "[[rules]]\nfield = \"app\"\nmatch = \"exact\"\npattern = \"krita\"\n"
                    "category = \"Work\"\n", encoding="utf-8")
    applied: list[Config] = []
    dialog = dialog_for(qtbot, path, config.load(path), on_applied=applied.append)
    dialog.idle_minutes.setValue(7)
    dialog.ignore_apps.setText("zoom, Steam ")
    dialog.summary_day.setCurrentIndex(6)
    assert dialog.save()
    text = path.read_text(encoding="utf-8")
    assert "# my notes" in text
    assert "# short breaks" in text
    assert 'pattern = "krita"' in text
    loaded = config.load(path)
    assert loaded.tracking.idle_after_seconds == 420
    assert loaded.privacy.ignore_apps == ("zoom", "steam")
    assert loaded.notifications.weekly_summary_day == 6
    assert len(loaded.rules) == 1
    assert [c.tracking.idle_after_seconds for c in applied] == [420]  # applied live
    assert (path.stat().st_mode & 0o777) == 0o600


def test_an_invalid_value_is_refused_next_to_its_field_and_nothing_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[tracking]\nday_start_hour = 4\n", encoding="utf-8")
    applied: list[Config] = []
    dialog = dialog_for(qtbot, path, config.load(path), on_applied=applied.append)
    dialog.show()
    dialog.backend.setCurrentText("Not A Backend!")
    dialog.idle_minutes.setValue(9)
    assert not dialog.save()
    problem = dialog.errors[("platform", "backend")]
    assert problem.isVisible()
    assert "backend name" in problem.text()
    assert "Not saved" in dialog.status.text()
    assert path.read_text(encoding="utf-8") == "[tracking]\nday_start_hour = 4\n"
    assert applied == []
    dialog.backend.setCurrentText("auto")
    assert dialog.save()
    assert not problem.isVisible()


def test_a_missing_file_is_created_private_on_save(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    dialog = dialog_for(qtbot, path)
    dialog.store_titles.setChecked(True)
    assert dialog.save()
    assert config.load(path).privacy.store_titles is True
    assert "# wellbeing settings" in path.read_text(encoding="utf-8")
    assert (path.stat().st_mode & 0o777) == 0o600


def test_turning_titles_off_offers_to_forget_the_stored_ones(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    forgotten: list[int] = []
    asked: list[str] = []

    def ask(title: str, _text: str) -> bool:
        asked.append(title)
        return True

    cfg = Config(privacy=PrivacySettings(store_titles=True))
    dialog = dialog_for(qtbot, path, cfg, ask=ask,
                        forget_titles=lambda: forgotten.append(1) or 12)
    dialog.idle_minutes.setValue(4)
    assert dialog.save()
    assert asked == []  # titles still kept: nothing to offer
    dialog.store_titles.setChecked(False)
    assert dialog.save()
    assert asked == ["Forget stored titles?"]
    assert forgotten == [1]
    assert "12 stored titles were forgotten" in dialog.status.text()


def test_start_at_login_is_set_when_saved(qtbot: QtBot, tmp_path: Path) -> None:
    state = {"on": False}
    dialog = dialog_for(qtbot, tmp_path / "config.toml",
                        autostart=(lambda: state["on"], lambda on: state.update(on=on)))
    assert not dialog.login.isChecked()
    dialog.login.setChecked(True)
    assert dialog.save()
    assert state["on"] is True


def test_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.gui.test_screenshots import ARTIFACTS

    dialog = dialog_for(qtbot, tmp_path / "config.toml", rule_problems=[
        "config.toml, rule #2 (line 14): bad regex 'insta(gram': missing ), unterminated "
        "subpattern"], data_dir=Path("/home/me/.local/share/wellbeing"))
    dialog.resize(600, 1400)
    dialog.show()
    dialog.backend.setCurrentText("Not valid")
    dialog.save()
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "settings.png"))


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


def test_theme_applies_at_once_and_backups_kept_are_saved(
    qtbot: QtBot, tmp_path: Path, qapp: Any
) -> None:
    from wellbeing.ui.theme import apply_theme, is_dark

    path = tmp_path / "config.toml"
    applied: list[Config] = []
    dialog = dialog_for(qtbot, path, on_applied=applied.append)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.keep_backups.setValue(30)
    assert dialog.save()
    loaded = config.load(path)
    assert (loaded.appearance.theme, loaded.backups.keep) == ("dark", 30)
    apply_theme(qapp, applied[-1].appearance.theme)  # what the app does with it
    assert is_dark(qapp.palette())
    apply_theme(qapp, "light")
    assert not is_dark(qapp.palette())
    apply_theme(qapp, "system")


def test_the_database_url_is_checked_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    dialog = dialog_for(qtbot, path)
    dialog.database_url.setText("server.local/wellbeing")
    assert not dialog.save()
    assert "database URL" in dialog.errors[("storage", "database_url")].text()
    assert not path.exists()
    dialog.database_url.setText("postgresql+psycopg://me@server.local/wellbeing")
    assert dialog.save()
    assert config.load(path).storage.database_url == "postgresql+psycopg://me@server.local/wellbeing"


def test_moving_the_data_folder_asks_with_the_commands_words_then_hands_it_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Against the real command line: the move is described by ``move-data`` itself."""
    import subprocess
    import sys

    from wellbeing.ui.data_dialog import cli_runner

    data_dir = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "demo-data",
                    "--days", "2"], check=True, capture_output=True, timeout=120)
    asked: list[str] = []
    answers = [False, True]
    handed: list[list[str]] = []
    folders = [str(data_dir / "inside"), str(tmp_path / "new"), str(tmp_path / "new")]

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    dialog = dialog_for(qtbot, data_dir / "config.toml", data_dir=data_dir, ask=ask,
                        run=cli_runner(data_dir), restart=lambda a: handed.append(list(a)),
                        pick_folder=lambda: folders.pop(0))
    assert not dialog.move_button.isHidden()
    assert not dialog.move_data()  # inside the data folder: refused, said, nothing asked
    assert "inside one another" in dialog.status.text()
    assert asked == []
    assert not dialog.move_data()
    assert asked[-1].startswith("This moves your data (")
    assert f"to {tmp_path / 'new'}" in asked[-1]
    assert "Nothing was moved" in dialog.status.text()
    assert dialog.move_data()
    assert handed == [["move-data", str(tmp_path / "new"), "--yes", "--restart-app"]]
    assert (data_dir / "wellbeing.sqlite3").exists()  # the window itself moved nothing


def test_without_the_apps_runner_there_is_no_move_button(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, tmp_path / "config.toml", data_dir=tmp_path)
    assert dialog.move_button.isHidden()


def test_changes_for_the_next_start_offer_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    import subprocess

    handed: list[list[str]] = []
    dialog = dialog_for(qtbot, tmp_path / "config.toml",
                        run=lambda a: subprocess.CompletedProcess(a, 0, "", ""),
                        restart=lambda a: handed.append(list(a)))
    dialog.show()
    dialog.idle_minutes.setValue(7)  # applies at once
    assert dialog.save()
    assert dialog.status.text() == "Saved and applied."
    assert not dialog.restart_button.isVisible()
    dialog.day_start.setValue(5)  # from the next start
    assert dialog.save()
    assert "restart Wellbeing to use them now" in dialog.status.text()
    assert dialog.restart_button.isVisible()
    dialog.restart_button.click()
    assert handed == [["relaunch"]]
