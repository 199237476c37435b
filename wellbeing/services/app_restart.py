"""Changes the running app cannot make to itself: wait for it to quit, do it, tell, start it again.

Deleting today or everything, and going back to a backup, need the tracker
lock that the tray app holds. So the "Your data" window starts the very CLI
command (``wellbeing delete --all --yes --restart-app``, ``backup restore DATE
--yes --restart-app``) as a detached child and quits. The child waits up to
:data:`WAIT_S` for the lock (the app saves what is running and lets go of it),
makes the change under the lock, says how it went in a desktop notification
(the app is not there to show it), and starts the tray app again, as it was
started, whatever happened. No Qt here.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence

from wellbeing.services.autostart import launch_command, login_data_dir

log = logging.getLogger(__name__)

__all__ = ["WAIT_S", "app_command", "start_app", "start_detached", "tell"]

WAIT_S = 60.0
"""How long the app may take to quit (it saves the running interval first)."""


def app_command(data_dir: str | None, db_url: str | None) -> list[str]:
    """The command that starts the tray app again on the same data (and database)."""
    command = launch_command(login_data_dir(data_dir))
    return [*command, "--db", db_url] if db_url else command


def start_detached(command: Sequence[str]) -> int:
    """Start ``command`` in a session of its own, outliving this process; its pid."""
    flags: dict[str, object] = {}
    if sys.platform == "win32":
        flags["creationflags"] = (subprocess.DETACHED_PROCESS  # type: ignore[attr-defined]
                                  | subprocess.CREATE_NEW_PROCESS_GROUP)  # type: ignore[attr-defined]
    else:
        flags["start_new_session"] = True
    child = subprocess.Popen(  # noqa: S603 - our own program, no shell
        list(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, close_fds=True, **flags)  # type: ignore[call-overload]
    return int(child.pid)


def start_app(data_dir: str | None, db_url: str | None) -> int | None:
    """Start the tray app again; its pid, or None (logged) when it could not be started."""
    command = app_command(data_dir, db_url)
    try:
        pid = start_detached(command)
    except OSError:
        log.exception("could not start wellbeing again (%s)", command[0])
        return None
    log.info("started wellbeing again (pid %d)", pid)
    return pid


def tell(title: str, body: str, *, fake: bool = False) -> bool:
    """A desktop notification (the app is away); True if a desktop path showed it."""
    from wellbeing.services.limit_ports import Notice
    from wellbeing.services.notifier import build_notifiers

    chain = build_notifiers(fake=fake)
    try:
        shown = chain.deliver(Notice(key="data-change", title=title, body=body))
    finally:
        chain.close()
    return shown not in (None, "log")
