"""The import-linter contracts catch what their names promise, tried on a broken copy.

``test_layers`` checks that the real tree keeps every contract; a contract
that keeps everything would pass it too. Here a copy of the package gets
imports the contract "ui reads storage only through storage.queries" exists
to stop, and lint-imports must fail on each of them (and still pass on the
imports it allows).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = "ui reads storage only through storage.queries"


def lint_copy(tmp_path: Path, additions: dict[str, str], new_modules: tuple[str, ...] = ()) -> str:
    """Copy the package to ``tmp_path``, append lines to modules, run lint-imports there.

    Args:
        additions: path inside the package -> source lines appended to that module.
        new_modules: paths of empty modules to create first (modules other work adds).

    Returns:
        lint-imports' output, prefixed by ``exit <code>``.
    """
    tree = tmp_path / "tree"
    tree.mkdir()
    shutil.copytree(ROOT / "wellbeing", tree / "wellbeing",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    for module in new_modules:
        (tree / "wellbeing" / module).write_text('"""Stands in for a module to come."""\n')
    for module, lines in additions.items():
        with (tree / "wellbeing" / module).open("a", encoding="utf-8") as handle:
            handle.write("\n" + lines + "\n")
    lint_imports = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=tree, capture_output=True, text=True,
        timeout=300, check=False,
    )
    return f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"


def test_ui_and_cli_importing_storage_internals_break_the_contract(tmp_path: Path) -> None:
    output = lint_copy(
        tmp_path,
        {
            "ui/periods.py": "from wellbeing.storage import writer  # noqa: E402, F401",
            "ui/theme.py": "import wellbeing.storage.db  # noqa: E402, F401",
            "ui/icons.py": "from wellbeing.storage.backup import __doc__ as _d  # noqa: E402",
            "cli.py": "from wellbeing.storage.sqlite_writer import SqliteUsageWriter  # noqa",
        },
        new_modules=("storage/backup.py",),  # a storage module nobody listed for ui
    )
    assert output.startswith("exit 1"), output
    assert f"{CONTRACT} (and storage.limits) BROKEN" in output, output
    for line in (
        "wellbeing.ui.periods -> wellbeing.storage.writer",
        "wellbeing.ui.theme -> wellbeing.storage.db",
        "wellbeing.ui.icons -> wellbeing.storage.backup",
        "wellbeing.cli -> wellbeing.storage.sqlite_writer",
    ):
        assert line in output, (line, output)


def test_the_read_apis_stay_allowed(tmp_path: Path) -> None:
    output = lint_copy(
        tmp_path,
        {
            "ui/periods.py": "from wellbeing.storage.limits import __doc__ as _d  # noqa: E402",
            "cli.py": "from wellbeing.storage.queries import UsageQueries  # noqa: E402, F401",
        },
        new_modules=("storage/limits.py",),
    )
    assert output.startswith("exit 0"), output
    assert f"{CONTRACT} (and storage.limits) KEPT" in output, output
