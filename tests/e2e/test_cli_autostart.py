"""``wellbeing autostart on|off|status`` for real on Linux: the XDG entry, valid and runnable.

The entry appears in ``$XDG_CONFIG_HOME/autostart`` with an ``Exec`` that
``desktop-file-validate`` accepts, naming the data dir in use (with a space and
a dollar sign in its name); that command line, read back as a desktop would
read it, really starts wellbeing; ``off`` removes the file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import require_part
from tests.e2e.helpers import cli_env, run_cli
from tests.unit.services.test_autostart import parse_exec


def test_on_writes_a_valid_runnable_entry_and_off_removes_it(tmp_path: Path) -> None:
    config = tmp_path / "config"
    data_dir = tmp_path / "my $data"
    env = {"XDG_CONFIG_HOME": str(config)}
    done = run_cli("autostart", "on", "--json", data_dir=data_dir, env=env)
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout)
    entry = config / "autostart" / "wellbeing.desktop"
    assert state["enabled"] is True
    assert state["where"] == str(entry)
    require_part(shutil.which("desktop-file-validate") is not None,
                 "desktop-file-validate is not installed (desktop-file-utils)")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                             text=True, timeout=30, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (line,) = [x for x in entry.read_text().splitlines() if x.startswith("Exec=")]
    argv = parse_exec(line.removeprefix("Exec="))
    assert argv == state["command"]
    assert argv[-2:] == ["--data-dir", str(data_dir)]
    started = subprocess.run([*argv, "autostart", "status", "--json"], capture_output=True,
                             text=True, timeout=60, check=False, env=cli_env(env))
    assert started.returncode == 0, started.stderr  # the entry's command line runs wellbeing
    assert json.loads(started.stdout)["enabled"] is True

    done = run_cli("autostart", "off", data_dir=data_dir, env=env)
    assert done.returncode == 0, done.stderr
    assert not entry.exists()
    status = run_cli("autostart", "status", "--json", data_dir=data_dir, env=env)
    assert json.loads(status.stdout)["enabled"] is False
