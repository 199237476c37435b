"""Running ``wellbeing`` as a subprocess, the way a person does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_cli(
    *args: str, data_dir: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_DB")}
    full_env.pop("WELLBEING_DATA_DIR", None)
    if env:
        full_env.update(env)
    cmd = [sys.executable, "-m", "wellbeing"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, timeout=timeout, env=full_env, check=False
    )


def report_json(data_dir: Path, *args: str) -> dict[str, Any]:
    res = run_cli("report", "--json", *args, data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = json.loads(res.stdout)
    return data
