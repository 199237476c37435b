"""The log file and every rotated copy of it are readable by the user only (0600)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wellbeing import logs
from wellbeing.paths import Paths


@pytest.fixture
def file_handler(tmp_path: Path) -> Iterator[logs.PrivateRotatingFileHandler]:
    """``logs.setup`` on a fresh data dir under a umask that would make files 0666."""
    previous = os.umask(0)
    root = logging.getLogger()
    level = root.level
    try:
        logs.setup(Paths(tmp_path / "data"))
        handler = next(h for h in root.handlers if isinstance(h, logs.PrivateRotatingFileHandler))
        yield handler
    finally:
        for h in list(root.handlers):
            if getattr(h, "_wellbeing", False):
                root.removeHandler(h)
                h.close()
        root.setLevel(level)
        os.umask(previous)


def modes(log_dir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mode & 0o777 for p in sorted(log_dir.iterdir())}


def test_rotated_log_files_are_private(
    file_handler: logs.PrivateRotatingFileHandler, tmp_path: Path
) -> None:
    log = logging.getLogger("wellbeing.test")
    for number in range(logs.BACKUP_COUNT + 1):
        log.warning("line before rotation %d", number)
        file_handler.doRollover()
    log.warning("after the rotations")
    log_dir = tmp_path / "data" / "logs"
    assert modes(log_dir) == {
        "wellbeing.log": 0o600, "wellbeing.log.1": 0o600, "wellbeing.log.2": 0o600,
        "wellbeing.log.3": 0o600,
    }
    assert "after the rotations" in (log_dir / "wellbeing.log").read_text(encoding="utf-8")
    assert "line before rotation 3" in (log_dir / "wellbeing.log.1").read_text(encoding="utf-8")


def test_rotation_by_size_makes_private_files(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        path = tmp_path / "small.log"
        handler = logs.PrivateRotatingFileHandler(path, maxBytes=200, backupCount=2)
        record = logging.LogRecord("t", logging.WARNING, __file__, 1, "x" * 80, None, None)
        for _ in range(10):
            handler.emit(record)
        handler.close()
    finally:
        os.umask(previous)
    assert modes(tmp_path) == {"small.log": 0o600, "small.log.1": 0o600, "small.log.2": 0o600}


def test_older_rotated_files_left_readable_are_tightened(tmp_path: Path) -> None:
    log_dir = tmp_path / "data" / "logs"
    log_dir.mkdir(parents=True)
    for name in ("wellbeing.log", "wellbeing.log.1", "wellbeing.log.3"):
        (log_dir / name).write_text("old\n")
        (log_dir / name).chmod(0o644)
    root = logging.getLogger()
    level = root.level
    try:
        logs.setup(Paths(tmp_path / "data"))
    finally:
        for h in list(root.handlers):
            if getattr(h, "_wellbeing", False):
                root.removeHandler(h)
                h.close()
        root.setLevel(level)
    assert set(modes(log_dir).values()) == {0o600}


def test_rotation_is_the_standard_librarys(tmp_path: Path) -> None:
    import logging.handlers

    ours_dir, theirs_dir = tmp_path / "ours", tmp_path / "theirs"
    ours_dir.mkdir()
    theirs_dir.mkdir()
    ours = logs.PrivateRotatingFileHandler(ours_dir / "w.log", maxBytes=300, backupCount=3,
                                           encoding="utf-8")
    theirs = logging.handlers.RotatingFileHandler(theirs_dir / "w.log", maxBytes=300,
                                                  backupCount=3, encoding="utf-8")
    for number in range(80):
        text = "line %d " + "é" * (number % 7)
        record = logging.LogRecord("t", logging.WARNING, __file__, 1, text, (number,), None)
        ours.emit(record)
        theirs.emit(record)
    ours.doRollover()
    theirs.doRollover()
    ours.emit(record)
    theirs.emit(record)
    ours.close()
    theirs.close()

    def files(folder: Path) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}

    assert files(ours_dir) == files(theirs_dir)
    assert len(files(ours_dir)) == 4


def test_logging_needs_no_logging_handlers() -> None:
    import subprocess
    import sys

    code = ("import sys, wellbeing.logs; "
            "print(sorted(m for m in ('logging.handlers', 'pickle') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert out.strip() == "[]"
