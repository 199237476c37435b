"""Qt's compiled translations (``.qm``) read without Qt: :func:`load`, :class:`QmCatalog`.

The command line must not import Qt (it starts fast and runs without a
display), yet it speaks the language of the ``.qm`` files that Qt's
``lrelease`` builds for the tray app. This module reads them in pure Python
and answers as ``QTranslator`` does; ``QmCatalog.translate`` is the
``translator(context, source)`` that :func:`wellbeing.core.i18n.install` takes.

The format (Qt's ``qtranslator.cpp`` reads it, ``lrelease``'s ``qm.cpp``
writes it): 16 magic bytes, then sections, each a tag byte, a 32-bit
big-endian length and that many bytes:

- ``Hashes`` (0x42): 8-byte records, sorted: the ELF hash of the source text
  (and comment), and where its message starts in ``Messages``.
- ``Messages`` (0x69): records of tagged fields, each ended by ``End`` (1):
  ``Translation`` (3, UTF-16BE; one per plural form; length 0xFFFFFFFF for
  none), ``SourceText`` (6), ``Context`` (7), ``Comment`` (8) (UTF-8), and
  ``Obsolete1`` (5, four bytes skipped).
- ``Contexts`` (0x2f, only with ``lrelease -compress``): a hash table of the
  contexts there are; a context not in it has no translations.
- ``NumerusRules`` (0x88), ``Dependencies`` (0x96), ``Language`` (0xa7).

A message is found as Qt finds it: by the hash of its source text, then by
the fields the message stores (``lrelease`` as ``make translations`` runs it
keeps source text, context and comment; a stripped file keeps only what tells
messages apart, and the lookup works on it the same way). Plural forms and the
``Dependencies`` section are not used: the callers pass no count, and our
files depend on no other.

A file that is not a ``.qm`` file, is cut short or has a malformed record
raises :class:`QmError` when loaded, never later and never anything else.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

__all__ = ["MAGIC", "QmCatalog", "QmError", "QmMessage", "elf_hash", "load"]

MAGIC = bytes((0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95,
               0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD))

# Section tags.
_CONTEXTS, _HASHES, _MESSAGES, _NUMERUS_RULES, _DEPENDENCIES, _LANGUAGE = (
    0x2F, 0x42, 0x69, 0x88, 0x96, 0xA7)
_SECTIONS = {_CONTEXTS: "Contexts", _HASHES: "Hashes", _MESSAGES: "Messages",
             _NUMERUS_RULES: "NumerusRules", _DEPENDENCIES: "Dependencies",
             _LANGUAGE: "Language"}
# Field tags inside a message.
_END, _TRANSLATION, _OBSOLETE1, _SOURCE_TEXT, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
_FIELDS = frozenset((_TRANSLATION, _SOURCE_TEXT, _CONTEXT, _COMMENT))
_NULL = 0xFFFFFFFF  # a Translation of this length is a null string


class QmError(ValueError):
    """The file is not a Qt ``.qm`` file, is cut short, or holds a malformed record."""


@dataclass(frozen=True)
class QmMessage:
    """One message as the file stores it; None where the file keeps no such field."""

    context: str | None
    source: str | None
    comment: str | None
    translations: tuple[str | None, ...]


class _Record(NamedTuple):
    """A message as stored: texts as UTF-8 bytes, translations as UTF-16BE bytes."""

    context: bytes | None
    source: bytes | None
    comment: bytes | None
    translations: tuple[bytes | None, ...]


def elf_hash(*parts: bytes) -> int:
    """Qt's ``elfHash`` of ``parts`` one after the other (each up to a NUL byte), never 0.

    The key of the ``Hashes`` section: ``elf_hash(source, comment)``.
    """
    h = 0
    for part in parts:
        for byte in part:
            if byte == 0:
                break
            h = ((h << 4) + byte) & 0xFFFFFFFF
            g = h & 0xF0000000
            if g:
                h ^= g >> 24
            h &= ~g & 0xFFFFFFFF
    return h or 1


def _utf16(raw: bytes | None) -> str | None:
    """A stored translation as text (a damaged one with replacement marks, never an error)."""
    return None if raw is None else raw.decode("utf-16-be", "replace")


def _same(stored: bytes, wanted: bytes) -> bool:
    """Qt's ``match``: equal, a stored trailing NUL not counted."""
    if stored.endswith(b"\0"):
        stored = stored[:-1]
    return stored == wanted


