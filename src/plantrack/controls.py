"""Characters that must not reach a terminal as they are: C0/C1 controls and bidi overrides."""

from __future__ import annotations

import re

# Escape sequences clear the screen or set the window title; bidirectional overrides make a
# line read differently from what it holds. Newline and tab are text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escaped(char: str) -> str:
    """A control character as it is written in YAML and Python: `\\x1b`, `\\u202e`."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
