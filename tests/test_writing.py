"""In-place edits of plan files: minimal diffs, never an invalid file, atomic writes."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from conftest import examples

from plantrack import ops
from plantrack.errors import PlantrackError
from plantrack.model import Status
from plantrack.reading import LoadedPlan, Source, check
from plantrack.writing import editor, plan_file
from plantrack.writing.editor import edit_text
from plantrack.writing.plan_file import open_for_edit
from plantrack.writing.splices import last_node, value_end

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2022.yaml"
WHEN = ops.Stamp(dt.date(2022, 3, 15), "李明")
BOM = b"\xef\xbb\xbf"


def load(text: str, bom: bool = False) -> LoadedPlan:
    result = check(Source("plan.yaml", text, bom))
    loaded, problems = result.loaded, result.problems
    assert loaded is not None, [p.format() for p in problems]
    return loaded


def edit(text: str, command: Any) -> str:
    loaded = load(text)
    return edit_text(loaded, command(loaded.plan)).text


def change_plan(path: str, command: Any, *, dry_run: bool = False) -> plan_file.Edited:
    """`command` made on the plan file at `path`, as a writing command makes it."""
    with open_for_edit(path, dry_run=dry_run) as opened:
        return opened.apply(command(opened.plan))


def added_and_removed(before: str, after: str) -> tuple[list[str], list[str]]:
    added, removed = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)):
        if line.startswith("+ "):
            added.append(line[2:])
        elif line.startswith("- "):
            removed.append(line[2:])
    return added, removed


PLAN = """\
# 2022 plan
title: 计划   # the title
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
        text: 正文

      - number: 2
        title: '乙'
        owner: "书记"  # chosen at the meeting
        status: doing
        log:
          - date: 2022-01-05
            by: 王芳
            note: 开会
