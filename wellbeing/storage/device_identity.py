"""This machine's device uuid, kept in the data directory (``device-id``), not in the database.

Every row carries a ``device_id``, so several installs can share one
PostgreSQL database as separate devices. The uuid that says which device row
is this machine's must therefore live with the install, not in the shared
database: two installs pointed at one server would otherwise read the same
uuid from its ``meta`` table and write as one device.

Older versions kept the uuid in ``meta``. The upgrade keeps history where it
belongs: a local SQLite file (one install) adopts its ``meta`` uuid; on a
shared server the first install to upgrade claims it (``storage.db`` deletes
it from ``meta`` atomically) and every other install gets a new uuid.

The file holds the uuid and a newline, mode 0600. Two processes starting at
once agree: the file is created with ``O_EXCL``, and the loser reads the
winner's uuid.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

FILE_NAME = "device-id"


def read(path: Path) -> str | None:
    """The uuid stored at ``path``, or None when there is none (or it is not a uuid)."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def claim(path: Path, candidate: str) -> str:
    """Store ``candidate`` at ``path`` unless a valid uuid is there already; return the one kept.

    A file that holds no valid uuid (empty, truncated by a crash) is replaced.
    """
    existing = read(path)
    if existing is not None:
        return existing
    data = f"{candidate}\n".encode("ascii")
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")  # unique per caller
    fd = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        if path.exists() and read(path) is None:
            path.unlink()  # a damaged file: replace it
        os.link(temporary, path)  # atomic, and fails if another process won
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if read(path) is None:
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    kept = read(path)
    return kept if kept is not None else candidate
