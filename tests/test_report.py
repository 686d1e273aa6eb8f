"""`plantrack report`: what a period report says about a plan with a scripted history."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Environment
from histories import HISTORY, write_history
from typer.testing import CliRunner

from plantrack.cli import app

runner = CliRunner()


def invoke(*args: str, today: str = "2022-12-31") -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"PLANTRACK_TODAY": today})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write_history(tmp_path)


def report(plan: Path, *args: str, today: str = "2022-12-31") -> dict[str, Any]:
    code, out, err = invoke("report", "-p", str(plan), "-f", "json", *args, today=today)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    assert len(data["plans"]) == 1
    return data


def numbers(part: list[dict[str, Any]]) -> list[int]:
    return [line["number"] for line in part]


def test_first_quarter(plan: Path) -> None:
    data = report(plan, "--period", "2022Q1")
    assert data["period"] == {"name": "2022Q1", "since": "2022-01-01", "until": "2022-03-31"}
    q1 = data["plans"][0]
    assert q1["as_of"] == "2022-03-31"
    assert q1["summary"] == {
        "items": 6,
        "todo": 1,
        "doing": 5,
        "done": 0,
        "blocked": 0,
        "behind": 3,
        "overdue": 0,
        "completion": round((50 + 0 + 0 + 20 + 60 + 0) / 6, 1),
        "entries": 6,
        "items_touched": 5,
    }
    assert numbers(q1["completed"]) == []
    assert numbers(q1["in_progress"]) == [1, 2, 3, 4, 5]
    assert numbers(q1["lagging"]) == [2, 3, 4]
    # Item 2 was reassigned only on 04-01: in the first quarter it is still 宣传委员's.
    assert q1["owners"][0] == {
        "owner": "宣传委员",
        "items": 2,
        "done": 0,
        "behind": 1,
        "completion": 25.0,
        "co_owned": 0,
    }
    assert q1["unexplained"] == {"5": ["progress"]}


def test_first_half(plan: Path) -> None:
    h1 = report(plan, "--period", "2022H1")["plans"][0]
    assert [h1["summary"][k] for k in ("todo", "doing", "done", "blocked")] == [1, 4, 1, 0]
    completed = h1["completed"][0]
    assert completed["number"] == 1
    assert [entry["note"] for entry in completed["evidence"]] == [
        "制定学习计划",
        "完成两次专题学习",
        "全年学习任务完成",
    ]
    lagging = {line["number"]: line for line in h1["lagging"]}
    assert numbers(h1["lagging"]) == [4, 2, 3]  # the overdue first, the most days late first
    assert (lagging[4]["days_late"], lagging[4]["reason"]) == (91, None)
    # Reopened on 06-05: its reason is its latest note, no longer the block's.
    assert lagging[3]["reason"] == "上级文件已下发"
    assert h1["summary"]["entries"] == 10


def test_the_year(plan: Path) -> None:
    year = report(plan, "--period", "2022")["plans"][0]
    assert numbers(year["completed"]) == [1, 3]
    assert numbers(year["lagging"]) == [4, 2, 5]
    assert year["lagging"][0]["days_late"] == 275
    assert [(b["number"], b["reason"]) for b in year["blocked"]] == [(5, "场地未落实")]
    assert (year["summary"]["entries"], year["summary"]["items_touched"]) == (13, 5)
    assert year["unexplained"] == {}


def test_an_arbitrary_range(plan: Path) -> None:
    data = report(plan, "--since", "2022-04-01", "--until", "2022-06-10")
    part = data["plans"][0]
    assert part["as_of"] == "2022-06-10"
    assert numbers(part["completed"]) == [1]
    assert (part["summary"]["entries"], part["summary"]["items_touched"]) == (4, 3)
    assert part["blocked"] == []  # item 3 was reopened on 06-05


def test_a_second_quarter_report_written_in_august_shows_the_second_quarter(plan: Path) -> None:
    q2 = report(plan, "--period", "2022Q2", today="2022-08-15")["plans"][0]
    assert q2["as_of"] == "2022-06-30"
    two = next(line for line in q2["in_progress"] if line["number"] == 2)
    assert two["completion"] == 0  # its progress was recorded on 08-10
    assert two["latest"]["note"] == "调整分工"


def test_a_period_not_over_is_reported_as_of_today(plan: Path) -> None:
    assert report(plan, "--period", "2022H2", today="2022-08-15")["plans"][0]["as_of"] == (
        "2022-08-15"
    )


@pytest.mark.slow
def test_the_terminal_report_names_lags_without_a_reason(plan: Path) -> None:
    code, out, _ = invoke("report", "-p", str(plan), "--period", "2022H1")
    assert code == 0
    assert out.splitlines()[0] == "2022年机关党建工作要点: report for 2022H1"
    assert (
        "  • 4. 党员发展（组织委员）: overdue by 91 days (due 2022-03-31); NO REASON GIVEN" in out
    )
    assert "10 ledger entries on 5 items." in out


def test_markdown_report(plan: Path) -> None:
    code, out, _ = invoke("report", "-p", str(plan), "--period", "2022H1", "-f", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# 2022年机关党建工作要点: report for 2022H1"
    assert "## 五、Behind schedule and overdue" in lines
    assert "| 一、理论学习 | 2 | 1 | 50.0% |" in lines
    assert (
        "- **4. 党员发展（组织委员）: overdue by 91 days (due 2022-03-31); NO REASON GIVEN**"
        in lines
    )


def test_chinese_report(plan: Path, environment: Environment) -> None:
    environment(PLANTRACK_LANG="zh")
    code, out, _ = invoke("report", "-p", str(plan), "--period", "2022H1", "-f", "markdown")
    assert code == 0
    assert out.startswith("# 2022年机关党建工作要点2022H1执行情况报告\n")
    assert "## 三、本期完成事项" in out
    assert "共 6 项，已完成 1 项（16.7%），总体完成率 30.0%；欠进度 2 项，逾期 1 项。" in out


@pytest.mark.slow
def test_word_report_in_the_official_layout(plan: Path, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    target = tmp_path / "半年报告.docx"
    code, _, err = invoke(
        "report", "-p", str(plan), "--period", "2022H1", "-f", "docx", "-o", str(target)
    )
    assert code == 0, err
    assert err == f"plantrack: wrote {target}\n"
    doc = Document(str(target))
    title = doc.paragraphs[0]
    assert title.text == "2022年机关党建工作要点: report for 2022H1"
    run = title.runs[0]
    assert run.font.size.pt == 22
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings][:3] == [
        "一、Overall",
        "二、Sections",
        "三、Completed in the period",
    ]
    assert headings[0].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert headings[0].runs[0].font.size.pt == 16
    body = next(p for p in doc.paragraphs if p.text.startswith("6 items"))
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    sections = doc.tables[1]
    assert [cell.text for cell in sections.rows[0].cells] == [
        "Section",
        "Items",
        "Done",
        "Completion",
    ]
    assert [cell.text for cell in sections.rows[1].cells] == ["一、理论学习", "2", "1", "50.0%"]


@pytest.mark.slow
def test_a_report_across_plans_in_a_folder(tmp_path: Path) -> None:
    for dept in ("办公室", "组织部"):
        folder = tmp_path / "depts" / dept / "plans"
        folder.mkdir(parents=True)
        write_history(folder)
    (tmp_path / "depts" / "办公室" / "plans" / "2021.yaml").write_text(
        HISTORY.replace("year: 2022", "year: 2021"), encoding="utf-8"
    )
    code, out, err = invoke(
        "report", "-p", str(tmp_path / "depts"), "--period", "2022", "-f", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert [Path(p["path"]).parent.parent.name for p in data["plans"]] == ["办公室", "组织部"]
    assert data["total"]["items"] == 12
    assert data["total"]["done"] == 4
    code, out, _ = invoke("report", "-p", str(tmp_path / "depts"), "--period", "2022")
    assert out.splitlines()[0] == "Report on 2 plans for 2022"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--period", "2022Q5"],
            "unknown period '2022Q5'; use a year (2022), a half (2022H1, 2022H2), a quarter"
            " (2022Q1 … 2022Q4) or a month (2022-05)",
        ),
        (
            ["--period", "2022H3"],
            "unknown period '2022H3'; use a year (2022), a half (2022H1, 2022H2), a quarter"
            " (2022Q1 … 2022Q4) or a month (2022-05)",
        ),
        (
            ["--since", "2022-06-01", "--until", "2022-03-01"],
            "--since 2022-06-01 is after --until 2022-03-01",
        ),
        (["--period", "2023"], "the period 2023 lies outside the year of every plan (2022)"),
        (
            ["--period", "2022", "--since", "2022-01-01"],
            "give --period or --since/--until, not both",
        ),
    ],
)
def test_bad_periods(plan: Path, args: list[str], message: str) -> None:
    code, out, err = invoke("report", "-p", str(plan), *args)
    assert (code, out) == (1, "")
    assert err == f"plantrack: {message}\n"


def test_bad_outputs_write_nothing_and_never_touch_the_plan(plan: Path, tmp_path: Path) -> None:
    before = plan.read_bytes()
    missing = tmp_path / "missing" / "r.md"
    code, out, err = invoke("report", "-p", str(plan), "-f", "markdown", "-o", str(missing))
    assert (code, out, err) == (
        1,
        "",
        f"plantrack: folder {missing.parent} does not exist; create it first, or give -o a file in a folder that exists\n",
    )
    existing = tmp_path / "r.md"
    existing.write_text("keep", encoding="utf-8")
    code, _, err = invoke("report", "-p", str(plan), "-f", "markdown", "-o", str(existing))
    assert code == 1
    assert err == (
        f"plantrack: {existing} already exists; give --force to overwrite it, or -o to write elsewhere\n"
    )
    assert existing.read_text(encoding="utf-8") == "keep"
    code, _, err = invoke("report", "-p", str(plan), "-o", str(plan), "--force")
    assert (code, err) == (
        1,
        f"plantrack: {plan} is the plan itself; write the document to another file\n",
    )
    code, _, err = invoke("report", "-p", str(plan), "-f", "xlsx")
    assert code == 2 and "'xlsx' is not one of" in err
    assert plan.read_bytes() == before


def test_help_in_both_languages(environment: Environment) -> None:
    import importlib

    import plantrack.cli.reports
    from plantrack.cli import command_group

    def helps() -> dict[str, str]:
        importlib.reload(plantrack.cli.reports)  # help texts are chosen as commands are defined
        return {name: command.help for name, command in command_group("reports").items()}

    english = helps()
    environment(PLANTRACK_LANG="zh")
    chinese = helps()
    environment(PLANTRACK_LANG="en")
    helps()
    assert english["report"].startswith("A period report")
    assert chinese["report"].startswith("阶段报告")
    assert english["export"].startswith("The 台账 table")
    assert chinese["export"].startswith("导出工作台账")
    assert english["log"].startswith("The ledger across items")
    assert chinese["log"].startswith("按日期顺序列出")
    assert english["overview"].startswith("One row per plan")
    assert chinese["overview"].startswith("路径下每个计划一行")


def test_every_reports_message_has_both_languages_with_the_same_placeholders() -> None:
    import re
    import string

    from conftest import ROOT

    from plantrack.i18n import CATALOGUE

    source = (ROOT / "src" / "plantrack" / "i18n.py").read_text(encoding="utf-8")
    block = source.split("# --- reports:")[1].split("# --- end of reports")[0]
    keys = re.findall(r'^    "([\w.]+)": \(', block, re.MULTILINE)
    assert len(keys) > 80
    for key in keys:
        english, chinese = CATALOGUE[key]
        assert english and chinese, key
        blanks = [
            {name for _, name, _, _ in string.Formatter().parse(text) if name}
            for text in (english, chinese)
        ]
        assert blanks[0] == blanks[1], key
