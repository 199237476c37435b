"""The kept pause: written privately and whole, read back, forgotten when it no longer holds."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from wellbeing.services.pause_file import PauseFile

NOW = 1_780_000_000.0


@pytest.fixture
def kept(tmp_path: Path) -> PauseFile:
    return PauseFile(tmp_path / "pause.json")


def test_a_timed_pause_is_read_back_until_it_ends(kept: PauseFile) -> None:
    kept.save(NOW + 900)
    assert kept.path.stat().st_mode & 0o777 == 0o600
    assert kept.load(NOW) == NOW + 900
    assert kept.load(NOW + 899) == NOW + 900
    assert kept.load(NOW + 900) is None  # it ended while the app was closed
    assert not kept.path.exists()


@pytest.mark.parametrize("until", [None, math.inf])
def test_a_pause_until_resumed_is_kept_as_such(kept: PauseFile, until: float | None) -> None:
    kept.save(until)
    assert kept.path.read_text() == '{"until": null}'
    assert kept.load(NOW + 10**9) == math.inf


def test_clearing_forgets_it(kept: PauseFile) -> None:
    kept.save(NOW + 60)
    kept.clear()
    kept.clear()  # twice is fine
    assert kept.load(NOW) is None


def test_saving_again_replaces_the_pause_and_leaves_no_temporary_file(kept: PauseFile) -> None:
    kept.save(NOW + 60)
    kept.save(None)
    assert kept.load(NOW) == math.inf
    assert [p.name for p in kept.path.parent.iterdir()] == ["pause.json"]


@pytest.mark.parametrize(
    "text", ["", "{", '{"until": "tomorrow"}', '{"paused": true}', "[]", '{"until": NaN}']
)
def test_a_file_that_cannot_be_read_counts_as_no_pause(kept: PauseFile, text: str) -> None:
    kept.path.write_text(text)
    assert kept.load(NOW) is None
    assert not kept.path.exists()
