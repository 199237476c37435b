"""``core.i18n``: English by default; the installed translator otherwise, and back."""

from __future__ import annotations

from wellbeing.core import i18n


def test_english_unless_a_translator_is_installed() -> None:
    assert i18n.translate("Notices", "Still on {name}") == "Still on {name}"
    seen: list[tuple[str, str]] = []

    def german(context: str, source: str) -> str:
        seen.append((context, source))
        return "Immer noch bei {name}" if source == "Still on {name}" else source

    i18n.install(german)
    try:
        assert i18n.translate("Notices", "Still on {name}").format(name="x") == "Immer noch bei x"
        assert seen == [("Notices", "Still on {name}")]
    finally:
        i18n.install(None)
    assert i18n.translate("Notices", "Still on {name}") == "Still on {name}"
