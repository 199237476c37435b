"""One device or all: the dashboard's device filter when several computers share a database.

:class:`DeviceSource` reads through the usage queries for one device (or, with
None, for all together, as they are by default). :class:`DeviceChooser` is the
combo box ("All devices", then each device by name) the dashboard shows only
when the database holds more than one device; choosing one gives the model a
new source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from wellbeing.storage.queries import (
    AppInfo,
    DayFacts,
    DeviceInfo,
    GroupBy,
    HourUsage,
    UsageQueries,
    UsageReport,
)

__all__ = ["DeviceChooser", "DeviceSource"]


class DeviceSource:
    """The dashboard's ``UsageSource`` for one device (``device_id``), or all (None)."""

    def __init__(self, queries: UsageQueries, device_id: int | None) -> None:
        self.queries = queries
        self.device_id = device_id

    def usage(self, start: date, end: date, by: GroupBy = "app") -> UsageReport:
        return self.queries.usage(start, end, by=by, device_id=self.device_id)

    def hourly(self, day: date, by: GroupBy = "app") -> Sequence[HourUsage]:
        return self.queries.hourly(day, by=by, device_id=self.device_id)

    def day_facts(self, day: date) -> DayFacts:
        return self.queries.day_facts(day, device_id=self.device_id)

    def first_date(self) -> date | None:
        return self.queries.first_date(self.device_id)

    def apps(self) -> Sequence[AppInfo]:
        return self.queries.apps()


class DeviceChooser(QComboBox):
    """"All devices" and each device; calls ``on_choice`` with a device id or None."""

    def __init__(self, devices: Sequence[DeviceInfo], on_choice: Callable[[int | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Device"))
        self.setToolTip(self.tr("Whose use is shown"))
        self.addItem(self.tr("All devices"), None)
        for device in devices:
            self.addItem(device.name, device.id)
        self.currentIndexChanged.connect(lambda _i: on_choice(self.currentData()))
