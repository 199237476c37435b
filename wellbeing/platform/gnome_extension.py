"""wellbeing's GNOME Shell extension: is it active here, and putting it in place.

On GNOME's Wayland session nothing but the shell knows the focused window, so
wellbeing ships a tiny extension of its own (``resources/gnome-shell/``, a
legacy form for GNOME 42-44 and an ES-module form for 45 and later) that tells
the session bus (:mod:`wellbeing.platform.gnome` reads it).

:func:`extension_status` asks the running shell (``org.gnome.Shell.Extensions``)
what it thinks of the extension, and the disk what is installed, and says in
one :class:`ExtensionStatus` whether it works and, if not, why and what to do;
:func:`judge` is that decision alone, without I/O.

:func:`install` copies the form that fits the running shell to
``$XDG_DATA_HOME/gnome-shell/extensions/UUID`` (files 0644, folders 0755: it is
code, readable like any other installed program) and enables it with
``gnome-extensions enable``, falling back to adding it to the
``org.gnome.shell enabled-extensions`` setting: a shell that is already
running refuses to enable an extension installed after it started. GNOME Shell
on Wayland only loads new extensions when it starts, so one log-out is needed
before the extension works (:attr:`Installed.needs_login`).
"""

from __future__ import annotations

import ast
import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from wellbeing import resources
from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.gnome_session import is_gnome_wayland

__all__ = [
    "BUS_NAME",
    "INTERFACE",
    "OBJECT_PATH",
    "UUID",
    "ExtensionState",
    "ExtensionStatus",
    "Installed",
    "ShellView",
    "extension_status",
    "form_for",
    "install",
    "is_gnome_wayland",
    "judge",
    "read_shell",
    "run_command",
    "shipped_version",
]

log = logging.getLogger("wellbeing.platform")

UUID = "focus@wellbeing.github.io"
BUS_NAME = "io.github.wellbeing.Focus"
OBJECT_PATH = "/io/github/wellbeing/Focus"
INTERFACE = "io.github.wellbeing.Focus"
SETUP_COMMAND = "wellbeing setup gnome-extension"
LOG_OUT = QT_TRANSLATE_NOOP(
    "Platform", "log out and back in once (GNOME Shell on Wayland loads new extensions only then)")
LOG_OUT_FIX = QT_TRANSLATE_NOOP(
    "Platform", "Log out and back in once (GNOME Shell on Wayland loads new extensions only then)")

_SHELL = "org.gnome.Shell"
_SHELL_PATH = "/org/gnome/Shell"
_EXTENSIONS_IFACE = "org.gnome.Shell.Extensions"
_TIMEOUT_S = 2.0
# ExtensionState in GNOME Shell's js/misc/extensionUtils.js (42-47: the same numbers)
_ENABLED, _ERROR, _OUT_OF_DATE = 1, 3, 4  # DISABLED 2, INITIALIZED 6: not enabled
_LAST_LEGACY_MAJOR = 44

Run = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


class ExtensionState(Enum):
    """Where the extension stands in this session."""

    ACTIVE = "active"
    NO_SHELL = "no GNOME Shell"
    NOT_INSTALLED = "not installed"
    NEEDS_LOGIN = "installed, loaded at the next log-in"
    DISABLED = "disabled"
    USER_EXTENSIONS_OFF = "user extensions are turned off"
    ERROR = "failed to start"
    OUT_OF_DATE = "not made for this GNOME version"


@dataclass(frozen=True, slots=True)
class ExtensionStatus:
    """What :func:`extension_status` found, in words a user understands.

    Attributes:
        state: where it stands.
        detail: one sentence saying so.
        fix: what to do (None when it works and is current).
        installed_version: the version on disk (None: not installed).
        shipped_version: the version this wellbeing ships.
        shell_version: the running GNOME Shell's version ("43.9"), if known.
        known_to_shell: the running shell loaded it at log-in (it may be disabled).
    """

    state: ExtensionState
    detail: str
    fix: str | None
    installed_version: int | None
    shipped_version: int
    shell_version: str | None
    known_to_shell: bool = False

    @property
    def active(self) -> bool:
        return self.state is ExtensionState.ACTIVE

    @property
    def outdated(self) -> bool:
        """An older version than the one shipped is installed (re-install, then log in)."""
        return self.installed_version is not None and self.installed_version < self.shipped_version


