"""Owners and deadlines written into a plan's text: what import takes out of it and says,
what it leaves there and why, and render writing the owners back in the document's style."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import Environment, examples
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plantrack import documents
from plantrack.cli import app
from plantrack.model import Item, OwnerStyle, Plan, Section
from plantrack.reading import Source, check
from plantrack.render import document as render_document

DATA = Path(__file__).parent / "data" / "documents"


def import_path(path: Path, due: bool = True) -> documents.Imported:
    return documents.import_document(documents.read_document(path), due=due)


def import_lines(tmp_path: Path, *lines: str) -> documents.Imported:
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(["2031年XX工作要点", "一、重点任务", *lines]) + "\n", "utf-8")
    return import_path(path)


def said(imported: documents.Imported) -> list[str]:
    """What import says about owners and deadlines, in the order it says it."""
    codes = ("owners", "due", "owners_unclear", "due_none")
    return [n.message for n in [*imported.taken, *imported.notes] if n.code in codes]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- what import says


def test_owner_lines_after_an_item_are_its_owners_and_said_with_their_line() -> None:
    imported = import_path(DATA / "owners-lines.txt")
    first = imported.plan.sections[0].items[0]
    assert (first.owner, first.co_owners) == (
        "市发改委",
        ["市财政局", "市自然资源局", "各县（市、区）"],
    )
    assert first.text == "全面推行项目专班制度。"
    assert said(imported) == [
        "item 1: owner 市发改委, co-owners 市财政局, 市自然资源局, 各县（市、区） (line 5)",
        "item 2: owner 市营商环境局, co-owners 市数据局 (line 8)",
        "item 3: owner 市人社局, co-owners 市教育局, 市退役军人局 (line 12)",
        "item 4: owner 市教育局 (line 14)",
    ]


def test_one_label_and_no_lead_makes_the_first_named_the_lead(tmp_path: Path) -> None:
    imported = import_lines(
        tmp_path, "1.推进改革。（责任单位：市委办公室、市政府办公室等；各区政府）"
    )
    item = imported.plan.sections[0].items[0]
    assert (item.owner, item.co_owners, item.owner_groups) == (
        "市委办公室",
        ["市政府办公室", "各区政府"],
        "2等；1",
    )
    assert item.text == ""
    assert imported.plan.owner_style == OwnerStyle(form="brackets", co="责任单位")


def test_an_assisting_label_alone_names_co_owners_and_no_lead(tmp_path: Path) -> None:
    imported = import_lines(
        tmp_path,
        "1.抓好落实。（牵头单位：市发改委，配合单位：市财政局）",
        "2.推进改革。（配合单位：市财政局、市商务局）",
    )
    item = imported.plan.sections[0].items[1]
    assert (item.owner, item.co_owners) == (None, ["市财政局", "市商务局"])
    assert said(imported)[1] == "item 2: co-owners 市财政局, 市商务局, no lead named (line 4)"
    assert render_document.render_text(imported.plan).splitlines()[-1] == (
        "2.推进改革。（配合单位：市财政局、市商务局）"
    )


def test_ascii_punctuation_is_read_as_full_width(tmp_path: Path) -> None:
    imported = import_lines(tmp_path, "1.推进改革。做好衔接(责任单位:市数据局,市政务服务中心)")
    item = imported.plan.sections[0].items[0]
    assert (item.owner, item.co_owners, item.text) == ("市数据局", ["市政务服务中心"], "做好衔接")


def test_a_parenthesis_with_verbs_gives_a_lead_and_co_owners(tmp_path: Path) -> None:
    imported = import_lines(
        tmp_path, "1.做强农业。建设产业园（县农业局牵头，县财政局、各乡镇（街道）按职责分工负责）"
    )
    item = imported.plan.sections[0].items[0]
    assert (item.owner, item.co_owners, item.text) == (
        "县农业局",
        ["县财政局", "各乡镇（街道）"],
        "建设产业园",
    )
    assert imported.plan.owner_style == OwnerStyle(form="verbs", lead="牵头", co="按职责分工负责")


def test_two_labels_give_a_lead_and_co_owners(tmp_path: Path) -> None:
    imported = import_lines(
        tmp_path, "1.新建幼儿园。（牵头单位：区教育局，配合单位：区财政局、区住建局）"
    )
    item = imported.plan.sections[0].items[0]
    assert (item.owner, item.co_owners, item.owner_groups) == (
        "区教育局",
        ["区财政局", "区住建局"],
        None,
    )
    assert imported.plan.owner_style == OwnerStyle(form="brackets", lead="牵头单位", co="配合单位")


def test_the_style_is_the_first_item_withs_owners_not_a_later_groups_line(
    tmp_path: Path,
) -> None:
    imported = import_lines(
        tmp_path,
        "1.读书。读。（县委办牵头，县政府办按职责分工负责）",
        "2.研讨。研。",
        "牵头单位：县委办",
        "责任单位：县政府办",
    )
    assert [(item.owner, item.co_owners) for _, item in imported.plan.items()] == [
        ("县委办", ["县政府办"]),
        ("县委办", ["县政府办"]),
    ]
    assert imported.plan.owner_style == OwnerStyle(form="verbs", lead="牵头", co="按职责分工负责")


def test_a_line_after_a_group_that_only_one_item_takes_is_that_items_lines(
    tmp_path: Path,
) -> None:
    imported = import_lines(
        tmp_path,
        "1.读书。读。",
        "2.研讨。研。（县委办牵头）",
        "牵头单位：县政府办",
    )
    owners = [item.owner for _, item in imported.plan.items()]
    assert owners == ["县政府办", "县委办"]
    assert imported.plan.owner_style == OwnerStyle(form="lines", lead="牵头单位", co="配合单位")


@pytest.mark.slow
def test_a_line_that_not_every_item_of_its_group_takes_reads_back_as_lines(
    tmp_path: Path,
) -> None:
    from plantrack.render.word import document

    imported = import_lines(
        tmp_path,
        "1.读书。读。",
        "2.研讨。研。",
        "3.调研。调。（县委办牵头）",
        "牵头单位：县政府办",
    )
    plan = imported.plan
    assert [item.owner for _, item in plan.items()] == ["县政府办", "县政府办", "县委办"]
    assert plan.owner_style == OwnerStyle(form="lines", lead="牵头单位", co="配合单位")
    rendered = tmp_path / "rendered.txt"
    rendered.write_text(render_document.render_text(plan), encoding="utf-8")
    assert import_path(rendered).plan == plan
    docx = tmp_path / "plan.docx"
    docx.write_bytes(document(render_document.plan_blocks(plan)))
    assert import_path(docx).plan == plan


def test_a_line_after_a_group_of_items_is_every_items_owners() -> None:
    imported = import_path(DATA / "owners-group.txt")
    owners = [(item.number, item.owner, item.owner_groups) for _, item in imported.plan.items()]
    assert owners == [
        (1, "县农业农村局", None),
        (2, "县农业农村局", None),
        (3, "县农业农村局", None),
        (4, "县生态环境局", "1；2等"),
        (5, "县生态环境局", "1；2等"),
        (6, "县民政局", None),  # the line follows item 6, not the group's last item
        (7, None, None),
    ]
    assert imported.plan.owner_style == OwnerStyle(form="group", lead="牵头单位", co="配合单位")
    assert all(item.text == "" for _, item in imported.plan.items())


def test_a_line_after_a_sub_sections_items_is_theirs() -> None:
    imported = import_path(DATA / "owners-group-subsections.txt")
    owners = [(item.number, item.owner, item.co_owners) for _, item in imported.plan.items()]
    assert owners == [
        (1, "县农业农村局", ["县财政局", "各乡镇"]),
        (2, "县农业农村局", ["县财政局", "各乡镇"]),
        (3, "县工信局", ["县发改局"]),
        (4, "县工信局", ["县发改局"]),
        (5, "县政务服务中心", None),  # an item at the （一） level, with a line of its own
        (6, "县教育局", None),
        (7, "县教育局", None),
    ]
    assert render_document.render_text(imported.plan).splitlines()[7:12] == [
        "（二）发展先进制造",
        "3.推进园区扩容提质。",
        "4.实施技改项目二十个。",
        "牵头单位：县工信局",
        "配合单位：县发改局等",
    ]


def test_what_is_unclear_stays_in_the_text_and_is_said_with_its_line() -> None:
    imported = import_path(DATA / "owners-unclear.txt")
    assert said(imported) == [
        "item 5: owner 市财政局 (line 10)",
        "line 3: the owners of item 1 stay in its text, as it is not written as X牵头，Y配合:"
        " 由市委改革办牵头组织实施",
        "line 4: the owners of item 2 stay in its text, as a name in it is empty or is not a"
        " name: 责任单位：、市财政局",
        "line 5: the owners of item 3 stay in its text, as its labels are not a lead's then"
        " the co-owners': 配合单位：市督查室，牵头单位：市政府办",
        "line 7: the owners of item 4 stay in its text, as the item's text goes on after this"
        " line: 牵头单位：市发改委",
        "line 9: the owners of item 5 stay in its text, as the lines after the item name its"
        " owners already: 牵头单位：市财政局",
        "line 11: the owners of item 6 stay in its text, as it names one twice:"
        " 责任单位：市发改委、市发改委",
        "line 13: the owners of item 8 stay in its text, as more of the item follows it:"
        " （责任单位：市司法局）",
        "line 14: the owners of item 9 stay in its text, as more of the item follows it:"
        " （责任单位：市财政局）",
    ]
    texts = [item.text for _, item in imported.plan.items()]
    assert texts[:6] == [
        "（由市委改革办牵头组织实施）",
        "（责任单位：、市财政局）",
        "（配合单位：市督查室，牵头单位：市政府办）",
        "牵头单位：市发改委\n统筹推进各项工作。",
        "（牵头单位：市财政局）",
        "（责任单位：市发改委、市发改委）",
    ]
    # A parenthesis that names no owners is prose, and nothing is said about it.
    assert imported.plan.sections[0].items[6].title == "深化研究（含市本级、各县市区）"


def test_each_deadline_phrase_gives_the_due_date_and_is_said() -> None:
    imported = import_path(DATA / "deadlines.txt")
    assert [item.due for _, item in imported.plan.items()] == [
        dt.date(2031, 6, 30),
        dt.date(2031, 12, 31),
        dt.date(2031, 10, 31),
        dt.date(2031, 12, 31),
        None,
        None,
        dt.date(2031, 12, 31),
        dt.date(2031, 12, 31),
        None,  # 每季度 is a rhythm, not a deadline
    ]
    assert said(imported) == [
        "item 1: due 06-30 from 6月底前",
        "item 2: due 12-31 from 年底前",
        "item 3: due 10-31 from 2031年10月底前",
        "item 4: due 12-31 from 12月31日前",
        "item 7: due 12-31 from 年底前",
        "item 8: due 12-31 from 第四季度前",
        "line 7: item 5 has no deadline: 长期坚持 names no date",
        "line 8: item 6 is given no deadline: its text names several (3月底前, 9月底前)",
    ]
    # The deadline stays in the text: it is the plan's wording.
    assert imported.plan.sections[0].items[0].text == "6月底前完成初稿。"


def test_a_deadline_in_another_year_is_shown_in_full(tmp_path: Path) -> None:
    imported = import_lines(tmp_path, "1.建成平台。2032年底前上线。")
    assert imported.plan.sections[0].items[0].due == dt.date(2032, 12, 31)
    assert said(imported) == ["item 1: due 2032-12-31 from 2032年底前"]


def test_an_impossible_deadline_is_said_and_gives_none(tmp_path: Path) -> None:
    imported = import_lines(tmp_path, "1.建成平台。2月30日前上线。")
    assert imported.plan.sections[0].items[0].due is None
    assert said(imported) == ["line 3: item 1 is given no deadline: 2月30日前 is not a date"]


def test_messages_speak_chinese(environment: Environment, tmp_path: Path) -> None:
    environment(PLANTRACK_LANG="zh")
    imported = import_lines(
        tmp_path,
        "1.建成平台。6月底前上线（牵头单位：市数据局，配合单位：市财政局、市发改委）",
        "2.推进改革。长期坚持。（由市委牵头组织）",
    )
    assert said(imported) == [
        "事项 1：牵头 市数据局，配合 市财政局、市发改委（第 3 行）",
        "事项 1：完成时限 06-30，取自“6月底前”",
        "第 4 行：事项 2 的责任单位保留在正文中，因为其写法不是“X牵头，Y配合”：由市委牵头组织",
        "第 4 行：事项 2 没有完成时限：“长期坚持”不是具体日期",
    ]


# --------------------------------------------------------------------------- the command


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    for name in ("deadlines.txt", "owners-two-labels.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_counts_owners_and_deadlines_in_its_last_line(office: Path) -> None:
    code, _, err = run("import", "owners-two-labels.txt")
    assert code == 0
    assert err.splitlines()[-1] == (
        f"plantrack: wrote {Path('plans', '2031.yaml')}: 2 sections, 4 items (4 with owners,"
        " 0 with a deadline), read from owners-two-labels.txt as UTF-8"
    )


def test_no_due_leaves_deadlines_alone_and_says_nothing_of_them(office: Path) -> None:
    code, out, err = run("import", "deadlines.txt", "--no-due", "-o", "-")
    assert code == 0
    assert "due:" not in out
    assert "due" not in err.replace("with a deadline", "")
    assert err.splitlines()[-1] == (
        "plantrack: 1 section, 9 items, read from deadlines.txt as UTF-8"
    )


def test_import_json_counts_owners_and_deadlines(office: Path) -> None:
    import json

    code, out, _ = run("import", "deadlines.txt", "-o", "plans/2031.yaml", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert (found["owners"], found["deadlines"]) == (0, 6)
    assert [note["code"] for note in found["notes"]] == ["due_none", "due_none"]


# --------------------------------------------------------------------------- render


def test_render_writes_each_style_back_where_it_was() -> None:
    def rendered(name: str) -> list[str]:
        return render_document.render_text(import_path(DATA / name).plan).splitlines()

    assert rendered("owners-two-labels.txt")[3] == (
        "2.建设社区卫生服务中心。（牵头单位：区卫健委，配合单位：各街道、区医保局等）"
    )
    assert rendered("owners-one-label.txt")[2] == (
        "1.推进“高效办成一件事”。梳理重点事项清单（责任单位：市委办公室、市政府办公室等；各区政府）"
    )
    assert rendered("owners-verbs.txt")[4] == (
        "3.发展县域商贸。改造提升农贸市场。（县商务局、县市场监管局牵头，各乡镇（街道）按职责分工负责）"
    )
    assert rendered("owners-lines.txt")[3:6] == [
        "1.加快重大项目建设。全面推行项目专班制度。",
        "牵头单位：市发改委",
        "责任单位：市财政局、市自然资源局、各县（市、区）",
    ]
    assert rendered("owners-group.txt")[2:7] == [
        "1.稳定粮食播种面积。",
        "2.建设高标准农田一万亩。",
        "3.推广良种良法。",
        "牵头单位：县农业农村局",
        "配合单位：县财政局、县自然资源局、各乡镇",
    ]


def test_a_parenthesis_before_the_last_full_stop_goes_back_there(tmp_path: Path) -> None:
    imported = import_lines(
        tmp_path,
        "1.推进改革。全面深化改革（市发改委牵头，市财政局配合）。",
        "2.强化督查（市督查室牵头）",
    )
    style = imported.plan.owner_style
    assert style == OwnerStyle(form="verbs", lead="牵头", co="配合", before_full_stop=True)
    assert imported.plan.sections[0].items[0].text == "全面深化改革。"
    assert render_document.render_text(imported.plan).splitlines()[2:] == [
        "1.推进改革。全面深化改革（市发改委牵头，市财政局配合）。",
        "2.强化督查（市督查室牵头）。",
    ]


def test_a_plan_with_owners_and_no_style_renders_two_labels() -> None:
    plan = Plan(
        title="2031年要点",
        year=2031,
        sections=[
            Section(
                title="重点",
                items=[Item(number=1, title="建设", owner="甲局", co_owners=["乙局", "丙局"])],
            )
        ],
    )
    assert render_document.render_text(plan).splitlines()[-1] == (
        "1.建设。（牵头单位：甲局，配合单位：乙局、丙局）"
    )


def test_owner_groups_that_do_not_add_up_are_passed_by() -> None:
    style = OwnerStyle(form="brackets", co="责任单位")
    item = Item(number=1, title="建设", owner="甲局", co_owners=["乙局"], owner_groups="2等；1")
    plan = Plan(
        title="2031年要点",
        year=2031,
        owner_style=style,
        sections=[Section(title="重点", items=[item])],
    )
    assert render_document.render_text(plan).splitlines()[-1] == "1.建设。（责任单位：甲局、乙局）"


def test_lint_warns_of_owner_groups_that_do_not_add_up(tmp_path: Path) -> None:
    text = (
        "title: T\nyear: 2031\nsections:\n  - title: S\n    items:\n"
        "      - number: 1\n        title: A\n        owner: 甲局\n        owner_groups: 1；1\n"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("lint", str(path))
    assert code == 0
    assert out.splitlines()[0] == (
        f"{path}:9:23: warning owner-groups owner_groups 1；1 counts 2 names, but the item has"
        " 1 owners and co-owners; render writes them in the usual groups"
    )


# --------------------------------------------------------------------------- render ⇄ import

_OWNED = [
    "owners-lines",
    "owners-verbs",
    "owners-one-label",
    "owners-two-labels",
    "owners-group",
    "owners-group-subsections",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", _OWNED)
def test_the_word_rendering_and_the_tracking_lines_read_back_to_the_same_plan(
    name: str, tmp_path: Path
) -> None:
    from plantrack.render.word import document

    plan = import_path(DATA / f"{name}.txt").plan
    docx = tmp_path / "plan.docx"
    docx.write_bytes(document(render_document.plan_blocks(plan)))
    assert import_path(docx).plan == plan
    tracked = tmp_path / "tracked.txt"
    tracked.write_text(render_document.render_text(plan, with_status=True), encoding="utf-8")
    assert import_path(tracked).plan == plan


_UNITS = ["市发改委", "市财政局", "各县（市、区）", "市商务局", "区教育局", "各街道"]
_STYLES = [
    OwnerStyle(form="lines", lead="牵头单位", co="责任单位"),
    OwnerStyle(form="lines", co="责任单位"),
    OwnerStyle(form="group", lead="牵头单位", co="配合单位"),
    OwnerStyle(form="brackets", co="责任部门"),
    OwnerStyle(form="brackets", lead="牵头单位", co="配合单位"),
    OwnerStyle(form="verbs", lead="牵头", co="按职责分工负责"),
    OwnerStyle(form="brackets", lead="牵头单位", co="配合单位", before_full_stop=True),
]
_DUES = [None, "6月底前完成", "年底前", "2031年10月底前", "12月31日前"]


_DUE_OF = {
    None: None,
    "6月底前完成": dt.date(2031, 6, 30),
    "年底前": dt.date(2031, 12, 31),
    "2031年10月底前": dt.date(2031, 10, 31),
    "12月31日前": dt.date(2031, 12, 31),
}


@st.composite
def _owned_plans(draw: st.DrawFn) -> Plan:
    """Plans of two or three levels whose every item has owners, as a task-breakdown
    plan's have, and perhaps a deadline phrase in its text; the items under one heading
    may share their owners."""
    style = draw(st.sampled_from(_STYLES))
    units = st.lists(st.sampled_from(_UNITS), min_size=1, max_size=4, unique=True)
    sections, number = [], 0
    for section in range(draw(st.integers(1, 3))):
        items = []
        subsections = draw(st.booleans())
        for part in range(draw(st.integers(1, 2)) if subsections else 1):
            shared, names = draw(st.booleans()), draw(units)
            for _ in range(draw(st.integers(1, 3))):
                number += 1
                names = names if shared else draw(units)
                phrase = draw(st.sampled_from(list(_DUE_OF)))
                text = f"确保{phrase}。" if phrase else draw(st.sampled_from(["", "开展工作。"]))
                open_ = style.lead is not None and len(names) > 1 and draw(st.booleans())
                # Co-owners and no lead (`unassign` took it), after the first item, whose
                # owners give the plan its style.
                co_only = number > 1 and len(names) > 1 and not open_ and draw(st.booleans())
                items.append(
                    Item(
                        number=number,
                        subsection=f"小标题{part + 1}" if subsections else None,
                        title=f"任务{number}",
                        text=text,
                        owner=None if co_only else names[0],
                        co_owners=(names if co_only else names[1:]) or None,
                        owner_groups=f"1；{len(names) - 1}等" if open_ else None,
                        due=_DUE_OF[phrase],
                    )
                )
        sections.append(Section(title=f"部分{section + 1}", items=items))
    return Plan(title="2031年重点工作", year=2031, owner_style=style, sections=sections)


def _shares_a_group(plan: Plan) -> bool:
    """Whether two items or more under one heading share their owners: render writes
    their line once, after the last, in the `group` style."""
    for section in plan.sections:
        parts = [items for _, items in section.parts()] if section.has_subsections() else []
        for items in parts or [section.items]:
            names = {(item.owner, tuple(item.co_owners or ()), item.owner_groups) for item in items}
            if len(items) >= 2 and len(names) == 1 and (items[0].owner or items[0].co_owners):
                return True
    return False


@pytest.mark.slow
@settings(max_examples=examples(200))
@given(_owned_plans())
def test_import_of_the_rendering_gives_the_same_plan(plan: Plan) -> None:
    rendered = render_document.render_text(plan)
    again = documents.import_document(documents.text_document("plan.txt", rendered)).plan
    if plan.owner_style and plan.owner_style.form == "group" and not _shares_a_group(plan):
        # A plan whose groups all differ within has no line for a group to show its style:
        # its items' lines read back as lines, which render writes back the same.
        assert again.owner_style is not None and again.owner_style.form == "lines"
        again = again.model_copy(update={"owner_style": plan.owner_style})
    if not any(item.owner and item.co_owners for _, item in plan.items()):
        # No item names a lead and co-owners: the document shows no label for them.
        assert plan.owner_style is not None and again.owner_style is not None
        again = again.model_copy(
            update={"owner_style": again.owner_style.model_copy(update={"co": plan.owner_style.co})}
        )
    assert again == plan
    written = documents.new_plan_yaml(again)
    result = check(Source("plan.yaml", written))
    assert result.problems == [] and result.loaded is not None and result.loaded.plan == plan


def test_import_help_names_no_due_in_both_languages(environment: Environment) -> None:
    _, out, _ = run("import", "--help")
    assert "--no-due" in out and "Leave deadlines in the items' text alone" in " ".join(out.split())
    environment(PLANTRACK_LANG="zh")
    _, out, _ = run("import", "--help")
    assert "不读取正文中的完成时限" in out


def test_lines_of_owners_of_one_width_are_not_joined_as_wrapped_text(tmp_path: Path) -> None:
    imported = import_lines(
        tmp_path,
        "1.任务一。开展工作。",
        "牵头单位：市发改委",
        "责任单位：市财政局",
        "2.任务二。开展工作。",
        "牵头单位：市商务局",
        "责任单位：市财政局",
    )
    assert [(item.owner, item.co_owners) for _, item in imported.plan.items()] == [
        ("市发改委", ["市财政局"]),
        ("市商务局", ["市财政局"]),
    ]


def test_next_years_plan_keeps_the_style_and_clears_the_owners() -> None:
    plan = import_path(DATA / "owners-one-label.txt").plan
    following = documents.next_year_plan(plan, 2032)
    assert following.owner_style == plan.owner_style
    assert all(item.owner is None and item.owner_groups is None for _, item in following.items())


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            OwnerStyle(form="brackets", lead="牵头单位", co="配合单位"),
            ["1. **扩大投资**。谋划项目（牵头单位：市发改委，配合单位：市财政局、市商务局）"],
        ),
        (
            OwnerStyle(form="lines", lead="牵头单位", co="责任单位"),
            [
                "1. **扩大投资**。谋划项目",
                "",
                "   牵头单位：市发改委",
                "",
                "   责任单位：市财政局、市商务局",
            ],
        ),
    ],
)
def test_markdown_writes_the_owners_as_the_text_does(
    style: OwnerStyle, expected: list[str]
) -> None:
    item = Item(
        number=1,
        title="扩大投资",
        text="谋划项目",
        owner="市发改委",
        co_owners=["市财政局", "市商务局"],
    )
    plan = Plan(
        title="2031年要点",
        year=2031,
        owner_style=style,
        sections=[Section(title="发展", items=[item])],
    )
    lines = render_document.render_markdown(plan).splitlines()
    assert lines[4 : 4 + len(expected)] == expected


def test_a_document_mixing_styles_comes_back_in_its_first_items_and_says_so() -> None:
    imported = import_path(DATA / "owners-mixed-styles.txt")
    assert imported.plan.owner_style == OwnerStyle(form="brackets", lead="牵头单位", co="配合单位")
    assert [(note.code, note.message) for note in imported.notes] == [
        (
            "owners_mixed",
            "items 2, 3, 5, 6 write their owners in another way than item 1, the first with"
            " owners; the plan keeps item 1's, and render writes every item's owners that way",
        )
    ]
    rendered = render_document.render_text(imported.plan).splitlines()
    assert rendered[3:5] == [
        "2.优化营商环境。深化“一网通办”改革。（牵头单位：市营商环境局，配合单位：市数据局）",
        "3.推进数据共享。打通部门数据壁垒。（牵头单位：市数据局，配合单位：各县（市、区））",
    ]
