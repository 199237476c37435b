from pathlib import Path

import pytest

from wellbeing import config
from wellbeing.errors import ConfigError


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    cfg = config.load(tmp_path / "config.toml")
    assert cfg.tracking.poll_seconds == 1.0
    assert cfg.tracking.idle_after_seconds == 180.0
    assert cfg.tracking.day_start_hour == 4
    assert cfg.privacy.store_titles is False


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[tracking]\npoll_seconds = 2\nday_start_hour = 3\n"
        '[privacy]\nstore_titles = true\nignore_apps = ["Zoom"]\n'
        '[categories]\nSocial = "#112233"\n'
        '[[rules]]\nfield = "title"\nmatch = "regex"\npattern = "^x"\nsite = "x.com"\n'
    )
    cfg = config.load(path)
    assert cfg.tracking.poll_seconds == 2.0
    assert cfg.tracking.day_start_hour == 3
    assert cfg.privacy.store_titles is True
    assert cfg.privacy.ignore_apps == ("zoom",)
    assert cfg.categories == {"Social": "#112233"}
    assert cfg.rules[0]["site"] == "x.com"
    assert cfg.rule_source(0) == "config.toml [[rules]] #1, line 9"


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[tracking]\npoll_seconds = 1\nday_start_hour = = 4\n")
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert str(path) in info.value.message
    assert "line 3" in info.value.message
    assert info.value.exit_code == 3


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (
            '[tracking]\n\npoll_seconds = "fast"\n',
            "line 3: tracking.poll_seconds: must be a number",
        ),
        (
            "[tracking]\nday_start_hour = 25\n",
            "line 2: tracking.day_start_hour: must be between 0 and 23",
        ),
        ("[tracking]\nday_start_hour = 4.5\n", "must be a whole number"),
        (
            '[privacy]\nstore_titles = "yes"\n',
            "line 2: privacy.store_titles: must be true or false",
        ),
        ('[privacy]\nignore_apps = "zoom"\n', "must be a list"),
        ("[tracking]\npol_seconds = 1\n", "line 2: tracking.pol_seconds: unknown setting"),
        ('[categories]\nSocial = "red"\n', "line 2: categories.Social: colour must look like"),
        ("[trackin]\npoll_seconds = 1\n", "line 1: trackin: unknown section"),
        ("tracking = 3\n", "tracking: [tracking] must be a table"),
    ],
)
def test_bad_values_name_the_line(tmp_path: Path, body: str, fragment: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert fragment in info.value.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe[tracking]")
    with pytest.raises(ConfigError, match="not UTF-8"):
        config.load(path)


def test_notifications_and_limits_settings(tmp_path: Path) -> None:
    from wellbeing.core.timetable import WeeklyTime

    defaults = config.load(tmp_path / "none.toml")
    assert defaults.notifications.weekly_summary_at == WeeklyTime(9, 0, frozenset({0}))
    assert defaults.limits.warn_before_minutes == 5.0
    path = tmp_path / "config.toml"
    path.write_text(
        '[notifications]\nweekly_summary_day = "Sunday"\nweekly_summary_time = "18:30"\n'
        "[limits]\nwarn_before_minutes = 10\n"
    )
    cfg = config.load(path)
    assert cfg.notifications.weekly_summary_at == WeeklyTime(18, 30, frozenset({6}))
    assert cfg.limits.warn_before_minutes == 10.0
    path.write_text("[notifications]\nweekly_summary = false\n")
    assert config.load(path).notifications.weekly_summary_at is None


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('[notifications]\nweekly_summary_day = "someday"\n',
         "line 2: notifications.weekly_summary_day: must be a day"),
        ('[notifications]\n\nweekly_summary_time = "25:00"\n',
         "line 3: notifications.weekly_summary_time: must be a time of day"),
        ("[notifications]\nweekly_summary_time = 9\n", "must be a time of day"),
        ('[notifications]\nweekly_summary = "yes"\n', "must be true or false"),
        ("[notifications]\nsummary = true\n", "notifications.summary: unknown setting"),
        ("[limits]\nwarn_before_minutes = -1\n", "limits.warn_before_minutes: must be between"),
        ("[limits]\nwarn = 1\n", "limits.warn: unknown setting"),
    ],
)
def test_bad_notification_and_limit_settings(tmp_path: Path, body: str, fragment: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert fragment in info.value.message


def test_platform_backend(tmp_path: Path) -> None:
    assert config.load(tmp_path / "none.toml").platform.backend == "auto"
    path = tmp_path / "config.toml"
    path.write_text('[platform]\nbackend = "WLRoots"\n')
    assert config.load(path).platform.backend == "wlroots"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("[platform]\nbackend = 3\n", 'line 2: platform.backend: must be "auto" or a backend name'),
        ('[platform]\nbackend = "x 11!"\n', "platform.backend: must be"),
        ('[platform]\nname = "x11"\n', "platform.name: unknown setting"),
    ],
)
def test_bad_platform_settings(tmp_path: Path, body: str, fragment: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert fragment in info.value.message


def test_theme_and_backups_are_checked(tmp_path: Path) -> None:
    from wellbeing import config as config_module

    path = tmp_path / "config.toml"
    path.write_text('[appearance]\ntheme = "Dark"\n[backups]\nkeep = 30\n', encoding="utf-8")
    loaded = config_module.load(path)
    assert (loaded.appearance.theme, loaded.backups.keep) == ("dark", 30)
    for bad, says in (('[appearance]\ntheme = "blue"\n', "appearance.theme"),
                      ("[backups]\nkeep = 0\n", "backups.keep"),
                      ("[backups]\nkeep = 2.5\n", "backups.keep")):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError, match=says):
            config_module.load(path)


def test_the_database_url_is_empty_or_a_database_url(tmp_path: Path) -> None:
    from wellbeing import config as config_module

    path = tmp_path / "config.toml"
    assert config_module.load(path).storage.database_url == ""
    path.write_text('[storage]\ndatabase_url = " postgresql+psycopg://me@db.local/wb "\n',
                    encoding="utf-8")
    assert config_module.load(path).storage.database_url == "postgresql+psycopg://me@db.local/wb"
    for bad in ('"mysql://me@host/wb"', '"db.local"', "3", '"postgresql://me@host/w b"',
                '"sqlite:///a\\"b"'):
        path.write_text(f"[storage]\ndatabase_url = {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="storage.database_url"):
            config_module.load(path)