@dataclass(frozen=True, slots=True)
class ShellView:
    """What the running shell says (all None/False when no shell answers on the bus).

    Attributes:
        running: ``org.gnome.Shell`` has an owner on the session bus.
        version: its ``ShellVersion``.
        info: its ``GetExtensionInfo(UUID)`` answer, plain values; empty when the
            shell does not know the extension (not installed when it started).
        user_extensions_enabled: its ``UserExtensionsEnabled`` property.
        reporting: the extension's bus name has an owner (it runs).
    """

    running: bool
    version: str | None = None
    info: Mapping[str, Any] | None = None
    user_extensions_enabled: bool | None = None
    reporting: bool = False


def form_for(shell_version: str | None) -> str:
    """``"legacy"`` for GNOME Shell 42-44, ``"esm"`` for 45 and later (and when unknown)."""
    try:
        major = int((shell_version or "").split(".")[0])
    except ValueError:
        return "esm"
    return "legacy" if major <= _LAST_LEGACY_MAJOR else "esm"


def shipped_dir(form: str) -> Path:
    """The shipped extension folder of one form (``legacy`` or ``esm``)."""
    return resources.path_of(f"gnome-shell/{form}/{UUID}")


def shipped_version() -> int:
    return _metadata_version(shipped_dir("esm")) or 0


