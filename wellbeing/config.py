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


@dataclass(frozen=True)
class Config:
    """Everything the user can set; built from defaults plus ``config.toml``."""

    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
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


def load(path: Path) -> Config:
    """Read ``path`` (missing file = defaults) and validate every value."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: the file is not UTF-8 text ({exc.reason}).",
            hint="Save it as UTF-8, or move it away to use the defaults.",
        ) from exc
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot be read ({exc.strerror or exc}).",
            hint="Fix the file's permissions, or move it away to use the defaults.",
        ) from exc
    return parse(text, path)


def parse(text: str, path: Path) -> Config:
    """Parse and validate config text; errors name ``path`` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid TOML: {exc}.",
            hint="Fix that line (see the example in the README), or move the file away "
            "to use the defaults.",
        ) from exc
    reader = _Reader(text, path)
    known = {"tracking", "privacy", "categories", "rules"}
    for key in data:
        if key not in known:
            reader.fail(
                None, key, f"unknown section or key {key!r} (known: {', '.join(sorted(known))})"
            )
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
    colours: dict[str, str] = {}
    for name, colour in categories.items():
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            reader.fail("categories", name, f'colour must look like "#e4405f", not {colour!r}')
        colours[name] = colour
    rules = data.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        reader.fail(None, "rules", "rules must be written as [[rules]] tables")
    return Config(
        tracking=tracking_settings,
        privacy=privacy_settings,
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
        where = f"{self.path}, line {line}" if line else str(self.path)
        name = f"{section}.{key}" if section else key
        raise ConfigError(
            f"{where}: {name}: {reason}.", hint="Fix the value, or remove it to use the default."
        )

    def table(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            self.fail(None, name, f"[{name}] must be a table")
        return value  # type: ignore[no-any-return]

    def only(self, table: dict[str, Any], section: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                self.fail(section, key, f"unknown setting (known: {', '.join(sorted(allowed))})")

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
            self.fail(section, key, f"must be a number, not {value!r}")
        if integer and not isinstance(value, int):
            self.fail(section, key, f"must be a whole number, not {value!r}")
        if not low <= value <= high:
            self.fail(section, key, f"must be between {low:g} and {high:g}, not {value!r}")
        return float(value)

    def boolean(self, table: dict[str, Any], section: str, key: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.fail(section, key, f"must be true or false, not {value!r}")
        return bool(value)

    def strings(self, table: dict[str, Any], section: str, key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(
                section, key, f'must be a list of app names like ["keepassxc"], not {value!r}'
            )
        return tuple(v.strip().lower() for v in value)
