"""Fakes of the Windows API and of the Cocoa calls, for the backends' unit tests."""

from __future__ import annotations

from collections.abc import Callable

from wellbeing.platform.macos import FrontApp

SAFARI = FrontApp(
    pid=321,
    bundle_id="com.apple.Safari",
    name="Safari",
    executable="/Applications/Safari.app/Contents/MacOS/Safari",
)


class FakeWin32:
    """Windows as a few dictionaries; counts what was asked."""

    def __init__(self) -> None:
        self.foreground = 0
        self.owners: dict[int, int] = {}  # window -> pid
        self.titles: dict[int, str] = {}
        self.children: dict[int, list[int]] = {}
        self.images: dict[int, str] = {}  # pid -> executable path
        self.descriptions: dict[str, str] = {}
        self.tick = 0
        self.last_input = 0
        self.description_reads = 0
        self.reads: list[str] = []  # "last" / "tick" in the order read
        self.registered: list[int] = []
        self.unregistered: list[tuple[int, int | None]] = []

    def show(self, hwnd: int, pid: int, path: str, title: str = "") -> None:
        self.foreground = hwnd
        self.owners[hwnd] = pid
        self.images[pid] = path
        self.titles[hwnd] = title

    def foreground_window(self) -> int:
        return self.foreground

    def window_pid(self, hwnd: int) -> int:
        return self.owners.get(hwnd, 0)

    def child_windows(self, hwnd: int) -> list[int]:
        return list(self.children.get(hwnd, []))

    def process_image(self, pid: int) -> str | None:
        return self.images.get(pid)

    def file_description(self, path: str) -> str | None:
        self.description_reads += 1
        return self.descriptions.get(path)

    def window_title(self, hwnd: int) -> str:
        return self.titles.get(hwnd, "")

    def last_input_tick(self) -> int:
        self.reads.append("last")
        return self.last_input

    def tick_count(self) -> int:
        self.reads.append("tick")
        return self.tick

    def register_session_notices(self, hwnd: int) -> int | None:
        self.registered.append(hwnd)
        return 77

    def unregister_session_notices(self, hwnd: int, power: int | None) -> None:
        self.unregistered.append((hwnd, power))


class FakeCocoa:
    """macOS as a few attributes; notices queued here arrive when the run loop runs."""

    def __init__(self, *, trusted: bool = False, has_run_loop: bool = True) -> None:
        self.front: FrontApp | None = SAFARI
        self.idle = 0.0
        self.trusted = trusted
        self.prompts: list[bool] = []
        self.titles: dict[int, str] = {SAFARI.pid: "Start Page"}
        self.title_reads = 0
        self.handler: Callable[[str], None] | None = None
        self.queued: list[str] = []
        self.has_run_loop = has_run_loop
        self.loops = 0
        self.closed = False

    def frontmost(self) -> FrontApp | None:
        return self.front

    def idle_seconds(self) -> float:
        return self.idle

    def accessibility_trusted(self, prompt: bool) -> bool:
        self.prompts.append(prompt)
        return self.trusted

    def focused_window_title(self, pid: int) -> str | None:
        self.title_reads += 1
        return self.titles.get(pid)

    def observe(self, handler: Callable[[str], None]) -> None:
        self.handler = handler

    def run_loop(self, timeout: float) -> bool:
        self.loops += 1
        if not self.has_run_loop:
            return False
        self.deliver()
        return True

    def deliver(self) -> None:
        assert self.handler is not None
        queued, self.queued = self.queued, []
        for name in queued:
            self.handler(name)

    def notify(self, name: str) -> None:
        """A notice posted on the main thread right now."""
        self.queued.append(name)
        self.deliver()

    def close(self) -> None:
        self.closed = True
