"""Our GNOME Shell extension: ``wellbeing setup gnome-extension``, doctor's line, the offer.

The extension (see :mod:`wellbeing.platform.gnome_extension`) is how wellbeing
sees the focused window on GNOME's Wayland session. :func:`extension_check`
is ``wellbeing doctor``'s line about it (only on GNOME on Wayland);
:func:`needs_setup` tells the tray app whether to offer it;
:func:`setup_gnome_extension` installs and enables it and says, in plain
words, what happened and the one log-out GNOME needs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.base import Check
from wellbeing.platform.gnome_extension import (
    ExtensionStatus,
    Run,
    extension_status,
    install,
    is_gnome_wayland,
    run_command,
)

__all__ = [
    "SetupOutcome",
    "extension_check",
    "needs_setup",
    "run_setup",
    "setup_gnome_extension",
]

CHECK_NAME = QT_TRANSLATE_NOOP("Doctor", "GNOME Shell extension")


def _status(env: Mapping[str, str]) -> ExtensionStatus | Unavailable:
    try:
        return extension_status(env)
    except Unavailable as exc:
        return exc


def extension_check(env: Mapping[str, str] | None = None) -> Check | None:
    """``wellbeing doctor``'s line about the extension; None outside GNOME on Wayland."""
    env = os.environ if env is None else env
    if not is_gnome_wayland(env):
        return None
    status = _status(env)
    if isinstance(status, Unavailable):
        return Check(CHECK_NAME, False, status.message, status.hint)
    detail = status.detail
    if status.installed_version is not None and status.shell_version:
        detail += translate("Gnome", " (version {version}, GNOME Shell {shell})").format(
            version=status.installed_version, shell=status.shell_version)
    elif status.installed_version is not None:
        detail += translate("Gnome", " (version {version})").format(
            version=status.installed_version)
    return Check(CHECK_NAME, status.active and not status.outdated, detail, status.fix)


def needs_setup(env: Mapping[str, str] | None = None) -> ExtensionStatus | None:
    """The extension's status when the tray app should offer to set it up, else None.

    Offered on GNOME on Wayland when the extension is not running, or an older
    version than the one shipped is; not when the shell cannot be asked.
    """
    env = os.environ if env is None else env
    if not is_gnome_wayland(env):
        return None
    status = _status(env)
    if isinstance(status, Unavailable) or (status.active and not status.outdated):
        return None
    return status


@dataclass
class SetupOutcome:
    """What :func:`setup_gnome_extension` did, as lines for a person; ``ok`` if it worked."""

    ok: bool
    needs_login: bool = False
    lines: list[str] = field(default_factory=list)


def setup_gnome_extension(
    env: Mapping[str, str] | None = None, *, run: Run = run_command
) -> SetupOutcome:
    """Install and enable the extension for this user, unless it already works."""
    env = os.environ if env is None else env
    desktops = env.get("XDG_CURRENT_DESKTOP", "").lower().split(":")
    if "gnome" not in desktops:
        return SetupOutcome(
            False,
            lines=[
                translate("Gnome", "This is not a GNOME session (XDG_CURRENT_DESKTOP={desktop}); "
                                   "the extension is only for GNOME.").format(
                    desktop=repr(env.get("XDG_CURRENT_DESKTOP", ""))),
                translate("Gnome", "Run this command inside your GNOME session."),
            ],
        )
    status = _status(env)
    if isinstance(status, ExtensionStatus) and status.active and not status.outdated:
        return SetupOutcome(
            True, lines=[translate(
                "Gnome", "The wellbeing GNOME Shell extension is installed and works already.")]
        )
    known = isinstance(status, ExtensionStatus) and status.known_to_shell
    version = status.shell_version if isinstance(status, ExtensionStatus) else None
    try:
        done = install(env, shell_version=version, shell_knows_it=known, run=run)
    except Unavailable as exc:
        return SetupOutcome(False, lines=[exc.user_message()])
    if done.form == "esm":
        installed = translate("Gnome", "Installed the wellbeing GNOME Shell extension (for GNOME "
                                       "45 and later) in {path}.")
    else:
        installed = translate("Gnome", "Installed the wellbeing GNOME Shell extension (for GNOME "
                                       "42 to 44) in {path}.")
    lines = [installed.format(path=done.path)]
    if done.enabled_by == "gnome-extensions":
        lines.append(translate("Gnome", "Enabled it with gnome-extensions."))
    else:
        lines.append(translate("Gnome", "Turned it on in GNOME's settings (org.gnome.shell "
                                        "enabled-extensions)."))
    if done.needs_login:
        lines += [
            translate("Gnome", "One more step: log out and back in once (GNOME Shell on Wayland "
                               "loads new extensions only then)."),
            translate("Gnome", "Until then wellbeing cannot see which app is in front."),
        ]
    else:
        lines.append(translate("Gnome", "It works now."))
    return SetupOutcome(True, done.needs_login, lines)


def run_setup(what: str, *, out: TextIO) -> int:
    """``wellbeing setup WHAT``: print what was done; 0 when it worked, 1 when not."""
    assert what == "gnome-extension", what
    outcome = setup_gnome_extension()
    for line in outcome.lines:
        print(line, file=out)
    return 0 if outcome.ok else 1
