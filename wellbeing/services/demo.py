"""Synthetic but plausible usage history, for demos, screenshots and benchmarks.

``generate`` yields :class:`~wellbeing.core.activity.Interval` pieces for the
``days`` local days ending at ``end``, oldest first. The model is simple and
explicit rather than statistical:

- Weekdays: wake 07:00-08:30, a short morning session, two work blocks split by
  a lunch break (idle, 30-60 min) with short coffee breaks, dinner away from
  the screen, then a leisure evening until 23:00-01:00.
- Weekends: wake 08:00-10:00 and three or four leisure sessions with long
  breaks; more video, games and social sites, and later nights (now and then
  past the day-start hour, which exercises the day split).
- About 30 apps. Browser focus (firefox, chromium, google-chrome) carries a
  recognised site (instagram.com, youtube.com, ...) part of the time.
- Each focus run lasts a log-normal time whose median depends on the app
  (seconds for a chat, many minutes for a film), giving a few hundred switches
  a day. Runs follow each other without gaps inside a session; breaks are gaps.

Every day draws from its own random stream seeded by ``(seed, date)``, so a
date looks the same whatever ``days`` is. Times are placed with a fixed
``utc_offset_min`` and split at local-day boundaries with ``core.days``; the
pieces of one run share its ``segment`` number.

``fill`` writes the history through ``UsageWriter.bulk_insert``, the same code
path the tracker's data takes into the database.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from wellbeing.core.activity import Focus, Interval
from wellbeing.core.days import day_bounds_ms, split_at_days

if TYPE_CHECKING:
    from wellbeing.storage.db import Database

_MS_PER_HOUR = 3_600_000
_MS_PER_MIN = 60_000
_EPOCH_DATE = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class _App:
    """One synthetic application: key, display name and how long a visit tends to last."""

    key: str
    name: str
    median_s: float
    browser: bool = False


APPS: dict[str, _App] = {
    a.key: a
    for a in (
        _App("firefox", "Firefox", 40, browser=True),
        _App("chromium", "Chromium", 35, browser=True),
        _App("google-chrome", "Google Chrome", 35, browser=True),
        _App("code", "Visual Studio Code", 80),
        _App("org.gnome.Terminal", "Terminal", 35),
        _App("thunderbird", "Thunderbird", 45),
        _App("slack", "Slack", 25),
        _App("zoom", "Zoom", 600),
        _App("libreoffice-writer", "LibreOffice Writer", 100),
        _App("libreoffice-calc", "LibreOffice Calc", 90),
        _App("evince", "Document Viewer", 90),
        _App("org.gnome.Nautilus", "Files", 20),
        _App("obsidian", "Obsidian", 90),
        _App("keepassxc", "KeePassXC", 10),
        _App("gimp", "GNU Image Manipulation Program", 240),
        _App("inkscape", "Inkscape", 200),
        _App("discord", "Discord", 40),
        _App("telegram-desktop", "Telegram", 30),
        _App("signal-desktop", "Signal", 25),
        _App("spotify", "Spotify", 20),
        _App("vlc", "VLC media player", 600),
        _App("mpv", "mpv", 500),
        _App("steam", "Steam", 60),
        _App("minecraft-launcher", "Minecraft", 700),
        _App("org.gnome.Settings", "Settings", 30),
        _App("anki", "Anki", 200),
        _App("calibre", "calibre", 300),
        _App("blender", "Blender", 400),
        _App("org.gnome.Calculator", "Calculator", 15),
        _App("org.gnome.TextEditor", "Text Editor", 60),
    )
}

BROWSERS = tuple(app.key for app in APPS.values() if app.browser)

# Sites recognised in browser titles, with how long a visit tends to last (seconds).
SITES: dict[str, float] = {
    "instagram.com": 90,
    "youtube.com": 240,
    "reddit.com": 120,
    "x.com": 60,
    "facebook.com": 80,
    "tiktok.com": 150,
    "netflix.com": 900,
    "twitch.tv": 500,
    "news.ycombinator.com": 120,
    "wikipedia.org": 100,
    "github.com": 70,
    "stackoverflow.com": 60,
    "mail.google.com": 45,
    "docs.google.com": 200,
    "linkedin.com": 60,
}

# Relative weights of apps (a browser's weight is its share of all browsing).
# fmt: off
_WORK_APPS: dict[str, float] = {
    "firefox": 22, "chromium": 3, "google-chrome": 6, "code": 26, "org.gnome.Terminal": 18,
    "thunderbird": 6, "slack": 12, "zoom": 1.5, "libreoffice-writer": 3, "libreoffice-calc": 3,
    "evince": 3, "org.gnome.Nautilus": 3, "obsidian": 3, "keepassxc": 1, "gimp": 0.5,
    "inkscape": 0.5, "telegram-desktop": 1.5, "signal-desktop": 1, "spotify": 1.5,
    "org.gnome.Settings": 0.3, "org.gnome.Calculator": 0.5, "org.gnome.TextEditor": 2,
}
_LEISURE_APPS: dict[str, float] = {
    "firefox": 26, "chromium": 3, "google-chrome": 8, "discord": 8, "telegram-desktop": 5,
    "signal-desktop": 4, "spotify": 3, "vlc": 2.5, "mpv": 1.5, "steam": 3,
    "minecraft-launcher": 2.5, "anki": 1.5, "calibre": 1, "blender": 0.7, "gimp": 0.5,
    "org.gnome.Nautilus": 1.5, "code": 2, "org.gnome.Terminal": 2, "org.gnome.Settings": 0.3,
    "obsidian": 1, "thunderbird": 1,
}
_WORK_SITES: dict[str, float] = {
    "github.com": 20, "stackoverflow.com": 16, "docs.google.com": 12, "mail.google.com": 12,
    "wikipedia.org": 8, "news.ycombinator.com": 6, "linkedin.com": 4, "youtube.com": 5,
    "reddit.com": 5, "x.com": 4, "instagram.com": 3, "facebook.com": 2,
}
_LEISURE_SITES: dict[str, float] = {
    "youtube.com": 24, "instagram.com": 16, "reddit.com": 14, "x.com": 8, "facebook.com": 8,
    "tiktok.com": 7, "netflix.com": 5, "twitch.tv": 4, "wikipedia.org": 5,
    "news.ycombinator.com": 3, "github.com": 2, "mail.google.com": 3,
}
# fmt: on
# Share of browser focus with a recognised site (the rest is some other page).
_SITE_SHARE = {"work": 0.55, "leisure": 0.75}
# Chance to go back to the previous app (alt-tab) instead of drawing a new one.
_ALT_TAB = 0.35
_RUN_SIGMA = 1.0
# Scales every app's typical run length (smaller = more switches a day).
_PACE = 0.6
# Chance, after a run, of looking away from the screen for a few minutes.
_LOOK_AWAY = 0.03
# The shortest break between two sessions.
_MIN_BREAK = 5 * _MS_PER_MIN
_MAX_RUN_S = 3 * 3600.0


class _Picker:
    """Weighted draws from a fixed table, with cumulative weights computed once."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.keys = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> str:
        return self.keys[bisect.bisect(self.cumulative, rng.random() * self.total)]


