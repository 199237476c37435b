"""Property tests: random sessions with every fault, checked against invariants."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wellbeing.core.activity import MAX_SET_BACK_SHIFT_S, ActivityTracker, Focus, Interval, Sample
from wellbeing.core.clock import FakeClock, Instant
from wellbeing.core.days import day_bounds_ms, local_date_of, next_day_start_ms

APPS = [Focus("firefox", "Firefox"), Focus("code", "VS Code"), Focus("term", "Terminal")]
FOCUSES: list[Focus | None] = [*APPS, None]
IDLE_AFTER = 180.0
MAX_GAP = 15.0
STEP_TOLERANCE = 2.0

# One operation: (name, argument). Each is followed by a sample unless noted.
Op = tuple[str, float]

ops = st.one_of(
    st.tuples(st.just("advance"), st.floats(0.0, 3.0)),
    st.tuples(st.just("advance"), st.floats(3.0, 400.0)),
    st.tuples(st.just("focus"), st.integers(0, len(FOCUSES) - 1).map(float)),
    st.tuples(st.just("input"), st.just(0.0)),
    st.tuples(st.just("idle_value"), st.floats(0.0, 1000.0)),
    st.tuples(st.just("lock"), st.just(0.0)),
    st.tuples(st.just("sleep"), st.just(0.0)),
    st.tuples(st.just("suspend"), st.floats(0.5, 20_000.0)),
    st.tuples(st.just("step"), st.floats(-7200.0, 7200.0)),
    st.tuples(st.just("step"), st.floats(-1.9, 1.9)),
    st.tuples(st.just("dst"), st.sampled_from([-60.0, 60.0])),
    st.tuples(st.just("zone"), st.integers(-720, 840).map(float)),
    st.tuples(st.just("close"), st.just(0.0)),
    st.tuples(st.just("stale"), st.floats(0.001, 100.0)),
)

starts = st.floats(0.0, 86_400.0)

clean_ops = st.one_of(
    st.tuples(st.just("advance"), st.floats(0.0, MAX_GAP - 0.5)),
    st.tuples(st.just("focus"), st.integers(0, len(FOCUSES) - 1).map(float)),
    st.tuples(st.just("dst"), st.sampled_from([-60.0, 60.0])),
)


@dataclass
class Session:
    """Drives a tracker from a FakeClock and checks every result as it comes."""

    day_start_hour: int
    start: float = 0.0  # seconds after FakeClock's default wall, to land anywhere in a day
    focus: Focus | None = APPS[0]
    last_input: float = 1000.0
    forced_idle: float | None = None
    locked: bool = False
    asleep: bool = False
    wall_went_back: bool = False
    set_back: float = 0.0  # seconds the wall clock was stepped back, in all
    set_back_far: bool = False  # further than the tracker keeps recorded time from (1 h)
    final: list[Interval] = field(default_factory=list)
    keys: set[tuple[int, int]] = field(default_factory=set)
    countable: float = 0.0  # monotonic time with something (possibly idle) in front
    exact: dict[str, float] = field(default_factory=dict)  # fault-free expectation
    prev: Sample | None = None

    def __post_init__(self) -> None:
        self.clock = FakeClock(FakeClock().wall + self.start)
        self.tracker = ActivityTracker(
            idle_after=IDLE_AFTER,
            day_start_hour=self.day_start_hour,
            max_gap=MAX_GAP,
            step_tolerance=STEP_TOLERANCE,
        )

    def apply(self, op: Op) -> None:
        name, arg = op
        clock = self.clock
        if name == "advance":
            clock.advance(arg)
        elif name == "focus":
            self.focus = FOCUSES[int(arg)]
        elif name == "input":
            self.last_input = clock.monotonic
            self.forced_idle = None
        elif name == "idle_value":
            self.forced_idle = arg
        elif name == "lock":
            self.locked = not self.locked
        elif name == "sleep":  # the system says it goes to sleep, or that it woke
            self.asleep = not self.asleep
        elif name == "suspend":
            clock.suspend(arg)
        elif name == "step":
            clock.step_wall(arg)
            self.wall_went_back |= arg < 0
            self.set_back += max(0.0, -arg)
            self.set_back_far |= self.set_back > MAX_SET_BACK_SHIFT_S - 2 * STEP_TOLERANCE
        elif name == "dst":
            clock.set_offset(clock.utc_offset_min + int(arg))
        elif name == "zone":
            clock.set_offset(int(arg))
        elif name == "close":
            self.close()
            return
        elif name == "stale":  # a sample from before the previous one: must change nothing
            now = clock.now()
            old = Instant(now.wall - arg, now.monotonic - arg, now.boot - arg, now.utc_offset_min)
            if self.prev is not None and old.monotonic < self.prev.at.monotonic:
                before = self.tracker.running()
                assert self.tracker.feed(Sample(old, self.focus, 0.0, self.locked)) == []
                assert self.tracker.running() == before
            return
        self.sample()

    def close(self) -> None:
        now = self.clock.now()
        self.count_until(now.monotonic)
        self.take(self.tracker.close(now))
        self.prev = None

    def count_until(self, monotonic: float) -> None:
        prev = self.prev
        if prev is not None:
            d_mono = monotonic - prev.at.monotonic
            if (
                0.0 <= d_mono <= MAX_GAP
                and prev.focus is not None
                and not prev.locked
                and not prev.asleep
            ):
                self.countable += d_mono
                key = prev.focus.app_key
                self.exact[key] = self.exact.get(key, 0.0) + d_mono

    def sample(self) -> None:
        now = self.clock.now()
        idle = (
            self.forced_idle
            if self.forced_idle is not None
            else max(0.0, now.monotonic - self.last_input)
        )
        sample = Sample(now, self.focus, idle, self.locked, self.asleep)
        self.count_until(now.monotonic)
        self.take(self.tracker.feed(sample))
        self.prev = sample
        self.check_running()
        running = self.tracker.running()
        if running:  # the growing piece is placed by the wall clock of this moment
            assert running[-1].utc_offset_min == now.utc_offset_min
            # ... or later by at most what the clock was set back (never over recorded time)
            late = running[-1].end_ms - now.wall * 1000
            slack = 2 * STEP_TOLERANCE * 1000 + 1
            assert -slack <= late <= slack + self.set_back * 1000

    def take(self, pieces: list[Interval]) -> None:
        for piece in pieces:
            check_piece(piece, self.day_start_hour)
            key = (piece.segment, piece.start_ms)
            assert key not in self.keys, f"piece emitted twice: {piece}"
            self.keys.add(key)
            same_run = [p for p in self.final if p.segment == piece.segment]
            if same_run:
                assert same_run[-1].end_ms == piece.start_ms, "a run's pieces must be contiguous"
            self.final.append(piece)

    def check_running(self) -> None:
        running = self.tracker.running()
        assert len(running) <= 2
        for piece in running:
            check_piece(piece, self.day_start_hour)
            assert (piece.segment, piece.start_ms) not in self.keys
            for done in self.final:
                # the wall clock set back (up to an hour) never places time over recorded time
                if done.segment == piece.segment or not self.set_back_far:
                    assert not overlaps(done, piece), f"running {piece} overlaps final {done}"
        if len(running) == 2:
            assert running[0].segment == running[1].segment
            assert running[0].end_ms == running[1].start_ms

    def check_totals(self) -> None:
        counted_ms = sum(p.end_ms - p.start_ms for p in self.final)
        slack_ms = len(self.final)  # rounding to whole ms, at most 1 ms per piece
        assert counted_ms <= self.countable * 1000 + slack_ms
        if not self.set_back_far:  # also when the wall clock went back (up to an hour)
            ordered = sorted(self.final, key=lambda p: p.start_ms)
            for a, b in zip(ordered, ordered[1:], strict=False):
                assert a.end_ms <= b.start_ms, f"{a} overlaps {b}"


def overlaps(a: Interval, b: Interval) -> bool:
    return a.start_ms < b.end_ms and b.start_ms < a.end_ms


def check_piece(piece: Interval, day_start_hour: int) -> None:
    assert piece.start_ms < piece.end_ms
    assert local_date_of(piece.start_ms, piece.utc_offset_min, day_start_hour) == piece.local_date
    _, day_end = day_bounds_ms(piece.local_date, piece.utc_offset_min, day_start_hour)
    assert piece.end_ms <= day_end


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day_start_hour=st.integers(0, 23), start=starts, script=st.lists(ops, max_size=60))
def test_random_sessions_keep_every_invariant(
    day_start_hour: int, start: float, script: list[Op]
) -> None:
    session = Session(day_start_hour, start)
    session.sample()
    for op in script:
        session.apply(op)
    session.close()
    assert session.tracker.running() == []
    session.check_totals()


@settings(max_examples=80, deadline=None)
@given(day_start_hour=st.integers(0, 23), start=starts, script=st.lists(clean_ops, max_size=60))
def test_fault_free_sessions_count_every_focused_second(
    day_start_hour: int, start: float, script: list[Op]
) -> None:
    session = Session(day_start_hour, start)
    session.sample()
    for op in script:
        session.apply(op)
        session.apply(("input", 0.0))  # someone is always typing
    session.take(session.tracker.close())
    counted: dict[str, int] = {}
    for piece in session.final:
        key = piece.focus.app_key
        counted[key] = counted.get(key, 0) + piece.end_ms - piece.start_ms
    assert set(counted) <= set(session.exact)
    for app, seconds in session.exact.items():
        assert abs(counted.get(app, 0) - seconds * 1000) <= len(session.final) + 1
    session.check_totals()


@settings(max_examples=60, deadline=None)
@given(
    day_start_hour=st.integers(0, 23),
    start=starts,
    script=st.lists(ops, max_size=40),
    flush_every=st.integers(1, 5),
)
def test_final_plus_last_running_never_double_counts(
    day_start_hour: int, start: float, script: list[Op], flush_every: int
) -> None:
    """What storage would hold (finals + the latest provisional rows) never repeats a moment."""
    session = Session(day_start_hour, start)
    session.sample()
    stored: dict[tuple[int, int], Interval] = {}
    provisional: set[tuple[int, int]] = set()
    for i, op in enumerate(script):
        session.apply(op)
        for piece in session.final:
            stored[(piece.segment, piece.start_ms)] = piece
        if i % flush_every == 0:
            for key in provisional - session.keys:
                del stored[key]  # replaced by this flush
            provisional = set()
            for piece in session.tracker.running():
                key = (piece.segment, piece.start_ms)
                stored[key] = piece
                provisional.add(key)
            if not session.set_back_far:  # also when the wall clock went back (up to an hour)
                ordered = sorted(stored.values(), key=lambda p: p.start_ms)
                for a, b in zip(ordered, ordered[1:], strict=False):
                    assert a.end_ms <= b.start_ms, f"{a} overlaps {b}"


# -- an exact reference -----------------------------------------------------------------
#
# Inputs may fall between samples, idle is what a real idle counter reports
# (now − last input), the screen may lock, focus and offset may change, and
# clear faults happen (suspend, wall step, gap). The reference decides, for
# every moment t, whether it counts, from the definitions alone:
#   (a) the sample before t has focus and is unlocked, and the sample after t
#       is unlocked (a lock ends use at the last unlocked sample) and follows
#       no fault;
#   (b) t is not in an idle stretch (between two inputs) that a sample saw
#       reach the threshold, unless use had already ended before that sample
#       looked: by a focus/offset change or lock at an earlier sample, or by a
#       fault at or before it.

SAFE_STEP = MAX_GAP - 0.5  # clear of the gap threshold whatever float rounding does

world_ops = st.one_of(
    st.tuples(st.just("advance"), st.floats(0.0, SAFE_STEP)),
    st.tuples(st.just("wait"), st.integers(1, 16).map(float)),
    st.tuples(st.just("focus"), st.integers(0, len(FOCUSES) - 1).map(float)),
    st.tuples(st.just("input_ago"), st.floats(0.0, 1.0)),
    st.tuples(st.just("lock"), st.floats(0.0, 1.0)),
    st.tuples(st.just("dst"), st.sampled_from([-60.0, 60.0])),
    *[st.tuples(st.just("use"), st.floats(0.0, 1.0))] * 4,  # mostly someone at work
    st.tuples(st.just("suspend"), st.floats(3.0, 5000.0)),
    st.tuples(st.just("step"), st.floats(3.0, 7200.0)),
    st.tuples(st.just("step"), st.floats(-7200.0, -3.0)),
    st.tuples(st.just("gap"), st.floats(16.0, 400.0)),
)
FAULTS = {"suspend", "step", "gap"}


@dataclass
class World:
    day_start_hour: int
    start: float
    session: Session = field(init=False)
    inputs: list[float] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    seen_input: list[float] = field(default_factory=list)  # each sample's last input
    fault: list[bool] = field(default_factory=list)  # a fault just before each sample

    def __post_init__(self) -> None:
        self.session = Session(self.day_start_hour, self.start)
        self.inputs.append(self.session.last_input)
        self.sample()

    def sample(self) -> None:
        self.session.sample()
        self.record()

    def record(self, fault: bool = False) -> None:
        sample = self.session.prev
        assert sample is not None
        running = self.session.tracker.running()
        if len(running) == 2:  # the earlier day may only stay open while no input was seen after it
            last_input_ms = round((sample.at.wall - sample.idle_seconds) * 1000)
            assert running[0].end_ms > last_input_ms - 2
        self.samples.append(sample)
        self.seen_input.append(self.session.last_input)
        self.fault.append(fault)

    def apply(self, op: Op) -> None:
        name, arg = op
        clock = self.session.clock
        if name == "wait":  # nobody touches anything: samples far apart
            for _ in range(int(arg)):
                clock.advance(SAFE_STEP)
                self.sample()
            return
        if name in ("input_ago", "use"):  # an input somewhere since the last sample
            if name == "use":
                clock.advance(SAFE_STEP * arg)
            since = clock.monotonic - self.samples[-1].at.monotonic
            at = clock.monotonic - arg * since
            self.inputs.append(at)
            self.session.last_input = at
            self.sample()
            return
        if name == "gap":
            self.session.apply(("advance", arg))
        elif name == "lock":  # some time passes, then the lock state flips
            clock.advance(SAFE_STEP * arg)
            self.session.apply(("lock", 0.0))
        else:
            self.session.apply(op)
        self.record(fault=name in FAULTS)

    def expected_ms(self) -> dict[str, float]:
        points = sorted({s.at.monotonic for s in self.samples} | set(self.inputs))
        points = [p for p in points if p <= self.samples[-1].at.monotonic]
        totals: dict[str, float] = {}
        for a, b in zip(points, points[1:], strict=False):
            focus = self.focus_counted_at((a + b) / 2)
            if focus is not None:
                totals[focus.app_key] = totals.get(focus.app_key, 0.0) + (b - a) * 1000
        return totals

    def focus_counted_at(self, t: float) -> Focus | None:
        samples = self.samples
        i = max(k for k, s in enumerate(samples) if s.at.monotonic < t)
        before, after = samples[i], samples[i + 1]
        if before.focus is None or before.locked or after.locked or self.fault[i + 1]:
            return None
        last_in = max(u for u in self.inputs if u < t)
        for k, s in enumerate(samples):
            if self.seen_input[k] != last_in or s.idle_seconds < IDLE_AFTER:
                continue  # not a sample that saw this stretch reach the threshold
            if s.at.monotonic < t:
                return None  # away already when t came
            for j in range(i + 1, k + 1):
                if self.fault[j]:
                    return before.focus  # use had ended at the fault
                other = samples[j]
                if j < k and (
                    other.locked
                    or other.focus != before.focus
                    or other.at.utc_offset_min != before.at.utc_offset_min
                ):
                    return before.focus  # use had ended before anyone noticed the idle
            return None
        return before.focus


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    day_start_hour=st.integers(0, 23),
    near_boundary=st.floats(-900.0, 300.0),
    script=st.lists(world_ops, max_size=40),
)
def test_counted_time_matches_the_reference_exactly(
    day_start_hour: int, near_boundary: float, script: list[Op]
) -> None:
    t0 = FakeClock().wall
    boundary = next_day_start_ms(round(t0 * 1000), 0, day_start_hour) / 1000
    world = World(day_start_hour, boundary - t0 + near_boundary)
    for op in script:
        world.apply(op)
    session = world.session
    session.take(session.tracker.close())
    counted: dict[str, float] = {}
    for piece in session.final:
        key = piece.focus.app_key
        counted[key] = counted.get(key, 0) + piece.end_ms - piece.start_ms
    expected = world.expected_ms()
    slack = 2 * len(session.final) + 1  # whole-ms rounding of each run's ends
    for app in set(counted) | set(expected):
        assert abs(counted.get(app, 0.0) - expected.get(app, 0.0)) <= slack, app
    session.check_totals()
