"""XConnection against a scripted X server on a socket: set-up, replies cut anywhere, errors.

The real protocol is checked against Xvfb in tests/integration/test_x11_wire.py;
here the server's bytes are chosen to reach what Xvfb would not send on demand.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from wellbeing.platform.x11_wire import (
    PROPERTY_NOTIFY,
    ConnectionLost,
    ConnectionRefused,
    XConnection,
    XError,
    XEvent,
)

Script = Callable[[socket.socket], None]


def setup_reply(roots: list[int]) -> bytes:
    """A successful connection set-up with one screen per root (each with one depth, one visual)."""
    vendor = b"Fake"
    body = struct.pack("<IIIIHHBBBBBBBB4x", 1, 0x200000, 0x1FFFFF, 0, len(vendor), 65535,
                       len(roots), 1, 0, 0, 32, 32, 8, 255)
    body += vendor + struct.pack("<BBB5x", 24, 32, 32)
    for root in roots:
        screen = bytearray(40)
        struct.pack_into("<I", screen, 0, root)
        screen[39] = 1  # one depth
        body += bytes(screen) + struct.pack("<BxHxxxx", 24, 1) + bytes(24)
    return struct.pack("<BxHHH", 1, 11, 0, len(body) // 4) + body


def read_setup(conn: socket.socket) -> bytes:
    head = recv_exactly(conn, 12)
    _, _, _, name_length, data_length = struct.unpack("<BxHHHHxx", head)
    return recv_exactly(conn, pad4(name_length) + pad4(data_length))


def recv_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def pad4(n: int) -> int:
    return (n + 3) & ~3


def reply(sequence: int, payload: bytes = b"", extra: bytes = b"") -> bytes:
    """A reply packet: 32 bytes (``payload`` from byte 8), then ``extra``."""
    head = struct.pack("<BxHI", 1, sequence, len(extra) // 4) + payload
    return head + bytes(32 - len(head)) + extra


def error(code: int, sequence: int, resource: int, major: int) -> bytes:
    return struct.pack("<BBHIHB21x", 0, code, sequence, resource, 0, major)


def property_notify(window: int, atom: int) -> bytes:
    return struct.pack("<BxHIII16x", PROPERTY_NOTIFY, 0, window, atom, 0)


@contextmanager
def fake_server(tmp_path: Path, script: Script, suffix: str = "") -> Iterator[str]:
    """A server on a socket file in ``tmp_path`` that runs ``script`` for one client."""
    path = tmp_path / "x:0"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(1)
    failures: list[BaseException] = []

    def serve() -> None:
        conn, _ = listener.accept()
        try:
            script(conn)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)
        finally:
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"{path}{suffix}"
    finally:
        thread.join(10)
        listener.close()
    assert not failures, failures


def test_a_refusal_gives_the_servers_reason(tmp_path: Path) -> None:
    reason = b"No protocol specified"

    def refuse(conn: socket.socket) -> None:
        read_setup(conn)
        conn.sendall(struct.pack("<BBHHH", 0, len(reason), 11, 0, 6) + reason.ljust(24, b"\0"))

    with fake_server(tmp_path, refuse) as name, pytest.raises(
        ConnectionRefused, match="the server refused: No protocol specified"
    ):
        XConnection(name)


def test_a_request_for_authentication_is_a_refusal(tmp_path: Path) -> None:
    def ask(conn: socket.socket) -> None:
        read_setup(conn)
        conn.sendall(struct.pack("<BxHHH", 2, 0, 0, 6) + b"Authorization required".ljust(24))

    with fake_server(tmp_path, ask) as name, pytest.raises(ConnectionRefused, match="required"):
        XConnection(name)


def test_the_screen_in_the_name_gives_its_root(tmp_path: Path) -> None:
    def two_screens(conn: socket.socket) -> None:
        read_setup(conn)
        conn.sendall(setup_reply([0x111, 0x222]))

    with fake_server(tmp_path, two_screens, ".1") as name:
        connection = XConnection(name)
        assert connection.root == 0x222
        connection.close()


def test_replies_cut_anywhere_and_events_and_errors_between_them(tmp_path: Path) -> None:
    def answer(conn: socket.socket) -> None:
        read_setup(conn)
        conn.sendall(setup_reply([0x100]))
        recv_exactly(conn, 16)  # ChangeWindowAttributes (request 1, no reply)
        recv_exactly(conn, 12)  # InternAtom "WB" (request 2)
        packets = (
            error(3, 1, 0xBAD, 2)  # BadWindow for request 1: logged, not raised
            + property_notify(0x100, 77)
            + reply(2, struct.pack("<I", 555))
        )
        for byte in packets:  # one byte at a time
            conn.sendall(bytes([byte]))
        recv_exactly(conn, 24)  # GetProperty (request 3)
        conn.sendall(error(3, 3, 0xDEAD, 20))

    with fake_server(tmp_path, answer) as name:
        connection = XConnection(name)
        connection.select_events(0xBAD, 0)
        assert connection.intern_atom("WB") == 555
        assert connection.pending_events() == 1
        assert connection.next_event() == XEvent(PROPERTY_NOTIFY, 0x100, 77)
        with pytest.raises(XError, match="BadWindow") as info:
            connection.get_property(0xDEAD, 1, 0, 1)
        assert info.value.resource == 0xDEAD
        connection.close()


def test_property_values_of_each_format(tmp_path: Path) -> None:
    def values(conn: socket.socket) -> None:
        read_setup(conn)
        conn.sendall(setup_reply([0x100]))
        recv_exactly(conn, 24 * 4)
        text = b"hello\0"
        conn.sendall(
            _property(1, 8, 31, text)
            + _property(2, 16, 19, struct.pack("<3H", 1, 2, 65535))
            + _property(3, 32, 6, struct.pack("<2I", 7, 2**32 - 1))
            + _property(4, 0, 0, b"")
        )

    with fake_server(tmp_path, values) as name:
        connection = XConnection(name)
        got = connection.get_properties(0x100, [(1, 0, 10)] * 4)
        assert got == [(8, b"hello\0", 31), (16, (1, 2, 65535), 19), (32, (7, 2**32 - 1), 6), None]
        connection.close()


def _property(sequence: int, fmt: int, kind: int, data: bytes) -> bytes:
    count = len(data) * 8 // fmt if fmt else 0
    padded = data + bytes(pad4(len(data)) - len(data))
    head = struct.pack("<BBHIIII", 1, fmt, sequence, len(padded) // 4, kind, 0, count)
    return head + bytes(32 - len(head)) + padded


def test_a_server_that_goes_away_is_a_lost_connection(tmp_path: Path) -> None:
    def leave(conn: socket.socket) -> None:
        read_setup(conn)
        conn.sendall(setup_reply([0x100]))
        recv_exactly(conn, 4)  # the sync's GetInputFocus; no answer, the connection closes

    with fake_server(tmp_path, leave) as name:
        connection = XConnection(name)
        with pytest.raises(ConnectionLost):
            connection.sync()
        with pytest.raises(ConnectionLost):
            connection.fileno()
        with pytest.raises(ConnectionLost):
            connection.pending_events()


def test_nothing_listening_is_a_refusal(tmp_path: Path) -> None:
    with pytest.raises(ConnectionRefused, match="nothing answers there"):
        XConnection(f"{tmp_path}/none:0")
    with pytest.raises(ConnectionRefused, match="not an X display name"):
        XConnection("no-colon")
