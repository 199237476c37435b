"""Telling storage trouble (worth retrying) from a bug (not), without importing SQLAlchemy.

The tracker retries a save that failed because of the storage: the disk is
full, the file is locked, the server is away, the file is damaged (then the
recovery may set it aside). Anything else raised by a save is a bug in
wellbeing; retrying it forever would only let the backlog grow, so the
tracker stops cleanly instead (see :mod:`wellbeing.services.tracker`).

The headless tracker must never import SQLAlchemy, so SQLAlchemy's errors are
recognised by the module and name of their classes.
"""

from __future__ import annotations

import sqlite3

from wellbeing.errors import StorageUnavailable

#: SQLAlchemy's error classes (in ``sqlalchemy.exc``) that come from the database or its pool.
_SQLALCHEMY_STORAGE = frozenset({"DBAPIError", "DisconnectionError", "TimeoutError"})


def is_storage_error(error: BaseException) -> bool:
    """Whether ``error`` comes from the storage (retry it) rather than from a bug in wellbeing.

    Storage: :class:`sqlite3.Error`, :class:`OSError`, our
    :class:`~wellbeing.errors.StorageUnavailable`, and SQLAlchemy's database errors
    (``OperationalError``, ``DatabaseError`` and the other ``DBAPIError`` kinds, a
    pool ``TimeoutError``, ``DisconnectionError``).
    """
    if isinstance(error, sqlite3.Error | OSError | StorageUnavailable):
        return True
    return any(
        cls.__module__ == "sqlalchemy.exc" and cls.__name__ in _SQLALCHEMY_STORAGE
        for cls in type(error).__mro__
    )
