"""Text as a reader sees it: display width in terminal cells, and where a sentence ends."""

from __future__ import annotations

import functools
import unicodedata

from plantrack.punctuation import TRAILING_CLOSERS

# Marks that end a sentence, or a clause that a paragraph may end with.
SENTENCE_ENDS = "。！？；：!?;:…"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with a mark that ends a sentence (closing quotes aside)."""
    stripped = text.rstrip(TRAILING_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS


def char_width(char: str) -> int:
    if char < "\u1100":  # everything below the first wide block is narrow
        return 0 if unicodedata.combining(char) else 1
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 0 if unicodedata.combining(char) else 1


# A plan's text has a few thousand distinct characters: each is looked up once.
_cell_width = functools.lru_cache(maxsize=8192)(char_width)


def width(text: str) -> int:
    """Display width in terminal cells: CJK characters take two."""
    if text.isascii():
        return len(text)
    return sum(map(_cell_width, text))
