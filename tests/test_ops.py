"""What each writing command means, as data: fields set and the ledger entry."""

from __future__ import annotations

import datetime as dt

import pytest

from plantrack import ops
from plantrack.errors import PlantrackError
from plantrack.model import Plan, Status

WHEN = ops.Stamp(dt.date(2022, 3, 15), "李明")


def make_plan(roles: list[str] | None = None) -> Plan:
    return Plan.model_validate(
        {
            "title": "计划",
            "year": 2022,
            "roles": roles,
            "sections": [
                {
                    "title": "一",
                    "items": [
                        {"number": 3, "title": "甲"},
                        {"number": 4, "title": "乙", "status": "done", "progress": 100},
                        {"number": 5, "title": "丙", "owner": "书记", "due": dt.date(2022, 6, 30)},
                    ],
                }
            ],
        }
    )


def test_assign_records_old_and_new_owner() -> None:
    change = ops.assign(make_plan(), [3], "纪检委员", WHEN)
    (item,) = change.items
    assert item.fields == {"owner": "纪检委员"}
    assert item.entry() == {
        "date": dt.date(2022, 3, 15),
        "by": "李明",
        "changes": {"owner": [None, "纪检委员"]},
    }


def test_owner_outside_roles_is_refused_with_the_closest_names() -> None:
    with pytest.raises(PlantrackError) as caught:
        ops.assign(make_plan(["书记", "纪检委员"]), [3], "纪检委", WHEN)
    assert caught.value.message == (
        "'纪检委' is not one of this plan's roles; did you mean 纪检委员?"
        " (--new-role adds it to roles)"
    )


def test_owner_far_from_every_role_lists_the_roles() -> None:
    with pytest.raises(PlantrackError) as caught:
        ops.assign(make_plan(["书记", "纪检委员"]), [3], "王五", WHEN)
    assert caught.value.message == (
        "'王五' is not one of this plan's roles (书记, 纪检委员); --new-role adds it to roles"
    )


def test_new_role_adds_the_owner_to_roles() -> None:
    change = ops.assign(make_plan(["书记"]), [3], "青年委员", WHEN, new_role=True)
    assert change.roles == ("青年委员",)


def test_every_number_is_checked_before_anything_changes() -> None:
    with pytest.raises(PlantrackError) as caught:
        ops.set_status(make_plan(), [3, 4, 99], Status.DOING, WHEN)
    assert caught.value.message == "there is no item 99; this plan has items 3–5"


def test_done_sets_progress_to_100_and_skips_items_already_done() -> None:
    change = ops.set_status(make_plan(), [3, 4, 3], Status.DONE, WHEN)
    (item,) = change.items
    assert item.number == 3
    assert item.changes == {"status": (None, Status.DONE), "progress": (None, 100)}
    assert change.unchanged == (4,)


def test_a_note_is_recorded_even_when_nothing_else_changes() -> None:
    when = ops.stamp(WHEN.date, "李明", "已完成，补记")
    change = ops.set_status(make_plan(), [4], Status.DONE, when)
    assert change.items[0].entry() == {"date": WHEN.date, "by": "李明", "note": "已完成，补记"}


def test_block_keeps_the_reason_as_the_note() -> None:
    change = ops.block(make_plan(), [5], "等待上级文件", WHEN)
    assert change.items[0].entry()["note"] == "等待上级文件"
    with pytest.raises(PlantrackError) as caught:
        ops.block(make_plan(), [5], "  ", WHEN)
    assert caught.value.message == "the reason is empty; say why the item is blocked"


def test_unassign_and_clearing_due_remove_the_field() -> None:
    assert ops.unassign(make_plan(), [5], WHEN).items[0].fields == {"owner": None}
    change = ops.set_due(make_plan(), [5], None, WHEN)
    assert change.items[0].changes == {"due": (dt.date(2022, 6, 30), None)}


@pytest.mark.parametrize(("text", "value"), [("0", 0), ("40", 40), ("40%", 40), ("100％", 100)])
def test_percentages(text: str, value: int) -> None:
    assert ops.percent(text) == value


@pytest.mark.parametrize("text", ["101", "-5", "40.5", "abc", ""])
def test_percentage_outside_0_to_100_is_refused(text: str) -> None:
    with pytest.raises(PlantrackError) as caught:
        ops.percent(text)
    assert caught.value.message == f"bad percentage {text!r}; give a whole number from 0 to 100"


