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


def test_the_language_comes_from_the_environment() -> None:
    assert i18n.environment_language({"LANGUAGE": "de:en", "LANG": "fr_FR.UTF-8"}) == "de"
    assert i18n.environment_language({"LANG": "de_AT.UTF-8"}) == "de"
    assert i18n.environment_language({"LC_ALL": "C", "LANG": "es_ES"}) == "es"
    assert i18n.environment_language({"LC_ALL": "C.UTF-8", "LANG": "de_DE@euro"}) == "de"
    assert i18n.environment_language({"LANGUAGE": "", "LC_MESSAGES": "DE_CH"}) == "de"
    assert i18n.environment_language({"LANG": "C.UTF-8"}) is None
    assert i18n.environment_language({"LANG": "POSIX"}) is None
    assert i18n.environment_language({}) is None


def test_decimals_follow_the_installed_language() -> None:
    assert i18n.language() == "en"
    assert i18n.decimal(1.25, 1) == "1.2"
    assert i18n.decimal(0.5, 2, sign=True) == "+0.50"
    assert i18n.decimal(-1.0, 2, sign=True) == "-1.00"
    i18n.install(lambda context, source: source, "de")
    try:
        assert i18n.language() == "de"
        assert i18n.decimal(1.25, 1) == "1,2"
        assert i18n.decimal(0.5, 2, sign=True) == "+0,50"
    finally:
        i18n.install(None, "de")  # no translator: English, whatever the language says
    assert i18n.language() == "en"
    assert i18n.decimal(1.5, 1) == "1.5"
