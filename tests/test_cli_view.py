"""`plantrack status` and `plantrack show` as a user runs them, through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import PLAN_2022, Environment
from rich.cells import cell_len as width
from typer.testing import CliRunner

from plantrack import __version__
from plantrack.cli import app

runner = CliRunner()

TRACKED = """\
title: 测试计划
year: 2022
roles: [书记, 纪检委员]
sections:
  - title: 政治建设
    items:
      - number: 1
        title: 理论学习
        owner: 书记
        status: done
        progress: 100
        due: 2022-03-31
      - number: 2
        title: 意识形态
        owner: 纪检委员
        status: doing
        progress: 40
        due: 2022-06-30
  - title: 正风肃纪
    items:
      - number: 3
        title: 警示教育
        owner: 纪检委员
        status: 受阻
        due: 2022-12-31
        log:
          - date: 2022-05-04
            by: 李明
            changes: {status: [doing, blocked]}
            note: 场地未落实
"""


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tracked(tmp_path: Path) -> Path:
    path = tmp_path / "2022.yaml"
    path.write_text(TRACKED, encoding="utf-8")
    return path


def test_status_shows_every_item_under_its_section() -> None:
    code, out, err = invoke("status", "--plan", str(PLAN_2022))
    assert code == 0, err
    assert "一、突出政治建设，持续推进理论武装走深走实" in out
    assert "六、落实主体责任，构建大抓机关党建的新格局" in out
    for number in range(1, 20):
        assert re.search(rf"^\s+{number}\s", out, re.MULTILINE), number
    assert "0/19" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_status_columns_line_up_by_display_width() -> None:
    code, out, _ = invoke("status", "--plan", str(PLAN_2022))
    assert code == 0
    rows = [line for line in out.splitlines() if re.match(r"^\s+\d+\s", line)]
    starts = set()
    for row in rows:
        index = row.index("todo")
        starts.add(width(row[:index]))
    assert len(starts) == 1, starts


def test_status_marks_overdue_items(tracked: Path) -> None:
    code, out, _ = invoke("status", "--plan", str(tracked))
    assert code == 0
    overdue_rows = [
        line for line in out.splitlines() if "overdue" in line and "意识形态" not in line
    ]
    assert any("2022-06-30 overdue" in line for line in out.splitlines())
    assert not any("理论学习" in line for line in overdue_rows)  # done items are never overdue
    assert "overdue 1" in out


def test_status_filters(tracked: Path) -> None:
    def numbers(*args: str) -> list[int]:
        code, out, err = invoke("status", "--plan", str(tracked), "--format", "json", *args)
        assert code == 0, err
        return [entry["number"] for entry in json.loads(out)["items"]]

    assert numbers() == [1, 2, 3]
    assert numbers("--owner", "纪检委员") == [2, 3]
    assert numbers("--status", "doing", "--status", "受阻") == [2, 3]
    assert numbers("--status", "已完成") == [1]
    assert numbers("--section", "二") == [3]
    assert numbers("--section", "1") == [1, 2]
    assert numbers("--overdue") == [2]


def test_status_rejects_unknown_filters(tracked: Path) -> None:
    code, out, err = invoke("status", "--plan", str(tracked), "--status", "finished")
    assert (code, out) == (1, "")
    assert err.strip() == (
        "plantrack: unknown status 'finished'; use one of todo, doing, done, blocked"
        " (未开始, 进行中, 已完成, 受阻)"
    )
    code, _, err = invoke("status", "--plan", str(tracked), "--section", "七")
    assert code == 1
    assert err.strip() == "plantrack: there is no section 七; this plan has sections 一, 二"


def test_status_json_contract(tracked: Path) -> None:
    code, out, _ = invoke("status", "--plan", str(tracked), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == {
        "items": 3,
        "todo": 0,
        "doing": 1,
        "done": 1,
        "blocked": 1,
        "overdue": 1,
        "behind": 1,
        "completion": round((100 + 40 + 0) / 3, 1),
    }
    assert [s["section"] for s in data["sections"]] == ["一", "二"]
    third = data["items"][2]
    assert third == {
        "number": 3,
        "section": "二",
        "section_title": "正风肃纪",
        "subsection": None,
        "title": "警示教育",
        "text": "",
        "owner": "纪检委员",
        "co_owners": [],
        "status": "blocked",
        "progress": None,
        "due": "2022-12-31",
        "overdue": False,
        # From its first ledger entry (05-04) to its due date, 59 of 242 days have passed by
        # the end of 07-01: 24 % expected, and nothing done is more than 10 points behind.
        "expected": 24,
        "standing": "behind",
        "due_soon": False,
        "unexplained": [],
        "log": [
            {
                "date": "2022-05-04",
                "by": "李明",
                "changes": {"status": ["doing", "blocked"]},
                "note": "场地未落实",
            }
        ],
    }


def test_status_json_of_the_2022_plan_names_sections_by_numeral() -> None:
    code, out, _ = invoke("status", "--plan", str(PLAN_2022), "-f", "json")
    assert code == 0
    items = json.loads(out)["items"]
    fourteen = next(entry for entry in items if entry["number"] == 14)
    assert fourteen["section"] == "五"
    assert fourteen["title"] == "严格纪律规矩刚性约束"
    assert fourteen["text"].startswith("落实“一把手”上廉政党课制度")
    assert {
        "number",
        "section",
        "title",
        "text",
        "owner",
        "status",
        "progress",
        "due",
        "log",
    } <= set(fourteen)


def test_colour_only_when_asked(tracked: Path) -> None:
    _, out, _ = invoke("status", "--plan", str(tracked), env={"FORCE_COLOR": "1"})
    assert "\x1b[" in out
    _, out, _ = invoke("status", "--plan", str(tracked), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in out


def test_show_prints_one_item_in_full(tracked: Path) -> None:
    code, out, _ = invoke("show", "3", "--plan", str(tracked))
    assert code == 0
    assert out.splitlines()[:2] == ["二、正风肃纪", "3. 警示教育"]
    ledger = out.split("Ledger\n")[1].splitlines()
    assert ledger[0].rstrip() == "  2022-05-04  李明  status: doing → blocked"
    assert ledger[1].rstrip() == "                    场地未落实"  # the note under its entry
    assert re.search(r"Owner\s+纪检委员", out)


def test_show_wraps_the_text_to_the_terminal_width() -> None:
    code, out, _ = invoke("show", "14", "--plan", str(PLAN_2022), env={"COLUMNS": "40"})
    assert code == 0
    body = out.split("\n\n")[1].splitlines()
    assert len(body) > 3
    assert all(width(line) <= 40 for line in body)
    assert "".join(body) == load_text_of_item_14()


def load_text_of_item_14() -> str:
    from plantrack.reading import load as load_plan

    return next(item.text for _, item in load_plan(PLAN_2022).plan.items() if item.number == 14)


def test_show_json(tracked: Path) -> None:
    code, out, _ = invoke("show", "2", "--plan", str(tracked), "--format", "json")
    assert code == 0
    assert json.loads(out)["title"] == "意识形态"
    assert json.loads(out)["overdue"] is True


def test_show_unknown_number_names_the_range() -> None:
    code, out, err = invoke("show", "99", "--plan", str(PLAN_2022))
    assert (code, out) == (1, "")
    assert err.strip() == "plantrack: there is no item 99; this plan has items 1–19"


def test_broken_plan_gives_located_lines_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(
        "title: a\nyear: 2022\nsections:\n  - title: s\n    items:\n      - {number: 1, title: x, progress: 101}\n",
        encoding="utf-8",
    )
    code, out, err = invoke("status", "--plan", str(path))
    assert (code, out) == (1, "")
    assert err.strip() == f"{path}:6:41: section 一, item 1, progress: must be at most 100, got 101"


def test_usage_errors_exit_2() -> None:
    assert invoke("show", "abc", "--plan", str(PLAN_2022))[0] == 2
    assert invoke("status", "--bogus")[0] == 2
    assert invoke("nonsense")[0] == 2


def test_plan_discovery_from_a_subfolder(plan_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = plan_copy.parent.parent / "docs" / "minutes"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    code, out, _ = invoke("show", "14")
    assert code == 0 and "严格纪律规矩刚性约束" in out


def test_plan_from_environment(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path.parent)
    code, out, _ = invoke("show", "1", env={"PLANTRACK_PLAN": str(plan_copy)})
    assert code == 0 and "两个确立" in out


def test_no_plan_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("status")
    assert code == 1
    assert err.startswith("plantrack: no plan found")


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert (code, out.strip()) == (0, f"plantrack {__version__}")


@pytest.mark.slow
def test_chinese_interface(
    environment: Environment, tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    environment(PLANTRACK_LANG="zh_CN.UTF-8")
    code, out, _ = invoke("status", "--plan", str(tracked))
    assert code == 0
    assert "责任人" in out and "已完成" in out and "逾期" in out
    code, out, _ = invoke("show", "3", "--plan", str(tracked))
    assert "2022-05-04  李明  状态：进行中 → 受阻" in out
    code, _, err = invoke("show", "9", "--plan", str(tracked))
    assert code == 1 and err.strip() == "plantrack: 没有第 9 项；本计划的事项编号为 1–3"


WIDE = """\
title: 宽表
year: 2022
sections:
  - title: 一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的部分标题
    items:
      - number: 1
        title: 解决受阻问题并形成长效机制，确保各项工作落到实处、取得实效
        owner: 机关纪委书记兼办公室主任兼党支部组织委员
        status: blocked
        due: 2022-06-30
  - title: 空的部分
    items: []
