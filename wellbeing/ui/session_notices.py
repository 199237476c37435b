"""Windows' lock and sleep notices in the tray app, through a Qt native event filter.

Windows sends ``WM_WTSSESSION_CHANGE`` (lock, unlock, user switch) and
``WM_POWERBROADCAST`` (sleep, wake) as messages to a window. The tray app
makes a native window that is never shown (a bare ``QWindow``), registers it
for both (:meth:`~wellbeing.platform.windows.WindowsSession.attach_window`),
and a :class:`SessionNoticeFilter` installed on the application hands every
message of the Qt event loop to
:meth:`~wellbeing.platform.windows.WindowsSession.feed_message`, which
decodes it (no Qt there) and ignores all but those two. The filter lets every
message through: Qt and the other windows still see them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication
from PySide6.QtGui import QWindow

from wellbeing.errors import Unavailable
from wellbeing.platform.windows import WindowsSession, message_at

__all__ = ["SessionNoticeFilter", "SessionNotices", "listen_for_session_notices"]

log = logging.getLogger("wellbeing.ui")

WINDOWS_MESSAGE = b"windows_generic_MSG"
"""The event type Qt gives the filter for a Windows ``MSG`` sent or posted to a window."""
_WINDOWS_MESSAGES = (WINDOWS_MESSAGE, b"windows_dispatcher_MSG")  # the latter: via the dispatcher


class SessionNoticeFilter(QAbstractNativeEventFilter):
    """Passes each Windows message's (message, wParam) to ``feed``; never swallows one.

    ``message`` is the address of the ``MSG`` (an int, or a pointer object ``int()`` reads).

    Attributes:
        seen: messages that said something about the session.
    """

    def __init__(self, feed: Callable[[int, int], bool]) -> None:
        super().__init__()
        self._feed = feed
        self.seen = 0

    def nativeEventFilter(  # noqa: N802 - Qt's name
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int  # noqa: N803
    ) -> tuple[bool, int]:
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if kind in _WINDOWS_MESSAGES and message:
            _hwnd, msg, wparam = message_at(int(message))
            try:
                if self._feed(msg, wparam):
                    self.seen += 1
            except Exception:  # noqa: BLE001 - an exception must not cross into Qt's loop
                log.exception("handling a session notice failed")
        return False, 0


class SessionNotices:
    """The hidden window and the filter; keep a reference while the app runs."""

    def __init__(self, app: QCoreApplication, session: WindowsSession) -> None:
        self.window = QWindow()
        self.window.create()  # a native window, never shown
        session.attach_window(int(self.window.winId()))
        self.filter = SessionNoticeFilter(session.feed_message)
        app.installNativeEventFilter(self.filter)


def listen_for_session_notices(
    app: QCoreApplication, session: WindowsSession
) -> SessionNotices | None:
    """Feed ``session`` from the app's window messages; None (logged) if Windows refused."""
    try:
        return SessionNotices(app, session)
    except Unavailable as exc:
        log.warning("lock and sleep will not pause tracking: %s", exc.message)
        return None
