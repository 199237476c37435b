"""Settings: the user's ``config.toml``, validated and typed.

The file is optional; every setting has a default. A malformed file is a
:class:`~wellbeing.errors.ConfigError` that names the file and the line, so a
person can open it and fix it. Example::

    [tracking]
    poll_seconds = 1.0          # how often the foreground window is sampled
    idle_after_seconds = 180    # no input for this long = away
    day_start_hour = 4          # a "day" runs from 04:00 to 04:00

    [privacy]
    store_titles = false        # keep window titles (off: titles only classify, then vanish)
    never_store_titles_for = ["keepassxc"]
    ignore_apps = ["zoom"]      # record nothing at all for these

    [notifications]
    weekly_summary = true       # a summary of last week ...
    weekly_summary_day = "mon"  # ... on this day
    weekly_summary_time = "09:00"

    [limits]
    warn_before_minutes = 5     # the "time is almost up" notification comes this early

    [platform]
    backend = "auto"            # or force one: "x11", "wlroots", ... (see wellbeing doctor)

    [appearance]
    theme = "system"            # or "light" / "dark"

    [backups]
    keep = 7                    # how many daily backups are kept

    [categories]                # name = colour
    Social = "#e4405f"

    [[rules]]                   # user rules, see ``wellbeing classify``
    field = "title"
    match = "regex"
    pattern = "^Mastodon"
    site = "mastodon.social"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.core.timetable import WeeklyTime
from wellbeing.errors import ConfigError


@dataclass(frozen=True)
class TrackingSettings:
    poll_seconds: float = 1.0
    idle_after_seconds: float = 180.0
    day_start_hour: int = 4


@dataclass(frozen=True)
class PrivacySettings:
    store_titles: bool = False
    never_store_titles_for: tuple[str, ...] = ()
    ignore_apps: tuple[str, ...] = ()


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class NotificationSettings:
    weekly_summary: bool = True
    weekly_summary_day: int = 0  # Monday = 0
    weekly_summary_hour: int = 9
    weekly_summary_minute: int = 0

    @property
    def weekly_summary_at(self) -> WeeklyTime | None:
        """When the weekly summary comes, or None when it is turned off."""
        if not self.weekly_summary:
            return None
        return WeeklyTime(
            self.weekly_summary_hour,
            self.weekly_summary_minute,
            frozenset({self.weekly_summary_day}),
        )


@dataclass(frozen=True)
class LimitSettings:
    warn_before_minutes: float = 5.0


@dataclass(frozen=True)
class PlatformSettings:
    backend: str = "auto"  # "auto", or the name of one backend (platform.select.CANDIDATES)


THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class AppearanceSettings:
    theme: str = "system"  # one of THEMES


@dataclass(frozen=True)
class BackupSettings:
    keep: int = 7


@dataclass(frozen=True)
class StorageSettings:
    database_url: str = ""  # empty: the data folder's own SQLite file; --db and the env win


_DATABASE_URL = re.compile(r"^(sqlite|postgresql)(\+[a-z0-9_]+)?://[^\s\"'\\]*$")


_BACKEND_NAME = re.compile(r"^[a-z][a-z0-9-]{0,31}$")


@dataclass(frozen=True)
class Config:
    """Everything the user can set; built from defaults plus ``config.toml``."""

    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    notifications: NotificationSettings = field(default_factory=NotificationSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    platform: PlatformSettings = field(default_factory=PlatformSettings)
    appearance: AppearanceSettings = field(default_factory=AppearanceSettings)
    backups: BackupSettings = field(default_factory=BackupSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    categories: dict[str, str] = field(default_factory=dict)
    rules: list[dict[str, Any]] = field(default_factory=list)
    rule_lines: list[int] = field(default_factory=list)
    source: Path | None = None

    def rule_source(self, index: int) -> str:
        """Where user rule ``index`` (0-based) is written, for error messages."""
        name = self.source.name if self.source else "config"
        line = self.rule_lines[index] if index < len(self.rule_lines) else None
        where = f", line {line}" if line else ""
        return f"{name} [[rules]] #{index + 1}{where}"


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CLOCK_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def load(path: Path) -> Config:
    """Read ``path`` (missing file = defaults) and validate every value."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except UnicodeDecodeError as exc:
        raise ConfigError(
            translate("Config", "{path}: the file is not UTF-8 text ({reason}).").format(
                path=path, reason=exc.reason),
            hint=translate("Config", "Save it as UTF-8, or move it away to use the defaults."),
        ) from exc
    except OSError as exc:
        raise ConfigError(
            translate("Config", "{path}: cannot be read ({reason}).").format(
                path=path, reason=exc.strerror or exc),
            hint=translate(
                "Config", "Fix the file's permissions, or move it away to use the defaults."),
        ) from exc
    return parse(text, path)


