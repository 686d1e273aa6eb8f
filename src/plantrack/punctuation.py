"""The paired punctuation marks of Chinese text, in one table, with what each pair is used for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pair:
    """A mark that opens and the mark that closes it, and which checks look at the pair."""

    opener: str
    closer: str
    checked: bool  # lint warns when one is left without its partner (unbalanced-punctuation)
    quotes: bool  # import: a 。 inside the pair does not end an item's title
    trails: bool  # may follow the mark that ends a sentence (`……。”`)


# Lint checks the pairs a plan's text uses and an editor slip unbalances; import's quoting
# covers every quotation mark and title mark, as a title may quote with any of them; 【】
# and （） hold remarks, not quotations, so a 。 inside them ends a title.
PAIRS = (
    Pair("“", "”", checked=True, quotes=True, trails=True),
    Pair("‘", "’", checked=True, quotes=True, trails=True),
    Pair("《", "》", checked=True, quotes=True, trails=True),
    Pair("「", "」", checked=True, quotes=True, trails=True),
    Pair("（", "）", checked=True, quotes=False, trails=True),
    Pair("【", "】", checked=True, quotes=False, trails=False),
    Pair("『", "』", checked=False, quotes=True, trails=True),
    Pair("〈", "〉", checked=False, quotes=True, trails=True),
    Pair("(", ")", checked=False, quotes=False, trails=True),
)

CHECKED: dict[str, str] = {pair.opener: pair.closer for pair in PAIRS if pair.checked}
QUOTES: dict[str, str] = {pair.opener: pair.closer for pair in PAIRS if pair.quotes}
TRAILING_CLOSERS = "".join(pair.closer for pair in PAIRS if pair.trails)
