"""`plantrack export` (the 台账 table) and `plantrack log` (the ledger across items)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import Environment
from histories import write_history
from rich.cells import cell_len
from typer.testing import CliRunner

from plantrack.cli import app

runner = CliRunner()

HEADER = "No.,Section,Task,Details,Owner,Due,Status,Progress,Expected,Latest progress,Remarks\r\n"
CHINESE_HEADER = (
    "序号,所属部分,工作任务,具体内容,责任人,完成时限,状态,进度,序时进度,最新进展,备注\r\n"
)


def invoke(*args: str, today: str = "2022-12-31") -> tuple[int, bytes, str]:
    result = runner.invoke(app, list(args), env={"PLANTRACK_TODAY": today})
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write_history(tmp_path)


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_a_bom_and_exactly_the_ledger_columns(plan: Path) -> None:
    code, out, _ = invoke("export", "-p", str(plan))
    assert code == 0
    assert out.startswith(b"\xef\xbb\xbf" + HEADER.encode())
    table = rows(out)
    assert table[4] == [
        "4",
        "二、组织建设",
        "党员发展",
        "做好发展党员工作。",
        "组织委员",
        "2022-03-31",
        "doing",
        "20%",
        "100%",
        "",
        "overdue 275 days",
    ]


@pytest.mark.slow
def test_chinese_headers_in_a_chinese_interface(plan: Path, environment: Environment) -> None:
    environment(PLANTRACK_LANG="zh")
    code, out, _ = invoke("export", "-p", str(plan))
    assert code == 0
    assert out.startswith("\ufeff".encode() + CHINESE_HEADER.encode())


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 123", "'+86 123"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(
    tmp_path: Path, text: str, written: str
) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(
        "title: t\nyear: 2022\nsections:\n  - title: s\n    items:\n"
        f"      - number: 1\n        title: x\n        text: {json.dumps(text)}\n",
        encoding="utf-8",
    )
    code, out, _ = invoke("export", "-p", str(path))
    assert code == 0
    assert rows(out)[1][3] == written


def test_export_as_of_and_filters(plan: Path) -> None:
    code, out, _ = invoke("export", "-p", str(plan), "--as-of", "2022-05-01", "--behind")
    assert code == 0
    assert [row[0] for row in rows(out)[1:]] == ["1", "2", "3", "4"]
    code, out, _ = invoke("export", "-p", str(plan), "-f", "json", "--owner", "组织委员")
    data = json.loads(out)
    assert (data["as_of"], [item["number"] for item in data["items"]]) == ("2022-12-31", [3, 4])
    assert data["items"][1] == {
        "number": 4,
        "section": "二、组织建设",
        "title": "党员发展",
        "text": "做好发展党员工作。",
        "owner": "组织委员",
        "due": "2022-03-31",
        "status": "doing",
        "progress": 20,
        "expected": 100,
        "latest": None,
        "remarks": "overdue 275 days",
    }


@pytest.mark.slow
def test_xlsx_read_back(tmp_path: Path) -> None:
    from histories import HISTORY
    from openpyxl import load_workbook

    plan = tmp_path / "2022.yaml"
    # Item 2 nearly finished a week before its due date: on track, and due soon.
    plan.write_text(HISTORY.replace("progress: 30\n", "progress: 95\n"), encoding="utf-8")
    target = tmp_path / "台账.xlsx"
    code, _, err = invoke(
        "export", "-p", str(plan), "-f", "xlsx", "-o", str(target), today="2022-12-25"
    )
    assert code == 0, err
    book = load_workbook(target)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER.strip().split(",")
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K7"
    assert sheet["F2"].value == dt.datetime(2022, 6, 30)  # a date, not text
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    assert sheet["D6"].value == '=HYPERLINK("http://example.invalid")'
    assert sheet["D6"].data_type == "s"  # text, not a formula
    # Status cells coloured by standing: red overdue (4), yellow behind (5), blue due soon (2).
    assert sheet["G5"].fill.fgColor.rgb == "FFFF8080"
    assert sheet["G6"].fill.fgColor.rgb == "FFFFE699"
    assert sheet["G3"].fill.fgColor.rgb == "FF9DC3E6"
    assert sheet["G2"].fill.fill_type is None
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width
    ledger = book.worksheets[1]
    assert [c.value for c in ledger[1]] == ["Date", "No.", "Item", "Owner", "By", "Changes", "Note"]
    assert ledger.max_row == 1 + 13
    assert ledger["F2"].value == "status: — → doing"


@pytest.mark.slow
def test_docx_read_back(plan: Path, tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "台账.docx"
    code, _, _ = invoke("export", "-p", str(plan), "-f", "docx", "-o", str(target))
    assert code == 0
    doc = Document(str(target))
    assert doc.paragraphs[0].text == "2022年机关党建工作要点: ledger table"
    table = doc.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == HEADER.strip().split(",")
    assert len(table.rows) == 7
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape


def test_binary_formats_need_a_file_on_a_terminal(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from plantrack.cli import output

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(Exception) as raised:
        output.write_binary(None, b"PK")
    assert str(raised.value) == (
        "this format is binary and stdout is a terminal; give -o FILE or redirect stdout"
    )


def test_markdown_export(plan: Path) -> None:
    code, out, _ = invoke("export", "-p", str(plan), "-f", "markdown", "--section", "三")
    assert code == 0
    text = out.decode()
    assert text.startswith("# 2022年机关党建工作要点: ledger table\n")
    assert "| 6 | 三、纪律建设 | 作风建设 | 改进作风。 | — | — | todo | — | — | — | — |" in text


def test_export_never_writes_over_a_file_or_the_plan(plan: Path, tmp_path: Path) -> None:
    before = plan.read_bytes()
    code, out, err = invoke("export", "-p", str(plan), "-o", str(plan), "--force")
    assert (code, out) == (1, b"")
    assert err == f"plantrack: {plan} is the plan itself; write the document to another file\n"
    code, _, err = invoke("export", "-p", str(plan), "-f", "pdf")
    assert code == 2 and "'pdf' is not one of" in err
    assert plan.read_bytes() == before


# --------------------------------------------------------------------------- log


def log(plan: Path, *args: str) -> list[dict[str, object]]:
    code, out, err = invoke("log", "-p", str(plan), "-f", "json", *args)
    assert code == 0, err
    result: list[dict[str, object]] = json.loads(out)
    return result


def test_log_lists_the_ledger_in_date_order(plan: Path) -> None:
    entries = log(plan)
    assert len(entries) == 13
    dates = [entry["date"] for entry in entries]
    assert dates == sorted(dates)
    assert entries[0] == {
        "date": "2022-01-10",
        "number": 1,
        "title": "学习制度",
        "owner": "宣传委员",
        "by": "李明",
        "changes": {"status": [None, "doing"]},
        "note": "制定学习计划",
    }


@pytest.mark.slow
def test_log_filters(plan: Path) -> None:
    assert [e["date"] for e in log(plan, "--since", "2022-06-01", "--until", "2022-08-31")] == [
        "2022-06-05",
        "2022-07-15",
        "2022-08-10",
    ]
    assert {e["number"] for e in log(plan, "--item", "3", "--item", "4")} == {3, 4}
    assert {e["number"] for e in log(plan, "--owner", "组织委员")} == {3, 4}
    assert {e["by"] for e in log(plan, "--by", "赵敏")} == {"赵敏"}


@pytest.mark.slow
def test_log_as_csv_and_table(plan: Path) -> None:
    code, out, _ = invoke("log", "-p", str(plan), "-f", "csv", "--item", "5")
    assert rows(out) == [
        ["Date", "No.", "Item", "Owner", "By", "Changes", "Note"],
        ["2022-03-01", "5", "警示教育", "纪检委员", "赵敏", "status: — → doing", "制定方案"],
        [
            "2022-07-15",
            "5",
            "警示教育",
            "纪检委员",
            "赵敏",
            "status: doing → blocked",
            "场地未落实",
        ],
    ]
    code, out, _ = invoke("log", "-p", str(plan), "--item", "5")
    assert "场地未落实" in out.decode()
    code, out, err = invoke("log", "-p", str(plan), "--by", "nobody")
    assert (code, out, err) == (0, b"", "plantrack: no ledger entries match\n")


@pytest.mark.slow
def test_the_log_table_keeps_a_long_chinese_note_whole_at_any_width(
    plan: Path, environment: Environment
) -> None:
    note = "完成两个支部换届选举并将结果报上级党组织审批备案同时做好新任委员培训"
    code, _, _ = invoke("note", "5", note, "-p", str(plan), "--by", "赵敏")
    assert code == 0
    for columns in ("60", "80"):
        environment(COLUMNS=columns)
        code, out, _ = invoke("log", "-p", str(plan), "--item", "5")
        lines = out.decode().splitlines()
        assert max(cell_len(line) for line in lines) <= int(columns)
        cells = [line.split("│")[-1].strip() for line in lines if "│" in line]
        assert note in "".join(cells)


def test_log_bad_input(plan: Path) -> None:
    code, _, err = invoke("log", "-p", str(plan), "--since", "2022-06-01", "--until", "2022-03-01")
    assert (code, err) == (1, "plantrack: --since 2022-06-01 is after --until 2022-03-01\n")
    code, _, err = invoke("log", "-p", str(plan), "--item", "9")
    assert (code, err) == (1, "plantrack: there is no item 9; this plan has items 1–6\n")


def test_json_escapes_a_plans_control_characters_as_every_json_output_does(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("title: 学习制度", 'title: "学习制度\\u202e"'), encoding="utf-8")
    code, data, _ = invoke("export", "--plan", str(plan), "--format", "json")
    assert code == 0
    assert "\u202e".encode() not in data and b"\\u202e" in data  # a bidi override
    assert "学习制度\u202e" in [item["title"] for item in json.loads(data)["items"]]
