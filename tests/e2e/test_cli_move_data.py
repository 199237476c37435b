"""``wellbeing move-data`` as a person runs it: asks, moves, later starts follow, the
login entry names the new place, and a running tracker keeps it from moving."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.helpers import run_cli, start_cli, wait_until_tracking


def sandbox(tmp_path: Path) -> dict[str, str]:
    """The user's folders, in the test's own place (never the real ones)."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "share")}


def test_move_then_every_start_uses_the_new_place(tmp_path: Path) -> None:
    env = sandbox(tmp_path)
    assert run_cli("demo-data", "--days", "3", "--seed", "3", env=env, timeout=120).returncode == 0
    before = run_cli("report", "--week", env=env).stdout
    assert "Total" in before
    assert run_cli("autostart", "on", env=env).returncode == 0

    new = tmp_path / "disk" / "my wellbeing"
    asked = run_cli("move-data", str(new), env=env)
    assert asked.returncode == 2
    assert "this moves your data" in asked.stderr
    assert "Add --yes" in asked.stderr
    assert not new.exists()

    done = run_cli("move-data", str(new), "--yes", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Moved your data to {new}.")
    assert not (tmp_path / "share" / "wellbeing").exists()
    assert run_cli("report", "--week", env=env).stdout == before  # found without --data-dir
    entry = (tmp_path / "config" / "autostart" / "wellbeing.desktop").read_text()
    assert f"--data-dir '{new}'" in entry or f'--data-dir "{new}"' in entry


def test_a_running_tracker_keeps_the_data_in_place(tmp_path: Path) -> None:
    data_dir = tmp_path / "live"
    proc = start_cli("--fake-platform", "track", data_dir=data_dir)
    try:
        wait_until_tracking(proc, data_dir)
        refused = run_cli("--data-dir", str(data_dir), "move-data", str(tmp_path / "new"), "--yes")
        assert refused.returncode != 0
        assert "is running" in refused.stderr
        assert (data_dir / "wellbeing.sqlite3").exists()
        assert not (tmp_path / "new").exists()
    finally:
        proc.terminate()
        proc.wait(30)
