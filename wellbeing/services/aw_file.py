"""Reading an ActivityWatch export file as a stream: its buckets and their events.

The file is what ActivityWatch's web UI ("Export all buckets as JSON") or
``GET /api/0/export`` writes, from its Python server (aw-server) or its Rust
server (aw-server-rust)::

    {"buckets": {"aw-watcher-window_laptop": {"id": ..., "type": "currentwindow",
        "client": ..., "hostname": "laptop", "created": ..., "data": {},
        ["metadata": {...}, "last_updated": ...,]            # Rust server
        "events": [{["id": 7,] "timestamp": "2025-03-30T01:00:00+00:00",
                    "duration": 2.0, "data": {"app": ..., "title": ...}}, ...]},
                 ...}}

Timestamps are ISO 8601 with an offset, ``Z`` or none (UTC, as ActivityWatch
takes them), with up to nine decimals; ``duration`` is float seconds. A year is
about 150,000 window events and 20-30 MB, so the file is parsed incrementally
(``ijson``): each event is reduced to its start, end and the few data fields an
import uses as soon as it is read, and the rest is dropped. The buckets may
also be a list (as aw-core's JSON schema describes them).

A file that is not JSON, ends early, or holds an event without a usable
timestamp or duration is refused with :class:`~wellbeing.errors.ImportRefused`
naming the bucket, the event's index and about where in the file it is.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from wellbeing.core.i18n import translate
from wellbeing.errors import ImportRefused

__all__ = ["AwBucket", "AwEvent", "read_export"]

_READ_CHUNK = 16 * 1024

AwEvent = tuple[int, int, tuple[str | None, str | None, str | None, str | None, bool]]
"""``(start_ms, end_ms, (app, title, status, url, incognito))`` of one event."""


@dataclass
class AwBucket:
    """One bucket: what it is, whose, and its events (in file order)."""

    key: str
    id: str = ""
    type: str = ""
    hostname: str = ""
    client: str = ""
    events: list[AwEvent] = field(default_factory=list)


class _CountingReader:
    """A binary file that counts the bytes handed to the parser (for "near byte N")."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.offset = 0

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""  # ijson asks for nothing to learn whether the file gives bytes
        chunk = self._raw.read(min(size, _READ_CHUNK) if size > 0 else _READ_CHUNK)
        self.offset += len(chunk)
        return chunk


