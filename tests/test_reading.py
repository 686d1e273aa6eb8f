"""Reading a plan: every kind of bad plan file gives one located line per problem, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import Environment

from plantrack.errors import PlantrackError
from plantrack.reading import MAX_BYTES, check_file, load

HEAD = "title: 计划\nyear: 2022\nsections:\n  - title: 一部分\n    items:\n"


def item(*lines: str) -> str:
    """An item mapping under HEAD; its first line is line 6 of the file."""
    return HEAD + "".join(
        ("      - " if i == 0 else "        ") + line + "\n" for i, line in enumerate(lines)
    )


def problems_of(tmp_path: Path, content: str | bytes) -> list[str]:
    path = tmp_path / "plan.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    result = check_file(path)
    loaded, problems = result.loaded, result.problems
    assert loaded is None, "a bad file must not load"
    return [p.format().replace(str(path), "plan.yaml") for p in problems]


BAD_FILES = [
    pytest.param(
        "title: a\ntitle: b\nyear: 2022\nsections: []\n",
        ["plan.yaml:2:1: duplicate key 'title' (first at line 1); keep one of them"],
        id="duplicate-key",
    ),
    pytest.param(
        "title: a\nyear: 2022\nsections: []\n1: x\ntrue: y\n",
        [
            "plan.yaml:4:1: 1: unknown key; allowed here: title, year, preamble, roles, owner_style, sections",
            "plan.yaml:5:1: duplicate key 'true' (first at line 4); keep one of them",
        ],
        id="keys-equal-after-resolution",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "status: finished"),
        [
            "plan.yaml:8:17: section 一, item 1, status: unknown status 'finished';"
            " use one of todo, doing, done, blocked (未开始, 进行中, 已完成, 受阻)"
        ],
        id="unknown-status",
    ),
    pytest.param(
        item("number: 1", "text: 没有标题"),
        ["plan.yaml:6:9: section 一, item 1, title: required key is missing"],
        id="missing-key-points-at-mapping",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "ownr: 书记"),
        ["plan.yaml:8:9: section 一, item 1, ownr: unknown key; did you mean owner?"],
        id="unknown-key",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "owner: yes"),
        [
            "plan.yaml:8:16: section 一, item 1, owner: expected text, got true"
            " (YAML reads it as a yes/no value; quote it)"
        ],
        id="yes-is-a-boolean",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "progress: 120"),
        ["plan.yaml:8:19: section 一, item 1, progress: must be at most 100, got 120"],
        id="progress-over-100",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", 'progress: "50"'),
        ["plan.yaml:8:19: section 一, item 1, progress: expected a whole number, got '50'"],
        id="progress-as-text",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "due: 2022-02-30"),
        [
            "plan.yaml:8:14: section 一, item 1, due: impossible date '2022-02-30':"
            " month 2 has 28 days"
        ],
        id="impossible-date",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "due: 0"),
        ["plan.yaml:8:14: section 一, item 1, due: expected a date such as 2022-06-30, got 0"],
        id="number-as-date",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "status: Done"),
        [
            "plan.yaml:8:17: section 一, item 1, status: unknown status 'Done';"
            " use one of todo, doing, done, blocked (未开始, 进行中, 已完成, 受阻)"
        ],
        id="status-words-are-exact-in-a-file",
    ),
    pytest.param(
        item("number: 1", "title: ''"),
        ["plan.yaml:7:16: section 一, item 1, title: must not be empty"],
        id="empty-title",
    ),
    pytest.param(
        HEAD + "      - {number: 3, title: 甲}\n      - {number: 3, title: 乙}\n",
        [
            "plan.yaml:7:18: item number 3 is used twice (first at line 6);"
            " numbers are unique across the plan"
        ],
        id="duplicate-item-number",
    ),
    pytest.param(
        HEAD + "      - {number: 3, title: 甲, progress: 120}\n      - {number: 3, title: 乙}\n",
        [
            "plan.yaml:6:41: section 一, item 3, progress: must be at most 100, got 120",
            "plan.yaml:7:18: item number 3 is used twice (first at line 6);"
            " numbers are unique across the plan",
        ],
        id="duplicate-item-number-beside-another-problem",
    ),
    pytest.param(
        "title: &t 计划\nyear: 2022\npreamble: *t\nsections: []\n",
        [
            "plan.yaml:1:8: anchor &t: plan files do not use anchors and aliases; write the value out",
            "plan.yaml:3:11: alias *t: plan files do not use anchors and aliases; write the value out",
        ],
        id="anchor-and-alias",
    ),
    pytest.param(
        "title: !!python/object/apply:os.system [echo]\nyear: 2022\nsections: []\n",
        [
            "plan.yaml:1:8: tag !!python/object/apply:os.system is not allowed in a plan file; remove it"
        ],
        id="object-tag",
    ),
    pytest.param(
        "title: a\nyear: 2022\nsections: []\n---\ntitle: b\n",
        ["plan.yaml:4:1: a second YAML document starts here; a plan file holds exactly one"],
        id="two-documents",
    ),
    pytest.param(
        "title: [unclosed\nyear: 2022\n",
        [
            "plan.yaml:1:8: YAML syntax error: while parsing a flow sequence: did not find"
            " expected ',' or ']' (noticed at line 2, column 5); close the [ opened at line 1"
        ],
        id="syntax-error",
    ),
    pytest.param(
        "sections:\n" + "".join("  " * i + "- \n" for i in range(1, 80)),
        ["plan.yaml:65:129: nesting deeper than 64 levels; a plan file is never this deep"],
        id="too-deep-block",
    ),
    pytest.param(
        "title: " + "[" * 40000 + "]" * 40000 + "\n",
        ["plan.yaml:1:1007: nesting deeper than 64 levels; a plan file is never this deep"],
        id="too-deep-flow",
    ),
    pytest.param(
        "- title: a\n",
        ["plan.yaml:1:1: the plan must be a mapping with title, year and sections, not a list"],
        id="top-level-list",
    ),
    pytest.param(
        "",
        ["plan.yaml:1:1: the file is empty; a plan needs at least title, year and sections"],
        id="empty",
    ),
    pytest.param(
        "# only a comment\n\n",
        ["plan.yaml:1:1: the file holds no YAML document (only comments or blank lines)"],
        id="comments-only",
    ),
    pytest.param(
        b"title: a\nyear: 20\x0022\n",
        ["plan.yaml:2:9: the file contains a NUL byte at offset 17; it is binary, not a YAML text"],
        id="nul-byte",
    ),
    pytest.param(
        "title: 二〇二二年计划\n".encode("gbk"),
        [
            "plan.yaml:1:8: the file is not UTF-8 but looks like GBK (saved by an older Windows"
            " editor?); save it as UTF-8"
        ],
        id="gbk",
    ),
    pytest.param(
        "title: a\n".encode("utf-16"),
        ["plan.yaml:1:1: the file is UTF-16; save it as UTF-8"],
        id="utf-16",
    ),
    pytest.param(
        "title: 计划\n".encode("utf-16-le"),
        ["plan.yaml:1:1: the file is UTF-16; save it as UTF-8"],
        id="utf-16-without-bom",
    ),
    pytest.param(
        "title: a\n".encode("utf-32"),
        [
            "plan.yaml:1:1: the file is UTF-32 (it starts with a UTF-32 byte-order mark);"
            " save it as UTF-8"
        ],
        id="utf-32",
    ),
    pytest.param(
        b"\xef\xbb\xbftitle: \xff\n",
        ["plan.yaml:1:8: the file is not UTF-8 (byte 0xff at offset 10); save it as UTF-8"],
        id="not-utf8-after-a-bom",
    ),
    pytest.param(
        item("number: 1", "title: 第一项", "progress: " + "1:" * 20000 + "1"),
        [
            "plan.yaml:8:19: section 一, item 1, progress: cannot read value '1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1…':"
            " the number is too long"
        ],
        id="number-too-long",
    ),
    pytest.param(
        b"title: \xff\xfe\xfd\n",
        ["plan.yaml:1:8: the file is not UTF-8 (byte 0xff at offset 7); save it as UTF-8"],
        id="not-utf8",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("content", "expected"), BAD_FILES)
def test_bad_file_gives_located_lines(
    tmp_path: Path, content: str | bytes, expected: list[str]
) -> None:
    assert problems_of(tmp_path, content) == expected


def test_several_problems_give_several_lines(tmp_path: Path) -> None:
    lines = problems_of(
        tmp_path, item("number: 0", "title: 第一项", "progress: -1", "status: 完成了")
    )
    assert lines == [
        "plan.yaml:6:17: section 一, the item in place 1, number: must be at least 1, got 0",
        "plan.yaml:8:19: section 一, the item in place 1, progress: must be at least 0, got -1",
        "plan.yaml:9:17: section 一, the item in place 1, status: unknown status '完成了';"
        " use one of todo, doing, done, blocked (未开始, 进行中, 已完成, 受阻)",
    ]


def test_load_plan_raises_one_error_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("title: a\ntitle: b\nyear: x\nsections: []\n", encoding="utf-8")
    with pytest.raises(PlantrackError) as raised:
        load(path)
    assert [line.split(": ", 1)[1] for line in raised.value.lines()] == [
        "duplicate key 'title' (first at line 1); keep one of them",
        "year: expected a whole number, got 'x'",
    ]


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    problems = check_file(path).problems
    assert [p.message for p in problems] == [
        "the file is 16,777,217 bytes; plan files are at most 16 MB"
    ]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert [p.format() for p in check_file(tmp_path / "nope.yaml").problems] == [
        f"{tmp_path / 'nope.yaml'}: no such file"
    ]
    assert [p.message for p in check_file(tmp_path).problems] == ["is a folder, not a plan file"]


def test_bom_crlf_and_chinese_status_words_load(tmp_path: Path) -> None:
    text = item("number: 1", "title: 第一项", "status: 进行中", "due: 2022-06-30").replace(
        "\n", "\r\n"
    )
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    loaded = load(path)
    first = loaded.plan.sections[0].items[0]
    assert first.status is not None and first.status.value == "doing"
    assert first.due == dt.date(2022, 6, 30)
    assert loaded.source.bom and loaded.source.newline == "\r\n"
    # Positions stay true with CRLF: the status value is on line 8, column 17.
    status_node = loaded.root.get("sections").value[0].get("items").value[0].get("status")  # type: ignore[union-attr]
    assert (status_node.line + 1, status_node.column + 1) == (8, 17)
    assert loaded.source.text[status_node.start : status_node.end] == "进行中"


def test_crlf_positions_in_problems(tmp_path: Path) -> None:
    text = item("number: 1", "title: 第一项", "progress: 101").replace("\n", "\r\n")
    assert problems_of(tmp_path, text) == [
        "plan.yaml:8:19: section 一, item 1, progress: must be at most 100, got 101"
    ]


def test_messages_in_chinese(
    environment: Environment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    environment(PLANTRACK_LANG="zh_CN.UTF-8")
    assert problems_of(tmp_path, item("number: 1", "title: 第一项", "progress: 120")) == [
        "plan.yaml:8:19: 第一部分第 1 项 progress: 不能大于 100，实际为 120"
    ]


def test_positions_count_lines_as_git_does_not_as_yaml_does(tmp_path: Path) -> None:
    # U+2028 (from text pasted out of Word or a web page) is a line break to YAML, not to git.
    text = item("number: 1", 'title: "第一\u2028项"', "status: finished")
    assert problems_of(tmp_path, text) == [
        "plan.yaml:8:17: section 一, item 1, status: unknown status 'finished';"
        " use one of todo, doing, done, blocked (未开始, 进行中, 已完成, 受阻)"
    ]
    text = item("number: 1", "title: '第一\u2029项'", "title: 重复")
    assert problems_of(tmp_path, text) == [
        "plan.yaml:8:9: duplicate key 'title' (first at line 7); keep one of them"
    ]


def test_a_pipe_is_refused_instead_of_read_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    assert [p.message for p in check_file(fifo).problems] == [
        "is not a regular file (a pipe or a device?)"
    ]
