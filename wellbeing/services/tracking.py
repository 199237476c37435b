"""Building a ready-to-run tracker from an opened context (used by the CLI and the tray app)."""

from __future__ import annotations

import logging

from wellbeing.platform.select import select_platform
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.context import Context
from wellbeing.services.tracker import TrackerService, TrackerSettings
from wellbeing.storage.writer import UsageWriter

log = logging.getLogger("wellbeing.tracker")


def build_tracker(
    ctx: Context,
    *,
    fake: bool = False,
    poll: float | None = None,
    idle_after: float | None = None,
) -> TrackerService:
    """Pick the platform backend, wire it to storage, and apply settings and overrides."""
    clock = SystemClock()
    platform = select_platform(fake=fake, clock=clock)
    for check in platform.tried:
        log.debug("backend %s: %s", check.name, check.detail)
    log.info(
        "tracking with %s (foreground), %s (idle), %s (lock)",
        platform.foreground.name,
        platform.idle.name,
        platform.session.name,
    )
    tracking = ctx.config.tracking
    settings = TrackerSettings(
        poll_seconds=poll if poll is not None else tracking.poll_seconds,
        idle_after_seconds=idle_after if idle_after is not None else tracking.idle_after_seconds,
        day_start_hour=tracking.day_start_hour,
    )
    writer = UsageWriter(ctx.db, ctx.device_id)
    log.info(
        "data in %s; poll %.3g s, away after %.0f s",
        ctx.paths.data_dir,
        settings.poll_seconds,
        settings.idle_after_seconds,
    )
    return TrackerService(platform, writer, clock, settings)
