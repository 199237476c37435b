"""Changing a limit under its commitments: tighten at once, loosen later or not at all.

Pure: no Qt, no storage, no OS. Every change to a limit (the CLI, the limit
editor) goes through :func:`apply_change`, and whoever reads limits applies a
due pending loosening with :func:`settle`.

A change is compared part by part with the limit in force:

- seconds per weekday: less on a weekday is stricter, more (or none, which is
  unlimited) is looser;
- mode: ``notify`` < ``nag`` < ``block``;
- the lock: a later date is stricter (a lock whose date has passed counts as none);
- the snooze budget (as it works out under the mode) of a nag or block limit:
  fewer is stricter (notify offers no snoozes, so going from notify to nag is
  stricter whatever nag's budget);
- cooling-off: turning it on is stricter.

A change that loosens nothing applies at once and cancels a pending loosening.
A change that loosens something is refused with :class:`LimitLocked` while the
limit is locked (through its date, inclusive); under cooling-off its stricter
parts apply at once and the whole wanted limit waits as ``pending`` for
:data:`COOLING_OFF_S`; otherwise it applies at once. Removing a limit is
loosening it to nothing (a removal under cooling-off is pending as a limit with
no seconds on any day). The warning's lead and the experiment are not
commitments: they follow the wanted limit at once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from wellbeing.core.i18n import translate
from wellbeing.core.limits import (
    COOLING_OFF_S,
    DEFAULT_SNOOZE_BUDGET,
    MODES,
    Limit,
    LimitLocked,
    Mode,
    PendingChange,
)

__all__ = ["apply_change", "is_loosening", "settle"]

NO_SECONDS: tuple[int | None, ...] = (None,) * 7
"""The seconds of a removed limit: no limit on any weekday."""


def apply_change(
    current: Limit | None, wanted: Limit | None, *, today: date, now_ms: int
) -> Limit | None:
    """The limit after asking to change ``current`` into ``wanted`` (None: remove).

    ``today`` is the local day (for the lock), ``now_ms`` trusted UTC ms (for
    cooling-off). A due pending loosening of ``current`` is settled first.
    The result keeps ``current``'s id.

    Raises:
        LimitLocked: the change loosens ``current`` while it is locked.
        ValueError: ``current`` and ``wanted`` have different targets.
    """
    if current is None:
        return None if wanted is None else replace(wanted, pending=None)
    if wanted is not None and wanted.target != current.target:
        raise ValueError(f"cannot change a limit on {current.target} into one on {wanted.target}")
    current = settle(current, now_ms)
    goal = wanted if wanted is not None else _removed(current)
    if not is_loosening(current, goal, today=today):
        if wanted is None:
            return None
        return replace(wanted, pending=None, id=current.id)
    if current.is_locked(today):
        raise LimitLocked(_locked_message(current, removing=wanted is None))
    if not current.cooling_off:
        return None if wanted is None else replace(wanted, pending=None, id=current.id)
    now_in_force = _strictest(current, goal, today=today)
    pending = PendingChange(
        seconds_by_weekday=goal.seconds_by_weekday,
        mode=goal.mode,
        effective_at_ms=now_ms + COOLING_OFF_S * 1000,
        snooze_budget=goal.snooze_budget,
        cooling_off=goal.cooling_off,
    )
    return replace(now_in_force, pending=pending, id=current.id)


def settle(limit: Limit, now_ms: int) -> Limit:
    """``limit`` with its pending loosening applied if its time has come (else unchanged)."""
    pending = limit.pending
    if pending is None or now_ms < pending.effective_at_ms:
        return limit
    return replace(
        limit,
        seconds_by_weekday=pending.seconds_by_weekday,
        mode=pending.mode,
        snooze_budget=pending.snooze_budget,
        cooling_off=pending.cooling_off,
        pending=None,
    )


def is_loosening(current: Limit, wanted: Limit, *, today: date) -> bool:
    """Whether ``wanted`` is less strict than ``current`` in any part (see the module doc)."""
    if any(
        _looser_seconds(old, new)
        for old, new in zip(current.seconds_by_weekday, wanted.seconds_by_weekday, strict=True)
    ):
        return True
    if MODES.index(wanted.mode) < MODES.index(current.mode):
        return True
    if _lock_day(wanted, today) < _lock_day(current, today):
        return True
    if _snoozes_matter(current, wanted) and wanted.budget > current.budget:
        return True
    return current.cooling_off and not wanted.cooling_off


def _snoozes_matter(current: Limit, wanted: Limit) -> bool:
    """Budgets compare only between nag and block: notify never offers a snooze."""
    return current.mode != "notify" and wanted.mode != "notify"


def _looser_seconds(old: int | None, new: int | None) -> bool:
    if old is None:
        return False
    return new is None or new > old


def _lock_day(limit: Limit, today: date) -> date:
    """The lock's last day, or ``date.min`` for no lock (or one that has ended)."""
    if limit.locked_until is None or limit.locked_until < today:
        return date.min
    return limit.locked_until


def _removed(current: Limit) -> Limit:
    """What removing ``current`` amounts to: no seconds, no lock, no cooling-off, default budget."""
    return replace(
        current, seconds_by_weekday=NO_SECONDS, mode="notify", locked_until=None,
        cooling_off=False, snooze_budget=None, pending=None,
    )


def _strictest(current: Limit, wanted: Limit, *, today: date) -> Limit:
    """Part by part the stricter of the two: what applies at once under cooling-off."""
    seconds = tuple(
        _fewer(old, new)
        for old, new in zip(current.seconds_by_weekday, wanted.seconds_by_weekday, strict=True)
    )
    mode: Mode = max(current.mode, wanted.mode, key=MODES.index)
    lock_day = max(_lock_day(current, today), _lock_day(wanted, today))
    return replace(
        wanted,
        seconds_by_weekday=seconds,
        mode=mode,
        locked_until=None if lock_day == date.min else lock_day,
        cooling_off=current.cooling_off or wanted.cooling_off,
        snooze_budget=_smaller_budget(current, wanted, mode),
    )


def _fewer(old: int | None, new: int | None) -> int | None:
    if old is None:
        return new
    if new is None:
        return old
    return min(old, new)


def _smaller_budget(current: Limit, wanted: Limit, mode: Mode) -> int | None:
    """The budget (None: the mode's default) allowing no more snoozes than ``current``'s."""
    if current.mode == "notify" or mode == "notify":  # notify has no snoozes to compare
        return wanted.snooze_budget
    default = DEFAULT_SNOOZE_BUDGET[mode]
    wanted_value = default if wanted.snooze_budget is None else wanted.snooze_budget
    value = min(current.budget, wanted_value)
    return wanted.snooze_budget if value == wanted_value else value


def _locked_message(limit: Limit, *, removing: bool) -> str:
    assert limit.locked_until is not None
    if removing:
        text = translate("Limits", "{target} is locked until {day}: it cannot be removed before "
                                   "then; you can make it stricter, not looser")
    else:
        text = translate("Limits", "{target} is locked until {day}: you can make it stricter, "
                                   "not looser")
    return text.format(target=limit.target, day=limit.locked_until.isoformat())
