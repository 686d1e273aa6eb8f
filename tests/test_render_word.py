"""`plantrack render` as a Word document and with each item's tracking state: the layout
through python-docx, where the document may go, and import giving the same plan back."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plantrack import documents
from plantrack.cli import app
from plantrack.model import Item, OwnerStyle, Plan, Section, Status
from plantrack.reading import read_plan
from plantrack.render import document as render_document
from plantrack.render.blocks import Paragraph
from plantrack.render.word import document as word_document

ROOT = Path(__file__).parent.parent
COMMITTED_PLAN = ROOT / "plans" / "2022.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the 2022 plan, as the working directory."""
    (tmp_path / "plans").mkdir()
    shutil.copy(COMMITTED_PLAN, tmp_path / "plans" / "2022.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def east_asian_font(run: object) -> str | None:
    from docx.oxml.ns import qn

    return run._element.rPr.rFonts.get(qn("w:eastAsia"))  # type: ignore[attr-defined,no-any-return]


def imported(path: Path) -> documents.Imported:
    return documents.import_document(documents.read_document(path))


def untracked(plan: Plan) -> Plan:
    """The plan as its document says it: owners, co-owners and deadlines are in the text,
    tracking state and ledgers are not; the owners in the style the plan names, or the
    default one, when any item has owners."""
    from plantrack.render.owners import DEFAULT_STYLE

    sections = [
        section.model_copy(
            update={
                "items": [
                    item.model_copy(update={"status": None, "progress": None, "log": None})
                    for item in section.items
                ]
            }
        )
        for section in plan.sections
    ]
    owned = any(item.owner or item.co_owners for _, item in plan.items())
    style = (plan.owner_style or DEFAULT_STYLE) if owned else None
    if style is not None and style.form == "group" and not _shares_owners(plan):
        # With no group of items sharing one line of owners, the document of style (e) is
        # the document of style (a): it comes back in style (a).
        style = style.model_copy(update={"form": "lines"})
    return plan.model_copy(update={"sections": sections, "roles": None, "owner_style": style})


def _shares_owners(plan: Plan) -> bool:
    """Whether some group of items under one heading (two or more) has the same owners."""
    for section in plan.sections:
        for _, items in section.parts():
            names = {(i.owner, tuple(i.co_owners or ()), i.owner_groups) for i in items}
            if len(items) >= 2 and len(names) == 1 and (items[0].owner or items[0].co_owners):
                return True
    return False


# --------------------------------------------------------------------------- the layout


@pytest.mark.slow
def test_the_word_document_says_what_the_text_says_in_the_official_layout(
    office: Path,
) -> None:
    import docx
    from docx.shared import Pt

    code, out, err = run("render", "-o", "要点.docx")
    assert (code, out, err) == (0, b"", "plantrack: wrote 要点.docx\n")
    doc = docx.Document("要点.docx")
    plan = read_plan(office / "plans" / "2022.yaml")
    lines = render_document.render_text(plan).splitlines()
    assert [p.text for p in doc.paragraphs] == lines
    page = doc.sections[0]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)
    title = doc.paragraphs[0]
    assert title.alignment == 1  # centred
    assert [(east_asian_font(r), r.font.size.pt) for r in title.runs] == [("方正小标宋简体", 22)]
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings] == [line for line in lines if line[1] == "、"]
    assert {(east_asian_font(r), r.font.size.pt) for p in headings for r in p.runs} == {
        ("黑体", 16)
    }
    body = [p for p in doc.paragraphs[1:] if p.style.name == "Normal"]
    assert len(body) == len(lines) - 1 - len(headings)
    assert {(east_asian_font(r), r.font.size.pt, r.font.bold) for p in body for r in p.runs} == {
        ("仿宋_GB2312", 16, False)
    }
    assert {p.paragraph_format.first_line_indent for p in body + headings} == {Pt(32)}
    # The numbers are text, not Word's own lists, so that import reads them back.
    assert not doc.element.body.findall(f".//{W}numPr")
    assert doc.core_properties.title == plan.title
    assert doc.core_properties.author == ""