"""


def test_status_fits_the_terminal_and_cuts_long_owners(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(WIDE, encoding="utf-8")
    for columns in (72, 100, 200):
        code, out, _ = invoke("status", "--plan", str(path), env={"COLUMNS": str(columns)})
        assert code == 0
        assert max(width(line) for line in out.splitlines()) <= columns
    assert "机关纪委书记兼办公室主任兼党支部组织委员" in out  # room enough at 200
    _, out, _ = invoke("status", "--plan", str(path), env={"COLUMNS": "72"})
    # Title and owner share the room (the owner a third of it); the status is never cut.
    assert re.search(r"  解决受阻问题\S* ?…  机关纪\S* ?…  blocked  ", out)


def test_status_colours_the_status_cell_not_a_word_in_the_title(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(WIDE.replace("解决受阻问题", "解决blocked问题"), encoding="utf-8")
    _, out, _ = invoke("status", "--plan", str(path), env={"FORCE_COLOR": "1"})
    row = next(line for line in out.splitlines() if "问题" in line)
    assert "解决blocked问题" in row  # the word in the title is left as it is
    assert "\x1b[1;31mblocked" in row  # the status cell is red and bold
    assert "\x1b[31m解决blocked问题" in row  # an overdue item is red
    assert "\x1b[1;31m2022-06-30 overdue" in row


def test_force_color_0_means_no_colour(tracked: Path) -> None:
    _, out, _ = invoke("status", "--plan", str(tracked), env={"FORCE_COLOR": "0"})
    assert "\x1b[" not in out


def test_status_section_filter_shows_an_empty_section_and_says_when_nothing_matches(
    tmp_path: Path,
) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(WIDE, encoding="utf-8")
    _, out, _ = invoke("status", "--plan", str(path), "--section", "二")
    assert "二、空的部分" in out
    assert "no item matches these filters" in out
    _, out, _ = invoke("status", "--plan", str(path))
    assert "no item matches" not in out


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (["status", "--bogus"], "no such option: --bogus", "没有选项 --bogus"),
        (
            ["status", "--ownerr", "x"],
            "no such option: --ownerr (did you mean --owner?)",
            "没有选项 --ownerr（是不是 --owner？）",
        ),
        (["nonsense"], "no such command 'nonsense'", "没有命令 “nonsense”"),
        (["show"], "missing argument 'N'", "缺少参数 “N”"),
        (
            ["status", "-f", "xml"],
            "'--format' / '-f': 'xml' is not one of 'table', 'json'",
            "“--format” / “-f”：“xml” 不是可选值 “table”、“json” 之一",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_usage_errors_in_the_users_language(
    environment: Environment, args: list[str], english: str, chinese: str, lang: str
) -> None:
    environment(PLANTRACK_LANG=lang)
    code, out, err = invoke(*args, "--plan", str(PLAN_2022))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    usage, try_help = ("Usage: ", "Try '") if lang == "en" else ("用法：", "运行 “")
    assert lines[0].startswith(usage + "plantrack")
    assert lines[1].startswith(try_help + "plantrack")
    assert lines[-1] == "plantrack: " + (english if lang == "en" else chinese)


def test_repeated_filters_combine(tracked: Path) -> None:
    def numbers(*args: str) -> list[int]:
        code, out, err = invoke("status", "--plan", str(tracked), "--format", "json", *args)
        assert code == 0, err
        return [entry["number"] for entry in json.loads(out)["items"]]

    assert numbers("--section", "一", "--section", "二") == [1, 2, 3]
    assert numbers("--owner", "书记", "--owner", "纪检委员") == [1, 2, 3]
    assert numbers("--owner", "书记", "--section", "二") == []
    assert numbers("--status", "已办结", "--status", "暂停") == [1, 3]


@pytest.mark.parametrize(
    ("owner", "message"),
    [
        ("纪检委", "plantrack: no item or role is '纪检委'; did you mean 纪检委员?"),
        ("张三", "plantrack: no item or role is '张三'; the owners are 书记, 纪检委员"),
    ],
)
def test_an_unknown_owner_in_a_filter_gets_a_did_you_mean(
    tracked: Path, owner: str, message: str
) -> None:
    code, out, err = invoke("status", "--plan", str(tracked), "--owner", owner)
    assert (code, out, err.strip()) == (1, "", message)


def test_an_unknown_status_in_a_filter_gets_a_did_you_mean(tracked: Path) -> None:
    code, out, err = invoke("status", "--plan", str(tracked), "--status", "donee")
    assert (code, out) == (1, "")
    assert err.strip() == "plantrack: unknown status 'donee'; did you mean done, doing?"


@pytest.mark.parametrize(
    ("section", "english", "chinese"),
    [
        ("二x", "there is no section 二x; did you mean 二?", "没有第 二x 部分；是不是 二？"),
        ("2x", "there is no section 2x; did you mean 二?", "没有第 2x 部分；是不是 二？"),
        (
            "第二部分",
            "there is no section 第二部分; did you mean 二?",
            "没有第 第二部分 部分；是不是 二？",
        ),
        (
            "正风肃记",
            "there is no section 正风肃记; did you mean 二 (正风肃纪)?",
            "没有第 正风肃记 部分；是不是 二（正风肃纪）？",
        ),
        (
            "七",
            "there is no section 七; this plan has sections 一, 二",
            "没有第 七 部分；本计划的部分为 一、二",
        ),
    ],
)
def test_an_unknown_section_in_a_filter_gets_a_did_you_mean(
    tracked: Path, environment: Environment, section: str, english: str, chinese: str
) -> None:
    code, out, err = invoke("status", "--plan", str(tracked), "--section", section)
    assert (code, out, err) == (1, "", f"plantrack: {english}\n")
    environment(PLANTRACK_LANG="zh")
    code, out, err = invoke("status", "--plan", str(tracked), "--section", section)
    assert (code, out, err) == (1, "", f"plantrack: {chinese}\n")


def test_the_2022_plan_says_which_section_was_meant() -> None:
    code, _, err = invoke("status", "--plan", str(PLAN_2022), "--section", "五x")
    assert (code, err) == (1, "plantrack: there is no section 五x; did you mean 五?\n")


def test_show_several_items(tracked: Path) -> None:
    code, out, err = invoke("show", "1", "３", "--plan", str(tracked))
    assert code == 0, err
    assert "理论学习" in out and "警示教育" in out and "意识形态" not in out
    assert out.index("理论学习") < out.index("警示教育")


def test_show_json_of_several_items_is_a_list_and_of_one_an_object(tracked: Path) -> None:
    code, out, err = invoke("show", "1-2", "--plan", str(tracked), "--format", "json")
    assert code == 0, err
    assert [record["title"] for record in json.loads(out)] == ["理论学习", "意识形态"]
    code, out, _ = invoke("show", "2", "--plan", str(tracked), "--format", "json")
    assert json.loads(out)["title"] == "意识形态"


def test_show_refuses_a_word_that_is_no_item_number(tracked: Path) -> None:
    code, out, err = invoke("show", "abc", "--plan", str(tracked))
    assert (code, out) == (2, "")
    assert err == "plantrack: 'abc' is not an item number; give whole numbers such as 3 or 14\n"


def test_show_checks_every_number_before_showing_any(tracked: Path) -> None:
    code, out, err = invoke("show", "1", "9", "--plan", str(tracked))
    assert (code, out) == (1, "")
    assert err.strip() == "plantrack: there is no item 9; this plan has items 1–3"
