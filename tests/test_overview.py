"""`plantrack overview`: one row per plan under the paths, a broken plan as a row of its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from histories import HISTORY, write_history
from typer.testing import CliRunner

from plantrack.cli import app

runner = CliRunner()


@pytest.fixture
def depts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "depts"
    for name in ("办公室", "组织部", "宣传部", "纪委"):
        (root / name / "plans").mkdir(parents=True)
    write_history(root / "办公室" / "plans")
    # 组织部 has everything done: first by completion.
    done = HISTORY.replace("status: doing", "status: done").replace(
        "status: blocked", "status: done"
    )
    done = done.replace(
        "        text: 改进作风。\n", "        text: 改进作风。\n        status: done\n"
    )
    (root / "组织部" / "plans" / "2022.yaml").write_text(done, encoding="utf-8")
    (root / "宣传部" / "plans" / "2022.yaml").write_text(
        "title: x\nyear: 2022\nsections: [\n", encoding="utf-8"
    )
    (root / "纪委" / "plans" / "2021.yaml").write_text(
        HISTORY.replace("year: 2022", "year: 2021"), encoding="utf-8"
    )
    (root / ".git").mkdir()
    (root / ".git" / "2022.yaml").write_text("not a plan", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return root


def overview(*args: str) -> dict[str, Any]:
    result = runner.invoke(
        app, ["overview", *args, "-f", "json"], env={"PLANTRACK_TODAY": "2022-12-31"}
    )
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_one_row_per_plan_by_completion_with_the_broken_one_last(depts: Path) -> None:
    data = overview("depts", "--year", "2022")
    assert [row["organisation"] for row in data["plans"]] == ["组织部", "办公室", "宣传部"]
    office = data["plans"][1]
    assert office == {
        "organisation": "办公室",
        "path": "depts/办公室/plans/2022.yaml",
        "title": "2022年机关党建工作要点",
        "year": 2022,
        "items": 6,
        "done": 2,
        "doing": 2,
        "behind": 2,
        "overdue": 1,
        "blocked": 1,
        "completion": round((100 + 30 + 100 + 20 + 60) / 6, 1),
        "error": None,
    }
    broken = data["plans"][2]
    assert broken["error"] == "3:12: YAML syntax error: did not find expected node content"
    assert broken["items"] is None
    assert data["total"]["organisation"] == "All plans (2)"
    assert (data["total"]["items"], data["total"]["done"]) == (12, 8)


@pytest.mark.slow
def test_every_year_without_year_and_as_of_a_date(depts: Path) -> None:
    assert len(overview("depts")["plans"]) == 4
    early = overview("depts", "--year", "2022", "--as-of", "2022-03-31")
    office = next(row for row in early["plans"] if row["organisation"] == "办公室")
    assert (office["done"], office["doing"]) == (0, 5)


@pytest.mark.slow
def test_table_and_csv(depts: Path) -> None:
    result = runner.invoke(
        app,
        ["overview", "depts", "--year", "2022", "-f", "csv"],
        env={"PLANTRACK_TODAY": "2022-12-31"},
    )
    lines = result.stdout_bytes.decode("utf-8-sig").splitlines()
    assert (
        lines[0]
        == "Organisation,File,Title,Year,Items,Done,Doing,Behind,Overdue,Blocked,Completion,Problem"
    )
    assert lines[-1] == "All plans (2),,,,12,8,2,2,1,1,75.8%,"
    result = runner.invoke(
        app, ["overview", "depts"], env={"PLANTRACK_TODAY": "2022-12-31", "COLUMNS": "200"}
    )
    assert result.exit_code == 0
    assert "YAML syntax error" in result.stdout


@pytest.mark.slow
def test_xlsx_overview(depts: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "总览.xlsx"
    result = runner.invoke(app, ["overview", "depts", "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(target).worksheets[0]
    assert sheet["A1"].value == "Organisation"


def test_nothing_to_overview(tmp_path: Path) -> None:
    result = runner.invoke(app, ["overview", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"plantrack: no plan files (named like 2022.yaml) under {tmp_path}\n",
    )
    result = runner.invoke(app, ["overview", str(tmp_path / "nowhere")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"plantrack: {tmp_path / 'nowhere'}: no such file or folder\n",
    )
