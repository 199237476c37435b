"""The notifier path to the dashboard's banner, without the banner's widgets.

:class:`DashboardBanner` is a ``Notifier`` of the chain: it hands a notice to the
open dashboard's :class:`~wellbeing.ui.banner.Banner` (in the GUI thread), and
delivers nothing while no window is open. The tray app builds it at start; the
banner's widget classes load with the dashboard (issue 11: Qt's wrappers of eight
widget classes are 0.7 MiB of a process that shows none of them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from wellbeing.services.limit_ports import Notice

if TYPE_CHECKING:
    from wellbeing.ui.banner import Banner

__all__ = ["DashboardBanner"]


class _HasBanner(Protocol):
    banner: Banner

    def isVisible(self) -> bool: ...  # noqa: N802 - Qt API


class DashboardBanner:
    """A notifier path: the banner of the open dashboard (none open: not delivered)."""

    name = "dashboard banner"

    def __init__(
        self,
        window: Callable[[], _HasBanner | None],
        gui: Callable[[Callable[[], object]], None],
    ) -> None:
        self._window = window
        self._gui = gui

    def notify(self, notice: Notice) -> bool:
        window = self._window()
        if window is None or not window.isVisible():
            return False
        self._gui(lambda: window.banner.show_notice(notice.title, notice.body))
        return True

    def close(self) -> None:
        pass
