"""A notification's body for a server that reads markup: escaped as html.escape does it."""

from __future__ import annotations

import html

import pytest

from wellbeing.platform.notify_dbus import escape_markup


@pytest.mark.parametrize("text", [
    "", "plain", "a < b && c > d", "&amp; stays escaped once more", "<b>bold</b>",
    "quotes \" and ' stay", "Ümlaute & emoji 🙂 <3",
])
def test_markup_is_escaped_as_html_escape_without_quotes(text: str) -> None:
    assert escape_markup(text) == html.escape(text, quote=False)
