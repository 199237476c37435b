"""The X11 backend's own protocol client against Xvfb: cookies, TCP, 16-bit sequence wrap,
property formats read as python-xlib reads them, and no python-xlib in the process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.integration.xhelpers import have, private_xvfb, xlib_display
from wellbeing.platform.x11_wire import (
    ANY_PROPERTY_TYPE,
    WINDOW,
    ConnectionRefused,
    XConnection,
    XError,
)

pytestmark = pytest.mark.x11

COOKIE = "0123456789abcdef0123456789abcdef"


def xauth(file: Path, display: str, cookie: str = COOKIE) -> None:
    subprocess.run(["xauth", "-q", "-f", str(file), "add", display, ".", cookie], check=True)


@contextmanager
def xvfb_with_cookie(tmp_path: Path, *extra: str) -> Iterator[str]:
    """An Xvfb that lets in only clients with :data:`COOKIE` (its ``-auth`` file)."""
    require_part(have("Xvfb", "xauth"), "Xvfb/xauth are not installed")
    server_file = tmp_path / "server-auth"
    xauth(server_file, ":0")  # the server takes every cookie in its file, whatever the display
    with private_xvfb("-auth", str(server_file), *extra) as display:
        yield display


def test_a_cookie_from_xauthority_lets_the_client_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with xvfb_with_cookie(tmp_path) as display:
        mine = tmp_path / "client-auth"
        xauth(mine, display)  # as a display manager writes it: this host, this display
        monkeypatch.setenv("XAUTHORITY", str(mine))
        with closing(XConnection(display)) as connection:
            assert connection.intern_atom("WM_PROTOCOLS") > 0

        wrong = tmp_path / "wrong-auth"
        xauth(wrong, display, "ff" * 16)
        monkeypatch.setenv("XAUTHORITY", str(wrong))
        with pytest.raises(ConnectionRefused, match="the server refused: .+"):
            XConnection(display)

        monkeypatch.setenv("XAUTHORITY", str(tmp_path / "none"))
        with pytest.raises(ConnectionRefused, match="the server refused: .+"):
            XConnection(display)


def test_a_display_over_tcp_on_this_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with xvfb_with_cookie(tmp_path, "-listen", "tcp") as display:
        mine = tmp_path / "client-auth"
        xauth(mine, display)
        monkeypatch.setenv("XAUTHORITY", str(mine))
        with closing(XConnection(f"localhost{display}")) as connection:
            assert connection.intern_atom("WM_PROTOCOLS") > 0


def test_replies_keep_their_requests_past_65536_requests(x_display: str) -> None:
    with closing(XConnection(x_display)) as connection:
        atom = connection.intern_atom("_WB_SEQUENCE_TEST")
        batch = [(atom, WINDOW, 1)] * 1000
        for _ in range(70):  # 70,000 requests: the 16-bit sequence wraps once
            assert connection.get_properties(connection.root, batch) == [None] * 1000
        assert connection.intern_atom("_WB_SEQUENCE_TEST") == atom
        connection.select_events(0x3FFFFF, 0)  # no reply: its BadWindow is only logged
        with pytest.raises(XError, match="BadWindow"):
            connection.get_property(0x3FFFFF, atom, ANY_PROPERTY_TYPE, 1)
        connection.sync()  # still in step
        assert connection.intern_atom("_WB_SEQUENCE_TEST", only_if_exists=True) == atom


def test_properties_read_as_python_xlib_reads_them(x_display: str) -> None:
    from Xlib import X, Xatom

    with xlib_display(x_display) as d, closing(XConnection(x_display)) as connection:
        window = d.screen().root.create_window(0, 0, 10, 10, 0, X.CopyFromParent)
        written = {
            "_WB_8": (Xatom.STRING, 8, "Grüße\0zwei".encode()),
            "_WB_16": (Xatom.INTEGER, 16, [1, 2, 65535]),
            "_WB_32": (Xatom.CARDINAL, 32, [7, 2**32 - 1, 0]),
        }
        for name, (kind, fmt, value) in written.items():
            window.change_property(d.intern_atom(name), kind, fmt, value)
        d.sync()
        for name, (kind, fmt, value) in written.items():
            theirs = window.get_property(d.intern_atom(name), X.AnyPropertyType, 0, 100)
            ours = connection.get_property(
                window.id, connection.intern_atom(name), ANY_PROPERTY_TYPE, 100)
            expected = value if isinstance(value, bytes) else tuple(value)
            assert ours == (fmt, expected, kind)
            assert ours[1] == (bytes(theirs.value) if fmt == 8 else tuple(theirs.value))
        # a type other than the one asked for: python-xlib and we both give no value
        other = connection.get_property(
            window.id, connection.intern_atom("_WB_32"), Xatom.STRING, 100)
        assert other is not None
        assert not other[1]
        window.destroy()
        d.sync()


def test_the_x11_backend_loads_no_python_xlib(x_display: str) -> None:
    code = (
        "import sys\n"
        "from wellbeing.platform.x11 import X11Probe\n"
        "from wellbeing.platform.x11_idle import X11IdleProbe\n"
        "probe = X11Probe()\n"
        "idle = X11IdleProbe(probe)\n"
        "probe.active_window(); idle.idle_seconds(); probe.window_actions().close()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('Xlib', 'six'))))\n"
    )
    env = {**os.environ, "DISPLAY": x_display}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == []
