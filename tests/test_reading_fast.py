"""The fast reader gives exactly the full reader's data, or leaves the file to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PLAN_2022, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.errors import Problem, capped
from plantrack.reading import Node, Source, check, compose, plan_items, read_plan, walk
from plantrack.reading import fast as fast_reader
from plantrack.reading.fast import read_data, read_tree
from plantrack.reading.validation import validate

PLAN = """\
# a comment before the plan
title: 2022年工作要点
year: 2022
preamble: ''
roles:
- 书记
- 组织委员
sections:
  - title: 一、加强政治建设

    items:
      - number: 1
        title: '带头做“两个维护”的践行者: 全面'
        text: 教育引导党员 [深入] 领会, {逻辑} 内涵
        owner: 书记
        co_owners: [组织委员, 书记]
        status: doing
        progress: 80
        due: 2022-09-05
        log:
        - date: 2022-03-25
          by: 李明
          changes: {owner: [null, 书记], status: [todo, doing], progress: [~, 80]}
        - date: 2022-04-01
          by: "王芳"
          note: it's 100% done, ok
          # a comment inside a mapping
      - number: 2
        title: yes
        co_owners:
        owner: 'O''Brien'
  - title: 二、空的部分
    items: []
"""


def full(text: str) -> Any:
    composed = compose(Source("p.yaml", text))
    assert composed.root is not None and not composed.problems
    return composed.root.to_python()


def typed(value: Any) -> Any:
    """The value with every type spelled out: 1 and True, or a date and its text, differ."""
    if isinstance(value, dict):
        return {(type(k), k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value), value)


def test_a_plan_as_plantrack_writes_it_reads_as_the_full_reader_reads_it() -> None:
    data = read_data(PLAN)
    assert data is not None
    assert typed(data) == typed(full(PLAN))


@pytest.mark.parametrize(
    "line",
    [
        "title: a # a comment after a value",
        "title: &a anchored",
        "title: !!str tagged",
        "title: |\n          block",
        "title: first\n          continued",
        "title: 'a' 'b'",
        'title: "a\\tb"',
        "title:\ta tab",
        "title: a: b",
        "title: x\n        title: twice",
        "null: 1",
        "title: [a, b",
    ],
)
def test_what_it_is_unsure_of_is_left_to_the_full_reader(line: str) -> None:
    text = PLAN.replace("title: yes", line)
    assert read_data(text) is None
    assert read_tree(text) is None
    assert not assert_same_as_full(text)


# What YAML refuses or reads as a line break, a tab, a carriage return or a byte-order
# mark, at the edges of the ranges of such characters; and the characters beside them.
_UNSURE = "\x00\t\x0b\x1f\r\x7f\x85\x9f\u2028\u2029\ud800\udfff\ufeff\ufffe\uffff"
_SURE = "\x20\x7e\xa0\u2027\u202a\ud7ff\ue000\ufefe\uff00\ufffd\U00010000\U0010ffff"


@pytest.mark.parametrize("character", _UNSURE)
@pytest.mark.parametrize(
    "place", ["title: yes{}", "title: {}yes", "  {}\n", "  # {}\n", "{}x: 1\n", "x{}: 1\n"]
)
def test_a_character_it_is_unsure_of_anywhere_leaves_the_file_to_the_full_reader(
    character: str, place: str
) -> None:
    text = PLAN.replace("title: yes", place.format(character))
    assert read_data(text) is None
    assert read_tree(text) is None


@pytest.mark.parametrize("character", _SURE)
def test_a_character_it_is_sure_of_is_read(character: str) -> None:
    text = PLAN.replace("title: yes", f"title: a{character}b")
    data = read_data(text)
    assert data is not None
    assert data["sections"][0]["items"][1]["title"] == f"a{character}b"


@pytest.mark.parametrize(
    "text",
    [
        "title: t\n" + "".join(f"{'  ' * depth}a:\n" for depth in range(40)),  # mappings
        "a:\n" + "".join(f"{'  ' * depth}- a:\n" for depth in range(40)),  # lists
        "title: t\n- a\n",  # an entry under a mapping
        "roles:\n-  a\n",  # an entry's value after two spaces
        "roles:\n- a\n  x: 1\n",  # a key under an entry that is no mapping
    ],
)
def test_what_the_data_pass_is_unsure_of_the_tree_pass_is_unsure_of(text: str) -> None:
    assert read_data(text) is None
    assert read_tree(text) is None


@pytest.mark.parametrize("piece", [1, 2, 7, 40, 10_000])
def test_the_data_is_the_same_whichever_pieces_its_lines_are_found_in(
    piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = read_data(PLAN)
    monkeypatch.setattr(fast_reader, "_PIECE", piece)
    assert typed(read_data(PLAN)) == typed(whole)
    assert typed(read_data(PLAN.rstrip("\n"))) == typed(whole)
    # A character it is unsure of in the last piece, or the first
    assert read_data(PLAN + "x: \x85\n") is None
    assert read_data("\x85" + PLAN) is None


def test_a_file_it_leaves_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    text = PLAN.replace("title: yes", "title: 'yes'  # a comment the fast reader leaves")
    assert read_data(text) is None
    path.write_text(text, encoding="utf-8")
    plan = read_plan(path)
    assert plan.sections[0].items[1].title == "yes"
    assert plan.sections[0].items[0].log is not None
    assert plan.sections[0].items[0].log[0].changes == {
        "owner": (None, "书记"),
        "status": ("todo", "doing"),
        "progress": (None, 80),
    }


# Characters that mean something to YAML somewhere in a scalar, and some that do not.
_CHARS = st.sampled_from(list(":#'\"-[]{},?!&*|>%@`~ .0123456789aeyntrulxo中，：\\"))


@pytest.mark.slow
@settings(max_examples=examples(300), deadline=None)
@given(st.text(_CHARS, min_size=1, max_size=12))
def test_any_value_it_reads_is_the_value_the_full_reader_reads(value: str) -> None:
    text = f"title: {value}\nyear: 2022\nroles:\n- {value}\nx: {{a: [{value}]}}\n"
    data = read_data(text)
    if data is None:
        return
    assert typed(data) == typed(full(text))


# ---------------------------------------------------------------- the positioned tree

_NODE_FIELDS = ("kind", "line", "column", "start", "end", "raw", "style", "flow", "tag")


def nodes(root: Node | None) -> list[tuple[Any, ...]]:
    """Every node of a tree in order, with all it records and its value's type."""
    if root is None:
        return []
    found = []
    for node, is_key in walk(root):
        value = node.value if node.kind == "scalar" else len(node.value)
        found.append((*(getattr(node, name) for name in _NODE_FIELDS), is_key, typed(value)))
    return found


