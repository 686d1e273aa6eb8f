"""Conflict markers left in a plan are found at the first marker, with both sides' lines."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from plantrack.cli import app
from plantrack.merging.markers import LeftConflict, first_conflict

MERGED = """\
title: 2022年工作要点
year: 2022
sections:
  - title: 加强政治建设
    items:
      - number: 2
        title: 开展主题党日
<<<<<<< ours
        status: done
        progress: 100
=======
        status: blocked
>>>>>>> theirs
"""


def test_the_first_marker_and_both_sides_lines() -> None:
    found = first_conflict(MERGED)
    assert found == LeftConflict(8, (9, 10), (12, 12))
    assert found.message() == (
        "a merge conflict was left here: ours lines 9–10, theirs line 12; keep what is right"
        " and remove the marker lines (<<<<<<<, =======, >>>>>>>)"
    )


def test_crlf_and_a_base_section_in_diff3_style() -> None:
    text = "a: 1\r\n<<<<<<< ours\r\nb: 2\r\n||||||| base\r\nb: 1\r\n=======\r\n>>>>>>> theirs\r\n"
    found = first_conflict(text)
    assert found == LeftConflict(2, (3, 3), None)
    assert "theirs nothing" in found.message()


def test_a_lone_separator_is_a_marker_too() -> None:
    assert first_conflict("a: 1\n=======\nb: 2\n") == LeftConflict(2, None, (3, 3))


def test_markers_must_start_the_line_and_be_seven_long() -> None:
    assert first_conflict("text: '<<<<<<< ours'\n  =======\n<<<<<<<< x\n======== \n") is None
    assert first_conflict("title: plan\n") is None


def test_lint_reports_the_conflict_first_then_what_yaml_makes_of_it(tmp_path: Path) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_text(MERGED, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(plan), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert findings[0] == {
        "path": str(plan),
        "line": 8,
        "column": 1,
        "severity": "error",
        "code": "merge-conflict",
        "message": "a merge conflict was left here: ours lines 9–10, theirs line 12; keep what is"
        " right and remove the marker lines (<<<<<<<, =======, >>>>>>>)",
        "field": None,
    }
    assert [f["code"] for f in findings[1:]] == ["syntax"]


def test_sarif_names_the_rule_and_its_fix(tmp_path: Path) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_text(MERGED, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(plan), "--format", "sarif"])
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["id"] == "merge-conflict"
    assert rules[0]["shortDescription"]["text"] == (
        "Conflict markers from a merge are left in the file."
    )
