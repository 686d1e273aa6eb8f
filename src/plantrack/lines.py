"""Text broken into lines of a display width, by the rules of Chinese text and of spaced text.

A line may break at a space, or beside a CJK character; never inside a run of Latin
letters and digits (`blocked`, `2022-06-30`) unless the run alone is wider than a line;
never before a mark that closes (，。、）」… : 行首禁则) nor after one that opens
(（「《“ : 行尾禁则). Widths are terminal cells: a CJK character takes two.

A closing mark that would start a line takes the character before it down to the new
line (推出, as Chinese typesetting does in a full line): hanging it past the edge instead
would put it past the terminal's width, where the terminal wraps it onto a line alone.
"""

from __future__ import annotations

from collections.abc import Callable

from plantrack.text import width as text_width

# Marks a line never starts with: they belong to the end of what they close or follow.
NO_LINE_START = frozenset("，。、；：？！）］｝」』》〉】〕〗”’…—～·%％‰,.;:?!)]}>")
# Marks a line never ends with: they belong to the start of what they open.
NO_LINE_END = frozenset("（［｛「『《〈【〔〖“‘([{<")


def line_spans(
    text: str, width: int, cells: Callable[[str], int] = text_width
) -> list[tuple[int, int]]:
    """Where each line of `text` (one paragraph, no newline) starts and ends, for lines of
    at most `width` cells as measured by `cells`: the spaces at a break belong to no line;
    those that indent the paragraph stay when its first piece fits beside them."""
    spans: list[tuple[int, int]] = []
    start = end = 0  # the current line, and where its last piece ends
    used = 0  # cells on the current line, spaces before the next piece included
    for piece_start, piece_end in _terms_kept(text, _pieces(text), width, cells):
        piece = text[piece_start:piece_end]
        size = cells(piece)
        if piece.isspace():
            used += size
            continue
        if used + size > width and end > start:
            spans.append((start, end))
            start, used = piece_start, 0
        elif used + size > width:  # the paragraph's indent, too wide beside its first piece
            start, used = piece_start, 0
        if size <= width:
            used += size
        else:  # wider than any line: folded where the line is full, as a last resort
            for offset, char in enumerate(piece, piece_start):
                char_size = cells(char)
                if used and used + char_size > width:
                    spans.append((start, offset))
                    start, used = offset, 0
                used += char_size
        end = piece_end
    if end > start or not spans:
        spans.append((start, max(end, start)))
    return spans


def wrap(text: str, width: int, cells: Callable[[str], int] = text_width) -> list[str]:
    """`text` as lines of at most `width` cells; a newline in it always starts a line."""
    return [
        paragraph[start:end]
        for paragraph in text.split("\n")
        for start, end in line_spans(paragraph, width, cells)
    ]


def _terms_kept(
    text: str, pieces: list[tuple[int, int]], width: int, cells: Callable[[str], int]
) -> list[tuple[int, int]]:
    """`pieces`, with each short word between spaces made one: a status word or a role
    (`→ 进行中`, `组织委员`) moves to the next line whole, as a word of spaced text does,
    while prose (a sentence of Chinese) is still broken between its characters."""
    kept: list[tuple[int, int]] = []
    word: list[tuple[int, int]] = []

    def end_word() -> None:
        if word and cells(text[word[0][0] : word[-1][1]]) <= width // TERM:
            kept.append((word[0][0], word[-1][1]))
        else:
            kept.extend(word)
        word.clear()

    for piece in pieces:
        if text[piece[0]].isspace():
            end_word()
            kept.append(piece)
        else:
            word.append(piece)
    end_word()
    return kept


# A word between spaces no wider than this part of a line is a term, kept whole.
TERM = 4


def _pieces(text: str) -> list[tuple[int, int]]:
    """`text` cut where a line may break: runs of spaces, runs of narrow characters (a
    Latin word, a number), and single wide characters; then a closing mark joined to what
    comes before it and an opening mark to what comes after it."""
    pieces: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        end = index + 1
        char = text[index]
        if char.isspace():
            while end < len(text) and text[end].isspace():
                end += 1
        elif _narrow(char):
            while end < len(text) and _narrow(text[end]) and not text[end].isspace():
                if _quote_edge(text[end - 1], text[end]):
                    break
                end += 1
        pieces.append((index, end))
        index = end
    joined: list[tuple[int, int]] = []
    for start, end in pieces:
        # A space between a mark and what it belongs to (`学习 ，`) does not let them part.
        back = 2 if len(joined) > 1 and text[joined[-1][0]].isspace() else 1
        if joined and _no_break(text[joined[-back][1] - 1], text[start]):
            joined[-back:] = [(joined[-back][0], end)]
        else:
            joined.append((start, end))
    return joined


def _no_break(last: str, first: str) -> bool:
    if last.isspace() or first.isspace():
        return False
    # a combining mark stays on its character
    return first in NO_LINE_START or last in NO_LINE_END or text_width(first) == 0


def _quote_edge(before: str, after: str) -> bool:
    # `ab“一”`, `”ab`, `”“`: Chinese quotation marks are narrow on a terminal, yet a
    # line may break before one that opens and after one that closes.
    return (after in NO_LINE_END and not after.isascii()) or (
        before in NO_LINE_START and not before.isascii()
    )


def _narrow(char: str) -> bool:
    # Wide marks are pieces of their own, joined by the rules above; the narrow ones
    # (… — ,) stay in their run, as a Latin word keeps its comma.
    return text_width(char) < 2
