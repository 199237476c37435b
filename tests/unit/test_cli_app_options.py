"""The tray app's command line is parsed without the commands: same result, fewer modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wellbeing import cli

APP_LINES = [
    [],
    ["--data-dir", "/tmp/d"],
    ["--data-dir=/tmp/d", "-v"],
    ["--db", "sqlite:///x.db", "--fake-platform", "--verbose"],
    ["-v", "--data-dir", "/tmp/a", "--data-dir", "/tmp/b", "--db=postgresql://h/db"],
]
OTHER_LINES = [
    ["report"],
    ["--data-dir", "/tmp/d", "track", "--duration", "1"],
    ["--help"],
    ["-h"],
    ["--version"],
    ["--data", "/tmp/d"],  # an abbreviation: argparse's own rules
    ["--data-dir"],  # no value: the whole parser says so
    ["--data-dir", "-v"],
    ["--", "report"],
    ["-vv"],
    ["--unknown"],
]


@pytest.mark.parametrize("argv", APP_LINES)
def test_the_app_options_parse_as_the_whole_parser_parses_them(argv: list[str]) -> None:
    assert cli._only_app_options(argv)
    short = cli.build_parser(commands=False).parse_args(argv)
    assert short == cli.build_parser().parse_args(argv)
    assert short.command is None


@pytest.mark.parametrize("argv", OTHER_LINES)
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert not cli._only_app_options(argv)


CODE = """
import json, sys
from wellbeing import cli
seen = {}
code = cli.main(sys.argv[1:], start_gui=lambda args: seen.setdefault("args", vars(args)) and 0)
print(json.dumps({"code": code, "args": seen["args"],
                  "commands": sorted(m for m in sys.modules if m.startswith("wellbeing.cli_")),
                  "shutil": "shutil" in sys.modules}))
"""


def test_starting_the_app_imports_none_of_the_command_modules(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE, "--data-dir", str(tmp_path), "-v"],
        capture_output=True, text=True, timeout=60, check=True,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_")},
             "LANGUAGE": "en"},
    ).stdout
    found = json.loads(out)
    assert found["code"] == 0
    assert found["args"]["data_dir"] == str(tmp_path)
    assert found["args"]["command"] is None
    assert found["args"]["verbose"] is True
    assert found["commands"] == ["wellbeing.cli_language"]  # every run picks its language
    assert found["shutil"] is False  # argparse is told the width (cli._Formatter)


@pytest.mark.parametrize("columns", ["50", "120", "", "nonsense", "-3"])
def test_help_is_as_wide_as_argparse_would_make_it(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    monkeypatch.setenv("COLUMNS", columns)
    ours = cli._Formatter("wellbeing")
    theirs = argparse.HelpFormatter("wellbeing")
    assert ours._width == theirs._width  # what wraps the help text
    assert cli.build_parser().format_help() == cli.build_parser().format_help()
