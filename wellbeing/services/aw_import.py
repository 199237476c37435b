"""Bringing ActivityWatch history in: window time where its AFK watcher saw someone, with sites.

An ActivityWatch export (:mod:`.aw_file`) holds buckets per watcher and
computer. They are matched by their ``type`` and ``hostname``, never by id:

- ``currentwindow`` (aw-watcher-window, and the Wayland and awatcher ones):
  the app and window title in front;
- ``afkstatus`` (aw-watcher-afk): ``not-afk`` periods, when someone was at the
  keyboard. Window time counts only inside them, as in ActivityWatch's own
  views. A computer whose export has no AFK bucket has all its window time
  counted, and the result says so;
- ``web.tab.current`` (aw-watcher-web): the page a browser showed. Where a
  browser's window time overlaps a page visit, the page's title and address
  decide the website (a host like ``m.youtube.com`` is the recognised site
  ``youtube.com``).

Other bucket types are left out and listed. ActivityWatch's events may overlap
or repeat (aw-watcher-afk#61, activitywatch#1369): a moment counts once.
Unlike ActivityWatch's web UI, no gaps are filled (its ``flood``), so totals
are the window time intersected with not-AFK time exactly.

Each computer becomes a device of its own, "<hostname> (ActivityWatch)", with a
uuid derived from the hostname, so importing the same history again (or a newer
export of it) adds only what is new. Titles go through the same classifier as
live tracking: a website is recognised, and the title itself is kept only if
storing titles is on (never for private windows or sensitive apps). Local days
use this computer's time zone at each moment and the day start hour of the
settings. Everything is written in one transaction (:mod:`storage.history_import`).
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.core.days import split_at_days
from wellbeing.core.spans import exclusive, intersect, label, union
from wellbeing.platform.base import WindowInfo
from wellbeing.services.aw_file import AwBucket, read_export
from wellbeing.services.classifier import WindowClassifier

__all__ = ["AW_NAMESPACE", "AwHost", "AwPlan", "plan_import", "read_plan"]

AW_NAMESPACE = uuid.UUID("5b0e4c1e-8c9b-4a57-9d7e-7c1f0a3e6a21")
"""Namespace of the uuids of imported ActivityWatch computers (uuid5 of the hostname)."""

WINDOW, AFK, WEB = "currentwindow", "afkstatus", "web.tab.current"


@dataclass
class AwHost:
    """One computer of the export and the pieces made from its buckets."""

    hostname: str
    window_events: int = 0
    afk_events: int = 0
    web_events: int = 0
    has_afk: bool = False
    pieces: list[Piece] = field(default_factory=list)

    @property
    def device_uuid(self) -> str:
        return str(uuid.uuid5(AW_NAMESPACE, f"activitywatch/{self.hostname}"))

    @property
    def device_name(self) -> str:
        return f"{self.hostname} (ActivityWatch)"

    @property
    def seconds(self) -> float:
        return sum(p.end_ms - p.start_ms for p in self.pieces) / 1000


@dataclass
class AwPlan:
    """What an export would import: its computers, and the buckets left out."""

    hosts: list[AwHost]
    ignored_buckets: list[str]


def read_plan(
    path: Path,
    classifier: WindowClassifier,
    *,
    day_start_hour: int,
    offset_at: Callable[[int], int] | None = None,
) -> AwPlan:
    """Read the export at ``path`` and turn it into pieces (nothing is written).

    Raises:
        ImportRefused: the file is not a usable ActivityWatch export.
    """
    return plan_import(read_export(path), classifier, day_start_hour=day_start_hour,
                       offset_at=offset_at or local_offset_min)


def local_offset_min(utc_ms: int) -> int:
    """This computer's UTC offset in minutes at the moment ``utc_ms``."""
    return time.localtime(utc_ms / 1000).tm_gmtoff // 60


def plan_import(
    buckets: Sequence[AwBucket],
    classifier: WindowClassifier,
    *,
    day_start_hour: int,
    offset_at: Callable[[int], int],
) -> AwPlan:
    """Pieces per computer from the buckets (see the module docstring)."""
    by_host: dict[str, dict[str, list[AwBucket]]] = defaultdict(lambda: defaultdict(list))
    ignored = []
    for bucket in buckets:
        if bucket.type in (WINDOW, AFK, WEB):
            by_host[bucket.hostname][bucket.type].append(bucket)
        else:
            ignored.append(f"{bucket.id} ({bucket.type or 'no type'})")
    hosts = []
    for hostname in sorted(by_host):
        kinds = by_host[hostname]
        if not kinds[WINDOW]:
            ignored.extend(f"{b.id} ({b.type}: no window bucket for {hostname})"
                           for t in (AFK, WEB) for b in kinds[t])
            continue
        hosts.append(_host(hostname, kinds, classifier, day_start_hour, offset_at))
    return AwPlan(hosts, ignored)


def _host(
    hostname: str,
    kinds: dict[str, list[AwBucket]],
    classifier: WindowClassifier,
    day_start_hour: int,
    offset_at: Callable[[int], int],
) -> AwHost:
    host = AwHost(hostname)
    windows = [(s, e, (d[0], d[1])) for b in kinds[WINDOW] for s, e, d in b.events]
    host.window_events = len(windows)
    used = exclusive(windows)
    if kinds[AFK]:
        host.has_afk = True
        present = [(s, e) for b in kinds[AFK] for s, e, d in b.events if d[2] == "not-afk"]
        host.afk_events = sum(len(b.events) for b in kinds[AFK])
        used = intersect(used, union(present))
    pages = [(s, e, (d[3], d[1], d[4])) for b in kinds[WEB] for s, e, d in b.events]
    host.web_events = len(pages)
    focus_of = _Focuses(classifier)
    segment = 0
    for start, end, (app, title), page in label(used, exclusive(pages)):
        focus = focus_of(app, title, page)
        if focus is None:
            continue
        segment += 1
        offset = offset_at(start)
        for lo, hi, day in split_at_days(start, end, offset, day_start_hour):
            host.pieces.append(Piece(focus, lo, hi, offset, day, segment))
    return host


class _Focuses:
    """What a window (and the page a browser showed) is recorded as, cached."""

    def __init__(self, classifier: WindowClassifier) -> None:
        self._classifier = classifier
        self._cache: dict[tuple[object, ...], Focus | None] = {}

    def __call__(
        self, app: str | None, title: str | None,
        page: tuple[str | None, str | None, bool] | None,
    ) -> Focus | None:
        key = (app, title, page)
        if key in self._cache:
            return self._cache[key]
        focus = self._decide(app or "unknown", title or "", page)
        if len(self._cache) < 200_000:
            self._cache[key] = focus
        return focus

    def _decide(
        self, app: str, title: str, page: tuple[str | None, str | None, bool] | None
    ) -> Focus | None:
        window = WindowInfo(app_key=app.casefold(), app_name=app, title=title, wm_class=(app,))
        focus = self._classifier(window)
        if focus is None or page is None:
            return focus
        rules = self._classifier.rule_set
        if not rules.describe_app(window.app_key, window.wm_class).is_browser:
            return focus  # a page visit while another app was in front
        url, page_title, incognito = page
        seen = self._classifier(replace(window, title=page_title or title))
        if seen is None:
            return None
        host = urlsplit(url).hostname if url else None
        site = (rules.site_of_host(host) if host else None) or seen.site
        return replace(seen, site=site, title=None if incognito else seen.title)
