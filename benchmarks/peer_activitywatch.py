"""wellbeing against ActivityWatch's Python server on the same demo year: storage and query latency.

Steps (the whole run is bounded by ``--budget`` seconds; the server is always stopped):

1. ``wellbeing demo-data`` fills a temporary data dir with the demo year
   (365 days, seed 42, UTC days starting at 04:00).
2. That history is exported with ``storage.portability.export_activitywatch``.
3. A private venv (``~/.cache/wellbeing-bench/aw-venv``, created once and
   reused) holds ``aw-core aw-server aw-client "peewee<4" "flask<2.3"`` - the
   pins make PyPI's aw-server 0.12.0 work (see shared research, section 3).
4. ``aw-server --storage peewee`` starts on a free localhost port with HOME and
   XDG dirs in a temp dir; the export goes in through ``POST /api/0/import``.
5. Storage: bytes per tracked day of their peewee SQLite file and of ours,
   raw and after VACUUM on a copy.
6. Per-app totals for the last day, the last Monday-Sunday week and the year:
   theirs through query2 (``POST /api/0/query/``: ``flood`` the window bucket,
   ``merge_events_by_keys`` on app, ``sort_by_duration``; one warm-up, median
   of 3, a single run for the year if it is slow), ours in-process
   (``UsageQueries.usage``, median of 20) and as a process (``wellbeing report
   --json``, median of 5). Totals from both sides are compared.

Prints one JSON object with the figures and the ratios theirs / ours.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from _common import (
    CACHE_DIR,
    DAY_START_HOUR,
    DEMO_DAYS,
    DEMO_SEED,
    cli_env,
    emit,
    log,
    make_demo_year,
    median,
    median_ms,
    periods,
    ratio,
    run_cli,
    sqlite_bytes,
    utc_bounds,
    vacuumed_bytes,
)

AW_PACKAGES = ["aw-core", "aw-server", "aw-client", "peewee<4", "flask<2.3"]
HOSTNAME = "wellbeing"
WINDOW_BUCKET = f"aw-watcher-window_{HOSTNAME}"
QUERY = [
    f'events = flood(query_bucket("{WINDOW_BUCKET}"));',
    'RETURN = sort_by_duration(merge_events_by_keys(events, ["app"]));',
]
SLOW_YEAR_S = 10.0


class Budget:
    """The run's time limit: how much is left, and whether to skip optional work."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def check(self, what: str) -> None:
        if self.left() <= 0:
            raise TimeoutError(f"time budget used up before {what}")


AW_CHECK = (
    "import aw_server, aw_core, flask, peewee; "
    "assert int(peewee.__version__.split('.')[0]) < 4, 'peewee 4 breaks aw-server 0.12'; "
    "assert tuple(map(int, flask.__version__.split('.')[:2])) < (2, 3), 'flask 2.3 too'"
)


