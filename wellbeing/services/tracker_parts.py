"""What every tracker is made of, whatever it writes to: platform, clock, settings, rules.

Both ways of tracking build these the same way: the tray app and ``wellbeing
track --db URL`` (:mod:`wellbeing.services.tracking`, writing through
SQLAlchemy) and the headless ``wellbeing track`` on the local file
(:mod:`wellbeing.services.headless`, writing through the standard library's
``sqlite3``). This module imports no SQLAlchemy.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from wellbeing.config import Config
from wellbeing.core.rules import RuleSet
from wellbeing.platform.base import Platform
from wellbeing.platform.select import select_platform
from wellbeing.platform.system_clock import SystemClock
from wellbeing.services.classifier import WindowClassifier, load_rule_set
from wellbeing.services.tracker import TrackerSettings

log = logging.getLogger("wellbeing.tracker")


@dataclass
class TrackerParts:
    """The chosen platform backends, the clock, the settings in force and the rules."""

    clock: SystemClock
    platform: Platform
    settings: TrackerSettings
    rule_set: RuleSet
    classifier: WindowClassifier


def tracker_parts(
    config: Config,
    *,
    fake: bool = False,
    poll: float | None = None,
    idle_after: float | None = None,
) -> TrackerParts:
    """Pick the platform backend, load the rules and apply settings and overrides (logged).

    Call :func:`announce_ready` once storage is ready too.
    """
    clock = SystemClock()
    platform = select_platform(fake=fake, clock=clock, backend=config.platform.backend)
    for check in platform.tried:
        log.debug("backend %s: %s", check.name, check.detail)
    log.info(
        "tracking with %s (foreground), %s (idle), %s (lock)",
        platform.foreground.name,
        platform.idle.name,
        platform.session.name,
    )
    tracking = config.tracking
    settings = TrackerSettings(
        poll_seconds=poll if poll is not None else tracking.poll_seconds,
        idle_after_seconds=idle_after if idle_after is not None else tracking.idle_after_seconds,
        day_start_hour=tracking.day_start_hour,
    )
    rule_set, _issues = load_rule_set(config)  # issues are logged as warnings
    classifier = WindowClassifier(rule_set, config.privacy)
    log.info(
        "window titles are %s",
        "stored (privacy.store_titles)" if config.privacy.store_titles
        else "used for classification only, never stored",
    )
    return TrackerParts(clock, platform, settings, rule_set, classifier)


def announce_ready(parts: TrackerParts, data_dir: Path) -> None:
    """Log the line that says tracking starts now (tests and scripts wait for it)."""
    log.info(
        "data in %s; poll %.3g s, away after %.0f s",
        data_dir,
        parts.settings.poll_seconds,
        parts.settings.idle_after_seconds,
    )
