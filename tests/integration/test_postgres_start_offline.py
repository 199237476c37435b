"""Started while the database server is away: tracking starts anyway, and is written once.

``wellbeing track --db URL`` is started while the TCP relay to a real (fresh,
empty) PostgreSQL refuses connections: the server is away at the very first
start on that database, so there is no schema and no device row yet. The
tracker keeps its time in the spool; the relay then comes up on the same port,
the tracker connects (migrations, device registration) and writes what it kept.
The database then holds the whole run once, without overlaps. The same for the
tray app (its window says the database cannot be reached, and tracks meanwhile).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.e2e.helpers import cli_env
from tests.integration.test_postgres_outage import Relay
from tests.integration.test_storage_postgres import fresh_pg_url  # noqa: F401 - a fixture
from tests.integration.xhelpers import wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", [["track", "--idle-after", "600"], []],
                         ids=["track", "tray-app"])
def test_started_while_the_server_is_away(
    fresh_pg_url: str, tmp_path: Path, command: list[str]  # noqa: F811
) -> None:
    real = make_url(fresh_pg_url)
    relay = Relay((real.host or "127.0.0.1", real.port or 5432))
    relay.port = _free_port()  # nothing listens there yet: connections are refused
    url = real.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    data_dir = tmp_path / "laptop"
    data_dir.mkdir()
    argv = [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "--db", url,
            "--fake-platform", *command]  # no command: the tray app (on the test X server)
    stderr_path = tmp_path / "tracker.stderr"
    errors = stderr_path.open("w")  # a pipe nobody reads would fill up
    tracker = subprocess.Popen(argv, env=cli_env(), stderr=errors, text=True)
    log = data_dir / "logs" / "wellbeing.log"
    try:
        wait_until(lambda: log.exists() and "data in" in log.read_text(), timeout=60,
                   what="the tracker to start without its database")
        started = time.time()
        spool = data_dir / "spool.sqlite3"
        wait_until(spool.exists, timeout=30, what="the time to be kept in the spool")
        time.sleep(8)
        relay.start()  # the server is back
        wait_until(lambda: "answers: writing the time kept locally" in log.read_text(),
                   timeout=30, what="the tracker to reach the database")
        time.sleep(6)
        tracker.terminate()
        assert tracker.wait(60) == 0, stderr_path.read_text()
        ended = time.time()
    finally:
        if tracker.poll() is None:
            tracker.kill()
        errors.close()
    said = stderr_path.read_text()
    assert said.count("cannot be reached (") == 1, said  # said once, at start
    assert "tracking goes on" in said

    engine = create_engine(fresh_pg_url)
    with engine.connect() as conn:
        devices = conn.execute(text("SELECT COUNT(*) FROM device")).scalar()
        total = conn.execute(text(
            "SELECT SUM(end_ms - start_ms) / 1000.0 FROM interval")).scalar()
        negative = conn.execute(text(
            "SELECT COUNT(*) FROM interval WHERE end_ms < start_ms")).scalar()
        overlaps = conn.execute(text(
            "SELECT COUNT(*) FROM interval a JOIN interval b ON a.device_id = b.device_id "
            "AND (a.local_date, a.start_ms) <> (b.local_date, b.start_ms) "
            "AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms")).scalar()
        rollup = conn.execute(text("SELECT SUM(seconds) FROM daily_usage")).scalar()
    engine.dispose()
    relay.stop()
    assert devices == 1
    assert negative == 0
    assert overlaps == 0
    assert float(total or 0) == pytest.approx(float(rollup or 0), abs=0.01)
    # The whole run (about 14 s before the server answered plus the rest): nothing lost,
    # nothing counted twice.
    tracked = ended - started
    assert tracked - 4 <= float(total or 0) <= tracked + 4
    assert len(_spooled(data_dir / "spool.sqlite3")) == 0  # the spool was emptied


def _spooled(path: Path) -> list[tuple[int, int]]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT start_ms, end_ms FROM piece").fetchall()
