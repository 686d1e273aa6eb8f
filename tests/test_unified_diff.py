"""The dry run's diff of a change: the hunks difflib.unified_diff makes, line for line."""

from __future__ import annotations

import difflib

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.writing.plan_file import git_lines
from plantrack.writing.unified import SMALL, hunks, opcodes, unified_diff

# Plan-like text: each item's own line once, as its number is, and lines many items share.
SHARED = ["  status: todo", "  owner: 书记", "  log:", "  - date: 2022-06-26", ""]
ITEM = st.tuples(st.integers(1, 60), st.lists(st.sampled_from(SHARED), max_size=4))
# New text a splice puts in: part of a line, whole lines, a line break, or nothing.
NEW = st.lists(st.sampled_from(["纪检委员", "x", "\n", "  status: done\n", "  owner: 纪检委员\n"]))


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str]:
    """A plan-like text, and that text with a splice in some of its items' lines, as a
    change makes them: an item's own line stays as it is."""
    before, after = [], []
    for number, shared in draw(st.lists(ITEM, max_size=12, unique_by=lambda item: item[0])):
        own = "".join(line + "\n" for line in shared)
        start, end = sorted(draw(st.lists(st.integers(0, len(own)), min_size=2, max_size=2)))
        new = "".join(draw(NEW)) if draw(st.booleans()) else own[start:end]
        before.append(f"- number: {number}\n{own}")
        after.append(f"- number: {number}\n{own[:start]}{new}{own[end:]}")
    end = draw(st.sampled_from(["", "\n"]))  # a last line with its line break or without
    return "".join(before).rstrip("\n") + end, "".join(after).rstrip("\n") + end


def expected(before: str, after: str) -> list[str]:
    return list(difflib.unified_diff(git_lines(before), git_lines(after), "a/p", "b/p"))


@pytest.mark.slow
@settings(max_examples=examples(2000), deadline=None)
@given(edits())
def test_the_hunks_are_difflibs_from_difflibs_pairing(edit: tuple[str, str]) -> None:
    before, after = edit
    a, b = git_lines(before), git_lines(after)
    codes = list(difflib.SequenceMatcher(None, a, b).get_opcodes())
    assert list(hunks(a, b, codes, "a/p", "b/p")) == expected(before, after)


@pytest.mark.slow
@settings(max_examples=examples(2000), deadline=None)
@given(edits())
def test_the_pairing_of_a_large_plan_is_a_true_diff(edit: tuple[str, str]) -> None:
    a, b = (git_lines(text) for text in edit)
    rebuilt = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        assert tag in ("equal", "replace", "delete", "insert")
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        rebuilt += b[j1:j2]
    assert rebuilt == b


def test_a_large_plan_with_changes_far_apart_has_difflibs_hunks() -> None:
    before = "".join(f"- number: {n}\n  owner: 书记\n  status: todo\n" for n in range(1, 1500))
    after = before.replace("- number: 7\n  owner: 书记", "- number: 7\n  owner: 纪检委员")
    after = after.replace("- number: 900\n  owner: 书记\n", "- number: 900\n")
    a, b = git_lines(before), git_lines(after)
    assert len(a) + len(b) > SMALL
    assert list(unified_diff(a, b, "a/p", "b/p")) == expected(before, after)


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
