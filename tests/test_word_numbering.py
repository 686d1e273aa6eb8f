"""Word's automatic numbering: a .docx whose headings and items Word numbers itself reads
with the numbers written out as Word shows them, and a list it cannot number is named."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack import documents, i18n
from plantrack.errors import PlantrackError
from plantrack.model import Item, Plan, Section

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATA = Path(__file__).parent / "data" / "documents"


def level(
    ilvl: int,
    fmt: str,
    text: str,
    start: int | str | None = 1,
    extra: str = "",
) -> str:
    """A w:lvl: its number format, its level text and start, and any further properties."""
    start_xml = "" if start is None else f'<w:start w:val="{start}"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def definition(abstract: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract}">{"".join(levels)}</w:abstractNum>'


def instance(num: int, abstract: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'


def para(text: str, num: int | None = None, ilvl: int | None = None, style: str = "") -> str:
    """A paragraph of `text`, numbered by list `num` at level `ilvl` when given."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None or ilvl is not None:
        properties += "<w:numPr>"
        properties += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        properties += f'<w:numId w:val="{num}"/>' if num is not None else ""
        properties += "</w:numPr>"
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def style(style_id: str, numbering: str = "", based_on: str = "") -> str:
    """A paragraph style, numbered by `numbering` (the content of its w:numPr) if given."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    numbered = f"<w:pPr><w:numPr>{numbering}</w:numPr></w:pPr>" if numbering else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}">'
        f'<w:name w:val="{style_id}"/>{base}{numbered}</w:style>'
    )


_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _relationships(*targets: tuple[str, str]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{index}" Type="{_RELATIONSHIPS}/{kind}" Target="{target}"/>'
        for index, (kind, target) in enumerate(targets, start=1)
    )
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'


def word_file(
    tmp_path: Path,
    numbering: str | None,
    paragraphs: list[str],
    styles: list[str] | None = None,
) -> Path:
    """A .docx of these body paragraphs, this numbering.xml content (None: no numbering
    part at all) and these paragraph styles, all written as raw XML: the smallest package
    Word reads, so that each test builds its document in a moment."""
    parts = {
        "[Content_Types].xml": _TYPES,
        "_rels/.rels": _relationships(("officeDocument", "word/document.xml")),
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{"".join(paragraphs)}'
        "</w:body></w:document>",
        "word/styles.xml": f'<w:styles xmlns:w="{W}">{"".join(styles or [])}</w:styles>',
    }
    related = [("styles", "styles.xml")]
    if numbering is not None:
        parts["word/numbering.xml"] = f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
        related.append(("numbering", "numbering.xml"))
    parts["word/_rels/document.xml.rels"] = _relationships(*related)
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def lines(path: Path) -> list[str]:
    return [line.text for line in documents.read_document(path).lines]


def refusal(path: Path) -> list[str]:
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    return caught.value.lines()


# Sections `一、` at level 1, items `1.` at level 2 of one list.
PLAN_LIST = definition(
    1, level(0, "chineseCountingThousand", "%1、"), level(1, "decimal", "%2.")
) + instance(1, 1)


def test_sections_and_items_numbered_by_word_import_as_if_typed(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        PLAN_LIST,
        [
            para("2029年工作要点"),
            para("学习", 1, 0),
            para("读书。每月一次。", 1, 1),
            para("研讨。每季一次。", 1, 1),
            para("组织", 1, 0),
            para("党费。按月收缴。", 1, 1),
        ],
    )
    assert lines(path) == [
        "2029年工作要点",
        "一、学习",
        "1.读书。每月一次。",
        "2.研讨。每季一次。",
        "二、组织",
        "1.党费。按月收缴。",
    ]
    plan = documents.import_document(documents.read_document(path)).plan
    assert [section.title for section in plan.sections] == ["学习", "组织"]
    assert [(item.number, item.title) for _, item in plan.items()] == [
        (1, "读书"),
        (2, "研讨"),
        (3, "党费"),
    ]


def test_a_plan_numbered_through_heading_styles_gives_its_golden_plan(tmp_path: Path) -> None:
    """Headings numbered by their styles, as Word's multilevel lists linked to heading
    styles do: the style names the list and level, the level names the style."""
    numbering = definition(
        4,
        level(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="PlanSection"/>'),
        level(1, "decimal", "%2.", extra='<w:pStyle w:val="PlanItem"/><w:lvlRestart w:val="0"/>'),
    ) + instance(7, 4)
    styles = [
        style("PlanSection", '<w:numId w:val="7"/>'),
        style("PlanItem", '<w:ilvl w:val="1"/><w:numId w:val="7"/>'),
        style("PlanItemBold", based_on="PlanItem"),  # numbered through the style it is based on
    ]
    path = word_file(
        tmp_path,
        numbering,
        [
            para("2029年XX党支部工作要点"),
            para("2029年XX党支部工作的总体要求是：固本培元。"),
            para("政治建设", style="PlanSection"),
            para("加强理论学习。每月集中学习一次。", style="PlanItem"),
            para("开展专题研讨。每季度开展一次。", style="PlanItemBold"),
            para("组织建设", style="PlanSection"),
            para("规范党费收缴。按月收缴党费。", style="PlanItem"),
        ],
        styles,
    )
    assert lines(path)[2:5] == [
        "一、政治建设",
        "1.加强理论学习。每月集中学习一次。",
        "2.开展专题研讨。每季度开展一次。",
    ]
    imported = documents.import_document(documents.read_document(path))
    header = [i18n.t("import.header", source=path.name)]
    expected = (DATA / "word-numbered.yaml").read_text(encoding="utf-8")
    assert documents.new_plan_yaml(imported.plan, header) == expected
    assert not imported.renumbered


def test_sub_levels_in_parentheses_restart_under_each_higher_level(tmp_path: Path) -> None:
    numbering = definition(
        2,
        level(0, "chineseCountingThousand", "%1、"),
        level(1, "chineseCountingThousand", "（%2）"),
        level(2, "decimal", "%3."),
        level(3, "decimal", "（%4）"),
    ) + instance(3, 2)
    path = word_file(
        tmp_path,
        numbering,
        [
            para("学习", 3, 0),
            para("理论", 3, 1),
            para("读书。", 3, 2),
            para("原著", 3, 3),
            para("研讨。", 3, 2),
            para("原著", 3, 3),
            para("实践", 3, 1),
            para("调研。", 3, 2),
            para("组织", 3, 0),
            para("制度", 3, 1),
        ],
    )
    assert lines(path) == [
        "一、学习",
        "（一）理论",
        "1.读书。",
        "（1）原著",
        "2.研讨。",
        "（1）原著",
        "（二）实践",
        "1.调研。",
        "二、组织",
        "（一）制度",
    ]


def test_a_level_that_never_restarts_counts_on_across_sections(tmp_path: Path) -> None:
    numbering = definition(
        1,
        level(0, "chineseCountingThousand", "%1、"),
        level(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    ) + instance(1, 1)
    path = word_file(
        tmp_path,
        numbering,
        [para("学习", 1, 0), para("读书。", 1, 1), para("组织", 1, 0), para("党费。", 1, 1)],
    )
    assert lines(path) == ["一、学习", "1.读书。", "二、组织", "2.党费。"]


def test_list_instances_of_one_definition_share_its_count_unless_they_restart_it(
    tmp_path: Path,
) -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = (
        definition(5, level(0, "decimal", "%1."))
        + instance(1, 5)
        + instance(2, 5, restart)
        + definition(6, level(0, "chineseCountingThousand", "%1、"))
        + instance(3, 6)
    )
    path = word_file(
        tmp_path,
        numbering,
        [
            para("学习", 3, 0),
            para("读书。", 1, 0),
            para("研讨。", 1, 0),
            para("组织", 3, 0),
            para("党费。", 2, 0),  # "restart numbering": a new instance starting again at 1
            para("会议。", 2, 0),
            para("作风", 3, 0),
            para("调研。", 1, 0),  # the first instance again: it continues the shared count
        ],
    )
    assert lines(path) == [
        "一、学习",
        "1.读书。",
        "2.研讨。",
        "二、组织",
        "1.党费。",
        "2.会议。",
        "三、作风",
        "3.调研。",
    ]


def test_an_override_can_start_a_level_elsewhere_and_redefine_it(tmp_path: Path) -> None:
    overrides = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="1">' + level(1, "decimalFullWidth", "%2．") + "</w:lvlOverride>"
    )
    numbering = definition(
        1, level(0, "chineseCountingThousand", "%1、"), level(1, "decimal", "%2.")
    ) + instance(4, 1, overrides)
    path = word_file(
        tmp_path,
        numbering,
        [para("学习", 4, 0), para("读书。", 4, 1), para("研讨。", 4, 1), para("组织", 4, 0)],
    )
    assert lines(path) == ["五、学习", "１．读书。", "２．研讨。", "六、组织"]


def test_legal_numbering_writes_every_level_in_digits(tmp_path: Path) -> None:
    numbering = definition(
        1,
        level(0, "chineseCountingThousand", "%1、"),
        level(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
        level(2, "lowerLetter", "%1.%2.%3"),
    ) + instance(1, 1)
    path = word_file(
        tmp_path,
        numbering,
        [
            para("学习", 1, 0),
            para("读书", 1, 1),
            para("原著", 1, 2),
            para("组织", 1, 0),
            para("党费", 1, 1),
        ],
    )
    assert lines(path) == ["一、学习", "1.1 读书", "一.1.a 原著", "二、组织", "2.1 党费"]


def test_numbering_taken_off_by_numid_zero_leaves_the_text_as_written(tmp_path: Path) -> None:
    styles = [style("Numbered", '<w:numId w:val="1"/>')]
    path = word_file(
        tmp_path,
        PLAN_LIST,
        [para("学习", style="Numbered"), para("不编号的一段。", 0, style="Numbered")],
        styles,
    )
    assert lines(path) == ["一、学习", "不编号的一段。"]


@pytest.mark.parametrize(
    ("suffix", "text", "expected"),
    [
        ("tab", "读书。", "1.读书。"),
        ("space", "读书。", "1.读书。"),
        ("nothing", "读书。", "1.读书。"),
        ("tab", "5G基站建设。", "1. 5G基站建设。"),  # not 1.5: the gap keeps the number apart
        ("nothing", "5G基站建设。", "1.5G基站建设。"),  # run together, as Word shows it
    ],
)
def test_the_gap_after_a_number_is_layout_unless_the_text_would_run_into_it(
    tmp_path: Path, suffix: str, text: str, expected: str
) -> None:
    numbering = definition(
        1, level(0, "decimal", "%1.", extra=f'<w:suff w:val="{suffix}"/>')
    ) + instance(1, 1)
    assert lines(word_file(tmp_path, numbering, [para(text, 1, 0)])) == [expected]


def test_a_number_without_a_mark_is_kept_apart_from_its_text(tmp_path: Path) -> None:
    numbering = definition(1, level(0, "decimal", "第%1条")) + instance(1, 1)
    assert lines(word_file(tmp_path, numbering, [para("总则", 1, 0)])) == ["第1条 总则"]


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("decimalFullWidth", "１、２、３、"),
        ("chineseCounting", "一、二、三、"),
        ("chineseLegalSimplified", "壹、贰、叁、"),
        ("ideographTraditional", "甲、乙、丙、"),
        ("ideographZodiac", "子、丑、寅、"),
        ("japaneseCounting", "一、二、三、"),
        ("decimalEnclosedCircleChinese", "①、②、③、"),
        ("upperLetter", "A、B、C、"),
        ("lowerRoman", "i、ii、iii、"),
    ],
)
def test_number_formats_are_written_as_word_draws_them(
    tmp_path: Path, fmt: str, shown: str
) -> None:
    numbering = definition(1, level(0, fmt, "%1、")) + instance(1, 1)
    path = word_file(tmp_path, numbering, [para("", 1, 0) for _ in range(3)])
    assert "".join(lines(path)) == shown


def test_a_level_without_a_number_leaves_the_text_as_written(tmp_path: Path) -> None:
    numbering = definition(1, level(0, "none", "%1")) + instance(1, 1)
    assert lines(word_file(tmp_path, numbering, [para("读书。", 1, 0)])) == ["读书。"]


def test_a_bullet_is_not_a_number(tmp_path: Path) -> None:
    numbering = definition(1, level(0, "bullet", "•")) + instance(1, 1)
    assert lines(word_file(tmp_path, numbering, [para("读书。", 1, 0)])) == ["读书。"]


ADVICE = (
    "; convert the numbers to text in Word (or save the document as .txt, which writes them"
    " out), then import"
)


def test_a_list_the_document_does_not_define_is_named_with_its_paragraph(tmp_path: Path) -> None:
    path = word_file(tmp_path, PLAN_LIST, [para("2029年工作要点"), para("学习", 9, 0)])
    assert refusal(path) == [
        f"{path}:2:1: Word numbers this paragraph with list 9, which the document does not"
        " define (numbering.xml), so its number is unknown" + ADVICE
    ]


def test_a_numbered_paragraph_in_a_document_without_numbering_is_named(tmp_path: Path) -> None:
    path = word_file(tmp_path, None, [para("学习", 1, 0)])
    assert refusal(path) == [
        f"{path}:1:1: Word numbers this paragraph with list 1, which the document does not"
        " define (numbering.xml), so its number is unknown" + ADVICE
    ]


def test_a_list_whose_definition_is_missing_is_named(tmp_path: Path) -> None:
    path = word_file(tmp_path, instance(2, 8), [para("学习", 2, 0)])
    assert refusal(path) == [
        f"{path}:1:1: Word numbers this paragraph with list 2, which the document does not"
        " define (numbering.xml), so its number is unknown" + ADVICE
    ]


def test_a_level_the_list_does_not_define_is_named(tmp_path: Path) -> None:
    path = word_file(tmp_path, PLAN_LIST, [para("学习", 1, 0), para("读书", 1, 4)])
    assert refusal(path) == [
        f"{path}:2:1: Word numbers this paragraph at level 5 of list 1, which the document"
        " does not define, so its number is unknown" + ADVICE
    ]


def test_a_number_format_plantrack_cannot_write_is_named(tmp_path: Path) -> None:
    numbering = definition(1, level(0, "hebrew1", "%1.")) + instance(1, 1)
    path = word_file(tmp_path, numbering, [para("学习", 1, 0)])
    assert refusal(path) == [
        f"{path}:1:1: Word numbers this paragraph with level 1 of list 1 in the number format"
        " hebrew1, which plantrack cannot write out" + ADVICE
    ]


def test_a_start_that_is_not_a_number_is_named(tmp_path: Path) -> None:
    numbering = definition(1, level(0, "decimal", "%1.", start="x")) + instance(1, 1)
    path = word_file(tmp_path, numbering, [para("2029年工作要点"), para("学习", 1, 0)])
    assert refusal(path) == [
        f"{path}:2:1: Word numbers this paragraph with list 1, whose w:start is x, not a"
        " number, so its number is unknown" + ADVICE
    ]


def test_a_start_override_on_a_lower_level_holds_each_time_it_begins_again(
    tmp_path: Path,
) -> None:
    override = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride>'
    numbering = definition(
        1, level(0, "chineseCountingThousand", "%1、"), level(1, "decimal", "%2.")
    ) + instance(2, 1, override)
    path = word_file(
        tmp_path,
        numbering,
        [para("学习", 2, 0), para("读书。", 2, 1), para("组织", 2, 0), para("党费。", 2, 1)],
    )
    assert lines(path) == ["一、学习", "3.读书。", "二、组织", "3.党费。"]


def test_numbered_paragraphs_in_a_table_left_out_still_count(tmp_path: Path) -> None:
    table = f"<w:tbl><w:tr><w:tc>{para('表中一项。', 1, 1)}</w:tc></w:tr></w:tbl>"
    path = word_file(
        tmp_path,
        PLAN_LIST,
        [para("学习", 1, 0), para("读书。", 1, 1), table, para("研讨。", 1, 1)],
    )
    assert lines(path) == ["一、学习", "1.读书。", "3.研讨。"]


def test_a_list_defined_by_a_list_style_takes_the_styles_levels(tmp_path: Path) -> None:
    """A list style (w:numStyleLink) keeps its levels in the definition it links to."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="PlanList"/>'
        + level(0, "chineseCountingThousand", "%1、")
        + level(1, "decimal", "%2.")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="PlanList"/></w:abstractNum>'
        + instance(1, 1)
        + instance(2, 2)
    )
    list_style = (
        '<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="PlanList"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    path = word_file(tmp_path, numbering, [para("学习", 2, 0), para("读书。", 2, 1)], [list_style])
    assert lines(path) == ["一、学习", "1.读书。"]


# --------------------------------------------------------------------------- properties

_WORDS = "加强党建设学习工作开展落实制度"


@st.composite
def _plans(draw: st.DrawFn) -> Plan:
    words = st.text(alphabet=_WORDS, min_size=1, max_size=8)
    number = 0
    sections = []
    for _ in range(draw(st.integers(1, 12))):
        items = []
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            items.append(Item(number=number, title=draw(words), text=draw(words) + "。"))
        sections.append(Section(title=draw(words), items=items))
    return Plan(title="2031年工作要点", year=2031, preamble=draw(words) + "。", sections=sections)


@pytest.mark.slow
@settings(max_examples=examples(25))
@given(_plans())
def test_a_plan_word_numbers_itself_imports_as_the_same_plan(plan: Plan) -> None:
    """Sections `一、` and items `1.` numbered straight through, none of it in the text."""
    numbering = definition(
        1,
        level(0, "chineseCountingThousand", "%1、"),
        level(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    ) + instance(1, 1)
    body = [para(plan.title), para(plan.preamble)]
    for section in plan.sections:
        body.append(para(section.title, 1, 0))
        body += [para(f"{item.title}。{item.text}", 1, 1) for item in section.items]
    with tempfile.TemporaryDirectory() as folder:
        path = word_file(Path(folder), numbering, body)
        assert documents.import_document(documents.read_document(path)).plan == plan


@pytest.mark.slow
@settings(max_examples=examples(25))
@given(st.lists(st.integers(0, 2), min_size=1, max_size=30))
def test_levels_count_as_an_outline_does(levels: list[int]) -> None:
    """Each level counts from 1 again whenever a higher level advances."""
    numbering = definition(
        1,
        level(0, "decimal", "%1."),
        level(1, "decimal", "%1.%2."),
        level(2, "decimal", "%1.%2.%3."),
    ) + instance(1, 1)
    counters = [0, 0, 0]
    expected = []
    for depth in levels:
        counters[depth] += 1
        counters[depth + 1 :] = [0] * (2 - depth)
        # A level not used yet shows its start, 1.
        expected.append(".".join(str(max(count, 1)) for count in counters[: depth + 1]) + ".项")
    with tempfile.TemporaryDirectory() as folder:
        path = word_file(Path(folder), numbering, [para("项", 1, depth) for depth in levels])
        assert lines(path) == expected


def test_three_levels_numbered_by_word_give_their_golden_plan(tmp_path: Path) -> None:
    numbering = definition(
        2,
        level(0, "chineseCountingThousand", "%1、"),
        level(1, "chineseCountingThousand", "（%2）"),
        level(2, "decimal", "%3."),
    ) + instance(3, 2)
    path = word_file(
        tmp_path,
        numbering,
        [
            para("2031年XX局党建工作要点"),
            para("2031年党建工作的总体要求是：稳中求进。"),
            para("思想建设", 3, 0),
            para("理论学习", 3, 1),
            para("读原著。每月一次。", 3, 2),
            para("专题研讨。每季一次。", 3, 2),
            para("实践锻炼", 3, 1),
            para("调查研究。每年一次。", 3, 2),
            para("组织建设", 3, 0),
            para("收缴党费。按月收缴。", 3, 2),
        ],
    )
    imported = documents.import_document(documents.read_document(path))
    header = [i18n.t("import.header", source=path.name)]
    expected = (DATA / "word-numbered-three-levels.yaml").read_text(encoding="utf-8")
    assert documents.new_plan_yaml(imported.plan, header) == expected


def test_a_huge_start_is_written_in_digits_not_as_millions_of_letters(tmp_path: Path) -> None:
    numbering = definition(1, level(0, "lowerLetter", "%1.", start=10**12)) + instance(1, 1)
    assert lines(word_file(tmp_path, numbering, [para("读书。", 1, 0)])) == [f"{10**12}.读书。"]


def test_list_styles_that_link_in_a_loop_are_named_not_followed_forever(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Loop"/></w:abstractNum>'
        + instance(1, 1)
    )
    loop = (
        '<w:style w:type="numbering" w:styleId="Loop"><w:name w:val="Loop"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    path = word_file(tmp_path, numbering, [para("学习", 1, 0)], [loop])
    assert refusal(path) == [
        f"{path}:1:1: Word numbers this paragraph with list 1, which the document does not"
        " define (numbering.xml), so its number is unknown" + ADVICE
    ]
