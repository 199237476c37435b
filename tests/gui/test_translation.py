"""The German interface, and translations that keep up with the source.

- With the German translation installed, the welcome, the tray menu and the
  Settings window speak German (and Qt's own buttons too).
- ``pyside6-lupdate`` over the UI and the CLI finds no string that the committed German
  ``.ts`` lacks or leaves unfinished (``make translations`` then translating the
  newcomers fixes it), and the committed ``.qm`` is what ``lrelease`` builds
  from that ``.ts``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, FakeTrackerControl, FakeUsageSource
from wellbeing.config import Config
from wellbeing.core.clock import FakeClock
from wellbeing.ui.settings import SettingsDialog
from wellbeing.ui.translation import install_translation, preferred_language
from wellbeing.ui.tray import TrayController
from wellbeing.ui.welcome import WelcomeDialog

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wellbeing_de.ts"
TOOLS = Path(sys.executable).parent


def test_the_language_comes_from_the_environment() -> None:
    assert preferred_language({"LANGUAGE": "de:en", "LANG": "fr_FR.UTF-8"}) == "de"
    assert preferred_language({"LANG": "de_AT.UTF-8"}) == "de"
    assert preferred_language({"LC_ALL": "C", "LANG": "es_ES"}) == "es"
    assert preferred_language({"LC_ALL": "C.UTF-8", "LANG": "de_DE@euro"}) == "de"


def test_english_and_unknown_languages_install_nothing(qapp: QApplication) -> None:
    assert install_translation(qapp, "en") is None
    assert install_translation(qapp, "xx") is None


def test_the_german_ui_speaks_german(qtbot: QtBot, german: None, tmp_path: Path) -> None:
    welcome = WelcomeDialog("nur auf diesem Computer", lambda _on: None)
    qtbot.addWidget(welcome)
    assert welcome.windowTitle() == "Willkommen bei Wellbeing"
    assert welcome.start_button.text() == "Los geht’s"
    assert welcome.login_box.text() == "Wellbeing bei der Anmeldung starten"
    tray = TrayController(FakeTrackerControl(), FakeUsageSource(TODAY), FakeClock(),
                          lambda: TODAY)
    assert tray.open_action.text() == "Übersicht öffnen"
    assert tray.quit_action.text() == "Beenden"
    assert tray.tooltip().startswith("Heute: ")
    dialog = SettingsDialog(Config(), tmp_path / "config.toml")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Wellbeing-Einstellungen"
    assert dialog.save_button.text() == "Speichern"
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Schließen"  # Qt's own translation


def test_every_ui_string_has_a_german_translation(tmp_path: Path) -> None:
    lupdate = TOOLS / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not in this environment")
    fresh = tmp_path / "wellbeing_de.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for part in ("ui", "app", "services", "core", "platform", "storage")
                     for p in (ROOT / "wellbeing" / part).glob("*.py"))
    sources.append(str(ROOT / "wellbeing" / "config.py"))  # as the Makefile's list
    sources.append(str(ROOT / "wellbeing" / "paths.py"))
    sources.extend(sorted(str(p) for p in (ROOT / "wellbeing").glob("cli*.py")))
    done = subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    untranslated = [
        f"{ctx.findtext('name')}: {message.findtext('source')}"
        for ctx in ET.parse(fresh).getroot()
        for message in ctx.findall("message")
        if (message.find("translation") is None
            or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            or not (message.findtext("translation") or "").strip())
    ]
    assert untranslated == [], "run 'make translations' and translate: " + "; ".join(untranslated)


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    lrelease = TOOLS / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not in this environment")
    built = tmp_path / "de.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(built)], capture_output=True,
                   timeout=60, check=True)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run 'make translations'"


def test_notifications_built_without_qt_speak_german_too(german: None) -> None:
    from tests.gui.test_times_up import state
    from wellbeing.services.limit_notices import reached_notice, warning_notice

    reached = reached_notice(state("nag"), {"instagram.com": "Instagram"}, has_screen=False)
    assert reached.title == "Zeit ist um für instagram.com"
    assert reached.body.startswith("Du hast instagram.com heute 32 min genutzt; dein Limit ist")
    assert dict(reached.actions)["snooze"].startswith("15 Minuten mehr (noch ")
    warned = warning_notice(state("nag", used=27 * 60, status="warning"), {})
    assert warned.title == "Noch 3 min für instagram.com heute"


def test_without_a_translation_notifications_stay_english() -> None:
    from tests.gui.test_times_up import state
    from wellbeing.services.limit_notices import reached_notice

    assert reached_notice(state("nag"), {}, has_screen=True).title == "Time's up for instagram.com"


def test_the_weekly_summary_speaks_german(german: None) -> None:
    from wellbeing.core.limits import LimitTarget
    from wellbeing.core.summary import LimitWeek, week_figures, weekly_summary

    weeks = (LimitWeek(LimitTarget("site", "instagram.com"), 5, 7),
             LimitWeek(LimitTarget("site", "reddit.com"), 7, 7))
    figures = week_figures([3600.0] * 7, [3000.0] * 7, (5, 7, weeks))
    summary = weekly_summary(figures)
    assert summary.title == "Deine Woche: 1 h pro Tag"
    assert summary.body == ("Letzte Woche: 1 h pro Tag, ▲ 20 % gegenüber der Woche davor. "
                            "An 5 von 7 Tagen innerhalb deiner Limits "
                            "(instagram.com: 5 von 7, reddit.com: 7 von 7).")


def test_the_weeks_limit_summary_speaks_german(german: None) -> None:
    from wellbeing.core.bypass import BypassSummary

    week = BypassSummary(date(2026, 6, 8), date(2026, 6, 14), days_reached=3, reached=4,
                         snoozes=3, ignores=1, clock_jumps=2)
    assert week.sentence() == ("Diese Woche: Limit an 3 Tagen erreicht, 3-mal verschoben, "
                               "einmal ignoriert, Uhr 2-mal verstellt")
    assert BypassSummary(date(2026, 6, 8), date(2026, 6, 8)).sentence("today") == (
        "Heute wurde kein Limit erreicht")
