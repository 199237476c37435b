"""Sites and title privacy end to end on a real X server: xterm posing as a browser.

A user rule makes ``xterm`` a browser whose title suffix is " - XTerm Browser";
an xterm titled like an Instagram page is then counted as instagram.com by
``wellbeing track`` (a subprocess), ``report --by site`` lists it with about
the time it was in front, and the raw database bytes hold the title only when
the user turned on storing titles.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import run_cli
from tests.integration.xhelpers import activate, press_key, set_title, wait_until, x_client, x_env

pytestmark = [pytest.mark.x11, pytest.mark.slow]

PAGE = "Instagram • Photos and videos"
TITLE = f"{PAGE} - XTerm Browser"
IN_FRONT_SECONDS = 8.0
RULE = (
    '[[rules]]\nname = "xterm browser"\nfield = "app"\nmatch = "exact"\npattern = "xterm"\n'
    'browser = true\ntitle_suffix = " - XTerm Browser"\n'
)


def database_bytes(data_dir: Path) -> bytes:
    """The database file and its WAL, as they are on disk."""
    main = data_dir / "wellbeing.sqlite3"
    wal = data_dir / "wellbeing.sqlite3-wal"
    return main.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def track_xterm_as_instagram(display: str, data_dir: Path, config: str) -> tuple[float, bytes]:
    """Track an xterm titled like Instagram while it is in front; return (seconds, raw bytes).

    The xterm gets its title before the tracker starts, and the focus only once
    the tracker samples (an xcalc, not a browser, holds it until then), so the
    seconds in front run from that focus change to SIGTERM.
    """
    data_dir.mkdir(mode=0o700, parents=True)
    (data_dir / "config.toml").write_text(config, encoding="utf-8")
    env = {k: v for k, v in x_env(display).items() if not k.startswith("WELLBEING_")}
    with x_client(display, ["xterm", "-title", "wb-sites", "-e", "sleep", "600"]) as term, \
            x_client(display, ["xcalc"]) as other_window:
        set_title(display, term.wid, TITLE)  # UTF-8 _NET_WM_NAME, whatever the locale
        activate(display, other_window.wid)
        tracker = subprocess.Popen(
            [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "track",
             "--poll", "0.5", "--idle-after", "600"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        log: list[str] = []
        reader = threading.Thread(target=lambda: log.extend(tracker.stderr or ()), daemon=True)
        reader.start()
        try:
            wait_until(lambda: any("poll 0.5 s" in line for line in log), timeout=30,
                       what="the tracker to start sampling")
            time.sleep(1.0)  # a sample or two of xcalc
            activate(display, term.wid)
            press_key(display)  # a fresh Xvfb has been "idle" since it started
            started = time.monotonic()
            time.sleep(IN_FRONT_SECONDS)
            tracker.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
            tracker.wait(timeout=30)
        finally:
            if tracker.poll() is None:
                tracker.kill()
                tracker.wait()
            reader.join(timeout=10)
    assert tracker.returncode == 0, "".join(log)
    return stopped - started, database_bytes(data_dir)


def site_report(data_dir: Path) -> dict[str, Any]:
    today = date.today()
    res = run_cli("report", "--by", "site", "--json",
                  "--from", str(today - timedelta(days=1)), "--to", str(today + timedelta(days=1)),
                  data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = json.loads(res.stdout)
    return data


def test_an_xterm_browser_counts_as_its_site_and_keeps_no_title(
    x_display: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    seconds, raw = track_xterm_as_instagram(x_display, data_dir, RULE)
    report = site_report(data_dir)
    items = {item["key"]: item for item in report["items"]}
    assert set(items) == {"instagram.com"}, items  # all of it on the site, none "other"
    assert items["instagram.com"]["name"] == "Instagram"
    assert items["instagram.com"]["category"] == "Social"
    assert abs(items["instagram.com"]["seconds"] - seconds) <= 2.0, (items, seconds)
    # titles are off by default: not a byte of them on disk, before or after the report
    for data in (raw, database_bytes(data_dir)):
        assert PAGE.encode() not in data
        assert TITLE.encode() not in data
        assert b"Photos and videos" not in data
        assert b"XTerm Browser" not in data
    by_app = json.loads(run_cli("report", "--json", data_dir=data_dir).stdout)
    assert {"xterm", "xcalc"} <= {item["key"] for item in by_app["items"]}  # apps stay apps


def test_with_store_titles_on_the_title_is_on_disk(x_display: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _, raw = track_xterm_as_instagram(
        x_display, data_dir, "[privacy]\nstore_titles = true\n\n" + RULE
    )
    assert TITLE.encode() in raw  # so the grep above would catch a stored title
    assert {item["key"] for item in site_report(data_dir)["items"]} == {"instagram.com"}
