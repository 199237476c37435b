"""``wellbeing track``: record foreground time without a window until Ctrl+C or SIGTERM.

On the local file through the standard library's sqlite3 (no SQLAlchemy);
with a database URL through SQLAlchemy, recording locally while it is
unreachable. Notices a person must see (a database set aside, tracking
stopped) go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.errors import DatabaseUnreachable, Unavailable

if TYPE_CHECKING:

    from wellbeing.services.notices import TrackerNotice
    from wellbeing.services.tracker import TrackerService


log = logging.getLogger("wellbeing.cli")

EXIT_OK = 0


def cmd_track(args: argparse.Namespace) -> int:
    from wellbeing.platform.instance import TrackerLock

    paths = paths_module.resolve(args.data_dir)
    paths_module.ensure_private_dir(paths.data_dir)
    logs.setup(paths, stderr_level=logging.DEBUG if args.verbose else logging.INFO)
    global _stopper
    _stopper = _Stopper()  # before the slow start: a SIGTERM then still ends cleanly
    with TrackerLock(paths.lock_file):
        if args.db:
            _track_with_sqlalchemy(args)
        else:
            _track_local_file(args, paths)
    log.info("tracking stopped")
    return EXIT_OK


def _track_local_file(args: argparse.Namespace, paths: paths_module.Paths) -> None:
    """The local file through the standard library's sqlite3 (no SQLAlchemy in this process)."""
    from wellbeing import config as config_module
    from wellbeing.services.headless import build_headless_tracker
    from wellbeing.services.limits_runtime import attach_limits

    config = config_module.load(paths.config)
    tracker, storage = build_headless_tracker(
        paths, config, fake=args.fake_platform, poll=args.poll, idle_after=args.idle_after
    )
    _stop_on_signals(tracker)
    try:
        from wellbeing.services.experiment_jobs import sqlite_opener

        runtime = attach_limits(
            tracker, storage.limit_store(), config, paths, fake=args.fake_platform,
            experiment=lambda today: sqlite_opener(
                paths.database, lambda: storage.device_id, today),
        )
        try:
            _run_until_stopped(tracker, args.duration)
        finally:
            runtime.close()
    finally:
        storage.close()


def _track_with_sqlalchemy(args: argparse.Namespace) -> None:
    """A database URL (``--db``, e.g. PostgreSQL) through SQLAlchemy, as the tray app does."""
    from wellbeing.services.context import open_context
    from wellbeing.services.limits_runtime import attach_limits
    from wellbeing.services.tracking import build_tracker

    unreachable: DatabaseUnreachable | None = None
    try:
        ctx = open_context(args.data_dir, args.db, holds_lock=True)  # _cmd_track holds it
    except DatabaseUnreachable as exc:
        unreachable = exc  # tracked outside this handler (no exception context for its logs)
    if unreachable is not None:
        _track_until_reachable(args, unreachable)
        return
    try:
        tracker = build_tracker(
            ctx, fake=args.fake_platform, poll=args.poll, idle_after=args.idle_after
        )
        _stop_on_signals(tracker)
        from wellbeing.services.experiment_admin import experiment_opener

        runtime = attach_limits(
            tracker, ctx.limits(), ctx.config, ctx.paths, db_url=args.db, fake=args.fake_platform,
            experiment=lambda today: experiment_opener(ctx, today),
        )
        try:
            _run_until_stopped(tracker, args.duration)
        finally:
            runtime.close()
    finally:
        ctx.close()


def _track_until_reachable(args: argparse.Namespace, exc: DatabaseUnreachable) -> None:
    """Started while the server is away: keep time locally, write it once it answers."""
    from wellbeing.services.deferred_tracking import start_offline
    from wellbeing.services.limits_runtime import attach_limits

    offline = start_offline(args.data_dir, args.db, exc)
    try:
        tracker = offline.tracker(
            fake=args.fake_platform, poll=args.poll, idle_after=args.idle_after)
        _stop_on_signals(tracker)
        runtime = attach_limits(
            tracker, offline.limits(), offline.config, offline.paths,
            db_url=args.db, fake=args.fake_platform, experiment=offline.experiment,
        )
        try:
            _run_until_stopped(tracker, args.duration)
        finally:
            runtime.close()
    finally:
        offline.later.close()


class _Stopper:
    """SIGTERM and SIGINT end tracking cleanly, also when they come while it starts up."""

    def __init__(self) -> None:
        self.tracker: TrackerService | None = None
        self.requested = False
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        log.info("received %s, stopping", signal.Signals(signum).name)
        self.requested = True
        if self.tracker is not None:
            self.tracker.request_stop()

    def watch(self, tracker: TrackerService) -> None:
        """From now on a signal stops ``tracker`` (at once, if one came already)."""
        self.tracker = tracker
        if self.requested:
            tracker.request_stop()


_stopper: _Stopper | None = None


def _stop_on_signals(tracker: TrackerService) -> None:
    """Let SIGTERM and SIGINT stop ``tracker`` (a signal during start-up is kept)."""
    global _stopper
    if _stopper is None:
        _stopper = _Stopper()
    _stopper.watch(tracker)


def _run_until_stopped(tracker: TrackerService, duration: float | None) -> None:
    _stop_on_signals(tracker)
    _hear_session_notices(tracker)
    tracker.notices.subscribe(_tell_on_stderr)
    try:
        tracker.run(duration=duration)
    finally:
        tracker.platform.close()


def _hear_session_notices(tracker: TrackerService) -> None:
    """Without Qt, a lock probe fed by window messages (Windows) listens on a thread of its own."""
    start: Callable[[], None] | None = getattr(tracker.platform.session, "start_listening", None)
    if start is None:
        return
    try:
        start()
    except Unavailable as exc:
        log.warning("a locked screen or sleep will not pause tracking: %s", exc.message)


def _tell_on_stderr(notice: TrackerNotice) -> None:
    """What the user must know while ``track`` runs (a database set aside), on stderr."""
    print(f"wellbeing: {notice.title}: {notice.message}", file=sys.stderr, flush=True)