def parse(text: str, path: Path) -> Config:
    """Parse and validate config text; errors name ``path`` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            translate("Config", "{path}: not valid TOML: {reason}.").format(path=path, reason=exc),
            hint=translate("Config", "Fix that line (see the example in the README), or move "
                                     "the file away to use the defaults."),
        ) from exc
    reader = _Reader(text, path)
    known = {"tracking", "privacy", "notifications", "limits", "platform", "appearance",
             "backups", "storage", "categories", "rules"}
    for key in data:
        if key not in known:
            reader.fail(None, key, translate(
                "Config", "unknown section or key {key} (known: {known})").format(
                key=repr(key), known=", ".join(sorted(known))))
    tracking = reader.table(data, "tracking")
    privacy = reader.table(data, "privacy")
    categories = reader.table(data, "categories")
    tracking_settings = TrackingSettings(
        poll_seconds=reader.number(tracking, "tracking", "poll_seconds", 1.0, low=0.1, high=60),
        idle_after_seconds=reader.number(
            tracking, "tracking", "idle_after_seconds", 180.0, low=5, high=24 * 3600
        ),
        day_start_hour=int(
            reader.number(tracking, "tracking", "day_start_hour", 4, low=0, high=23, integer=True)
        ),
    )
    reader.only(tracking, "tracking", {"poll_seconds", "idle_after_seconds", "day_start_hour"})
    privacy_settings = PrivacySettings(
        store_titles=reader.boolean(privacy, "privacy", "store_titles", False),
        never_store_titles_for=reader.strings(privacy, "privacy", "never_store_titles_for"),
        ignore_apps=reader.strings(privacy, "privacy", "ignore_apps"),
    )
    reader.only(privacy, "privacy", {"store_titles", "never_store_titles_for", "ignore_apps"})
    notifications = reader.table(data, "notifications")
    summary_hour, summary_minute = reader.clock_time(
        notifications, "notifications", "weekly_summary_time", "09:00"
    )
    notification_settings = NotificationSettings(
        weekly_summary=reader.boolean(notifications, "notifications", "weekly_summary", True),
        weekly_summary_day=reader.weekday(
            notifications, "notifications", "weekly_summary_day", "mon"
        ),
        weekly_summary_hour=summary_hour,
        weekly_summary_minute=summary_minute,
    )
    reader.only(
        notifications,
        "notifications",
        {"weekly_summary", "weekly_summary_day", "weekly_summary_time"},
    )
    limits = reader.table(data, "limits")
    limit_settings = LimitSettings(
        warn_before_minutes=reader.number(
            limits, "limits", "warn_before_minutes", 5.0, low=0, high=120
        ),
    )
    reader.only(limits, "limits", {"warn_before_minutes"})
    platform = reader.table(data, "platform")
    backend = platform.get("backend", "auto")
    if not isinstance(backend, str) or not _BACKEND_NAME.match(backend.strip().lower()):
        reader.fail(
            "platform",
            "backend",
            translate("Config", 'must be "auto" or a backend name such as "x11", not {value}'
                      ).format(value=repr(backend)),
        )
    platform_settings = PlatformSettings(backend=backend.strip().lower())
    reader.only(platform, "platform", {"backend"})
    appearance = reader.table(data, "appearance")
    theme = appearance.get("theme", "system")
    if not isinstance(theme, str) or theme.strip().lower() not in THEMES:
        reader.fail("appearance", "theme", translate(
            "Config", 'must be "system", "light" or "dark", not {value}').format(value=repr(theme)))
    reader.only(appearance, "appearance", {"theme"})
    backups = reader.table(data, "backups")
    backup_settings = BackupSettings(
        keep=int(reader.number(backups, "backups", "keep", 7, low=1, high=365, integer=True)))
    reader.only(backups, "backups", {"keep"})
    storage = reader.table(data, "storage")
    database_url = storage.get("database_url", "")
    if not isinstance(database_url, str) or not (
            database_url.strip() == "" or _DATABASE_URL.match(database_url.strip())):
        reader.fail("storage", "database_url", translate(
            "Config", "must be empty (the data folder's own file) or a database URL such as "
                      '"postgresql+psycopg://me@server/wellbeing", not {value}').format(
            value=repr(database_url)))
    reader.only(storage, "storage", {"database_url"})
    colours: dict[str, str] = {}
    for name, colour in categories.items():
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            reader.fail("categories", name, translate(
                "Config", 'colour must look like "#e4405f", not {value}').format(
                value=repr(colour)))
        colours[name] = colour
    rules = data.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        reader.fail(None, "rules", translate("Config", "rules must be written as [[rules]] tables"))
    return Config(
        tracking=tracking_settings,
        privacy=privacy_settings,
        notifications=notification_settings,
        limits=limit_settings,
        platform=platform_settings,
        appearance=AppearanceSettings(theme=theme.strip().lower()),
        backups=backup_settings,
        storage=StorageSettings(database_url=database_url.strip()),
        categories=colours,
        rules=list(rules),
        rule_lines=reader.rule_lines(),
        source=path,
    )


class _Reader:
    """Validates values and finds the line a key is written on, for messages."""

    def __init__(self, text: str, path: Path) -> None:
        self.lines = text.splitlines()
        self.path = path

    def line_of(self, section: str | None, key: str) -> int | None:
        current: str | None = None
        for number, raw in enumerate(self.lines, start=1):
            line = raw.strip()
            header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", line)
            if header:
                current = header.group(1)
                if section is None and current == key:
                    return number
                continue
            if current == section and re.match(rf"^\"?{re.escape(key)}\"?\s*=", line):
                return number
        return None

    def rule_lines(self) -> list[int]:
        return [
            n for n, raw in enumerate(self.lines, start=1) if raw.strip().startswith("[[rules]]")
        ]

    def fail(self, section: str | None, key: str, reason: str) -> None:
        line = self.line_of(section, key)
        where = translate("Config", "{path}, line {line}").format(path=self.path, line=line) \
            if line else str(self.path)
        name = f"{section}.{key}" if section else key
        raise ConfigError(
            f"{where}: {name}: {reason}.",
            hint=translate("Config", "Fix the value, or remove it to use the default."),
        )

    def table(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            self.fail(None, name, translate("Config", "[{name}] must be a table").format(name=name))
        return value  # type: ignore[no-any-return]

    def only(self, table: dict[str, Any], section: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                self.fail(section, key, translate("Config", "unknown setting (known: {known})")
                          .format(known=", ".join(sorted(allowed))))

    def number(
        self,
        table: dict[str, Any],
        section: str,
        key: str,
        default: float,
        *,
        low: float,
        high: float,
        integer: bool = False,
    ) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(section, key, translate("Config", "must be a number, not {value}").format(
                value=repr(value)))
        if integer and not isinstance(value, int):
            self.fail(section, key, translate(
                "Config", "must be a whole number, not {value}").format(value=repr(value)))
        if not low <= value <= high:
            self.fail(section, key, translate(
                "Config", "must be between {low} and {high}, not {value}").format(
                low=f"{low:g}", high=f"{high:g}", value=repr(value)))
        return float(value)

    def boolean(self, table: dict[str, Any], section: str, key: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.fail(section, key, translate(
                "Config", "must be true or false, not {value}").format(value=repr(value)))
        return bool(value)

    def weekday(self, table: dict[str, Any], section: str, key: str, default: str) -> int:
        value = table.get(key, default)
        text = value.strip().lower() if isinstance(value, str) else ""
        for number, name in enumerate(WEEKDAYS):
            if text == name or text == _DAY_NAMES[number]:
                return number
        self.fail(section, key, translate(
            "Config", 'must be a day such as "mon" or "monday", not {value}').format(
            value=repr(value)))
        raise AssertionError("unreachable")

    def clock_time(
        self, table: dict[str, Any], section: str, key: str, default: str
    ) -> tuple[int, int]:
        value = table.get(key, default)
        match = _CLOCK_TIME.match(value.strip()) if isinstance(value, str) else None
        if match is None:
            self.fail(section, key, translate(
                "Config", 'must be a time of day such as "09:00", not {value}').format(
                value=repr(value)))
            raise AssertionError("unreachable")
        return int(match.group(1)), int(match.group(2))

    def strings(self, table: dict[str, Any], section: str, key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(section, key, translate(
                "Config", 'must be a list of app names like ["keepassxc"], not {value}').format(
                value=repr(value)))
        return tuple(v.strip().lower() for v in value)
