"""Control characters and bidi overrides in a plan: shown, never obeyed; lint says where."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

from plantrack.cli import app
from plantrack.controls import CONTROL
from plantrack.render.visible import visible

runner = CliRunner()
PLAN = DATA / "controls" / "2022.yaml"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "2022.yaml"
    shutil.copyfile(PLAN, target)
    return target


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_kind_is_written_out() -> None:
    controls = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
    controls += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    shown = visible(controls)
    assert shown.startswith("\\x00\\x01")
    assert "\t\n" in shown
    assert shown.endswith("\\x9f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069")
    assert CONTROL.search(shown) is None


def test_status_shows_them_visibly(plan: Path) -> None:
    code, out, _ = run("status", "--plan", str(plan))
    assert code == 0
    assert CONTROL.search(out) is None
    assert out.splitlines()[0].startswith("计划\\x1b[2J")
    assert "一、政治\\u202e建设" in out
    assert "理论\\x07学习  书记\\x9b" in out


def test_show_shows_them_visibly(plan: Path) -> None:
    code, out, _ = run("show", "1", "--plan", str(plan))
    assert code == 0
    assert CONTROL.search(out) is None
    assert "甲\\u202a乙\\u202b丙\\u202c丁\\u202d戊\\u2066己\\u2067庚\\u2068辛\\u2069壬" in out
    assert (
        "  2022-05-04  李\\x00明\\x7f  \\x1b]0;pwned\\x07 \\u202e \\x85 \\x0d"
        " \\x01\\x08\\x0b\\x0c \\e" in out
    )


def test_json_keeps_the_exact_text_escaped(plan: Path) -> None:
    code, out, _ = run("show", "1", "--plan", str(plan), "--format", "json")
    assert code == 0
    assert CONTROL.search(out) is None
    record = json.loads(out)
    assert record["owner"] == "书记\x9b"
    assert record["log"][0]["note"] == "\x1b]0;pwned\x07 \u202e \x85 \r \x01\b\x0b\x0c \\e"


def test_messages_echoing_plan_text_or_arguments_show_them_visibly(plan: Path) -> None:
    code, _, err = run("assign", "1", "--to", "组织\x1b[2J委员", "--plan", str(plan))
    assert code == 1
    assert CONTROL.search(err) is None
    assert (
        err
        == "plantrack: '组织\\x1b[2J委员' is not one of this plan's roles (书记\\x9b); --new-role adds it to roles\n"
    )


def test_lint_reports_each_at_its_line_and_column(plan: Path) -> None:
    code, out, _ = run("lint", str(plan))
    assert code == 1
    assert CONTROL.search(out) is None
    found = [line.split(" ", 3)[:3] for line in out.splitlines()]
    places = [where.rsplit(":", 3)[1:3] for where, _, _ in found]
    assert {code for _, _, code in found} == {"control-character"}
    assert places == [
        ["1", "11"],
        ["3", "12"],
        ["5", "14"],
        ["8", "19"],
        ["9", "19"],
        *[["10", str(column)] for column in range(16, 31, 2)],
        ["14", "19"],
        ["14", "22"],
        *[["15", column] for column in ("20", "30", "33", "40", "43", "46", "50", "52", "54")],
    ]
    first = out.splitlines()[0]
    assert first == (
        f"{plan}:1:11: error control-character control character \\x1b (U+001B) in the text;"
        " it can change what a terminal or an editor shows: delete it"
    )


def test_a_raw_control_character_is_refused_by_the_reader_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text("title: 计划\x1b[2J\nyear: 2022\nsections: []\n", encoding="utf-8")
    code, _, err = run("status", "--plan", str(path))
    assert code == 1
    assert err.strip() == (
        f"{path}:1:10: control character \\x1b (U+001B); YAML does not allow it in a file:"
        " delete it"
    )


def test_lint_json_and_sarif_hold_no_raw_control_character(plan: Path) -> None:
    for form in ("json", "sarif"):
        code, out, _ = run("lint", str(plan), "--format", form)
        assert code == 1
        assert CONTROL.search(out) is None
        json.loads(out)


def test_edit_messages_show_them_visibly(plan: Path) -> None:
    code, _, err = run("assign", "1", "--to", "组织\x1b[2J委员", "--new-role", "--plan", str(plan))
    assert code == 0
    assert err.splitlines() == [
        f"plantrack: {plan}: item 1: owner: 书记\\x9b → 组织\\x1b[2J委员",
        f"plantrack: {plan}: roles: 组织\\x1b[2J委员 added",
    ]
