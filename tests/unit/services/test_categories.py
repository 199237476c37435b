"""sync_categories: categories, names and browser flags follow the current rules, history too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.storage.helpers import DAY, count_statements, new_device, piece
from wellbeing import config as config_module
from wellbeing.core.activity import Focus
from wellbeing.core.clock import FakeClock
from wellbeing.core.rules import RuleSet
from wellbeing.paths import Paths
from wellbeing.services.categories import sync_categories
from wellbeing.services.classifier import load_rule_set
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import RelabelCounts, UsageWriter

INSTAGRAM = Focus("firefox", "firefox", site="instagram.com")
FIREFOX = Focus("firefox", "firefox")
IDEA = Focus("idea-launcher", "IntelliJ IDEA")
MYSTERY = Focus("mystery", "Mystery")


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(None, Paths(data_dir), clock=clock)
    yield database
    database.close()


def rules(tmp_path: Path, text: str = "", *, issues: int = 0) -> RuleSet:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    rule_set, found = load_rule_set(config_module.load(path))
    assert len(found) == issues, found
    return rule_set


def history(db: Database) -> UsageQueries:
    UsageWriter(db, new_device(db)).bulk_insert(
        [
            piece(INSTAGRAM, 9, 10),
            piece(FIREFOX, 10, 10.5),
            piece(IDEA, 11, 12),
            piece(MYSTERY, 12, 12.25),
        ]
    )
    return UsageQueries(db, today=lambda: DAY)


def by(queries: UsageQueries, group: str) -> dict[str, tuple[str, float, str | None, str | None]]:
    report = queries.usage(DAY, DAY, by=group)  # type: ignore[arg-type]
    return {i.key: (i.name, i.seconds, i.category, i.color) for i in report.items}


def test_history_gets_categories_names_and_browser_flags(db: Database, tmp_path: Path) -> None:
    queries = history(db)
    assert by(queries, "category") == {"other": ("Other", 9900.0, "Other", None)}
    sync_categories(db, rules(tmp_path), wm_classes={"idea-launcher": ("jetbrains-idea",) * 2})
    assert by(queries, "category") == {
        "Social": ("Social", 3600.0, "Social", "#d6336c"),
        "Work": ("Work", 3600.0, "Work", "#2b8a3e"),
        "Browsing": ("Browsing", 1800.0, "Browsing", "#1098ad"),
        "other": ("Other", 900.0, "Other", "#868e96"),
    }
    assert by(queries, "site") == {
        "instagram.com": ("Instagram", 3600.0, "Social", "#d6336c"),
        "other:firefox": ("Other browsing (Firefox)", 1800.0, "Browsing", "#1098ad"),
    }
    assert by(queries, "app")["firefox"] == ("Firefox", 5400.0, "Browsing", "#1098ad")


def test_a_browser_without_sites_in_range_still_lists_other_browsing(
    db: Database, tmp_path: Path
) -> None:
    UsageWriter(db, new_device(db)).bulk_insert([piece(FIREFOX, 9, 10), piece(MYSTERY, 10, 11)])
    queries = UsageQueries(db, today=lambda: DAY)
    assert by(queries, "site") == {}  # not known as a browser yet
    sync_categories(db, rules(tmp_path))
    assert by(queries, "site") == {
        "other:firefox": ("Other browsing (Firefox)", 3600.0, "Browsing", "#1098ad"),
    }


def test_a_rule_change_relabels_history_and_undoing_it_restores(
    db: Database, tmp_path: Path
) -> None:
    queries = history(db)
    sync_categories(db, rules(tmp_path))
    changed = rules(
        tmp_path,
        '[categories]\nLeisure = "#123456"\n'
        '[[rules]]\nfield = "site"\npattern = "instagram.com"\ncategory = "Leisure"\n'
        'site_name = "Insta"\n'
        '[[rules]]\nfield = "app"\npattern = "mystery"\ncategory = "Unnamed"\n',
        issues=1,  # "Unnamed" has no colour: a warning, the rule still works
    )
    sync_categories(db, changed)
    assert by(queries, "site")["instagram.com"] == ("Insta", 3600.0, "Leisure", "#123456")
    # a category a rule names without a colour still gets a row (shown grey by the UI)
    assert by(queries, "category")["Unnamed"] == ("Unnamed", 900.0, "Unnamed", None)
    sync_categories(db, rules(tmp_path))
    assert by(queries, "site")["instagram.com"] == ("Instagram", 3600.0, "Social", "#d6336c")
    assert "Unnamed" not in by(queries, "category")


def test_wm_class_seen_once_keeps_labelling_later(db: Database, tmp_path: Path) -> None:
    queries = history(db)
    rule_set = rules(tmp_path)
    sync_categories(db, rule_set, wm_classes={"idea-launcher": ("jetbrains-idea",) * 2})
    sync_categories(db, rule_set)  # a later start does not know the WM_CLASS: it is stored
    assert by(queries, "app")["idea-launcher"][2] == "Work"


def test_an_up_to_date_database_costs_three_reads_and_no_write(
    db: Database, tmp_path: Path
) -> None:
    history(db)
    rule_set = rules(tmp_path)
    first = sync_categories(db, rule_set)
    assert first.apps == 1  # firefox
    assert first.sites == 1  # instagram.com
    assert first.categories >= 7
    with count_statements(db.engine) as counter:
        assert sync_categories(db, rule_set) == RelabelCounts(0, 0, 0)
    verbs = [s.split()[0].upper() for s in counter.statements]
    assert verbs == ["SELECT"] * 3
