"""The export's tables: the self-experiment's answers are in it, times are exact ISO 8601."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from wellbeing.core.experiment import Plan
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.storage.data_export import _IsoMs, export_data
from wellbeing.storage.db import Database
from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
from wellbeing.storage.experiment_store import CheckinRecord, ExperimentStore


@given(st.integers(0, 4_102_444_800_000))  # 1970 to 2100
def test_iso_text_equals_datetime_isoformat(ms: int) -> None:
    expected = datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")
    assert _IsoMs()(ms) == expected


def test_check_ins_are_exported_within_the_days_asked_for(db: Database, tmp_path: Path) -> None:
    device = db.device_id("laptop", "linux")
    store = ExperimentStore(SqlAlchemyRunner(db), device)
    record = store.create(
        Plan("classic", date(2026, 3, 2), (LimitTarget("site", "instagram.com"),)), 5)
    for day in (date(2026, 3, 2), date(2026, 3, 9)):
        store.save_checkin(record.id, CheckinRecord(
            day, {"mood": 7, "lonely": 2, "anxious": 3, "missed_out": 1}, "a note", False, 6))
    target = tmp_path / "out.json"
    summary = export_data(db, target, "json", first=date(2026, 3, 1), last=date(2026, 3, 5))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [c["date"] for c in document["checkins"]] == ["2026-03-02"]
    (checkin,) = document["checkins"]
    assert (checkin["mood"], checkin["note"]) == (7, "a note")
    assert document["experiments"][0]["targets"]
    assert summary.rows["checkins"] == 1
    assert not (tmp_path / ".out.json.partial").exists()
