"""A write of items alone reads the plan as data and the changed items from their own lines:
the file it writes is the one the whole node tree gives, and anything it cannot place
that way is edited from the whole tree."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from plantrack import ops
from plantrack.reading import Source, check
from plantrack.writing.editor import edit_text
from plantrack.writing.located import LocatedPlan, read_located

WHEN = ops.Stamp(dt.date(2022, 3, 15), "李明")
NOTE = ops.Stamp(WHEN.date, WHEN.by, "复查")

PLAN = """\
title: 计划
year: 2022
roles:
  - 书记
  - 纪检委员
sections:
  - title: 一
    items:
      - number: 1
        title: 甲
        text: "正文 - number: 9"
      # between the items
      - number: 2
        title: 乙
        owner: 书记
        log:
          - date: 2022-01-05
            by: 王芳
            note: 开会
  - title: 二
    items:
    - number: 3
      title: 丙
      due: 2022-06-30
"""

# The same plan with its lists at their keys' column, and one without roles.
FLUSH = """\
title: 计划
year: 2022
roles:
- 书记
- 纪检委员
sections:
- title: 一
  items:

  # the first item
  - number: 1
    title: 甲
  - number: 2
    title: 乙
    co_owners: [书记]
  - number: 3
    title: 丙
"""

CHANGES = [
    lambda plan: ops.assign(plan, [1], "纪检委员", WHEN),
    lambda plan: ops.assign(plan, [2, 3], "纪检委员", WHEN, co_owners=["书记"]),
    lambda plan: ops.note(plan, 2, NOTE),
    lambda plan: ops.note(plan, 3, NOTE),
    lambda plan: ops.set_status(plan, [3, 1], ops.Status.DONE, WHEN),
    lambda plan: ops.set_due(plan, [3], None, WHEN),
    lambda plan: ops.unassign(plan, [2], WHEN),
    lambda plan: ops.assign(plan, [1], "新人", WHEN, new_role=True),
]


def full_edit(text: str, make: Any) -> str:
    loaded = check(Source("plan.yaml", text)).loaded
    assert loaded is not None
    return edit_text(loaded, make(loaded.plan)).text


def located_edit(text: str, make: Any) -> tuple[str, LocatedPlan]:
    located = read_located(Source("plan.yaml", text))
    assert located is not None
    return edit_text(located, make(located.plan)).text, located


@pytest.mark.parametrize("text", [PLAN, FLUSH])
@pytest.mark.parametrize("make", CHANGES)
def test_an_edit_from_the_items_lines_writes_what_the_whole_tree_does(text: str, make: Any) -> None:
    new_text, _ = located_edit(text, make)
    assert new_text == full_edit(text, make)


def test_an_edit_of_items_alone_reads_no_node_tree() -> None:
    new_text, located = located_edit(PLAN, CHANGES[1])
    assert "owner: 纪检委员" in new_text
    assert located._root is None
    assert located.path == "plan.yaml"


def test_a_new_role_is_written_from_the_lines_above_the_items() -> None:
    new_text, located = located_edit(PLAN, CHANGES[-1])
    assert "  - 新人\n" in new_text
    assert located._root is None


def test_roles_after_the_sections_are_written_from_the_whole_tree() -> None:
    roles = "roles:\n  - 书记\n  - 纪检委员\n"
    text = PLAN.replace(roles, "") + roles
    new_text, located = located_edit(text, CHANGES[-1])
    assert new_text.endswith("  - 纪检委员\n  - 新人\n")
    assert new_text == full_edit(text, CHANGES[-1])
    assert located._root is not None


def test_an_item_not_on_a_number_line_has_the_plan_edited_from_the_whole_tree() -> None:
    text = PLAN.replace(
        '      - number: 1\n        title: 甲\n        text: "正文 - number: 9"\n',
        "      - {number: 1, title: 甲}\n",
    )
    for make in (CHANGES[3], CHANGES[-1]):
        new_text, located = located_edit(text, make)
        assert "      - {number: 1, title: 甲" in new_text
        assert new_text == full_edit(text, make)
        assert located._root is not None


def test_lines_that_do_not_read_as_the_item_have_the_plan_edited_from_the_whole_tree() -> None:
    # The data says item 3 is due in July; its lines say June: they are not taken for it.
    loaded = read_located(Source("plan.yaml", PLAN))
    assert loaded is not None
    data = loaded.plain()
    item = {**data["sections"][1]["items"][0], "due": dt.date(2022, 7, 31)}
    other = {**data, "sections": [data["sections"][0], {**data["sections"][1], "items": [item]}]}
    located = LocatedPlan(loaded.source, other, loaded.plan)
    assert located.locate([3]) is None
    assert located.locate([1]) is not None


def test_a_plan_the_fast_reader_leaves_or_with_a_problem_is_read_in_full() -> None:
    assert read_located(Source("plan.yaml", PLAN.replace("title: 丙", "title: 丙  # c"))) is None
    assert read_located(Source("plan.yaml", PLAN.replace("number: 3", "number: 2"))) is None