@pytest.mark.slow
def test_a_control_character_in_the_plan_is_written_out(office: Path) -> None:
    import docx

    plan = office / "plans" / "2022.yaml"
    title = "title: 2022年市委政研室机关党的建设工作要点\n"
    text = plan.read_text(encoding="utf-8").replace(title, 'title: "\\x1b[2J2022年要点"\n')
    plan.write_text(text, encoding="utf-8")
    code, _, err = run("render", "-o", "要点.docx")
    assert (code, err) == (0, "plantrack: wrote 要点.docx\n")
    assert docx.Document("要点.docx").paragraphs[0].text == "\\x1b[2J2022年要点"


@pytest.mark.slow
def test_a_sub_section_heading_is_in_kaiti() -> None:
    import io

    import docx

    plan = Plan(
        title="2023年工作要点",
        year=2023,
        sections=[
            Section(
                title="学习",
                items=[
                    Item(number=1, subsection="抓好理论学习", title="集中学习", text="每月一次。")
                ],
            )
        ],
    )
    doc = docx.Document(io.BytesIO(word_document(render_document.plan_blocks(plan))))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Title", "2023年工作要点"),
        ("Heading 1", "一、学习"),
        ("Heading 2", "（一）抓好理论学习"),
        ("Normal", "1.集中学习。每月一次。"),
    ]
    sub = doc.paragraphs[2]
    assert [(east_asian_font(r), r.font.size.pt, r.font.bold) for r in sub.runs] == [
        ("楷体_GB2312", 16, False)
    ]


@pytest.mark.slow
def test_a_tracking_line_is_smaller_and_grey() -> None:
    import io

    import docx

    data = word_document([Paragraph("Owner: 书记 · Status: todo", tracking=True)])
    run = docx.Document(io.BytesIO(data)).paragraphs[0].runs[0]
    assert (east_asian_font(run), run.font.size.pt, str(run.font.color.rgb)) == (
        "仿宋_GB2312",
        14,
        "595959",
    )


# --------------------------------------------------------------------------- where it goes


@pytest.mark.slow
def test_the_word_document_imports_to_the_same_plan(office: Path) -> None:
    code, _, _ = run("render", "-o", "要点.docx", "--with-status")
    assert code == 0
    plan = read_plan(office / "plans" / "2022.yaml")
    again = imported(office / "要点.docx")
    assert again.plan == untracked(plan)
    assert [entry.reason for entry in again.left_out] == ["tracking"] * 19


@pytest.mark.parametrize(
    "args",
    [("-f", "text", "-o", "要点.docx"), ("--format", "markdown", "-o", "要点.DOCX")],
)
def test_text_is_never_written_into_a_file_named_docx(office: Path, args: tuple[str, ...]) -> None:
    code, _, err = run("render", *args)
    name, format = args[3], args[1]
    assert (code, err) == (
        2,
        f"plantrack: {name} is named .docx, but --format {format} writes text; give"
        " --format docx, or a name that does not end in .docx\n",
    )
    assert not (office / name).exists()


def test_the_file_name_picks_the_format(office: Path) -> None:
    assert run("render", "-o", "要点.md")[0] == 0
    assert (office / "要点.md").read_text(encoding="utf-8").startswith("# 2022年")
    assert run("render", "-o", "要点.txt")[0] == 0
    assert (office / "要点.txt").read_text(encoding="utf-8").startswith("2022年")
    assert run("render", "-f", "text", "-o", "要点.text.md", "--with-status")[0] == 0
    text = (office / "要点.text.md").read_text(encoding="utf-8")
    assert text.startswith("2022年") and "\nOwner: " in text


@pytest.mark.slow
def test_a_word_document_goes_to_a_pipe(office: Path) -> None:
    code, out, err = run("render", "-f", "docx")
    assert (code, err) == (0, "")
    assert out.startswith(b"PK\x03\x04")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_word_document_is_not_written_to_a_terminal(office: Path) -> None:
    import pty

    parent, child = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "plantrack", "render", "-f", "docx"],
            stdout=child,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(child)
        os.close(parent)
    assert (done.returncode, done.stderr.decode("utf-8")) == (
        1,
        "plantrack: this format is binary and stdout is a terminal; give -o FILE or redirect"
        " stdout\n",
    )