def _metadata_version(folder: Path) -> int | None:
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        return int(metadata["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def data_home(env: Mapping[str, str]) -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (the home from ``env``)."""
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"])
    home = env.get("HOME") or os.path.expanduser("~")
    return Path(home) / ".local" / "share"


def user_extension_dir(env: Mapping[str, str]) -> Path:
    return data_home(env) / "gnome-shell" / "extensions" / UUID


def installed_version(env: Mapping[str, str]) -> int | None:
    """The version installed for this user, else system-wide (a package), else None."""
    dirs = [data_home(env)]
    dirs += [Path(d) for d in env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")]
    for base in dirs:
        version = _metadata_version(base / "gnome-shell" / "extensions" / UUID)
        if version is not None:
            return version
    return None


# -- reading the shell ------------------------------------------------------------------


def read_shell(conn: Any) -> ShellView:
    """Ask the shell on ``conn`` (a jeepney blocking connection) about the extension.

    Raises:
        Unavailable: the bus did not answer.
    """
    from jeepney import DBusAddress, Properties, new_method_call
    from jeepney.bus_messages import message_bus
    from jeepney.wrappers import DBusErrorResponse, unwrap_msg

    def call(msg: Any) -> Any:
        return unwrap_msg(conn.send_and_get_reply(msg, timeout=_TIMEOUT_S))

    try:
        (running,) = call(message_bus.NameHasOwner(_SHELL))
        (reporting,) = call(message_bus.NameHasOwner(BUS_NAME))
        if not running:
            return ShellView(running=False, reporting=bool(reporting))
        shell = DBusAddress(_SHELL_PATH, bus_name=_SHELL, interface=_SHELL)
        extensions = DBusAddress(_SHELL_PATH, bus_name=_SHELL, interface=_EXTENSIONS_IFACE)
        (version,) = call(Properties(shell).get("ShellVersion"))
        (enabled,) = call(Properties(extensions).get("UserExtensionsEnabled"))
        (info,) = call(new_method_call(extensions, "GetExtensionInfo", "s", (UUID,)))
    except (DBusErrorResponse, OSError, TimeoutError) as exc:
        raise Unavailable(translate("Platform", "GNOME Shell did not answer on the session "
                                                "bus: {error}").format(error=exc)) from exc
    return ShellView(
        running=True,
        version=str(version[1]),
        info={key: value for key, (_sig, value) in info.items()},
        user_extensions_enabled=bool(enabled[1]),
        reporting=bool(reporting),
    )


def extension_status(env: Mapping[str, str] | None = None, conn: Any = None) -> ExtensionStatus:
    """Where the extension stands in this session (opens a session-bus connection if none).

    Raises:
        Unavailable: no session bus, or it did not answer.
    """
    env = os.environ if env is None else env
    if conn is None:
        from jeepney.io.blocking import open_dbus_connection

        try:
            own = open_dbus_connection(bus="SESSION")
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            raise Unavailable(translate("Platform", "no session D-Bus to ask GNOME Shell "
                                                    "({error})").format(error=exc)) from exc
        try:
            view = read_shell(own)
        finally:
            own.close()
    else:
        view = read_shell(conn)
    return judge(view, installed_version(env), shipped_version())


def judge(view: ShellView, installed: int | None, shipped: int) -> ExtensionStatus:
    """The status from what the shell said and what is on disk (no I/O)."""

    def status(state: ExtensionState, detail: str, fix: str | None) -> ExtensionStatus:
        return ExtensionStatus(
            state, detail, fix, installed, shipped, view.version, bool(view.info)
        )

    older = installed is not None and installed < shipped
    reinstall = translate("Platform", "run '{command}', then {log_out}").format(
        command=SETUP_COMMAND, log_out=translate("Platform", LOG_OUT))
    log_out = translate("Platform", LOG_OUT_FIX)
    if view.reporting:
        if older:
            return status(
                ExtensionState.ACTIVE,
                translate("Platform", "the wellbeing GNOME Shell extension works, but version "
                                      "{installed} is installed and this wellbeing ships version "
                                      "{shipped}").format(installed=installed, shipped=shipped),
                reinstall,
            )
        return status(ExtensionState.ACTIVE,
                      translate("Platform", "the wellbeing GNOME Shell extension works"), None)
    if not view.running:
        return status(
            ExtensionState.NO_SHELL,
            translate("Platform", "GNOME Shell does not answer on the session bus"),
            translate("Platform", "run wellbeing inside your GNOME session"),
        )
    info = view.info or {}
    state = int(info.get("state", 0) or 0)
    if not info:
        if installed is None:
            return status(
                ExtensionState.NOT_INSTALLED,
                translate("Platform", "the wellbeing GNOME Shell extension is not installed "
                                      "(GNOME on Wayland lets only an extension see which window "
                                      "is in front)"),
                reinstall,
            )
        return status(
            ExtensionState.NEEDS_LOGIN,
            translate("Platform", "the wellbeing GNOME Shell extension is installed but GNOME "
                                  "Shell has not loaded it yet"),
            log_out,
        )
    if view.user_extensions_enabled is False:
        return status(
            ExtensionState.USER_EXTENSIONS_OFF,
            translate("Platform", "extensions are turned off in GNOME, so the wellbeing "
                                  "extension cannot run"),
            translate("Platform", "turn on 'Use Extensions' in the Extensions app, or run "
                                  "'gsettings set org.gnome.shell disable-user-extensions false'"),
        )
    if state == _ERROR:
        error = str(info.get("error") or translate("Platform", "no reason given"))
        return status(
            ExtensionState.ERROR,
            translate("Platform", "the wellbeing GNOME Shell extension failed to start: "
                                  "{error}").format(error=error),
            reinstall,
        )
    if state == _OUT_OF_DATE:
        return status(
            ExtensionState.OUT_OF_DATE,
            translate("Platform", "the installed wellbeing extension is not marked as working "
                                  "with GNOME {version}").format(version=view.version),
            translate("Platform", "update wellbeing, then {reinstall}").format(
                reinstall=reinstall),
        )
    if state == _ENABLED:  # enabled, yet not on the bus
        running = info.get("version")
        if installed is not None and running is not None and float(running) < installed:
            return status(
                ExtensionState.NEEDS_LOGIN,
                translate("Platform", "the wellbeing GNOME Shell extension was updated; GNOME "
                                      "Shell still runs the copy it loaded at log-in"),
                log_out,
            )
        return status(
            ExtensionState.ERROR,
            translate("Platform", "the wellbeing GNOME Shell extension is enabled but does "
                                  "not answer on the session bus"),
            reinstall,
        )
    return status(
        ExtensionState.DISABLED,
        translate("Platform", "the wellbeing GNOME Shell extension is installed but disabled"),
        translate("Platform", "run 'gnome-extensions enable {uuid}' (or '{command}')").format(
            uuid=UUID, command=SETUP_COMMAND),
    )


# -- installing -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Installed:
    """What :func:`install` did.

    Attributes:
        path: where the extension now is.
        form: ``legacy`` or ``esm``.
        enabled_by: ``gnome-extensions`` or ``gsettings``.
        needs_login: GNOME Shell loads it only after the user logs out and back in.
    """

    path: Path
    form: str
    enabled_by: str
    needs_login: bool


def run_command(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(argv),
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def install(
    env: Mapping[str, str] | None = None,
    *,
    shell_version: str | None = None,
    shell_knows_it: bool = False,
    run: Run = run_command,
) -> Installed:
    """Copy the extension for this GNOME version into the user's extensions and enable it.

    Args:
        env: the environment (``XDG_DATA_HOME``/``HOME`` say where); default ``os.environ``.
        shell_version: the running shell's version; default: ``gnome-shell --version``.
        shell_knows_it: the running shell loaded this extension at log-in (then only an
            update needs a new log-in).
        run: runs a command (tests pass a fake).

    Raises:
        Unavailable: the files cannot be written, or neither ``gnome-extensions`` nor
            ``gsettings`` could enable it (the hint says what to do by hand).
    """
    env = os.environ if env is None else env
    version = shell_version or _shell_version_from_binary(run)
    form = form_for(version)
    target = user_extension_dir(env)
    before = _metadata_version(target)
    _copy_tree(shipped_dir(form), target)
    enabled_by = _enable(run)
    needs_login = not shell_knows_it or before != _metadata_version(target)
    log.info("GNOME Shell extension %s (%s form) installed in %s", UUID, form, target)
    return Installed(target, form, enabled_by, needs_login)


def _shell_version_from_binary(run: Run) -> str | None:
    """``gnome-shell --version`` ("GNOME Shell 43.9") without the words; None if it fails."""
    try:
        res = run(["gnome-shell", "--version"])
    except OSError:
        return None
    words = res.stdout.split() if res.returncode == 0 else []
    return words[-1] if words else None


def _copy_tree(source: Path, target: Path) -> None:
    """Replace ``target`` with a copy of ``source``: folders 0755, files 0644."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{UUID}.", dir=target.parent))
        try:
            for item in sorted(source.rglob("*")):
                dest = staging / item.relative_to(source)
                if item.is_dir():
                    dest.mkdir(mode=0o755)
                else:
                    dest.write_bytes(item.read_bytes())
                    dest.chmod(0o644)
            staging.chmod(0o755)
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise Unavailable(
            translate("Platform", "cannot install the GNOME Shell extension in {folder}: "
                                  "{error}").format(folder=target, error=exc.strerror or exc),
            hint=translate("Platform", "make {folder} writable for you, then run '{command}' "
                                       "again").format(folder=target.parent, command=SETUP_COMMAND),
        ) from exc


def _enable(run: Run) -> str:
    """Enable the extension: ``gnome-extensions enable``, else the gsettings keys."""
    try:
        res = run(["gnome-extensions", "enable", UUID])
        if res.returncode == 0:
            return "gnome-extensions"
        log.info("gnome-extensions enable said (%d): %s", res.returncode, res.stderr.strip())
    except OSError as exc:
        log.info("gnome-extensions is not available: %s", exc)
    try:
        enabled = _gsettings_list(run, "enabled-extensions")
        if UUID not in enabled:
            _gsettings_set(run, "enabled-extensions", [*enabled, UUID])
        disabled = _gsettings_list(run, "disabled-extensions", missing_ok=True)
        if UUID in disabled:
            _gsettings_set(run, "disabled-extensions", [u for u in disabled if u != UUID])
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        raise Unavailable(
            translate("Platform", "the extension is installed but could not be enabled: "
                                  "{error}").format(error=exc),
            hint=translate("Platform", "enable 'wellbeing focus reporter' in the Extensions app, "
                                       "or run 'gnome-extensions enable {uuid}' after logging in "
                                       "again").format(uuid=UUID),
        ) from exc
    return "gsettings"


def _gsettings_list(run: Run, key: str, *, missing_ok: bool = False) -> list[str]:
    res = run(["gsettings", "get", "org.gnome.shell", key])
    if res.returncode != 0:
        if missing_ok:
            return []
        raise ValueError(f"gsettings get org.gnome.shell {key}: {res.stderr.strip()}")
    return parse_string_list(res.stdout)


def _gsettings_set(run: Run, key: str, values: list[str]) -> None:
    text = "[" + ", ".join(repr(v) for v in values) + "]"
    res = run(["gsettings", "set", "org.gnome.shell", key, text])
    if res.returncode != 0:
        raise ValueError(f"gsettings set org.gnome.shell {key}: {res.stderr.strip()}")


def parse_string_list(text: str) -> list[str]:
    """A GVariant ``as`` as ``gsettings get`` prints it: ``@as []`` or ``['a', 'b']``."""
    text = text.strip()
    if text.startswith("@as"):
        text = text[3:].strip()
    value = ast.literal_eval(text)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"not a list of strings: {text!r}")
    return value
