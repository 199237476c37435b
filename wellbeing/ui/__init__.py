"""The PySide6 user interface: tray, dashboard and dialogs."""