@pytest.mark.slow
def test_an_existing_word_document_is_kept_without_force(office: Path) -> None:
    (office / "要点.docx").write_bytes(b"keep")
    code, _, err = run("render", "-o", "要点.docx")
    assert (code, err) == (
        1,
        "plantrack: 要点.docx already exists; give --force to overwrite it, or -o to write"
        " elsewhere\n",
    )
    assert (office / "要点.docx").read_bytes() == b"keep"
    assert run("render", "-o", "要点.docx", "--force")[0] == 0
    assert (office / "要点.docx").read_bytes().startswith(b"PK")


def test_the_folder_is_checked_before_the_plan_is_read(office: Path) -> None:
    code, _, err = run("render", "--plan", "missing.yaml", "-o", "no/such/要点.docx")
    assert (code, err) == (
        1,
        "plantrack: folder no/such does not exist; create it first, or give -o a file in a folder that exists\n",
    )


# --------------------------------------------------------------------------- --with-status


def tracked_plan() -> Plan:
    return Plan(
        title="2023年XX支部工作要点",
        year=2023,
        sections=[
            Section(
                title="加强学习",
                items=[
                    Item(
                        number=1,
                        title="学习理论",
                        text="每月一次，6月底前完成。",
                        owner="宣传委员",
                        co_owners=["组织委员", "青年委员"],
                        status=Status.DOING,
                        progress=40,
                        due=dt.date(2023, 6, 30),
                    ),
                    Item(number=2, title="为什么要学？", text="因为要用。"),
                ],
            )
        ],
    )


