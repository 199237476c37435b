"""What a limit counts, and how people write it: targets, durations and weekdays.

Part of the limit vocabulary (``core.limits`` re-exports every name here, and
that is where the rest of the code imports them from). Pure: no Qt, no storage,
no OS.

- A *target* is one app (by its key, as ``report --json`` shows it), one site
  (by domain), one category (``category:Social``) or all use (``total``); its
  ``str`` is the text the CLI takes and shows.
- The parsers turn what someone typed in the CLI or the limit editor into
  seconds, weekdays (Monday = 0) and targets, or raise :class:`LimitError`
  with a message a non-developer understands (in the interface's language,
  :mod:`wellbeing.core.i18n`; English by default).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from wellbeing.core.i18n import translate

TargetKind = Literal["app", "site", "category", "total"]

WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class LimitError(ValueError):
    """A limit, a duration, days or a target that cannot be accepted; the message says why."""


@dataclass(frozen=True, slots=True)
class LimitTarget:
    """What a limit counts.

    Attributes:
        kind: ``app``, ``site``, ``category`` or ``total``.
        key: the app key, the site's domain, the category name; ``""`` for total.
    """

    kind: TargetKind
    key: str = ""

    def __str__(self) -> str:
        """The text the CLI takes and shows: ``total``, ``category:Social``, a domain, a key."""
        if self.kind == "total":
            return "total"
        if self.kind == "category":
            return f"category:{self.key}"
        return self.key


# -- parsing what people type (CLI and editor) -------------------------------------

_DURATION_PART = re.compile(r"(\d+)\s*(h|m|s)", re.IGNORECASE)
_DURATION_WHOLE = re.compile(r"^\s*(?:\d+\s*[hms]\s*)+$", re.IGNORECASE)
MAX_DAILY_SECONDS = 86_400


def parse_duration(text: str) -> int:
    """Seconds in ``"10m"``, ``"1h30m"``, ``"90s"``, ``"1h 5m"``; more than 0, at most 24 h.

    Raises:
        LimitError: not of that form, zero, or longer than a day.
    """
    cleaned = text.strip().lower().replace("min", "m")
    if not cleaned or not _DURATION_WHOLE.match(cleaned):
        raise LimitError(translate(
            "Limits", "'{text}' is not a duration; write it like 10m, 1h30m or 90s"
        ).format(text=text))
    seconds = 0
    for number, unit in _DURATION_PART.findall(cleaned):
        seconds += int(number) * {"h": 3600, "m": 60, "s": 1}[unit]
    if seconds <= 0:
        raise LimitError(translate(
            "Limits", "a limit must be more than zero, not '{text}'").format(text=text))
    if seconds > MAX_DAILY_SECONDS:
        raise LimitError(translate(
            "Limits", "a daily limit can be at most 24h, not '{text}'").format(text=text))
    return seconds


_DAY_ALIASES = {
    "daily": range(7), "all": range(7), "every": range(7),
    "weekdays": range(5), "weekends": range(5, 7), "weekend": range(5, 7),
}


def parse_days(text: str) -> frozenset[int]:
    """Weekdays (Monday = 0) from ``"mon-fri"``, ``"sat,sun"``, ``"weekdays"``, ``"daily"``.

    Ranges wrap (``"fri-mon"``). Raises :class:`LimitError` naming the bad part.
    """
    days: set[int] = set()
    parts = [part.strip().lower() for part in text.split(",")]
    if not text.strip() or any(not part for part in parts):
        raise LimitError(translate(
            "Limits", "'{text}' are not days; write them like mon-fri, sat,sun or daily"
        ).format(text=text))
    for part in parts:
        if part in _DAY_ALIASES:
            days.update(_DAY_ALIASES[part])
            continue
        ends = [end.strip()[:3] for end in part.split("-")]
        if len(ends) > 2 or any(end not in WEEKDAY_NAMES for end in ends):
            raise LimitError(translate(
                "Limits", "'{part}' is not a day; use mon, tue, wed, thu, fri, sat, sun, "
                "a range like mon-fri, or daily"
            ).format(part=part))
        first, last = (WEEKDAY_NAMES.index(end) for end in (ends[0], ends[-1]))
        day = first
        while True:
            days.add(day)
            if day == last:
                break
            day = (day + 1) % 7
    return frozenset(days)


def format_days(days: Iterable[int]) -> str:
    """The shortest way to write weekdays: ``daily``, ``mon-fri``, ``sat,sun``, ``mon,wed``."""
    chosen = sorted(set(days))
    if len(chosen) == 7:
        return "daily"
    runs: list[list[int]] = []
    for day in chosen:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    out: list[str] = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{WEEKDAY_NAMES[run[0]]}-{WEEKDAY_NAMES[run[-1]]}")
        else:
            out.extend(WEEKDAY_NAMES[d] for d in run)
    return ",".join(out)


def parse_target_text(text: str) -> LimitTarget | None:
    """The target written explicitly (``total``, ``category:X``, ``app:KEY``, ``site:DOMAIN``).

    Returns None for a bare name, which the caller resolves against the apps and
    sites it knows (:func:`resolve_target`).
    """
    cleaned = text.strip()
    lowered = cleaned.lower()
    if lowered == "total":
        return LimitTarget("total")
    for prefix in ("category:", "app:", "site:"):
        if lowered.startswith(prefix):
            key = cleaned[len(prefix):].strip()
            if not key:
                raise LimitError(_names_nothing(text, prefix[:-1]))
            kind: TargetKind = prefix[:-1]  # type: ignore[assignment]
            return LimitTarget(kind, key.lower() if kind == "site" else key)
    return None


def resolve_target(
    text: str,
    *,
    apps: Iterable[str],
    sites: Iterable[str],
    categories: Iterable[str],
) -> LimitTarget:
    """Turn what someone typed into a target they have used, or explain with close matches.

    A bare name is a site if it is a known domain, else an app if it is a known
    app key; categories match case-insensitively. A site the person has not
    visited yet but that is written as a domain (``tiktok.com``) is accepted, so
    a limit can be set before the first visit; so is an app written explicitly
    as ``app:KEY`` (an app not opened since wellbeing started recording). Anything
    else raises :class:`LimitError` suggesting the closest known names.
    """
    app_list, site_list, category_list = list(apps), list(sites), list(categories)
    explicit = parse_target_text(text)
    if explicit is not None:
        if explicit.kind == "category":
            for name in category_list:
                if name.lower() == explicit.key.lower():
                    return LimitTarget("category", name)
            raise LimitError(_unknown(explicit.key, category_list, category=True))
        return explicit  # app:KEY and site:DOMAIN: taken as written, used or not
    name = text.strip()
    if not name:
        raise LimitError(translate(
            "Limits", "name what to limit: an app, a site, category:NAME or total"))
    if name.lower() in site_list:
        return LimitTarget("site", name.lower())
    if name in app_list:
        return LimitTarget("app", name)
    for key in app_list:
        if key.lower() == name.lower():
            return LimitTarget("app", key)
    if _looks_like_domain(name):
        return LimitTarget("site", name.lower())
    known = app_list + site_list + [f"category:{c}" for c in category_list] + ["total"]
    raise LimitError(_unknown(name, known))


def _looks_like_domain(name: str) -> bool:
    return re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", name.lower()) is not None


def _names_nothing(text: str, kind: str) -> str:
    if kind == "category":
        return translate("Limits", "'{text}' names no category").format(text=text)
    if kind == "app":
        return translate("Limits", "'{text}' names no app").format(text=text)
    return translate("Limits", "'{text}' names no site").format(text=text)


def _unknown(name: str, known: Sequence[str], *, category: bool = False) -> str:
    import difflib  # only to name a mistake: not loaded by every process that reads limits

    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    lowered = [k for k in known if name.lower() in k.lower() and k not in close]
    close.extend(lowered[: 3 - len(close)])
    if close and category:
        text = translate("Limits", "category '{name}' is not an app, site or category you have "
                                   "used; did you mean {names}?")
    elif close:
        text = translate("Limits", "'{name}' is not an app, site or category you have used; "
                                   "did you mean {names}?")
    elif category:
        text = translate("Limits", "category '{name}' is not an app, site or category you have "
                                   "used; 'wellbeing report --json' lists the app keys and sites")
    else:
        text = translate("Limits", "'{name}' is not an app, site or category you have used; "
                                   "'wellbeing report --json' lists the app keys and sites")
    return text.format(name=name, names=", ".join(close))
