"""How long a notice takes to reach a real notification daemon (dunst), through the notifier chain.

Needs the session bus with dunst that ``make bench`` (scripts/test-services.sh)
starts. For each of ``--notices`` notices (default 20, after one warm-up) it
calls ``NotifierChain.deliver`` (the chain the app builds: the freedesktop
D-Bus path first) and measures two times from that call:

- ``reply``: until ``deliver`` returns, i.e. dunst answered ``Notify`` with an
  id (the notice is at the daemon);
- ``shown``: until dunst counts it as displayed (its ``displayedLength``
  property, polled every 2 ms over a second connection).

Between notices everything shown is closed, so each one is new. Afterwards
``idle_cpu_ms_per_s`` is the process's CPU use while the chain (and its
listening threads) stays open with nothing happening, over ``--idle-seconds``. The goal
(issue 9) is a median of at most 2 s from crossing a limit to arrival; the
enforcer's own share (waking at the limit's deadline) is not part of this.
Prints one JSON object; without a bus or dunst it says why in ``skipped``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

from _common import emit, log

GOAL_MEDIAN_S = 2.0
_DUNST = "org.dunstproject.cmd0"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "max_ms": round(max(ms), 2),
    }


class Dunst:
    """dunst's own interface: how many notices are displayed, and closing them all."""

    def __init__(self, address: str) -> None:
        from jeepney import DBusAddress, Properties, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        self._conn: Any = open_dbus_connection(bus=address)
        obj = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface=_DUNST,
        )
        self._displayed = Properties(obj).get("displayedLength")
        self._close_all = new_method_call(obj, "NotificationCloseAll")

    def displayed(self) -> int:
        from jeepney.wrappers import unwrap_msg

        (variant,) = unwrap_msg(self._conn.send_and_get_reply(self._displayed, timeout=5))
        return int(variant[1])

    def close_all(self) -> None:
        self._conn.send_and_get_reply(self._close_all, timeout=5)

    def close(self) -> None:
        self._conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notices", type=int, default=20, help="notices to time")
    parser.add_argument("--idle-seconds", type=float, default=3.0, help="idle CPU window")
    args = parser.parse_args()
    result: dict[str, Any] = {"benchmark": "notify_latency", "goal_median_s": GOAL_MEDIAN_S}
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        result["skipped"] = "no session D-Bus (run through make bench)"
        emit(result)
        return 0

    from wellbeing.platform.notify_dbus import server_missing
    from wellbeing.services.limit_ports import Notice
    from wellbeing.services.notifier import build_notifiers

    why = server_missing(address)
    if why is not None:
        result["skipped"] = why
        emit(result)
        return 0
    dunst = Dunst(address)
    chain = build_notifiers()
    replies: list[float] = []
    shown: list[float] = []
    try:
        path = chain.notifiers[0]
        result["path"] = path.name
        server = getattr(path, "server", None)
        result["server"] = server.describe() if server is not None else None
        for i in range(args.notices + 1):
            dunst.close_all()
            notice = Notice(
                f"limit:bench-{i}",
                "Time's up",
                f"bench-app: 30 of 30 minutes (notice {i})",
                actions=(("snooze", "15 more minutes"), ("ignore", "Ignore limit for today")),
                urgency="normal",
            )
            before = dunst.displayed()
            started = time.perf_counter()
            delivered_by = chain.deliver(notice)
            replied = time.perf_counter()
            while dunst.displayed() <= before:
                if time.perf_counter() - started > 30:
                    raise RuntimeError(f"notice {i} never showed (delivered by {delivered_by})")
                time.sleep(0.002)
            seen = time.perf_counter()
            if delivered_by != path.name:
                raise RuntimeError(f"notice {i} went to {delivered_by}, not {path.name}")
            if i == 0:
                continue  # warm-up
            replies.append(replied - started)
            shown.append(seen - started)
        dunst.close_all()
        # Two threads listen for button presses; while nothing happens they must cost nothing.
        cpu, wall = time.process_time(), time.perf_counter()
        time.sleep(args.idle_seconds)
        result["idle_cpu_ms_per_s"] = round(
            (time.process_time() - cpu) * 1000 / (time.perf_counter() - wall), 3
        )
    finally:
        chain.close()
        dunst.close()
    result["notices"] = len(shown)
    result["reply"] = summary_ms(replies)
    result["shown"] = summary_ms(shown)
    result["goal_met"] = statistics.median(shown) <= GOAL_MEDIAN_S
    log(f"reply median {result['reply']['median_ms']} ms, shown {result['shown']['median_ms']} ms")
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