"""


def test_assign_on_the_seed_plan_adds_only_the_owner_and_ledger_lines() -> None:
    before = SEED.read_text(encoding="utf-8")
    after = edit(before, lambda plan: ops.assign(plan, [14], "纪检委员", WHEN))
    added, removed = added_and_removed(before, after)
    assert removed == []
    assert added == [
        "        owner: 纪检委员\n",
        "        log:\n",
        "          - date: 2022-03-15\n",
        "            by: 李明\n",
        "            changes: {owner: [null, 纪检委员]}\n",
    ]
    # The new lines sit inside item 14, right after its text.
    lines = after.splitlines()
    assert lines[lines.index("        owner: 纪检委员") - 3] == "      - number: 14"


@pytest.mark.slow
def test_git_diff_of_assign_shows_only_the_new_lines(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "2022.yaml"
    plan.write_bytes(SEED.read_bytes())
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "seed"], cwd=tmp_path, check=True)
    change_plan(str(plan), lambda plan: ops.assign(plan, [14], "纪检委员", WHEN))
    diff = subprocess.run(
        ["git", "diff", "-U0", "--no-color"], cwd=tmp_path, capture_output=True, check=True
    ).stdout.decode("utf-8")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert changed == [
        "+        owner: 纪检委员",
        "+        log:",
        "+          - date: 2022-03-15",
        "+            by: 李明",
        "+            changes: {owner: [null, 纪检委员]}",
    ]


def test_comments_blank_lines_and_quoting_survive() -> None:
    after = edit(PLAN, lambda plan: ops.assign(plan, [2], "纪检委员", WHEN))
    added, removed = added_and_removed(PLAN, after)
    assert removed == ['        owner: "书记"  # chosen at the meeting\n']
    assert added == [
        '        owner: "纪检委员"  # chosen at the meeting\n',
        "          - date: 2022-03-15\n",
        "            by: 李明\n",
        "            changes: {owner: [书记, 纪检委员]}\n",
    ]


def test_single_quoted_value_stays_single_quoted() -> None:
    text = PLAN.replace('owner: "书记"', "owner: '书记'")
    after = edit(text, lambda plan: ops.assign(plan, [2], "纪检委员", WHEN))
    assert "        owner: '纪检委员'  # chosen at the meeting\n" in after


def test_a_value_that_needs_quotes_gets_them() -> None:
    after = edit(PLAN, lambda plan: ops.note(plan, 1, ops.Stamp(WHEN.date, "李明", "问题: yes")))
    assert "            note: '问题: yes'\n" in after
    assert load(after).plan.sections[0].items[0].log[-1].note == "问题: yes"  # type: ignore[index]


def test_new_keys_go_in_item_order_with_the_items_indentation() -> None:
    change = ops.set_status(load(PLAN).plan, [1], Status.DONE, WHEN)
    after = edit_text(load(PLAN), change).text
    assert (
        "        text: 正文\n"
        "        status: done\n"
        "        progress: 100\n"
        "        log:\n"
        "          - date: 2022-03-15\n"
        "            by: 李明\n"
        "            changes: {status: [null, done], progress: [null, 100]}\n"
        "\n"
        "      - number: 2\n"
    ) in after


def test_flow_style_items_are_edited_in_flow_style() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n"
        "  - {number: 1, title: 甲, text: 正文}  # short\n"
        "  - {number: 2, title: 乙, owner: 书记, log: [{date: 2022-01-05, by: 王芳}]}\n"
    )
    after = edit(text, lambda plan: ops.assign(plan, [1, 2], "纪检委员", WHEN))
    assert after.splitlines()[5:] == [
        "  - {number: 1, title: 甲, text: 正文, owner: 纪检委员, log: [{date: 2022-03-15,"
        " by: 李明, changes: {owner: [null, 纪检委员]}}]}  # short",
        "  - {number: 2, title: 乙, owner: 纪检委员, log: [{date: 2022-01-05, by: 王芳},"
        " {date: 2022-03-15, by: 李明, changes: {owner: [书记, 纪检委员]}}]}",
    ]


def test_indentless_lists_and_flow_ledger_entries_keep_their_style() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n    title: 甲\n"
        "    log:\n    - {date: 2022-01-05, by: 王芳}\n"
    )
    after = edit(text, lambda plan: ops.note(plan, 1, ops.Stamp(WHEN.date, "李明", "开会")))
    assert after.endswith(
        "    - {date: 2022-01-05, by: 王芳}\n    - {date: 2022-03-15, by: 李明, note: 开会}\n"
    )


@pytest.mark.parametrize(
    ("log", "expected"),
    [
        ("    log:\n", "    log:\n    - date: 2022-03-15\n      by: 李明\n      note: 开会\n"),
        ("    log: null  # none yet\n", "    log:  # none yet\n    - date: 2022-03-15\n"),
        ("    log: []\n", "    log: [{date: 2022-03-15, by: 李明, note: 开会}]\n"),
    ],
)
def test_an_empty_ledger_is_filled_in_place(log: str, expected: str) -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n    title: 甲\n"
    )
    after = edit(text + log, lambda plan: ops.note(plan, 1, ops.Stamp(WHEN.date, "李明", "开会")))
    assert expected in after


def test_chinese_status_words_stay_chinese() -> None:
    text = PLAN.replace("status: doing", "status: 进行中")
    after = edit(text, lambda plan: ops.set_status(plan, [2], Status.DONE, WHEN))
    assert "        status: 已完成\n" in after
    assert "changes: {status: [进行中, 已完成], progress: [null, 100]}" in after


def test_unassign_and_clearing_a_deadline_remove_their_lines() -> None:
    text = PLAN.replace(
        "        status: doing\n", "        status: doing\n        due: 2022-06-30\n"
    )
    after = edit(text, lambda plan: ops.unassign(plan, [2], WHEN))
    after = edit(after, lambda plan: ops.set_due(plan, [2], None, WHEN))
    _, removed = added_and_removed(text, after)
    assert removed == [
        '        owner: "书记"  # chosen at the meeting\n',
        "        due: 2022-06-30\n",
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_line_endings_and_a_missing_final_newline_survive(
    newline: str, final_newline: bool
) -> None:
    text = PLAN.replace("\n", newline)
    if not final_newline:
        text = text[: -len(newline)]
    after = edit(text, lambda plan: ops.note(plan, 2, ops.Stamp(WHEN.date, "李明", "再开会")))
    assert after.endswith("note: 再开会" + (newline if final_newline else ""))
    if newline == "\r\n":
        assert after.count("\n") == after.count("\r\n")
    else:
        assert "\r" not in after
    assert after.startswith(text.rsplit(newline + "          - date: 2022-01-05", 1)[0])


def test_a_missing_final_newline_survives_removing_the_last_line() -> None:
    text = PLAN.rstrip("\n").replace(
        "            note: 开会", "            note: 开会\n        due: 2022-06-30"
    )
    after = edit(text, lambda plan: ops.set_due(plan, [2], None, WHEN))
    assert not after.endswith("\n")


def test_bom_and_permissions_are_kept(tmp_path: Path) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    mode = 0o640 if os.name == "posix" else plan.stat().st_mode & 0o777
    plan.chmod(mode)
    change_plan(str(plan), lambda plan: ops.assign(plan, [1], "书记", WHEN))
    data = plan.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# 2022 plan\n")
    assert b"owner: \xe4\xb9\xa6\xe8\xae\xb0" in data
    assert plan.stat().st_mode & 0o777 == mode


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need extra rights on Windows")
def test_a_plan_reached_through_a_symbolic_link_is_written_where_it_points(
    tmp_path: Path,
) -> None:
    real = tmp_path / "shared" / "2022.yaml"
    real.parent.mkdir()
    real.write_text(PLAN, encoding="utf-8")
    link = tmp_path / "2022.yaml"
    link.symlink_to(real)
    change_plan(str(link), lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert link.is_symlink()
    assert "        owner: 书记\n" in real.read_text(encoding="utf-8")


def test_a_block_scalar_is_refused_with_where_and_why() -> None:
    text = PLAN.replace(
        '        owner: "书记"  # chosen at the meeting\n', "        owner: |\n          书记\n"
    )
    with pytest.raises(PlantrackError) as caught:
        edit(text, lambda plan: ops.assign(plan, [2], "纪检委员", WHEN))
    assert caught.value.lines() == [
        "plan.yaml:18:16: owner is written as a block scalar (| or >); plantrack edits one-line"
        " values in place only: write it on one line"
    ]


def test_a_block_scalar_ending_the_file_keeps_its_value() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n    title: 甲\n"
    )
    text += "    text: |\n      第一行\n      第二行"
    after = edit(text, lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert load(after).plan.sections[0].items[0].text == "第一行\n第二行"
    assert after.endswith(
        "    title: 甲\n    owner: 书记\n    log:\n    - date: 2022-03-15\n"
        "      by: 李明\n      changes: {owner: [null, 书记]}\n"
        "    text: |\n      第一行\n      第二行"
    )


def test_a_ledger_ending_the_file_in_a_block_scalar_is_refused() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n    title: 甲\n"
    )
    text += "    log:\n    - date: 2022-01-05\n      by: 王芳\n      note: |\n        开会"
    with pytest.raises(PlantrackError) as caught:
        edit(text, lambda plan: ops.note(plan, 1, ops.Stamp(WHEN.date, "李明", "再开会")))
    assert caught.value.lines() == [
        "plan.yaml:11:13: log ends the file as a block scalar (| or >) with no newline after it;"
        " plantrack cannot add lines after it without changing it: end the file with a newline"
    ]


def test_the_first_key_of_an_item_is_removed_and_the_next_moves_up_onto_the_dash() -> None:
    text = PLAN.replace(
        "      - number: 2\n        title: '乙'\n",
        "      - owner: 书记  # chosen\n        number: 2\n        title: '乙'\n",
    ).replace('        owner: "书记"  # chosen at the meeting\n', "")
    after = edit(text, lambda plan: ops.unassign(plan, [2], WHEN))
    assert after == text.replace(
        "      - owner: 书记  # chosen\n        number: 2\n", "      - number: 2\n"
    ).replace(
        "            note: 开会\n",
        "            note: 开会\n"
        "          - date: 2022-03-15\n"
        "            by: 李明\n"
        "            changes: {owner: [书记, null]}\n",
    )


def test_a_first_key_with_a_comment_line_after_it_is_refused_with_where_and_why() -> None:
    text = PLAN.replace(
        "      - number: 2\n        title: '乙'\n",
        "      - owner: 书记\n        # the number\n        number: 2\n        title: '乙'\n",
    ).replace('        owner: "书记"  # chosen at the meeting\n', "")
    with pytest.raises(PlantrackError) as caught:
        edit(text, lambda plan: ops.unassign(plan, [2], WHEN))
    assert caught.value.lines() == [
        "plan.yaml:16:9: owner is the first key of its item and a comment or blank line comes"
        " before the next key; plantrack cannot remove it in place: put owner on a line of its"
        " own, below the `-` line"
    ]


ITEM_AT_END = (
    "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n    title: 甲\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("last", "command", "changes"),
    [
        ("    owner: 书记", lambda plan: ops.unassign(plan, [1], WHEN), "{owner: [书记, null]}"),
        (
            "    due: 2022-06-30",
            lambda plan: ops.set_due(plan, [1], None, WHEN),
            "{due: [2022-06-30, null]}",
        ),
    ],
)
def test_removing_the_last_line_of_a_file_without_a_final_newline_leaves_no_blank_line(
    newline: str, last: str, command: Any, changes: str
) -> None:
    text = (ITEM_AT_END + last).replace("\n", newline)
    after = edit(text, command)
    expected = ITEM_AT_END + (
        f"    log:\n    - date: 2022-03-15\n      by: 李明\n      changes: {changes}"
    )
    assert after == expected.replace("\n", newline)


def test_a_new_ledger_entry_keeps_the_offset_the_ledger_uses() -> None:
    text = ITEM_AT_END + (
        "    log:\n"
        "    -   date: 2022-01-05\n"
        "        by: 王芳\n"
        "    -   date: 2022-01-06\n"
        "        by: 王芳\n"
    )
    after = edit(text, lambda plan: ops.note(plan, 1, ops.Stamp(WHEN.date, "李明", "开会")))
    assert after == text + "    -   date: 2022-03-15\n        by: 李明\n        note: 开会\n"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "  - {number: 1, title: A, owner, status: doing}\n",
            "  - {number: 1, title: A, owner: 纪检委员, status: doing, log: [{date: 2022-03-15,"
            " by: 李明, changes: {owner: [null, 纪检委员]}}]}\n",
        ),
        (
            "  - number: 1\n    title: A\n    owner: !!null  # to decide\n",
            "  - number: 1\n    title: A\n    owner: 纪检委员  # to decide\n    log:\n"
            "    - date: 2022-03-15\n      by: 李明\n      changes: {owner: [null, 纪检委员]}\n",
        ),
    ],
)
def test_an_owner_without_a_value_is_filled_in(item: str, expected: str) -> None:
    head = "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n"
    after = edit(head + item, lambda plan: ops.assign(plan, [1], "纪检委员", WHEN))
    assert after == head + expected


@pytest.mark.parametrize(
    ("log", "expected"),
    [
        (
            "{number: 3, title: C, log}",
            "{number: 3, title: C, log: [{date: 2022-03-15, by: 李明, note: hi}]}",
        ),
        (
            "{number: 3, title: C, log: }",
            "{number: 3, title: C, log: [{date: 2022-03-15, by: 李明, note: hi}] }",
        ),
        (
            "{number: 3, title: C, log: !!null }",
            "{number: 3, title: C, log: [{date: 2022-03-15, by: 李明, note: hi}] }",
        ),
    ],
)
def test_an_empty_ledger_in_a_flow_mapping_is_filled_in(log: str, expected: str) -> None:
    head = "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - "
    after = edit(
        head + log + "\n", lambda plan: ops.note(plan, 3, ops.Stamp(WHEN.date, "李明", "hi"))
    )
    assert after == head + expected + "\n"


def test_an_explicit_key_with_no_value_at_all_is_refused_with_where_and_why() -> None:
    text = ITEM_AT_END + "    ? owner\n"
    with pytest.raises(PlantrackError) as caught:
        edit(text, lambda plan: ops.assign(plan, [1], "纪检委员", WHEN))
    assert caught.value.lines() == [
        "plan.yaml:8:7: owner is written as an explicit key (? owner) with no `:` for its"
        " value; plantrack cannot fill it in place: write owner: VALUE on one line"
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_removing_the_last_line_after_a_lone_cr_keeps_the_final_newline(newline: str) -> None:
    ledger = "    log: [{date: 2022-01-05, by: 王芳}]\n"
    text = (ITEM_AT_END + ledger + "    # 注释\r    due: 2022-06-30\n").replace("\n", newline)
    after = edit(text, lambda plan: ops.set_due(plan, [1], None, WHEN))
    assert after.endswith("}]" + newline + "    # 注释" + newline)
    assert "due:" not in after.replace("{due:", "")


def test_new_lines_take_the_line_ending_of_the_line_they_follow() -> None:
    text = ITEM_AT_END.replace("year: 2022\n", "year: 2022\r\n")
    after = edit(text, lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert after == text + (
        "    owner: 书记\n    log:\n    - date: 2022-03-15\n      by: 李明\n"
        "      changes: {owner: [null, 书记]}\n"
    )
    crlf = ITEM_AT_END.replace("\n", "\r\n").replace("title: 甲\r\n", "title: 甲\n")
    after = edit(crlf, lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert after == crlf + (
        "    owner: 书记\n    log:\n    - date: 2022-03-15\n      by: 李明\n"
        "      changes: {owner: [null, 书记]}\n"
    )


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2022-01-01", ["2022-01-01", "2022-01-05", "2022-02-01", "2022-03-01"]),
        ("2022-01-05", ["2022-01-05", "2022-01-05", "2022-02-01", "2022-03-01"]),
        ("2022-02-10", ["2022-01-05", "2022-02-01", "2022-02-10", "2022-03-01"]),
        ("2022-03-15", ["2022-01-05", "2022-02-01", "2022-03-01", "2022-03-15"]),
    ],
)
@pytest.mark.parametrize("flow", [False, True])
def test_an_entry_recorded_afterwards_goes_in_date_order(
    date: str, expected: list[str], flow: bool
) -> None:
    dates = ["2022-01-05", "2022-02-01", "2022-03-01"]
    if flow:
        log = "    log: [" + ", ".join(f"{{date: {d}, by: 王芳}}" for d in dates) + "]\n"
    else:
        log = "    log:\n" + "".join(f"    - date: {d}\n      by: 王芳\n" for d in dates)
    text = ITEM_AT_END + log
    when = ops.Stamp(dt.date.fromisoformat(date), "李明", "补记")
    after = edit(text, lambda plan: ops.note(plan, 1, when))
    log_after = load(after).plan.sections[0].items[0].log or []
    assert [entry.date.isoformat() for entry in log_after] == expected
    new = expected.index(date, 1 if date == "2022-01-05" else 0)
    assert log_after[new].by == "李明"
    _, removed = added_and_removed(text, after)
    assert removed == ([log] if flow else [])


def test_items_under_a_key_on_the_dash_line_set_the_list_indentation() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n  - items:\n      - number: 1\n"
        "        title: 甲\n    title: 一\n"
    )
    after = edit(text, lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert after == text.replace(
        "        title: 甲\n",
        "        title: 甲\n        owner: 书记\n        log:\n"
        "          - date: 2022-03-15\n            by: 李明\n"
        "            changes: {owner: [null, 书记]}\n",
    )


def test_the_diff_splits_lines_only_at_line_feeds() -> None:
    text = ITEM_AT_END.replace("title: 甲", 'title: "甲\u2028乙"  # 注\x85# 释\u2029#')
    loaded = load(text)
    change = ops.assign(loaded.plan, [1], "书记", WHEN)
    result = plan_file.Edited("plan.yaml", text, edit_text(loaded, change).text, False, change)
    assert result.diff() == (
        "--- a/plan.yaml\n+++ b/plan.yaml\n@@ -5,3 +5,8 @@\n"
        '   items:\n   - number: 1\n     title: "甲\u2028乙"  # 注\x85# 释\u2029#\n'
        "+    owner: 书记\n+    log:\n+    - date: 2022-03-15\n+      by: 李明\n"
        "+      changes: {owner: [null, 书记]}\n"
    )


def test_roles_ending_the_file_in_a_block_scalar_are_refused_by_their_name() -> None:
    text = ITEM_AT_END + "roles:\n- 书记\n- |\n  纪检委员"
    with pytest.raises(PlantrackError) as caught:
        edit(text, lambda plan: ops.assign(plan, [1], "青年委员", WHEN, new_role=True))
    assert caught.value.lines() == [
        "plan.yaml:10:3: roles ends the file as a block scalar (| or >) with no newline after it;"
        " plantrack cannot add lines after it without changing it: end the file with a newline"
    ]


def test_a_result_that_would_not_parse_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(editor, "scalar", lambda value, style=None, flow=False: "'unterminated")
    with pytest.raises(PlantrackError) as caught:
        edit(PLAN, lambda plan: ops.assign(plan, [2], "纪检委员", WHEN))
    assert caught.value.message.startswith("the change would break the file (plan.yaml:")
    assert caught.value.message.endswith("); nothing was written")


def test_a_result_holding_other_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = editor.scalar
    monkeypatch.setattr(
        editor,
        "scalar",
        lambda value, style=None, flow=False: real(
            "书记" if value == "纪检委员" else value, style, flow
        ),
    )
    with pytest.raises(PlantrackError) as caught:
        edit(PLAN, lambda plan: ops.assign(plan, [1], "纪检委员", WHEN))
    assert caught.value.message == (
        "plan.yaml: the edited file would not hold exactly the intended change; nothing was written"
    )


def test_an_invalid_file_on_disk_is_never_written_over(tmp_path: Path) -> None:
    plan = tmp_path / "2022.yaml"
    bad = PLAN.replace("status: doing", "status: finished")
    plan.write_text(bad, encoding="utf-8")
    with pytest.raises(PlantrackError) as caught:
        change_plan(str(plan), lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert caught.value.lines() == [
        f"{plan}:19:17: section 一, item 2, status: unknown status 'finished'; use one of todo,"
        " doing, done, blocked (未开始, 进行中, 已完成, 受阻)"
    ]
    assert plan.read_text(encoding="utf-8") == bad


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_text(PLAN, encoding="utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, step, interrupted)
    with pytest.raises(KeyboardInterrupt):
        change_plan(str(plan), lambda plan: ops.assign(plan, [1], "书记", WHEN))
    monkeypatch.undo()
    assert plan.read_text(encoding="utf-8") == PLAN
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plantrack-2022.yaml.lock", "2022.yaml"]


def test_a_refused_write_is_one_line_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_text(PLAN, encoding="utf-8")

    def refused(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PlantrackError) as caught:
        change_plan(str(plan), lambda plan: ops.assign(plan, [1], "书记", WHEN))
    assert caught.value.message == f"cannot write {plan}: permission denied; the file is unchanged"
    assert plan.read_text(encoding="utf-8") == PLAN
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plantrack-2022.yaml.lock", "2022.yaml"]


def test_dry_run_writes_nothing_and_returns_the_diff(tmp_path: Path) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = change_plan(str(plan), lambda plan: ops.assign(plan, [1], "书记", WHEN), dry_run=True)
    assert plan.read_text(encoding="utf-8") == PLAN
    assert list(tmp_path.iterdir()) == [plan]
    assert result.diff().startswith(f"--- a/{plan.as_posix()}\n+++ b/{plan.as_posix()}\n@@ ")
    assert "+        owner: 书记\n" in result.diff()


def test_a_patch_names_the_plan_relative_to_the_current_folder_outside_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if any((folder / ".git").exists() for folder in [tmp_path, *tmp_path.parents]):
        pytest.skip("the temporary folder is inside a git work tree")
    plan = tmp_path / "plans" / "2022.yaml"
    plan.parent.mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    assert plan_file.patch_name(str(plan)) == "plans/2022.yaml"
    monkeypatch.chdir(plan.parent)
    assert plan_file.patch_name(str(plan)) == "2022.yaml"
    monkeypatch.chdir(tmp_path / "..")
    assert plan_file.patch_name(str(plan)) == f"{tmp_path.name}/plans/2022.yaml"
    monkeypatch.chdir(tmp_path / "elsewhere")  # above it only with `..`, which git refuses
    assert plan_file.patch_name(str(plan)) == plan.as_posix()


# --------------------------------------------------------------------------- property test
#
# Random plan files in every style a person might write, random command sequences on
# them: the data read back is exactly what was intended, and every line the command had
# no reason to touch is byte-identical. The styles: block and flow collections, comments
# after values and on lines of their own, odd indentation (1 and 3), explicit keys, tags
# on collections and scalars, empty ledgers (`log:`, `null`, `~`, `!!null`), quoted dates,
# LF, CRLF or CR-only line endings, a BOM, and no final newline. The quick profile tries a
# twentieth of the examples CI does (HYPOTHESIS_PROFILE=ci).

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plantrack.dates import as_date  # noqa: E402
from plantrack.reading.source import LINE_BREAK  # noqa: E402

LONE_CR = re.compile(r"\r(?!\n)")

TEXTS = ["甲", "深化“三表率一模范”", "a: b", "yes", "#x", "x, y", "it's", "[括号]", "12", "书记"]
PLAIN_SAFE = {"甲", "深化“三表率一模范”", "书记", "it's"}


def quoted(value: str, style: str) -> str:
    if style == "tagged":
        return "!!str " + quoted(value, "single")
    if style == "plain" and value in PLAIN_SAFE:
        return value
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + value.replace("'", "''") + "'"


@st.composite
def styled_plans(draw: st.DrawFn) -> tuple[str, str, bool]:
    """A plan's text, its newline and whether the file starts with a BOM."""
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    list_indent = draw(st.sampled_from([0, 1, 2, 3, 4]))  # odd ones too
    offset = draw(st.sampled_from([2, 3, 4]))
    chinese = draw(st.booleans())
    comment = st.sampled_from(["", "  # 注释", " # note"])
    comment_line = st.sampled_from([None, None, "# 注释", "#"])  # a line of its own, or none
    lines = []
    if draw(st.booleans()):
        lines.append("# 工作要点")
    lines += [
        f"title: {quoted(draw(st.sampled_from(TEXTS)), 'plain')}{draw(comment)}",
        "year: 2022",
    ]
    if draw(st.booleans()):
        lines.append("")
    roles_style = draw(st.sampled_from(["none", "block", "flow", "flow-empty"]))
    if roles_style == "block":
        lines += ["roles:", " " * list_indent + "- 书记", " " * list_indent + "- 纪检委员"]
    elif roles_style == "flow":
        lines.append("roles: [书记, 纪检委员]")
    elif roles_style == "flow-empty":
        lines.append("roles: []")
    lines.append("sections:" + draw(st.sampled_from(["", " !!seq", " # 各部分"])))
    number = 0
    for _ in range(draw(st.integers(1, 2))):
        dash = " " * list_indent + "-" + " " * (offset - 1)
        column = list_indent + offset
        lines.append(f"{dash}title: 部分{draw(comment)}")
        items_key = draw(st.sampled_from(["items:", "items: !!seq", "items:  # 事项", "? items"]))
        lines.append(" " * column + items_key)
        if items_key == "? items":  # an explicit key, its list on the following lines
            lines.append(" " * column + ":")
        item_dash = column + list_indent
        item_column = item_dash + offset
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            if draw(st.booleans()):
                lines.append(" " * item_dash + "# 事项")
            fields = draw(item_fields(chinese))
            if draw(st.booleans()):  # one flow mapping on one line
                flow_values = {"BLOCK": "[{date: 2022-01-05, by: 王芳}]"}
                fields = [
                    (k.lstrip("?"), flow_values.get(v, "正文" if k == "text" else v))
                    for k, v in fields
                    if not v.startswith("NULL")
                ]
                body = ", ".join(f"{k}: {v}" for k, v in [("number", str(number)), *fields])
                lines.append(
                    " " * item_dash + "-" + " " * (offset - 1) + "{" + body + "}" + draw(comment)
                )
            else:
                pairs = [("number", str(number)), *fields]
                if draw(st.booleans()):  # the `-` line holds a tag, the keys start below
                    lines.append(" " * item_dash + "- !!map")
                    pairs.insert(0, ("", ""))
                for index, (key, value) in enumerate(pairs):
                    if index == 0 and not key:
                        continue
                    lead = (
                        " " * item_dash + "-" + " " * (offset - 1)
                        if index == 0
                        else " " * item_column
                    )
                    if index > 0 and (line := draw(comment_line)) is not None:
                        lines.append(" " * item_column + line)
                    if key.startswith("?"):  # an explicit key, its value on the next line
                        value = value[4:].strip() if value.startswith("NULL") else value
                        lines += [f"{lead}? {key[1:]}", f"{' ' * item_column}: {value}".rstrip()]
                    elif key == "log" and value.startswith("NULL"):
                        lines.append(f"{lead}log:{value[4:]}{draw(comment)}")
                    elif key == "log" and value == "BLOCK":
                        lines.append(f"{lead}log:{draw(st.sampled_from(['', ' !!seq']))}")
                        entry_dash = " " * (item_column + list_indent)
                        entry_lead = entry_dash + "-" + " " * (offset - 1)
                        date = draw(st.sampled_from(["2022-01-05", "'2022-04-01'"]))
                        if draw(st.booleans()):
                            lines.append(entry_lead + f"{{date: {date}, by: 王芳, note: 开会}}")
                        else:
                            keys = " " * (item_column + list_indent + offset)
                            lines += [
                                entry_lead + f"date: {date}",
                                keys + "by: 王芳" + draw(comment),
                            ]
                            if (line := draw(comment_line)) is not None:
                                lines.append(keys + line)
                    elif key == "text" and value in ("LITERAL", "FOLDED"):
                        # a block scalar, followed by the blank line it may keep or not
                        marker = "|" if value == "LITERAL" else ">-"
                        lines += [f"{lead}text: {marker}", " " * (item_column + 2) + "第一行"]
                        lines += [" " * (item_column + 2) + "第二行"]
                        if draw(st.booleans()):
                            lines.append("")
                    elif key == "text" and value == "CONTINUED":
                        lines += [f"{lead}text: 很长的正文", " " * (item_column + 2) + "接着写"]
                    else:
                        lines.append(f"{lead}{key}: {value}{draw(comment)}")
            if draw(st.booleans()):
                lines.append("")
    text = newline.join(lines)
    if newline != "\r" and draw(st.booleans()):
        # One line that ends in CR alone among the others, as an editor may leave it (not
        # before an empty last line, where the final newline would make it a CRLF).
        at = draw(st.sampled_from([n for n in range(len(lines) - 1) if lines[n + 1]]))
        text = newline.join(lines[: at + 1]) + "\r" + newline.join(lines[at + 1 :])
    if draw(st.booleans()):
        text += newline
    return text, newline, draw(st.booleans())


