"""What storage and platform code tell the user, in the interface's language.

Storage and platform use no Qt; they translate their own messages with
:mod:`wellbeing.core.i18n` (English by default). The sentences that more than
one of them builds live here:

- a damaged database set aside at start: built where the file is checked
  (``storage.sqlite_file``, English in a helper process without a
  translation) and again in the tray's process from the same facts
  (``services.headless``);
- why no backend can see the focused window (``platform.select``), shown by
  the tray's "Cannot see your windows"; each backend's own detail stays as it
  is (technical, and also what ``wellbeing doctor`` prints);
- the name of a ``wellbeing doctor`` check as shown (:func:`check_name`): the
  checks keep their English name, which code compares.
"""

from __future__ import annotations

from pathlib import Path

from wellbeing.core.i18n import translate

__all__ = [
    "backend_not_for_this_system", "backend_unknown", "check_name", "damaged_at_start",
    "forced_backend_fails",
    "no_backend_for_this_system", "no_backend_works",
]


def damaged_at_start(path: Path | str, problem: str, aside: Path | str) -> str:
    """The notice about the database at ``path`` found damaged and moved to ``aside``."""
    return translate(
        "Tracker", "The database {path} was damaged ({problem}) and could not be used. It was "
        "moved aside to {aside} - nothing was deleted - and a new, empty database was started. "
        "Your earlier records are still in that file; a tool such as `sqlite3 {aside} .recover` "
        "may save some of them.").format(path=path, problem=problem, aside=aside)


_FOREGROUND = " foreground"


def check_name(name: str) -> str:
    """A ``wellbeing doctor`` check's English ``name`` as shown ("x11 foreground", "database").

    The names are marked ``QT_TRANSLATE_NOOP("Doctor", ...)`` where the checks are made;
    a backend's "<backend> foreground" keeps the backend's name.
    """
    if name.endswith(_FOREGROUND):
        return translate("Doctor", "{backend} foreground").format(
            backend=name[: -len(_FOREGROUND)])
    return translate("Doctor", name)


def no_backend_works(reasons: str) -> str:
    """No backend could see the focused window; ``reasons``: each one tried and why not."""
    return translate("Platform", "No way to see the focused window in this session. Tried "
                                 "{reasons}.").format(reasons=reasons)


def no_backend_for_this_system(system: str) -> tuple[str, str]:
    """No backend exists for ``system`` (``sys.platform``): the message and its hint."""
    return (translate("Platform", "wellbeing cannot track on this system ({system}) yet: no "
                                  "backend exists for it").format(system=system),
            translate("Platform", "use --fake-platform to try the app with demo data"))


def forced_backend_fails(backend: str, detail: str, fix: str | None) -> tuple[str, str]:
    """The backend named in config.toml cannot work here: the message and its hint."""
    message = translate("Platform", 'The backend set in config.toml (platform.backend = '
                                    '"{backend}") cannot work here: {detail}.').format(
        backend=backend, detail=detail)
    if fix:
        hint = translate("Platform", '{fix}; or set platform.backend to "auto" to let wellbeing '
                                     'choose').format(fix=fix)
    else:
        hint = translate("Platform", 'set platform.backend to "auto" to let wellbeing choose')
    return message, hint


def backend_unknown(backend: str, known: str) -> tuple[str, str]:
    """``platform.backend`` names no backend: the message and its hint."""
    return (translate("Platform", 'platform.backend = "{backend}" names no backend (known: '
                                  '{known})').format(backend=backend, known=known),
            translate("Platform", 'fix platform.backend in config.toml, or set it to "auto"'))


def backend_not_for_this_system(backend: str, system: str) -> tuple[str, str]:
    """``platform.backend`` names a backend of another system: the message and its hint."""
    return (translate("Platform", 'platform.backend = "{backend}" is not for this system '
                                  '({system})').format(backend=backend, system=system),
            translate("Platform", 'set platform.backend to "auto" in config.toml'))
