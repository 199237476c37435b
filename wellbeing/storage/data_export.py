"""Everything stored, as JSON or CSV files a person can keep, read and bring back.

:func:`export_data` writes one of two formats, streamed (a year is tens of MB):

- ``json``: one document, ``{"format": "wellbeing-export", "version": 1,
  "exported_at", "from", "to", "devices": [...], "<table>": [...], ...}``;
- ``csv``: a zip archive with one CSV file per table (``devices.csv``,
  ``intervals.csv``, ...), each with a header row; spreadsheets open them.

The tables (:data:`TABLES`) are the recorded facts with names instead of row
ids: ``intervals`` (device uuid, local date, start and end as ISO 8601 UTC with
milliseconds, the UTC offset, app key and name, site, title where kept),
``daily_totals``, ``limits``, ``limit_events``, and the self-experiment's
``experiments``, ``checkins``, ``questionnaires``, ``phone_reports`` and
``prompts``. ``--from``/``--to`` bound the tables that have days; limits and
experiments are exported whole. A table is one :class:`Table` entry (a name and
a query), so a new kind of record is one more line.

Files are created 0600 (usage is private) under a temporary name next to the
target and renamed into place when complete, so a failed export never leaves a
half-written file under the name asked for.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import and_, select

from wellbeing.paths import restrict_fd
from wellbeing.storage.db import Database
from wellbeing.storage.models import (
    App,
    CheckinRow,
    DailyUsage,
    Device,
    ExperimentRow,
    Interval,
    LimitEventRow,
    PhoneReportRow,
    PromptRow,
    QuestionnaireRow,
    Site,
    UsageLimit,
    WindowTitle,
)

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "TABLES", "ExportSummary", "Table", "export_data"]

EXPORT_FORMAT = "wellbeing-export"
EXPORT_VERSION = 1

Format = Literal["json", "csv"]
DateColumn = Callable[[], Any]  # a day column (InstrumentedAttribute)
Query = Any  # a Select of whatever columns the table has


@dataclass(frozen=True)
class Table:
    """One exported table: its name, its query, and its day column (None: exported whole)."""

    name: str
    query: Callable[[], Query]
    day: DateColumn | None = None
    iso_ms: tuple[str, ...] = ()  # integer ms columns also given as ISO 8601 text


def _intervals() -> Query:
    return (
        select(
            Device.uuid.label("device"), Interval.local_date.label("date"),
            Interval.start_ms, Interval.end_ms, Interval.utc_offset_min,
            App.key.label("app"), App.display_name.label("app_name"),
            Site.domain.label("site"), WindowTitle.title.label("title"),
        )
        .join(Device, Device.id == Interval.device_id)
        .join(App, App.id == Interval.app_id)
        .outerjoin(Site, Site.id == Interval.site_id)
        .outerjoin(WindowTitle, WindowTitle.id == Interval.title_id)
        .order_by(Interval.device_id, Interval.local_date, Interval.start_ms)
    )


def _daily_totals() -> Query:
    return (
        select(Device.uuid.label("device"), DailyUsage.local_date.label("date"),
               App.key.label("app"), Site.domain.label("site"), DailyUsage.seconds)
        .join(Device, Device.id == DailyUsage.device_id)
        .join(App, App.id == DailyUsage.app_id)
        .outerjoin(Site, Site.id == DailyUsage.site_id)
        .order_by(DailyUsage.device_id, DailyUsage.local_date, App.key, Site.domain)
    )


def _limits() -> Query:
    return (
        select(Device.uuid.label("device"), UsageLimit.target_kind, UsageLimit.target_key,
               UsageLimit.seconds.label("seconds_by_weekday"), UsageLimit.mode,
               UsageLimit.locked_until, UsageLimit.cooling_off, UsageLimit.snooze_budget,
               UsageLimit.warn_before_seconds, UsageLimit.experiment_id,
               UsageLimit.created_ms, UsageLimit.updated_ms)
        .join(Device, Device.id == UsageLimit.device_id)
        .order_by(UsageLimit.device_id, UsageLimit.target_kind, UsageLimit.target_key)
    )


def _limit_events() -> Query:
    return (
        select(Device.uuid.label("device"), LimitEventRow.local_date.label("date"),
               LimitEventRow.at_ms, LimitEventRow.kind, LimitEventRow.target_kind,
               LimitEventRow.target_key, LimitEventRow.detail)
        .join(Device, Device.id == LimitEventRow.device_id)
        .order_by(LimitEventRow.device_id, LimitEventRow.at_ms, LimitEventRow.id)
    )


def _experiments() -> Query:
    e = ExperimentRow
    return (
        select(e.id.label("experiment"), Device.uuid.label("device"), e.design, e.status,
               e.start_date, e.primary_measure, e.targets, e.limit_seconds, e.checkin_minute,
               e.prompts_per_day, e.follow_up, e.pairs, e.mode, e.created_ms, e.ended_ms)
        .join(Device, Device.id == e.device_id)
        .order_by(e.id)
    )


def _by_experiment(model: Any, *columns: Any) -> Callable[[], Query]:
    def query() -> Query:
        return (select(model.experiment_id.label("experiment"),
                       model.local_date.label("date"), *columns)
                .order_by(model.experiment_id, model.local_date))
    return query


TABLES: tuple[Table, ...] = (
    Table("intervals", _intervals, lambda: Interval.local_date, ("start_ms", "end_ms")),
    Table("daily_totals", _daily_totals, lambda: DailyUsage.local_date),
    Table("limits", _limits),
    Table("limit_events", _limit_events, lambda: LimitEventRow.local_date, ("at_ms",)),
    Table("experiments", _experiments),
    Table("checkins", _by_experiment(
        CheckinRow, CheckinRow.mood, CheckinRow.lonely, CheckinRow.anxious,
        CheckinRow.missed_out, CheckinRow.note, CheckinRow.late, CheckinRow.answered_ms,
    ), lambda: CheckinRow.local_date),
    Table("questionnaires", _by_experiment(
        QuestionnaireRow, QuestionnaireRow.instrument, QuestionnaireRow.version,
        QuestionnaireRow.answers, QuestionnaireRow.raw, QuestionnaireRow.score,
        QuestionnaireRow.answered_ms,
    ), lambda: QuestionnaireRow.local_date),
    Table("phone_reports", _by_experiment(
        PhoneReportRow, PhoneReportRow.target, PhoneReportRow.seconds,
    ), lambda: PhoneReportRow.local_date),
    Table("prompts", _by_experiment(
        PromptRow, PromptRow.slot, PromptRow.mood, PromptRow.answered_ms,
    ), lambda: PromptRow.local_date),
)
"""What an export holds, in order (see the module docstring)."""


@dataclass(frozen=True)
class ExportSummary:
    """What was written: the file and the rows of each table."""

    path: Path
    rows: dict[str, int]


def export_data(
    db: Database, path: Path, fmt: Format, *,
    first: date | None = None, last: date | None = None, now: datetime | None = None,
) -> ExportSummary:
    """Write every table (days within ``first``..``last`` where given) to ``path``.

    Raises:
        OSError: the file could not be written (nothing is left under ``path``).
        StorageUnavailable: the database could not be read.
    """
    partial = path.with_name(f".{path.name}.partial")
    counts: dict[str, int] = {}
    with _private_file(partial) as out:
        header = {
            "format": EXPORT_FORMAT, "version": EXPORT_VERSION,
            "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "from": first.isoformat() if first else None,
            "to": last.isoformat() if last else None,
        }
        with db.transaction() as conn:
            devices = [dict(row._mapping) for row in conn.execute(
                select(Device.uuid, Device.name, Device.platform).order_by(Device.id))]

            def tables() -> Iterator[tuple[str, list[str], Iterator[list[Any]]]]:
                for table in TABLES:
                    query = table.query()
                    if table.day is not None:
                        query = query.where(and_(*_bounds(table.day(), first, last)))
                    result = conn.execution_options(yield_per=5000).execute(query)
                    columns = list(result.keys())
                    yield table.name, _with_iso(columns, table), _rows(
                        result, columns, table, counts)

            if fmt == "json":
                _write_json(out, header, devices, tables())
            else:
                stamp = (now or datetime.now(UTC)).astimezone()
                _write_zip(out, header, devices, tables(), stamp.timetuple()[:6])
    os.replace(partial, path)
    return ExportSummary(path, counts)


def _bounds(column: Any, first: date | None, last: date | None) -> list[Any]:
    bounds = []
    if first is not None:
        bounds.append(column >= first)
    if last is not None:
        bounds.append(column <= last)
    return bounds or [True]


def _with_iso(columns: list[str], table: Table) -> list[str]:
    """The columns, each ``x_ms`` of ``table.iso_ms`` followed by ``x`` (ISO 8601 text)."""
    named = []
    for column in columns:
        named.append(column)
        if column in table.iso_ms:
            named.append(column.removesuffix("_ms"))
    return named


def _rows(
    result: Any, columns: list[str], table: Table, counts: dict[str, int]
) -> Iterator[list[Any]]:
    """Each row as a list of plain values (dates as text), ISO columns added after ``x_ms``."""
    counts[table.name] = 0
    days = [i for i, c in enumerate(columns) if c in ("date", "locked_until", "start_date")]
    stamps = sorted((columns.index(c) for c in table.iso_ms), reverse=True)
    iso = _IsoMs()
    for row in result:
        values = list(row)
        for i in days:
            if values[i] is not None:
                values[i] = values[i].isoformat()
        for i in stamps:  # from the right, so earlier indexes stay valid
            values.insert(i + 1, iso(values[i]))
        counts[table.name] += 1
        yield values


class _IsoMs:
    """UTC milliseconds as ISO 8601 text ("2026-11-30T10:00:00.250+00:00"), days cached."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def __call__(self, ms: int | None) -> str | None:
        if ms is None:
            return None
        day, rest = divmod(ms, 86_400_000)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = (_EPOCH + timedelta(days=day)).isoformat()
        seconds, millis = divmod(rest, 1000)
        hours, seconds = divmod(seconds, 3600)
        minutes, seconds = divmod(seconds, 60)
        return f"{text}T{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}+00:00"