_APP_PICKERS = {"work": _Picker(_WORK_APPS), "leisure": _Picker(_LEISURE_APPS)}
_SITE_PICKERS = {"work": _Picker(_WORK_SITES), "leisure": _Picker(_LEISURE_SITES)}
_FOCUS: dict[tuple[str, str | None], Focus] = {}


def _focus(app_key: str, site: str | None) -> Focus:
    found = _FOCUS.get((app_key, site))
    if found is None:
        found = Focus(app_key=app_key, app_name=APPS[app_key].name, site=site)
        _FOCUS[(app_key, site)] = found
    return found


@dataclass(frozen=True, slots=True)
class _Session:
    """A stretch at the computer: local ms since the day's midnight, and its mood."""

    start: int
    end: int
    mode: str


def _h(hours: float) -> int:
    return round(hours * _MS_PER_HOUR)


def _day_plan(rng: random.Random, day: date) -> list[_Session]:
    """The sessions of one day, in local ms since that date's midnight, apart and in order."""
    apart: list[_Session] = []
    for session in _sessions(rng, day):
        start = session.start if not apart else max(session.start, apart[-1].end + _MIN_BREAK)
        if start < session.end:
            apart.append(_Session(start, session.end, session.mode))
    return apart


def _sessions(rng: random.Random, day: date) -> list[_Session]:
    """The day's sessions as drawn (neighbours may overlap)."""
    if day.weekday() >= 5:
        wake = rng.uniform(8.0, 10.0)
        late_night = rng.random() < 0.08
        sleep = rng.uniform(4.2, 5.0) + 24 if late_night else rng.uniform(23.3, 25.3)
        sessions = [
            _Session(_h(wake + rng.uniform(0.2, 0.6)), _h(wake + rng.uniform(1.0, 1.6)), "leisure"),
            _Session(_h(rng.uniform(11.5, 12.5)), _h(rng.uniform(13.0, 13.8)), "leisure"),
        ]
        if rng.random() < 0.6:
            mode = "work" if rng.random() < 0.25 else "leisure"
            start = rng.uniform(15.0, 16.0)
            sessions += _with_breaks(rng, _h(start), _h(start + rng.uniform(0.7, 2.0)), mode)
        return sessions + _with_breaks(rng, _h(rng.uniform(19.5, 20.5)), _h(sleep), "leisure")
    wake = rng.uniform(7.0, 8.5)
    lunch = rng.uniform(12.0, 12.8)
    sleep = rng.uniform(23.0, 25.0 if day.weekday() == 4 else 24.6)
    first = wake + rng.uniform(0.2, 0.5)
    morning = _Session(_h(first), _h(wake + rng.uniform(0.6, 1.0)), "leisure")
    sessions = [morning]
    sessions += _with_breaks(rng, _h(rng.uniform(9.0, 9.3)), _h(lunch), "work")
    after_lunch = lunch + rng.uniform(0.5, 1.0)
    sessions += _with_breaks(rng, _h(after_lunch), _h(rng.uniform(17.0, 18.5)), "work")
    return sessions + _with_breaks(rng, _h(rng.uniform(20.0, 21.0)), _h(sleep), "leisure")


