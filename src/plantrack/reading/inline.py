"""One-line values for the fast reader (`reading/fast.py`): plain and quoted scalars and
small flow collections, each resolved as the full reader resolves it, with its node.

A value this module is unsure of raises Unsure, and the file goes to the full reader.
"""

from __future__ import annotations

import re
from typing import Any

from plantrack.reading.scalars import STR_TAG, always_text, plain_tag, plain_value
from plantrack.reading.tree import MAX_KEYS, Node

# A key as plantrack writes one: a word, then `:` and the end of the line or a space.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*)|)$")
# The first characters of a value that are not the start of a plain scalar, or that start
# something this reader leaves to the full one.
_NOT_PLAIN = frozenset("&*!|>%@`#'\"{[]},?:-")
_FLOW_TOKEN = re.compile(r"( *)([\[\]{},]|[^\[\]{},]*)")
# libyaml takes a key only when its `:` is at most 1,024 characters after the key's start;
# a longer key is left to the full reader, which says what libyaml says of it.
MAX_KEY_LENGTH = 1_000
# More nesting than a ledger's changes have: left to the full reader.
_MAX_FLOW_DEPTH = 16

# Where a line is, for its nodes: (0-based line number, offset of the line's start).
Where = tuple[int, int]


class Unsure(Exception):
    """The text has something the fast reader leaves to the full reader."""


def value_of(text: str, where: Where | None, start: int) -> tuple[Any, Any]:
    """A value written after `key: ` or `- ` at `start`, up to the end of its line; with
    `where`, its node too."""
    text = text.rstrip(" ")
    first = text[0]
    if first in "{[":
        tokens, offsets = _tokens(text, start)
        value, node, end = _flow(tokens, offsets, 0, where, 0)
        if end != len(tokens):
            raise Unsure
        return value, node
    if first not in _NOT_PLAIN:
        if ": " in text or " #" in text or text[-1] == ":":
            raise Unsure
        value = raw = text
        style = None
        if not always_text(first):
            value = plain_value(text)
    elif first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise Unsure
        value = raw = inner.replace("''", "'")
        style = "'"
    elif first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            raise Unsure  # escapes are the full reader's
        value = raw = inner
        style = '"'
    else:
        raise Unsure
    if where is None:
        return value, None
    node = Node("scalar", where[0], start - where[1], start, start + len(text), value, raw, style)
    node.tag = plain_tag(raw) if style is None else STR_TAG
    return value, node


def _tokens(text: str, start: int) -> tuple[list[str], list[int]]:
    """A flow collection's brackets, commas and scalars, and the offset of each."""
    tokens, offsets = [], []
    at = start
    for spaces, token in _FLOW_TOKEN.findall(text):
        at += len(spaces)
        stripped = token.rstrip(" ")
        if stripped:
            tokens.append(stripped)
            offsets.append(at)
        at += len(token)
    return tokens, offsets


def _flow(
    tokens: list[str], offsets: list[int], at: int, where: Where | None, depth: int
) -> tuple[Any, Any, int]:
    """The flow collection or scalar starting at token `at` (with `where`, its node too),
    and the token after it."""
    if depth > _MAX_FLOW_DEPTH:
        raise Unsure
    token = tokens[at]
    node: Any = None
    if where is not None and token in ("[", "{"):
        start = offsets[at]
        kind = "sequence" if token == "[" else "mapping"
        node = Node(kind, where[0], start - where[1], start, start, [], "", None, True)
    if token == "[":
        items: list[Any] = []
        at += 1
        while tokens[at] != "]":
            item, item_node, at = _flow(tokens, offsets, at, where, depth + 1)
            items.append(item)
            if node is not None:
                node.value.append(item_node)
            if tokens[at] == ",":
                at += 1
            elif tokens[at] != "]":
                raise Unsure
        if node is not None:
            node.end = offsets[at] + 1
        return items, node, at + 1
    if token == "{":
        mapping: dict[str, Any] = {}
        at += 1
        while tokens[at] != "}":
            found = _KEY_LINE.match(tokens[at])
            if found is None:
                raise Unsure
            key, rest = found.groups()
            if (
                key in mapping
                or len(mapping) >= MAX_KEYS
                or len(key) > MAX_KEY_LENGTH
                or plain_value(key) is not key
            ):
                raise Unsure  # a duplicate, junk keys, a key libyaml refuses, not text
            key_node: Any = None
            if where is not None:
                key_at = offsets[at]
                key_node = Node(
                    "scalar", where[0], key_at - where[1], key_at, key_at + len(key), key, key
                )
                key_node.tag = STR_TAG
            if rest:  # `key: value` in one token
                rest_at = offsets[at] + len(tokens[at]) - len(rest)
                mapping[key], value_node = _flow_scalar(rest, where, rest_at)
                at += 1
            else:
                mapping[key], value_node, at = _flow(tokens, offsets, at + 1, where, depth + 1)
            if node is not None:
                node.value.append((key_node, value_node))
            if tokens[at] == ",":
                at += 1
            elif tokens[at] != "}":
                raise Unsure
        if node is not None:
            node.end = offsets[at] + 1
        return mapping, node, at + 1
    if token in ",]}":
        raise Unsure  # an empty entry: `[a, , b]`
    value, node = _flow_scalar(token, where, offsets[at])
    return value, node, at + 1


def _flow_scalar(text: str, where: Where | None, start: int) -> tuple[Any, Any]:
    first = text[0]
    if first in _NOT_PLAIN or ":" in text or " #" in text:
        raise Unsure
    value = text if always_text(first) else plain_value(text)
    if where is None:
        return value, None
    node = Node("scalar", where[0], start - where[1], start, start + len(text), value, text)
    node.tag = plain_tag(text)
    return value, node
