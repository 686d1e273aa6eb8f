"""Arguments as people type them: item lists and numbers, full width or half."""

from __future__ import annotations

import re

from plantrack.errors import ExitCode, PlantrackError
from plantrack.i18n import t

# Full-width digits and marks as their ASCII selves; not NFKC, which would read ① or ² as
# digits too, and those are no item numbers.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９，～－　", "0123456789,~- ")
# `3-5`, `3~5`, `3～5`: a range of items.
_RANGE = r"([0-9]+)\s*[-~]\s*([0-9]+)"
# `3,4`, `3，4`, `3、4`: a list of items in one word.
_SEPARATORS = r"[,、]"


def item_numbers(words: list[str]) -> list[int]:
    """The item numbers named by `words`: `3 4`, `3,4`, `3，4`, `3-5`, `3～5`, `３`.

    Repeats are kept (the commands count an item once); a reversed range is an error.
    """
    numbers: list[int] = []
    for word in words:
        normal = half_width(word)
        for part in re.split(_SEPARATORS, normal):
            numbers.extend(_numbers_of(part.strip(), word))
    return numbers


def item_number(word: str) -> int:
    """One item number, as `item_numbers` reads it (`３` too); a list or range is refused."""
    normal = half_width(word).strip()
    if normal.isascii() and normal.isdigit():
        return int(normal)
    raise PlantrackError(t("edit.not_a_number", value=word), exit_code=ExitCode.USAGE)


def _numbers_of(part: str, word: str) -> list[int]:
    if part.isascii() and part.isdigit():
        return [int(part)]
    match = re.fullmatch(_RANGE, part)
    if match:
        first, last = int(match.group(1)), int(match.group(2))
        if first > last:
            raise PlantrackError(t("edit.reversed_range", value=word), exit_code=ExitCode.USAGE)
        return list(range(first, last + 1))
    raise PlantrackError(t("edit.not_a_number", value=word), exit_code=ExitCode.USAGE)


def half_width(text: str) -> str:
    """`text` with full-width digits, commas, tildes and spaces as ASCII ones."""
    return text.translate(_HALF_WIDTH)


def joined(words: list[str]) -> str:
    """Several words of a note or reason, as one text: joined with a space."""
    return " ".join(words)


def joined_options(
    args: list[str], text_options: tuple[str, ...], options: set[str] | None
) -> list[str]:
    """`args` with the words after each of `text_options` (up to the next option) joined
    as one text; with `options`, a word starting with '-' that is none of them is refused,
    naming `--`, as a text that must come after it."""
    out: list[str] = []
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--":
            return [*out, *args[index:]]
        if word in text_options and index + 1 < len(args):
            end = index + 2
            while end < len(args) and not args[end].startswith("-"):
                end += 1
            out += [word, joined(args[index + 1 : end])]
            index = end
            continue
        if options is not None and word[:1] == "-" and word.split("=")[0] not in options:
            raise PlantrackError(t("edit.dash_text", value=word), exit_code=ExitCode.USAGE)
        out.append(word)
        index += 1
    return out
