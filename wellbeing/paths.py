"""Where wellbeing keeps its files, and creating them privately (0700 dirs, 0600 files)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from wellbeing.core.i18n import translate
from wellbeing.errors import StorageUnavailable

APP_NAME = "wellbeing"
DATA_DIR_ENV = "WELLBEING_DATA_DIR"
DB_URL_ENV = "WELLBEING_DB_URL"


@dataclass(frozen=True)
class Paths:
    """The files of one data directory."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "wellbeing.sqlite3"

    @property
    def config(self) -> Path:
        return self.data_dir / "config.toml"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "wellbeing.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "tracker.lock"

    @property
    def spool(self) -> Path:
        """Pieces not yet written to an unreachable database (``storage.spool``)."""
        return self.data_dir / "spool.sqlite3"

    @property
    def device_file(self) -> Path:
        """This install's device uuid (``storage.device_identity``)."""
        return self.data_dir / "device-id"

    @property
    def pause_file(self) -> Path:
        """The tray's pause, kept across restarts (``services.pause_file``)."""
        return self.data_dir / "pause.json"

    def database_url(self) -> str:
        return f"sqlite:///{self.database}"


def default_data_dir() -> Path:
    """The user's data directory for wellbeing (XDG on Linux, AppData, Application Support)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def moved_pointer() -> Path:
    """The file naming where the data went when it was moved (``wellbeing move-data``).

    It lives in the user's config folder (``~/.config/wellbeing/data-dir`` on
    Linux), beside nothing else of ours, so the data folder can be anywhere.
    """
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "data-dir"


def moved_data_dir() -> Path | None:
    """Where the data was moved to, if it was (and the pointer names a folder)."""
    try:
        text = moved_pointer().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text and Path(text).is_absolute() else None


def resolve(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Pick the data dir: explicit argument, then $WELLBEING_DATA_DIR, then where
    ``move-data`` moved it, then the default."""
    chosen = (data_dir or os.environ.get(DATA_DIR_ENV) or moved_data_dir()
              or default_data_dir())
    return Paths(Path(chosen).expanduser().absolute())


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) with mode 0700; check we can write there."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(PermissionError):
            if path.stat().st_mode & 0o077:
                path.chmod(0o700)
        probe = path / f".write-test-{os.getpid()}"
        probe.touch(mode=0o600)
        probe.unlink()
    except OSError as exc:
        raise StorageUnavailable(
            translate("Storage", "Cannot use the data directory {path}: {error}.").format(
                path=path, error=exc.strerror or exc),
            hint=translate("Storage", "Choose a writable place with --data-dir DIR (or "
                                      "$WELLBEING_DATA_DIR), or fix the directory's permissions."),
        ) from exc
    return path


def touch_private(path: Path) -> Path:
    """Create ``path`` as an empty 0600 file if it does not exist; tighten it if it does."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    os.close(fd)
    with contextlib.suppress(PermissionError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    return path


def restrict_fd(fd: int) -> None:
    """Make an open file 0600 whatever the umask said (where the file is ours to change).

    Windows has no ``os.fchmod`` before Python 3.13 and no mode bits to speak
    of: files in the user's profile are private by its access control list.
    """
    fchmod = getattr(os, "fchmod", None)
    if fchmod is None:
        return
    with contextlib.suppress(PermissionError):
        fchmod(fd, 0o600)


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` as a 0600 file, replacing its contents (and any wider mode).

    For files the user saves (exports): they hold usage, so no one else may read them,
    whatever the umask says.
    """
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        restrict_fd(fd)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    return path
