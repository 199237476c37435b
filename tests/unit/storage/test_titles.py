"""Forgetting stored window titles: links and titles go, the time stays; both ways."""

from __future__ import annotations

import sqlite3
from datetime import date

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.paths import Paths
from wellbeing.storage.db import Database
from wellbeing.storage.titles import forget_titles, forget_titles_in_file
from wellbeing.storage.writer import UsageWriter

DAY = date(2026, 11, 30)


def fill(db: Database) -> None:
    device = db.device_id("laptop", "linux")
    focus = Focus("firefox", "Firefox", "youtube.com", title="A private video - YouTube")
    other = Focus("code", "Code", None, title="secret.md")
    UsageWriter(db, device).bulk_insert([
        Piece(focus, 1_000, 61_000, 0, DAY, 1), Piece(other, 61_000, 91_000, 0, DAY, 2)])


def test_forgetting_in_the_local_file_keeps_the_time(db: Database, paths: Paths) -> None:
    fill(db)
    path = paths.database
    assert forget_titles_in_file(path) == 2
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM window_title").fetchone() == (0,)
        rows = conn.execute(
            "SELECT title_id, end_ms - start_ms FROM interval ORDER BY 2").fetchall()
        assert rows == [(None, 30_000), (None, 60_000)]
        assert conn.execute("SELECT SUM(seconds) FROM daily_usage").fetchone() == (90.0,)


def test_forgetting_through_sqlalchemy(db: Database) -> None:
    fill(db)
    assert forget_titles(db) == 2
    assert forget_titles(db) == 0
