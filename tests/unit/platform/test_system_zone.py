"""The system's time zone read through the C library agrees with ``zoneinfo`` everywhere.

``platform.system_clock.SystemZone`` replaces ``zoneinfo.ZoneInfo`` for the jobs at
a local time of day (the tray app at rest is 0.5 MiB lighter without the module).
Each check runs in a child process with ``TZ`` set, so this process's time zone is
never changed; the child compares, every 15 minutes over a year, the UTC offset of
each local time (both folds, gaps and repeated hours included), the local time of
each UTC time (its fold too), and the next daily 02:30 and 04:00 (a time in the
spring gap and one outside): every quarter hour on the days around each change of
offset, every three hours on the others.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMPARE = r"""
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from wellbeing.core.timetable import WeeklyTime, next_time
from wellbeing.platform.system_clock import local_zone

key, year = sys.argv[1], int(sys.argv[2])
ours, reference = local_zone(), ZoneInfo(key)
checked = changes = 0


def check(wall):
    global checked
    for fold in (0, 1):
        a = wall.replace(tzinfo=ours, fold=fold)
        b = wall.replace(tzinfo=reference, fold=fold)
        assert a.utcoffset() == b.utcoffset(), (wall, fold, a.utcoffset(), b.utcoffset())
        assert a.astimezone(UTC) == b.astimezone(UTC), (wall, fold)
        assert bool(a.dst()) == bool(b.dst()), (wall, fold, a.dst(), b.dst())
        assert a.tzname() == b.tzname(), (wall, fold, a.tzname(), b.tzname())
    utc = wall.replace(tzinfo=UTC)
    mine, theirs = utc.astimezone(ours), utc.astimezone(reference)
    assert mine.replace(tzinfo=None) == theirs.replace(tzinfo=None), (utc, mine, theirs)
    assert mine.fold == theirs.fold, (utc, mine.fold, theirs.fold)
    assert datetime.fromtimestamp(utc.timestamp(), ours).replace(tzinfo=None) == (
        theirs.replace(tzinfo=None))
    if wall.minute == 0 and wall.hour % 6 == 0:
        for when in (WeeklyTime(2, 30), WeeklyTime(4, 0)):
            assert next_time(when, utc, ours) == next_time(when, utc, reference), (when, utc)
    checked += 1


day = datetime(year, 1, 1)
while day.year == year:
    after = day + timedelta(days=1)
    # every quarter hour around a change of offset (the day before, of, and after), else
    # every three hours
    near = any((day + timedelta(days=d)).replace(tzinfo=reference).utcoffset()
               != (day + timedelta(days=d + 1)).replace(tzinfo=reference).utcoffset()
               for d in (-1, 0, 1))
    changes += day.replace(tzinfo=reference).utcoffset() != after.replace(
        tzinfo=reference).utcoffset()
    wall = day
    while wall < after:
        check(wall)
        wall += timedelta(minutes=15 if near else 180)
    day = after
print(checked, changes)
"""

#: Zones with DST forward and back, a 30-minute DST (Lord Howe), a "negative" DST in
#: winter (Dublin), the southern hemisphere, and one without DST.
ZONES = [
    ("Europe/Berlin", 2026, 2),
    ("America/New_York", 2026, 2),
    ("Australia/Lord_Howe", 2026, 2),
    ("Europe/Dublin", 2027, 2),
    ("America/Sao_Paulo", 2018, 2),  # DST then, changed at midnight
    ("Asia/Kolkata", 2026, 0),
]


@pytest.mark.parametrize(("key", "year", "changes"), ZONES)
def test_the_c_library_zone_agrees_with_zoneinfo(key: str, year: int, changes: int) -> None:
    if not os.path.exists(f"/usr/share/zoneinfo/{key}"):
        pytest.skip(f"no zone file for {key}")
    env = {**os.environ, "TZ": key}
    done = subprocess.run(
        [sys.executable, "-c", COMPARE, key, str(year)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    checked, changed = (int(n) for n in done.stdout.split())
    assert changed == changes  # the year has the changes of offset meant to be checked
    days_near = 3 * changes
    assert checked == days_near * 96 + (365 - days_near) * 8  # every instant meant was
