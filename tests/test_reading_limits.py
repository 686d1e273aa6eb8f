"""Files built to be slow: bounded work and bounded lists, in every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_plan
from typer.testing import CliRunner

from plantrack.cli import app
from plantrack.errors import MAX_PROBLEMS
from plantrack.reading import check_file, tree

HEAD = "title: 计划\nyear: 2022\nsections:\n  - title: 一部分\n    items:\n"


def test_a_file_of_too_many_values_is_refused_where_the_limit_is_crossed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tree, "MAX_NODES", 10)
    path = write_plan(tmp_path, "title: t\nyear: 2022\n" + "".join(f"k{n}: 1\n" for n in range(9)))
    problems = check_file(path).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (5, 5, "too-large", "more than 10 values; a plan file never has this many")
    ]


REALISTIC_ITEM = """\
      - number: 1
        title: 严格纪律规矩刚性约束
        text: 落实“一把手”上廉政党课制度，强化纪律教育，常态化开展警示教育。
        owner: 纪检委员
        co_owners: [组织委员, 宣传委员]
        status: doing
        progress: 40
        due: 2022-06-30
        log:
          - date: 2022-03-15
            by: 李明
            changes: {owner: [null, 纪检委员], status: [todo, doing]}
            note: 召开专题学习会，18名党员参加
          - date: 2022-04-20
            by: 王芳
            changes: {progress: [null, 40]}
            note: 开展警示教育
          - date: 2022-05-10
            by: 李明
            note: 整改台账已建立
"""


def test_the_limit_on_values_leaves_room_for_a_plan_at_the_size_limit() -> None:
    import yaml

    from plantrack.reading.source import MAX_BYTES

    events = yaml.parse(REALISTIC_ITEM, Loader=yaml.SafeLoader)
    values = sum(isinstance(e, (yaml.ScalarEvent, yaml.CollectionStartEvent)) for e in events)
    items_at_the_limit = MAX_BYTES // len(REALISTIC_ITEM.encode("utf-8"))
    assert values * items_at_the_limit <= tree.MAX_NODES


def test_a_mapping_of_junk_keys_is_refused_at_the_key_past_the_limit(tmp_path: Path) -> None:
    keys = "".join(f"k{n}: 1\n" for n in range(tree.MAX_KEYS + 50))
    problems = check_file(write_plan(tmp_path, "title: t\nyear: 2022\n" + keys)).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems[:1]] == [
        (
            tree.MAX_KEYS + 1,
            1,
            "too-large",
            "a mapping with more than 1,000 keys; no mapping of a plan has more than ten",
        )
    ]


def test_thousands_of_unknown_keys_in_one_item_give_a_hundred_lines(tmp_path: Path) -> None:
    keys = "".join(f"        u{n}: 1\n" for n in range(500))
    path = write_plan(tmp_path, HEAD + "      - number: 1\n        title: x\n" + keys)
    problems = check_file(path).problems
    assert len(problems) == MAX_PROBLEMS
    assert problems[0].line == 8
    assert problems[-1].line == 8 + MAX_PROBLEMS - 1


def test_thousands_of_unknown_keys_in_one_ledger_entry_give_a_hundred_lines(
    tmp_path: Path,
) -> None:
    keys = "".join(f"            u{n}: 1\n" for n in range(500))
    entry = "        log:\n          - date: 2022-03-01\n            by: 李明\n" + keys
    path = write_plan(tmp_path, HEAD + "      - number: 1\n        title: x\n" + entry)
    problems = check_file(path).problems
    assert len(problems) == MAX_PROBLEMS
    assert (problems[0].line, problems[0].column) == (11, 13)
    assert problems[0].message == (
        "section 一, item 1, ledger entry 1, u0: unknown key; allowed here: date, by, changes, note"
    )
    assert problems[-1].line == 11 + MAX_PROBLEMS - 1


@pytest.mark.slow
def test_duplicate_numbers_are_capped_in_status_as_in_lint(tmp_path: Path) -> None:
    items = "".join(f"      - number: 1\n        title: x{n}\n" for n in range(300))
    path = write_plan(tmp_path, HEAD + items, name="2022.yaml")
    result = CliRunner().invoke(app, ["status", "--plan", str(path)])
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert len(lines) == MAX_PROBLEMS
    assert (
        lines[0]
        == f"{path}:8:17: item number 1 is used twice (first at line 6); numbers are unique across the plan"
    )
    lint = CliRunner().invoke(app, ["lint", str(path)])
    assert len([line for line in lint.stdout.splitlines() if "duplicate-number" in line]) == (
        MAX_PROBLEMS
    )


def test_too_many_values_is_said_even_after_a_hundred_other_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tree, "MAX_NODES", 450)
    anchors = "".join(f"k{n}: &a{n} 1\n" for n in range(300))
    problems = check_file(write_plan(tmp_path, "title: t\n" + anchors)).problems
    assert (problems[0].line, problems[0].code) == (225, "too-large")
    assert len(problems) == MAX_PROBLEMS