def test_the_tracking_line_follows_each_item() -> None:
    assert render_document.render_text(tracked_plan(), with_status=True) == (
        "2023年XX支部工作要点\n"
        "一、加强学习\n"
        "1.学习理论。每月一次，6月底前完成。（牵头单位：宣传委员，配合单位：组织委员、青年委员）\n"
        "Owner: 宣传委员 · Co-owners: 组织委员, 青年委员 · Status: doing · Progress: 40%"
        " · Due: 2023-06-30\n"
        "2.为什么要学？\n"
        "因为要用。\n"
        "Owner: — · Status: todo · Progress: — · Due: —\n"
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_import_leaves_the_tracking_lines_out_and_says_so(
    tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plantrack import settings

    monkeypatch.setenv("PLANTRACK_LANG", language)
    settings.reset()
    path = tmp_path / "要点.txt"
    path.write_text(render_document.render_text(tracked_plan(), with_status=True), "utf-8")
    monkeypatch.setenv("PLANTRACK_LANG", "en")
    settings.reset()
    again = imported(path)
    assert again.plan == untracked(tracked_plan())
    assert [(entry.line, entry.reason) for entry in again.left_out] == [
        (4, "tracking"),
        (7, "tracking"),
    ]
    assert [note.message for note in again.notes if note.code == "tracking"] == [
        "lines 4, 7 (the items' tracking state, as render --with-status writes it) are not imported"
    ]


def test_a_line_that_only_begins_like_a_tracking_line_is_text(tmp_path: Path) -> None:
    path = tmp_path / "要点.txt"
    path.write_text(
        "2023年工作要点\n一、学习\n1.学习。\n责任人：书记 · 状态：按月推进。\n", "utf-8"
    )
    assert imported(path).plan.sections[0].items[0].text == "责任人：书记 · 状态：按月推进。"


# --------------------------------------------------------------------------- round trips


@pytest.mark.slow
@pytest.mark.parametrize(
    ("change", "line"),
    [
        (["due", "1", "2023-09-30"], "1.调研。6月底前完成初稿。（完成时限：9月底前）"),
        (["due", "1", "2024-03-15"], "1.调研。6月底前完成初稿。（完成时限：2024年3月15日前）"),
        (["due", "1", "--clear"], "1.调研。6月底前完成初稿。（完成时限：无）"),
        (["due", "2", "2023-11-30"], "2.建设。长期坚持。（完成时限：11月底前）"),
    ],
)
def test_a_due_the_text_does_not_state_is_written_beside_the_owners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: list[str], line: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("要点.txt").write_text(
        "2023年工作要点\n一、重点\n1.调研。6月底前完成初稿。\n2.建设。长期坚持。\n", "utf-8"
    )
    assert run("import", "要点.txt")[0] == 0
    assert run(*change)[0] == 0
    for output in ("新.txt", "新.docx"):
        assert run("render", "-o", output)[0] == 0
    assert line in Path("新.txt").read_text(encoding="utf-8").splitlines()
    plan = read_plan(tmp_path / "plans" / "2023.yaml")
    assert imported(tmp_path / "新.txt").plan == untracked(plan)
    assert imported(tmp_path / "新.docx").plan == untracked(plan)


_WORDS = "加强党建设学习工作开展落实制度XX１２3，、；："
# A title or paragraph that starts with a digit would read as an item heading.
_FIRST = "加强党建设学习工作开展落实制度XX"
_OWNERS = ["书记", "组织委员", "宣传委员", "纪检委员", "市发改委", "各县（市、区）"]


# Strategies made once: making them anew for every draw costs more than the test.
_TEXT = st.builds(str.__add__, st.sampled_from(_FIRST), st.text(alphabet=_WORDS, max_size=12))
_PARAGRAPHS = st.lists(st.builds(str.__add__, _TEXT, st.sampled_from("。！？")), max_size=3).map(
    "\n".join
)
# A title has no 。 of its own (import ends it at the first), and its quotation marks are
# closed within it; one ending in ？ or ： is a line of its own with the body after it.
_TITLES = st.builds(
    lambda head, quote, inner, end: head + quote.format(inner) + end,
    _TEXT,
    st.sampled_from(["{}", "{}", "“{}”", "《{}》"]),
    _TEXT,
    st.sampled_from(["", "", "？", "："]),
)
_CO_OWNERS = st.lists(st.sampled_from(_OWNERS), max_size=2, unique=True)
# The styles published plans write owners in: in the item's own paragraph (d), (c), (b),
# on lines of their own after it (a), or after a group of items for all of them (e).
_STYLES = st.sampled_from(
    [
        None,
        OwnerStyle(form="brackets", lead="牵头单位", co="配合单位"),
        OwnerStyle(form="brackets", co="责任单位"),
        OwnerStyle(form="verbs", lead="牵头", co="按职责分工负责"),
        OwnerStyle(form="lines", lead="牵头单位", co="责任单位"),
        OwnerStyle(form="group", lead="牵头单位", co="配合单位"),
    ]
)
_PROGRESS = st.none() | st.integers(0, 100)
_PLAN_TITLE = st.text(alphabet="党建工作要点XX", min_size=1, max_size=12)
# A deadline phrase in the item's text (`6月底前完成。`), which import reads as its due.
_DUE = st.none() | st.integers(1, 12)
# The item's due: the text's (or none when the text names none), or one the text does not
# state (set after import, or its phrase changed), in the plan's year or the next, or none.
_OTHER_DUE = st.none() | st.dates(dt.date(2023, 1, 1), dt.date(2024, 12, 31))


@st.composite
def _items(draw: st.DrawFn) -> Item:
    """An item numbered 1: the plan numbers its items straight through."""
    title = draw(_TITLES)
    tracked = draw(st.booleans())
    if not tracked:
        return Item(number=1, title=title, text=draw(_PARAGRAPHS), due=draw(_OTHER_DUE))
    owner = draw(st.sampled_from(_OWNERS))
    co_owners = [name for name in draw(_CO_OWNERS) if name != owner]
    text = draw(_PARAGRAPHS)
    month = draw(_DUE)
    due = None
    if month is not None:
        text = (text + "\n" if text else "") + draw(_TEXT) + f"。{month}月底前完成。"
        due = dt.date(2023, month, calendar.monthrange(2023, month)[1])
    if draw(st.booleans()):
        due = draw(_OTHER_DUE)
    return Item(
        number=1,
        title=title,
        text=text,
        owner=owner,
        co_owners=co_owners or None,
        status=draw(st.sampled_from(Status)),
        progress=draw(_PROGRESS),
        due=due,
    )


_ITEMS = st.lists(_items(), min_size=1, max_size=3)
# What follows in a section: an item (at the 1. level, or at the （一） level when the
# section has sub-sections), or a sub-section of items.
_PARTS = st.lists(st.sampled_from(["item", "subsection"]), min_size=1, max_size=4)


@st.composite
def _sections(draw: st.DrawFn, titled: bool) -> Section:
    items: list[Item] = []
    previous = None
    for part in draw(_PARTS):
        if part == "item":
            items.append(draw(_items()))
            previous = None
            continue
        # Two sub-sections in a row have different titles, or they are one.
        title = draw(_TEXT.filter(lambda text, last=previous: text != last))
        items += [item.model_copy(update={"subsection": title}) for item in draw(_ITEMS)]
        previous = title
    return Section(title=draw(_TEXT) if titled else None, items=items)


_SECTIONS = st.lists(_sections(titled=True), min_size=1, max_size=3)
# A flat plan: no 一、 headings, one section without a title.
_FLAT = _sections(titled=False).map(lambda section: [section])


@st.composite
def _plans(draw: st.DrawFn) -> Plan:
    """Plans of one to three levels, their items numbered straight through, some with an
    owner, co-owners, status, progress and a deadline, the owners in one of the styles."""
    sections = []
    number = 0
    for section in draw(_SECTIONS | _FLAT):
        items = []
        for item in section.items:
            number += 1
            items.append(item.model_copy(update={"number": number}))
        sections.append(section.model_copy(update={"items": items}))
    style = draw(_STYLES)
    items = [item for section in sections for item in section.items]
    # A document shows the co-owners' label only when it names co-owners: a style is
    # read back whole from a plan that has some.
    assume(style is None or not any(i.owner for i in items) or any(i.co_owners for i in items))
    return Plan(
        title="2023年" + draw(_PLAN_TITLE),
        year=2023,
        preamble=draw(_PARAGRAPHS),
        sections=sections,
        owner_style=style,
    )


def test_owner_lines_after_an_item_that_follows_one_without_owners_are_its_own() -> None:
    style = OwnerStyle(form="lines", lead="牵头单位", co="责任单位")
    plan = Plan(
        title="2023年工作要点",
        year=2023,
        owner_style=style,
        sections=[
            Section(
                title="学习",
                items=[
                    Item(number=1, title="学习"),
                    Item(number=2, title="工作", owner="书记", co_owners=["组织委员"]),
                ],
            )
        ],
    )
    text = render_document.render_text(plan)
    assert _import_bytes(text.encode("utf-8"), ".txt") == plan


def _import_bytes(data: bytes, suffix: str) -> Plan:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"要点{suffix}"
        path.write_bytes(data)
        return imported(path).plan


@pytest.mark.slow
@given(_plans(), st.booleans())
def test_any_plan_rendered_as_text_imports_to_itself(plan: Plan, with_status: bool) -> None:
    text = render_document.render_text(plan, with_status)
    assert _import_bytes(text.encode("utf-8"), ".txt") == untracked(plan)


@pytest.mark.slow
@given(_plans(), st.booleans())
def test_any_plan_rendered_as_markdown_imports_to_itself(plan: Plan, with_status: bool) -> None:
    text = render_document.render_markdown(plan, with_status)
    assert _import_bytes(text.encode("utf-8"), ".md") == untracked(plan)


# A Word document takes a tenth of a second to write: fewer examples than the text.
@pytest.mark.slow
@settings(max_examples=examples(50))
@given(_plans(), st.booleans())
def test_any_plan_rendered_as_word_imports_to_itself(plan: Plan, with_status: bool) -> None:
    data = word_document(render_document.plan_blocks(plan, with_status))
    assert _import_bytes(data, ".docx") == untracked(plan)
