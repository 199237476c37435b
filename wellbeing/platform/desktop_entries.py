"""Naming apps: a stable app key from a process, and a display name from its .desktop file.

The app key is the executable name (lowercased, without ``.exe``/``.bin``/
``-wrapped``...), except for interpreters and runtimes (python, java,
electron, node, wine, flatpak-spawn...), whose executable says nothing about
the app: there the window's class (``WM_CLASS``) is the key.

The display name and icon come from the freedesktop ``.desktop`` file that
matches, looked up in this order: ``StartupWMClass`` equal to the window class,
desktop-file id equal to the key (or its last dotted part, for reverse-DNS ids
such as flatpak's ``org.mozilla.firefox``), then the basename of ``Exec`` equal
to the key. The index is built once, lazily, on the first lookup; entries with
``NoDisplay=true`` are still used for naming but lose ties to visible ones.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DesktopEntry",
    "DesktopIndex",
    "app_key",
    "application_dirs",
    "is_runtime",
    "locale_candidates",
    "normalize_class",
    "normalize_exe",
    "parse_desktop_file",
    "tidy_name",
]

_RUNTIME = re.compile(
    r"""^(
        python[\d.]*[mdu]? | pypy[\d.]* | java | javaw | electron[\d.]* | node | nodejs
        | flatpak-spawn | flatpak | bwrap | mono(-sgen)? | dotnet
        | wine(64)?(-preloader)? | wineserver | perl[\d.]* | ruby[\d.]* | php[\d.]*
        | sh | bash | dash | zsh | fish | gjs(-console)? | qemu(-.*)? | lua(jit|[\d.]*)
        | deno | bun | tclsh[\d.]* | wish[\d.]* | env | ld-linux.* | ld\.so
    )$""",
    re.VERBOSE,
)
_SUFFIXES = (".exe", ".bin", ".real", ".appimage", ".x86_64", ".x86", "-wrapped", "_wrapped")
_WORD_SPLIT = re.compile(r"[-_.\s]+")


def normalize_exe(exe: str) -> str:
    """The key form of an executable name or path: ``/usr/lib/Firefox.bin`` -> ``firefox``."""
    name = exe.replace("\\", "/").rsplit("/", 1)[-1].strip().lower()
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                changed = True
    name = name.lstrip(".")  # NixOS wrappers: .firefox-wrapped
    return re.sub(r"\s+", "-", name)


def normalize_class(wm_class: str) -> str:
    """The key form of a window class: ``Google-chrome`` -> ``google-chrome``."""
    name = wm_class.strip().lower()
    for suffix in (".exe",):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return re.sub(r"\s+", "-", name)


def is_runtime(exe_key: str) -> bool:
    """True for interpreters and runtimes, whose executable does not name the app."""
    return bool(_RUNTIME.match(exe_key))


def app_key(exe: str | None, wm_class: Sequence[str] = ()) -> str:
    """The stable key of an app from its executable and its window class.

    Args:
        exe: executable name or path (psutil ``exe()`` or ``name()``), None if unknown.
        wm_class: ``(instance, class)`` as on X11, or () when unknown.

    Returns:
        The executable's key, or the window class's key for runtimes; "unknown"
        when neither is known.
    """
    exe_key = normalize_exe(exe) if exe else ""
    if exe_key and not is_runtime(exe_key):
        return exe_key
    for part in reversed(tuple(wm_class)[:2]):  # class first, then instance
        key = normalize_class(part)
        if key:
            return key
    return exe_key or "unknown"


def tidy_name(key: str) -> str:
    """A name for a key without a .desktop file: ``gnome-terminal`` -> ``Gnome Terminal``."""
    if key.count(".") >= 2:  # reverse-DNS id: org.gnome.Nautilus -> Nautilus
        key = key.rsplit(".", 1)[-1]
    words = [w for w in _WORD_SPLIT.split(key) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words) or key


@dataclass(frozen=True, slots=True)
class DesktopEntry:
    """What wellbeing needs from one ``.desktop`` file.

    Attributes:
        desktop_id: the desktop-file id, e.g. ``org.gnome.Terminal`` (no ``.desktop``).
        name: the (localised) ``Name``.
        icon: the ``Icon`` value (theme name or absolute path), if any.
        exec_name: the key form of the program ``Exec`` starts, if any.
        wm_class: ``StartupWMClass``, if any.
        no_display: ``NoDisplay=true`` (hidden from menus; still used for naming).
        path: the file it came from.
    """

    desktop_id: str
    name: str
    icon: str | None
    exec_name: str | None
    wm_class: str | None
    no_display: bool
    path: Path


def locale_candidates(env: Mapping[str, str] | None = None) -> list[str]:
    """The ``Name[...]`` locale keys to try, best first, from LC_ALL / LC_MESSAGES / LANG."""
    env = os.environ if env is None else env
    value = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    match = re.match(r"^([a-zA-Z]+)(_[a-zA-Z]+)?(?:\.[^@]*)?(@\w+)?$", value)
    if not match or value in ("C", "POSIX"):
        return []
    lang, country, modifier = match.group(1), match.group(2) or "", match.group(3) or ""
    out = []
    if country and modifier:
        out.append(lang + country + modifier)
    if country:
        out.append(lang + country)
    if modifier:
        out.append(lang + modifier)
    out.append(lang)
    return out


def application_dirs(env: Mapping[str, str] | None = None, home: Path | None = None) -> list[Path]:
    """The ``applications/`` directories to scan, highest precedence first.

    ``$XDG_DATA_HOME`` (default ``~/.local/share``), then ``$XDG_DATA_DIRS``
    (default ``/usr/local/share:/usr/share``), then the flatpak and snap export
    directories when they are not already listed.
    """
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    data_home = Path(env.get("XDG_DATA_HOME") or home / ".local/share")
    data_dirs = [
        Path(p) for p in (env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":") if p
    ]
    extras = [
        home / ".local/share/flatpak/exports/share",
        Path("/var/lib/flatpak/exports/share"),
        Path("/var/lib/snapd/desktop"),
    ]
    seen: set[Path] = set()
    out: list[Path] = []
    for base in [data_home, *data_dirs, *extras]:
        if base not in seen:
            seen.add(base)
            out.append(base / "applications")
    return out


def _unescape(value: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value
    )


def _exec_program(exec_line: str) -> str | None:
    try:
        argv = shlex.split(exec_line)
    except ValueError:
        argv = exec_line.split()
    while argv and (argv[0] == "env" or ("=" in argv[0] and not argv[0].startswith("/"))):
        argv.pop(0)  # env VAR=value program ...
    if not argv:
        return None
    program = normalize_exe(argv[0])
    if program == "flatpak" and "run" in argv:
        rest = argv[argv.index("run") + 1 :]
        for arg in rest:
            if arg.startswith("--command="):
                return normalize_exe(arg.split("=", 1)[1])
        ids = [a for a in rest if not a.startswith("-")]
        return ids[0].lower() if ids else program
    return program


def parse_desktop_file(
    path: Path, desktop_id: str, locales: Sequence[str] = ()
) -> DesktopEntry | None:
    """Read the ``[Desktop Entry]`` group of one file.

    Returns:
        The entry, or None when the file is unreadable, not an application,
        ``Hidden=true`` (deleted) or has no ``Name``.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields: dict[str, str] = {}
    in_main = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            if in_main:
                break
            in_main = line == "[Desktop Entry]"
            continue
        if in_main and "=" in line:
            key, value = line.split("=", 1)
            fields.setdefault(key.strip(), _unescape(value.strip()))
    if fields.get("Type", "Application") != "Application":
        return None
    if fields.get("Hidden", "").lower() == "true":
        return None
    name = next((fields[f"Name[{loc}]"] for loc in locales if fields.get(f"Name[{loc}]")), None)
    name = name or fields.get("Name")
    if not name:
        return None
    exec_line = fields.get("TryExec") or fields.get("Exec") or ""
    return DesktopEntry(
        desktop_id=desktop_id,
        name=name,
        icon=fields.get("Icon") or None,
        exec_name=_exec_program(exec_line) if exec_line else None,
        wm_class=fields.get("StartupWMClass") or None,
        no_display=fields.get("NoDisplay", "").lower() == "true",
        path=path,
    )


