"""Text from a plan made safe for a terminal: every control character shown, not obeyed."""

from __future__ import annotations

from plantrack.controls import CONTROL, escaped


def visible(text: str) -> str:
    """`text` with each control character and bidi override written out (`\\x1b`, `\\u202e`).

    Plans arrive through pull requests: anything that shows their text on a terminal
    (tables, items, messages, lint) passes it through here first."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(lambda found: escaped(found.group()), text)


def json_escaped(document: str) -> str:
    """A JSON document with the same control characters written as `\\u` escapes.

    `json.dumps(ensure_ascii=False)` escapes only C0 controls; C1 controls and bidi
    overrides would reach whoever `cat`s the output. They can only be inside strings,
    where the escape means the exact same text."""
    if CONTROL.search(document) is None:
        return document
    return CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", document)
