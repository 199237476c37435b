"""``wellbeing export`` and importing it back, end to end on real data directories.

A month of demo history with a limit and its events is exported as JSON and as
CSV; the JSON, imported into a fresh data dir, gives the very same reports;
importing it again, or into the data dir it came from, adds nothing; the CSV
zip holds a file per table with the same rows; files are 0600; bad input
leaves nothing behind.
"""

from __future__ import annotations

import csv
import io
import json
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import run_cli

UTC_ENV = {"TZ": "UTC"}
FIRST, LAST = "2026-10-01", "2026-10-30"


def cli(data_dir: Path, *args: str) -> str:
    done = run_cli(*args, data_dir=data_dir, env=UTC_ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def report(data_dir: Path, by: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(
        cli(data_dir, "report", "--json", "--by", by, "--from", FIRST, "--to", LAST))
    return payload


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("export") / "data"
    cli(data_dir, "demo-data", "--days", "30", "--seed", "3", "--end", LAST)
    cli(data_dir, "limits", "set", "firefox", "30m")
    return data_dir


def test_json_round_trip_gives_the_same_reports_and_adds_nothing_twice(
    source: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "all.json"
    said = cli(source, "export", "-o", str(exported))
    assert "intervals" in said
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("wellbeing-export", 1)
    assert [limit["target_key"] for limit in document["limits"]] == ["firefox"]
    assert document["limit_events"]  # the limit's "changed" entry
    assert {"checkins", "questionnaires", "experiments"} <= set(document)

    copy = tmp_path / "copy"
    first = json.loads(cli(copy, "import", "--json", str(exported)))
    assert first["format"] == "wellbeing"
    (device,) = first["devices"]
    assert device["seconds_written"] == device["seconds_in_file"] > 0
    for by in ("app", "site", "category"):
        assert report(copy, by) == report(source, by)
    again = json.loads(cli(copy, "import", "--json", str(exported)))["devices"][0]
    assert again["seconds_written"] == 0.0
    home = json.loads(cli(source, "import", "--json", str(exported)))["devices"][0]
    assert home["seconds_written"] == 0.0  # its own history is never doubled
    assert report(source, "app") == report(copy, "app")


def test_csv_zip_holds_a_file_per_table_with_the_same_rows(source: Path, tmp_path: Path) -> None:
    as_json, as_zip = tmp_path / "week.json", tmp_path / "week.zip"
    window = ("--from", "2026-10-10", "--to", "2026-10-16")
    cli(source, "export", *window, "-o", str(as_json))
    cli(source, "export", "--format", "csv", *window, "-o", str(as_zip))
    assert stat.S_IMODE(as_zip.stat().st_mode) == 0o600
    document = json.loads(as_json.read_text(encoding="utf-8"))
    with zipfile.ZipFile(as_zip) as archive:
        names = set(archive.namelist())
        assert {"export.json", "devices.csv", "intervals.csv", "daily_totals.csv",
                "limits.csv", "limit_events.csv", "checkins.csv"} <= names
        tables = {
            name.removesuffix(".csv"): list(csv.DictReader(
                io.TextIOWrapper(archive.open(name), encoding="utf-8")))
            for name in names if name.endswith(".csv")
        }
    assert len(tables["intervals"]) == len(document["intervals"]) > 0
    assert {row["date"] for row in tables["intervals"]} <= {
        f"2026-10-{day}" for day in range(10, 17)}
    first = tables["intervals"][0]
    assert int(first["start_ms"]) == document["intervals"][0]["start_ms"]
    assert first["start"].startswith("2026-10-")


def test_bad_requests_leave_nothing_behind(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.json"
    done = run_cli("export", "-o", str(target), data_dir=source, env=UTC_ENV)
    assert done.returncode == 2
    assert "cannot write" in done.stderr
    assert not target.parent.exists()
    done = run_cli("export", "--from", "2026-10-20", "--to", "2026-10-01", "-o",
                   str(tmp_path / "y.json"), data_dir=source, env=UTC_ENV)
    assert done.returncode == 2
    assert list(tmp_path.iterdir()) == []

    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "wellbeing-export", "version": 2, "devices": []}',
                     encoding="utf-8")
    cut = tmp_path / "cut.json"
    cli(source, "export", "-o", str(cut))
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    fresh = tmp_path / "fresh"
    for bad, says in ((newer, "version 2"), (cut, "cut short")):
        done = run_cli("import", str(bad), data_dir=fresh, env=UTC_ENV)
        assert done.returncode == 3, done.stderr
        assert says in done.stderr
    assert report(fresh, "app")["total_seconds"] == 0
