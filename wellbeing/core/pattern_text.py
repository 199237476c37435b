"""What text must appear in any string a pattern matches (a cheap pre-filter for rules).

``regex_required_text`` and ``glob_required_text`` read a literal run off a
pattern; a title that lacks it cannot match, so the regex need not run.
"""

from __future__ import annotations

import re
from typing import Final


def fold_case(text: str) -> str:
    """Case-fold ``text`` so that every character ``re.IGNORECASE`` equates with an
    ASCII letter becomes that letter (casefold leaves only the dotless i out)."""
    return text.casefold().replace("\u0131", "i")


_GLOBAL_FLAGS: Final = re.compile(r"^\(\?([a-zA-Z]+)\)")
_QUANTIFIERS: Final = frozenset("*?{")


def regex_required_text(pattern: str) -> tuple[str, bool] | None:
    """Text that every match of a regex contains, found by reading the pattern.

    Returns ``(text, folded)`` (``folded``: the regex ignores case, so compare
    ``text`` with the case-folded value) or None when no such text is evident.
    Conservative: only literal characters at the top level of the pattern
    count; groups, classes, escapes like ``\\w`` and optional characters end a
    run, and a top-level ``|`` or an unusual flag gives up.
    """
    folded = False
    index = 0
    flags = _GLOBAL_FLAGS.match(pattern)
    if flags is not None:
        if set(flags.group(1)) - set("ims"):
            return None
        folded = "i" in flags.group(1)
        index = flags.end()
    best, run = "", ""
    while index < len(pattern):
        char = pattern[index]
        step = 1
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if escaped.isalnum() or escaped == "":
                if escaped in ("x", "u", "U", "N") or escaped.isdigit():
                    return _best(best, run, folded)
                best, run = _longer(best, run), ""
            else:
                run += escaped
            step = 2
        elif char == "|":
            return None
        elif char in "([":
            end = _skip_group(pattern, index) if char == "(" else _skip_class(pattern, index)
            if end < 0:
                return None
            best, run = _longer(best, run), ""
            step = end - index
        elif char in _QUANTIFIERS:
            best, run = _longer(best, run[:-1]), ""
        elif char in "+.^$)":
            best, run = _longer(best, run), ""
        else:
            run += char
        if char in _QUANTIFIERS or char == "+":
            step = _skip_quantifier(pattern, index)
        index += step
    return _best(best, run, folded)


def _best(best: str, run: str, folded: bool) -> tuple[str, bool] | None:
    text = _longer(best, run)
    if not text or (folded and not text.isascii()):
        return None
    return (text.casefold() if folded else text), folded


def _longer(first: str, second: str) -> str:
    return second if len(second) > len(first) else first


def _skip_quantifier(pattern: str, index: int) -> int:
    """Length of the quantifier at ``index`` with its lazy/possessive mark."""
    end = index + 1
    if pattern[index] == "{":
        close = pattern.find("}", index)
        end = close + 1 if close >= 0 else end
    if pattern[end : end + 1] in ("?", "+"):
        end += 1
    return end - index


def _skip_class(pattern: str, index: int) -> int:
    """Index just after the character class that opens at ``index``, or -1."""
    position = index + 1
    if pattern[position : position + 1] == "^":
        position += 1
    if pattern[position : position + 1] == "]":
        position += 1
    while position < len(pattern):
        if pattern[position] == "\\":
            position += 2
            continue
        if pattern[position] == "]":
            return position + 1
        position += 1
    return -1


def _skip_group(pattern: str, index: int) -> int:
    """Index just after the group that opens at ``index`` (nesting, escapes, classes), or -1."""
    depth, position = 0, index
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            position = _skip_class(pattern, position)
            if position < 0:
                return -1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return -1


def glob_required_text(pattern: str) -> tuple[str, bool] | None:
    """Case-folded text every match of a (case-insensitive) glob contains, or None."""
    if "[" in pattern:
        return None
    pieces = re.split(r"[*?]", pattern)
    return _best("", max(pieces, key=len), True)
