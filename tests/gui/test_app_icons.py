"""Apps are shown with the icon of their own .desktop entry; the letter badge only as fallback.

A temporary XDG data dir holds two .desktop files: one names its icon by an
absolute path, one by a theme name found in a temporary icon theme. The usage
list draws those icons (compared pixel for pixel with the files), and the
generated letter badge for an app without an entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from pytestqt.qtbot import QtBot

from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.ui import icons as icons_module
from wellbeing.ui.icons import IconProvider
from wellbeing.ui.usage_list import UsageListModel
from wellbeing.ui.viewmodels import Row


def square(path: Path, colour: str) -> None:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor(colour))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    apps = tmp_path / "share" / "applications"
    apps.mkdir(parents=True)
    square(tmp_path / "files" / "krita.png", "#ff0000")
    (apps / "org.kde.krita.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Krita\nExec=krita %F\n"
        f"Icon={tmp_path / 'files' / 'krita.png'}\n", encoding="utf-8")
    theme = tmp_path / "icons" / "hicolor"
    square(theme / "48x48" / "apps" / "wb-test-editor.png", "#0000ff")
    (theme / "index.theme").write_text(
        "[Icon Theme]\nName=Hicolor\nDirectories=48x48/apps\n\n[48x48/apps]\nSize=48\n"
        "Type=Fixed\n", encoding="utf-8")
    (apps / "gedit.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Text Editor\nExec=gedit\n"
        "Icon=wb-test-editor\n", encoding="utf-8")
    paths, name = QIcon.themeSearchPaths(), QIcon.themeName()
    QIcon.setThemeSearchPaths([str(tmp_path / "icons")])
    QIcon.setThemeName("hicolor")
    monkeypatch.setattr(icons_module, "_DESKTOP_INDEX", DesktopIndex([apps], ["C"]))
    yield tmp_path
    QIcon.setThemeSearchPaths(paths)
    QIcon.setThemeName(name)


def colour_of(icon: QIcon) -> str:
    return icon.pixmap(48, 48).toImage().pixelColor(24, 24).name()


def row(key: str, name: str) -> Row:
    return Row(key=key, name=name, seconds=60.0, time_text="1 min", share=0.5, fill=1.0,
               category=None, color=None, icon=None)


def test_the_list_shows_each_apps_own_icon(qtbot: QtBot, desktop: Path) -> None:
    model = UsageListModel(IconProvider(QPalette()))
    model.set_rows([row("krita", "Krita"), row("gedit", "Text Editor"),
                    row("some-tool", "Some Tool")])
    shown = [model.data(model.index(i), Qt.ItemDataRole.DecorationRole) for i in range(3)]
    assert colour_of(shown[0]) == "#ff0000"  # Icon=/path/krita.png, found by Exec=krita
    assert colour_of(shown[1]) == "#0000ff"  # Icon=wb-test-editor from the icon theme
    assert colour_of(shown[2]) not in ("#ff0000", "#0000ff", "#000000")  # the letter badge
