"""Display names taken apart, and the cookie found in an Xauthority file as xauth writes it."""

from __future__ import annotations

import socket
import struct
from pathlib import Path

import pytest

from wellbeing.platform.x11_auth import DisplayAddress, cookie_for, read_xauthority

COOKIE = bytes(range(16))


def entry(family: int, address: bytes, number: bytes, method: bytes, data: bytes) -> bytes:
    out = struct.pack(">H", family)
    for field in (address, number, method, data):
        out += struct.pack(">H", len(field)) + field
    return out


@pytest.mark.parametrize(
    ("name", "host", "number", "screen", "path"),
    [
        (":0", "", "0", 0, "/tmp/.X11-unix/X0"),
        (":12.1", "", "12", 1, "/tmp/.X11-unix/X12"),
        ("unix:3", "", "3", 0, "/tmp/.X11-unix/X3"),
        ("unix/:3", "", "3", 0, "/tmp/.X11-unix/X3"),
        ("localhost:10.0", "localhost", "10", 0, None),
        ("tcp/example.org:2", "example.org", "2", 0, None),
        ("[::1]:4", "::1", "4", 0, None),
        ("/private/tmp/com.apple.launchd.x/org.xquartz:0", "", "0", 0,
         "/private/tmp/com.apple.launchd.x/org.xquartz:0"),
    ],
)
def test_display_names(name: str, host: str, number: str, screen: int, path: str | None) -> None:
    address = DisplayAddress.parse(name)
    assert (address.host, address.number, address.screen, address.path) == (
        host, number, screen, path)


@pytest.mark.parametrize("name", ["", "0", ":", ":x", ":0.x", "host"])
def test_what_is_not_a_display_name_says_so(name: str) -> None:
    with pytest.raises(ValueError, match="is not an X display name"):
        DisplayAddress.parse(name)


def test_the_local_entry_of_this_display_is_chosen(tmp_path: Path) -> None:
    file = tmp_path / "Xauthority"
    file.write_bytes(
        entry(256, b"other-host", b"5", b"MIT-MAGIC-COOKIE-1", b"x" * 16)
        + entry(256, b"box", b"4", b"MIT-MAGIC-COOKIE-1", b"y" * 16)
        + entry(256, b"box", b"5", b"XDM-AUTHORIZATION-1", b"z" * 16)
        + entry(256, b"box", b"5", b"MIT-MAGIC-COOKIE-1", COOKIE)
    )
    env = {"XAUTHORITY": str(file)}
    found = cookie_for(DisplayAddress.parse(":5"), environ=env, hostname="box")
    assert found == (b"MIT-MAGIC-COOKIE-1", COOKIE)
    # localhost over TCP is this machine: the same entry
    assert cookie_for(DisplayAddress.parse("localhost:5"), environ=env, hostname="box") == found
    assert cookie_for(DisplayAddress.parse(":6"), environ=env, hostname="box") == (b"", b"")


def test_a_wildcard_entry_fits_any_host(tmp_path: Path) -> None:
    (tmp_path / ".Xauthority").write_bytes(entry(65535, b"", b"7", b"MIT-MAGIC-COOKIE-1", COOKIE))
    env = {"HOME": str(tmp_path)}  # no XAUTHORITY: the home directory's file
    found = cookie_for(DisplayAddress.parse(":7"), environ=env, hostname="anything")
    assert found == (b"MIT-MAGIC-COOKIE-1", COOKIE)


class _Peer:
    def __init__(self, address: str) -> None:
        self.address = address

    def getpeername(self) -> tuple[str, int]:
        return self.address, 6000


def test_a_remote_display_is_found_by_the_servers_address(tmp_path: Path) -> None:
    file = tmp_path / "Xauthority"
    file.write_bytes(
        entry(256, b"box", b"2", b"MIT-MAGIC-COOKIE-1", b"n" * 16)
        + entry(0, socket.inet_aton("192.0.2.7"), b"2", b"MIT-MAGIC-COOKIE-1", COOKIE)
    )
    env = {"XAUTHORITY": str(file)}
    address = DisplayAddress.parse("far.example:2")
    sock: socket.socket = _Peer("192.0.2.7")  # type: ignore[assignment]
    assert cookie_for(address, sock, environ=env, hostname="box") == (
        b"MIT-MAGIC-COOKIE-1", COOKIE)
    elsewhere: socket.socket = _Peer("192.0.2.8")  # type: ignore[assignment]
    assert cookie_for(address, elsewhere, environ=env, hostname="box") == (b"", b"")


def test_a_missing_or_cut_file_gives_what_it_can(tmp_path: Path) -> None:
    assert read_xauthority(tmp_path / "none") == []
    file = tmp_path / "cut"
    whole = entry(256, b"box", b"0", b"MIT-MAGIC-COOKIE-1", COOKIE)
    file.write_bytes(whole + whole[:9])
    entries = read_xauthority(file)
    assert len(entries) == 1
    assert (entries[0].family, entries[0].address, entries[0].data) == (256, b"box", COOKIE)
