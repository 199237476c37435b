"""The exception tree of wellbeing.

Every error a user can cause or meet in their environment derives from
:class:`WellbeingError` and carries the process exit code the CLI uses::

    WellbeingError (1)                 anything we can explain to the user
    ├── UsageError (2)                 a bad command line: impossible date, --from after --to
    │   └── ExperimentError (2)        the experiment cannot do that (none running, a bad answer)
    ├── BadDataError (3)               bad input data
    │   ├── ConfigError (3)            a malformed config or rules file (names file and line)
    │   └── ImportRefused (3)          a file to import is malformed or cut short (nothing written)
    ├── StorageUnavailable (4)         the data dir or database cannot be created, opened or written
    │   ├── BackupFailed (4)           the daily backup could not be made (older ones are kept)
    │   └── DatabaseUnreachable (4)    the database server did not answer (tracking may go on)
    ├── AlreadyRunning (1)             another tracker holds the lock for this data dir
    ├── TrackingFailed (1)             a bug stopped tracking (the log has the traceback)
    └── Unavailable (-)                a platform backend cannot work here (selection falls back)

Bugs are not in this tree: they crash loudly with a traceback in the log.
"""

from __future__ import annotations


class WellbeingError(Exception):
    """An error with a message meant for the user and a documented exit code."""

    exit_code: int = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_message(self) -> str:
        """The message as shown to a person: what was wrong, then what to do."""
        if self.hint:
            return f"{self.message}\n{self.hint}"
        return self.message


class UsageError(WellbeingError):
    """The command line asked for something impossible."""

    exit_code = 2


class ExperimentError(UsageError):
    """A self-experiment cannot do what was asked (none running, a bad answer, a bad day)."""


class BadDataError(WellbeingError):
    """Input data (a file, an import, a value) is malformed."""

    exit_code = 3


class ConfigError(BadDataError):
    """A configuration or rules file is malformed; the message names file and line."""


class ImportRefused(BadDataError):
    """A file to import is malformed or cut short; nothing of it was written."""


class StorageUnavailable(WellbeingError):
    """The data directory or database cannot be created, opened or written."""

    exit_code = 4


class BackupFailed(StorageUnavailable):
    """The daily backup could not be made; the older backups are untouched."""


class DatabaseUnreachable(StorageUnavailable):
    """The database server did not answer at all (down, network away): worth waiting for.

    Not raised when the server answered with a refusal (a wrong password, no such
    database): that needs the user, not patience.
    """

    def __init__(self, message: str, *, host: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.host = host


class AlreadyRunning(WellbeingError):
    """Another tracker already runs for this data directory."""

    exit_code = 1


class TrackingFailed(WellbeingError):
    """Tracking stopped because of a bug in wellbeing (not the storage, not the platform)."""

    exit_code = 1


class Unavailable(WellbeingError):
    """A platform backend cannot work in this session; the reason says why."""
