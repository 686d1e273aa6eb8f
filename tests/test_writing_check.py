"""The cheap form of the write's read-back check: exact, or it leaves the decision to the full one.

A writing command reads back only the lines of the items it changed. These tests hold it
to the full check's standard: it accepts a right edit, and never a text that differs from
the intended data, inside those lines or outside them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from plantrack import ops
from plantrack.errors import PlantrackError
from plantrack.reading import Source, check
from plantrack.writing import editor
from plantrack.writing.check import check_items

WHEN = ops.Stamp(dt.date(2022, 3, 15), "李明")

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
        text: 正文
      # between the items
      - number: 2
        title: 乙
        owner: 书记
        log:
          - date: 2022-01-05
            by: 王芳
            note: 开会
      - number: 3
        title: 丙
"""


def prepared(text: str, make: Any) -> tuple[Any, str]:
    """The editor of a change to `text`, and the new text it splices together."""
    loaded = check(Source("plan.yaml", text)).loaded
    assert loaded is not None
    made = editor.SpliceEditor(loaded, make(loaded.plan), loaded.source.text)
    return made, made.splices.joined()[-1]


def proves(made: Any, new_text: str) -> bool:
    places = [made.items[number] for number in dict.fromkeys(made.numbers)]
    changed = [(s, i, node, items) for node, s, i, items in places]
    return check_items(
        made.loaded.source, new_text, made.splices.splices, made.old, made.expected, changed
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda plan: ops.assign(plan, [1], "纪检委员", WHEN),
        lambda plan: ops.note(plan, 2, ops.Stamp(WHEN.date, WHEN.by, "复查")),
        lambda plan: ops.assign(plan, [2, 3], "纪检委员", WHEN),
        lambda plan: ops.assign(plan, [3, 1], "纪检委员", WHEN),
    ],
)
def test_an_edit_of_items_is_proven_by_reading_back_its_lines(make: Any) -> None:
    made, new_text = prepared(PLAN, make)
    assert proves(made, new_text)


def test_a_changed_item_that_reads_back_otherwise_is_not_accepted() -> None:
    made, new_text = prepared(PLAN, lambda plan: ops.assign(plan, [1], "纪检委员", WHEN))
    wrong = new_text.replace("owner: 纪检委员", "owner: 书记")
    assert not proves(made, wrong)
    with pytest.raises(PlantrackError):
        made.check(wrong)


def test_a_text_changed_outside_the_changed_items_is_not_accepted() -> None:
    made, new_text = prepared(PLAN, lambda plan: ops.assign(plan, [1], "纪检委员", WHEN))
    wrong = new_text.replace("title: 丙", "title: 丁")
    assert not proves(made, wrong)
    with pytest.raises(PlantrackError):
        made.check(wrong)


def test_new_roles_are_left_to_the_full_check() -> None:
    made, new_text = prepared(
        PLAN, lambda plan: ops.assign(plan, [1], "统战委员", WHEN, new_role=True)
    )
    assert not proves(made, new_text)
    made.check(new_text)  # and that one accepts it


def test_an_item_with_a_block_scalar_is_left_to_the_full_check() -> None:
    text = PLAN.replace("        text: 正文\n", "        text: |\n          正文\n")
    made, new_text = prepared(text, lambda plan: ops.assign(plan, [1], "纪检委员", WHEN))
    assert not proves(made, new_text)
    made.check(new_text)
