"""``wellbeing doctor``: what works here, where the data lives, and how to fix the rest.

Printed in the interface's language; the checks keep English names, which
decide the verdict (:data:`ESSENTIAL`, a backend's "<name> foreground").
"""

from __future__ import annotations

from typing import TextIO

from wellbeing import config as config_module
from wellbeing import paths as paths_module
from wellbeing.core.i18n import translate
from wellbeing.core.notice_texts import check_name
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import WellbeingError
from wellbeing.platform.base import Check

DATA_DIRECTORY = QT_TRANSLATE_NOOP("Doctor", "data directory")
CONFIG = QT_TRANSLATE_NOOP("Doctor", "config")
DATABASE = QT_TRANSLATE_NOOP("Doctor", "database")
ESSENTIAL = frozenset({DATA_DIRECTORY, CONFIG, DATABASE})
"""The checks (English names) without which nothing can be recorded."""


def storage_checks(data_dir: str | None, db_url: str | None) -> list[Check]:
    """Checks of the data dir, the config file and the database."""
    checks: list[Check] = []
    paths = paths_module.resolve(data_dir)
    try:
        paths_module.ensure_private_dir(paths.data_dir)
        checks.append(Check(DATA_DIRECTORY, True, translate(
            "Doctor", "{path} (private, writable)").format(path=paths.data_dir)))
    except WellbeingError as exc:
        checks.append(Check(DATA_DIRECTORY, False, exc.message, exc.hint))
        return checks
    try:
        cfg = config_module.load(paths.config)
        if paths.config.exists():
            state = translate("Doctor", "{path} (found); day starts at {hour}:00")
        else:
            state = translate("Doctor", "{path} (not created yet, using defaults); day starts at "
                                        "{hour}:00")
        checks.append(Check(CONFIG, True, state.format(
            path=paths.config, hour=f"{cfg.tracking.day_start_hour:02d}")))
    except WellbeingError as exc:
        checks.append(Check(CONFIG, False, exc.message, exc.hint))
    from wellbeing.services.file_guard import unless_tracking
    from wellbeing.storage.db import Database

    try:
        db = Database.open(db_url, paths, set_aside_guard=unless_tracking(paths))
    except WellbeingError as exc:
        checks.append(Check(DATABASE, False, exc.message, exc.hint))
        return checks
    try:
        where = db_url and _redact(db_url) or str(paths.database)
        checks.append(Check(DATABASE, True, translate("Doctor", "{where} (schema up to date)")
                            .format(where=where)))
        if db.notice:
            checks.append(
                Check(
                    QT_TRANSLATE_NOOP("Doctor", "database recovery"),
                    False,
                    db.notice,
                    translate("Doctor", "The damaged copy was kept; nothing was deleted."),
                )
            )
    finally:
        db.close()
    checks.append(Check(QT_TRANSLATE_NOOP("Doctor", "log file"), True, str(paths.log_file)))
    return checks


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in creds else url
    return url


def run_doctor(data_dir: str | None, db_url: str | None, *, out: TextIO) -> int:
    """Print every check; exit 0 when tracking can work here, 1 when something essential fails."""
    from wellbeing.platform.select import diagnose
    from wellbeing.services.gnome_setup import extension_check
    from wellbeing.services.notifier import notification_check
    from wellbeing.services.quiet import quiet_mode_check

    platform_checks = diagnose(backend=_configured_backend(data_dir))
    platform_checks += [notification_check(), quiet_mode_check()]
    gnome = extension_check()  # only on GNOME on Wayland
    if gnome is not None:
        platform_checks.append(gnome)
    storage = storage_checks(data_dir, db_url)
    print("wellbeing doctor", file=out)
    print("", file=out)
    print(translate("Doctor", "Platform (how wellbeing sees the foreground window and idle "
                              "time):"), file=out)
    _print(platform_checks, out)
    print("", file=out)
    print(translate("Doctor", "Data:"), file=out)
    _print(storage, out)
    essential_ok = all(c.ok for c in storage if c.name in ESSENTIAL)
    can_track = any(c.ok and c.name.endswith(" foreground") for c in platform_checks)
    print("", file=out)
    if essential_ok and can_track:
        print(translate("Doctor", "Tracking can work on this machine."), file=out)
        return 0
    print(translate("Doctor", "Tracking cannot work yet: see the fixes above."), file=out)
    return 1


def _configured_backend(data_dir: str | None) -> str:
    """``platform.backend`` from the config ("auto" when the config cannot be read)."""
    try:
        return config_module.load(paths_module.resolve(data_dir).config).platform.backend
    except WellbeingError:
        return "auto"  # the config check below says what is wrong with it


def _print(checks: list[Check], out: TextIO) -> None:
    for check in checks:
        mark = "ok " if check.ok else "!! "
        print(f"  {mark} {check_name(check.name)}: {check.detail}", file=out)
        if check.fix and not check.ok:
            print("      " + translate("Doctor", "fix: {fix}").format(fix=check.fix), file=out)
