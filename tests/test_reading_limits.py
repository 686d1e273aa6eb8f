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


def test_the_limit_on_values_leaves_room_for_a_large_plan() -> None:
    # 10,000 items of seven fields each, with a ledger entry on a fifth of them.
    assert tree.MAX_NODES >= 10_000 * 15 + 2_000 * 14


def test_thousands_of_unknown_keys_in_one_item_give_a_hundred_lines(tmp_path: Path) -> None:
    keys = "".join(f"        u{n}: 1\n" for n in range(500))
    path = write_plan(tmp_path, HEAD + "      - number: 1\n        title: x\n" + keys)
    problems = check_file(path).problems
    assert len(problems) == MAX_PROBLEMS
    assert problems[0].line == 8
    assert problems[-1].line == 8 + MAX_PROBLEMS - 1


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
