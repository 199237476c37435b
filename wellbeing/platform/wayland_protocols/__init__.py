"""Python bindings of the Wayland protocols the wlroots backend speaks, generated, not written.

``wlr_foreign_toplevel_management_unstable_v1.py`` (v3, the active window),
``ext_idle_notify_v1.py`` and ``idle.py`` (KDE's older ``org_kde_kwin_idle``,
the only idle protocol sway 1.7 offers) were written by pywayland's scanner
(``pywayland 0.4.19``) and are committed unchanged, so neither the protocol XML
nor libwayland-dev is needed at run time or to install. To regenerate::

    python -m pywayland.scanner -o OUT -i /usr/share/wayland/wayland.xml \\
        wlr-foreign-toplevel-management-unstable-v1.xml \\
        /usr/share/plasma-wayland-protocols/idle.xml \\
        /usr/share/wayland-protocols/staging/ext-idle-notify/ext-idle-notify-v1.xml

(``wayland.xml`` is in Debian's libwayland-dev; the wlr XML is in the wlroots
sources; the scanner needs ``wayland.xml`` as input or fails with
``KeyError: 'wl_seat'``.) Then copy the three protocol modules here and leave
out the generated ``wayland.py``: :mod:`.wayland` instead re-exports
pywayland's own core classes, which the registry and the connection use.

Every module here imports pywayland, so import them only once it is known to
be installed (the wlroots backend does, lazily).
"""
