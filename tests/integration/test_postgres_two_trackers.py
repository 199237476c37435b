"""Two computers, one PostgreSQL database: two real trackers, one history, one limit for both.

Two data folders stand for two installs; each runs ``wellbeing track`` with the
fake platform (its demo opens on Instagram) against one real PostgreSQL
database. The first records 40 s of Instagram; then the second, which has a
1-minute Instagram limit of its own, records 30 s: its limit is reached about
20 s in, counting the first computer's 40 s (a per-computer count would never
reach it in 30 s). The combined report is the sum of both devices' rows, and
``report --device`` reads each one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.e2e.helpers import cli_env, run_cli
from tests.integration.test_storage_postgres import fresh_pg_url  # noqa: F401 - a fixture

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def track(data_dir: Path, url: str, seconds: int) -> tuple[float, float]:
    """Run ``wellbeing track`` for ``seconds``; the wall times it started and ended."""
    data_dir.mkdir(parents=True, exist_ok=True)
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "--db", url,
         "--fake-platform", "track", "--duration", str(seconds), "--idle-after", "600"],
        capture_output=True, text=True, timeout=seconds + 120, check=False, env=cli_env(),
    )
    assert done.returncode == 0, done.stderr
    return began, time.time()


def report(data_dir: Path, url: str, *args: str) -> dict[str, Any]:
    done = run_cli("--db", url, "report", "--json", *args, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_one_history_and_a_limit_across_two_computers(
    fresh_pg_url: str, tmp_path: Path  # noqa: F811
) -> None:
    laptop, desk = tmp_path / "laptop", tmp_path / "desk"
    limit = run_cli("--db", fresh_pg_url, "limits", "set", "instagram.com", "1m",
                    "--mode", "notify", data_dir=desk)
    assert limit.returncode == 0, limit.stderr
    track(laptop, fresh_pg_url, 40)
    desk_began, _ = track(desk, fresh_pg_url, 30)

    engine = create_engine(fresh_pg_url)
    with engine.connect() as conn:
        per_device = dict(conn.execute(text(
            "SELECT d.name || ':' || d.uuid, SUM(i.end_ms - i.start_ms) / 1000.0 "
            "FROM interval i JOIN device d ON d.id = i.device_id GROUP BY 1")).all())
        reached = conn.execute(text(
            "SELECT e.at_ms FROM limit_event e WHERE e.kind = 'reached' "
            "AND e.target_key = 'instagram.com'")).scalars().all()
        overlaps = conn.execute(text(
            "SELECT COUNT(*) FROM interval a JOIN interval b ON a.device_id = b.device_id "
            "AND a.start_ms < b.start_ms AND b.start_ms < a.end_ms")).scalar()
    engine.dispose()
    assert len(per_device) == 2  # two devices, each with its own rows
    seconds = sorted(float(s) for s in per_device.values())
    assert seconds[0] == pytest.approx(30, abs=3)
    assert seconds[1] == pytest.approx(40, abs=3)
    assert overlaps == 0

    assert len(reached) == 1, "the desk's limit counts the laptop's 40 s"
    reached_after = reached[0] / 1000 - desk_began
    assert reached_after < 28  # about 20 s in; 60 s if only the desk's own use counted

    combined = report(desk, fresh_pg_url)
    assert combined["total_seconds"] == pytest.approx(sum(seconds), abs=0.01)
    assert report(desk, fresh_pg_url, "--device", "all") == combined