@st.composite
def item_fields(draw: st.DrawFn, chinese: bool) -> list[tuple[str, str]]:
    style = st.sampled_from(["plain", "single", "double", "tagged"])

    def key(name: str) -> str:  # now and then an explicit key (`? owner` / `: 书记`)
        return "?" + name if draw(st.integers(0, 4)) == 0 else name

    fields = [(key("title"), quoted(draw(st.sampled_from(TEXTS)), draw(style)))]
    text = draw(st.sampled_from(["none", "plain", "literal", "folded", "continued"]))
    if text != "none":
        fields.append(("text", text.upper() if text != "plain" else "正文"))
    if draw(st.booleans()):
        fields.append((key("owner"), quoted(draw(st.sampled_from(TEXTS)), draw(style))))
    if draw(st.booleans()):
        status = draw(st.sampled_from(list(Status)))
        fields.append((key("status"), status.chinese if chinese else status.value))
    if draw(st.booleans()):
        fields.append((key("progress"), str(draw(st.integers(0, 100)))))
    if draw(st.booleans()):
        fields.append((key("due"), draw(st.sampled_from(["2022-06-30", "'2022-06-30'"]))))
    log = draw(st.sampled_from(["none", "flow", "flow-empty", "block", "null"]))
    if log == "null":  # an empty ledger: `log:`, `log: null`, `log: ~`, `log: !!null`
        fields.append((key("log"), "NULL" + draw(st.sampled_from(["", " null", " ~", " !!null"]))))
    elif log == "flow":
        fields.append(("log", "[{date: 2022-01-05, by: 王芳}]"))
    elif log == "flow-empty":
        fields.append(("log", "[]"))
    elif log == "block":
        fields.append(("log", "BLOCK"))
    return list(draw(st.permutations(fields)))  # people write keys in any order


