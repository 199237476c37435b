"""The command line's language: chosen from the environment, read from the ``.qm`` without Qt.

- German installs the shipped translation: our words, argparse's own, the help
  of every subcommand; numbers get a decimal comma.
- English, a language without a translation, and a damaged file install
  nothing (a damaged file says so in one line on stderr).
- Every CLI text keeps its placeholders in German.
"""

from __future__ import annotations

import argparse
import gettext
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from wellbeing import cli, cli_experiment, resources
from wellbeing.core import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wellbeing_de.ts"
CLI_CONTEXTS = ("Argparse", "Cli", "CliData", "CliDesktop", "CliExperiment", "CliLimits",
                "Data", "Doctor", "LimitTexts", "Platform", "Storage", "UsageReport")


@pytest.fixture
def restored() -> Iterator[None]:
    """Whatever a test installs, English again afterwards (and argparse's own gettext)."""
    words = dict(vars(argparse))
    yield
    i18n.install(None)
    vars(argparse).update(_=words["_"], ngettext=words["ngettext"])


def all_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from all_parsers(sub)


def test_german_is_installed_from_the_environment(restored: None) -> None:
    assert cli.install_language({"LANGUAGE": "de:en"}) == "de"
    assert i18n.language() == "de"
    assert i18n.translate("CliLimits", "Downtime is off.") == "Die Auszeit ist aus."
    assert i18n.translate("Cli", "no such text") == "no such text"
    helps = [p.format_help() for p in all_parsers(cli.build_parser())]
    assert len(helps) > 30
    assert all(h.startswith("Aufruf: wellbeing") and "Optionen:" in h for h in helps)
    assert re.search(r"-h, --help +diese Hilfe zeigen und beenden", helps[0])
    assert re.search(r"--data-dir ORDNER +wo Datenbank, Einstellungen und Protokolle", helps[0])
    with pytest.raises(cli.UsageError) as raised:
        cli.parse_args(["report", "--by", "nope"])
    assert raised.value.user_message() == (
        "Argument --by: ungültige Auswahl: 'nope' (möglich: 'app', 'site', 'category').\n"
        "Mit 'wellbeing report --help' siehst du die Optionen.")


@pytest.mark.parametrize("env", [{"LANGUAGE": "en"}, {"LANG": "en_GB.UTF-8"},
                                 {"LANG": "fr_FR.UTF-8"}, {"LANG": "C.UTF-8"}, {},
                                 {"LANGUAGE": "../de"}])
def test_english_and_languages_without_a_translation_install_nothing(
    env: dict[str, str], restored: None,
) -> None:
    assert cli.install_language(env) is None
    assert i18n.language() == "en"
    assert i18n.translate("CliLimits", "Downtime is off.") == "Downtime is off."
    # argparse's words as written, not looked up in a gettext catalog (which imports
    # locale: the tray app at rest has no other use for it)
    assert vars(argparse)["_"]("usage: ") == "usage: "
    assert vars(argparse)["_"] is not gettext.gettext
    assert cli.build_parser().format_help().startswith("usage: wellbeing")


@pytest.mark.parametrize("content", [b"", b"not a qm file", None])
def test_a_damaged_translation_is_one_line_on_stderr_and_english(
    content: bytes | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], restored: None,
) -> None:
    shipped = resources.path_of("translations/wellbeing_de.qm").read_bytes()
    broken = tmp_path / "wellbeing_de.qm"
    broken.write_bytes(shipped[:len(shipped) // 2] if content is None else content)
    monkeypatch.setattr(resources, "path_of", lambda relative: broken)
    assert cli.install_language({"LANGUAGE": "de"}) is None
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"wellbeing: {broken} ")
    assert err.endswith("; going on in English.\n")
    assert i18n.translate("CliLimits", "Downtime is off.") == "Downtime is off."


def test_the_experiment_report_writes_decimal_commas_in_german(
    capsys: pytest.CaptureFixture[str], restored: None,
) -> None:
    measures = {"mood": {"baseline_mean": 5.25, "limited_mean": 6.0, "difference": 0.75,
                         "ci95": [-0.2, 1.5]},
                "who5": {"baseline_mean": None, "limited_mean": None, "difference": None,
                         "ci95": [None, None]}}
    report = SimpleNamespace(shown_summary=lambda point: "…",
                             to_json=lambda: {"measures": measures})
    service: Any = SimpleNamespace(report=lambda: report)
    args = argparse.Namespace(json=False)
    cli_experiment._report(args, None, service)
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  mood        baseline 5.25  limited 6.00  difference +0.75 (95% range -0.20 to 1.50)",
        "  who5        baseline –  limited –  difference not enough data"]
    assert cli.install_language({"LANGUAGE": "de"}) == "de"
    cli_experiment._report(args, None, service)
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  mood        Ausgangsphase 5,25  begrenzt 6,00  Unterschied +0,75 "
        "(95-%-Bereich -0,20 bis 1,50)",
        "  who5        Ausgangsphase –  begrenzt –  Unterschied zu wenige Daten"]


def test_every_cli_text_keeps_its_placeholders_in_german() -> None:
    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"\{[^{}]*\}|%\(\w+\)[sr]|%[sr]", text))

    checked, differ = 0, []
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") not in CLI_CONTEXTS:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            german = message.findtext("translation") or ""
            checked += 1
            if placeholders(source) != placeholders(german) or not german:
                differ.append(source)
            if context.findtext("name") != "Argparse" and "%" in german and "%" not in source:
                differ.append(source)  # argparse %-formats help texts; a new % would break them
    assert checked > 500
    assert differ == []
