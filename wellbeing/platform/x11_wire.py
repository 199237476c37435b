"""A small X11 client: the dozen requests wellbeing makes, on a socket, in pure Python.

The X11 backend reads a few window properties, selects a few events, asks two
extensions (MIT-SCREEN-SAVER for idle time, X-Resource for a client's pid) and
sends two client messages. python-xlib did this before, but it defines a class
for every request, event and extension of the protocol: 1.9 MiB of the tray
app at rest, which issue 11 wants under 60 MiB. :class:`XConnection` speaks
the wire protocol (the X Window System Protocol, version 11) for just these
requests, with :mod:`.x11_auth` for the connection's name and cookie.

- Requests without a reply (event selection, ``SendEvent``) are buffered and go
  out with the next request that has one, or at :meth:`XConnection.flush`.
- Several requests with replies can be sent together and their replies read
  afterwards (:meth:`XConnection.get_properties`): one round trip.
- Events read along with replies are queued for :meth:`XConnection.next_event`;
  :meth:`XConnection.pending_events` reads what the socket holds without waiting.
- An error answering a request with a reply raises :class:`XError` from that
  request; an error for a request without one is logged at debug level.
- A connection that closes or fails raises :class:`ConnectionLost`.

Values are sent and read little-endian (the client names its byte order in the
first byte; the server converts). A lock makes one connection safe from
several threads.
"""

from __future__ import annotations

import contextlib
import logging
import select
import struct
import threading
from collections import deque
from collections.abc import Sequence
from typing import NamedTuple

from wellbeing.platform.x11_auth import DisplayAddress, connect, cookie_for

__all__ = [
    "ANY_PROPERTY_TYPE",
    "ATOM",
    "CARDINAL",
    "DESTROY_NOTIFY",
    "NO_EVENT_MASK",
    "PROPERTY_CHANGE_MASK",
    "PROPERTY_NOTIFY",
    "STRING",
    "STRUCTURE_NOTIFY_MASK",
    "SUBSTRUCTURE_NOTIFY_MASK",
    "SUBSTRUCTURE_REDIRECT_MASK",
    "WINDOW",
    "WM_CLASS",
    "WM_NAME",
    "ConnectionLost",
    "ConnectionRefused",
    "XConnection",
    "XError",
    "XEvent",
]

log = logging.getLogger("wellbeing.platform")

# Predefined atoms (protocol appendix B) and constants wellbeing uses.
ANY_PROPERTY_TYPE = 0
ATOM = 4
CARDINAL = 6
STRING = 31
WINDOW = 33
WM_CLASS = 67
WM_NAME = 39
NO_EVENT_MASK = 0
STRUCTURE_NOTIFY_MASK = 1 << 17
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
SUBSTRUCTURE_REDIRECT_MASK = 1 << 20
PROPERTY_CHANGE_MASK = 1 << 22
DESTROY_NOTIFY = 17
PROPERTY_NOTIFY = 28
CLIENT_MESSAGE = 33
_GENERIC_EVENT = 35
_CW_EVENT_MASK = 1 << 11

# Core request opcodes.
_CHANGE_WINDOW_ATTRIBUTES = 2
_GET_WINDOW_ATTRIBUTES = 3
_INTERN_ATOM = 16
_GET_PROPERTY = 20
_SEND_EVENT = 25
_GET_INPUT_FOCUS = 43
_QUERY_EXTENSION = 98
# Extension minor opcodes.
_SCREENSAVER_QUERY_INFO = 1
_XRES_QUERY_CLIENT_IDS = 4
_XRES_LOCAL_CLIENT_PID = 2

_ERROR_NAMES = {
    1: "BadRequest", 2: "BadValue", 3: "BadWindow", 4: "BadPixmap", 5: "BadAtom",
    8: "BadMatch", 9: "BadDrawable", 10: "BadAccess", 11: "BadAlloc", 14: "BadIDChoice",
    16: "BadLength", 17: "BadImplementation",
}  # fmt: skip


class XError(Exception):
    """The X server refused a request (``BadWindow`` when a window is gone, ...)."""

    def __init__(self, code: int, resource: int, major: int, minor: int) -> None:
        self.code = code
        self.resource = resource
        self.major = major
        self.minor = minor
        self.name = _ERROR_NAMES.get(code, f"error {code}")
        super().__init__(f"{self.name} (resource 0x{resource:x}, request {major}.{minor})")


class ConnectionLost(Exception):
    """The connection to the X server closed or failed."""


class ConnectionRefused(Exception):
    """The X server could not be reached or refused this client (the reason is the message)."""