COMMANDS = st.sampled_from(
    ["assign", "unassign", "start", "done", "block", "progress", "note", "due", "undue", "backdate"]
)


@st.composite
def command_sequences(draw: st.DrawFn) -> list[tuple[str, int, Any]]:
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(COMMANDS)
        numbers = draw(st.lists(st.integers(1, 6), min_size=1, max_size=2))
        value = draw(st.sampled_from([*TEXTS, "纪检委员"]))
        steps.append((kind, numbers, value))
    return steps


def run_command(plan: Any, kind: str, numbers: list[int], value: str) -> ops.PlanChange:
    if kind == "backdate":  # recorded afterwards, before the plans' own entries
        return ops.note(plan, numbers[0], ops.Stamp(dt.date(2022, 1, 1), value, value))
    when = ops.Stamp(dt.date(2022, 3, 15), value, value if kind == "note" else None)
    if kind == "assign":
        return ops.assign(plan, numbers, value, when, new_role=True)
    if kind == "unassign":
        return ops.unassign(plan, numbers, when)
    if kind in ("start", "done"):
        return ops.set_status(plan, numbers, Status.DOING if kind == "start" else Status.DONE, when)
    if kind == "block":
        return ops.block(plan, numbers, value, when)
    if kind == "progress":
        return ops.set_progress(plan, numbers[0], len(value) * 7, when)
    if kind == "note":
        return ops.note(plan, numbers[0], when)
    return ops.set_due(plan, numbers, dt.date(2022, 9, 30) if kind == "due" else None, when)


