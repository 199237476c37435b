"""Desktop notifications through plyer: Windows and macOS, and the Linux fallback.

plyer is imported only when a :class:`PlyerNotifier` is built. The constructor
resolves plyer's backend for this system at once and raises
:class:`~wellbeing.errors.Unavailable` when plyer has none (on Linux it needs
dbus-python or ``notify-send``, and a session bus for either), so the chain
can say why instead of failing at the first notice.

plyer offers no buttons and no replacement. Its calls can block: the Windows
balloon waits for its whole display time, and ``notify-send`` waits for the
bus. So each notice is shown from a short-lived daemon thread and
:meth:`PlyerNotifier.notify` waits at most ``wait`` seconds: an error within
that time means not delivered, a call still running means the platform is
showing it.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import warnings
from collections.abc import Mapping
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import NoticeLike

__all__ = ["PlyerNotifier"]

log = logging.getLogger("wellbeing.platform")

_SHOW_SECONDS = 10


class PlyerNotifier:
    """Notifier using ``plyer.notification`` (no buttons, no in-place replacement).

    Args:
        icon: a path to the app's icon ("" for none; Windows wants an ``.ico``).
        app_name: shown as the sender where the platform shows one.
        wait: seconds :meth:`notify` waits for plyer's call before returning.
        env: the environment (Linux: ``DBUS_SESSION_BUS_ADDRESS``); default ``os.environ``.
        backend: an object with plyer's ``notify(**kwargs)`` to use instead of
            plyer's own choice (tests).

    Raises:
        Unavailable: plyer is missing or has no notification backend here.
    """

    def __init__(
        self,
        *,
        icon: str = "",
        app_name: str = "Wellbeing",
        wait: float = 1.0,
        env: Mapping[str, str] | None = None,
        backend: Any = None,
    ) -> None:
        self._icon = icon
        self._app_name = app_name
        self._wait = wait
        if backend is not None:
            self._backend: Any = backend
            self.name = f"plyer ({type(backend).__name__})"
            return
        env = os.environ if env is None else env
        try:
            from plyer.utils import platform as plyer_platform
        except ImportError as exc:
            raise Unavailable(translate("Platform", "plyer is not installed"),
                              hint=translate("Platform", "install plyer")) from exc
        if plyer_platform == "linux" and not os.path.isdir("/app"):  # /app: Flatpak's portal
            _require_linux_server(env)
        try:
            module = importlib.import_module(f"plyer.platforms.{plyer_platform}.notification")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # plyer warns when dbus-python is missing
                backend = module.instance()
        except (ImportError, AttributeError, OSError) as exc:
            raise Unavailable(translate(
                "Platform", "plyer has no notifications on {system}: {error}").format(
                system=plyer_platform, error=exc)) from exc
        kind = type(backend).__name__
        if kind == "Notification":  # plyer's bare facade: nothing would be shown
            raise Unavailable(
                translate("Platform", "plyer found no way to notify here (neither dbus-python "
                                      "nor notify-send)"),
                hint=translate("Platform", "install libnotify-bin (notify-send)"),
            )
        self._backend = backend
        self.name = f"plyer ({kind})"

    def notify(self, notice: NoticeLike) -> bool:
        """Show ``notice`` (title and body); False if plyer failed within ``wait`` seconds."""
        outcome: list[BaseException | None] = []

        def show() -> None:
            try:
                self._backend.notify(
                    title=notice.title,
                    message=notice.body,
                    app_name=self._app_name,
                    app_icon=self._icon,
                    timeout=_SHOW_SECONDS,
                )
            except Exception as exc:  # noqa: BLE001 - plyer backends raise anything
                outcome.append(exc)
            else:
                outcome.append(None)

        thread = threading.Thread(target=show, name="wellbeing-plyer-notify", daemon=True)
        thread.start()
        thread.join(self._wait)
        if not outcome:
            return True  # still showing (the Windows balloon blocks while it is up)
        if outcome[0] is not None:
            log.debug("plyer could not notify: %s", outcome[0])
            return False
        return True

    def close(self) -> None:
        """Nothing to release."""


def _require_linux_server(env: Mapping[str, str]) -> None:
    """plyer on Linux (dbus-python or notify-send) needs the same server as the D-Bus path."""
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        raise Unavailable(translate(
            "Platform", "no session D-Bus for plyer's notify-send or dbus-python"))
    from wellbeing.platform.notify_dbus import server_missing

    why = server_missing(env["DBUS_SESSION_BUS_ADDRESS"])
    if why is not None:
        raise Unavailable(
            why, hint=translate("Platform", "install a notification daemon such as dunst, or "
                                            "use a desktop with one")
        )