class XEvent(NamedTuple):
    """An event as read: its type, its window and, for a property, which one."""

    kind: int
    window: int
    atom: int


PropertyValue = tuple[int, "bytes | tuple[int, ...]", int]
"""A property as read: (format, value, type atom); 8-bit values are bytes."""


class XConnection:
    """A connection to an X server, for the requests wellbeing makes.

    Args:
        name: the display name, such as ``":0"`` (``$DISPLAY``'s forms:
            ``[host]:display[.screen]``, ``unix:0``, ``tcp/host:0``).

    Attributes:
        root: the root window of the display's screen.

    Raises:
        ConnectionRefused: the name is not a display, nothing answers there, or
            the server refused this client (its reason is the message).
    """

    def __init__(self, name: str) -> None:
        try:
            address = DisplayAddress.parse(name)
        except ValueError as exc:
            raise ConnectionRefused(str(exc)) from exc
        try:
            self._sock = connect(address)
        except OSError as exc:
            raise ConnectionRefused(f"nothing answers there ({exc})") from exc
        self._lock = threading.RLock()
        self._out = bytearray()
        self._in = bytearray()
        self._sent = 0  # requests numbered so far (the server counts them too)
        self._awaited: dict[int, bytes | XError | None] = {}  # sequence -> reply when read
        self._events: deque[XEvent] = deque()
        self._extensions: dict[str, int | None] = {}
        self._closed = False
        try:
            self.root = self._set_up(address)
        except BaseException:
            self._sock.close()
            raise

    # -- set-up ------------------------------------------------------------------------------

    def _set_up(self, address: DisplayAddress) -> int:
        """The connection set-up (protocol section 8): send the cookie, read the screen's root."""
        kind, data = cookie_for(address, self._sock)
        self._sock.sendall(
            struct.pack("<BxHHHHxx", ord("l"), 11, 0, len(kind), len(data))
            + _padded(kind)
            + _padded(data)
        )
        try:
            head = self._recv_exactly(8)
            status, reason_length, _, _, length = struct.unpack("<BBHHH", head)
            body = self._recv_exactly(length * 4)
        except ConnectionLost as exc:
            raise ConnectionRefused(
                "the server closed the connection at once") from exc
        if status != 1:
            size = reason_length if status == 0 else len(body)
            reason = body[:size].decode("latin-1").strip() or "no reason given"
            raise ConnectionRefused(f"the server refused: {reason}")
        vendor_length, _, screens, formats = struct.unpack_from("<HHBB", body, 16)
        offset = 32 + _pad4(vendor_length) + 8 * formats
        if address.screen >= screens:
            raise ConnectionRefused(
                f"the server has no screen {address.screen}")
        for _ in range(address.screen):
            offset = _skip_screen(body, offset)
        return int(struct.unpack_from("<I", body, offset)[0])

    # -- the connection ----------------------------------------------------------------------

    def fileno(self) -> int:
        """The socket, for ``select()``: readable when the server sent something.

        Raises:
            ConnectionLost: the connection is closed.
        """
        self._check_open()
        return self._sock.fileno()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._sock.close()

    def flush(self) -> None:
        """Send the buffered requests."""
        with self._lock:
            self._send_buffered()

    def sync(self) -> None:
        """Wait until the server has handled every request sent (a ``GetInputFocus`` round trip)."""
        with self._lock:
            self._reply(self._request(struct.pack("<BxH", _GET_INPUT_FOCUS, 1), reply=True))

    def pending_events(self) -> int:
        """Read what the socket holds without waiting; how many events are queued."""
        with self._lock:
            self._check_open()
            while select.select([self._sock], [], [], 0)[0]:
                self._receive()
            return len(self._events)

    def next_event(self) -> XEvent:
        """The next event, waiting for one if none is queued."""
        with self._lock:
            while not self._events:
                self._send_buffered()
                self._receive()
            return self._events.popleft()

    # -- requests ----------------------------------------------------------------------------

    def intern_atom(self, name: str, *, only_if_exists: bool = False) -> int:
        """The atom named ``name`` (0 with ``only_if_exists`` when there is none)."""
        raw = name.encode("latin-1")
        request = struct.pack(
            "<BBHHxx", _INTERN_ATOM, only_if_exists, 2 + _pad4(len(raw)) // 4, len(raw)
        ) + _padded(raw)
        with self._lock:
            reply = self._reply(self._request(request, reply=True))
        return int(struct.unpack_from("<I", reply, 8)[0])

    def get_properties(
        self, window: int, wanted: Sequence[tuple[int, int, int]]
    ) -> list[PropertyValue | None]:
        """Several ``GetProperty`` requests sent together, then their replies: one round trip.

        Args:
            window: the window.
            wanted: (property atom, type or :data:`ANY_PROPERTY_TYPE`, length in 32-bit units).

        Returns:
            (format, value, type) per property, None where it is not set or of another type.

        Raises:
            XError: ``BadWindow`` and the like, from the first reply that has one.
        """
        with self._lock:
            sent = [
                self._request(
                    struct.pack("<BBHIIIII", _GET_PROPERTY, 0, 6, window, atom, kind, 0, length),
                    reply=True,
                )
                for atom, kind, length in wanted
            ]
            self._send_buffered()
            replies = [self._answer(sequence) for sequence in sent]
        out: list[PropertyValue | None] = []
        for reply in replies:
            if isinstance(reply, XError):
                raise reply
            out.append(_property_value(reply))
        return out

    def get_property(
        self, window: int, atom: int, kind: int, length: int
    ) -> PropertyValue | None:
        """One property, as :meth:`get_properties` reads it."""
        return self.get_properties(window, [(atom, kind, length)])[0]

    def select_events(self, window: int, mask: int) -> None:
        """Set which of ``window``'s events come to this client (buffered; errors logged)."""
        with self._lock:
            self._request(
                struct.pack("<BxHIII", _CHANGE_WINDOW_ATTRIBUTES, 4, window, _CW_EVENT_MASK, mask),
                reply=False,
            )

    def check_window(self, window: int) -> None:
        """Raise :class:`XError` (``BadWindow``) unless ``window`` exists."""
        with self._lock:
            self._reply(
                self._request(struct.pack("<BxHI", _GET_WINDOW_ATTRIBUTES, 2, window), reply=True)
            )

    def send_client_message(
        self, destination: int, window: int, message_type: int, data: Sequence[int], mask: int
    ) -> None:
        """``SendEvent`` of a 32-bit ``ClientMessage`` about ``window`` (buffered)."""
        values = [*data, 0, 0, 0, 0, 0][:5]
        event = struct.pack("<BBxxII5I", CLIENT_MESSAGE, 32, window, message_type, *values)
        with self._lock:
            self._request(
                struct.pack("<BBHII", _SEND_EVENT, 0, 11, destination, mask) + event, reply=False
            )

    def extension_opcode(self, name: str) -> int | None:
        """The major opcode of the extension ``name`` (asked once), None if the server lacks it."""
        with self._lock:
            if name not in self._extensions:
                raw = name.encode("latin-1")
                request = struct.pack(
                    "<BxHHxx", _QUERY_EXTENSION, 2 + _pad4(len(raw)) // 4, len(raw)
                ) + _padded(raw)
                reply = self._reply(self._request(request, reply=True))
                present, opcode = struct.unpack_from("<BB", reply, 8)
                self._extensions[name] = opcode if present else None
            return self._extensions[name]

    def idle_milliseconds(self) -> int:
        """MIT-SCREEN-SAVER's milliseconds since the last input (``QueryInfo`` on the root).

        Raises:
            XError: the server lacks the extension (check :meth:`extension_opcode` first).
        """
        opcode = self.extension_opcode("MIT-SCREEN-SAVER")
        if opcode is None:
            raise XError(1, 0, 0, _SCREENSAVER_QUERY_INFO)
        with self._lock:
            reply = self._reply(self._request(
                struct.pack("<BBHI", opcode, _SCREENSAVER_QUERY_INFO, 2, self.root), reply=True))
        return int(struct.unpack_from("<I", reply, 16)[0])

    def client_pid(self, window: int) -> int | None:
        """The pid of the client that made ``window``, from X-Resource (None if unknown)."""
        opcode = self.extension_opcode("X-Resource")
        if opcode is None:
            return None
        with self._lock:
            reply = self._reply(self._request(
                struct.pack("<BBHIII", opcode, _XRES_QUERY_CLIENT_IDS, 4, 1, window,
                            _XRES_LOCAL_CLIENT_PID),
                reply=True,
            ))
        (count,) = struct.unpack_from("<I", reply, 8)
        offset = 32
        for _ in range(count):
            _, mask, size = struct.unpack_from("<III", reply, offset)
            offset += 12
            if mask & _XRES_LOCAL_CLIENT_PID and size >= 4:
                return int(struct.unpack_from("<I", reply, offset)[0])
            offset += size
        return None

    # -- sending and receiving -----------------------------------------------------------------

    def _request(self, data: bytes, *, reply: bool) -> int:
        """Buffer one request; its sequence number. Replies are awaited by :meth:`_reply`."""
        self._check_open()
        self._out += data
        self._sent += 1
        if reply:
            self._awaited[self._sent] = None
        return self._sent

    def _reply(self, sequence: int) -> bytes:
        """Send what is buffered and wait for the reply to request ``sequence``.

        Raises:
            XError: the server answered with an error.
        """
        self._send_buffered()
        answer = self._answer(sequence)
        if isinstance(answer, XError):
            raise answer
        return answer

    def _answer(self, sequence: int) -> bytes | XError:
        """The reply to request ``sequence``, or the error it got, once read (already sent)."""
        while True:
            answer = self._awaited.get(sequence)
            if answer is not None:
                del self._awaited[sequence]
                return answer
            self._receive()

    def _check_open(self) -> None:
        if self._closed:
            raise ConnectionLost("the connection to the X server is closed")

    def _send_buffered(self) -> None:
        if not self._out:
            return
        try:
            self._sock.sendall(self._out)
        except OSError as exc:
            raise self._lost(exc) from exc
        self._out.clear()

    def _receive(self) -> None:
        """Read from the socket (waiting for data) and handle every whole packet read."""
        self._check_open()
        try:
            chunk = self._sock.recv(65536)
        except OSError as exc:
            raise self._lost(exc) from exc
        if not chunk:
            raise self._lost(None)
        self._in += chunk
        self._handle_packets()

    def _handle_packets(self) -> None:
        buffer = self._in
        start = 0
        while len(buffer) - start >= 32:
            kind = buffer[start] & 0x7F
            size = 32
            if kind == 1 or kind == _GENERIC_EVENT:
                size += 4 * int(struct.unpack_from("<I", buffer, start + 4)[0])
            if len(buffer) - start < size:
                break
            packet = bytes(buffer[start : start + size])
            start += size
            if kind == 0:
                self._on_error(packet)
            elif kind == 1:
                self._on_reply(packet)
            else:
                self._on_event(kind, packet)
        del buffer[:start]

    def _full_sequence(self, packet: bytes) -> int:
        """The request number a reply or error answers (the server sends its low 16 bits)."""
        low = int(struct.unpack_from("<H", packet, 2)[0])
        return self._sent - ((self._sent - low) & 0xFFFF)

    def _on_reply(self, packet: bytes) -> None:
        sequence = self._full_sequence(packet)
        if sequence in self._awaited:
            self._awaited[sequence] = packet

    def _on_error(self, packet: bytes) -> None:
        code, _, resource, minor, major = struct.unpack_from("<BHIHB", packet, 1)
        error = XError(code, resource, major, minor)
        sequence = self._full_sequence(packet)
        if sequence in self._awaited:
            self._awaited[sequence] = error
        else:
            log.debug("X error on a request without a reply (ignored): %s", error)

    def _on_event(self, kind: int, packet: bytes) -> None:
        if kind == PROPERTY_NOTIFY:
            window, atom = struct.unpack_from("<II", packet, 4)
        elif kind == DESTROY_NOTIFY:
            window, atom = int(struct.unpack_from("<I", packet, 8)[0]), 0
        else:
            window = atom = 0
        self._events.append(XEvent(kind, window, atom))

    def _recv_exactly(self, size: int) -> bytes:
        data = bytearray()
        while len(data) < size:
            try:
                chunk = self._sock.recv(size - len(data))
            except OSError as exc:
                raise self._lost(exc) from exc
            if not chunk:
                raise self._lost(None)
            data += chunk
        return bytes(data)

    def _lost(self, cause: OSError | None) -> ConnectionLost:
        self._closed = True
        with contextlib.suppress(OSError):
            self._sock.close()
        return ConnectionLost(str(cause) if cause else "the X server closed the connection")


def _property_value(reply: bytes) -> PropertyValue | None:
    fmt = reply[1]
    kind, _, count = struct.unpack_from("<III", reply, 8)
    if not kind:
        return None
    data = reply[32:]
    if fmt == 8:
        return 8, data[:count], kind
    if fmt == 16:
        return 16, struct.unpack_from(f"<{count}H", data), kind
    if fmt == 32:
        return 32, struct.unpack_from(f"<{count}I", data), kind
    return fmt, (), kind  # format 0: a type other than the one asked for


def _skip_screen(body: bytes, offset: int) -> int:
    """The offset after the SCREEN structure at ``offset`` (40 bytes and its depths)."""
    depths = body[offset + 39]
    offset += 40
    for _ in range(depths):
        (visuals,) = struct.unpack_from("<H", body, offset + 2)
        offset += 8 + 24 * visuals
    return offset


def _pad4(n: int) -> int:
    return (n + 3) & ~3


def _padded(data: bytes) -> bytes:
    return data + b"\0" * (_pad4(len(data)) - len(data))
