"""``[storage] database_url`` in the settings: every command uses it, and --db wins."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.helpers import report_json, run_cli


def test_commands_use_the_configured_database_and_db_wins(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    elsewhere = tmp_path / "shared" / "history.sqlite3"
    elsewhere.parent.mkdir()
    (data_dir / "config.toml").write_text(
        f'[storage]\ndatabase_url = "sqlite:///{elsewhere}"\n', encoding="utf-8")
    done = run_cli("demo-data", "--days", "3", "--seed", "4", data_dir=data_dir, timeout=120)
    assert done.returncode == 0, done.stderr
    assert elsewhere.exists()
    assert not (data_dir / "wellbeing.sqlite3").exists()  # the data folder's own file unused
    assert report_json(data_dir, "--week")["total_seconds"] > 0

    own = tmp_path / "own.sqlite3"
    chosen = run_cli("--db", f"sqlite:///{own}", "report", "--json", "--week",
                     data_dir=data_dir)
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["total_seconds"] == 0
