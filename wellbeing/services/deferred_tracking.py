"""A tracker for a database that did not answer at start (``track --db URL``, the tray app).

:func:`build_deferred_tracker` builds the same tracker as
:func:`~wellbeing.services.tracking.build_tracker`, but its writer is a
:class:`~wellbeing.services.deferred_start.DeferredSink`: time is kept in the
spool until the database answers, then the context is opened as at a normal
start (migrations check, device registration, labels synced) and everything is
written once. What else needs the database waits for it too:

- limits: :class:`DeferredLimitStore` raises ``StorageUnavailable`` until then,
  which the enforcer already takes as "keep what is loaded, try again later";
- experiment jobs: :func:`deferred_experiment` opens none until then;
- the window's reads: :class:`DeferredReadSource` raises ``StorageUnavailable``.

:func:`start_offline` is the one start both ``track`` and the tray app make when
the server did not answer: an :class:`OfflineStart` gives the tracker, the limit
store and the experiment opener that wait for it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wellbeing import config as config_module
from wellbeing import paths as paths_module
from wellbeing.config import Config
from wellbeing.core.activity import Interval as Piece
from wellbeing.core.i18n import translate
from wellbeing.core.limits import DeviceScope, Downtime, Limit, LimitEvent, LimitTarget, UsageToday
from wellbeing.errors import DatabaseUnreachable, StorageUnavailable
from wellbeing.services.categories import try_sync_categories
from wellbeing.services.context import Context
from wellbeing.services.deferred_start import Connected, DeferredSink
from wellbeing.services.experiment import ExperimentService
from wellbeing.services.experiment_jobs import Opener
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.notices import NoticeRelay
from wellbeing.services.tracker import TrackerService
from wellbeing.services.tracker_parts import announce_ready, tracker_parts
from wellbeing.storage.history_import import write_device_pieces
from wellbeing.storage.queries import ReadSource
from wellbeing.storage.spool import Spool
from wellbeing.storage.usage_sql import Rows
from wellbeing.storage.writer import UsageWriter

__all__ = [
    "DeferredLimitStore",
    "DeferredReadSource",
    "LaterContext",
    "OfflineStart",
    "build_deferred_tracker",
    "deferred_experiment",
    "start_offline",
]

log = logging.getLogger("wellbeing")


class LaterContext:
    """The context once the database answered (``ctx`` is None until then)."""

    def __init__(self, open_context: Callable[[], Context]) -> None:
        self.open = open_context
        self.ctx: Context | None = None

    def get(self) -> Context:
        """The opened context; StorageUnavailable while the database was not reached."""
        if self.ctx is None:
            raise StorageUnavailable(translate("Storage", "The database has not been reached yet."))
        return self.ctx

    def close(self) -> None:
        if self.ctx is not None:
            self.ctx.close()


@dataclass(frozen=True, slots=True)
class OfflineStart:
    """A start while the database did not answer: what waits for it (see :func:`start_offline`)."""

    paths: paths_module.Paths
    config: Config
    later: LaterContext
    where: str  # the server, for messages

    def tracker(
        self, *, fake: bool = False, poll: float | None = None, idle_after: float | None = None
    ) -> TrackerService:
        """The tracker, keeping time in the spool until the database answers."""
        tracker, _sink = build_deferred_tracker(
            self.later, self.paths.spool, self.paths.data_dir, self.config, where=self.where,
            fake=fake, poll=poll, idle_after=idle_after,
        )
        return tracker

    def limits(self) -> DeferredLimitStore:
        """The device's limits once the database answered."""
        from wellbeing.services.limit_admin import open_limit_store

        return DeferredLimitStore(self.later, open_limit_store)

    def experiment(self, today: Callable[[], date]) -> Opener:
        """An experiment job's opener: none until the database answered."""
        from wellbeing.services.experiment_admin import experiment_opener

        return deferred_experiment(self.later, experiment_opener, today)


