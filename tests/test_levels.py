"""Plans of three levels (一、 → （一） → 1.) and flat plans: import, render, status, lint, merge."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import pytest
from conftest import DATA, Environment, examples
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plantrack import documents, i18n
from plantrack.cli import app
from plantrack.errors import PlantrackError
from plantrack.lint import lint_data
from plantrack.model import Item, Plan, Section
from plantrack.render import document as render_document
from plantrack.render.owners import DEFAULT_STYLE
from plantrack.render.word import document as word_document

DOCUMENTS = DATA / "documents"
GOLDEN = DATA / "golden"
LEVELS = ["three-levels", "leaves-at-subsection", "mixed-levels", "flat-plan"]
LEVELS += ["flat-with-subsections", "restart-in-subsections", "level-marker-variants"]


def imported(name: str) -> documents.Imported:
    return documents.import_document(documents.read_document(DOCUMENTS / f"{name}.txt"))


def from_text(text: str) -> documents.Imported:
    return documents.import_document(documents.text_document("plan.txt", text))


# --------------------------------------------------------------------------- import


def test_a_subsection_heading_over_items_goes_on_each_of_them() -> None:
    plan = imported("three-levels").plan
    assert [(item.number, item.subsection) for _, item in plan.items()] == [
        (1, "抓好理论学习"),
        (2, "抓好理论学习"),
        (3, "严肃政治生活"),
        (4, "规范支部建设"),
        (5, "规范支部建设"),
        (6, "加强党员管理"),
        (7, "加强党员管理"),
    ]


def test_a_heading_at_the_subsection_level_without_items_is_an_item_of_its_own() -> None:
    plan = imported("mixed-levels").plan
    fourth = plan.sections[0].items[3]
    assert (fourth.number, fourth.subsection, fourth.title) == (4, None, "加强数据共享")
    assert fourth.text == "打通部门数据壁垒，建立共享目录。"


def test_a_document_without_sections_is_one_section_without_a_title() -> None:
    plan = imported("flat-plan").plan
    assert len(plan.sections) == 1 and plan.sections[0].title is None
    assert [item.number for item in plan.sections[0].items] == [1, 2, 3, 4, 5, 6, 7]
    assert plan.preamble == "2031年某某协会工作的总体要求是：服务会员，规范运行。"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_numbers_restarted_in_each_subsection_are_renumbered_and_said(
    environment: Environment, language: str
) -> None:
    environment(PLANTRACK_LANG=language)
    result = imported("restart-in-subsections")
    assert [item.number for _, item in result.plan.items()] == [1, 2, 3, 4]
    assert result.renumbered
    expected = {
        "en": "the document numbers its items differently; the plan numbers them 1–4 straight "
        "through (renumbered)",
        "zh": "文档中的事项编号与计划不同；计划中按 1–4 连续重新编号",
    }[language]
    assert [note.message for note in result.notes if note.code == "renumbered"] == [expected]


def test_items_numbered_over_the_items_at_the_subsection_level_are_not_renumbered() -> None:
    # As render writes them: the number of an item at the （一） level is counted.
    text = "2031年工作要点\n一、学习\n（一）读书。读原著。\n（二）研讨\n2.专题研讨。两次。\n"
    result = from_text(text)
    assert [item.number for _, item in result.plan.items()] == [1, 2]
    assert not result.renumbered


@pytest.mark.parametrize("after", ["4", "6"])
def test_a_section_of_items_at_the_subsection_level_does_not_break_the_count_of_items(
    after: str,
) -> None:
    # Section 二 has only （一） items: section 三's items count on from section 一's,
    # skipping them (4.) or over them (6.).
    text = (
        "2031年工作要点\n一、学习\n1.读书。读。\n2.研讨。研。\n3.调研。调。\n"
        f"二、组织\n（一）换届。换。\n（二）发展。发。\n三、作风\n{after}.整治。整。\n"
    )
    result = from_text(text)
    assert [item.number for _, item in result.plan.items()] == [1, 2, 3, 4, 5, 6]
    assert result.plan.sections[2].items[0].title == "整治"


def test_brackets_and_spaces_of_every_kind_mark_the_same_subsection() -> None:
    plan = imported("level-marker-variants").plan
    assert [item.subsection for item in plan.sections[0].items] == [
        "文稿起草",
        "文稿起草",
        "信息报送",
    ]


def test_a_subsection_heading_ending_in_a_full_stop_keeps_its_title_without_it() -> None:
    plan = from_text("2031年工作要点\n一、学习\n（一）理论学习。\n1.读书。读原著。\n").plan
    assert plan.sections[0].items[0].subsection == "理论学习"


def test_a_paragraph_before_a_flat_plans_first_item_is_its_preamble_and_a_stray_one_refused(
    environment: Environment,
) -> None:
    environment(PLANTRACK_LANG="en")
    with pytest.raises(PlantrackError) as caught:
        from_text("2031年工作要点\n（1）读书。\n学习。\n1.研讨。两次。\n")
    assert caught.value.lines() == [
        "plan.txt:2:1: cannot place this paragraph: it comes before the plan's first item",
        "plan.txt:3:1: cannot place this paragraph: it comes before the plan's first item",
    ]


def test_an_item_before_the_first_section_of_a_plan_with_sections_is_still_refused(
    environment: Environment,
) -> None:
    environment(PLANTRACK_LANG="en")
    with pytest.raises(PlantrackError) as caught:
        from_text("2031年工作要点\n1.读书。读原著。\n一、学习\n1.研讨。两次。\n")
    assert caught.value.lines() == [
        "plan.txt:2:1: item 1 comes before the first section heading (一、…); every item "
        "belongs to a section"
    ]


# --------------------------------------------------------------------------- render


def test_render_writes_subsection_headings_items_at_that_level_and_no_flat_heading() -> None:
    text = render_document.render_text(imported("mixed-levels").plan)
    assert text.splitlines()[2:10] == [
        "一、推进重点改革",
        "（一）深化放管服改革。压减审批时限。",
        "（二）优化营商环境",
        "2.推行一网通办。年底前实现事项全覆盖。",
        "3.开展好差评。按月通报评价结果。",
        "（三）加强数据共享。打通部门数据壁垒，建立共享目录。",
        "（四）完善考核评价",
        "5.修订考核办法。上半年完成修订。",
    ]
    flat = render_document.render_text(imported("flat-with-subsections").plan)
    assert flat.splitlines()[2:4] == ["（一）学术活动", "1.举办年会。下半年举办学术年会。"]


def test_plan_blocks_make_a_subsection_a_second_level_heading() -> None:
    blocks = render_document.plan_blocks(imported("three-levels").plan)
    headings = [(b.text, b.level) for b in blocks if isinstance(b, render_document.Heading)]
    assert headings[:3] == [
        ("一、强化政治引领", 1),
        ("（一）抓好理论学习", 2),
        ("（二）严肃政治生活", 2),
    ]
    flat = render_document.plan_blocks(imported("flat-plan").plan)
    assert not [b for b in flat if isinstance(b, render_document.Heading)]


def test_markdown_makes_a_subsection_a_third_level_heading() -> None:
    markdown = render_document.render_markdown(imported("three-levels").plan)
    assert "## 一、强化政治引领\n\n### （一）抓好理论学习\n\n1. **落实集中学习制度**。" in markdown


@pytest.mark.slow
@pytest.mark.parametrize("name", LEVELS)
def test_the_word_rendering_imports_to_the_same_plan(name: str, tmp_path: Path) -> None:
    plan = imported(name).plan
    path = tmp_path / "plan.docx"
    path.write_bytes(word_document(list(render_document.plan_blocks(plan))))
    assert documents.import_document(documents.read_document(path)).plan == plan


@pytest.mark.parametrize("name", ["three-levels", "mixed-levels", "flat-plan"])
def test_the_rendering_with_tracking_lines_imports_to_the_same_plan(name: str) -> None:
    plan = imported(name).plan
    tracked = Plan(
        **{
            **plan.model_dump(exclude={"sections"}),
            "sections": [
                Section(
                    title=section.title,
                    items=[item.model_copy(update={"owner": "书记"}) for item in section.items],
                )
                for section in plan.sections
            ],
        }
    )
    text = render_document.render_text(tracked, with_status=True)
    again = documents.import_document(documents.text_document("plan.txt", text)).plan
    # The tracking lines are left out; the owners come back from the text, where render
    # writes them in the default style, `（牵头单位：书记）`.
    assert again == tracked.model_copy(update={"owner_style": DEFAULT_STYLE})


def test_next_years_plan_keeps_subsections_and_a_flat_plans_untitled_section() -> None:
    for name in ("three-levels", "flat-plan"):
        plan = imported(name).plan
        following = documents.next_year_plan(plan, 2032)
        assert [s.title for s in following.sections] == [s.title for s in plan.sections]
        assert [i.subsection for _, i in following.items()] == [
            i.subsection for _, i in plan.items()
        ]


_WORDS = st.text(alphabet="学习工作党建支部落实制度", min_size=1, max_size=8)


@st.composite
def _level_plans(draw: st.DrawFn) -> Plan:
    """Plans of one to three levels: sections (or one untitled section) of items, of
    sub-sections of items and of items at the （一） level, in any mix."""
    number = 0

    def item(subsection: str | None) -> Item:
        nonlocal number
        number += 1
        text = draw(st.sampled_from(["", "做好工作。", "做好工作。\n按月报送。"]))
        return Item(number=number, subsection=subsection, title=draw(_WORDS), text=text)

    flat = draw(st.booleans())
    sections = []
    for _ in range(1 if flat else draw(st.integers(1, 3))):
        items: list[Item] = []
        kinds = draw(st.lists(st.sampled_from(["item", "subsection", "leaf"]), min_size=1))
        previous: str | None = None
        for kind in kinds[:5]:
            if kind == "subsection":
                # Two sub-sections in a row have different titles, or they are one.
                title = draw(_WORDS.filter(lambda words, last=previous: words != last))
                items += [item(title) for _ in range(draw(st.integers(1, 3)))]
                previous = title
            else:
                items.append(item(None))
                previous = None
        sections.append(Section(title=None if flat else draw(_WORDS), items=items))
    return Plan(title="2031年工作要点", year=2031, preamble="总体要求。", sections=sections)


@pytest.mark.slow
@given(_level_plans())
def test_import_reads_back_any_rendered_plan_of_levels(plan: Plan) -> None:
    # An item before a section's first sub-section is written at the （一） level, so a
    # plan is rendered as its document shows it: the same plan, imported.
    text = render_document.render_text(plan)
    assert documents.import_document(documents.text_document("plan.txt", text)).plan == plan


@pytest.mark.slow
@settings(max_examples=examples(30))
@given(_level_plans())
def test_import_reads_back_any_plan_of_levels_rendered_in_word(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        path.write_bytes(word_document(list(render_document.plan_blocks(plan))))
        assert documents.import_document(documents.read_document(path)).plan == plan


# --------------------------------------------------------------------------- the plan file


@pytest.mark.parametrize("name", ["three-levels", "flat-plan"])
def test_a_new_plan_file_of_levels_loads_as_the_same_plan(name: str) -> None:
    plan = imported(name).plan
    text = documents.new_plan_yaml(plan)
    assert documents.checked("plan.yaml", text) == plan


def test_a_flat_plan_file_is_one_untitled_section() -> None:
    text = documents.new_plan_yaml(imported("flat-plan").plan)
    assert "sections:\n  - items:\n      - number: 1\n        title: 召开会员大会\n" in text


@pytest.mark.slow
def test_lint_passes_imported_plans_of_levels() -> None:
    for name in LEVELS:
        text = documents.new_plan_yaml(imported(name).plan)
        assert lint_data(f"{name}.yaml", text.encode(), dt.date(2031, 1, 1)) == []


def test_an_empty_subsection_is_an_error_at_its_value(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en")
    text = documents.new_plan_yaml(imported("three-levels").plan).replace(
        "subsection: 抓好理论学习\n        title: 落实", "subsection: ''\n        title: 落实"
    )
    findings = lint_data("plan.yaml", text.encode(), dt.date(2031, 1, 1))
    assert [(f.line, f.column, f.code, f.message) for f in findings] == [
        (
            8,
            21,
            "empty-text",
            "section 一, item 1, subsection: must not be empty",
        )
    ]


# --------------------------------------------------------------------------- views and reports


def test_status_json_gives_each_item_its_subsection(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en")
    result = CliRunner().invoke(
        app, ["status", "--plan", str(GOLDEN / "levels-plan.yaml"), "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert [item["subsection"] for item in data["items"]] == [
        "抓好理论学习，落实集中学习制度",
        "抓好理论学习，落实集中学习制度",
        None,
        "规范支部建设",
        None,
    ]
    flat = CliRunner().invoke(
        app, ["status", "--plan", str(GOLDEN / "flat-plan.yaml"), "--format", "json"]
    )
    flat_data = json.loads(flat.stdout)
    assert flat_data["sections"][0]["title"] is None
    assert flat_data["items"][0]["section_title"] is None


def test_show_numbers_an_item_at_the_subsection_level_as_the_document_does(
    environment: Environment,
) -> None:
    environment(PLANTRACK_LANG="en")
    plan = str(GOLDEN / "levels-plan.yaml")
    shown = CliRunner().invoke(app, ["show", "3", "--plan", plan]).stdout.splitlines()
    assert shown[:2] == [
        "一、强化政治引领，推动理论武装和党的建设深度融合",
        "（二）3. 严肃政治生活",
    ]
    shown = CliRunner().invoke(app, ["show", "4", "--plan", plan]).stdout.splitlines()
    assert shown[1:3] == ["（三）规范支部建设", "4. 按期完成换届"]


def test_the_report_counts_each_subsection_under_its_section(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en")
    plan = str(GOLDEN / "levels-plan.yaml")
    result = CliRunner().invoke(app, ["report", "--plan", plan, "--period", "2022H1", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    section = json.loads(result.stdout)["plans"][0]["sections"][0]
    assert section["subsections"] == [
        {
            "subsection": "（一）",
            "title": "抓好理论学习，落实集中学习制度",
            "items": 2,
            "done": 1,
            "completion": 80.0,
            "item": None,
        },
        {  # an item at the （一） level is a row of its own, so that the rows add up
            "subsection": "（二）",
            "title": "严肃政治生活",
            "items": 1,
            "done": 0,
            "completion": 0.0,
            "item": 3,
        },
        {
            "subsection": "（三）",
            "title": "规范支部建设",
            "items": 1,
            "done": 0,
            "completion": 20.0,
            "item": None,
        },
    ]
    assert sum(part["items"] for part in section["subsections"]) == section["items"]
    markdown = CliRunner().invoke(
        app, ["report", "--plan", plan, "--period", "2022H1", "-f", "markdown"]
    )
    assert "| 一、强化政治引领，推动理论武装和党的建设深度融合 | 4 | 1 | 45.0% |" in markdown.stdout
    assert "|   （一）抓好理论学习，落实集中学习制度 | 2 | 1 | 80.0% |" in markdown.stdout
    assert "|   （二）严肃政治生活 | 1 | 0 | 0.0% |" in markdown.stdout


def test_the_ledger_table_of_a_plan_with_subsections_has_their_column(
    environment: Environment,
) -> None:
    environment(PLANTRACK_LANG="zh")
    plan = str(GOLDEN / "levels-plan.yaml")
    result = CliRunner().invoke(app, ["export", "--plan", plan, "-f", "csv"])
    header, first = result.stdout.splitlines()[:2]
    assert (
        header
        == "\ufeff序号,所属部分,所属小标题,工作任务,具体内容,责任人,完成时限,状态,进度,序时进度,最新进展,备注"
    )
    assert first.startswith(
        "1,一、强化政治引领，推动理论武装和党的建设深度融合,抓好理论学习，落实集中学习制度,"
    )
    items = json.loads(CliRunner().invoke(app, ["export", "--plan", plan, "-f", "json"]).stdout)
    assert [item["subsection"] for item in items["items"]][2:] == [None, "规范支部建设", None]
    flat = str(GOLDEN / "flat-plan.yaml")
    flat_items = json.loads(
        CliRunner().invoke(app, ["export", "--plan", flat, "-f", "json"]).stdout
    )
    assert flat_items["items"][0]["section"] is None
    assert "subsection" not in flat_items["items"][0]


# --------------------------------------------------------------------------- merging


FLAT = """\
title: 2031年协会工作要点
year: 2031
sections:
  - items:
      - number: 1
        title: 召开会员大会
      - number: 2
        title: 完善章程制度
