"""``core.qm``: Qt's ``.qm`` files read without Qt; a damaged one is a clear ``QmError``.

What Qt's own ``QTranslator`` reads from the shipped file is compared message by
message in ``tests/gui/test_qm_reader.py``; here the files are built by hand:
with texts (as ``lrelease`` writes them), stripped (only the hash table tells
messages apart), cut short or damaged anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wellbeing.core import qm

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "resources" / "translations" / "wellbeing_de.qm"

Message = tuple[str, str, str, str | None]  # context, source, comment, translation


def field(tag: int, data: bytes) -> bytes:
    return bytes([tag]) + len(data).to_bytes(4, "big") + data


def build(messages: list[Message], *, strip: bool = False, language: str = "de_DE") -> bytes:
    """A ``.qm`` file as ``lrelease`` writes one (``strip``: translations and hashes only)."""
    records = []
    for context, source, comment, translation in messages:
        body = (field(3, translation.encode("utf-16-be")) if translation is not None
                else bytes([3]) + b"\xff\xff\xff\xff")
        if not strip:
            body += field(8, comment.encode()) + field(6, source.encode())
            body += field(7, context.encode())
        records.append((qm.elf_hash(source.encode(), comment.encode()), body + b"\x01"))
    records.sort(key=lambda record: record[0])
    hashes, block = b"", b""
    for h, body in records:
        hashes += h.to_bytes(4, "big") + len(block).to_bytes(4, "big")
        block += body
    return (qm.MAGIC + section(0x42, hashes) + section(0x69, block)
            + section(0xA7, language.encode()))


def section(tag: int, data: bytes) -> bytes:
    return field(tag, data)


MESSAGES: list[Message] = [
    ("Cli", "Downtime is off.", "", "Die Auszeit ist aus."),
    ("CliLimits", "Downtime is off.", "", "Auszeit aus."),
    ("Checkin", "today", "How was {day}?", "dein Tag heute"),
    ("Checkin", "today", "", "heute"),
    ("Cli", "Grüße {name}", "", "Grüße, {name} 👋"),
    ("Cli", "no translation", "", None),
]


@pytest.mark.parametrize("strip", [False, True])
def test_messages_are_found_by_context_source_and_comment(strip: bool) -> None:
    catalog = qm.QmCatalog(build(MESSAGES, strip=strip))
    assert catalog.language == "de_DE"
    assert catalog.lookup("Checkin", "today", "How was {day}?") == "dein Tag heute"
    assert catalog.lookup("Checkin", "today") == "heute"
    assert catalog.lookup("Cli", "Grüße {name}") == "Grüße, {name} 👋"
    assert catalog.lookup("Cli", "no translation") is None
    assert catalog.translate("Cli", "no translation") == "no translation"
    assert catalog.translate("Cli", "not in the file") == "not in the file"
    assert catalog.lookup("Checkin", "today", "another comment") == "heute"  # as Qt: then none
    if not strip:  # with texts kept, the context tells the two apart
        assert catalog.lookup("Cli", "Downtime is off.") == "Die Auszeit ist aus."
        assert catalog.lookup("CliLimits", "Downtime is off.") == "Auszeit aus."
        assert catalog.lookup("Other", "Downtime is off.") is None


def test_the_listing_says_what_the_file_keeps() -> None:
    kept = qm.QmCatalog(build(MESSAGES)).messages()
    assert {(m.context, m.source, m.comment, m.translations) for m in kept} == {
        (c, s, k, (t,)) for c, s, k, t in MESSAGES}
    stripped = qm.QmCatalog(build(MESSAGES, strip=True)).messages()
    assert {m.source for m in stripped} == {None}


def test_elf_hash_is_qts() -> None:
    # Values of Qt's elfHash (qtranslator.cpp), worked by hand; 0 becomes 1.
    assert qm.elf_hash(b"") == 1
    assert qm.elf_hash(b"a") == 0x61
    assert qm.elf_hash(b"ab") == 0x672
    assert qm.elf_hash(b"a", b"b") == qm.elf_hash(b"ab")
    assert qm.elf_hash(b"a\0zzz") == qm.elf_hash(b"a")
    long = qm.elf_hash(b"Time's up for {name}" * 4)
    assert 0 < long < 2**28  # the top four bits are folded back in


@pytest.mark.parametrize(("data", "says"), [
    (b"", "not a Qt translation"),
    (b"<TS version='2.1'></TS>", "not a Qt translation"),
    (qm.MAGIC[:10], "not a Qt translation"),
    (qm.MAGIC, "holds no translations"),
    (qm.MAGIC + b"\x42\x00", "cut short"),
    (qm.MAGIC + section(0x69, b"\x03\x00\x00\x00\x04ab"), "cut short"),
    (qm.MAGIC + section(0x69, b"\x03\x00\x00\x00\x03abc\x01"), "odd length"),
    (qm.MAGIC + section(0x69, b"\x07\x00\x00\x00\x02ab"), "has no end"),
    (qm.MAGIC + section(0x69, b"\x63\x01"), "unknown field"),
    (qm.MAGIC + section(0x42, b"\x00" * 7) + section(0x69, b"\x01"), "not a multiple of 8"),
    (qm.MAGIC + section(0x42, b"\x00\x00\x00\x01\x00\x00\x00\x05") + section(0x69, b"\x01"),
     "no message starts"),
    (qm.MAGIC + section(0xA7, b"\xff\xfe") + section(0x69, b"\x01"), "not UTF-8"),
])
def test_a_damaged_file_is_a_clear_error(data: bytes, says: str) -> None:
    with pytest.raises(qm.QmError, match=says):
        qm.QmCatalog(data, name="wellbeing_de.qm")


def test_the_shipped_file_cut_anywhere_is_an_error_or_what_is_left() -> None:
    data = SHIPPED.read_bytes()
    whole = qm.QmCatalog(data)
    errors = []
    for cut in [*range(0, 64), *range(64, len(data), 997), len(data) - 1]:
        try:
            catalog = qm.QmCatalog(data[:cut])
        except qm.QmError as exc:
            errors.append(str(exc))
        else:  # cut where a section ends: the sections before it stay usable
            assert len(catalog.messages()) <= len(whole.messages())
    assert len(errors) > 100
    assert [e for e in errors if not any(says in e for says in (
        "cut short", "not a Qt translation", "holds no translations"))] == []


def test_a_missing_or_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(qm.QmError, match="cannot be read"):
        qm.load(tmp_path / "wellbeing_xx.qm")
    with pytest.raises(qm.QmError, match="cannot be read"):
        qm.load(tmp_path)  # a folder


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_damage_is_a_qm_error_and_lookups_never_fail(data: st.DataObject) -> None:
    raw = bytearray(build(MESSAGES))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    try:
        catalog = qm.QmCatalog(bytes(raw))
    except qm.QmError:
        return
    for context, source, comment, _ in MESSAGES:
        found = catalog.lookup(context, source, comment)
        assert found is None or isinstance(found, str)
        assert isinstance(catalog.translate(context, source), str)
    assert isinstance(catalog.messages(), list)
