"""Texts at the edges of what the fast reader reads: it must give libyaml's answer or none.

The full reader (libyaml's events, then validation) is the oracle: whatever the fast
reader reads, `check` must give exactly the full reader's tree and problems, and a
command that only reads must refuse what the full reader refuses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import examples, write_plan
from hypothesis import given, settings
from hypothesis import strategies as st
from test_reading_fast import assert_same_as_full, full, typed
from typer.testing import CliRunner

from plantrack.errors import PlantrackError
from plantrack.reading import Source, check, compose, read_plan, tree
from plantrack.reading import fast as fast_reader
from plantrack.reading.fast import read_data, read_tree
from plantrack.reading.validation import validate

LEDGER = """\
title: 计划
year: 2022
sections:
- title: 一
  items:
  - number: 1
    title: 事项
    log:
    - date: 2022-03-01
      by: 李明
      changes: CHANGES
"""


def full_problems(text: str) -> list[str]:
    source = Source("p.yaml", text)
    composed = compose(source)
    return [problem.format() for problem in validate(source, composed.root, composed.problems)[1]]


def checked_problems(text: str) -> list[str]:
    return [problem.format() for problem in check(Source("p.yaml", text)).problems]


# libyaml takes a key as a key only if its `:` is at most 1,024 characters after its start
# ("could not find expected ':'"); a key of the fast reader's form has no such limit.
_LONG = "k" * 1025


@pytest.mark.parametrize(
    "changes",
    [f"\n        {_LONG}: [a, b]", f"{{{_LONG}: [a, b]}}"],
    ids=["block", "flow"],
)
def test_a_key_too_long_for_libyaml_is_a_syntax_error(changes: str, tmp_path: Path) -> None:
    text = LEDGER.replace("CHANGES", changes)
    assert any("syntax error" in problem for problem in full_problems(text))
    assert checked_problems(text) == full_problems(text)
    with pytest.raises(PlantrackError):
        read_plan(write_plan(tmp_path, text))


@pytest.mark.slow
def test_a_flow_mapping_of_too_many_keys_is_refused(tmp_path: Path) -> None:
    keys = ", ".join(f"k{n}: [a, b]" for n in range(tree.MAX_KEYS + 1))
    text = LEDGER.replace("CHANGES", "{" + keys + "}")
    assert any("more than 1,000 keys" in problem for problem in full_problems(text))
    assert checked_problems(text) == full_problems(text)
    with pytest.raises(PlantrackError):
        read_plan(write_plan(tmp_path, text))


def test_a_plan_too_large_to_check_is_not_read_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit made small, so that the test needs no file of 1.5 million values; both
    # readers take it from the same place.
    monkeypatch.setattr(tree, "MAX_NODES", 40)
    roles = "".join(f"- 角色{n}\n" for n in range(50))
    text = f"title: 计划\nyear: 2022\nroles:\n{roles}sections: []\n"
    assert "too-large" in {problem.code for problem in check(Source("p.yaml", text)).problems}
    with pytest.raises(PlantrackError):
        read_plan(write_plan(tmp_path, text, "2022.yaml"))


@pytest.mark.parametrize("text", ["\x0c\n", "\u3000\n"], ids=["form-feed", "ideographic-space"])
def test_a_file_of_characters_python_calls_blank_gets_the_full_readers_problem(text: str) -> None:
    assert checked_problems(text) == full_problems(text)


# ------------------------------------------------------- texts near the fast reader's subset

_VALUES = [
    "x", "书记", "80", "2022-09-05", "2022-1-5", "2022-02-30", "1_000", "0o17", "017", ".inf",
    "~", "null", "yes", "No", "=", "<<", "''", "'a''b'", "'''", '"q"', '"a\\tb"', "'a #b'",
    "a#b", "a # c", "a:b", "a: b", "a:", "a :b", "a]", "-1", "- a", "-a", "?", "&x a", "*x",
    "!!str a", "|", "[a, b]", "[a,b,]", "[ ]", "[a,,b]", "[a: b]", "[a #b]", "[[a], {b: c}]",
    "{}", "{a: b}", "{a:b}", "{a: b, a: c}", "{yes: 1}", "{a: [b, ~]}", "[a]b", "x\u00a0",
    "😀", "...", "---", "1:30", "2022-01-05 10:00:00", "0x1F", "1e3", "",
]  # fmt: skip
_KEYS = ["title", "year", "x", "log", "yes", "null", "Null", "_", "a-b", "a b", "'k'", "? k"]
_SEPARATORS = [": ", ":", ":  ", "： ", " : ", ":\t"]
_ODD_LINES = ["# c", "  # c", "", "   ", "---", "...", "%YAML 1.1", "- - a", "-a", "-", "  x"]


@st.composite
def _near_plans(draw: st.DrawFn) -> str:
    """Block-style texts that mostly read, each line a key, a list entry or an odd line,
    at indents right and wrong, with values of every kind and odd line ends."""
    lines = ["title: 计划", "year: 2022", "sections:"]
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.integers(0, 5))
        indent = " " * draw(st.sampled_from([0, 2, 2, 4, 4, 6, 1, 3]))
        dash = draw(st.sampled_from(["", "", "- "]))
        if kind == 0:
            lines.append(draw(st.sampled_from(_ODD_LINES)))
        elif kind == 1:
            lines.append(indent + "- " + draw(st.sampled_from(_VALUES)))
        else:
            key = draw(st.sampled_from(_KEYS))
            separator = ": " if kind > 2 else draw(st.sampled_from(_SEPARATORS))
            lines.append(indent + dash + key + separator + draw(st.sampled_from(_VALUES)))
    text = "\n".join(lines)
    text += draw(st.sampled_from(["\n", "", "\n\n", "\n  ", "\n# 完"]))
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\x85", "\u2028"])), 1)
    return text


@pytest.mark.slow
@settings(max_examples=examples(400), deadline=None)
@given(_near_plans())
def test_any_near_plan_gets_the_full_readers_data_tree_and_problems(text: str) -> None:
    assert_same_as_full(text)
    data = read_data(text)
    if data is not None:
        assert not full_problems_of_yaml(text)
        assert typed(data) == typed(full(text))


def full_problems_of_yaml(text: str) -> list[str]:
    """What libyaml's tree alone says is wrong with the text."""
    return [problem.format() for problem in compose(Source("p.yaml", text)).problems]