def intended(data: dict[str, Any], change: ops.PlanChange, chinese: bool) -> dict[str, Any]:
    def word(value: Any) -> Any:
        if isinstance(value, Status):
            return value.chinese if chinese else value.value
        return value

    items = {item["number"]: item for section in data["sections"] for item in section["items"]}
    for item_change in change.items:
        item = items[item_change.number]
        for name, value in item_change.fields.items():
            if value is None:
                del item[name]
            else:
                item[name] = word(value)
        entry: dict[str, Any] = {"date": item_change.stamp.date, "by": item_change.stamp.by}
        if item_change.changes:
            entry["changes"] = {k: [word(a), word(b)] for k, (a, b) in item_change.changes.items()}
        if item_change.stamp.note is not None:
            entry["note"] = item_change.stamp.note
        log = item.get("log") or []
        later = [i for i, e in enumerate(log) if as_date(e["date"]) > entry["date"]]  # date order
        item["log"] = [*log[: later[0]], entry, *log[later[0] :]] if later else [*log, entry]
    if change.roles:
        data["roles"] = [*(data.get("roles") or []), *change.roles]
    return data


def line_of(text: str, offset: int) -> int:
    """The 0-based line `offset` is on, lines ending in LF, CRLF or CR alone."""
    return len(LINE_BREAK.findall(text, 0, offset))