def _scan(dirs: Iterable[Path], locales: Sequence[str]) -> list[DesktopEntry]:
    seen_ids: set[str] = set()
    entries: list[DesktopEntry] = []
    for apps_dir in dirs:
        try:
            files = sorted(apps_dir.rglob("*.desktop"))
        except OSError:
            continue
        for path in files:
            desktop_id = str(path.relative_to(apps_dir).with_suffix("")).replace(os.sep, "-")
            if desktop_id in seen_ids:  # shadowed by a directory with higher precedence
                continue
            seen_ids.add(desktop_id)
            entry = parse_desktop_file(path, desktop_id, locales)
            if entry is not None:
                entries.append(entry)
    return entries


class DesktopIndex:
    """Finds the ``.desktop`` entry of an app; scans the directories once, on first use.

    Args:
        dirs: ``applications/`` directories, highest precedence first
            (default: :func:`application_dirs` of this session).
        locales: ``Name[...]`` locales to prefer (default: from the environment).
    """

    def __init__(
        self, dirs: Sequence[Path] | None = None, locales: Sequence[str] | None = None
    ) -> None:
        self._dirs = list(dirs) if dirs is not None else None
        self._locales = list(locales) if locales is not None else None
        self._by: dict[str, dict[str, list[DesktopEntry]]] | None = None
        self._cache: dict[tuple[str, tuple[str, ...]], DesktopEntry | None] = {}

    def entries(self) -> list[DesktopEntry]:
        """Every indexed entry (builds the index if needed)."""
        by = self._index()
        return [e for group in by["id"].values() for e in group]

    def find(self, key: str, wm_class: Sequence[str] = ()) -> DesktopEntry | None:
        """The entry for an app key and its window class, or None. Results are cached."""
        cache_key = (key, tuple(wm_class))
        if cache_key not in self._cache:
            self._cache[cache_key] = self._lookup(key.lower(), [c.lower() for c in wm_class])
        return self._cache[cache_key]

    def _lookup(self, key: str, wm_class: list[str]) -> DesktopEntry | None:
        by = self._index()
        attempts = [("wm_class", c) for c in reversed(wm_class[:2]) if c]
        attempts += [("id", key), ("id_tail", key), ("exec", key)]
        for table, value in attempts:
            found = by[table].get(value)
            if found:
                return min(found, key=lambda e: e.no_display)  # stable: keeps precedence
        return None

    def _index(self) -> dict[str, dict[str, list[DesktopEntry]]]:
        if self._by is None:
            dirs = self._dirs if self._dirs is not None else application_dirs()
            locales = self._locales if self._locales is not None else locale_candidates()
            by: dict[str, dict[str, list[DesktopEntry]]] = {
                "wm_class": {},
                "id": {},
                "id_tail": {},
                "exec": {},
            }
            for entry in _scan(dirs, locales):
                ident = entry.desktop_id.lower()
                by["id"].setdefault(ident, []).append(entry)
                if "." in ident:
                    by["id_tail"].setdefault(ident.rsplit(".", 1)[-1], []).append(entry)
                if entry.wm_class:
                    by["wm_class"].setdefault(entry.wm_class.lower(), []).append(entry)
                if entry.exec_name:
                    by["exec"].setdefault(entry.exec_name, []).append(entry)
            self._by = by
        return self._by
