"""``wellbeing report`` reads the local file without SQLAlchemy, with the very same output.

The quick path (``services.quick_report``: stdlib ``sqlite3``) and the usual
one (``--db sqlite:///...`` forces SQLAlchemy) run the same queries; these
tests compare their ``--json`` output on a demo year, by app, site and
category, for a day, a week and a whole range, and check that the quick path
really imports no SQLAlchemy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env, run_cli

UTC_ENV = {"TZ": "UTC"}
PERIODS = {
    "day": ("--date", "2025-12-31"),
    "week": ("--week", "2025-12-24"),
    "range": ("--from", "2025-01-01", "--to", "2025-12-31"),
}


@pytest.fixture(scope="module")
def demo_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("report-paths") / "data"
    done = run_cli("demo-data", "--days", "365", "--seed", "42", "--end", "2025-12-31",
                   data_dir=data_dir, env=UTC_ENV, timeout=300)
    assert done.returncode == 0, done.stderr
    report(data_dir)  # demo-data stores no labels: the first report takes the usual way
    assert "sqlalchemy" not in modules_after_report(data_dir), "the quick path is taken"
    return data_dir


def report(data_dir: Path, *args: str, sqlalchemy: bool = False) -> str:
    extra = ["--db", f"sqlite:///{data_dir / 'wellbeing.sqlite3'}"] if sqlalchemy else []
    done = run_cli(*extra, "report", "--json", *args, data_dir=data_dir, env=UTC_ENV)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("by", ["app", "site", "category"])
@pytest.mark.parametrize("period", sorted(PERIODS))
def test_quick_and_sqlalchemy_reports_are_identical(demo_year: Path, by: str, period: str) -> None:
    args = (*PERIODS[period], "--by", by)
    quick = report(demo_year, *args)
    usual = report(demo_year, *args, sqlalchemy=True)
    assert json.loads(quick)["items"], "the demo year has use in every period"
    assert quick == usual


def modules_after_report(data_dir: Path, *args: str) -> set[str]:
    """The top-level modules a ``report --json`` run in a fresh interpreter has imported."""
    code = (
        "import sys, io, contextlib\n"
        "from wellbeing.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--data-dir', {str(data_dir)!r}, 'report', '--json', *{list(args)!r}])\n"
        "assert code == 0, code\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=cli_env(UTC_ENV), timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


@pytest.mark.slow
def test_report_on_a_current_file_imports_no_sqlalchemy(demo_year: Path) -> None:
    modules = modules_after_report(demo_year, "--week", "2025-12-24")
    assert "wellbeing" in modules
    assert not modules & {"sqlalchemy", "alembic", "PySide6", "pyqtgraph", "numpy"}


@pytest.mark.slow
def test_changed_rules_take_the_usual_way_once_then_the_quick_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    done = run_cli("demo-data", "--days", "14", "--seed", "3", "--end", "2025-12-31",
                   data_dir=data_dir, env=UTC_ENV)
    assert done.returncode == 0, done.stderr
    report(data_dir)  # labels the demo's apps
    assert "sqlalchemy" not in modules_after_report(data_dir, "--by", "category")
    (data_dir / "config.toml").write_text(
        '[[rules]]\nfield = "app"\nmatch = "exact"\npattern = "code"\ncategory = "Studies"\n',
        encoding="utf-8",
    )
    # the labels are behind the rules: the usual way re-labels history first
    assert "sqlalchemy" in modules_after_report(data_dir, "--by", "category")
    quick = report(data_dir, "--from", "2025-12-18", "--to", "2025-12-31", "--by", "category")
    assert "Studies" in {item["key"] for item in json.loads(quick)["items"]}
    assert "sqlalchemy" not in modules_after_report(data_dir, "--by", "category")
    usual = report(data_dir, "--from", "2025-12-18", "--to", "2025-12-31", "--by", "category",
                   sqlalchemy=True)
    assert quick == usual


def test_report_on_a_new_data_dir_creates_the_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    done = run_cli("report", "--json", data_dir=data_dir, env=UTC_ENV)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_seconds"] == 0
    assert (data_dir / "wellbeing.sqlite3").is_file()
