"""Where an X display is and how to be let in: the display name, its socket, its cookie.

:class:`DisplayAddress` reads ``$DISPLAY``'s forms (``:0``, ``:0.1``,
``unix:0``, ``host:10.0``, ``tcp/host:0``, a socket path such as XQuartz's
``/private/tmp/com.apple.launchd.x/org.xquartz:0``); :func:`connect` opens its
socket (a local display's file in ``/tmp/.X11-unix``, then Linux's abstract
socket of the same name, or TCP port 6000 + n); :func:`cookie_for` finds its
``MIT-MAGIC-COOKIE-1`` in the Xauthority file (``$XAUTHORITY``, else
``~/.Xauthority``), as Xlib and xcb do: an entry for this machine (or a
wildcard) and this display number. A server that wants no cookie (Xvfb
without ``-auth``, an X server that allows local users) gets none when the
file has none. Other methods (``XDM-AUTHORIZATION-1``) are not offered: no
desktop in use sets them up for local clients.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DisplayAddress", "XauthEntry", "connect", "cookie_for", "read_xauthority"]

_FAMILY_INTERNET = 0
_FAMILY_INTERNET6 = 6
_FAMILY_LOCAL = 256
_FAMILY_WILD = 65535
_MAGIC_COOKIE = b"MIT-MAGIC-COOKIE-1"
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True, slots=True)
class DisplayAddress:
    """An X display name taken apart.

    Attributes:
        name: the name as given.
        host: the host for TCP ("" for a local display).
        number: the display number, as written (``"0"``).
        screen: the screen number (0 unless the name says ``.n``).
        path: the socket file of a local display, None for TCP.
    """

    name: str
    host: str
    number: str
    screen: int
    path: str | None

    @classmethod
    def parse(cls, name: str) -> DisplayAddress:
        """Read a display name.

        Raises:
            ValueError: it is not one (no ``:n``, or a number that is not one).
        """
        rest = name
        protocol = ""
        head, slash, tail = rest.partition("/")
        if slash and head and ":" not in head:  # "tcp/host:0", "unix/:0"
            protocol, rest = head.lower(), tail
        host, colon, display = rest.rpartition(":")
        number, _, screen = display.partition(".")
        if not colon or not number.isdigit() or (screen and not screen.isdigit()):
            raise ValueError(f"{name!r} is not an X display name (such as :0)")
        if host.startswith("/"):  # the path of a socket file
            return cls(name, "", number, int(screen or 0), f"{host}:{number}")
        if host in ("", "unix") and protocol in ("", "unix", "local"):
            return cls(name, "", number, int(screen or 0), f"/tmp/.X11-unix/X{number}")
        return cls(name, host.strip("[]"), number, int(screen or 0), None)


def connect(address: DisplayAddress) -> socket.socket:
    """A connected socket to ``address``'s X server.

    Raises:
        OSError: nothing answers there (the first attempt's error).
    """
    if address.path is None:
        sock = socket.create_connection((address.host, 6000 + int(address.number)), timeout=10)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    paths = [address.path]
    if sys.platform.startswith("linux"):
        paths.append("\0" + address.path)  # the abstract socket Xorg and Xvfb also listen on
    first: OSError | None = None
    for path in paths:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
        except OSError as exc:
            sock.close()
            first = first or exc
            continue
        return sock
    assert first is not None
    raise first


@dataclass(frozen=True, slots=True)
class XauthEntry:
    """One entry of an Xauthority file."""

    family: int
    address: bytes
    number: bytes
    method: bytes
    data: bytes


def read_xauthority(path: Path) -> list[XauthEntry]:
    """The entries of the Xauthority file ``path`` (none if unreadable; a cut end ignored)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return []
    entries: list[XauthEntry] = []
    offset = 0
    while offset + 2 <= len(raw):
        (family,) = struct.unpack_from(">H", raw, offset)
        offset += 2
        fields: list[bytes] = []
        for _ in range(4):
            if offset + 2 > len(raw):
                return entries
            (size,) = struct.unpack_from(">H", raw, offset)
            offset += 2
            if offset + size > len(raw):
                return entries
            fields.append(raw[offset : offset + size])
            offset += size
        entries.append(XauthEntry(family, *fields))
    return entries


def cookie_for(
    address: DisplayAddress,
    sock: socket.socket | None = None,
    *,
    environ: dict[str, str] | None = None,
    hostname: str | None = None,
) -> tuple[bytes, bytes]:
    """(method, data) to send at set-up: the ``MIT-MAGIC-COOKIE-1`` for ``address``, or empty.

    Args:
        address: the display.
        sock: its connected socket (a remote TCP display's entry is found by its address).
        environ: the environment (``XAUTHORITY``, ``HOME``); default ``os.environ``.
        hostname: this machine's name; default :func:`socket.gethostname`.
    """
    env = os.environ if environ is None else environ
    file = env.get("XAUTHORITY") or (str(Path(env.get("HOME", "~")).expanduser() / ".Xauthority"))
    wanted = _families(address, sock, hostname or socket.gethostname())
    number = address.number.encode()
    for entry in read_xauthority(Path(file)):
        if entry.method != _MAGIC_COOKIE or entry.number not in (number, b""):
            continue
        if entry.family == _FAMILY_WILD or (entry.family, entry.address) in wanted:
            return entry.method, entry.data
    return b"", b""


def _families(
    address: DisplayAddress, sock: socket.socket | None, hostname: str
) -> set[tuple[int, bytes]]:
    """The (family, address) pairs an Xauthority entry for this display may be filed under."""
    local = {(_FAMILY_LOCAL, hostname.encode())}
    if address.path is not None or address.host in _LOOPBACK:
        return local
    out: set[tuple[int, bytes]] = set()
    if sock is not None:
        with contextlib.suppress(OSError, ValueError):
            peer = sock.getpeername()[0]
            if peer in _LOOPBACK:
                return local
            if ":" in peer:
                out.add((_FAMILY_INTERNET6, socket.inet_pton(socket.AF_INET6, peer)))
            else:
                out.add((_FAMILY_INTERNET, socket.inet_aton(peer)))
    return out
