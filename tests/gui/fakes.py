"""In-memory stand-ins for the UI's collaborators: a usage source and a tracker control.

``FakeUsageSource`` follows the ``storage.queries`` contract (see its module
docstring) over a list of intervals kept in memory, and counts calls so tests
can prove that views make a constant number of queries. ``realistic_source``
fills one with a believable history (30 apps, browser sites, categories).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from wellbeing.storage.queries import (
    AppInfo,
    DayFacts,
    DayUsage,
    GroupBy,
    HourUsage,
    UsageItem,
    UsageReport,
)

DAY_START_HOUR = 4
TODAY = date(2026, 6, 10)  # a Wednesday: the "today" of the GUI tests

CATEGORY_COLORS = {
    "Social": "#d9477a",
    "Entertainment": "#e8833a",
    "Productivity": "#2f7de1",
    "Development": "#5a63d8",
    "Communication": "#1b9fb5",
    "Games": "#c4524a",
    "Creativity": "#8e5bd6",
    "Reading": "#1fa37a",
    "Utilities": "#c79a12",
}

# key, name, category, weight
APPS: list[tuple[str, str, str | None, float]] = [
    ("firefox", "Firefox", "Productivity", 10),
    ("code", "Visual Studio Code", "Development", 9),
    ("org.gnome.Terminal", "Terminal", "Development", 6),
    ("slack", "Slack", "Communication", 5),
    ("chromium", "Chromium", "Productivity", 4),
    ("spotify", "Spotify", "Entertainment", 3.5),
    ("thunderbird", "Thunderbird", "Communication", 3),
    ("signal-desktop", "Signal", "Social", 2.5),
    ("discord", "Discord", "Social", 2.5),
    ("libreoffice-writer", "LibreOffice Writer", "Productivity", 2),
    ("steam", "Steam", "Games", 2),
    ("obsidian", "Obsidian", "Productivity", 1.8),
    ("vlc", "VLC media player", "Entertainment", 1.6),
    ("telegram-desktop", "Telegram", "Social", 1.5),
    ("zoom", "Zoom", "Communication", 1.4),
    ("gimp", "GNU Image Manipulation Program", "Creativity", 1.2),
    ("libreoffice-calc", "LibreOffice Calc", "Productivity", 1.1),
    ("org.gnome.Nautilus", "Files", "Utilities", 1.0),
    ("inkscape", "Inkscape", "Creativity", 0.9),
    ("minecraft", "Minecraft", "Games", 0.9),
    ("calibre", "calibre", "Reading", 0.8),
    ("org.gnome.Evince", "Document Viewer", "Reading", 0.7),
    ("anki", "Anki", "Reading", 0.6),
    ("blender", "Blender", "Creativity", 0.5),
    ("element-desktop", "Element", "Communication", 0.5),
    ("krita", "Krita", "Creativity", 0.4),
    ("gnome-control-center", "Settings", "Utilities", 0.3),
    ("org.gnome.Calculator", "Calculator", "Utilities", 0.25),
    ("lutris", "Lutris", "Games", 0.2),
    ("xterm", "xterm", None, 0.15),
]

# domain, category, weight (only seen inside browsers)
SITES: list[tuple[str, str, float]] = [
    ("youtube.com", "Entertainment", 5),
    ("github.com", "Development", 4),
    ("instagram.com", "Social", 3),
    ("reddit.com", "Social", 2.5),
    ("wikipedia.org", "Reading", 2),
    ("news.ycombinator.com", "Reading", 1.5),
    ("mail.google.com", "Communication", 1.5),
]
BROWSERS = {"firefox", "chromium"}


@dataclass(frozen=True, slots=True)
class FakeInterval:
    day: date
    app: str
    site: str | None
    start: datetime
    seconds: float

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)


class FakeUsageSource:
    """A ``UsageSource`` over in-memory intervals (local naive datetimes)."""

    def __init__(self, today: date, apps: list[tuple[str, str, str | None, float]] | None = None):
        self.today = today
        self.calls: list[str] = []
        self._apps = {k: (n, c) for k, n, c, _ in (apps if apps is not None else APPS)}
        self._sites = {d: c for d, c, _ in SITES}
        self._intervals: list[FakeInterval] = []
        self._first_day: date | None = None
        # the daily roll-up, kept up to date on every write like storage's daily_usage
        self._daily: dict[GroupBy, dict[date, dict[str, float]]] = {
            "app": defaultdict(lambda: defaultdict(float)),
            "site": defaultdict(lambda: defaultdict(float)),
            "category": defaultdict(lambda: defaultdict(float)),
        }

    # -- writing -----------------------------------------------------------------

    def add(
        self, day: date, app: str, start: datetime, seconds: float, site: str | None = None
    ) -> None:
        iv = FakeInterval(day, app, site, start, seconds)
        self._intervals.append(iv)
        self._first_day = day if self._first_day is None else min(self._first_day, day)
        groups: tuple[GroupBy, ...] = ("app", "site", "category")
        for by in groups:
            key = self._group_key(iv, by)
            if key is not None:
                self._daily[by][day][key] += seconds

    # -- the UsageSource protocol ------------------------------------------------

    def _group_key(self, iv: FakeInterval, by: GroupBy) -> str | None:
        if by == "app":
            return iv.app
        if by == "site":
            return iv.site
        return (self._category(iv) or "uncategorised").casefold()

    def _category(self, iv: FakeInterval) -> str | None:
        if iv.site is not None:
            return self._sites.get(iv.site)
        return self._apps.get(iv.app, (iv.app, None))[1]

    def _item(self, key: str, seconds: float, by: GroupBy) -> UsageItem:
        if by == "app":
            name, cat = self._apps.get(key, (key, None))
            return UsageItem(key, name, seconds, cat, CATEGORY_COLORS.get(cat or ""))
        if by == "site":
            cat = self._sites.get(key)
            return UsageItem(key, key, seconds, cat, CATEGORY_COLORS.get(cat or ""))
        name = next((c for c in CATEGORY_COLORS if c.casefold() == key), "Uncategorised")
        return UsageItem(key, name, seconds, None, CATEGORY_COLORS.get(name))

    def _items(self, sums: dict[str, float], by: GroupBy) -> list[UsageItem]:
        items = [self._item(k, s, by) for k, s in sums.items() if s > 0]
        items.sort(key=lambda i: (-i.seconds, i.key))
        return items

    def usage(self, start: date, end: date, by: GroupBy = "app") -> UsageReport:
        self.calls.append("usage")
        daily = self._daily[by]
        days = []
        totals: dict[str, float] = defaultdict(float)
        d = start
        while d <= end:
            sums = daily.get(d, {})
            for k, s in sums.items():
                totals[k] += s
            days.append(DayUsage(d, sum(sums.values()), self._items(dict(sums), by)))
            d += timedelta(days=1)
        total = sum(x.total_seconds for x in days)
        first = self._first()
        counted = sum(
            1 for x in days if x.date <= self.today and (first is not None and x.date >= first)
        )
        return UsageReport(start, end, by, total, total / max(1, counted), days,
                           self._items(totals, by))

    def hourly(self, day: date, by: GroupBy = "app") -> list[HourUsage]:
        self.calls.append("hourly")
        base = datetime(day.year, day.month, day.day, DAY_START_HOUR)
        buckets: list[dict[str, float]] = [defaultdict(float) for _ in range(24)]
        for iv in self._intervals:
            if iv.day != day:
                continue
            key = self._group_key(iv, by)
            if key is None:
                continue
            t = iv.start
            while t < iv.end:
                index = int((t - base).total_seconds() // 3600)
                bucket_end = base + timedelta(hours=index + 1)
                piece_end = min(iv.end, bucket_end)
                if 0 <= index < 24:
                    buckets[index][key] += (piece_end - t).total_seconds()
                t = piece_end
        return [
            HourUsage((DAY_START_HOUR + n) % 24, sum(b.values()), self._items(dict(b), by))
            for n, b in enumerate(buckets)
        ]

    def day_facts(self, day: date) -> DayFacts:
        self.calls.append("day_facts")
        ivs = sorted((iv for iv in self._intervals if iv.day == day), key=lambda iv: iv.start)
        if not ivs:
            return DayFacts(day, None, None, 0.0)
        longest = 0.0
        run_start, run_end = ivs[0].start, ivs[0].end
        for iv in ivs[1:]:
            if iv.start <= run_end:
                run_end = max(run_end, iv.end)
            else:
                longest = max(longest, (run_end - run_start).total_seconds())
                run_start, run_end = iv.start, iv.end
        longest = max(longest, (run_end - run_start).total_seconds())
        return DayFacts(day, ivs[0].start, max(iv.end for iv in ivs), longest)

    def _first(self) -> date | None:
        return self._first_day

    def first_date(self) -> date | None:
        self.calls.append("first_date")
        return self._first()

    def apps(self) -> list[AppInfo]:
        self.calls.append("apps")
        return [AppInfo(k, n, c, None) for k, (n, c) in self._apps.items()]


def realistic_source(today: date, days: int = 45, seed: int = 7,
                     today_fraction: float = 0.55) -> FakeUsageSource:
    """A source with ``days`` days of believable use ending today (today only partly used)."""
    rng = random.Random(seed)
    src = FakeUsageSource(today)
    keys = [a[0] for a in APPS]
    weights = [a[3] for a in APPS]
    site_keys = [s[0] for s in SITES]
    site_weights = [s[2] for s in SITES]
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        weekend = day.weekday() >= 5
        budget = rng.gauss(4.2 if weekend else 5.6, 1.1) * 3600
        if offset == 0:
            budget *= today_fraction
        if rng.random() < 0.04 and offset:
            budget = rng.uniform(0.2, 0.8) * 3600  # a day mostly away
        t = datetime(day.year, day.month, day.day, 8 if weekend else 7) + timedelta(
            minutes=rng.randint(0, 90))
        used = 0.0
        while used < budget:
            session = rng.uniform(10, 80) * 60
            end_session = used + session
            while used < min(end_session, budget):
                app = rng.choices(keys, weights)[0]
                secs = min(rng.expovariate(1 / 420) + 20, budget - used)
                site = rng.choices(site_keys, site_weights)[0] if app in BROWSERS and (
                    rng.random() < 0.6) else None
                if weekend and app in ("code", "slack") and rng.random() < 0.7:
                    app, site = "firefox", "youtube.com"
                src.add(day, app, t, secs, site)
                t += timedelta(seconds=secs)
                used += secs
            t += timedelta(minutes=rng.uniform(5, 75))
            if t.hour >= 2 and t.day != day.day:
                break
    src.calls.clear()
    return src


class FakeTrackerControl:
    """A ``TrackerControl`` that records what was asked of it."""

    def __init__(self, today_total: float = 0.0) -> None:
        self.total = today_total
        self.paused: float | None = None
        self.pause_calls: list[float | None] = []
        self.resume_calls = 0

    def pause(self, until_wall: float | None) -> None:
        self.pause_calls.append(until_wall)
        self.paused = math.inf if until_wall is None else until_wall

    def resume(self) -> None:
        self.resume_calls += 1
        self.paused = None

    def paused_until(self) -> float | None:
        return self.paused

    def today_total_seconds(self) -> float:
        return self.total
