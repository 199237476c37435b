"""IdentityCache order and eviction, and decoding identities and titles from property values."""

from __future__ import annotations

from wellbeing.platform.x11_identity import (
    IdentityCache,
    WindowIdentity,
    pid_from,
    title_from,
    wm_class_from,
)

STRING = 31  # the STRING atom


def ident(key: str) -> WindowIdentity:
    return WindowIdentity(
        pid=None, wm_class=(key, key), exe=None, app_key=key, app_name=key, icon=None
    )


def test_the_least_recently_looked_up_window_is_evicted_and_reported() -> None:
    evicted: list[int] = []
    cache = IdentityCache(on_evict=evicted.append, limit=2)
    cache.remember(1, ident("a"))
    cache.remember(2, ident("b"))
    assert cache.lookup(1) is not None  # 1 is now the most recent
    cache.remember(3, ident("c"))
    assert evicted == [2]
    assert len(cache) == 2
    assert cache.peek(2) is None


def test_peek_leaves_the_order_and_forget_reports_no_eviction() -> None:
    evicted: list[int] = []
    cache = IdentityCache(on_evict=evicted.append, limit=2)
    cache.remember(1, ident("a"))
    cache.remember(2, ident("b"))
    assert cache.peek(1) == ident("a")
    cache.remember(3, ident("c"))
    assert evicted == [1]
    cache.forget(3)
    cache.forget(99)
    assert evicted == [1]
    assert len(cache) == 1


def test_wm_class_and_pid_from_property_values() -> None:
    assert wm_class_from((8, b"xterm\0XTerm\0", STRING)) == ("xterm", "XTerm")
    assert wm_class_from(None) == ()
    assert wm_class_from((32, [1], 6)) == ()
    assert pid_from((32, [4242], 6)) == 4242
    assert pid_from((32, [], 6)) is None
    assert pid_from(None) is None


def test_title_prefers_net_wm_name_and_reads_mislabelled_string_as_utf8() -> None:
    assert title_from((8, "Ünï".encode(), 300), (8, b"old", STRING), string_atom=STRING) == "Ünï"
    assert title_from(None, (8, "café".encode(), STRING), string_atom=STRING) == "café"
    assert title_from(None, (8, b"caf\xe9", STRING), string_atom=STRING) == "café"  # Latin-1
    assert title_from(None, None, string_atom=STRING) == ""