def lines_it_may_touch(loaded: LoadedPlan, change: ops.PlanChange) -> set[int]:
    """0-based lines an edit may rewrite: the changed fields' lines, or a flow item's lines."""
    touched: set[int] = set()
    text = loaded.source.text
    numbers = {c.number: c for c in change.items}
    for section in loaded.root.get("sections").value:  # type: ignore[union-attr]
        for item in section.get("items").value:
            item_change = numbers.get(item.get("number").value)
            if item_change is None:
                continue
            if item.flow:
                touched.update(range(item.line, line_of(text, item.end) + 1))
                continue
            for name in [*item_change.fields, "log"]:
                pair = item.pair(name)
                if pair is not None:
                    key, node = pair
                    if name != "log" or node.flow or node.value is None:
                        end = value_end(node)
                        touched.update(range(key.line, line_of(text, max(end - 1, 0)) + 1))
    roles = loaded.root.get("roles")
    if change.roles and roles is not None and roles.flow:
        touched.add(roles.line)
    if not text.endswith(("\n", "\r")):
        # New lines after the last line give it a newline; removing the last lines takes
        # the newline off the line before them, so the file still ends without one.
        line = line_of(text, len(text))
        while line in touched or line == line_of(text, len(text)):
            touched.add(line)
            line -= 1
        touched.add(line)
    return touched


