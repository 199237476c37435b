"""Exporting a whole experiment: CSV files and one JSON document, every file 0600.

Written to a directory the user names: ``phases.csv``, ``daily_usage.csv``
(tracked seconds per day and target), ``checkins.csv``, ``questionnaires.csv``
(answers, raw and reported scores, instrument version), ``phone.csv``
(self-reported), ``draws.csv`` (the seed and the drawn order) and
``experiment.json`` (all of it, plus the report).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wellbeing.core import experiment as protocol
from wellbeing.paths import ensure_private_dir, write_private
from wellbeing.services.experiment import ExperimentService


def export_experiment(service: ExperimentService, directory: Path) -> list[Path]:
    """Write the current (or last) experiment into ``directory``; return the files written."""
    data = service.report_input()
    record = service.store.current()
    assert record is not None  # report_input refused otherwise
    plan = record.plan
    ensure_private_dir(directory)
    checkins = service.store.checkins(record.id)
    responses = service.store.responses(record.id)
    tables: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]] = {
        "phases.csv": (
            ("kind", "from", "to"),
            [(p.kind, p.first.isoformat(), p.last.isoformat()) for p in protocol.phases(plan)],
        ),
        "daily_usage.csv": (
            ("date", "target", "seconds"),
            [(day.isoformat(), target, round(seconds, 3))
             for day, used in sorted(data.usage.items()) for target, seconds in used.items()],
        ),
        "checkins.csv": (
            ("date", "mood", "lonely", "anxious", "missed_out", "late", "note"),
            [(day.isoformat(), c.values["mood"], c.values["lonely"], c.values["anxious"],
              c.values["missed_out"], int(c.late), c.note) for day, c in sorted(checkins.items())],
        ),
        "questionnaires.csv": (
            ("date", "instrument", "version", "answers", "raw", "score"),
            [(r.day.isoformat(), r.instrument, r.version, " ".join(map(str, r.answers)), r.raw,
              r.score) for r in responses],
        ),
        "phone.csv": (
            ("date", "target", "seconds_per_day", "self_reported"),
            [(day.isoformat(), target, seconds, 1) for day, target, seconds in data.phone],
        ),
        "draws.csv": (
            ("design", "seed", "order"),
            [(plan.design, plan.seed, " ".join(plan.order))],
        ),
    }
    written = []
    for name, (header, rows) in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        written.append(write_private(directory / name, buffer.getvalue().encode("utf-8")))
    document = {
        "format": "wellbeing-experiment",
        "version": 1,
        "plan": {
            "design": plan.design,
            "start": plan.start.isoformat(),
            "targets": [str(t) for t in plan.targets],
            "limit_seconds": plan.limit_seconds,
            "checkin_time": f"{plan.checkin_minute // 60:02d}:{plan.checkin_minute % 60:02d}",
            "primary": plan.primary,
            "follow_up": plan.follow_up,
            "pairs": plan.pairs,
            "seed": plan.seed,
            "order": list(plan.order),
            "status": record.status,
        },
        "checkins": [
            {"date": day.isoformat(), **c.values, "late": c.late, "note": c.note}
            for day, c in sorted(checkins.items())
        ],
        "questionnaires": [
            {"date": r.day.isoformat(), "instrument": r.instrument, "version": r.version,
             "answers": list(r.answers), "raw": r.raw, "score": r.score}
            for r in responses
        ],
        "report": service.report().to_json(),
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    written.append(write_private(directory / "experiment.json", text.encode("utf-8")))
    return written
