"""Lint's findings on values: the quick first look at each value never passes over one
that has a finding, and a finding inside a value is placed on the line git counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantrack.errors import Problem
from plantrack.lint import lint_data
from plantrack.lint.places import Findings
from plantrack.lint.values import _Values, value_findings
from plantrack.reading import Source, check, walk
from plantrack.reading.source import line_starts, position

SETTINGS = settings(
    max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Paired marks, text and YAML's own characters, and the characters a value must not hold.
CHARACTERS = [*"“”‘’《》「」（）【】『』〈〉()甲乙 a:,#-'\"\\", "\x1b", "\u202e", "\x85", "\t"]
WORDS = ["yes", "No", "ON", "off", "true", "0x1F", "017", "1:30", "0b101", "12", "0", "+5"]
WORDS += ["1_000", "~", "!!int ١٢", "2022-01-05", '"\\u201c甲"', '"\\e"', '"甲\\\\e"', "'乙''“'"]


@st.composite
def scalars(draw: st.DrawFn) -> str:
    text = draw(st.text(st.sampled_from(CHARACTERS), max_size=10))
    style = draw(st.sampled_from(["plain", "single", "double", "word", "folded"]))
    if style == "word":
        return draw(st.sampled_from(WORDS))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "folded":
        return ">-\n  " + text.replace("\n", " ") + "\n  " + text[::-1]
    return text


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for index in range(draw(st.integers(1, 6))):
        key = draw(st.sampled_from([f"k{index}", *WORDS[:5], f"“键{index}"]))
        form = draw(st.sampled_from(["scalar", "flow", "list", "mapping"]))
        if form == "scalar":
            lines.append(f"{key}: {draw(scalars())}")
        elif form == "flow":
            items = draw(st.lists(scalars().filter(lambda s: "\n" not in s), max_size=3))
            lines.append(f"{key}: [{', '.join(items)}]")
        else:
            lines.append(f"{key}:")
            for inner in range(draw(st.integers(1, 3))):
                value = draw(scalars()).replace("\n", "\n    ")
                head = (
                    "  - " if form == "list" else f"  {draw(st.sampled_from(WORDS[:4]))}{inner}: "
                )
                lines.append(head + value)
    return "\n".join(lines) + "\n"


def every_scalar_looked_at(source: Source) -> list[Problem]:
    """The findings when each scalar gets the close look, as the walk of the tree meets it."""
    root = check(source).root
    assert root is not None
    findings = Findings(source)
    values = _Values(findings)
    for node, is_key in walk(root):
        if node.kind == "scalar":
            values.scalar(node, is_key)
    return findings.found


def key(problem: Problem) -> tuple[int, int, str, str]:
    return problem.line, problem.column, problem.code, problem.message


@pytest.mark.slow
@SETTINGS
@given(documents(), st.sampled_from(["\n", "\r\n"]))
def test_no_value_with_a_finding_is_passed_over(text: str, newline: str) -> None:
    source = Source("plan.yaml", text.replace("\n", newline))
    root = check(source).root
    if root is None or not root.is_mapping:
        return
    findings = Findings(source)
    value_findings(root, findings)
    assert sorted(findings.found, key=key) == sorted(every_scalar_looked_at(source), key=key)


@pytest.mark.slow
@SETTINGS
@given(
    st.lists(st.sampled_from(["a", "甲", "\n", "\r", "\r\n", "\x85", "\u2028"]), min_size=1).map(
        "".join
    ),
    st.lists(st.integers(0, 10_000), min_size=1, max_size=6),
)
def test_an_offset_is_placed_on_the_line_git_counts(text: str, offsets: list[int]) -> None:
    findings = Findings(Source("plan.yaml", text))
    starts = line_starts(text)
    for offset in (o % len(text) for o in offsets):
        mark = findings.mark(offset)
        assert (mark.line, mark.column) == position(starts, offset)


def test_a_plan_of_many_warnings_gets_each_once_in_its_place_when_repeated() -> None:
    # The same items over and over: each copy's findings are those of the first, lower down.
    item = (
        "      - number: {n}\n"
        "        title: 学习《条例\n"
        "        text: '甲“乙'\n"
        "        owner: 书纪\n"
        "        progress: 0x10\n"
        "        log:\n"
        "          - {{date: 2022-05-01, by: 李明, note: 记录」}}\n"
    )
    head = "title: 计划\nyear: 2022\nroles: [书记]\nsections:\n  - title: 部分\n    items:\n"
    plan = head + "".join(item.format(n=n) for n in range(1, 11))
    findings = lint_data("plan.yaml", plan.encode(), dt.date(2022, 7, 1))
    first = [(f.line, f.column, f.code) for f in findings if f.line < 14]
    assert len(first) == 5
    assert [(f.line, f.column, f.code) for f in findings] == [
        (line + 7 * copy, column, code) for copy in range(10) for line, column, code in first
    ]


@pytest.mark.slow
def test_checking_a_plan_leaves_nothing_for_the_cycle_collector() -> None:
    # plantrack runs without the cycle collector: whatever a file's check left in a cycle
    # would stay for the rest of a run over a whole folder.
    import gc

    plan = (Path(__file__).parent / "data" / "lint" / "many-warnings.yaml").read_bytes()
    lint_data("plan.yaml", plan, dt.date(2022, 7, 1))
    gc.disable()
    try:
        gc.collect()
        assert lint_data("plan.yaml", plan, dt.date(2022, 7, 1))
        assert gc.collect() == 0
    finally:
        gc.enable()
