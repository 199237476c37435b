"""Running ``wellbeing`` as a subprocess, the way a person does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def cli_command(*args: str, data_dir: Path | None = None) -> list[str]:
    """``python -m wellbeing [--data-dir D] ARGS...`` with this interpreter."""
    cmd = [sys.executable, "-m", "wellbeing"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return [*cmd, *args]


def cli_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """This environment without the user's wellbeing database and data dir, plus ``env``."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_DB")}
    full_env.pop("WELLBEING_DATA_DIR", None)
    full_env.update(env or {})
    return full_env


def run_cli(
    *args: str, data_dir: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli_command(*args, data_dir=data_dir), capture_output=True, text=True, timeout=timeout,
        env=cli_env(env), check=False,
    )


def start_cli(*args: str, data_dir: Path) -> subprocess.Popen[str]:
    """The same command, started in the background (stdout and stderr piped)."""
    return subprocess.Popen(
        cli_command(*args, data_dir=data_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=cli_env(),
    )


def report_json(data_dir: Path, *args: str) -> dict[str, Any]:
    res = run_cli("report", "--json", *args, data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = json.loads(res.stdout)
    return data


def wait_until_tracking(proc: subprocess.Popen[str], data_dir: Path, timeout: float = 120) -> None:
    """Wait for a background ``wellbeing track`` to say it records (its log's "data in" line).

    Not the database's WAL file: the child that prepares the database makes one
    before the tracker runs (and before it handles SIGTERM).
    """
    log_file = data_dir / "logs" / "wellbeing.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if log_file.exists() and f"data in {data_dir}" in log_file.read_text(encoding="utf-8"):
            return
        time.sleep(0.1)
    raise AssertionError(f"wellbeing track did not start within {timeout} s")