def start_offline(
    data_dir: str | None, db_url: str | None, unreachable: DatabaseUnreachable
) -> OfflineStart:
    """Started while the server is away: say so in the log; open the data once it answers."""
    from wellbeing.services.context import open_context

    paths = paths_module.resolve(data_dir)
    config = config_module.load(paths.config)
    log.warning("the database at %s cannot be reached (%s); tracking goes on and the time "
                "is kept in %s until it answers", unreachable.host, unreachable.message,
                paths.spool)
    later = LaterContext(lambda: open_context(data_dir, db_url, holds_lock=True))
    return OfflineStart(paths, config, later, unreachable.host)


def build_deferred_tracker(
    later: LaterContext,
    paths_spool: Path,
    data_dir: Path,
    config: Config,
    *,
    where: str,
    fake: bool = False,
    poll: float | None = None,
    idle_after: float | None = None,
    on_connected: Callable[[Context], None] | None = None,
) -> tuple[TrackerService, DeferredSink]:
    """A tracker whose database is reached later (``where``: the server, for messages)."""
    parts = tracker_parts(config, fake=fake, poll=poll, idle_after=idle_after)
    rule_set, classifier = parts.rule_set, parts.classifier

    def connect() -> Connected:
        ctx = later.open()  # migrations check and device registration, as at any start
        later.ctx = ctx
        try_sync_categories(ctx.db, rule_set)

        def label_new(app_keys: Sequence[str], domains: Sequence[str]) -> None:
            try_sync_categories(ctx.db, rule_set, wm_classes=classifier.wm_classes)

        def write_earlier(pieces: Sequence[Piece]) -> float:
            return write_device_pieces(ctx.db, ctx.device_id, pieces)

        return Connected(UsageWriter(ctx.db, ctx.device_id, on_new_names=label_new),
                         write_earlier)

    def connected() -> None:
        if on_connected is not None and later.ctx is not None:
            on_connected(later.ctx)

    sink = DeferredSink(
        Spool(paths_spool), connect, lambda: parts.clock.now().monotonic,
        where=where, on_connected=connected,
    )
    announce_ready(parts, data_dir)
    tracker = TrackerService(
        parts.platform, sink, parts.clock, parts.settings, classify=classifier,
        notices=NoticeRelay(),
    )
    return tracker, sink


class DeferredLimitStore:
    """The device's limits once the database answered; StorageUnavailable until then."""

    def __init__(self, later: LaterContext, open_store: Callable[[Context], LimitStore]) -> None:
        self._later = later
        self._open_store = open_store
        self._store: LimitStore | None = None

    def _real(self) -> LimitStore:
        if self._store is None:
            self._store = self._open_store(self._later.get())
        return self._store

    def limits(self) -> list[Limit]:
        return self._real().limits()

    def save_limit(self, limit: Limit) -> Limit:
        return self._real().save_limit(limit)

    def remove_limit(self, target: LimitTarget) -> bool:
        return self._real().remove_limit(target)

    def downtime(self) -> Downtime | None:
        return self._real().downtime()

    def save_downtime(self, downtime: Downtime | None) -> None:
        self._real().save_downtime(downtime)

    def events(self, first: date, last: date) -> list[LimitEvent]:
        return self._real().events(first, last)

    def record_event(self, event: LimitEvent) -> None:
        self._real().record_event(event)

    def usage_on(self, day: date, devices: DeviceScope = "all") -> UsageToday:
        return self._real().usage_on(day, devices)

    def revision(self) -> int:
        return self._real().revision()


def deferred_experiment(
    later: LaterContext,
    opener: Callable[[Context, Callable[[], date]], Opener],
    today: Callable[[], date],
) -> Opener:
    """An experiment job's opener: none while the database was not reached."""

    @contextlib.contextmanager
    def open_() -> Iterator[ExperimentService | None]:
        if later.ctx is None:
            yield None
            return
        with opener(later.ctx, today)() as service:
            yield service

    return open_


class DeferredReadSource:
    """The database's reads once it answered; StorageUnavailable until then."""

    def __init__(self, later: LaterContext) -> None:
        self._later = later

    def reading(self) -> AbstractContextManager[Rows]:
        source: ReadSource = self._later.get().db
        return source.reading()
