"""What the limit enforcer's notifications say: the warning, the reach, the reminders.

One notice key per limit (``limit:<target>``), so each replaces the previous
one in place instead of piling up. Durations read as everywhere else
(``core.durations``).
"""

from __future__ import annotations

from wellbeing.core.categories import category_name
from wellbeing.core.durations import format_duration
from wellbeing.core.i18n import translate
from wellbeing.core.limits import LimitState, LimitTarget
from wellbeing.services.limit_ports import Notice


def display_name(target: LimitTarget, names: dict[str, str]) -> str:
    """How a target is named to people: the app's name, the site's domain, the category."""
    if target.kind == "total":
        return translate("Notices", "your computer")
    if target.kind == "app":
        return names.get(target.key, target.key)
    return category_name(target.key) if target.kind == "category" else target.key


def notice_key(state: LimitState) -> str:
    return f"limit:{state.limit.target}"


def warning_notice(state: LimitState, names: dict[str, str]) -> Notice:
    """"5 min left for Firefox today"."""
    name = display_name(state.limit.target, names)
    left = format_duration(state.remaining_seconds or 0.0)
    return Notice(
        key=notice_key(state),
        title=translate("Notices", "{left} left for {name} today").format(left=left, name=name),
        body=_used(name, state),
    )


def _used(name: str, state: LimitState) -> str:
    return translate("Notices", "You've used {name} for {used} today; your limit is {limit}."
                     ).format(name=name, used=format_duration(state.used_seconds),
                              limit=format_duration(state.allowed_seconds or 0.0))


def reached_notice(state: LimitState, names: dict[str, str], *, has_screen: bool) -> Notice:
    """"Time's up for Firefox" (or downtime's notice).

    Without a screen (``wellbeing track``), a nag or block limit's notice says the
    screen needs the tray app and offers the snooze as a button.
    """
    name = display_name(state.limit.target, names)
    if state.status == "downtime":
        return Notice(
            key=notice_key(state),
            title=translate("Notices", "It's downtime"),
            body=translate("Notices", "{name} is not on your always-allowed list during "
                           "downtime.").format(name=name),
        )
    body = _used(name, state)
    actions: tuple[tuple[str, str], ...] = ()
    if state.limit.mode != "notify" and not has_screen:
        body += " " + translate("Notices", "(The \"Time's up\" screen needs the tray app.)")
        if state.snoozes_left > 0:
            actions = (("snooze", translate("Notices", "15 more minutes ({left} left)").format(
                left=state.snoozes_left)),)
    return Notice(
        key=notice_key(state),
        title=translate("Notices", "Time's up for {name}").format(name=name),
        body=body,
        actions=actions,
        urgency="critical" if state.limit.mode != "notify" else "normal",
    )


def still_over_notice(state: LimitState, names: dict[str, str]) -> Notice:
    """"Still on Firefox": today's use and how far over."""
    name = display_name(state.limit.target, names)
    over = max(0.0, state.used_seconds - (state.allowed_seconds or 0.0))
    return Notice(
        key=notice_key(state),
        title=translate("Notices", "Still on {name}").format(name=name),
        body=translate("Notices", "{used} today, {over} over your limit.").format(
            used=format_duration(state.used_seconds), over=format_duration(over)),
    )
