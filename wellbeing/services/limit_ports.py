"""The ports the limit enforcer talks through: where limits live, how people are told, screens.

Structural protocols only (no implementation), so storage, platform and ui can
satisfy them without importing services:

- :class:`LimitStore`: ``storage.limits.LimitRepository`` (SQLAlchemy: the tray
  app, ``track --db URL``, the CLI) and ``storage.sqlite_limits.SqliteLimitStore``
  (the headless tracker's stdlib ``sqlite3``) both satisfy it and pass the same tests.
- :class:`Notifier`: ``services.notifier`` builds the chain (freedesktop D-Bus,
  plyer, the tray balloon, the dashboard banner and the log).
- :class:`TimesUpPresenter`: the Qt "Time's up" window (``ui.times_up``); the
  headless tracker has none and notifies instead.
- :class:`WindowActions`: asking a window to close, or minimising it
  (the platform's foreground probe, when it can).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

from wellbeing.core.limits import (
    DeviceScope,
    Downtime,
    Limit,
    LimitEvent,
    LimitState,
    LimitTarget,
    UsageToday,
)
from wellbeing.platform.base import WindowInfo


class LimitStore(Protocol):
    """Limits, downtime and the bypass log of this device, and today's use to start from."""

    def limits(self) -> list[Limit]:
        """Every limit in force or pending, in a stable order (by target text)."""
        ...

    def save_limit(self, limit: Limit) -> Limit:
        """Insert or replace the limit for ``limit.target``; returns it with its id."""
        ...

    def remove_limit(self, target: LimitTarget) -> bool:
        """Delete the limit on ``target`` (its events stay); False if there was none."""
        ...

    def downtime(self) -> Downtime | None: ...

    def save_downtime(self, downtime: Downtime | None) -> None: ...

    def events(self, first: date, last: date) -> list[LimitEvent]:
        """Events of the local days ``first`` .. ``last`` (inclusive), oldest first."""
        ...

    def record_event(self, event: LimitEvent) -> None: ...

    def usage_on(self, day: date, devices: DeviceScope = "all") -> UsageToday:
        """Use recorded for ``day`` (by app key, site, category, total): of every device
        ("all"), of this store's device ("this"), or of every other one ("others")."""
        ...

    def revision(self) -> int:
        """A number that changes whenever limits or downtime change (cheap: poll it)."""
        ...


Urgency = Literal["low", "normal", "critical"]


@dataclass(frozen=True, slots=True)
class Notice:
    """A desktop notification.

    Attributes:
        key: notices with the same key replace each other in place (``limit:instagram.com``).
        title: the summary line.
        body: one or two sentences.
        actions: ``(action id, label)`` buttons, where the path supports them.
        urgency: how insistent the desktop should be.
    """

    key: str
    title: str
    body: str
    actions: tuple[tuple[str, str], ...] = ()
    urgency: Urgency = "normal"


ActionHandler = Callable[[str, str], None]
"""Called with ``(notice key, action id)`` when someone clicks a notification's button.

The action id is ``"dismissed"`` when the person closed the notice without a
button (where the path can tell: the freedesktop one can). It may be called
from a notifier's own thread, never while that notifier is inside ``notify``.
"""


class Notifier(Protocol):
    """One way to tell the person something. Never raises, never blocks for long.

    A path with buttons also has ``set_action_handler(handler: ActionHandler)``
    (optional, looked up with ``getattr`` by ``services.notifier.NotifierChain``).
    """

    name: str

    def notify(self, notice: Notice) -> bool:
        """Show ``notice``; True if it was delivered this way."""
        ...

    def close(self) -> None: ...


TimesUpChoice = Literal["close", "snooze", "ignore", "dismissed"]


class TimesUpPresenter(Protocol):
    """Shows the "Time's up" screen over the app in front (from any thread)."""

    def show_times_up(
        self,
        state: LimitState,
        window: WindowInfo | None,
        on_choice: Callable[[TimesUpChoice], None],
    ) -> None: ...

    def hide_times_up(self) -> None: ...


class WindowActions(Protocol):
    """What may be done to another app's window. Both return False when it cannot be done."""

    def request_close(self, window: WindowInfo) -> bool:
        """Ask the window to close as its title bar's close button does (never kills)."""
        ...

    def minimise(self, window: WindowInfo) -> bool: ...


def noop_choice(_: TimesUpChoice) -> None:
    """A choice handler that does nothing (tests, previews)."""


__all__: Sequence[str] = [
    "LimitStore",
    "Notice",
    "Notifier",
    "ActionHandler",
    "TimesUpPresenter",
    "TimesUpChoice",
    "WindowActions",
    "noop_choice",
]
