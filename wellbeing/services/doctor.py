"""``wellbeing doctor``: what works here, where the data lives, and how to fix the rest."""

from __future__ import annotations

from typing import TextIO

from wellbeing import config as config_module
from wellbeing import paths as paths_module
from wellbeing.errors import WellbeingError
from wellbeing.platform.base import Check


def storage_checks(data_dir: str | None, db_url: str | None) -> list[Check]:
    """Checks of the data dir, the config file and the database."""
    checks: list[Check] = []
    paths = paths_module.resolve(data_dir)
    try:
        paths_module.ensure_private_dir(paths.data_dir)
        checks.append(Check("data directory", True, f"{paths.data_dir} (private, writable)"))
    except WellbeingError as exc:
        checks.append(Check("data directory", False, exc.message, exc.hint))
        return checks
    try:
        cfg = config_module.load(paths.config)
        state = "found" if paths.config.exists() else "not created yet, using defaults"
        checks.append(
            Check(
                "config",
                True,
                f"{paths.config} ({state}); day starts at {cfg.tracking.day_start_hour:02d}:00",
            )
        )
    except WellbeingError as exc:
        checks.append(Check("config", False, exc.message, exc.hint))
    from wellbeing.services.file_guard import unless_tracking
    from wellbeing.storage.db import Database

    try:
        db = Database.open(db_url, paths, set_aside_guard=unless_tracking(paths))
    except WellbeingError as exc:
        checks.append(Check("database", False, exc.message, exc.hint))
        return checks
    try:
        where = db_url and _redact(db_url) or str(paths.database)
        checks.append(Check("database", True, f"{where} (schema up to date)"))
        if db.notice:
            checks.append(
                Check(
                    "database recovery",
                    False,
                    db.notice,
                    "The damaged copy was kept; nothing was deleted.",
                )
            )
    finally:
        db.close()
    checks.append(Check("log file", True, str(paths.log_file)))
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
    print("Platform (how wellbeing sees the foreground window and idle time):", file=out)
    _print(platform_checks, out)
    print("", file=out)
    print("Data:", file=out)
    _print(storage, out)
    essential_ok = all(c.ok for c in storage if c.name in {"data directory", "config", "database"})
    can_track = any(c.ok and c.name.endswith("foreground") for c in platform_checks)
    print("", file=out)
    if essential_ok and can_track:
        print("Tracking can work on this machine.", file=out)
        return 0
    print("Tracking cannot work yet: see the fixes above.", file=out)
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
        print(f"  {mark} {check.name}: {check.detail}", file=out)
        if check.fix and not check.ok:
            print(f"      fix: {check.fix}", file=out)