def full_result(text: str) -> tuple[list[tuple[Any, ...]], list[Problem]]:
    """The tree and the problems libyaml's tree and validation give."""
    source = Source("p.yaml", text)
    composed = compose(source)
    _, problems = validate(source, composed.root, composed.problems)
    return nodes(compose(source).root), capped(problems)


def assert_same_as_full(text: str) -> bool:
    """The fast tree, where there is one, is libyaml's node for node, and the data read
    without a tree is the tree's; checking the text gives exactly what libyaml's tree
    gives. Whether the fast reader read it."""
    root = read_tree(text)
    expected_nodes, expected_problems = full_result(text)
    data = read_data(text)
    assert (data is None) == (root is None)
    if root is not None:
        assert typed(data) == typed(root.to_python())
        assert nodes(root) == expected_nodes
        assert nodes(read_tree(text, lazy=False)) == expected_nodes
    checked = check(Source("p.yaml", text))
    assert nodes(checked.root) == expected_nodes
    assert checked.problems == expected_problems
    return root is not None


def test_the_tree_of_a_plan_is_the_full_readers_node_for_node() -> None:
    assert assert_same_as_full(PLAN)
    assert assert_same_as_full(PLAN.rstrip("\n"))  # no newline at the end
    assert assert_same_as_full(PLAN_2022.read_text(encoding="utf-8"))