def read_export(path: Path) -> list[AwBucket]:
    """Every bucket of the export at ``path``, with its events.

    Raises:
        ImportRefused: the file cannot be read, is not JSON, is cut short, is not
            an ActivityWatch export, or holds an event that cannot be used.
    """
    import ijson

    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ImportRefused(translate("Data", "cannot read {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    with raw:
        reader = _CountingReader(raw)
        builder = _Builder(reader)
        try:
            for event, value in ijson.basic_parse(reader, use_float=True):
                builder.feed(event, value)
        except ijson.IncompleteJSONError as exc:
            where = f"near byte {reader.offset}"
            if "premature EOF" in str(exc) or not str(exc).strip():
                raise ImportRefused(translate(
                    "Data", "{file} ends before its JSON does ({where}): the file is cut short; "
                    "export it again").format(file=path.name, where=where + builder.where())
                ) from exc
            raise ImportRefused(translate("Data", "{file} is not valid JSON ({where}): {error}")
                                .format(file=path.name, where=where + builder.where(),
                                        error=_first_line(exc))) from exc
        except ijson.JSONError as exc:
            raise ImportRefused(translate(
                "Data", "{file} is not valid JSON (near byte {offset}): {error}").format(
                file=path.name, offset=reader.offset, error=_first_line(exc))) from exc
    return builder.buckets(path.name)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _Builder:
    """Builds the document from parser events, except each bucket's events, which it reduces."""

    def __init__(self, reader: _CountingReader) -> None:
        self._reader = reader
        self._root: Any = None
        self._stack: list[Any] = []  # open containers
        self._keys: list[Any] = []  # per open container: its key in its parent
        self._pending: list[str | None] = []  # per open map: the key whose value comes next
        self._events: dict[str, list[AwEvent]] = {}
        self._event_index = 0
        self._intern: dict[str, str] = {}

    # -- where we are -----------------------------------------------------------------------

    def _in_events(self) -> bool:
        """True while the open container is a bucket's ``events`` list."""
        keys = self._keys
        return len(keys) == 4 and keys[1] == "buckets" and keys[3] == "events"

    def where(self) -> str:
        if len(self._keys) >= 3 and self._keys[1] == "buckets":
            text = f", in bucket {self._keys[2]!r}"
            if len(self._keys) >= 4 and self._keys[3] == "events":
                text += f" after event {self._event_index}"
            return text
        return ""

    # -- feeding ----------------------------------------------------------------------------

    def feed(self, event: str, value: Any) -> None:
        if event == "map_key":
            self._pending[-1] = value
        elif event in ("start_map", "start_array"):
            key = self._key_for_child()
            container: Any = {} if event == "start_map" else []
            if self._in_events():
                self._event_index = len(self._events.get(str(self._keys[2]), []))
            self._stack.append(container)
            self._keys.append(key)
            self._pending.append(None)
        elif event in ("end_map", "end_array"):
            container = self._stack.pop()
            self._keys.pop()
            self._pending.pop()
            if event == "end_map" and self._in_events():
                self._add_event(container)
            else:
                self._put(container)
        else:
            self._put(value)

    def _key_for_child(self) -> Any:
        if not self._stack:
            return None
        top = self._stack[-1]
        return self._pending[-1] if isinstance(top, dict) else len(top)

    def _put(self, value: Any) -> None:
        if not self._stack:
            self._root = value
            return
        top = self._stack[-1]
        if isinstance(top, dict):
            top[self._pending[-1]] = value
        else:
            top.append(value)

    # -- one event --------------------------------------------------------------------------

    def _add_event(self, event: dict[str, Any]) -> None:
        bucket = str(self._keys[2])
        events = self._events.setdefault(bucket, [])
        index = len(events)
        self._event_index = index

        def refuse(reason: str) -> ImportRefused:
            return ImportRefused(translate(
                "Data", "bucket {bucket}, event {index} (near byte {offset}): {reason}").format(
                bucket=repr(bucket), index=index, offset=self._reader.offset, reason=reason))

        stamp, duration = event.get("timestamp"), event.get("duration")
        if not isinstance(stamp, str):
            raise refuse(translate("Data", "no timestamp"))
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            raise refuse(translate(
                "Data", "the timestamp {stamp} is not an ISO 8601 date and time").format(
                stamp=repr(stamp[:40]))) from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # ActivityWatch reads naive times as UTC
        if isinstance(duration, bool) or not isinstance(duration, (int, float)):
            raise refuse(translate("Data", "no duration in seconds"))
        if not math.isfinite(duration) or duration < 0:
            raise refuse(translate(
                "Data", "the duration {duration} is not a number of seconds >= 0").format(
                duration=repr(duration)))
        data = event.get("data")
        if not isinstance(data, dict):
            data = {}
        start = round(moment.timestamp() * 1000)
        events.append((start, start + round(duration * 1000), (
            self._text(data.get("app")),
            self._text(data.get("title")),
            self._text(data.get("status")),
            self._text(data.get("url")),
            data.get("incognito") is True,
        )))

    def _text(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        return self._intern.setdefault(value, sys.intern(value) if len(value) < 64 else value)

    # -- the result -------------------------------------------------------------------------

    def buckets(self, name: str) -> list[AwBucket]:
        root = self._root
        holder = root.get("buckets") if isinstance(root, dict) else None
        if isinstance(holder, dict):
            items: list[tuple[str, Any]] = [(str(k), v) for k, v in holder.items()]
        elif isinstance(holder, list):
            items = [(str(i), v) for i, v in enumerate(holder)]
        else:
            raise ImportRefused(
                translate("Data", "{file} is not an ActivityWatch export: it has no \"buckets\" "
                                  "(export from ActivityWatch's web UI: Raw Data > Export all "
                                  "buckets as JSON)").format(file=name)
            )
        result = []
        for key, body in items:
            if not isinstance(body, dict):
                raise ImportRefused(translate("Data", "{file}: bucket {bucket} is not an object")
                                    .format(file=name, bucket=repr(key)))
            def text(name: str, b: dict[str, Any] = body) -> str:
                value = b.get(name)
                return value if isinstance(value, str) else ""

            bucket_id = text("id") or key
            hostname = text("hostname") or (bucket_id.rsplit("_", 1)[1] if "_" in bucket_id else "")
            result.append(AwBucket(
                key=key, id=bucket_id, type=text("type"), hostname=hostname,
                client=text("client"), events=self._events.get(key, []),
            ))
        return result