def _with_breaks(rng: random.Random, start: int, end: int, mode: str) -> list[_Session]:
    """A block at the computer cut by short breaks (coffee, phone) every 40-100 minutes."""
    out: list[_Session] = []
    at = start
    while at < end:
        stop = min(end, at + rng.randint(40 * _MS_PER_MIN, 100 * _MS_PER_MIN))
        out.append(_Session(at, stop, mode))
        at = stop + rng.randint(3 * _MS_PER_MIN, 15 * _MS_PER_MIN)
    return out


def _run_ms(rng: random.Random, median_s: float) -> int:
    seconds = min(_MAX_RUN_S, _PACE * median_s * math.exp(rng.gauss(0.0, _RUN_SIGMA)))
    return max(1_000, round(seconds * 1000) + rng.randint(0, 999))


def _next_focus(
    rng: random.Random, mode: str, current: Focus | None, previous: Focus | None
) -> Focus:
    if previous is not None and previous != current and rng.random() < _ALT_TAB:
        return previous
    while True:
        app = _APP_PICKERS[mode].pick(rng)
        site = None
        if app in BROWSERS and rng.random() < _SITE_SHARE[mode]:
            site = _SITE_PICKERS[mode].pick(rng)
        focus = _focus(app, site)
        if focus != current:
            return focus


def _median_s(focus: Focus) -> float:
    if focus.site is not None:
        return SITES[focus.site]
    return APPS[focus.app_key].median_s


