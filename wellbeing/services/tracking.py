"""Building a ready-to-run tracker on an opened context (the tray app, ``track --db URL``).

The headless ``wellbeing track`` on the local file is built by
:mod:`wellbeing.services.headless` from the same parts
(:mod:`wellbeing.services.tracker_parts`) without SQLAlchemy.

The tracker gets the rules (built-in plus the user's; a bad user rule is logged
and skipped), a classifier that applies them and the privacy settings to each
window, and a writer that labels new apps and sites from the rules as soon as
they are stored. Stored apps and sites are re-labelled from the rules at start.
"""

from __future__ import annotations

from collections.abc import Sequence

from wellbeing.services.categories import try_sync_categories
from wellbeing.services.context import Context
from wellbeing.services.notices import NoticeRelay
from wellbeing.services.recovery import reopen_on_corruption
from wellbeing.services.spooling import SpoolingSink, replay_spool
from wellbeing.services.tracker import IntervalSink, TrackerService
from wellbeing.services.tracker_parts import announce_ready, tracker_parts
from wellbeing.storage.db import Database
from wellbeing.storage.spool import Spool
from wellbeing.storage.writer import UsageWriter


def build_tracker(
    ctx: Context,
    *,
    fake: bool = False,
    poll: float | None = None,
    idle_after: float | None = None,
) -> TrackerService:
    """Pick the platform backend, wire it to storage, and apply settings and overrides.

    A damaged database set aside while tracking is posted to ``tracker.notices``.
    """
    parts = tracker_parts(ctx.config, fake=fake, poll=poll, idle_after=idle_after)
    rule_set, classifier = parts.rule_set, parts.classifier
    try_sync_categories(ctx.db, rule_set)

    def label_new(app_keys: Sequence[str], domains: Sequence[str]) -> None:
        try_sync_categories(ctx.db, rule_set, wm_classes=classifier.wm_classes)

    def new_writer(db: Database, device_id: int) -> UsageWriter:
        return UsageWriter(db, device_id, on_new_names=label_new)

    writer: IntervalSink = new_writer(ctx.db, ctx.device_id)
    if ctx.db.dialect != "sqlite":  # a server that may be away: keep failed saves locally
        spool = Spool(ctx.paths.spool)
        replay_spool(ctx.db, ctx.device_id, spool)
        writer = SpoolingSink(writer, spool)
    notices = NoticeRelay()
    recover = reopen_on_corruption(
        ctx, parts.clock, make_writer=new_writer, notify=notices.set_aside
    )
    announce_ready(parts, ctx.paths.data_dir)
    return TrackerService(
        parts.platform, writer, parts.clock, parts.settings, classify=classifier,
        recover=recover, notices=notices,
    )
