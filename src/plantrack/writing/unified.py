"""A unified diff of a plan's lines before and after a change, as difflib formats one, fast.

A change splices new text into a few stretches of the file and leaves the rest byte for
byte as it was. On a large plan difflib's matcher takes minutes over a change to many
items; there the lines that occur once in each text pin the unchanged stretches, and
difflib runs only on what lies between them. Its hunks are then those of a true diff,
which are difflib's own wherever difflib would pair the same lines (it may pair a
repeated line across a change instead); a smaller plan gets difflib's diff.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator

Opcode = tuple[str, int, int, int, int]
# Lines of context around each change, as `git diff` and difflib show them.
CONTEXT = 3
# Up to this many lines in all, difflib's matcher takes a moment however much changed.
SMALL = 4000


def unified_diff(a: list[str], b: list[str], fromfile: str, tofile: str) -> Iterator[str]:
    """The lines of difflib.unified_diff(a, b, fromfile, tofile); from `opcodes(a, b)`
    when the texts are large."""
    if len(a) + len(b) <= SMALL:
        codes: list[Opcode] = list(difflib.SequenceMatcher(None, a, b).get_opcodes())
    else:
        codes = opcodes(a, b)
    yield from hunks(a, b, codes, fromfile, tofile)


def hunks(
    a: list[str], b: list[str], codes: list[Opcode], fromfile: str, tofile: str
) -> Iterator[str]:
    """The lines of a unified diff made from `codes`, formatted as difflib does."""
    started = False
    for group in _grouped(codes):
        if not started:
            started = True
            yield f"--- {fromfile}\n"
            yield f"+++ {tofile}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            yield from ("-" + line for line in a[i1:i2])
            yield from ("+" + line for line in b[j1:j2])


def opcodes(a: list[str], b: list[str]) -> list[Opcode]:
    """How `b` differs from `a`, in SequenceMatcher.get_opcodes()'s terms: each line that
    occurs once in each (in the same order) is matched, with the equal lines on either side
    of it as difflib's longest match would take them; what is between goes to difflib."""
    codes: list[Opcode] = []
    i, j = 0, 0
    for anchor_i, anchor_j in _anchors(a, b):
        if anchor_i < i:  # taken in by the equal lines after the one before
            continue
        start_i, start_j = anchor_i, anchor_j
        while start_i > i and start_j > j and a[start_i - 1] == b[start_j - 1]:
            start_i, start_j = start_i - 1, start_j - 1
        _gap(a, b, i, start_i, j, start_j, codes)
        i, j = anchor_i + 1, anchor_j + 1
        while i < len(a) and j < len(b) and a[i] == b[j]:
            i, j = i + 1, j + 1
        _add(codes, ("equal", start_i, i, start_j, j))
    _gap(a, b, i, len(a), j, len(b), codes)
    return codes


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """The pairs of lines that occur once in `a` and once in `b`, in both texts' order:
    the longest such run (patience diff), which is all of them when only splices differ."""
    counts_a, counts_b = Counter(a), Counter(b)
    where = {line: j for j, line in enumerate(b) if counts_b[line] == 1}
    pairs = [(i, where[line]) for i, line in enumerate(a) if counts_a[line] == 1 and line in where]
    # Longest increasing run of the lines' places in `b`, by patience sorting.
    tops: list[int] = []  # the smallest last place of a run of each length
    ends: list[int] = []  # the pair that ends it
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        back.append(ends[length - 1] if length else -1)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length] = j
            ends[length] = index
    run: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = back[index]
    return run[::-1]


def _gap(
    a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int, codes: list[Opcode]
) -> None:
    """The opcodes of a[i1:i2] against b[j1:j2], by difflib's matcher."""
    if i1 < i2 and j1 < j2:
        matcher = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2])
        for tag, x1, x2, y1, y2 in matcher.get_opcodes():
            _add(codes, (tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2))
    elif i1 < i2:
        _add(codes, ("delete", i1, i2, j1, j1))
    elif j1 < j2:
        _add(codes, ("insert", i1, i1, j1, j2))


def _add(codes: list[Opcode], code: Opcode) -> None:
    """`code` after the others; an equal stretch joins the equal one it follows."""
    tag, i1, i2, j1, j2 = code
    if i1 == i2 and j1 == j2:
        return
    if codes and tag == "equal" and codes[-1][0] == "equal":
        codes[-1] = ("equal", codes[-1][1], i2, codes[-1][3], j2)
    else:
        codes.append(code)


def _grouped(codes: list[Opcode]) -> Iterator[list[Opcode]]:
    """The hunks: SequenceMatcher.get_grouped_opcodes(CONTEXT) on these opcodes."""
    codes = list(codes) or [("equal", 0, 1, 0, 1)]
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "equal":
        codes[0] = (tag, max(i1, i2 - CONTEXT), i2, max(j1, j2 - CONTEXT), j2)
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "equal":
        codes[-1] = (tag, i1, min(i2, i1 + CONTEXT), j1, min(j2, j1 + CONTEXT))
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        # An equal stretch longer than both contexts ends one hunk and starts the next.
        if tag == "equal" and i2 - i1 > 2 * CONTEXT:
            group.append((tag, i1, min(i2, i1 + CONTEXT), j1, min(j2, j1 + CONTEXT)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - CONTEXT), max(j1, j2 - CONTEXT)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _range(start: int, stop: int) -> str:
    """A hunk's line range as unified diffs write it: `3` for one line, `2,0` for none."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"
