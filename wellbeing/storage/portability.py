"""Export to ActivityWatch's JSON import format (``POST /api/0/import``).

The file has the shape ActivityWatch's own ``GET /api/0/export`` writes: an
object ``{"buckets": {...}}`` keyed by bucket id, holding two buckets for one
host, each with its events newest first:

- ``aw-watcher-window_<host>`` (type ``currentwindow``): one event per stretch
  of one app (and site), ``data = {"app": <app key>, "title": <title>}``.
- ``aw-watcher-afk_<host>`` (type ``afkstatus``): one ``{"status": "not-afk"}``
  event per stretch of uninterrupted use. Gaps (idle, locked, away, computer
  off) get no event, which ActivityWatch's queries treat like AFK.

``timestamp`` is ISO-8601 UTC with an offset (``2025-03-30T01:00:00.250000+00:00``)
and ``duration`` float seconds, so ActivityWatch totals equal ours to the
millisecond.

Mapping decisions:

- ``app`` is our stable app key (executable name / WM_CLASS / bundle id), which
  is what ActivityWatch's own watchers record there.
- ``title`` is the stored window title when the user opted in to keeping
  titles. By default we keep none (they are private); then ``title`` is the
  recognised site's domain when there is one (``youtube.com``), else the app's
  display name (``Firefox``). ActivityWatch rules that match on titles then see
  the site, which is what per-site rules want.
- Pieces of one stretch that we split at a local day boundary are joined again
  (same app, site and title, end of one = start of the next): ActivityWatch has no
  local days, its events run across midnight.
- Several devices in one database are exported into the same two buckets
  unless ``device_id`` picks one.

The file is written as a stream (a year is about 20 MB) and created with mode
0600 when a path is given.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy import select

from wellbeing.storage.db import Database
from wellbeing.storage.models import App, Site, WindowTitle
from wellbeing.storage.rollup import INTERVAL

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FETCH_ROWS = 5000


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: event counts and the seconds they cover."""

    window_events: int
    afk_events: int
    seconds: float


@dataclass(slots=True)
class _Event:
    """An event being assembled, in integer UTC milliseconds (titles left out of its repr)."""

    start_ms: int
    end_ms: int
    app: str
    site: str | None
    stored_title: str | None = field(repr=False)
    title: str = field(repr=False)


def export_activitywatch(
    db: Database,
    out: IO[str] | Path,
    *,
    hostname: str = "wellbeing",
    device_id: int | None = None,
    created: datetime | None = None,
) -> ExportSummary:
    """Write everything recorded as an ActivityWatch export (see the module docstring).

    Args:
        db: the database to read.
        out: an open text stream, or a file path (created 0600, replaced if it exists).
        hostname: the host name in the bucket ids and ``hostname`` fields.
        device_id: export only this device's use (default: every device).
        created: the buckets' ``created`` time (default: now).

    Returns:
        How many window and AFK events were written, and the seconds covered.
    """
    if isinstance(out, Path):
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as stream:
            return export_activitywatch(
                db, stream, hostname=hostname, device_id=device_id, created=created
            )
    created_iso = (created or datetime.now(UTC)).astimezone(UTC).isoformat()
    window_id = f"aw-watcher-window_{hostname}"
    afk_id = f"aw-watcher-afk_{hostname}"
    afk: list[tuple[int, int]] = []  # (start, end) of stretches of use, newest first
    window_events = 0
    total_ms = 0

    out.write('{"buckets": {')
    out.write(_bucket_head(window_id, "currentwindow", "aw-watcher-window", hostname, created_iso))
    separator = ""
    for event in _window_events(db, device_id):
        data = {"app": event.app, "title": event.title}
        out.write(f"{separator}\n  {_event_json(event.start_ms, event.end_ms, data)}")
        separator = ","
        window_events += 1
        total_ms += event.end_ms - event.start_ms
        if afk and afk[-1][0] <= event.end_ms:
            afk[-1] = (min(afk[-1][0], event.start_ms), afk[-1][1])
        else:
            afk.append((event.start_ms, event.end_ms))
    out.write("]}, ")
    out.write(_bucket_head(afk_id, "afkstatus", "aw-watcher-afk", hostname, created_iso))
    out.write(",".join(f"\n  {_event_json(s, e, {'status': 'not-afk'})}" for s, e in afk))
    out.write("]}}}\n")
    return ExportSummary(window_events=window_events, afk_events=len(afk), seconds=total_ms / 1000)


def _bucket_head(bucket_id: str, kind: str, client: str, hostname: str, created: str) -> str:
    """A bucket's JSON up to and including ``"events": [``."""
    head: dict[str, object] = {
        "id": bucket_id,
        "created": created,
        "name": None,
        "type": kind,
        "client": client,
        "hostname": hostname,
        "data": {},
    }
    return f'{json.dumps(bucket_id)}: {json.dumps(head)[:-1]}, "events": ['


def _event_json(start_ms: int, end_ms: int, data: dict[str, str]) -> str:
    return json.dumps(
        {"timestamp": _iso(start_ms), "duration": (end_ms - start_ms) / 1000, "data": data}
    )


def _iso(ms: int) -> str:
    return (_EPOCH + timedelta(milliseconds=ms)).isoformat()


def _window_events(db: Database, device_id: int | None) -> Iterator[_Event]:
    """Stretches of one app, site and title, newest first, with day-split pieces joined."""
    query = (
        select(
            INTERVAL.c.start_ms,
            INTERVAL.c.end_ms,
            App.key,
            App.display_name,
            Site.domain,
            WindowTitle.title,
        )
        .join(App, App.id == INTERVAL.c.app_id)
        .outerjoin(Site, Site.id == INTERVAL.c.site_id)
        .outerjoin(WindowTitle, WindowTitle.id == INTERVAL.c.title_id)
        .order_by(INTERVAL.c.start_ms.desc(), INTERVAL.c.device_id.desc())
    )
    if device_id is not None:
        query = query.where(INTERVAL.c.device_id == device_id)
    pending: _Event | None = None
    with db.transaction() as conn:
        rows = conn.execution_options(yield_per=_FETCH_ROWS).execute(query)
        for start_ms, end_ms, app_key, app_name, domain, stored_title in rows:
            if (
                pending is not None
                and end_ms == pending.start_ms
                and (app_key, domain, stored_title)
                == (pending.app, pending.site, pending.stored_title)
            ):
                pending.start_ms = start_ms
                continue
            if pending is not None:
                yield pending
            title = stored_title or domain or app_name
            pending = _Event(start_ms, end_ms, app_key, domain, stored_title, title)
    if pending is not None:
        yield pending
