"""Property: two histories of writing commands from one plan merge into a plan that loads and
keeps every ledger entry of both, in date order."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_merge_driver import PLAN

from plantrack import ops
from plantrack.merging.files import merge_files
from plantrack.merging.identity import entry_key
from plantrack.model import Status
from plantrack.reading import load as load_plan
from plantrack.writing.plan_file import open_for_edit

NUMBERS = (1, 2, 3)
DAYS = st.integers(0, 5).map(lambda n: dt.date(2022, 6, 26) + dt.timedelta(days=n))
NOTES = st.sampled_from(["召开支委会", "集中学习", "检查笔记", "no"])


def commands(fields: tuple[int, ...]) -> st.SearchStrategy[tuple[str, int, object, dt.date, str]]:
    """A writing command: a note on any item; a field change only on the items in `fields`,
    so that the two histories never change one field differently."""
    note = st.tuples(st.just("note"), st.sampled_from(NUMBERS), NOTES, DAYS, st.just("甲"))
    field = st.one_of(
        st.tuples(
            st.just("status"),
            st.sampled_from(fields),
            st.sampled_from(list(Status)),
            DAYS,
            st.just("乙"),
        ),
        st.tuples(
            st.just("progress"), st.sampled_from(fields), st.integers(0, 100), DAYS, st.just("乙")
        ),
        st.tuples(
            st.just("owner"),
            st.sampled_from(fields),
            st.sampled_from(["书记", "组织委员"]),
            DAYS,
            st.just("乙"),
        ),
    )
    return st.one_of(note, field)


def run(path: Path, command: tuple[str, int, object, dt.date, str]) -> None:
    name, number, value, day, by = command
    with open_for_edit(str(path)) as plan_file:
        plan = plan_file.plan
        when = ops.stamp(day, by, str(value) if name == "note" else None)
        if name == "note":
            change = ops.note(plan, number, when)
        elif name == "status":
            change = ops.set_status(plan, [number], value, when)  # type: ignore[arg-type]
        elif name == "progress":
            change = ops.set_progress(plan, number, value, when)  # type: ignore[arg-type]
        else:
            change = ops.assign(plan, [number], str(value), when)
        plan_file.apply(change)


def ledgers(path: Path) -> dict[int, list[object]]:
    plan = load_plan(path).root.to_python()
    return {
        item["number"]: item.get("log") or []
        for section in plan["sections"]
        for item in section["items"]
    }


@pytest.mark.slow
@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ours=st.lists(commands((1,)), max_size=6),
    theirs=st.lists(commands((2, 3)), max_size=6),
)
def test_both_histories_ledgers_survive_the_merge(
    tmp_path: Path,
    ours: list[tuple[str, int, object, dt.date, str]],
    theirs: list[tuple[str, int, object, dt.date, str]],
) -> None:
    folder = tmp_path / "case"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    base = folder / "base.yaml"
    base.write_text(PLAN, encoding="utf-8")
    ours_file, theirs_file = folder / "ours.yaml", folder / "theirs.yaml"
    shutil.copyfile(base, ours_file)
    shutil.copyfile(base, theirs_file)
    for command in ours:
        run(ours_file, command)
    for command in theirs:
        run(theirs_file, command)
    expected = {n: (ledgers(ours_file)[n], ledgers(theirs_file)[n]) for n in NUMBERS}

    outcome = merge_files(str(base), str(ours_file), str(theirs_file), "plans/2022.yaml")

    assert outcome.clean and not outcome.line_merge
    merged = ledgers(ours_file)  # loads, or this raises
    for number, (mine, other) in expected.items():
        log = merged[number]
        mine_count = Counter(map(entry_key, mine))
        other_count = Counter(map(entry_key, other))
        # Every entry of both, once: those on both sides (the base's, or the same entry
        # recorded twice) are not doubled.
        assert Counter(map(entry_key, log)) == mine_count | other_count
        dates = [e["date"] for e in log]  # type: ignore[index]
        assert dates == sorted(dates)