class QmCatalog:
    """The messages of one ``.qm`` file, looked up as ``QTranslator`` does."""

    def __init__(self, data: bytes, *, name: str = "the translation file") -> None:
        """Parse ``data`` (a whole ``.qm`` file); ``name`` is used in error messages.

        Raises:
            QmError: ``data`` is not a ``.qm`` file, is cut short, or is malformed.
        """
        self.name = name
        if data[:len(MAGIC)] != MAGIC:
            raise QmError(f"{name} is not a Qt translation (.qm) file")
        sections = self._sections(data)
        self.language = self._text(sections.get(_LANGUAGE, b""), "its language")
        self._contexts = sections.get(_CONTEXTS, b"")
        self._records = self._parse_messages(sections.get(_MESSAGES, b""))
        hashes = sections.get(_HASHES, b"")
        if len(hashes) % 8:
            raise QmError(f"{name} is damaged: its hash table is {len(hashes)} bytes, "
                          "not a multiple of 8")
        self._hashes = [int.from_bytes(hashes[i:i + 4], "big")
                        for i in range(0, len(hashes), 8)]
        self._offsets = [int.from_bytes(hashes[i + 4:i + 8], "big")
                         for i in range(0, len(hashes), 8)]
        if not self._records:
            raise QmError(f"{name} holds no translations")
        for offset in self._offsets:
            if offset not in self._records:
                raise QmError(f"{name} is damaged: its hash table points at byte {offset}, "
                              "where no message starts")
        self._cache: dict[tuple[str, str, str], str | None] = {}

    # -- reading -------------------------------------------------------------------

    def _sections(self, data: bytes) -> dict[int, bytes]:
        sections: dict[int, bytes] = {}
        pos = len(MAGIC)
        while pos < len(data):
            if len(data) - pos < 5:
                raise QmError(f"{self.name} is cut short (a section header at byte {pos})")
            tag = data[pos]
            length = int.from_bytes(data[pos + 1:pos + 5], "big")
            pos += 5
            if tag == 0 or length == 0:  # where Qt stops reading, too
                break
            if length > len(data) - pos:
                what = _SECTIONS.get(tag, f"section 0x{tag:02x}")
                raise QmError(f"{self.name} is cut short: its {what} needs {length} bytes, "
                              f"{len(data) - pos} are left")
            sections.setdefault(tag, data[pos:pos + length])
            pos += length
        return sections

    def _text(self, raw: bytes, what: str) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise QmError(f"{self.name} is damaged: {what} is not UTF-8") from None

    def _parse_messages(self, block: bytes) -> dict[int, _Record]:
        """Every message of the ``Messages`` section, by the offset where it starts."""
        records: dict[int, _Record] = {}
        size = len(block)
        pos = 0
        while pos < size:
            start = pos
            fields: dict[int, bytes] = {}
            translations: list[bytes | None] = []
            while True:
                if pos >= size:
                    raise QmError(f"{self.name} is cut short: the message at byte {start} "
                                  "has no end")
                tag = block[pos]
                if tag == _END:
                    pos += 1
                    break
                if tag == _OBSOLETE1:
                    pos += 5
                    continue
                if tag not in _FIELDS:
                    raise QmError(f"{self.name} is damaged: unknown field 0x{tag:02x} in the "
                                  f"message at byte {start}")
                if size - pos < 5:
                    raise QmError(f"{self.name} is cut short in the message at byte {start}")
                length = int.from_bytes(block[pos + 1:pos + 5], "big")
                pos += 5
                if tag == _TRANSLATION and length == _NULL:
                    translations.append(None)
                    continue
                if length > size - pos:
                    raise QmError(f"{self.name} is cut short: a field of the message at byte "
                                  f"{start} needs {length} bytes, {size - pos} are left")
                if tag == _TRANSLATION:
                    if length % 2:
                        raise QmError(f"{self.name} is damaged: a translation of the message "
                                      f"at byte {start} has an odd length")
                    translations.append(block[pos:pos + length])
                else:
                    fields[tag] = block[pos:pos + length]
                pos += length
            records[start] = _Record(fields.get(_CONTEXT), fields.get(_SOURCE_TEXT),
                                     fields.get(_COMMENT), tuple(translations))
        return records

    # -- looking up ----------------------------------------------------------------

    def messages(self) -> list[QmMessage]:
        """Every message, in the file's order (texts the file does not keep are None)."""

        def text(raw: bytes | None) -> str | None:
            return None if raw is None else raw.rstrip(b"\0").decode("utf-8", "replace")

        return [QmMessage(text(r.context), text(r.source), text(r.comment),
                          tuple(map(_utf16, r.translations)))
                for _, r in sorted(self._records.items())]

    def lookup(self, context: str, source: str, comment: str = "") -> str | None:
        """The translation, or None where ``QTranslator.translate`` gives a null string."""
        key = (context, source, comment)
        if key not in self._cache:
            self._cache[key] = self._find(context.encode(), source.encode(), comment.encode())
        return self._cache[key]

    def translate(self, context: str, source: str) -> str:
        """``source`` translated, or ``source`` itself (``QCoreApplication.translate``)."""
        found = self.lookup(context, source)
        return source if found is None else found

    def _find(self, context: bytes, source: bytes, comment: bytes) -> str | None:
        if self._contexts and not self._knows_context(context):
            return None
        while True:
            h = elf_hash(source, comment)
            at = bisect.bisect_left(self._hashes, h)
            while at < len(self._hashes) and self._hashes[at] == h:
                found = self._match(self._records[self._offsets[at]], context, source, comment)
                if found is not None:
                    return found
                at += 1
            if not comment:
                return None
            comment = b""  # as Qt does: then without the disambiguation

    @staticmethod
    def _match(record: _Record, context: bytes, source: bytes, comment: bytes) -> str | None:
        if record.source is not None and not _same(record.source, source):
            return None
        if record.context is not None and not _same(record.context, context):
            return None
        # As Qt: a stored comment that starts with a NUL byte matches any.
        if (record.comment is not None and not record.comment.startswith(b"\0")
                and not _same(record.comment, comment)):
            return None
        if not record.translations:
            return None
        return _utf16(record.translations[0])

    def _knows_context(self, context: bytes) -> bool:
        """The ``Contexts`` hash table (``lrelease -compress``) lists ``context``."""
        table = self._contexts
        if len(table) < 2:
            return False
        size = int.from_bytes(table[:2], "big")
        if size == 0:
            return False
        slot = 2 + 2 * (elf_hash(context) % size)
        offset = int.from_bytes(table[slot:slot + 2], "big")
        if offset == 0:
            return False
        pos = 2 + 2 * size + 2 * offset
        while pos < len(table):
            length = table[pos]
            pos += 1
            if length == 0:
                return False
            if _same(table[pos:pos + length], context):
                return True
            pos += length
        return False


def load(path: str | Path) -> QmCatalog:
    """The catalog of the ``.qm`` file at ``path``.

    Raises:
        QmError: it cannot be read, is not a ``.qm`` file, or is damaged.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QmError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    return QmCatalog(data, name=str(path))