def ensure_aw_venv(budget: Budget) -> Path:
    """The venv with ActivityWatch's Python server, created on first use and then reused."""
    venv = CACHE_DIR / "aw-venv"
    server = venv / "bin" / "aw-server"
    python = venv / "bin" / "python"
    if server.exists():
        check = subprocess.run(
            [str(python), "-c", AW_CHECK], capture_output=True, check=False, timeout=60
        )
        if check.returncode == 0:
            return server
        log(f"{venv} is not usable ({check.stderr.decode(errors='replace').strip()[-200:]})")
    log(f"creating {venv} with {' '.join(AW_PACKAGES)} (once; reused later)")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        check=True,
        timeout=max(30.0, budget.left()),
    )
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, *AW_PACKAGES],
        check=True,
        timeout=max(60.0, budget.left()),
        stdout=subprocess.DEVNULL,
    )
    return server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class AwServer:
    """A running aw-server with private HOME/XDG dirs; ``stop`` always ends it."""

    def __init__(self, executable: Path, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/0"
        env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        env.update(
            {
                "HOME": str(home),
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache"),
                "XDG_STATE_HOME": str(home / "state"),
            }
        )
        self.log_file = (home / "aw-server.log").open("w")
        self.proc = subprocess.Popen(
            [
                str(executable),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--storage",
                "peewee",
            ],
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            cwd=home,
        )
        self.peak_rss = 0
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        import psutil

        try:
            process = psutil.Process(self.proc.pid)
            while self._sampling:
                self.peak_rss = max(self.peak_rss, process.memory_info().rss)
                time.sleep(0.2)
        except psutil.Error:
            return

    def rss(self) -> int:
        import psutil

        return int(psutil.Process(self.proc.pid).memory_info().rss)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"aw-server exited with {self.proc.returncode}; see its log")
            try:
                self.request("GET", "/info", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise TimeoutError("aw-server did not answer within the time limit")

    def request(
        self, method: str, path: str, body: bytes | None = None, timeout: float = 120
    ) -> Any:
        req = urllib.request.Request(self.base + path, data=body, method=method)
        if body is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return json.loads(response.read() or b"null")

    def database_file(self) -> Path:
        found = sorted(self.home.rglob("peewee-sqlite*.db"))
        if not found:
            raise RuntimeError(f"no peewee database under {self.home}")
        return found[0]

    def stop(self) -> None:
        self._sampling = False
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.log_file.close()


def aw_query(server: AwServer, first: Any, last: Any, timeout: float) -> dict[str, float]:
    start, end = utc_bounds(first, last, DAY_START_HOUR)
    body = json.dumps({"timeperiods": [f"{start}/{end}"], "query": QUERY}).encode()
    result = server.request("POST", "/query/", body, timeout=timeout)
    return {str(e["data"]["app"]): float(e["duration"]) for e in result[0]}


def compare_totals(theirs: dict[str, float], ours: dict[str, float]) -> dict[str, float]:
    keys = set(theirs) | set(ours)
    worst = max((abs(theirs.get(k, 0.0) - ours.get(k, 0.0)) for k in keys), default=0.0)
    return {
        "theirs_total_s": round(sum(theirs.values()), 3),
        "ours_total_s": round(sum(ours.values()), 3),
        "apps_theirs": len(theirs),
        "apps_ours": len(ours),
        "max_app_difference_s": round(worst, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=420, help="seconds for the whole run")
    args = parser.parse_args()
    budget = Budget(args.budget)

    from wellbeing.paths import Paths
    from wellbeing.storage.db import Database
    from wellbeing.storage.portability import export_activitywatch

    result: dict[str, Any] = {
        "benchmark": "peer_activitywatch",
        "demo_days": DEMO_DAYS,
        "demo_seed": DEMO_SEED,
    }
    with tempfile.TemporaryDirectory(prefix="wellbeing-bench-aw-") as tmp_name:
        tmp = Path(tmp_name)
        data_dir = tmp / "data"
        result["demo_data_seconds"] = round(make_demo_year(data_dir), 2)
        ours_db = data_dir / "wellbeing.sqlite3"
        ours_raw = sqlite_bytes(ours_db)
        ours_vacuumed = vacuumed_bytes(ours_db, tmp / "vacuum-ours")

        export_file = tmp / "aw-export.json"
        started = time.perf_counter()
        with Database.open(None, Paths(data_dir)) as db:
            summary = export_activitywatch(db, export_file, hostname=HOSTNAME)
        export_s = time.perf_counter() - started
        log(
            f"export: {summary.window_events} window + {summary.afk_events} afk events, "
            f"{export_file.stat().st_size / 1e6:.1f} MB in {export_s:.1f} s"
        )
        result["export"] = {
            "window_events": summary.window_events,
            "afk_events": summary.afk_events,
            "hours": round(summary.seconds / 3600, 1),
            "bytes": export_file.stat().st_size,
            "seconds": round(export_s, 2),
        }

        budget.check("creating the ActivityWatch venv")
        executable = ensure_aw_venv(budget)
        home = tmp / "aw-home"
        home.mkdir()
        server = AwServer(executable, home)
        theirs: dict[str, Any] = {}
        try:
            server.wait_ready(timeout=min(60.0, max(5.0, budget.left())))
            info = server.request("GET", "/info")
            theirs["server_version"] = info.get("version")
            started = time.perf_counter()
            server.request(
                "POST", "/import", export_file.read_bytes(), timeout=max(30.0, budget.left())
            )
            theirs["import_seconds"] = round(time.perf_counter() - started, 2)
            theirs["rss_after_import_mib"] = round(server.rss() / 2**20, 1)
            log(f"aw-server import: {theirs['import_seconds']} s")
            theirs["queries"] = run_aw_queries(server, budget)
            theirs["peak_rss_mib"] = round(server.peak_rss / 2**20, 1)
        finally:
            server.stop()
        aw_db = server.database_file()
        theirs_raw = sqlite_bytes(aw_db)
        theirs_vacuumed = vacuumed_bytes(aw_db, tmp / "vacuum-theirs")

        ours = run_our_queries(data_dir)

    days = DEMO_DAYS
    result["storage_bytes_per_day"] = {
        "theirs_raw": round(theirs_raw / days),
        "theirs_vacuumed": round(theirs_vacuumed / days),
        "ours_raw": round(ours_raw / days),
        "ours_vacuumed": round(ours_vacuumed / days),
        "ratio_raw": ratio(theirs_raw, ours_raw),
        "ratio_vacuumed": ratio(theirs_vacuumed, ours_vacuumed),
    }
    latency: dict[str, Any] = {}
    for name in periods():
        aw = theirs["queries"].get(name, {})
        mine = ours[name]
        latency[name] = {
            "theirs_query2_ms": aw.get("median_ms"),
            "ours_in_process_ms": mine["in_process_ms"],
            "ours_totals_in_process_ms": mine["totals_in_process_ms"],
            "ours_cli_ms": mine["cli_ms"],
            "ratio_in_process": ratio(aw.get("median_ms"), mine["in_process_ms"]),
            "ratio_totals_in_process": ratio(aw.get("median_ms"), mine["totals_in_process_ms"]),
            "ratio_cli": ratio(aw.get("median_ms"), mine["cli_ms"]),
            "totals": compare_totals(aw.get("apps", {}), mine["apps"]) if aw else None,
        }
        for side in (aw, mine):
            side.pop("apps", None)
    result["per_app_totals_latency"] = latency
    result["theirs"] = theirs
    result["ours"] = ours
    emit(result)
    return 0


def run_aw_queries(server: AwServer, budget: Budget) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (first, last) in periods().items():
        if budget.left() < 30:
            log(f"skipping the {name} query: time budget nearly used up")
            continue
        timeout = max(30.0, budget.left())
        apps = aw_query(server, first, last, timeout)  # warm-up, and the totals
        times = []
        runs = 3
        for i in range(runs):
            started = time.perf_counter()
            aw_query(server, first, last, timeout)
            times.append(time.perf_counter() - started)
            slow = times[0] > SLOW_YEAR_S or budget.left() < 60
            if i == 0 and name == "year" and slow:
                break
        out[name] = {
            "median_ms": round(median(times) * 1000, 1),
            "runs_ms": [round(t * 1000, 1) for t in times],
            "apps": apps,
        }
        log(f"aw-server {name}: {out[name]['median_ms']} ms ({len(times)} runs)")
    return out


def run_our_queries(data_dir: Path) -> dict[str, Any]:
    from wellbeing.paths import Paths
    from wellbeing.storage.db import Database
    from wellbeing.storage.queries import UsageQueries

    out: dict[str, Any] = {}
    env = cli_env()
    with Database.open(None, Paths(data_dir)) as db:
        queries = UsageQueries(db, day_start_hour=DAY_START_HOUR)
        for name, (first, last) in periods().items():
            report = queries.usage(first, last, by="app")
            in_ms, _ = median_ms(functools.partial(queries.usage, first, last, by="app"), 20)
            # What query2 answers: per-app totals of the period (plus one total per day).
            totals_ms, _ = median_ms(
                functools.partial(queries.usage, first, last, by="app", per_day_items=False), 20
            )

            def cli_once(f: str = first.isoformat(), t: str = last.isoformat()) -> None:
                run_cli(data_dir, "report", "--json", "--from", f, "--to", t, env=env)

            cli_ms, _ = median_ms(cli_once, 5)
            out[name] = {
                "in_process_ms": round(in_ms, 3),
                "totals_in_process_ms": round(totals_ms, 3),
                "cli_ms": round(cli_ms, 1),
                "apps": {item.key: item.seconds for item in report.items},
            }
            log(f"ours {name}: {in_ms:.3f} ms in-process, {cli_ms:.1f} ms CLI")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
