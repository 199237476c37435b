"""Fixtures for dashboard and tray tests: a realistic source, a model, palettes, German."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.gui.fakes import TODAY, FakeUsageSource, realistic_source
from wellbeing.ui.theme import dark_palette, light_palette
from wellbeing.ui.translation import install_translation
from wellbeing.ui.viewmodels import DashboardModel


@pytest.fixture
def source() -> FakeUsageSource:
    return realistic_source(TODAY, days=60)


@pytest.fixture
def model(source: FakeUsageSource) -> DashboardModel:
    return DashboardModel(source, lambda: TODAY)


@pytest.fixture(params=["light", "dark"])
def palette_mode(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Run a test under a light and under a dark application palette."""
    before = QPalette(qapp.palette())
    qapp.setPalette(light_palette() if request.param == "light" else dark_palette())
    yield str(request.param)
    qapp.setPalette(before)


#: Harmless notices of the offscreen platform plugin (it has no window manager to ask).
OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translation installed (and its locale), English again afterwards."""
    from wellbeing.core import i18n

    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    assert install_translation(qapp, "de") == "de"
    yield
    i18n.install(None)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    qapp.setProperty("wellbeing_translators", None)
    QLocale.setDefault(locale)
