"""Explicit targets (``app:KEY``, ``site:DOMAIN``) are taken as written, used or not."""

from __future__ import annotations

import pytest

from wellbeing.core.limits import LimitError, LimitTarget, resolve_target


def test_an_explicit_app_not_used_yet_is_accepted() -> None:
    target = resolve_target("app:discord", apps=["firefox"], sites=[], categories=[])
    assert target == LimitTarget("app", "discord")


def test_a_bare_unknown_name_is_refused_with_close_matches() -> None:
    with pytest.raises(LimitError, match="did you mean firefox"):
        resolve_target("firefx", apps=["firefox"], sites=[], categories=[])
