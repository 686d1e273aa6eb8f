"""Lint's quick look at an item's plain data never passes over an item with a finding:
linting a plan whose items' nodes are built only when asked for finds exactly what
linting the whole tree finds, at the same places."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_lint_values import scalars

from plantrack.errors import Problem
from plantrack.lint.checks import warnings_of
from plantrack.reading import Source, check
from plantrack.reading.fast import _Lazy

SETTINGS = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TODAY = dt.date(2022, 6, 1)

# Values a check may find something in, or may take for something it is not.
DATES = ["2022-03-01", "2021-12-31", "2023-02-01", "2024-01-01", "'2022-05-01'", '"2023-09-09"']
DATES += ["2022-07-01", "'2022-W01-1'", "20220101", "2022-01-01 10:00:00"]
NUMBERS = ["1", "2", "5", "0x3", "04", "0b11", "1:30", "+4", "-1", "1_0", "yes", "'3'"]
PROGRESS = ["0", "50", "100", "0x64", "0144", "1:40", "'100'", "yes", "101", "99"]
STATUSES = ["todo", "doing", "done", "完成", "yes", "'done'", "Done", "blocked"]
OWNERS = ["书记", "组织委员", "书计", "'书记'", "yes", "“书记"]
FIELDS: dict[str, list[str]] = {
    "title": ["工作", "“两个确立”", "（未完", "on", "甲)乙("],
    "owner": OWNERS,
    "co_owners": ["[书记, 组织委员]", "[书计]", "[yes, 017]", "[]"],
    "owner_groups": ["'1'", "'2'", "二人"],
    "status": STATUSES,
    "progress": PROGRESS,
    "due": DATES,
    "subsection": ["甲", "乙", "“丙"],
}


@st.composite
def items(draw: st.DrawFn) -> list[str]:
    lines = [f"      - number: {draw(st.sampled_from(NUMBERS))}"]
    for key in draw(st.lists(st.sampled_from(sorted(FIELDS)), unique=True, max_size=6)):
        lines.append(f"        {key}: {draw(st.sampled_from(FIELDS[key]))}")
    if draw(st.booleans()):
        lines.append("        text: " + draw(scalars()).replace("\n", "\n          "))
    entries = draw(st.lists(st.sampled_from(DATES), max_size=3))
    if entries:
        lines.append("        log:")
    for date in entries:
        lines.append(f"          - date: {date}")
        change = draw(st.sampled_from(["", "[0x10, 80]", "[null, 100]", "[“a, b]", "[yes, no]"]))
        if change:
            lines.append(f"            changes: {{progress: {change}}}")
    return lines


@st.composite
def plans(draw: st.DrawFn) -> str:
    lines = [f"year: {draw(st.sampled_from(['2022', '2023', '0x7E6']))}"]
    if draw(st.booleans()):
        lines += ["roles:", "  - 书记", "  - 组织委员"]
    lines.append("sections:")
    for section in range(draw(st.integers(1, 3))):
        lines += [f"  - title: 部分{section}", "    items:"]
        for item in draw(st.lists(items(), min_size=1, max_size=5)):
            lines += item
    return "\n".join(lines) + "\n"


def _key(problem: Problem) -> tuple[int, int, str, str]:
    return problem.line, problem.column, problem.code, problem.message


@pytest.mark.slow
@SETTINGS
@given(plans())
def test_the_quick_look_at_items_skips_no_finding(text: str) -> None:
    source = Source("plans/2022.yaml", text)
    lazy, whole = check(source), check(source, lazy=False)
    if lazy.root is None or whole.root is None or not lazy.root.is_mapping:
        return  # refused (a control character written as itself): no warnings
    quick = warnings_of(source, lazy.root, TODAY, lazy.data)
    everything = warnings_of(source, whole.root, TODAY)
    assert sorted(map(_key, quick)) == sorted(map(_key, everything))


def test_the_quick_look_reads_plans_as_the_fast_reader_gives_them() -> None:
    # The property above means something only if the items it generates are read with
    # their plain data (the fast reader's), and some of them are quiet.
    text = "title: 要点\nyear: 2022\nsections:\n  - title: 部分\n    items:\n"
    text += "      - number: 1\n        title: 工作\n        due: 2022-05-01\n"
    checked = check(Source("plans/2022.yaml", text))
    assert checked.loaded is not None and checked.data is not None and checked.root is not None
    sections = checked.root.get("sections")
    assert sections is not None
    items = sections.value[0].get("items")
    assert items is not None
    item = items.value[0]
    assert isinstance(item, _Lazy) and item.text is not None
    assert warnings_of(checked.loaded.source, checked.root, TODAY, checked.data) == []
    assert item.text is not None  # its nodes were never built
