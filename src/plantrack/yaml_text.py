"""One value as YAML text on one line: the scalar emitter shared by the writer and import."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WIDE = 2**31 - 1  # never fold a long value over several lines


def scalar(value: Any, style: str | None = None, flow: bool = False) -> str:
    """`value` as a YAML scalar that reads back as exactly `value`.

    A string keeps `style` (' or ") when it is given; otherwise it is plain when it can
    be, else single-quoted, else double-quoted (the only style that can hold a line
    break). `flow` is for a value inside [ ] or { }, where `,` and brackets end it.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    # Tabs, line breaks and other invisible characters go double-quoted, escaped: YAML
    # readers disagree about some of them unquoted (libyaml takes a tab PyYAML refuses).
    if all(char.isprintable() or char == "\u3000" for char in text):
        if style == '"':
            return _double(text)
        if (
            style is None
            and text
            and text[0] not in "&*!|>%@`'\""
            and _reads_back(text, text, flow)
        ):
            return text
        single = "'" + text.replace("'", "''") + "'"
        if _reads_back(single, text, flow):
            return single
    return _double(text)


def flow(value: Any) -> str:
    """A value, a list or a mapping in flow style on one line: `{owner: [null, 书记]}`."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, None, True)


def _double(text: str) -> str:
    double = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=_WIDE)
    return double.rstrip("\n").removesuffix("\n...")


def _reads_back(candidate: str, text: str, in_flow: bool) -> bool:
    """Whether `candidate`, written as a value, reads back as `text`."""
    expected: Any = [text, {"k": text}] if in_flow else text
    document = f"k: [{candidate}, {{k: {candidate}}}]\n" if in_flow else f"k: {candidate}\n"
    # A plain value must read back in libyaml and in PyYAML's own parser alike: they
    # disagree on some plain text in flow context (`[0?]`), and the file is read by both.
    loaders = (_LOADER, yaml.SafeLoader) if candidate == text else (_LOADER,)
    try:
        return all(yaml.load(document, Loader=loader) == {"k": expected} for loader in loaders)
    except yaml.YAMLError:
        return False
