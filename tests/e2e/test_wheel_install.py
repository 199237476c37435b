"""The built wheel is complete: installed alone, it runs ``wellbeing report`` on a new data dir.

This proves that ``resources/`` and ``migrations/`` ship inside the wheel and are
found without the checkout.

How the fresh venv gets its dependencies, and why: the venv is created without
system site-packages and without pip, and the wheel is installed into it with
the test venv's pip (``pip --python``) and ``--no-deps``. The third-party
dependencies (SQLAlchemy, alembic, platformdirs, ...) are then made visible
through a ``.pth`` file holding the path of the test venv's site-packages.
Python appends such a path to ``sys.path`` after the venv's own site-packages, and
does not process the ``.pth`` files inside it, so the test venv's editable
install (which points at this checkout) stays inactive. A test checks that
``wellbeing`` is really imported from the fresh venv. Installing the
dependencies from PyPI instead would prove the same thing about the wheel, but
would take minutes and need the network.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import stat
import subprocess
import sys
import sysconfig
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORT_DATE = "2026-11-29"

pytestmark = pytest.mark.slow


def run(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from this checkout (offline when hatchling is already installed)."""
    out = tmp_path_factory.mktemp("dist")
    cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-isolation")
    run(cmd, cwd=ROOT)
    wheels = sorted(out.glob("wellbeing-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed; dependencies come from the test venv."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)])
    site_dir = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    test_site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site_dir.stdout.strip(), "test-venv-deps.pth").write_text(
        "".join(f"{p}\n" for p in sorted(test_site)), encoding="utf-8"
    )
    return python


def clean_env(**extra: str) -> dict[str, str]:
    drop = {"PYTHONPATH", "PYTHONHOME", "WELLBEING_DB_URL", "WELLBEING_DATA_DIR", "VIRTUAL_ENV"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def test_wheel_contains_resources_and_migrations(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "wellbeing/_migrations/env.py" in names
    assert any(n.startswith("wellbeing/_migrations/versions/") and n.endswith(".py") for n in names)
    assert any(n.startswith("wellbeing/_resources/") for n in names)
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/"))]


def test_fresh_venv_imports_wellbeing_from_the_wheel(venv_python: Path, tmp_path: Path) -> None:
    proc = run([str(venv_python), "-c", "import wellbeing; print(wellbeing.__file__)"],
               cwd=tmp_path, env=clean_env())
    imported_from = Path(proc.stdout.strip()).resolve()
    assert imported_from.is_relative_to(venv_python.parent.parent.resolve()), imported_from


def test_report_on_a_new_data_dir_runs_the_shipped_migrations(
    venv_python: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    proc = run([str(venv_python.parent / "wellbeing"), "report", "--json", "--date", REPORT_DATE],
               cwd=tmp_path, env=clean_env(WELLBEING_DATA_DIR=str(data_dir)))

    report = json.loads(proc.stdout)
    assert report["total_seconds"] == 0

    database = data_dir / "wellbeing.sqlite3"
    assert database.is_file()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600

    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory(str(ROOT / "migrations")).get_heads())
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        versions = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    assert heads
    assert versions == heads


def test_headless_track_from_the_wheel_prepares_through_its_upkeep_child(
    venv_python: Path, tmp_path: Path
) -> None:
    """``wellbeing track`` migrates a new file in a child (``python -m wellbeing.services.upkeep``)
    run by the installed interpreter, then records with the stdlib writer."""
    data_dir = tmp_path / "data"
    env = clean_env(WELLBEING_DATA_DIR=str(data_dir))
    wellbeing_cmd = str(venv_python.parent / "wellbeing")
    run([wellbeing_cmd, "--fake-platform", "track", "--duration", "2", "--poll", "0.2"],
        cwd=tmp_path, env=env)
    with closing(sqlite3.connect(f"file:{data_dir / 'wellbeing.sqlite3'}?mode=ro", uri=True)) as c:
        seconds = c.execute("SELECT sum(end_ms - start_ms) FROM interval").fetchone()[0]
    assert seconds is not None
    assert seconds > 500
