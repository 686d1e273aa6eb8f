"""The plan as of a date, rebuilt from its ledgers, and each item's schedule standing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import examples
from histories import HISTORY, write_history
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plantrack import ops
from plantrack.cli import app
from plantrack.history import (
    Standing,
    field_as_of,
    item_as_of,
    plan_as_of,
    plan_schedule,
    schedule,
)
from plantrack.model import Item, Plan, Status
from plantrack.reading import load

runner = CliRunner()
TODAY = dt.date(2022, 12, 31)


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return load(write_history(tmp_path)).plan


def state(plan: Plan, day: str) -> dict[int, tuple[str | None, Status, int | None]]:
    as_of = plan_as_of(plan, dt.date.fromisoformat(day), TODAY).plan
    return {
        item.number: (item.owner, item.current_status, item.progress) for _, item in as_of.items()
    }


def test_the_state_at_the_end_of_a_day_undoes_the_entries_after_it(plan: Plan) -> None:
    assert state(plan, "2022-03-31") == {
        1: ("宣传委员", Status.DOING, 50),
        2: ("宣传委员", Status.DOING, None),  # reassigned to 书记 only on 04-01
        3: ("组织委员", Status.DOING, None),
        4: ("组织委员", Status.DOING, 20),
        5: ("纪检委员", Status.DOING, 60),
        6: (None, Status.TODO, None),
    }
    assert state(plan, "2022-05-01")[3] == ("组织委员", Status.BLOCKED, None)
    assert state(plan, "2022-06-30")[3] == ("组织委员", Status.DOING, None)  # reopened 06-05
    assert state(plan, "2022-06-30")[1] == ("宣传委员", Status.DONE, 100)
    assert state(plan, "2022-01-01")[1] == ("宣传委员", Status.TODO, None)


def test_an_entry_dated_on_the_day_counts_and_the_ledger_is_cut_there(plan: Plan) -> None:
    as_of = plan_as_of(plan, dt.date(2022, 5, 20), TODAY).plan
    item = next(item for _, item in as_of.items() if item.number == 1)
    assert item.current_status is Status.DONE
    assert [entry.date.isoformat() for entry in item.log or []] == [
        "2022-01-10",
        "2022-03-15",
        "2022-05-20",
    ]


def test_a_value_typed_in_by_hand_is_not_explained_by_the_ledger(plan: Plan) -> None:
    # Item 5's progress (60) has no ledger entry: on any past day the ledger cannot say it.
    assert plan_as_of(plan, dt.date(2022, 3, 31), TODAY).unexplained == {5: ("progress",)}
    # On today the file itself is the state.
    assert plan_as_of(plan, TODAY, TODAY).unexplained == {}


def test_an_entry_the_file_does_not_continue_from_is_not_explained(tmp_path: Path) -> None:
    text = HISTORY.replace(
        "        owner: 书记\n        status: doing\n        progress: 30",
        "        owner: 组织委员\n        status: doing\n        progress: 30",
    )
    path = tmp_path / "2022.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load(path).plan
    # The ledger says 书记 from 04-01, the file says 组织委员: in between nobody knows.
    assert plan_as_of(plan, dt.date(2022, 5, 1), TODAY).unexplained[2] == ("owner",)
    # Before 04-01 the ledger's own old value stands.
    assert 2 not in plan_as_of(plan, dt.date(2022, 3, 1), TODAY).unexplained
    assert state(plan, "2022-05-01")[2][0] == "书记"  # what the ledger last recorded


def standings(plan: Plan, day: str) -> dict[int, Standing | None]:
    as_of = plan_as_of(plan, dt.date.fromisoformat(day), TODAY).plan
    return {n: s.standing for n, s in plan_schedule(as_of, dt.date.fromisoformat(day)).items()}


def test_standing_at_chosen_dates(plan: Plan) -> None:
    assert standings(plan, "2022-03-31") == {
        1: Standing.ON_TRACK,  # 50 % done, 47 % of 01-10 … 06-30 elapsed
        2: Standing.BEHIND,  # nothing done, 18 % elapsed
        3: Standing.BEHIND,
        4: Standing.BEHIND,  # due that day at 20 %
        5: Standing.AHEAD,  # the progress of 60 typed in by hand stands; it is flagged
        6: None,  # no due date
    }
    assert standings(plan, "2022-03-15")[1] is Standing.AHEAD  # 50 % done, 38 % elapsed
    assert standings(plan, "2022-06-30")[1] is Standing.DONE
    assert standings(plan, "2022-06-30")[4] is Standing.OVERDUE


def test_expected_progress_runs_from_the_first_ledger_entry_to_the_due_date(plan: Plan) -> None:
    item = next(item for _, item in plan.items() if item.number == 1)
    assert schedule(item, 2022, dt.date(2022, 1, 9)).expected == 0
    assert schedule(item, 2022, dt.date(2022, 3, 31)).expected == round(100 * 81 / 172)
    assert schedule(item, 2022, dt.date(2022, 7, 1)).expected == 100


def test_due_soon_is_within_fourteen_days_unless_told(plan: Plan) -> None:
    as_of = plan_as_of(plan, dt.date(2022, 3, 20), TODAY).plan
    four = next(item for _, item in as_of.items() if item.number == 4)
    assert schedule(four, 2022, dt.date(2022, 3, 20)).due_soon
    assert not schedule(four, 2022, dt.date(2022, 3, 10)).due_soon
    assert schedule(four, 2022, dt.date(2022, 3, 10), soon=30).due_soon


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"PLANTRACK_TODAY": "2022-12-31"})
    return result.exit_code, result.stdout, result.stderr


def test_status_as_of_shows_the_plan_on_that_day(tmp_path: Path) -> None:
    path = write_history(tmp_path)
    code, out, err = invoke("status", "-p", str(path), "--as-of", "2022-05-01", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["today"], data["as_of"]) == ("2022-05-01", "2022-05-01")
    items = {entry["number"]: entry for entry in data["items"]}
    assert items[3]["status"] == "blocked"
    assert items[2]["owner"] == "书记"
    assert items[4]["standing"] == "overdue"
    assert items[5]["unexplained"] == ["progress"]
    assert [entry["date"] for entry in items[1]["log"]] == ["2022-01-10", "2022-03-15"]
    code, out, _ = invoke("status", "-p", str(path), "--as-of", "2022-05-01")
    assert "as of 2022-05-01" in out
    assert "the ledger does not explain some values of items 5 on that day" in out


def test_status_filters_by_schedule(tmp_path: Path) -> None:
    path = write_history(tmp_path)

    def numbers(*args: str) -> list[int]:
        code, out, err = invoke("status", "-p", str(path), "-f", "json", *args)
        assert code == 0, err
        return [entry["number"] for entry in json.loads(out)["items"]]

    assert numbers("--as-of", "2022-03-31", "--behind") == [2, 3, 4]
    assert numbers("--as-of", "2022-03-20", "--due-within", "14") == [4]
    assert numbers("--as-of", "2022-03-20", "--due-within", "5") == []


def test_show_as_of(tmp_path: Path) -> None:
    path = write_history(tmp_path)
    code, out, _ = invoke("show", "3", "-p", str(path), "--as-of", "2022-05-01")
    assert code == 0
    assert "as of 2022-05-01" in out
    assert "blocked" in out and "2022-06-05" not in out


def test_as_of_a_day_after_today_is_refused(tmp_path: Path) -> None:
    path = write_history(tmp_path)
    code, out, err = invoke("status", "-p", str(path), "--as-of", "2023-01-01")
    assert (code, out) == (1, "")
    assert err == (
        "plantrack: --as-of 2023-01-01 is after today (2022-12-31); the ledger cannot tell"
        " what has not happened yet\n"
    )
    code, _, err = invoke("show", "1", "-p", str(path), "--as-of", "2022-13-01")
    assert code == 1 and err.startswith("plantrack: ")


# --------------------------------------------------------------------------- against the ops


ONE_ITEM = Plan.model_validate(
    {
        "title": "t",
        "year": 2022,
        "sections": [{"title": "s", "items": [{"number": 1, "title": "x"}]}],
    }
)
STEPS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=20),  # days after the step before
        st.sampled_from(["start", "done", "block", "reopen", "progress", "assign", "due"]),
        st.integers(min_value=0, max_value=100),
    ),
    max_size=12,
)


def _apply(plan: Plan, change: ops.PlanChange) -> Plan:
    [item_change] = change.items or [None]  # type: ignore[list-item]
    if item_change is None:
        return plan
    item = plan.sections[0].items[0]
    entry = item_change.entry()
    if "changes" in entry:
        entry["changes"] = {
            name: [getattr(v, "value", v) for v in pair] for name, pair in entry["changes"].items()
        }
    log = [*(item.log or []), entry]
    data = item.model_dump()
    data.update(item_change.fields)
    data["log"] = [e if isinstance(e, dict) else e.model_dump() for e in log]
    section = plan.sections[0].model_copy(update={"items": [type(item).model_validate(data)]})
    return plan.model_copy(update={"sections": [section]})


def _command(plan: Plan, kind: str, value: int, when: ops.Stamp) -> ops.PlanChange:
    if kind == "block":
        return ops.block(plan, [1], "等待", when)
    if kind == "reopen":
        return ops.reopen(plan, [1], when)
    if kind == "progress":
        return ops.set_progress(plan, 1, value, when)
    if kind == "assign":
        return ops.assign(plan, [1], f"委员{value % 3}", when)
    if kind == "due":
        return ops.set_due(plan, [1], dt.date(2022, 1, 1) + dt.timedelta(days=value), when)
    return ops.set_status(plan, [1], Status.DONE if kind == "done" else Status.DOING, when)


@pytest.mark.slow
@settings(max_examples=examples(100))
@given(STEPS)
def test_the_state_on_every_day_is_what_the_commands_left_that_day(
    steps: list[tuple[int, str, int]],
) -> None:
    plan = ONE_ITEM
    day = dt.date(2022, 1, 1)
    states: dict[dt.date, tuple[object, ...]] = {}

    def fields(p: Plan) -> tuple[object, ...]:
        item = p.sections[0].items[0]
        return (item.owner, item.current_status, item.progress or 0, item.due)

    for gap, kind, value in steps:
        day += dt.timedelta(days=gap)
        when = ops.stamp(day, "李明", "记录")
        change = _command(plan, kind, value, when)
        plan = _apply(plan, change)
        states[day] = fields(plan)
    today = day + dt.timedelta(days=1)
    for when_day, expected in states.items():
        as_of = plan_as_of(plan, when_day, today)
        assert fields(as_of.plan) == expected
        assert as_of.unexplained == {}


# Ledgers in any order, several entries a day, each changing one field or none.
_ENTRIES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=6),  # the day of January
        st.sampled_from([None, "status", "owner", "progress"]),
        st.integers(min_value=0, max_value=3),
    ),
    max_size=8,
)
_VALUES = {
    "status": ["todo", "doing", "done", "blocked"],
    "owner": ["书记", "组织委员", "纪检委员", "宣传委员"],
    "progress": [0, 30, 60, 100],
}


def _change(name: str, value: int) -> list[object]:
    values = _VALUES[name]
    return [values[(value + 1) % len(values)], values[value]]


@given(_ENTRIES, st.integers(min_value=0, max_value=7), st.sampled_from(["status", "owner"]))
@example([(0, "status", 1), (0, "status", 2)], 1, "status")  # the same day: the last counts
@example([(3, "owner", 1), (1, "owner", 2), (5, "owner", 3)], 2, "owner")  # out of order
@example([(3, "owner", 1), (3, "owner", 2)], 1, "owner")  # after the day: the first counts
def test_one_field_on_a_day_is_what_the_whole_item_on_that_day_has(
    entries: list[tuple[int, str | None, int]], day: int, name: str
) -> None:
    log = [
        {
            "date": dt.date(2022, 1, 1 + offset),
            "by": "李明",
            **({"changes": {changed: _change(changed, value)}} if changed else {}),
        }
        for offset, changed, value in entries
    ]
    item = Item.model_validate(
        {"number": 1, "title": "学习", "owner": "书记", "status": "doing", "log": log or None}
    )
    on = dt.date(2022, 1, 1 + day)
    assert field_as_of(item, name, on) == getattr(item_as_of(item, on)[0], name)