_EPOCH = date(1970, 1, 1)


@contextlib.contextmanager
def _private_file(path: Path) -> Iterator[IO[bytes]]:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    restrict_fd(fd)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _write_json(out: IO[bytes], header: dict[str, Any], devices: list[dict[str, Any]],
                tables: Iterator[tuple[str, list[str], Iterator[list[Any]]]]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=False)
    text.write(json.dumps(header, ensure_ascii=False)[:-1])
    text.write(', "devices": ' + json.dumps(devices, ensure_ascii=False))
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for name, columns, rows in tables:
        text.write(f',\n"{name}": [')
        for i, row in enumerate(rows):
            text.write(("," if i else "") + "\n" + encode(dict(zip(columns, row, strict=True))))
        text.write("]")
    text.write("}\n")
    text.flush()
    text.detach()


def _write_zip(out: IO[bytes], header: dict[str, Any], devices: list[dict[str, Any]],
               tables: Iterator[tuple[str, list[str], Iterator[list[Any]]]],
               stamp: tuple[int, ...]) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("export.json", date_time=stamp)  # type: ignore[arg-type]
        archive.writestr(info, json.dumps(header, indent=1) + "\n", zipfile.ZIP_DEFLATED)
        _zip_csv(archive, "devices.csv", stamp, ["uuid", "name", "platform"],
                 ([d["uuid"], d["name"], d["platform"]] for d in devices))
        for name, columns, rows in tables:
            _zip_csv(archive, f"{name}.csv", stamp, columns, rows)


def _zip_csv(archive: zipfile.ZipFile, name: str, stamp: tuple[int, ...], columns: list[str],
             rows: Iterator[list[Any]]) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        text = io.TextIOWrapper(member, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(columns)
        writer.writerows(rows)
        text.flush()
        text.detach()