def test_the_tree_hands_over_the_data_it_read_once_then_converts_itself() -> None:
    root = read_tree(PLAN)
    assert root is not None
    assert typed(root.to_python()) == typed(full(PLAN))
    assert typed(root.to_python()) == typed(full(PLAN))


@pytest.mark.parametrize(
    "change",
    [
        ("title: yes", "title: 2022-02-30"),  # an impossible date: located by it
        ("title: yes", "title: [a, b]"),  # not text: a schema problem, same place
        ("title: yes", "title: yes\n        title: twice"),
        ("status: doing", "status: 未知"),
        ("number: 2", "number: 1"),  # a number used twice
        ("progress: 80", "progress: 180\n        extra: 1"),
    ],
)
def test_a_plan_with_problems_gets_exactly_the_full_readers_problems(
    change: tuple[str, str],
) -> None:
    text = PLAN.replace(*change)
    assert_same_as_full(text)
    assert check(Source("p.yaml", text)).problems


# Values as a plan may hold them: the fast reader reads most, and leaves the rest.
_VALUES = st.sampled_from(
    [
        "书记",
        "doing",
        "80",
        "2022-09-05",
        "1.5",
        "0x1F",
        "~",
        "null",
        "yes",
        "=",
        "<<",
        "",
        "'a: b'",
        "'O''Brien'",
        '"双引号"',
        "[组织委员, 书记]",
        "[]",
        "{owner: [null, 书记], progress: [~, 80]}",
        "{}",
        "a # comment",
        "2022-13-45",
        "- x",
        "&a x",
    ]
)
_KEYS = st.sampled_from(["title", "text", "owner", "co_owners", "status", "progress", "due", "x"])


@st.composite
def _plans(draw: st.DrawFn) -> str:
    """Plan texts in block style, with the indentations, blank lines and comments people
    use, and values of every kind."""
    step = draw(st.sampled_from([0, 2]))  # a list's dash under its key: level or indented
    lines = ["title: 计划", "year: 2022"]
    if draw(st.booleans()):
        lines.append("roles:")
        lines += [" " * step + "- " + draw(_VALUES) for _ in range(draw(st.integers(0, 2)))]
    lines.append("sections:")
    number = 0
    for _ in range(draw(st.integers(0, 2))):
        lines += [" " * step + "- title: 部分", " " * (step + 2) + "items:"]
        dash = 2 * step + 2
        for _ in range(draw(st.integers(0, 3))):
            number += draw(st.integers(0, 1)) or 1
            lines.append(" " * dash + f"- number: {number}")
            for key in draw(st.lists(_KEYS, unique=True, max_size=4)):
                lines.append(" " * (dash + 2) + f"{key}: {draw(_VALUES)}")
            if draw(st.booleans()):
                lines.append(" " * (dash + 2) + "log:")
                for _ in range(draw(st.integers(0, 2))):
                    lines.append(" " * (dash + 2 + step) + f"- date: {draw(_VALUES)}")
                    lines.append(" " * (dash + 4 + step) + f"by: {draw(_VALUES)}")
                    if draw(st.booleans()):  # changes in block style, lists within
                        inner = " " * (dash + 6 + step)
                        lines += [inner[:-2] + "changes:", inner + "owner:"]
                        lines += [inner + " " * step + f"- {draw(_VALUES)}" for _ in "ab"]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(2, len(lines)))
        lines.insert(at, draw(st.sampled_from(["", "  # 注释", "#"])))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n", "\n# 完\n", "\n  "]))


@pytest.mark.slow
@settings(max_examples=examples(200), deadline=None)
@given(_plans())
def test_any_plan_gets_the_full_readers_tree_and_problems(text: str) -> None:
    assert_same_as_full(text)


def test_an_items_first_key_is_one_node_whether_asked_for_alone_or_with_the_rest() -> None:
    # An item's nodes but its first key's are built when first asked for; a writer keeps
    # the nodes it found and compares them by identity.
    root = read_tree(PLAN)
    assert root is not None
    item = next(iter(plan_items(root))).node
    number = item.pair("number")
    assert number is not None and number[1].value == 1
    assert item.value[0] is number
    assert item.pair("number") is number and item.get("owner") is item.value[3][1]
