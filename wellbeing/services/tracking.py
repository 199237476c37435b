"""Building a ready-to-run tracker from an opened context (used by the CLI and the tray app).

The tracker gets the rules (built-in plus the user's; a bad user rule is logged
and skipped), a classifier that applies them and the privacy settings to each
window, and a writer that labels new apps and sites from the rules as soon as
they are stored. Stored apps and sites are re-labelled from the rules at start.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from wellbeing.platform.select import select_platform
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.categories import try_sync_categories
from wellbeing.services.classifier import WindowClassifier, load_rule_set
from wellbeing.services.context import Context
from wellbeing.services.recovery import reopen_on_corruption
from wellbeing.services.tracker import TrackerService, TrackerSettings
from wellbeing.storage.db import Database
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
    rule_set, _issues = load_rule_set(ctx.config)  # issues are logged as warnings
    classifier = WindowClassifier(rule_set, ctx.config.privacy)
    try_sync_categories(ctx.db, rule_set)

    def label_new(app_keys: Sequence[str], domains: Sequence[str]) -> None:
        try_sync_categories(ctx.db, rule_set, wm_classes=classifier.wm_classes)

    def new_writer(db: Database, device_id: int) -> UsageWriter:
        return UsageWriter(db, device_id, on_new_names=label_new)

    writer = new_writer(ctx.db, ctx.device_id)
    log.info(
        "window titles are %s",
        "stored (privacy.store_titles)" if ctx.config.privacy.store_titles
        else "used for classification only, never stored",
    )
    log.info(
        "data in %s; poll %.3g s, away after %.0f s",
        ctx.paths.data_dir,
        settings.poll_seconds,
        settings.idle_after_seconds,
    )
    recover = reopen_on_corruption(ctx, clock, make_writer=new_writer)
    return TrackerService(platform, writer, clock, settings, classify=classifier, recover=recover)
