"""Building the experiment service for the CLI (SQLAlchemy, any database) and naming targets."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from wellbeing.core.i18n import translate
from wellbeing.core.limit_targets import LimitError, LimitTarget
from wellbeing.errors import ExperimentError
from wellbeing.services.context import Context
from wellbeing.services.experiment import ExperimentService
from wellbeing.services.experiment_jobs import Opener
from wellbeing.services.limit_admin import Moment, find_target, open_limit_store
from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
from wellbeing.storage.experiment_store import ExperimentStore


def open_experiment_service(ctx: Context) -> ExperimentService:
    """The experiment of the opened data dir's device, on trusted time (see ``Moment.trusted``).

    Trusted time: a clock set forward does not end a phase's locked limits early.
    """
    limits = open_limit_store(ctx)
    day_start = ctx.config.tracking.day_start_hour

    def moment() -> Moment:
        return Moment.trusted(limits, day_start)

    return ExperimentService(
        ExperimentStore(SqlAlchemyRunner(ctx.db), ctx.device_id),
        limits,
        today=lambda: moment().today,
        now_ms=lambda: moment().now_ms,
    )


def experiment_opener(ctx: Context, today: Callable[[], date]) -> Opener:
    """Open the experiment for a timed job (the SQLAlchemy path; the engine is thread-safe)."""

    @contextlib.contextmanager
    def open_() -> Iterator[ExperimentService | None]:
        store = ExperimentStore(SqlAlchemyRunner(ctx.db), ctx.device_id)
        if not store.has_active():  # nothing to do, as the local file's opener
            yield None
            return
        yield ExperimentService(
            store,
            open_limit_store(ctx),
            today=today,
            now_ms=lambda: int(time.time() * 1000),
        )

    return open_


def targets_from_text(ctx: Context, service: ExperimentService, texts: Sequence[str]) -> tuple[
    LimitTarget, ...
]:
    """The apps and sites named (``instagram.com``, ``app:KEY``, a known app key)."""
    limits = open_limit_store(ctx)
    names = limits.known_names()
    found = []
    for text in texts:
        if not text.strip():
            continue
        try:
            target = find_target(text, service.limits, names)
        except LimitError as exc:
            raise ExperimentError(str(exc)) from exc
        if target.kind not in ("app", "site"):
            raise ExperimentError(translate(
                "Experiment", "{target} is not an app or a site; the experiment limits single "
                "platforms.").format(target=target))
        found.append(target)
    if not found:
        raise ExperimentError(translate("Experiment",
                                        "Name at least one app or site with --targets."))
    return tuple(found)
