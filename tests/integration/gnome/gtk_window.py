"""A native Wayland GTK 3 window for the GNOME Shell tests (run with Debian's /usr/bin/python3).

    gtk_window.py APP_ID TITLE

GTK uses the program name as the Wayland app_id, so it is set before the
window opens. Prints "ready" once the window is mapped; exits on SIGTERM.
"""

import signal
import sys

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gtk  # noqa: E402

app_id, title = sys.argv[1], sys.argv[2]
GLib.set_prgname(app_id)
window = Gtk.Window(title=title)
window.set_default_size(320, 200)
window.connect("map-event", lambda *_: print("ready", flush=True))
window.connect("destroy", Gtk.main_quit)
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, Gtk.main_quit)
window.show_all()
Gtk.main()
