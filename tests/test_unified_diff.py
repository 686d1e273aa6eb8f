"""The dry run's diff of a change: the same hunks, line for line, as difflib.unified_diff."""

from __future__ import annotations

import difflib

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.writing.plan_file import git_lines
from plantrack.writing.unified import unified_diff

# Plan-like lines: each item's own (numbered, so once in the file) and the ones many share.
SHARED = ["  status: todo", "  owner: 书记", "  log:", "  - date: 2022-06-26", ""]
LINE = st.one_of(st.integers(1, 60).map(lambda n: f"- number: {n}"), st.sampled_from(SHARED))
# New text a splice puts in: part of a line, whole lines, a line break, or nothing.
NEW = st.lists(st.sampled_from(["纪检委员", "x", "\n", "  status: done\n", "- number: 7\n"]))


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str]:
    """A text and that text with splices put in: spans replaced, in order, not overlapping."""
    text = "\n".join(draw(st.lists(LINE, max_size=40))) + draw(st.sampled_from(["", "\n"]))
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    pieces, position = [], 0
    for start, end in zip(points[::2], points[1::2], strict=False):
        pieces += [text[position:start], "".join(draw(NEW))]
        position = end
    return text, "".join([*pieces, text[position:]])


def expected(before: str, after: str) -> list[str]:
    return list(difflib.unified_diff(git_lines(before), git_lines(after), "a/p", "b/p"))


@settings(max_examples=examples(2000), deadline=None)
@given(edits())
def test_the_hunks_are_difflibs(edit: tuple[str, str]) -> None:
    before, after = edit
    assert list(unified_diff(git_lines(before), git_lines(after), "a/p", "b/p")) == expected(
        before, after
    )


def test_changes_far_apart_are_hunks_of_their_own_and_near_ones_one() -> None:
    before = "".join(f"line {n}\n" for n in range(1, 31))
    after = before.replace("line 2\n", "").replace("line 12\n", "line 12a\n")
    after = after.replace("line 16\n", "line 16a\n") + "line 31\n"
    diff = "".join(unified_diff(git_lines(before), git_lines(after), "a/p", "b/p"))
    assert [line for line in diff.splitlines() if line.startswith("@@")] == [
        "@@ -1,5 +1,4 @@",
        "@@ -9,11 +8,11 @@",
        "@@ -28,3 +27,4 @@",
    ]
    assert diff == "".join(expected(before, after))


def test_a_text_from_nothing_and_to_nothing() -> None:
    for before, after in [("", "a\nb\n"), ("a\n", ""), ("", "")]:
        assert list(unified_diff(git_lines(before), git_lines(after), "a/p", "b/p")) == expected(
            before, after
        )