def test_empty_owner_note_and_author_are_refused() -> None:
    messages = []
    for attempt in (
        lambda: ops.assign(make_plan(), [3], " ", WHEN),
        lambda: ops.stamp(WHEN.date, "李明", ""),
        lambda: ops.stamp(WHEN.date, "", None),
        lambda: ops.note(make_plan(), 3, WHEN),
    ):
        with pytest.raises(PlantrackError) as caught:
            attempt()
        messages.append(caught.value.message)
    assert messages == [
        "the owner is empty; give a role or a name",
        "the note is empty; say what was done",
        "--by is empty; give the name of who records this",
        "the note is empty; say what was done",
    ]


def test_status_words_in_english_or_chinese() -> None:
    assert ops.status_named("进行中") is Status.DOING
    assert ops.status_named("Blocked") is Status.BLOCKED
    with pytest.raises(PlantrackError) as caught:
        ops.status_named("finished")
    assert caught.value.message == (
        "unknown status 'finished'; use one of todo, doing, done, blocked"
        " (未开始, 进行中, 已完成, 受阻)"
    )


def test_reopen_changes_only_done_or_blocked_items_and_clears_progress_100() -> None:
    plan = make_plan()
    change = ops.reopen(plan, [3, 4], WHEN)
    (item,) = change.items
    assert item.number == 4
    assert item.fields == {"status": Status.DOING, "progress": None}
    assert item.entry()["changes"] == {
        "status": [Status.DONE, Status.DOING],
        "progress": [100, None],
    }
    assert change.unchanged == (3,)


def test_leaving_done_at_100_clears_progress_so_the_item_is_not_complete_but_open() -> None:
    change = ops.set_status(make_plan(), [4], Status.BLOCKED, WHEN)
    assert change.items[0].changes == {
        "status": (Status.DONE, Status.BLOCKED),
        "progress": (100, None),
    }


def test_no_status_is_todo_and_no_progress_is_zero() -> None:
    assert ops.set_status(make_plan(), [3], Status.TODO, WHEN).unchanged == (3,)
    assert ops.set_progress(make_plan(), 3, 0, WHEN).unchanged == (3,)
    assert ops.set_progress(make_plan(), 3, 10, WHEN).items[0].changes == {"progress": (None, 10)}


def test_an_unknown_number_in_a_plan_without_items_says_so() -> None:
    plan = Plan.model_validate({"title": "计划", "year": 2022, "sections": []})
    with pytest.raises(PlantrackError) as caught:
        ops.note(plan, 1, ops.stamp(WHEN.date, "李明", "开会"))
    assert caught.value.message == "there is no item 1; this plan has no items"


def test_a_change_made_on_plain_data_puts_the_entry_in_date_order_in_the_plans_words() -> None:
    data = {
        "title": "计划",
        "year": 2022,
        "roles": ["书记"],
        "sections": [
            {
                "title": "一",
                "items": [
                    {"number": 3, "title": "甲", "status": "进行中", "owner": "书记"},
                    {
                        "number": 4,
                        "title": "乙",
                        "log": [{"date": dt.date(2022, 4, 1), "by": "王芳"}],
                    },
                ],
            }
        ],
    }
    plan = Plan.model_validate(data)
    when = ops.Stamp(dt.date(2022, 3, 15), "李明")
    change = ops.set_status(plan, [3, 4], Status.DONE, when)
    new = change.apply_to(data)
    entry = {"date": when.date, "by": "李明"}
    assert new["sections"][0]["items"] == [
        {
            "number": 3,
            "title": "甲",
            "status": "已完成",
            "owner": "书记",
            "progress": 100,
            "log": [
                {**entry, "changes": {"status": ["进行中", "已完成"], "progress": [None, 100]}}
            ],
        },
        {
            "number": 4,
            "title": "乙",
            "status": "已完成",
            "progress": 100,
            "log": [
                {**entry, "changes": {"status": [None, "已完成"], "progress": [None, 100]}},
                {"date": dt.date(2022, 4, 1), "by": "王芳"},
            ],
        },
    ]
    assert "status" not in data["sections"][0]["items"][1]  # the old data is left as it was
    unassigned = ops.unassign(plan, [3], when).apply_to(data)
    assert "owner" not in unassigned["sections"][0]["items"][0]
    added = ops.assign(plan, [4], "纪检委员", when, new_role=True).apply_to(data)
    assert added["roles"] == ["书记", "纪检委员"]
