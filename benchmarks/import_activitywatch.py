"""Importing a year of ActivityWatch history: wall time and peak memory of ``wellbeing import``.

Writes a synthetic ActivityWatch export shaped like its Python server's (events
newest first, timestamps with ``+00:00``): 365 days, about 400 window events a
day on weekdays and fewer at weekends (about 150,000 in all, as the research
notes' year), an AFK bucket with not-afk and afk stretches, and 30 apps with
thousands of distinct titles. Then runs ``wellbeing --data-dir D import FILE``
as its own process into a fresh data dir and measures its wall time and peak
RSS (the process's ``ru_maxrss``), next to ``python -c pass`` in the same run.
A second import of the same file measures the "nothing new" path.

The imported seconds are checked against the generator's own count of window
time inside not-afk time (a brute-force sweep over the generated events).

Goals (issue 13): a year in <= 10 s and <= 200 MiB RSS.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import cli, cli_env, emit, log  # noqa: E402

DAYS = 365
FIRST_DAY = datetime(2025, 1, 1, tzinfo=UTC)
APPS = [f"App{i:02d}" for i in range(28)] + ["Firefox", "Code"]


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


def generate(path: Path, seed: int = 7) -> tuple[int, int, float]:
    """Write the export; return (window events, afk events, expected seconds)."""
    rng = random.Random(seed)
    window: list[tuple[int, int, str, str]] = []
    afk: list[tuple[int, int, str]] = []
    for day in range(DAYS):
        start = FIRST_DAY + timedelta(days=day, hours=8)
        weekend = start.weekday() >= 5
        cursor = int(start.timestamp() * 1000)
        end = cursor + (6 if weekend else 11) * 3600_000
        per_event = 80_000 if weekend else 88_000  # ms: about 270 or 450 events a day
        while cursor < end:
            length = rng.randint(per_event // 4, per_event * 7 // 4)
            app = rng.choice(APPS)
            title = f"{app} document {rng.randint(0, 300)}"
            window.append((cursor, min(end, cursor + length), app, title))
            cursor += length
        cursor = int(start.timestamp() * 1000)
        while cursor < end:
            here = rng.randint(20, 90) * 60_000
            afk.append((cursor, min(end, cursor + here), "not-afk"))
            cursor += here
            if cursor >= end:
                break
            away = rng.randint(3, 25) * 60_000
            afk.append((cursor, min(end, cursor + away), "afk"))
            cursor += away
    expected_ms = 0
    present = [(s, e) for s, e, status in afk if status == "not-afk" and e > s]
    j = 0
    for s, e, _, _ in window:  # both sorted and disjoint: one sweep
        while j < len(present) and present[j][1] <= s:
            j += 1
        k = j
        while k < len(present) and present[k][0] < e:
            expected_ms += max(0, min(e, present[k][1]) - max(s, present[k][0]))
            k += 1
    with path.open("w", encoding="utf-8") as out:
        out.write('{"buckets": {')
        for n, (bucket, kind, client, events) in enumerate((
            ("aw-watcher-window_bench", "currentwindow", "aw-watcher-window",
             [(s, e, {"app": a, "title": t}) for s, e, a, t in window]),
            ("aw-watcher-afk_bench", "afkstatus", "aw-watcher-afk",
             [(s, e, {"status": st}) for s, e, st in afk]),
        )):
            head = {"id": bucket, "created": "2026-11-29T14:31:13.534771+00:00", "name": None,
                    "type": kind, "client": client, "hostname": "bench", "data": {}}
            out.write(("," if n else "") + json.dumps(bucket) + ": ")
            out.write(json.dumps(head)[:-1] + ', "events": [')
            for i, (s, e, data) in enumerate(reversed(events)):  # newest first
                out.write(("," if i else "") + json.dumps(
                    {"timestamp": iso(s), "duration": (e - s) / 1000, "data": data}))
            out.write("]}")
        out.write("}}")
    return len(window), len(afk), expected_ms / 1000


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600, check=False)
    return time.perf_counter() - began, done


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="wb-aw-import-") as scratch:
        root = Path(scratch)
        export = root / "aw-buckets-export.json"
        log("writing a year of ActivityWatch history")
        window_events, afk_events, expected = generate(export)
        size_mb = export.stat().st_size / 1e6
        log(f"{window_events} window events, {afk_events} AFK events, {size_mb:.1f} MB")
        env = cli_env()
        baseline, _ = timed([sys.executable, "-c", "pass"], env)
        data_dir = root / "data"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        wall, done = timed(cli(data_dir, "import", "--json", str(export)), env)
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if done.returncode != 0:
            raise SystemExit(f"import failed ({done.returncode}): {done.stderr}")
        result = json.loads(done.stdout)["hosts"][0]
        again_wall, again = timed(cli(data_dir, "import", "--json", str(export)), env)
        again_host = json.loads(again.stdout)["hosts"][0]
    peak_mib = max(peak_kib, before) / 1024
    emit({
        "benchmark": "import_activitywatch",
        "file_mb": round(size_mb, 1),
        "window_events": window_events,
        "afk_events": afk_events,
        "import_wall_s": round(wall, 2),
        "import_peak_rss_mib": round(peak_mib, 1),
        "reimport_wall_s": round(again_wall, 2),
        "reimport_seconds_written": again_host["seconds_written"],
        "python_startup_wall_s": round(baseline, 3),
        "seconds_written": result["seconds_written"],
        "seconds_expected": round(expected, 3),
        "exact": abs(result["seconds_written"] - expected) < 0.01,
        "goals": {"wall_s": 10, "rss_mib": 200},
        "goals_met": {"wall_s": wall <= 10, "rss_mib": peak_mib <= 200},
    })


if __name__ == "__main__":
    main()
