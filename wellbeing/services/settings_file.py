"""Changing ``config.toml`` from the Settings window: comments kept, nothing invalid written.

:func:`save_settings` applies a set of changes to the file's text with tomlkit
(so the user's comments, order and other keys stay as they are), validates
the result with the very parser that reads the file at start
(:func:`wellbeing.config.parse`), and writes it (0600) only if it is valid. An
invalid value raises the parser's :class:`~wellbeing.errors.ConfigError`;
:func:`setting_of` says which setting it names, so the window can show the
message next to that field. A missing file starts from :data:`TEMPLATE`,
written with the values in force.

:func:`ensure_config_file` creates that commented file for the user to edit
by hand (rules and categories are edited there).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wellbeing import config as config_module
from wellbeing.config import WEEKDAYS, Config
from wellbeing.core.i18n import translate
from wellbeing.errors import ConfigError
from wellbeing.paths import write_private

__all__ = ["TEMPLATE", "ensure_config_file", "save_settings", "setting_of", "template_text"]

Setting = tuple[str, str]
"""A setting by its section and key, e.g. ``("tracking", "idle_after_seconds")``."""

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

[appearance]
# "system" follows your desktop; "light" or "dark" chooses one.
theme = "{theme}"

[backups]
# How many daily backups of the database are kept (the newest ones).
keep = {keep}

[storage]
# Where your history is kept: empty for the data folder's own file, or a
# PostgreSQL URL (postgresql+psycopg://me@server/wellbeing) to share one history
# between computers; keep the password in ~/.pgpass, not here. --db and
# WELLBEING_DB_URL, when given, win.
database_url = "{database_url}"

# Your own rules, for example to count an app as Work:
# [[rules]]
# field = "app"
# match = "exact"
# pattern = "krita"
# category = "Work"
"""


def template_text(config: Config) -> str:
    """The commented settings file with the values of ``config``."""
    return TEMPLATE.format(
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
        theme=config.appearance.theme,
        keep=config.backups.keep,
        database_url=config.storage.database_url,
    )


def ensure_config_file(path: Path, config: Config) -> Path:
    """Create ``path`` (0600) from the template with the values in force, if it is missing."""
    if path.exists():
        return path
    text = template_text(config)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path




def save_settings(path: Path, current: Config, changes: Mapping[Setting, Any]) -> Config:
    """Write ``changes`` into the settings file at ``path``; the new settings in force.

    Raises:
        ConfigError: a value is not valid (nothing was written); :func:`setting_of`
            names the setting. Also when the file as it is cannot be read.
    """
    import tomlkit

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = template_text(current)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            translate("Config", "{path}: cannot be read ({reason}).").format(path=path, reason=exc),
            hint=translate("Config", "Fix or move the file away, then try again.")) from exc
    try:
        document = tomlkit.parse(text)
    except Exception as exc:  # tomlkit's own parse errors have no common base worth naming
        raise ConfigError(
            translate("Config", "{path}: not valid TOML: {reason}.").format(path=path, reason=exc),
            hint=translate("Config", "Fix the file by hand (Edit settings file…).")) from exc
    for (section, key), value in changes.items():
        table = document.get(section)
        if table is None:
            table = tomlkit.table()
            document[section] = table
        table[key] = value
    new_text = tomlkit.dumps(document)
    parsed = config_module.parse(new_text, path)  # the start's own validation
    write_private(path, new_text.encode("utf-8"))
    return parsed


_NAMED = re.compile(r": ([a-z_]+)\.([a-z_]+): ")


def setting_of(error: ConfigError) -> Setting | None:
    """The setting an error of :func:`save_settings` is about, if it names one."""
    found = _NAMED.search(error.message)
    return (found.group(1), found.group(2)) if found else None