"""


def test_a_flat_plan_merges_changes_to_different_items(tmp_path: Path) -> None:
    ours = FLAT.replace("召开会员大会\n", "召开会员大会\n        status: doing\n")
    theirs = FLAT.replace("完善章程制度\n", "完善章程制度\n        owner: 秘书长\n")
    paths = []
    for name, text in (("base", FLAT), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f".merge_file_{name}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(app, ["merge-driver", *paths, "plans/2031.yaml"])
    assert result.exit_code == 0, result.stderr
    merged = (tmp_path / ".merge_file_ours").read_text(encoding="utf-8")
    assert merged == ours.replace("完善章程制度\n", "完善章程制度\n        owner: 秘书长\n")


def test_catalogue_keys_of_levels_are_in_both_languages() -> None:
    keys = [key for key in i18n.CATALOGUE if "subsection" in key or "part_number" in key]
    assert keys and all(all(i18n.CATALOGUE[key]) for key in keys)


def test_the_report_of_a_flat_plan_has_no_section_rows(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en")
    plan = str(GOLDEN / "flat-plan.yaml")
    result = CliRunner().invoke(
        app, ["report", "--plan", plan, "--period", "2022H1", "-f", "markdown"]
    )
    assert "## 二、Sections\n\nNone.\n" in result.stdout


def test_import_names_the_lines_a_flat_plans_items_come_from(environment: Environment) -> None:
    environment(PLANTRACK_LANG="zh")
    taken = [note.message for note in imported("flat-plan").taken if note.code == "body"]
    assert taken == ["事项（不分部分）取自第 3–9 行"]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "plantrack: 7 items, no sections, read from flat-plan.txt as UTF-8"),
        ("zh", "plantrack: 7 个事项，不分部分，读取自 flat-plan.txt（UTF-8）"),
    ],
)
def test_import_of_a_flat_plan_ends_with_its_items_and_no_sections(
    environment: Environment, monkeypatch: pytest.MonkeyPatch, language: str, line: str
) -> None:
    environment(PLANTRACK_LANG=language)
    monkeypatch.chdir(DOCUMENTS)
    result = CliRunner().invoke(app, ["import", "flat-plan.txt", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == line


@pytest.mark.parametrize("colour", [False, True])
def test_a_subsection_line_is_cut_to_the_tables_width(
    environment: Environment, colour: bool
) -> None:
    environment(PLANTRACK_LANG="en", COLUMNS="30", FORCE_COLOR="1" if colour else None)
    result = CliRunner().invoke(app, ["status", "--plan", str(GOLDEN / "levels-plan.yaml")])
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    # So narrow a terminal that the gaps between columns are one cell.
    lines = [line for line in plain.splitlines() if line.startswith(" （一）")]
    assert lines == [" （一）抓好理论学习，落实集中…"]
