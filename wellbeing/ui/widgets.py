"""Small building blocks every window shares, so they all look alike.

``label`` (plain, muted, scaled), ``card`` (a raised rounded frame),
``segments`` (a segmented control of checkable buttons) and ``stylesheet``
(cards, muted text, segments and the primary button, in the palette's colours
and the font's sizes). The dashboard, the Limits page, the limit editor and the
"Time's up" window all draw through these.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from wellbeing.ui.theme import Metrics, card_color, is_dark, muted_text, scaled_font

K = TypeVar("K")


class PaletteStyler:
    """Re-styles ``widget`` through ``apply`` when its palette or font really changed.

    Setting a style sheet sends the widget a palette change of its own, synchronously,
    and for some palettes (a dark theme set on the application while the window
    exists) the colours it reports then flip between two values: without the
    re-entry guard the window would restyle itself until the stack runs out.
    ``apply`` is a method of ``widget``; both are held weakly, so the styler (an
    attribute of the widget) makes no reference cycle that outlives the window.
    """

    def __init__(self, widget: QWidget, apply: Callable[[QPalette], None]) -> None:
        self._widget = weakref.ref(widget)
        self._apply = weakref.WeakMethod(apply)
        self._styled_for: tuple[int, float] | None = None
        self._busy = False

    def __call__(self) -> None:
        widget, apply = self._widget(), self._apply()
        if self._busy or widget is None or apply is None:
            return
        palette = widget.palette()
        key = (palette.color(QPalette.ColorRole.Window).rgba(), widget.font().pointSizeF())
        if key == self._styled_for:
            return
        self._styled_for = key
        self._busy = True
        try:
            apply(palette)
        finally:
            self._busy = False


def label(text: str = "", name: str = "", *, muted: bool = False, scale: float = 1.0,
          bold: bool = False, wrap: bool = False) -> QLabel:
    """A label named ``name`` (also its accessible name), optionally muted, scaled, bold."""
    out = QLabel(text)
    out.setObjectName(name)
    out.setAccessibleName(name.replace("_", " "))
    out.setProperty("muted", muted)
    if scale != 1.0 or bold:
        out.setFont(scaled_font(out.font(), scale, bold=bold))
    out.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    out.setWordWrap(wrap)
    return out


def card(name: str) -> QFrame:
    """A raised, rounded frame (styled by :func:`stylesheet`)."""
    frame = QFrame()
    frame.setObjectName(name)
    frame.setProperty("card", True)
    return frame


def segment(text: str, name: str, group: QButtonGroup) -> QPushButton:
    """One checkable button of a segmented control."""
    button = QPushButton(text)
    button.setCheckable(True)
    button.setProperty("segment", True)
    button.setAccessibleName(name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    group.addButton(button)
    return button


def segments(
    choices: Sequence[tuple[K, str]],
    accessible: str,
    choose: Callable[[K], None],
    group: QButtonGroup,
    buttons: dict[K, QPushButton],
) -> QHBoxLayout:
    """A segmented control: one checkable button per (key, text); a click chooses the key.

    ``accessible`` names each button: ``"{} view"`` or ``"Show {lower}"``.
    """
    row = QHBoxLayout()
    row.setSpacing(0)
    for key, text in choices:
        button = segment(text, accessible.format(text, lower=text.lower()), group)
        button.clicked.connect(lambda _=False, k=key: choose(k))
        buttons[key] = button
        row.addWidget(button)
    return row


def primary(button: QPushButton) -> QPushButton:
    """Mark ``button`` as the one to press (accent background, see :func:`stylesheet`)."""
    button.setProperty("primary", True)
    button.setDefault(True)
    button.setAutoDefault(True)
    return button


def stylesheet(palette: QPalette, font: QFont, *, body: str = "body") -> str:
    """The shared style: ``body`` widget's background, cards, muted text, segments, primary."""
    m = Metrics.of(font)
    card = card_color(palette).name()
    muted = muted_text(palette).name()
    border = palette.color(QPalette.ColorRole.Mid).name()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    ring = (highlight.lighter(150) if is_dark(palette) else highlight.darker(150)).name()
    dot = round(m.line * 0.8)
    on, on_text = highlight.name(), palette.color(QPalette.ColorRole.HighlightedText).name()
    return f"""
        QWidget#{body} {{ background: palette(window); }}
        QFrame[card="true"] {{ background: {card}; border-radius: {m.radius}px; }}
        QFrame[card="true"] QListView {{ background: {card}; }}
        QLabel[muted="true"] {{ color: {muted}; }}
        QPushButton[segment="true"] {{
            padding: 0.25em 1.0em; border: 1px solid {border};
            background: palette(base); color: palette(button-text);
        }}
        QPushButton[segment="true"]:checked {{
            background: palette(highlight); color: palette(highlighted-text);
            border-color: palette(highlight);
        }}
        QPushButton[segment="true"]:focus {{ border: 2px solid palette(highlight); }}
        QPushButton[primary="true"] {{
            padding: 0.35em 1.2em; border-radius: {round(m.radius * 0.6)}px;
            border: 1px solid palette(highlight);
            background: palette(highlight); color: palette(highlighted-text);
        }}
        QPushButton[primary="true"]:focus {{ border: 2px solid {ring}; }}
        QRadioButton::indicator {{
            width: {dot}px; height: {dot}px; border-radius: {dot // 2 + 1}px;
            border: 1px solid {muted}; background: palette(base);
        }}
        QRadioButton::indicator:checked {{
            border-color: {on};
            background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
                stop:0 {on_text}, stop:0.32 {on_text}, stop:0.42 {on}, stop:1 {on});
        }}
        QRadioButton::indicator:focus {{ border: 2px solid {ring}; }}
        """
