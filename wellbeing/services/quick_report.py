"""``wellbeing report`` on the local file without SQLAlchemy, when nothing needs it.

A report reads a few rows in 2 ms; importing SQLAlchemy, the models and
Alembic to open the file took 0.45 s of a 0.7 s command. So when there is no
``--db`` URL, :func:`quick_usage` reads the local file through the standard
library (:class:`~wellbeing.storage.sqlite_reader.SqliteReader`, the same
:class:`~wellbeing.storage.queries.UsageQueries` and SQL as the SQLAlchemy
path, so the output is identical). It answers only when the usual way would
change nothing first: the file exists, ``quick_check`` finds it sound, it is
at this version's schema, and the labels (categories, names, browsers) are
what the current rules say. Otherwise it returns None and the caller takes
the usual way (:func:`wellbeing.services.context.open_context`), which
creates, migrates, sets a damaged file aside and re-labels as it always did.

This module imports neither SQLAlchemy nor anything that does (an
import-linter contract checks it).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date

from wellbeing.config import Config
from wellbeing.core.i18n import translate
from wellbeing.errors import UsageError
from wellbeing.paths import Paths
from wellbeing.services.classifier import load_rule_set
from wellbeing.services.rule_labels import RuleLabels
from wellbeing.storage.labels import labels_current
from wellbeing.storage.queries import GroupBy, UsageQueries, UsageReport
from wellbeing.storage.sqlite_file import sqlite_problem
from wellbeing.storage.sqlite_reader import SqliteReader

log = logging.getLogger(__name__)


def device_id_of(queries: UsageQueries, device: str | None) -> int | None:
    """The row id of the device named ``device`` (None or "all": every device).

    Raises:
        UsageError: no device has that name (the message lists the names).
    """
    if device is None or device.casefold() == "all":
        return None
    found = queries.device_named(device)
    if found is None:
        names = ", ".join(d.name for d in queries.devices()) or translate("Data", "none yet")
        raise UsageError(translate("Data", "no device is named {name}").format(name=repr(device)),
                         hint=translate("Data", "Devices: {names}.").format(names=names))
    return found.id


def quick_usage(
    paths: Paths, config: Config, start: date, end: date, by: GroupBy,
    device: str | None = None,
) -> UsageReport | None:
    """The report for ``start..end`` read without SQLAlchemy, or None (take the usual way).

    Raises:
        UsageError: the range cannot be reported (as ``UsageQueries.usage``).
        StorageUnavailable: the file cannot be read.
    """
    path = paths.database
    reader = SqliteReader(path)
    try:
        if not reader.is_current():
            log.debug("quick report: %s is missing or not at this schema", path)
            return None
        if sqlite_problem(path) is not None:
            log.debug("quick report: %s needs a look by the usual way", path)
            return None
        rule_set, _issues = load_rule_set(config)  # issues are logged as warnings
        labels = RuleLabels.of(rule_set)
        if not labels_current(reader.connection(), labels.colours, labels.app, labels.site):
            log.debug("quick report: labels are behind the rules")
            return None
        queries = UsageQueries(reader, day_start_hour=config.tracking.day_start_hour)
        return queries.usage(start, end, by=by, device_id=device_id_of(queries, device))
    except sqlite3.DatabaseError as exc:  # damage found on the way: the usual way handles it
        log.debug("quick report: %s", exc)
        return None
    finally:
        reader.close()
