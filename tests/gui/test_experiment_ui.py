"""The experiment's screens: the wizard, the check-in, each questionnaire and the report.

They run against the real service on a real SQLite file (the limits and the
tracked usage come from the in-memory limit store of the service tests), and
each is saved to test-artifacts/ to be looked at.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.helpers import SaveDialogs
from tests.gui.test_limit_screenshots import save
from tests.unit.services.limit_fakes import MemoryLimitStore
from wellbeing.core.instruments import score
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.core.limits import UsageToday
from wellbeing.paths import Paths
from wellbeing.services.experiment import Checkin, ExperimentService, Setup
from wellbeing.services.instrument_texts import load_instruments
from wellbeing.storage.db import Database
from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
from wellbeing.storage.experiment_store import ExperimentStore
from wellbeing.ui.checkin import CheckinDialog, QuestionnaireDialog
from wellbeing.ui.experiment_page import ExperimentPage
from wellbeing.ui.experiment_report import ReportView
from wellbeing.ui.experiment_wizard import ExperimentWizard

START = date(2026, 3, 2)


class Days:
    def __init__(self) -> None:
        self.today = START


@pytest.fixture
def days() -> Days:
    return Days()


@pytest.fixture
def service(tmp_path: Path, days: Days) -> Iterator[ExperimentService]:
    db = Database.open(None, Paths(tmp_path / "data"))
    store = ExperimentStore(SqlAlchemyRunner(db), db.device_id("host", "linux"))
    ms = iter(range(1_772_000_000_000, 1_900_000_000_000, 1000))
    yield ExperimentService(store, MemoryLimitStore(), today=lambda: days.today,
                            now_ms=lambda: next(ms))
    db.close()


def test_the_check_in_blocks_until_every_item_is_answered(qtbot: QtBot) -> None:
    given: list[tuple[dict[str, int], str]] = []
    dialog = CheckinDialog("today", lambda v, n: given.append((v, n)) or "Saved.")
    qtbot.addWidget(dialog)
    dialog.show()
    for key, value in (("mood", 6), ("lonely", 3), ("missed_out", 1)):
        next(r for r in dialog.rows if r.key == key).choose(value)
    dialog.save()
    assert given == []
    assert "How anxious did you feel today?" in dialog.message.text()
    assert dialog.isVisible()
    save(dialog, "experiment-checkin")
    next(r for r in dialog.rows if r.key == "anxious").choose(4)
    dialog.note.setText("walked in the park")
    dialog.save()
    assert given == [({"mood": 6, "lonely": 3, "anxious": 4, "missed_out": 1},
                      "walked in the park")]


def test_the_check_in_stores_through_the_service(qtbot: QtBot, service: ExperimentService) -> None:
    service.start(Setup("classic", (LimitTarget("site", "instagram.com"),)))
    page = ExperimentPage(service)
    qtbot.addWidget(page)
    dialog = page.open_checkin()
    for row, value in zip(dialog.rows, (7, 2, 3, 1), strict=True):
        row.choose(value)
    dialog.save()
    record = service.store.current()
    assert record is not None
    assert service.store.checkins(record.id)[START].values == {
        "mood": 7, "lonely": 2, "anxious": 3, "missed_out": 1}


@pytest.mark.parametrize("key", ["who5", "ucla3", "phq8", "gad7"])
def test_each_questionnaire_scores_as_its_source_says(qtbot: QtBot, key: str) -> None:
    instrument = load_instruments()[key]
    rng = random.Random(key)
    answers = [rng.choice(instrument.choices).value for _ in instrument.items]
    stored: list[list[int]] = []

    def submit(values: list[int]) -> object:
        stored.append(list(values))
        return score(instrument, values)

    dialog = QuestionnaireDialog(instrument, submit)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    for number, value in enumerate(answers[:-1], start=1):
        dialog.choose(number, value)
    dialog.save()
    assert stored == []
    assert f"Item {len(answers)} (" in dialog.message.text()
    assert instrument.citation.split(",")[0] in dialog.findChild(
        type(dialog.message), "questionnaire_citation").text()
    if key == "phq8":
        save(dialog, "experiment-questionnaire-phq8")
    dialog.choose(len(answers), answers[-1])
    dialog.save()
    assert stored == [answers]
    assert dialog.score is not None
    assert dialog.score.score == sum(answers) * instrument.multiplier


def test_the_wizard_starts_the_plan_chosen(qtbot: QtBot, service: ExperimentService) -> None:
    page = ExperimentPage(service)
    qtbot.addWidget(page)
    wizard = page.open_wizard()
    save(wizard, "experiment-wizard-intro")
    wizard.next()
    wizard.targets.setText("instagram.com, facebook.com")
    wizard.minutes.setValue(15)
    wizard.primary.setCurrentIndex(wizard.primary.findData("lonely"))
    save(wizard, "experiment-wizard-plan")
    wizard.next()
    wizard.accept()
    status = service.status()
    assert status is not None
    assert status.primary == "lonely"
    assert status.targets == ("instagram.com", "facebook.com")
    assert status.limit_seconds == 900
    page.refresh()
    page.resize(900, 700)
    page.show()
    assert not page.setup_button.isVisible()
    save(page, "experiment-page-running")


def test_the_wizard_shows_a_refusal_and_starts_nothing(
    qtbot: QtBot, service: ExperimentService
) -> None:
    wizard = ExperimentWizard(lambda c: service.start(Setup(
        targets=(), **{k: v for k, v in c.items() if k != "targets"})))  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.accept()
    assert "at least one app or site" in wizard.error.text()
    assert service.status() is None


def test_the_report_view_and_its_pdf(
    qtbot: QtBot, service: ExperimentService, days: Days, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    limits = service.limits
    assert isinstance(limits, MemoryLimitStore)
    service.start(Setup("classic", (LimitTarget("site", "instagram.com"),)))
    rng = random.Random(3)
    for offset in range(28):
        days.today = START + timedelta(days=offset)
        limited = offset >= 7
        seconds = rng.uniform(300, 560) if limited else rng.uniform(1500, 2700)
        limits.usage[days.today] = UsageToday(by_site={"instagram.com": seconds})
        if offset % 9 != 4:
            mood = round(min(10, max(0, rng.gauss(6.4 if limited else 5.6, 1.0))))
            service.checkin(Checkin(mood, 3, 3, 2))
        if offset in (6, 13, 20, 27):
            service.answer("who5", [3, 3, 2, 3, 3] if limited else [2, 3, 2, 2, 3])
    days.today = START + timedelta(days=28)
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(900, 1000)
    report = service.report().to_json()
    view.show_report(report)
    view.show()
    assert view.summary.text() == report["summary"]
    assert view.table.rowCount() == 8
    first = view.table.item(0, 0)
    assert first is not None
    assert first.text() == "evening mood (main)"
    save(view, "experiment-report")
    pdf = view.save_pdf(tmp_path / "report.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_mode & 0o777 == 0o600
    QApplication.processEvents()
    # "Save as PDF…" into a folder that is gone: a message says why, nothing raises
    dialogs = SaveDialogs(monkeypatch, tmp_path / "gone" / "report.pdf")
    view.pdf_button.click()
    assert dialogs.asked == ["experiment-report.pdf"]
    (said,) = dialogs.warned
    assert said.startswith(f"Could not save {tmp_path / 'gone' / 'report.pdf'}: No such file")


def test_the_wizard_suggests_the_social_platforms_seen(
    qtbot: QtBot, service: ExperimentService
) -> None:
    from wellbeing.storage.queries import UsageItem, UsageReport

    asked: list[tuple[date, date, str]] = []

    class Queries:
        def usage(self, start: date, end: date, by: str, *, per_day_items: bool) -> UsageReport:
            asked.append((start, end, by))
            items = [UsageItem("reddit.com", "Reddit", 28 * 600.0, "Social"),
                     UsageItem("instagram.com", "Instagram", 28 * 1500.0, "Social"),
                     UsageItem("github.com", "GitHub", 28 * 9000.0, "Development"),
                     UsageItem("other:firefox", "Other browsing", 28 * 60.0, "Social")]
            return UsageReport(start, end, "site", 0.0, 0.0, [], items)

    today = date(2026, 3, 30)
    page = ExperimentPage(service, lambda: ExperimentPage.social_suggestions(Queries(), today))
    qtbot.addWidget(page)
    wizard = page.open_wizard()
    assert asked == [(date(2026, 3, 2), date(2026, 3, 29), "site")]
    assert wizard.targets.text() == "instagram.com, reddit.com"
    seen = wizard.findChild(type(wizard.error), "seen_social")
    assert seen is not None
    assert "Instagram (25 min a day)" in seen.text()


def test_phone_time_is_recorded_as_self_reported(
    qtbot: QtBot, service: ExperimentService, days: Days
) -> None:
    service.start(Setup("classic", (LimitTarget("site", "instagram.com"),)))
    days.today = START + timedelta(days=6)  # the end of the baseline week
    page = ExperimentPage(service)
    qtbot.addWidget(page)
    page.show()
    assert page.phone_button.isVisible()
    dialog = page.open_phone()
    assert dialog is not None
    dialog.fields["instagram.com"].setValue(42)
    save(dialog, "experiment-phone")
    dialog.save()
    record = service.store.current()
    assert record is not None
    assert service.store.phone(record.id) == [(days.today, "instagram.com", 42 * 60)]
    assert not page.phone_button.isVisible()