def lines_it_may_write(new: LoadedPlan, change: ops.PlanChange) -> set[int]:
    """0-based lines of the new file that may be new: those of the changed items and roles."""
    written: set[int] = set()
    text = new.source.text
    numbers = {c.number for c in change.items}
    nodes = [
        item
        for section in new.root.get("sections").value  # type: ignore[union-attr]
        for item in section.get("items").value
        if item.get("number").value in numbers
    ]
    roles = new.root.pair("roles")
    if change.roles and roles is not None:
        nodes.append(roles[1])
        written.add(roles[0].line)  # a plan without roles gets its `roles:` line
    for node in nodes:
        end = max(value_end(node) - 1, node.start) if not node.flow else node.end
        written.update(range(node.line, line_of(text, end) + 1))
    if not text.endswith(("\n", "\r")):
        written.add(line_of(text, len(text)))  # the new last line, without its newline
    return written


LAST_LINE_OWNER = (
    "title: 甲\nyear: 2022\nsections:\n- title: 部分\n  items:\n  - number: 1\n    title: 甲\n"
    "    owner: 书记"
)


@pytest.mark.slow
@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(styled_plans(), command_sequences())
# The last line removed from a file with no final newline, while a new `log:` goes after it.
@example((LAST_LINE_OWNER, "\n", False), [("unassign", [1], "甲")])
@example((LAST_LINE_OWNER.replace("\n", "\r\n"), "\r\n", True), [("unassign", [1], "甲")])
# The last line removed after a comment that ends in CR alone: the file keeps its newline.
@example(
    (LAST_LINE_OWNER + "\n    # 注释\r    due: 2022-06-30\n", "\n", False), [("undue", [1], "甲")]
)
def test_random_commands_on_randomly_styled_plans(
    styled: tuple[str, str, bool], steps: list[tuple[str, list[int], str]]
) -> None:
    text, newline, bom = styled
    final_newline = text.endswith(newline)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "2022.yaml")
        Path(path).write_bytes(BOM * bom + text.encode("utf-8"))
        loaded = load(text)
        for kind, numbers, value in steps:
            known = [n for n in numbers if any(i.number == n for _, i in loaded.plan.items())]
            if not known:
                continue
            change = run_command(loaded.plan, kind, known, value)
            if change.empty:
                continue
            data = loaded.root.to_python()
            words = [i.get("status") for s in data["sections"] for i in s["items"]]
            expected = intended(
                data, change, any(w in ("未开始", "进行中", "已完成", "受阻") for w in words)
            )
            may_touch = lines_it_may_touch(loaded, change)

            def command(
                current: Any, step: tuple[str, list[int], str] = (kind, known, value)
            ) -> ops.PlanChange:
                return run_command(current, *step)

            change_plan(path, command)
            raw = Path(path).read_bytes()
            assert raw.startswith(BOM) == bom
            new_text = raw[len(BOM) * bom :].decode("utf-8")
            new = load(new_text)
            assert new.root.to_python() == expected
            old_lines = text.splitlines(keepends=True)
            new_lines = new_text.splitlines(keepends=True)
            matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
            may_write = lines_it_may_write(new, change)
            last = len(new_lines) - 1
            if last >= 0 and new_text.endswith(newline) and newline != "\r":
                # The last lines went, and the line left last ended in CR alone: it takes
                # the file's newline, its text unchanged.
                for number, line in enumerate(old_lines):
                    if line.endswith("\r") and line[:-1] + newline == new_lines[last]:
                        may_touch = may_touch | {number}
                        may_write = may_write | {last}
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag in ("replace", "delete"):
                    assert set(range(i1, i2)) <= may_touch, (tag, old_lines[i1:i2])
                if tag in ("replace", "insert"):
                    assert set(range(j1, j2)) <= may_write, (tag, new_lines[j1:j2])
            # No stray lines: a blank line is never added (one may go with the last line).
            blank = [sum(not line.strip() for line in lines) for lines in (old_lines, new_lines)]
            assert blank[1] <= blank[0]
            if newline == "\r\n":
                assert new_text.count("\n") == new_text.count("\r\n")
            elif newline == "\r":
                assert "\n" not in new_text
            else:
                assert "\r\n" not in new_text
            if newline != "\r":  # a line that ended in CR alone still does, unless rewritten
                assert len(LONE_CR.findall(new_text)) <= len(LONE_CR.findall(text))
            if not final_newline and new_text.endswith(newline):
                # The last line was removed; what is left ends in a block scalar that needs
                # its line break.
                assert last_node(new.root).style in ("|", ">")
                final_newline = True
            assert new_text.endswith(newline) == final_newline
            text, loaded = new_text, new