def _runs(rng: random.Random, session: _Session) -> Iterator[tuple[Focus, int, int]]:
    """Focus runs filling one session: (focus, start, end) in local ms.

    Runs follow each other directly, except for a short look away from the
    screen now and then (a gap of one to eight minutes).
    """
    at = session.start
    current: Focus | None = None
    previous: Focus | None = None
    while at < session.end:
        focus = _next_focus(rng, session.mode, current, previous)
        stop = min(session.end, at + _run_ms(rng, _median_s(focus)))
        yield focus, at, stop
        previous, current, at = current, focus, stop
        if rng.random() < _LOOK_AWAY:
            at += rng.randint(_MS_PER_MIN, 8 * _MS_PER_MIN)


def generate(
    days: int,
    seed: int,
    *,
    end: date,
    utc_offset_min: int = 0,
    day_start_hour: int = 4,
) -> Iterator[Interval]:
    """Yield a synthetic history of ``days`` local days ending with ``end``, oldest first.

    Only pieces whose local date is in ``end - days + 1 .. end`` are yielded (with
    an early ``day_start_hour`` the last evening may run into the next date; that
    part is left out).

    Args:
        days: how many days of history (0 yields nothing).
        seed: the same seed gives the same history.
        end: the last local date generated (its evening included, even if in the future).
        utc_offset_min: the fixed local UTC offset used to place local times.
        day_start_hour: the local hour a day starts at, for the day split.
    """
    if days < 0:
        raise ValueError(f"days must be >= 0, got {days}")
    segment = 0
    offset_ms = utc_offset_min * _MS_PER_MIN
    first = end - timedelta(days=days - 1)
    day_lo = day_hi = 0  # bounds (UTC ms) of the local day the last piece fell in
    day_of_piece = end
    for n in range(days):
        day = first + timedelta(days=n)
        rng = random.Random(f"wellbeing-demo:{seed}:{day.isoformat()}")
        midnight_utc = (day - _EPOCH_DATE).days * 24 * _MS_PER_HOUR - offset_ms
        for session in _day_plan(rng, day):
            for focus, start, stop in _runs(rng, session):
                segment += 1
                start_ms, end_ms = midnight_utc + start, midnight_utc + stop
                if day_lo <= start_ms and end_ms <= day_hi:  # fast path: inside one day
                    yield Interval(focus, start_ms, end_ms, utc_offset_min, day_of_piece, segment)
                    continue
                for piece_start, piece_end, local_date in split_at_days(
                    start_ms, end_ms, utc_offset_min, day_start_hour
                ):
                    day_of_piece = local_date
                    if first <= local_date <= end:
                        yield Interval(
                            focus, piece_start, piece_end, utc_offset_min, local_date, segment
                        )
                day_lo, day_hi = day_bounds_ms(day_of_piece, utc_offset_min, day_start_hour)
                if not first <= day_of_piece <= end:
                    day_lo = day_hi = 0  # outside the range: keep taking the slow path


def _batches(items: Iterable[Interval], size: int) -> Iterator[list[Interval]]:
    batch: list[Interval] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(
    db: Database,
    device_id: int,
    *,
    days: int,
    seed: int,
    end: date,
    utc_offset_min: int | None = None,
    day_start_hour: int = 4,
    batch_days: int = 31,
) -> int:
    """Write ``generate(...)`` for ``device_id`` into ``db`` through ``UsageWriter.bulk_insert``.

    Args:
        db: an open database.
        device_id: the device the history belongs to.
        days, seed, end, day_start_hour: as for :func:`generate`.
        utc_offset_min: the offset to place times (default: the current local offset).
        batch_days: roughly how many days go into one ``bulk_insert`` transaction.

    Returns:
        The number of intervals written.
    """
    from wellbeing.storage.writer import UsageWriter

    if utc_offset_min is None:
        offset = datetime.now().astimezone().utcoffset() or timedelta(0)
        utc_offset_min = round(offset / timedelta(minutes=1))
    writer = UsageWriter(db, device_id)
    written = 0
    intervals = generate(
        days, seed, end=end, utc_offset_min=utc_offset_min, day_start_hour=day_start_hour
    )
    for batch in _batches(intervals, 450 * batch_days):
        written += writer.bulk_insert(batch)
    return written


__all__ = ["APPS", "BROWSERS", "SITES", "fill", "generate"]
