"""Bringing back our own JSON export (``wellbeing export --format json``): usage history.

The file is read as a stream (``ijson``) in three passes: its header (the
format and version must be ours), its ``devices``, then its ``intervals``,
which become pieces of their own device (by uuid, so history recorded on this
computer lands on this computer's device, and another computer's on its own).
Written through :func:`storage.history_import.write_history`: one transaction,
and only time the device does not have yet, so importing twice adds nothing.
Titles in the file are kept only if storing titles is on.

Limits, their events and the self-experiment's answers are in the export for
the user to keep and read; they are not brought back by an import (a limit
belongs to the computer it was set on).

:func:`detect_format` tells our export from ActivityWatch's by the first key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.core.i18n import translate
from wellbeing.errors import ImportRefused
from wellbeing.storage.data_export import EXPORT_FORMAT, EXPORT_VERSION
from wellbeing.storage.history_import import SourceDevice

__all__ = ["OwnExport", "detect_format", "read_own_export"]


@dataclass
class OwnExport:
    """The usage history of an export, per device."""

    histories: list[tuple[SourceDevice, list[Piece]]]


def detect_format(path: Path) -> str:
    """``"wellbeing"`` or ``"activitywatch"``, from the file's first key.

    Raises:
        ImportRefused: the file cannot be read, or is neither.
    """
    import ijson

    try:
        with path.open("rb") as raw:
            for prefix, event, value in ijson.parse(raw):
                if prefix == "" and event == "map_key":
                    if value == "format":
                        return "wellbeing"
                    if value == "buckets":
                        return "activitywatch"
                if event in ("end_map", "end_array") and prefix == "":
                    break
    except OSError as exc:
        raise ImportRefused(translate("Data", "cannot read {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    except ijson.JSONError:
        return "activitywatch"  # its reader says precisely what is wrong
    raise ImportRefused(
        translate("Data", "{file} is neither a wellbeing export nor an ActivityWatch export")
        .format(file=path.name),
        hint=translate("Data", "wellbeing imports its own 'export --format json' files and "
                               "ActivityWatch's 'Export all buckets as JSON'."),
    )


def read_own_export(path: Path, *, keep_titles: bool) -> OwnExport:
    """The usage history in our export at ``path``.

    Raises:
        ImportRefused: not our export, a version this program does not know, or a
            bad record (named by table and index).
    """
    import ijson

    def items(prefix: str) -> Any:
        raw = path.open("rb")
        try:
            yield from ijson.items(raw, prefix, use_float=True)
        except ijson.IncompleteJSONError as exc:
            raise ImportRefused(translate(
                "Data", "{file} ends before its JSON does: the file is cut short; export it "
                "again").format(file=path.name)) from exc
        except ijson.JSONError as exc:
            raise ImportRefused(translate("Data", "{file} is not valid JSON: {error}").format(
                file=path.name, error=str(exc).strip().splitlines()[0])) from exc
        finally:
            raw.close()

    fmt = next(iter(items("format")), None)
    version = next(iter(items("version")), None)
    if fmt != EXPORT_FORMAT:
        raise ImportRefused(translate("Data", "{file} is not a wellbeing export (format {format})")
                            .format(file=path.name, format=repr(fmt)))
    if version != EXPORT_VERSION:
        raise ImportRefused(
            translate("Data", "{file} is a version {version} export; this wellbeing reads "
                              "version {supported}").format(
                file=path.name, version=version, supported=EXPORT_VERSION),
            hint=translate("Data", "Update wellbeing to import it."))
    devices: dict[str, SourceDevice] = {}
    for index, device in enumerate(items("devices.item")):
        try:
            devices[str(device["uuid"])] = SourceDevice(
                str(device["uuid"]), str(device["name"]), str(device["platform"]))
        except (KeyError, TypeError) as exc:
            raise ImportRefused(translate("Data", "{file}: device {index} lacks {field}").format(
                file=path.name, index=index, field=exc)) from exc
    pieces: dict[str, list[Piece]] = defaultdict(list)
    focuses: dict[tuple[Any, ...], Focus] = {}
    for index, record in enumerate(items("intervals.item")):
        try:
            piece = _piece(record, index, focuses, keep_titles)
        except (KeyError, TypeError, ValueError) as exc:
            raise ImportRefused(translate(
                "Data", "{file}: interval {index} is not usable ({reason})").format(
                file=path.name, index=index, reason=exc)) from exc
        device = str(record["device"])
        if device not in devices:
            raise ImportRefused(translate(
                "Data", "{file}: interval {index} names an unknown device").format(
                file=path.name, index=index))
        pieces[device].append(piece)
    return OwnExport([(devices[uuid], pieces[uuid]) for uuid in devices if pieces[uuid]])


def _piece(record: dict[str, Any], index: int, focuses: dict[tuple[Any, ...], Focus],
           keep_titles: bool) -> Piece:
    start, end, offset = record["start_ms"], record["end_ms"], record["utc_offset_min"]
    for name, value in (("start_ms", start), ("end_ms", end), ("utc_offset_min", offset)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} is not a whole number")
    if end < start or abs(offset) > 24 * 60:
        raise ValueError("it ends before it starts, or its UTC offset is impossible")
    title = record.get("title") if keep_titles else None
    key = (record["app"], record.get("app_name"), record.get("site"), title)
    focus = focuses.get(key)
    if focus is None:
        app = str(record["app"])
        focus = focuses[key] = Focus(
            app_key=app, app_name=str(record.get("app_name") or app),
            site=record.get("site"), title=title,
        )
    return Piece(focus, start, end, offset, date.fromisoformat(record["date"]), index)
