"""Scalars as PyYAML's safe loader reads them, with the tags and sizes a plan refuses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.reading.tree import Node

# Beyond this an int cannot be turned back into digits (Python's 4,300-digit limit).
_MAX_INT_BITS = 10_000
_MAX_NUMBER_TEXT = 1_000
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}

_STR = "tag:yaml.org,2002:str"
STR_TAG = _STR
NULL_TAG = "tag:yaml.org,2002:null"
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}
# Explicit tags that only restate what a plain value already is; every other tag is refused.
PLAIN_TAGS = {_STR, *_CONSTRUCT}
COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# `<<` and `=` resolve to these; a plan has no use for merge keys, so they stay text.
_TEXT_TAGS = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


def check_anchor_and_tag(event: Any, node: Node, report: Any, allowed: set[str]) -> None:
    if event.anchor is not None:
        report(node, "yaml.anchor", "anchor", name=event.anchor)
    tag = event.tag
    if tag is not None and tag != "!" and tag not in allowed:
        report(node, "yaml.tag", "tag", tag=tag.replace("tag:yaml.org,2002:", "!!"))
        node.tag = "refused"


def scalar(node: Node, event: Any, report: Any) -> Node:
    """The node of a scalar event, its value resolved as PyYAML's safe loader resolves it."""
    text: str = event.value
    node.raw = text
    tag = event.tag
    if tag is not None or event.anchor is not None:
        check_anchor_and_tag(event, node, report, PLAIN_TAGS)
        if node.tag == "refused" or tag == "!":
            tag = _STR
    if tag is None:
        # Only a plain scalar is resolved; quoted text is text.
        tag = plain_tag(text) if event.implicit[0] else _STR
    node.tag = tag
    try:
        node.value = _construct(tag, text)
    except (ValueError, OverflowError) as error:
        is_date = tag.endswith("timestamp")
        shown = text if len(text) <= 40 else text[:39] + "…"
        report(
            node,
            "yaml.bad_date" if is_date else "yaml.bad_value",
            "bad-date" if is_date else "bad-value",
            text=shown,
            reason=_date_reason(text) if is_date else error,
        )
        node.value = text
        node.tag = "invalid"
    return node


def plain_value(text: str) -> Any:
    """The value of a plain scalar `text`, resolved and constructed as the safe loader
    does; ValueError or OverflowError when it cannot be (the full reader says why)."""
    if text.isascii() and text.isdigit() and (text[0] != "0" or text == "0") and len(text) < 19:
        return int(text)  # what the int resolver and constructor make of it, without them
    return _construct(plain_tag(text), text)


def always_text(first: str) -> bool:
    """Whether every plain scalar starting with `first` is text, whatever follows."""
    return _FIRST_DECIDES and first not in _IMPLICIT_FIRST


def plain_tag(text: str) -> str:
    """The tag YAML's implicit resolvers give the plain scalar `text`."""
    if _FIRST_DECIDES and text and text[0] not in _IMPLICIT_FIRST:
        # Only the resolvers of its first character look at a text: one starting with a
        # Chinese character (most of a plan) has none.
        return _STR
    tag = _RESOLVED.get(text)
    if tag is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if len(text) <= 32 and len(_RESOLVED) < 4096:
            _RESOLVED[text] = tag
    return tag


def _construct(tag: str, text: str) -> Any:
    construct = _CONSTRUCT.get(tag)
    if construct is None:  # str, and merge/value keys read as the text they are
        return text
    known = _CONSTRUCTED.get((tag, text))
    if known is not None:
        return known
    if tag in _NUMBER_TAGS and len(text) > _MAX_NUMBER_TEXT:
        # PyYAML's big-integer arithmetic on `1:1:1:…` takes seconds; no plan needs this.
        raise ValueError(t("yaml.number_too_long"))
    value = construct(yaml.ScalarNode(tag, text))
    if type(value) is int and value.bit_length() > _MAX_INT_BITS:
        # `0x` or `1:2:3…` with thousands of digits: Python could not even print it.
        raise ValueError(t("yaml.number_too_long"))
    if len(text) <= 32 and len(_CONSTRUCTED) < 4096 and value is not None:
        _CONSTRUCTED[(tag, text)] = value
    return value


def _date_reason(text: str) -> str:
    """Why a date YAML recognised cannot exist, in the user's language."""
    import calendar

    try:
        year, month, _ = (int(part) for part in text[:10].split("-"))
    except ValueError:
        return t("date.not_real")
    if not 1 <= month <= 12:
        return t("date.bad_month")
    return t("date.bad_day", month=month, days=calendar.monthrange(year, month)[1])


# Plain scalars resolve by their text alone; keys and short values repeat on every item.
_RESOLVED: dict[str, str] = {}
# Dates, numbers and booleans are immutable: one value for each text that repeats.
_CONSTRUCTED: dict[tuple[str, str], Any] = {}
# The first characters PyYAML's implicit resolvers look for; a text starting with any other
# is a string, unless some resolver looks at every text (it has none).
_IMPLICIT_FIRST = frozenset(key for key in _RESOLVER.yaml_implicit_resolvers if key)
_FIRST_DECIDES = None not in _RESOLVER.yaml_implicit_resolvers
