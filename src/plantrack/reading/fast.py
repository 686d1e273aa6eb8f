"""A plan's data read straight from its lines, for the block-style YAML plantrack writes.

Building the positioned node tree from libyaml's events costs a Python object for every
event and every node: for 10,000 items, seconds. A command that only reads a plan needs
the data alone, and a plan as plantrack writes it (and as people write it by hand, mostly)
is a small part of YAML: block mappings and lists, one-line plain and quoted scalars, and
small flow collections in ledger entries. Those are read here, line by line, each scalar
resolved exactly as the full reader resolves it. Anything else — a comment after a value,
a block or multi-line scalar, an anchor, a tag, a tab, a duplicate key, a character YAML
does not allow, anything this reader is unsure of — gives None, and the caller takes the
full reader, which also locates every problem. A value this reader accepts is the value
the full reader gives: same keys, same order, same types.
"""

from __future__ import annotations

import re
from typing import Any

from plantrack.reading.scalars import always_text, plain_value

# Characters the full reader treats in ways this one does not: those YAML refuses or counts
# as line breaks, tabs, carriage returns, byte-order marks.
_UNSURE_TEXT = re.compile(
    "[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A key as plantrack writes one: a word, then `:` and the end of the line or a space.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*)|)$")
# A line: its indent, a list entry's dash, and a key with its value or anything else.
_LINE = re.compile(r"^( *)(- )?(?:([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?|(.*))$", re.MULTILINE)
# The first characters of a value that are not the start of a plain scalar, or that start
# something this reader leaves to the full one.
_NOT_PLAIN = frozenset("&*!|>%@`#'\"{[]},?:-")
_FLOW_TOKEN = re.compile(r" *([\[\]{},]|[^\[\]{},]*)")
# More nesting than a plan has: left to the full reader, which counts depth exactly.
_MAX_DEPTH = 32
_MAX_KEYS = 1_000


class _Unsure(Exception):
    """The text has something this reader leaves to the full reader."""


def read_data(text: str) -> dict[str, Any] | None:
    """The plan's data (a mapping at the top), or None if the full reader must read it."""
    if _UNSURE_TEXT.search(text) is not None:
        return None
    try:
        root = _read(text)
    except (_Unsure, ValueError, OverflowError, IndexError, RecursionError):
        return None
    return root or None  # no document, or an empty mapping: the full reader says which


def _read(text: str) -> dict[str, Any] | None:
    root: dict[str, Any] = {}
    # Each open collection: (indent of its keys or dashes, the collection)
    stack: list[tuple[int, Any]] = [(0, root)]
    # A key whose value starts on the next lines: (mapping, key, the key's indent)
    pending: tuple[dict[str, Any], str, int] | None = None
    # Short values repeat (dates, owners, statuses, a ledger's changes): each is read once,
    # and places with the same text share one value (the data is only read, never changed,
    # before it is validated into new objects). Keys are checked once.
    memo: dict[str, Any] = {}
    keys: set[str] = set()
    for spaces, dash, key, value, other in _LINE.findall(text):
        if not (key or dash):
            if not other or other[0] == "#":
                continue  # a blank line or a comment
            raise _Unsure  # a continuation line, a document marker…
        indent = len(spaces)
        if pending is not None:
            mapping, pending_key, key_indent = pending
            pending = None
            if dash and indent >= key_indent:
                child: Any = []
                mapping[pending_key] = child
                stack.append((indent, child))
            elif indent > key_indent:
                child = {}
                mapping[pending_key] = child
                stack.append((indent, child))
            if len(stack) > _MAX_DEPTH:
                raise _Unsure
        while stack[-1][0] > indent or (
            stack[-1][0] == indent and not dash and type(stack[-1][1]) is list
        ):
            stack.pop()
            if not stack:
                raise _Unsure
        top_indent, top = stack[-1]
        if top_indent != indent:
            raise _Unsure  # indentation the full reader must judge
        if dash:
            if type(top) is not list:
                raise _Unsure
            if not key:
                if not other or other[0] == " ":
                    raise _Unsure
                top.append(_value(other))
                continue
            mapping = {}
            top.append(mapping)
            indent += 2
            stack.append((indent, mapping))
            if len(stack) > _MAX_DEPTH:
                raise _Unsure
        else:
            if type(top) is list:
                raise _Unsure
            mapping = top
        if key not in keys:
            if plain_value(key) is not key:
                raise _Unsure  # a key that is not text: `null:`, `yes:`
            keys.add(key)
        if key in mapping or len(mapping) >= _MAX_KEYS:
            raise _Unsure  # a duplicate, or a mapping of junk keys
        if value:
            found = memo.get(value, memo)
            if found is memo:
                found = _value(value)
                if len(value) <= 64:
                    memo[value] = found
            mapping[key] = found
        else:
            mapping[key] = None
            pending = (mapping, key, indent)
    return root


def _value(text: str) -> Any:
    """A value written after `key: ` or `- `, up to the end of its line."""
    text = text.rstrip(" ")
    first = text[0]
    if first not in _NOT_PLAIN:
        if ": " in text or " #" in text or text[-1] == ":":
            raise _Unsure
        return text if always_text(first) else plain_value(text)
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Unsure
        return inner.replace("''", "'")
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            raise _Unsure  # escapes are the full reader's
        return inner
    if first in "{[":
        tokens = [token.rstrip(" ") for token in _FLOW_TOKEN.findall(text)]
        tokens = [token for token in tokens if token]
        value, end = _flow(tokens, 0)
        if end != len(tokens):
            raise _Unsure
        return value
    raise _Unsure


def _flow(tokens: list[str], at: int) -> tuple[Any, int]:
    """The flow collection or scalar starting at token `at`, and the token after it."""
    token = tokens[at]
    if token == "[":
        items: list[Any] = []
        at += 1
        while tokens[at] != "]":
            item, at = _flow(tokens, at)
            items.append(item)
            if tokens[at] == ",":
                at += 1
            elif tokens[at] != "]":
                raise _Unsure
        return items, at + 1
    if token == "{":
        mapping: dict[str, Any] = {}
        at += 1
        while tokens[at] != "}":
            found = _KEY_LINE.match(tokens[at])
            if found is None:
                raise _Unsure
            key, rest = found.groups()
            if key in mapping or plain_value(key) is not key:
                raise _Unsure
            if rest:  # `key: value` in one token
                mapping[key] = _flow_scalar(rest)
                at += 1
            else:
                mapping[key], at = _flow(tokens, at + 1)
            if tokens[at] == ",":
                at += 1
            elif tokens[at] != "}":
                raise _Unsure
        return mapping, at + 1
    if token in ",]}":
        raise _Unsure  # an empty entry: `[a, , b]`
    return _flow_scalar(token), at + 1


def _flow_scalar(text: str) -> Any:
    first = text[0]
    if first in _NOT_PLAIN or ":" in text or " #" in text:
        raise _Unsure
    return text if always_text(first) else plain_value(text)
