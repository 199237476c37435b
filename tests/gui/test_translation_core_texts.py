"""Texts built outside ui/ (core, services), shown in German where the GUI shows them.

With the German translation installed (the ``german`` fixture), built-in
category names, the problems of the user's rules, limit errors, the
tracker's notices, the experiment's refusals and its report read German in
the windows; what is stored or exported (category names in the CSV, the
report's JSON) stays English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY
from wellbeing.core.rules import RuleProblem
from wellbeing.errors import ExperimentError
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.viewmodels import DashboardModel, rows_csv


def test_built_in_category_names_are_german_in_the_dashboard(
    qtbot: QtBot, german: None, model: DashboardModel
) -> None:
    window = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(window)
    model.set_group_by("category")
    rows = {row.key: row for row in model.state.rows}
    assert rows["social"].shown == "Soziale Medien"
    assert rows["games"].shown == "Spiele"
    assert rows["reading"].shown == "Reading"  # a category of the user's own: as written
    shown = [window.list_model.data(window.list_model.index(n, 0))
             for n in range(window.list_model.rowCount())]
    assert "Soziale Medien" in shown
    assert "Soziale Medien" in window.legend_label.text()
    assert "Soziale Medien" in window.legend_label.accessibleName()
    assert any("Soziale Medien: " in bar.tooltip for bar in model.state.chart.bars)
    assert rows["social"].accessible_text.startswith("Soziale Medien, ")
    # stored and exported names stay English
    assert rows["social"].name == "Social"
    assert "\nSocial,social," in rows_csv(model.state.rows)


def test_a_browsers_other_use_and_category_limits_are_named_in_german(german: None) -> None:
    from wellbeing.core.limits import LimitTarget
    from wellbeing.services.limit_notices import display_name
    from wellbeing.ui.dashboard_texts import item_name
    from wellbeing.ui.limits_model import default_name

    assert item_name("site", "other:firefox", "Other browsing (Firefox)") == \
        "Sonstiges Surfen (Firefox)"
    assert item_name("category", "Other", "Other") == "Sonstiges"
    assert item_name("app", "social", "Social") == "Social"  # an app is not a category
    assert default_name(LimitTarget("category", "Video")) == "Video"
    assert default_name(LimitTarget("category", "Browsing")) == "Surfen"
    assert display_name(LimitTarget("category", "Work"), {}) == "Arbeit"


def test_the_built_in_categories_are_all_marked_for_translation() -> None:
    import tomllib

    from wellbeing import resources
    from wellbeing.core.categories import BUILT_IN_NAMES, category_name

    built_in = tomllib.loads(resources.read_text("rules/default.toml"))["categories"]
    assert set(built_in) == set(BUILT_IN_NAMES)
    assert category_name("Social") == "Social"  # no translation installed: English


USER_RULES = (
    '[[rules]]\nname = "broken"\nfield = "title"\nmatch = "regex"\npattern = "(oops"\n'
    'site = "oops.example"\n\n'
    '[[rules]]\nfield = "title"\npattern = "x"\ncolour = "red"\n\n'
    '[[rules]]\nfield = "app"\npattern = "x"\ncategory = "Reading"\n'
)


def _rule_issues(tmp_path: Path) -> list[RuleProblem]:
    from wellbeing import config as config_module
    from wellbeing.services.classifier import load_rule_set

    path = tmp_path / "config.toml"
    path.write_text(USER_RULES, encoding="utf-8")
    return load_rule_set(config_module.load(path))[1]


def test_the_problems_of_your_rules_are_german_in_settings(
    qtbot: QtBot, german: None, tmp_path: Path
) -> None:
    from wellbeing.config import Config
    from wellbeing.ui.settings import SettingsDialog

    issues = _rule_issues(tmp_path)
    dialog = SettingsDialog(Config(), tmp_path / "config.toml",
                            rule_problems=[issue.shown() for issue in issues])
    qtbot.addWidget(dialog)
    lines = dialog.rules_label.text().split("\n")[1:]
    path = tmp_path / "config.toml"
    assert lines[0].startswith(f'⚠ {path}, [[rules]] #1 „broken“, Zeile 1: ungültiger regulärer '
                               "Ausdruck in pattern '(oops': ")
    assert lines[1] == f"⚠ {path}, [[rules]] #2, Zeile 8: unbekannter Schlüssel 'colour'"
    assert lines[2] == (f"⚠ {path}, [[rules]] #3, Zeile 13: die Kategorie 'Reading' hat keine "
                        "Farbe in [categories]; sie wird grau angezeigt")
    assert dialog.rules_label.accessibleName() == "Deine Regeln"
    # the log and the command line keep the English message
    assert issues[1].message == f"{path}, [[rules]] #2, line 8: unknown key 'colour'"


def test_rule_problems_stay_english_without_a_translation(tmp_path: Path) -> None:
    issues = _rule_issues(tmp_path)
    assert [issue.shown() for issue in issues] == [issue.message for issue in issues]


def test_limit_errors_are_german_in_the_limit_editor(qtbot: QtBot, german: None) -> None:
    from tests.gui.limit_fakes import FakeLimitStore, limits_model
    from wellbeing.core.limits import LimitTarget
    from wellbeing.ui.limit_editor import open_limit_editor

    editor = open_limit_editor(limits_model(FakeLimitStore()), LimitTarget("app", "firefox"))
    qtbot.addWidget(editor)
    for typed, message in (
        ("bald", "'bald' ist keine Dauer; schreib sie wie 10m, 1h30m oder 90s."),
        ("0", "Ein Limit muss mehr als null sein, nicht '0'."),
        ("25h", "Ein Tageslimit kann höchstens 24h sein, nicht '25h'."),
    ):
        editor.same_edit.setText(typed)
        editor.save_button.click()
        assert editor.time_error.text() == message


def test_a_locked_limit_and_an_unknown_target_are_refused_in_german(german: None) -> None:
    from datetime import date

    from tests.gui.limit_fakes import every_day
    from wellbeing.core.limit_changes import apply_change
    from wellbeing.core.limits import Limit, LimitError, LimitLocked, LimitTarget, resolve_target

    locked = Limit(LimitTarget("site", "instagram.com"), every_day(1800),
                   locked_until=date(2026, 12, 31), id=1)
    with pytest.raises(LimitLocked) as refused:
        apply_change(locked, None, today=date(2026, 6, 10), now_ms=0)
    assert str(refused.value) == (
        "das Limit für instagram.com ist bis 2026-12-31 festgelegt: bis dahin kann es nicht "
        "entfernt werden; du kannst es strenger machen, nicht lockerer")
    with pytest.raises(LimitError) as unknown:
        resolve_target("instagran", apps=["firefox"], sites=["instagram.com"], categories=[])
    assert str(unknown.value) == ("'instagran' ist keine App, Website oder Kategorie, die du "
                                  "genutzt hast; meintest du instagram.com?")


def test_the_trackers_warnings_reach_the_tray_in_german(qtbot: QtBot, german: None) -> None:
    from tests.gui.fakes import TODAY, FakeTrackerControl, FakeUsageSource
    from wellbeing.core.clock import FakeClock
    from wellbeing.core.notice_texts import damaged_at_start
    from wellbeing.services.notices import NoticeRelay, TrackerNotice
    from wellbeing.services.tracker_thread import restarted_notice, save_bug, stopped_notice
    from wellbeing.ui.tray import TrayController

    tray = TrayController(FakeTrackerControl(), FakeUsageSource(TODAY), FakeClock(),
                          lambda: TODAY)
    notice = restarted_notice("KeyError: 'x'")
    tray.show_problem(notice, notice.message)
    assert tray.tooltip().endswith("\nAufzeichnung nach einem Fehler neu gestartet")
    assert notice.message.startswith("Die Aufzeichnung hat wegen eines unerwarteten Fehlers "
                                     "angehalten (KeyError: 'x') und wurde von selbst neu "
                                     "gestartet")
    assert stopped_notice("x").title == "Aufzeichnung angehalten"
    assert save_bug(KeyError("x")).user_message().endswith(
        "starte Wellbeing neu, um weiter aufzuzeichnen.")
    told: list[TrackerNotice] = []
    relay = NoticeRelay()
    relay.subscribe(told.append)
    relay.set_aside(damaged_at_start("/d/usage.sqlite", "malformed", "/d/usage.sqlite.corrupt-1"))
    assert told[0].title == "Datenbank war beschädigt"
    assert told[0].message.startswith("Die Datenbank /d/usage.sqlite war beschädigt (malformed) "
                                      "und konnte nicht genutzt werden. Sie wurde nach "
                                      "/d/usage.sqlite.corrupt-1 beiseitegelegt")


def test_an_experiment_refusal_is_german_in_the_wizard(
    qtbot: QtBot, german: None, tmp_path: Path
) -> None:
    from tests.unit.services.limit_fakes import MemoryLimitStore
    from wellbeing.paths import Paths
    from wellbeing.services.experiment import ExperimentService, Setup
    from wellbeing.storage.db import Database
    from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
    from wellbeing.storage.experiment_store import ExperimentStore
    from wellbeing.ui.experiment_wizard import ExperimentWizard

    db = Database.open(None, Paths(tmp_path / "data"))
    try:
        store = ExperimentStore(SqlAlchemyRunner(db), db.device_id("host", "linux"))
        service = ExperimentService(store, MemoryLimitStore(), today=lambda: TODAY,
                                    now_ms=lambda: 1_781_000_000_000)
        wizard = ExperimentWizard(lambda c: service.start(Setup(
            targets=(), **{k: v for k, v in c.items() if k != "targets"})))  # type: ignore[arg-type]
        qtbot.addWidget(wizard)
        wizard.accept()
        assert wizard.error.text() == "Wähle mindestens eine App oder Website zum Begrenzen."
        with pytest.raises(ExperimentError) as refused:
            service.report()
        assert refused.value.user_message() == (
            "Es gibt kein Experiment, über das berichtet werden kann.\n"
            "Starte eines mit 'wellbeing experiment start'.")
        assert service.status() is None
    finally:
        db.close()


def test_the_reports_summary_and_notes_are_german_and_its_json_english(
    qtbot: QtBot, german: None
) -> None:
    from tests.unit.core.test_experiment_report import report_input
    from wellbeing.core.experiment_report import build_report
    from wellbeing.ui.experiment_report import ReportView

    report = build_report(report_input())
    view = ReportView()
    qtbot.addWidget(view)
    view.show_report(report.to_json(shown=True, point=","))
    summary = view.summary.text()
    assert summary.startswith("Dein Wert für „Stimmung am Abend“ lag in begrenzten Wochen im "
                              "Schnitt 1,")
    assert "Punkte höher als in der Ausgangsphase (95-%-Bereich " in summary
    assert "Du bist an 21 von 21 begrenzten Tagen innerhalb deiner Limits geblieben." in summary
    assert "in der Ausgangsphase 30 Min. am Tag gebraucht" in summary
    assert summary.endswith("Dies ist keine Diagnose und keine medizinische Beratung.")
    notes = [view.table.item(row, 6).text() for row in range(view.table.rowCount())]
    assert notes[0].startswith("Der Unterschied ist „begrenzt minus Ausgangsphase“")
    assert any(note.startswith("Fragebögen werden einmal pro Woche beantwortet") for note in notes)
    english = report.to_json()  # what `experiment report --json` prints and exports keep
    assert english["summary"].startswith("Your evening mood averaged 1.")
    assert english["measures"]["who5"]["note"].startswith("Questionnaires are answered once")


def test_the_check_in_is_german_and_questionnaires_keep_their_english_wording(
    qtbot: QtBot, german: None
) -> None:
    from wellbeing.services.instrument_texts import load_instruments
    from wellbeing.ui.checkin import CheckinDialog, QuestionnaireDialog

    checkin = CheckinDialog("dein Tag heute", lambda _v, _n: "")
    qtbot.addWidget(checkin)
    questions = [row.findChildren(QLabel)[0].text() for row in checkin.rows]
    assert questions[1] == "Wie einsam hast du dich heute gefühlt?"
    checkin.save()
    assert checkin.message.text() == \
        "„Wie ist deine Stimmung gerade?“ ist noch nicht beantwortet."
    who5 = load_instruments()["who5"]
    dialog = QuestionnaireDialog(who5, lambda _answers: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    assert dialog.wording_note is not None
    assert dialog.wording_note.text() == \
        "Diese Fragen werden in ihrer validierten englischen Fassung gezeigt."
    items = dialog.findChild(QLabel, "item_1")
    assert items is not None
    assert items.text() == f"1. {who5.items[0]}"  # the validated English item


def test_in_english_questionnaires_need_no_wording_line(qtbot: QtBot) -> None:
    from wellbeing.services.instrument_texts import load_instruments
    from wellbeing.ui.checkin import QuestionnaireDialog

    dialog = QuestionnaireDialog(load_instruments()["who5"], lambda _a: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    assert dialog.wording_note is None


def test_screen_reader_names_and_the_gnome_setup_speak_german(
    qtbot: QtBot, german: None, tmp_path: Path
) -> None:
    from wellbeing.config import Config
    from wellbeing.services.gnome_setup import setup_gnome_extension
    from wellbeing.ui.settings import SettingsDialog

    dialog = SettingsDialog(Config(), tmp_path / "config.toml")
    qtbot.addWidget(dialog)
    assert dialog.edit_button.accessibleName() == "Einstellungsdatei bearbeiten"
    assert dialog.status.accessibleName() == "Status"
    outcome = setup_gnome_extension({"XDG_CURRENT_DESKTOP": "KDE"})
    assert outcome.lines == [
        "Dies ist keine GNOME-Sitzung (XDG_CURRENT_DESKTOP='KDE'); die Erweiterung ist nur für "
        "GNOME.",
        "Führe diesen Befehl in deiner GNOME-Sitzung aus.",
    ]


def test_why_no_backend_works_is_german(german: None) -> None:
    from wellbeing.core.notice_texts import forced_backend_fails, no_backend_works

    assert no_backend_works("x11 foreground: no DISPLAY") == (
        "In dieser Sitzung lässt sich das Fenster im Vordergrund nicht erkennen. Versucht: "
        "x11 foreground: no DISPLAY.")
    assert forced_backend_fails("kde", "no KWin", None)[1] == \
        'setze platform.backend auf "auto", damit Wellbeing selbst wählt'


def test_screenshots_of_german_texts_from_outside_the_ui(
    qtbot: QtBot, german: None, tmp_path: Path
) -> None:
    """The dashboard by category, Settings with rule problems, the report and the check-in, in
    German, saved to test-artifacts/ with no label clipped."""
    from tests.gui.fakes import realistic_source
    from tests.gui.test_limit_screenshots import save
    from tests.gui.test_screenshots import check_and_save, render
    from tests.unit.core.test_experiment_report import report_input
    from wellbeing.config import Config
    from wellbeing.core.experiment_report import build_report
    from wellbeing.services.instrument_texts import load_instruments
    from wellbeing.ui.checkin import CheckinDialog, QuestionnaireDialog
    from wellbeing.ui.experiment_report import ReportView
    from wellbeing.ui.settings import SettingsDialog

    model = DashboardModel(realistic_source(TODAY, days=75), lambda: TODAY)
    model.set_group_by("category")
    window = render(qtbot, model, "week")
    assert "Soziale Medien" in window.legend_label.text()
    check_and_save(window, "dashboard-categories-de")
    settings = SettingsDialog(Config(), tmp_path / "config.toml",
                              rule_problems=[issue.shown() for issue in _rule_issues(tmp_path)])
    qtbot.addWidget(settings)
    settings.resize(720, 900)
    settings.show()
    qtbot.waitExposed(settings)
    settings.findChild(QScrollArea).ensureWidgetVisible(settings.rules_label)
    save(settings, "settings-rule-problems-de")
    view = ReportView()
    qtbot.addWidget(view)
    view.show_report(build_report(report_input()).to_json(shown=True, point=","))
    view.resize(900, 900)
    view.show()
    qtbot.waitExposed(view)
    save(view, "experiment-report-de")
    checkin = CheckinDialog("dein Tag heute", lambda _v, _n: "")
    qtbot.addWidget(checkin)
    checkin.show()
    qtbot.waitExposed(checkin)
    save(checkin, "checkin-de")
    who5 = QuestionnaireDialog(load_instruments()["who5"], lambda _a: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(who5)
    who5.show()
    qtbot.waitExposed(who5)
    save(who5, "questionnaire-who5-de")


def test_a_refused_setting_is_german_in_settings(
    qtbot: QtBot, german: None, tmp_path: Path
) -> None:
    from wellbeing.config import Config
    from wellbeing.ui.settings import SettingsDialog

    path = tmp_path / "config.toml"
    dialog = SettingsDialog(Config(), path)
    qtbot.addWidget(dialog)
    dialog.database_url.setText("server.local/wellbeing")
    assert not dialog.save()
    shown = dialog.errors[("storage", "database_url")].text()
    assert shown.startswith("muss leer sein (die eigene Datei im Datenordner) oder eine "
                            "Datenbank-URL wie")
    assert shown.endswith("nicht 'server.local/wellbeing'.")
    assert not path.exists()  # refused, nothing written


def test_a_damaged_settings_file_is_explained_in_german(german: None, tmp_path: Path) -> None:
    from wellbeing import config
    from wellbeing.errors import ConfigError

    path = tmp_path / "config.toml"
    path.write_text("[tracking]\npoll_seconds = 900\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        config.load(path)
    assert refused.value.message == (f"{path}, Zeile 2: tracking.poll_seconds: muss zwischen "
                                     "0.1 und 60 liegen, nicht 900.")
    assert "Korrigiere den Wert oder entferne ihn" in refused.value.user_message()
