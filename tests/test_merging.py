"""The merge driver on three files, as git hands them over: what each kind of change becomes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_merge_driver import PLAN
from typer.testing import CliRunner, Result

from plantrack.cli import app
from plantrack.merging.three_way import merge


def driver(tmp_path: Path, ours: str, theirs: str, base: str = PLAN) -> tuple[Result, str]:
    """Run `plantrack merge-driver` on the three texts; the result and the text of OURS."""
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f".merge_file_{name}"
        path.write_bytes(text.encode("utf-8"))
        paths.append(str(path))
    result = CliRunner().invoke(app, ["merge-driver", *paths, "plans/2022.yaml"])
    return result, (tmp_path / ".merge_file_ours").read_bytes().decode("utf-8")


ITEM_3 = "      - number: 3\n        title: 落实廉政党课\n        text: '“一把手”上廉政党课。'\n"
NEW_ITEM = "      - number: 4\n        title: 观看警示片\n        text: 每半年一次。\n"


def test_items_added_on_each_side_both_land_where_each_side_put_them(tmp_path: Path) -> None:
    ours = PLAN.replace(ITEM_3, ITEM_3 + NEW_ITEM)
    new_first = "      - number: 5\n        title: 学习党章\n        text: 逐章学习。\n"
    theirs = PLAN.replace(
        "    items:\n      - number: 1\n", "    items:\n" + new_first + "      - number: 1\n"
    )
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0, result.stderr
    assert merged == ours.replace(
        "    items:\n      - number: 1\n", "    items:\n" + new_first + "      - number: 1\n"
    )


def test_an_item_removed_on_one_side_is_removed(tmp_path: Path) -> None:
    theirs = PLAN.replace(
        "      - number: 1\n        title: 深化理论学习\n        text: 每月集中学习一次。\n        owner: 书记   # the branch secretary\n",
        "",
    )
    ours = PLAN.replace("title: 2022年工作要点", "title: 2022年机关党建工作要点")
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0, result.stderr
    assert merged == theirs.replace("title: 2022年工作要点", "title: 2022年机关党建工作要点")


def test_an_item_removed_on_one_side_and_changed_on_the_other_is_a_conflict(tmp_path: Path) -> None:
    theirs = PLAN.replace(ITEM_3, "").replace(
        "  - title: 从严管党治党\n    items:\n", "  - title: 从严管党治党\n    items:\n" + NEW_ITEM
    )
    ours = PLAN.replace("text: '“一把手”上廉政党课。'", "text: '“一把手”每年上廉政党课。'")
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 1
    assert merged.endswith(
        "    items:\n" + NEW_ITEM + "<<<<<<< ours\n"
        "      - number: 3\n"
        "        title: 落实廉政党课\n"
        "        text: '“一把手”每年上廉政党课。'\n"
        "=======\n"
        ">>>>>>> theirs\n"
    )
    assert (
        "plans/2022.yaml: conflict: item 3 was changed differently on both sides" in result.stderr
    )


def test_titles_changed_differently_conflict_on_their_line_and_roles_join(tmp_path: Path) -> None:
    ours = PLAN.replace("title: 开展主题党日", "title: 开展主题党日活动").replace(
        "roles: [书记, 组织委员, 纪检委员]", "roles: [书记, 组织委员, 纪检委员, 宣传委员]"
    )
    theirs = PLAN.replace("title: 开展主题党日", "title: 组织主题党日").replace(
        "roles: [书记, 组织委员, 纪检委员]", "roles: [书记, 纪检委员, 青年委员]"
    )
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 1
    assert merged == ours.replace(
        "        title: 开展主题党日活动\n",
        "<<<<<<< ours\n        title: 开展主题党日活动\n=======\n        title: 组织主题党日\n>>>>>>> theirs\n",
    ).replace(
        "roles: [书记, 组织委员, 纪检委员, 宣传委员]", "roles: [书记, 纪检委员, 宣传委员, 青年委员]"
    )
    assert "item 2 title" in result.stderr


def test_a_section_added_on_one_side_is_copied_at_our_lists_indentation(tmp_path: Path) -> None:
    new_section = (
        "  - title: 加强作风建设\n    items:\n      - number: 4\n        title: 整治形式主义\n"
    )
    theirs = PLAN + new_section
    # Ours was re-indented with the lists at their keys' column, and an item's text changed.
    ours = "\n".join(line[2:] if line.startswith("  ") else line for line in PLAN.split("\n"))
    ours = ours.replace("text: 每季度开展一次。", "text: 每季度开展一次，全体党员参加。")
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0, result.stderr
    assert (
        merged
        == ours + "- title: 加强作风建设\n  items:\n    - number: 4\n      title: 整治形式主义\n"
    )


def test_the_same_new_number_on_both_sides_falls_back_to_the_line_merge(tmp_path: Path) -> None:
    ours = PLAN.replace(ITEM_3, ITEM_3 + NEW_ITEM)
    theirs = PLAN.replace(ITEM_3, ITEM_3 + NEW_ITEM.replace("观看警示片", "参观教育基地"))
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "plantrack: plans/2022.yaml: both sides' changes together do not make a valid plan ("
    )
    assert "merged line by line, as git would" in result.stderr
    assert "<<<<<<< ours\n" in merged and ">>>>>>> theirs\n" in merged


def test_an_invalid_side_is_merged_line_by_line_and_said_so(tmp_path: Path) -> None:
    theirs = PLAN.replace("status: doing", "status: finished")
    ours = PLAN.replace("title: 2022年工作要点", "title: 2022年机关党建工作要点")
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0
    assert result.stderr == (
        "plantrack: plans/2022.yaml: theirs is not a valid plan (15:17: section 一, item 2, status: unknown"
        " status 'finished'; use one of todo, doing, done, blocked (未开始, 进行中, 已完成, 受阻));"
        " merged line by line, as git would\n"
    )
    assert merged == ours.replace("status: doing", "status: finished")


def test_a_bom_and_our_quoting_are_kept(tmp_path: Path) -> None:
    ours = "\ufeff" + PLAN.replace("title: 2022年工作要点", "title: '2022年工作要点'")
    theirs = PLAN.replace("title: 2022年工作要点", "title: 2022年党建工作要点")
    base_path = tmp_path / ".merge_file_base"
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0, result.stderr
    assert merged == "\ufeff" + PLAN.replace("title: 2022年工作要点", "title: '2022年党建工作要点'")
    assert base_path.exists()


@pytest.mark.parametrize("prefer", ["ours", "theirs"])
def test_a_renumbered_item_is_known_by_its_title(prefer: str) -> None:
    from plantrack.reading import Source, compose

    def data(text: str) -> dict[str, object]:
        root = compose(Source("p", text)).root
        assert root is not None
        value: dict[str, object] = root.to_python()
        return value

    theirs = PLAN.replace("number: 3", "number: 7")
    ours = PLAN.replace("text: '“一把手”上廉政党课。'", "text: 改")
    merged = merge(data(PLAN), data(ours), data(theirs), prefer)  # type: ignore[arg-type]
    last = merged.sections[1].items[0]
    assert (last.origin, last.fields["number"], last.fields["text"]) == ("ours", 7, "改")
    assert merged.conflicts == []


def test_every_merging_message_has_both_languages_with_the_same_blanks() -> None:
    import re
    import string

    from conftest import ROOT

    from plantrack.i18n import CATALOGUE

    source = (ROOT / "src" / "plantrack" / "i18n.py").read_text(encoding="utf-8")
    block = source.split("# --- merging")[1].split("# --- end of merging")[0]
    keys = re.findall(r'^    "([\w.-]+)": \(', block, re.MULTILINE)
    assert len(keys) > 30
    for key in keys:
        english, chinese = CATALOGUE[key]
        blanks = [
            {name for _, name, _, _ in string.Formatter().parse(text) if name}
            for text in (english, chinese)
        ]
        assert english and chinese and blanks[0] == blanks[1], key


def test_the_merge_commands_help_in_chinese(helps: dict[str, dict[str, str]]) -> None:
    assert "按内容合并" in helps["zh"]["merge-driver"]
    assert "让 git 用 plantrack" in helps["zh"]["git-setup"]


def _item(**fields: object) -> dict[str, object]:
    return {"number": 1, "title": "深化理论学习", **fields}


def _plan(*items: dict[str, object]) -> dict[str, object]:
    return {"title": "T", "year": 2022, "sections": [{"title": "S", "items": list(items)}]}


def test_a_ledger_keeps_an_entry_recorded_twice_on_one_side_and_once_on_both() -> None:
    import datetime as dt

    day = dt.date(2022, 3, 1)
    base_entry = {"date": day, "by": "甲", "note": "旧"}
    twice = {"date": day, "by": "乙", "note": "同"}
    ours = _plan(_item(log=[base_entry, twice, twice]))
    theirs = _plan(_item(log=[base_entry, twice, {"date": day, "by": "丙"}]))
    merged = merge(_plan(_item(log=[base_entry])), ours, theirs)
    assert merged.sections[0].items[0].added == [{"date": day, "by": "丙"}]


@pytest.mark.parametrize(("prefer", "owner"), [("ours", "书记"), ("theirs", "组织委员")])
def test_a_conflict_is_settled_for_the_side_asked_and_named(prefer: str, owner: str) -> None:
    from plantrack.merging.three_way import Conflict

    merged = merge(
        _plan(_item()),
        _plan(_item(owner="书记")),
        _plan(_item(owner="组织委员")),
        prefer,  # type: ignore[arg-type]
    )
    assert merged.sections[0].items[0].fields["owner"] == owner
    assert merged.conflicts == [Conflict("item 1 owner", "书记", "组织委员")]


SECTION_2 = (
    "  - title: 从严管党治党\n"
    "    items:\n"
    "      - number: 3\n"
    "        title: 落实廉政党课\n"
    "        text: '“一把手”上廉政党课。'\n"
)


def test_a_section_removed_on_one_side_and_a_field_removed_on_the_other(tmp_path: Path) -> None:
    theirs = PLAN.replace(SECTION_2, "")
    ours = PLAN.replace("        owner: 书记   # the branch secretary\n", "")
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0, result.stderr
    assert merged == ours.replace(SECTION_2, "")


def test_a_section_added_on_our_side_stays_and_an_item_added_on_both_is_kept_once(
    tmp_path: Path,
) -> None:
    ours = PLAN + "  - title: 加强作风建设\n    items:\n" + NEW_ITEM
    theirs = PLAN.replace(ITEM_3, ITEM_3 + NEW_ITEM.replace("4", "5")) + (
        "  - title: 加强作风建设\n    items:\n" + NEW_ITEM
    )
    result, merged = driver(tmp_path, ours, theirs)
    assert result.exit_code == 0, result.stderr
    assert merged == theirs


def test_roles_in_a_block_list_one_added_on_each_side_one_removed(tmp_path: Path) -> None:
    block = "roles:\n  - 书记\n  - 组织委员\n  - 纪检委员\n"
    base = PLAN.replace("roles: [书记, 组织委员, 纪检委员]\n", block)
    ours = base.replace("  - 纪检委员\n", "  - 纪检委员\n  - 宣传委员\n")
    theirs = base.replace("  - 组织委员\n", "")
    result, merged = driver(tmp_path, ours, theirs, base)
    assert result.exit_code == 0, result.stderr
    assert merged == ours.replace("  - 组织委员\n", "")


def test_roles_added_where_our_plan_has_none(tmp_path: Path) -> None:
    base = PLAN.replace("roles: [书记, 组织委员, 纪检委员]\n", "")
    theirs = base.replace("year: 2022\n", "year: 2022\nroles: [书记]\n")
    result, merged = driver(tmp_path, base, theirs, base)
    assert result.exit_code == 0, result.stderr
    assert merged == base.replace("year: 2022\n", "year: 2022\nroles:\n  - 书记\n")


def test_a_null_value_and_an_empty_ledger_are_filled_as_the_writer_fills_them(
    tmp_path: Path,
) -> None:
    base = PLAN.replace(ITEM_3, ITEM_3 + "        log:\n")
    theirs = base.replace("        owner: 书记   # the branch secretary\n", "        owner:\n")
    theirs = theirs.replace(
        ITEM_3 + "        log:\n",
        ITEM_3 + "        log:\n          - date: 2022-05-02\n            by: 李明\n",
    )
    result, merged = driver(tmp_path, base, theirs, base)
    assert result.exit_code == 0, result.stderr
    assert merged == theirs.replace(
        "        owner:\n", "        owner: null   # the branch secretary\n"
    )


@pytest.mark.parametrize(
    ("ours", "theirs", "reason"),
    [
        (  # ours removed a section that theirs changed
            PLAN.replace(SECTION_2, ""),
            PLAN.replace("title: 落实廉政党课", "title: 落实廉政党课制度"),
            "cannot place this change by meaning: section 从严管党治党",
        ),
        (  # theirs moved an item into a new section of its own
            PLAN,
            PLAN.replace(ITEM_3, NEW_ITEM) + SECTION_2.replace("从严管党治党", "新的部分"),
            "cannot place this change by meaning: section 新的部分",
        ),
        (  # our item is written on one line with its list: it cannot be removed in place
            PLAN.replace(
                "    items:\n" + ITEM_3[:-1],
                "    items: [{number: 3, title: 落实廉政党课, text: '“一把手”上廉政党课。'}]",
            ),
            PLAN.replace(SECTION_2, "  - title: 从严管党治党\n    items: []\n"),
            "21:13: cannot remove this entry in place: it does not start its own `-` line",
        ),
    ],
)
def test_what_cannot_be_placed_by_meaning_is_merged_line_by_line(
    tmp_path: Path, ours: str, theirs: str, reason: str
) -> None:
    result, _ = driver(tmp_path, ours, theirs)
    assert result.stderr.splitlines()[0] == (
        f"plantrack: plans/2022.yaml: {reason}; merged line by line, as git would"
    )


def test_a_plan_added_on_both_sides_merges_its_ledgers(tmp_path: Path) -> None:
    entry = "        log:\n          - date: 2022-0{month}-01\n            by: {by}\n"
    ours = PLAN.replace(ITEM_3, ITEM_3 + entry.format(month=5, by="王芳"))
    theirs = PLAN.replace(ITEM_3, ITEM_3 + entry.format(month=3, by="李明"))
    result, merged = driver(tmp_path, ours, theirs, base="")  # git's BASE for an add/add
    assert result.exit_code == 0, result.stderr
    assert merged == PLAN.replace(
        ITEM_3,
        ITEM_3 + entry.format(month=3, by="李明") + entry.format(month=5, by="王芳")[13:],
    )


def test_one_status_in_two_languages_is_the_same_status(tmp_path: Path) -> None:
    ours = PLAN.replace("        status: doing\n", "        status: done\n")
    theirs = PLAN.replace("        status: doing\n", "        status: 已完成\n")
    result, merged = driver(tmp_path, ours, theirs)
    assert (result.exit_code, result.stderr) == (0, "")
    assert merged == ours  # our side's word is kept
    # A status only written in the other language is no change: the other side's change lands.
    ours = PLAN.replace("        status: doing\n", "        status: 进行中\n")
    theirs = PLAN.replace("        status: doing\n", "        status: blocked\n")
    result, merged = driver(tmp_path, ours, theirs)
    assert (result.exit_code, merged) == (0, theirs)
