"""The database server goes away while tracking: nothing is lost, nothing is doubled.

``wellbeing track --db URL`` reaches a real PostgreSQL through a TCP relay run
by this test. The relay is stopped (every connection cut, new ones refused)
while the tracker runs; the tracker is then stopped while the server is still
away, so its last saves can only go to the local spool. With the relay back, a
second short run writes the spool at start. The database then holds the whole
first run once (each device's intervals never overlap) plus the second run.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.e2e.helpers import cli_env
from tests.integration.test_storage_postgres import fresh_pg_url  # noqa: F401 - a fixture
from tests.integration.xhelpers import wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


class Relay:
    """A TCP relay to ``target``; ``stop`` cuts every connection and refuses new ones."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._server: socket.socket | None = None
        self._links: list[socket.socket] = []

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen()
        self.port = server.getsockname()[1]
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        if self._server is not None:
            with contextlib.suppress(OSError):  # wakes the accepting thread (close would not)
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None
        for link in self._links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
            link.close()
        self._links = []


def test_an_outage_loses_nothing_and_doubles_nothing(
    fresh_pg_url: str, tmp_path: Path  # noqa: F811
) -> None:
    real = make_url(fresh_pg_url)
    relay = Relay((real.host or "127.0.0.1", real.port or 5432))
    relay.start()
    url = real.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    data_dir = tmp_path / "laptop"
    data_dir.mkdir()
    argv = [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "--db", url,
            "--fake-platform", "track", "--idle-after", "600"]
    errors = (tmp_path / "first.stderr").open("w")  # a pipe nobody reads would fill up
    first = subprocess.Popen(argv, env=cli_env(), stderr=errors, text=True)
    log = data_dir / "logs" / "wellbeing.log"
    wait_until(lambda: log.exists() and "data in" in log.read_text(), timeout=60,
               what="the tracker to start")
    started = time.time()
    time.sleep(12)
    relay.stop()  # the server is away
    time.sleep(14)
    first.terminate()
    assert first.wait(60) == 0, (tmp_path / "first.stderr").read_text()
    errors.close()
    assert "kept for the next start" in (tmp_path / "first.stderr").read_text()
    ended = time.time()
    spool = data_dir / "spool.sqlite3"
    assert spool.exists(), "unsaved pieces were kept locally"

    relay.start()  # back, on the same port
    second = subprocess.run([*argv[:-2], "--duration", "5"], env=cli_env(),
                            capture_output=True, text=True, timeout=120, check=False)
    assert second.returncode == 0, second.stderr

    engine = create_engine(fresh_pg_url)
    with engine.connect() as conn:
        total = conn.execute(text(
            "SELECT SUM(end_ms - start_ms) / 1000.0 FROM interval")).scalar()
        overlaps = conn.execute(text(
            "SELECT COUNT(*) FROM interval a JOIN interval b ON a.device_id = b.device_id "
            "AND a.start_ms < b.start_ms AND b.start_ms < a.end_ms")).scalar()
        rollup = conn.execute(text("SELECT SUM(seconds) FROM daily_usage")).scalar()
    engine.dispose()
    relay.stop()
    first_run = ended - started
    assert overlaps == 0
    assert float(total) == pytest.approx(float(rollup), abs=0.01)
    # The whole first run (about 26 s, half of it while the server was away) and the 5 s
    # of the second: nothing lost, nothing counted twice.
    assert first_run + 5 - 4 <= float(total) <= first_run + 5 + 4
