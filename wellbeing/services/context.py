"""Opening what every command needs: the data dir, the settings and the database.

Shared by the CLI and the tray app so both see the same files in the same way.
"""

from __future__ import annotations

import logging
import platform as pyplatform
import socket
from dataclasses import dataclass

from wellbeing import config as config_module
from wellbeing import paths as paths_module
from wellbeing.config import Config
from wellbeing.paths import Paths
from wellbeing.services.file_guard import unless_tracking
from wellbeing.storage.db import Database
from wellbeing.storage.limits import LimitRepository
from wellbeing.storage.queries import UsageQueries

log = logging.getLogger("wellbeing")


@dataclass
class Context:
    """The opened data dir: paths, settings, database and this machine's device id."""

    paths: Paths
    config: Config
    db: Database
    device_id: int

    @property
    def notice(self) -> str | None:
        """A plain-words message to show the user (e.g. a corrupt database set aside)."""
        return self.db.notice

    def queries(self) -> UsageQueries:
        return UsageQueries(self.db, day_start_hour=self.config.tracking.day_start_hour)

    def limits(self) -> LimitRepository:
        """This device's limits, downtime and bypass log on the opened database."""
        return LimitRepository(self.db, self.device_id)

    def close(self) -> None:
        self.db.close()


def open_context(
    data_dir: str | None,
    db_url: str | None,
    *,
    check_file: bool = True,
    holds_lock: bool = False,
) -> Context:
    """Resolve paths, load the config, open (and migrate) the database.

    ``check_file=False``: do not check (and never set aside) the SQLite file,
    for a helper process that runs while the tracker writes to it.
    ``holds_lock``: this process (or the parent it works for) holds the tracker
    lock, so it may set a damaged file aside; otherwise it may only while no
    tracker runs (:func:`~wellbeing.services.file_guard.unless_tracking`).
    """
    paths = paths_module.resolve(data_dir)
    paths_module.ensure_private_dir(paths.data_dir)
    config = config_module.load(paths.config)
    url = db_url or None
    guard = None if holds_lock else unless_tracking(paths)
    db = Database.open(url, paths, check_file=check_file, set_aside_guard=guard)
    device_id = db.device_id(
        name=socket.gethostname(),
        platform=pyplatform.system().lower(),
        identity=paths.device_file,
    )
    if db.notice:
        log.warning("%s", db.notice)
    return Context(paths=paths, config=config, db=db, device_id=device_id)
