"""macOS' Accessibility permission is explained once, and macOS asked only if the user agrees."""

from __future__ import annotations

from pathlib import Path

from tests.unit.platform.os_fakes import FakeCocoa
from wellbeing.core.clock import FakeClock
from wellbeing.platform.fake import FakeProbe
from wellbeing.platform.macos import MacProbe
from wellbeing.ui.accessibility_prompt import EXPLANATION, MARKER, explain_accessibility


class Answers:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


def test_agreeing_opens_macos_request_and_the_question_comes_only_once(tmp_path: Path) -> None:
    mac = FakeCocoa(trusted=False)
    probe = MacProbe(mac)
    yes = Answers(True)
    assert explain_accessibility(probe, tmp_path, ask=yes)
    assert yes.asked == [EXPLANATION]
    assert mac.prompts[-1] is True  # macOS' own dialog was asked for
    assert (tmp_path / MARKER).stat().st_mode & 0o777 == 0o600
    assert not explain_accessibility(probe, tmp_path, ask=yes)  # the next start: quiet
    assert len(yes.asked) == 1


def test_not_now_asks_macos_nothing(tmp_path: Path) -> None:
    mac = FakeCocoa(trusted=False)
    no = Answers(False)
    assert not explain_accessibility(MacProbe(mac), tmp_path, ask=no)
    assert len(no.asked) == 1
    assert True not in mac.prompts
    assert (tmp_path / MARKER).exists()


def test_nothing_is_asked_with_the_permission_or_off_macos(tmp_path: Path) -> None:
    ask = Answers(True)
    assert not explain_accessibility(MacProbe(FakeCocoa(trusted=True)), tmp_path, ask=ask)
    other = FakeProbe.from_script([], FakeClock())  # any other backend
    assert not explain_accessibility(other, tmp_path, ask=ask)
    assert ask.asked == []
    assert not (tmp_path / MARKER).exists()