# --------------------------------------------------------------------------- writes

_PLAN = """\
title: 计划
year: 2022
roles: [书记, 组织委员]
sections:
- title: 一
  items:
  - number: 1
    title: ITEM_TITLE
    owner: 书记
    co_owners: [组织委员]
    status: doing
    due: 2022-05-01
    log:
    - date: 2022-03-01
      by: 王芳
      changes: {status: [todo, doing]}
    # 台账的注释
  # 事项之间的注释
  - number: 2
    title: 'O''Brien'
    co_owners:
    log: []
"""
_COMMANDS = [
    ["assign", "1", "--to", "组织委员"],
    ["assign", "2", "--to", "书记"],
    ["unassign", "1"],
    ["note", "1", "做了", "一件事"],
    ["note", "2", "x"],
    ["set-status", "2", "done"],
    ["due", "1", "2022-06-30"],
    ["due", "1", "--clear"],
    ["progress", "2", "50"],
]


def _written(path: Path, text: str, command: list[str]) -> tuple[int, bytes]:
    from plantrack.cli import app

    path.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(app, [*command, "--plan", str(path), "--by", "李明"])
    return result.exit_code, path.read_bytes()


@pytest.mark.slow
@settings(max_examples=examples(100), deadline=None)
@given(
    st.sampled_from(_COMMANDS),
    st.sampled_from(["事项", "'a #b'", '"引号"', "2022-1-5", "a]", "[a, b]", "x\u00a0"]),
    st.sampled_from(["", "\n", "\n# 完\n", "\n\n  "]),
)
def test_a_write_is_the_same_whether_the_fast_reader_reads_the_plan_or_not(
    tmp_path_factory: pytest.TempPathFactory, command: list[str], title: str, end: str
) -> None:
    text = _PLAN.replace("ITEM_TITLE", title).rstrip("\n") + end
    assert read_tree(text) is not None
    folder = tmp_path_factory.mktemp("plans")
    fast = _written(folder / "2022.yaml", text, command)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_reader, "read_tree", lambda *args: None)
        patch.setattr(fast_reader, "read_data", lambda *args: None)
        slow = _written(folder / "2022.yaml", text, command)
    assert fast == slow
    if fast[0] == 0:
        assert not full_problems(fast[1].decode("utf-8"))
