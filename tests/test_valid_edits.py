"""Valid plans in the less common YAML forms are edited, not refused: each one as written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from plantrack import ops
from plantrack.lint import lint_source
from plantrack.reading import LoadedPlan, Source, check
from plantrack.writing.editor import edit_text

WHEN = ops.Stamp(dt.date(2022, 3, 15), "李明", "补记")
HEAD = "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n    title: 甲\n"


def load(text: str) -> LoadedPlan:
    result = check(Source("plan.yaml", text))
    assert result.loaded is not None, [p.format() for p in result.problems]
    return result.loaded


def edited(text: str, command: Any) -> str:
    loaded = load(text)
    return edit_text(loaded, command(loaded.plan)).text


def note(plan: Any) -> ops.PlanChange:
    return ops.note(plan, 1, WHEN)


def assign(plan: Any) -> ops.PlanChange:
    return ops.assign(plan, [1], "书记", WHEN)


ENTRY = "    - date: 2022-03-15\n      by: 李明\n      note: 补记"


@pytest.mark.parametrize("word", ["null", "~", "Null", "NULL", "!!null", "!!null ''"])
def test_an_empty_ledger_on_the_last_line_without_a_final_newline_is_filled(word: str) -> None:
    after = edited(HEAD + f"    log: {word}", note)
    assert after == HEAD + "    log:\n" + ENTRY


def test_an_explicit_items_key_with_its_list_on_the_following_lines() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  ? items\n  :\n"
        "  - number: 1\n    title: 甲\n"
    )
    after = edited(text, assign)
    assert (
        after
        == text
        + "    owner: 书记\n    log:\n"
        + ENTRY.replace("note: 补记", "changes: {owner: [null, 书记]}\n      note: 补记")
        + "\n"
    )


@pytest.mark.parametrize(
    ("text", "added_at"),
    [
        (HEAD + "    log: !!seq\n    - date: 2022-01-05\n      by: 王芳\n", None),
        (HEAD + "    log: !!seq\n      - date: 2022-01-05\n        by: 王芳\n", 2),
        (HEAD + "    log:\n    - !!map\n      date: 2022-01-05\n      by: 王芳\n", None),
        (
            "title: 计划\nyear: 2022\nsections: !!seq\n- !!map\n  title: 一\n  items: !!seq\n"
            "  - !!map\n      number: 1\n      title: 甲\n",
            "item",
        ),
    ],
)
def test_tags_on_block_collections_are_kept_and_edited_around(
    text: str, added_at: int | str | None
) -> None:
    after = edited(text, note)
    if added_at == "item":  # the item's keys are 4 in from its `-`, as are the entries'
        assert after == text + "      log:\n      -   date: 2022-03-15\n          by: 李明\n" + (
            "          note: 补记\n"
        )
    elif added_at == 2:
        assert after == text + "  " + ENTRY.replace("\n", "\n  ") + "\n"
    else:
        assert after == text + ENTRY + "\n"


@pytest.mark.parametrize("final", ["", "\r"])
def test_cr_only_line_endings_are_kept(final: str) -> None:
    text = (HEAD + "    owner: 王芳\n    log:\n    - date: 2022-01-05\n      by: 王芳").replace(
        "\n", "\r"
    ) + final
    after = edited(text, assign)
    assert "\n" not in after
    assert (
        after
        == text.rstrip("\r").replace("王芳\r    log", "书记\r    log")
        + "\r"
        + (
            "    - date: 2022-03-15\r      by: 李明\r      changes: {owner: [王芳, 书记]}\r"
            "      note: 补记"
        )
        + final
    )


def test_a_ledger_date_in_quotes_orders_as_a_date() -> None:
    text = HEAD + "    log:\n    - date: '2022-05-01'\n      by: 王芳\n"
    when = ops.Stamp(dt.date(2022, 4, 1), "李明", "补记")
    after = edited(text, lambda plan: ops.note(plan, 1, when))
    assert after == HEAD + (
        "    log:\n    - date: 2022-04-01\n      by: 李明\n      note: 补记\n"
        "    - date: '2022-05-01'\n      by: 王芳\n"
    )
    problems = lint_source(Source("plan.yaml", after), dt.date(2022, 7, 1))
    assert [p.code for p in problems if p.code == "ledger-order"] == []
    wrong = HEAD + "    log:\n    - date: '2022-05-01'\n      by: 王芳\n    - date: 2022-04-01\n"
    wrong += "      by: 李明\n"
    problems = lint_source(Source("plan.yaml", wrong), dt.date(2022, 7, 1))
    assert [(p.code, p.line) for p in problems if p.code == "ledger-order"] == [
        ("ledger-order", 11)
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("  - number: 1\n    ? owner\n    : 书记\n", "  - number: 1\n"),
        ("  - ? owner\n    : 书记\n", "  - "),
    ],
)
def test_an_explicit_key_is_removed_with_its_question_mark_and_its_value(
    before: str, after: str
) -> None:
    head = "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n"
    rest = "    title: 甲\n" + ("" if after.endswith("\n") else "    number: 1\n")
    result = edited(head + before + rest, lambda plan: ops.unassign(plan, [1], WHEN))
    log = "    log:\n" + ENTRY.replace("note", "changes: {owner: [书记, null]}\n      note") + "\n"
    if after.endswith("\n"):
        assert result == head + after + log + rest
    else:  # the next key moves up onto the `-` line
        assert result == head + "  - title: 甲\n" + log + "    number: 1\n"


def test_explicit_keys_with_an_empty_value_on_the_colon_line_are_filled() -> None:
    text = HEAD + "    ? owner\n    :\n    ? log\n    :\n"
    after = edited(text, assign)
    assert (
        after
        == HEAD
        + "    ? owner\n    : 书记\n    ? log\n    :\n"
        + ENTRY.replace("note", "changes: {owner: [null, 书记]}\n      note")
        + "\n"
    )


def test_a_line_ending_in_cr_alone_among_lf_lines_keeps_it() -> None:
    # YAML reads a CR alone as a line break: item 1 ends on the title's line, and what is
    # added to it goes there, not after item 2's first line. The title's line keeps its
    # CR; the new lines end as the file's others do.
    head = HEAD.removesuffix("\n") + "\r"
    text = head + "  - number: 2\n    title: 乙\n"
    assert edited(text, assign) == head + (
        "    owner: 书记\n    log:\n    - date: 2022-03-15\n      by: 李明\n"
        "      changes: {owner: [null, 书记]}\n      note: 补记\n  - number: 2\n    title: 乙\n"
    )
    crlf = text.replace("\n", "\r\n")
    assert edited(crlf, note) == head.replace("\n", "\r\n") + "    log:\r\n" + (
        ENTRY.replace("\n", "\r\n") + "\r\n  - number: 2\r\n    title: 乙\r\n"
    )


def test_an_explicit_empty_ledger_followed_by_more_keys_is_filled() -> None:
    text = (
        "title: 计划\nyear: 2022\nsections:\n- title: 一\n  items:\n  - number: 1\n"
        "    ? title\n    : 甲\n    ? log\n    :\n    text: |\n      第一行\n      第二行"  # no final newline
    )
    after = edited(text, assign)
    # The entries fill the ledger above; the owner goes before the text, which must keep
    # ending the file as it did.
    entry = ENTRY.replace("note", "changes: {owner: [null, 书记]}\n      note")
    head, tail = text.split("    text: |")
    assert after == head + entry + "\n    owner: 书记\n    text: |" + tail
    assert load(after).plan.items()[0][1].owner == "书记"
