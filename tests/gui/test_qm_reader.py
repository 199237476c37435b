"""``core.qm`` reads the shipped German ``.qm`` exactly as Qt's ``QTranslator`` does.

For every message of ``wellbeing_de.ts`` (and a few that are not there), the
pure-Python reader gives what ``QTranslator`` loaded with the same file gives:
the shipped file (``lrelease`` as ``make translations`` runs it: texts kept)
and one built with ``lrelease -compress`` (with the table of contexts).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from wellbeing.core import qm

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wellbeing_de.ts"
QM = TS.with_suffix(".qm")
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def ts_messages() -> list[tuple[str, str, str]]:
    """(context, source, comment) of every message of the German ``.ts``."""
    return [(ctx.findtext("name") or "", message.findtext("source") or "",
             message.findtext("comment") or "")
            for ctx in ET.parse(TS).getroot().iter("context")
            for message in ctx.iter("message")]


def qt_says(translator: QTranslator, context: str, source: str, comment: str) -> str | None:
    found = translator.translate(context, source, comment or None)
    return found or None  # PySide gives a null QString as ""


def compressed(tmp_path: Path) -> Path:
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not in this environment")
    built = tmp_path / "compressed.qm"
    subprocess.run([str(LRELEASE), "-compress", str(TS), "-qm", str(built)],
                   capture_output=True, timeout=60, check=True)
    return built


@pytest.mark.parametrize("which", ["shipped", "compressed"])
def test_every_message_reads_as_qt_reads_it(which: str, tmp_path: Path) -> None:
    path = QM if which == "shipped" else compressed(tmp_path)
    translator = QTranslator()
    assert translator.load(str(path))
    catalog = qm.load(path)
    messages = ts_messages()
    assert len(messages) > 490
    differ = []
    for context, source, comment in messages:
        ours = catalog.lookup(context, source, comment)
        if ours != qt_says(translator, context, source, comment) or not ours:
            differ.append((context, source, comment, ours))
        if not comment and catalog.translate(context, source) != ours:
            differ.append((context, source, "translate()", ours))
    assert differ == []


@pytest.mark.parametrize("which", ["shipped", "compressed"])
def test_what_qt_does_not_find_the_reader_does_not_either(which: str, tmp_path: Path) -> None:
    path = QM if which == "shipped" else compressed(tmp_path)
    translator = QTranslator()
    assert translator.load(str(path))
    catalog = qm.load(path)
    context, source, _ = ts_messages()[0]
    tries = [(context + "x", source, ""), (context, source + " ", ""), ("", source, ""),
             ("NoSuchContext", "Continue", ""), (context, "", ""),
             # a disambiguation that is not stored: Qt then tries without it
             (context, source, "no such comment"),
             # the two stored disambiguations, and their sources without them
             ("Checkin", "today", ""), ("Checkin", "today", "How was {day}?")]
    for context, source, comment in tries:
        assert catalog.lookup(context, source, comment) == qt_says(
            translator, context, source, comment), (context, source, comment)
    assert catalog.translate("NoSuchContext", "Continue") == "Continue"


def test_the_file_is_described() -> None:
    catalog = qm.load(QM)
    assert catalog.language == "de_DE"
    messages = catalog.messages()
    assert len(messages) == len(ts_messages())
    assert all(m.context and m.source and m.translations for m in messages)
