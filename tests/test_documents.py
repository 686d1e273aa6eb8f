"""Documents ⇄ plans: golden document/plan pairs, the seed's round trip, .docx, encodings,
malformed documents, and the YAML a new plan file is written in."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import Environment
from hypothesis import assume, given
from hypothesis import strategies as st

from plantrack import documents, i18n
from plantrack.errors import PlantrackError
from plantrack.model import Item, Plan, Section, Status
from plantrack.numerals import chinese_numeral
from plantrack.reading import Source, check
from plantrack.reading import load as load_plan
from plantrack.render import document as render_document
from plantrack.text import char_width, ends_sentence, width

DATA = Path(__file__).parent / "data" / "documents"
SEED = DATA / "seed-2022.txt"
COMMITTED_PLAN = Path(__file__).parent.parent / "plans" / "2022.yaml"
# Plain text, and Markdown as render --format markdown writes it.
GOLDEN = sorted([*DATA.glob("*.txt"), *DATA.glob("*.md")])
MALFORMED = sorted((DATA / "malformed").glob("*.txt"))


def import_file(path: Path, year: int | None = None) -> documents.Imported:
    return documents.import_document(documents.read_document(path), year)


def import_text(tmp_path: Path, text: str) -> documents.Imported:
    path = tmp_path / "document.txt"
    path.write_text(text, encoding="utf-8")
    return import_file(path)


def plan_file_text(path: Path, imported: documents.Imported) -> str:
    return documents.new_plan_yaml(imported.plan, [i18n.t("import.header", source=path.name)])


def notes(imported: documents.Imported) -> list[str]:
    return [note.message for note in imported.notes]


def normalised(text: str) -> list[str]:
    """Lines without trailing whitespace, blank lines left out."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------- golden pairs


@pytest.mark.slow
@pytest.mark.parametrize("document", GOLDEN, ids=lambda path: path.stem)
def test_document_gives_its_golden_plan(document: Path) -> None:
    expected = document.with_suffix(".yaml").read_text(encoding="utf-8")
    written = plan_file_text(document, import_file(document))
    assert written == expected
    result = check(Source(str(document), written))
    loaded, problems = result.loaded, result.problems
    assert problems == []
    assert loaded is not None


@pytest.mark.parametrize("document", GOLDEN, ids=lambda path: path.stem)
def test_rendered_document_imports_to_the_same_plan(document: Path, tmp_path: Path) -> None:
    plan = import_file(document).plan
    again = import_text(tmp_path, render_document.render_text(plan)).plan
    assert again == plan


# --------------------------------------------------------------------------- the seed


def test_seed_round_trip_gives_the_seed_back_under_its_title() -> None:
    imported = import_file(SEED)
    rendered = render_document.render_text(imported.plan)
    # The seed has no title line; render writes the plan's title first, then the seed.
    assert not imported.had_title
    assert normalised(rendered) == [imported.plan.title, *normalised(SEED.read_text("utf-8"))]


def test_seed_gives_the_committed_plan() -> None:
    committed = load_plan(COMMITTED_PLAN).plan
    imported = import_file(SEED)
    # The roles are the office's addition: the document has none.
    assert imported.plan == committed.model_copy(update={"roles": None})


def test_seed_title_comes_from_its_preamble_and_import_says_so() -> None:
    imported = import_file(SEED)
    assert imported.plan.title == "2022年市委政研室机关党的建设工作要点"
    assert notes(imported) == [
        "the document has no title line; the plan's title is taken from its preamble:"
        " 2022年市委政研室机关党的建设工作要点"
    ]


def test_document_with_a_title_line_renders_back_as_itself() -> None:
    document = DATA / "gbk.txt"
    rendered = render_document.render_text(import_file(document).plan)
    assert normalised(rendered) == normalised(document.read_bytes().decode("gbk"))


# --------------------------------------------------------------------------- conventions


def test_restarting_numbers_are_renumbered_and_said() -> None:
    imported = import_file(DATA / "restart-numbers.txt")
    assert [item.number for _, item in imported.plan.items()] == [1, 2, 3, 4, 5]
    assert notes(imported) == [
        "the document numbers its items differently; the plan numbers them 1–5 straight"
        " through (renumbered)"
    ]


def test_gbk_text_is_read_and_its_encoding_named() -> None:
    imported = import_file(DATA / "gbk.txt")
    assert imported.encoding == "GB18030"
    assert imported.plan.title == "2028年XX党支部工作要点"


def test_unbalanced_quotation_mark_in_a_heading_does_not_swallow_the_title(
    tmp_path: Path,
) -> None:
    imported = import_text(
        tmp_path,
        "2023年工作要点\n一、学习\n1.深刻领会“两个确立。坚持“第一议题”。\n",
    )
    item = imported.plan.sections[0].items[0]
    assert (item.title, item.text) == ("深刻领会“两个确立", "坚持“第一议题”。")


def test_year_option_wins_over_the_document(tmp_path: Path) -> None:
    path = tmp_path / "document.txt"
    path.write_text("2023年工作要点\n一、学习\n1.学习。学。\n", encoding="utf-8")
    assert import_file(path, year=2031).plan.year == 2031


def test_title_without_a_preamble_subject_is_the_year_plan(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "2023年要突出抓好以下工作。\n一、学习\n1.学习。学。\n")
    assert imported.plan.title == "2023年工作要点"
    assert notes(imported) == [
        "the document has no title line; the plan's title is: 2023年工作要点"
    ]


def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "document.txt"
    path.write_bytes("2023年工作要点\r\n一、学习\r\n1.学习。学。\r\n".encode("utf-16"))
    imported = import_file(path)
    assert (imported.encoding, imported.plan.sections[0].items[0].title) == ("UTF-16", "学习")


def test_signature_and_date_after_the_last_item_are_reported_not_imported() -> None:
    imported = import_file(DATA / "signature-and-date.txt")
    assert imported.plan.sections[-1].items[-1].text == "每季度开展一次专题调研。"
    assert notes(imported) == [
        "lines 8–9 (the signature and date after the last item) are not imported:"
        " 中共XX市委政研室机关委员会 2023年1月5日"
    ]


def test_a_signature_right_under_the_last_item_is_not_glued_into_it(tmp_path: Path) -> None:
    imported = import_text(
        tmp_path, "2023年工作要点\n一、学习\n1.学习。学。\n中共XX支部委员会\n2023年1月5日\n"
    )
    assert imported.plan.sections[0].items[0].text == "学。"
    assert notes(imported) == [
        "lines 4–5 (the signature and date after the last item) are not imported:"
        " 中共XX支部委员会 2023年1月5日"
    ]


def test_a_date_alone_after_the_last_item_is_reported_and_a_sentence_before_it_kept(
    tmp_path: Path,
) -> None:
    imported = import_text(
        tmp_path, "2023年工作要点\n一、学习\n1.学习。学。\n全年完成。\n2023年1月5日\n"
    )
    assert imported.plan.sections[0].items[0].text == "学。\n全年完成。"
    assert notes(imported) == [
        "line 5 (the date after the last item) is not imported: 2023年1月5日"
    ]


def test_an_indented_signature_and_a_date_in_chinese_numerals_are_a_closing_block(
    tmp_path: Path,
) -> None:
    imported = import_text(
        tmp_path,
        "2023年工作要点\n一、学习\n1.学习。学。\n　　中共XX支部委员会\n　　二〇二三年一月五日\n",
    )
    assert imported.plan.sections[0].items[0].text == "学。"
    assert notes(imported) == [
        "lines 4–5 (the signature and date after the last item) are not imported:"
        " 中共XX支部委员会 二〇二三年一月五日"
    ]


@pytest.mark.parametrize(
    ("closing", "text", "left_out"),
    [
        # Set apart by a blank line, but no organisation's name: the item's last line.
        ("\n报送县委办公室审定\n2023年1月5日\n", "学。\n报送县委办公室审定", [6]),
        ("　　报送县委办公室审定\n2023年1月5日\n", "学。\n报送县委办公室审定", [5]),
        # Two organisations signing together.
        ("中共XX县委办公室　XX县人民政府办公室\n2023年1月5日\n", "学。", [4, 5]),
        ("XX县示范局（盖章）\n2023年1月5日\n", "学。", [4, 5]),
    ],
)
def test_only_a_line_that_names_an_organisation_signs_before_the_date(
    tmp_path: Path, closing: str, text: str, left_out: list[int]
) -> None:
    imported = import_text(tmp_path, "2023年工作要点\n一、学习\n1.学习。学。\n" + closing)
    assert imported.plan.sections[0].items[0].text == text
    assert [entry.line for entry in imported.left_out] == left_out


def test_a_date_inside_an_item_is_its_text(tmp_path: Path) -> None:
    imported = import_text(
        tmp_path, "2023年工作要点\n一、学习\n1.学习。学。\n2023年1月5日\n2.宣传。宣。\n"
    )
    assert imported.plan.sections[0].items[0].text == "学。\n2023年1月5日"
    assert notes(imported) == []


def test_sections_past_ninety_nine_are_read(tmp_path: Path) -> None:
    numerals = [chinese_numeral(number) for number in range(1, 122)]
    text = "2023年工作要点\n" + "".join(
        f"{numeral}、第{number}部分\n{number}.事项。内容。\n"
        for number, numeral in enumerate(numerals, start=1)
    )
    plan = import_text(tmp_path, text).plan
    assert [section.title for section in plan.sections][99:102] == [
        "第100部分",
        "第101部分",
        "第102部分",
    ]
    assert len(plan.items()) == 121


def test_items_numbered_in_parentheses_under_an_item_stay_in_its_text(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "2023年工作要点\n一、学习\n1.学习：\n（1）读书；\n(2)读报。\n")
    item = imported.plan.sections[0].items[0]
    assert (item.title, item.text) == ("学习：", "（1）读书；\n(2)读报。")


@pytest.mark.parametrize(
    "content", [b"", b"\xef\xbb\xbf", b"\n\r\n  \n", "\ufeff\u3000\n".encode()]
)
def test_an_empty_document_is_said_to_be_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(PlantrackError) as caught:
        import_file(path)
    assert caught.value.lines() == [f"{path}: the document is empty"]


# --------------------------------------------------------------------------- .docx


@pytest.mark.slow
def test_docx_built_with_python_docx(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("2029年XX党支部工作要点").alignment = 1  # centred, as titles are
    word.add_paragraph("2029年XX党支部工作的总体要求是：固本培元。")
    word.add_paragraph("一、政治建设")
    word.add_paragraph("1．加强理论学习。每月集中学习一次。")
    item = word.add_paragraph("2．开展专题研讨")
    item.add_run().add_break()  # a soft line break: the body on the heading's next line
    item.add_run("每季度开展一次。")
    word.add_paragraph("")
    word.add_paragraph("二、组织建设")
    word.add_paragraph("1．规范党费收缴。按月收缴党费。")
    path = tmp_path / "plan.docx"
    word.save(str(path))

    imported = import_file(path)
    expected = (DATA / "word-document.yaml").read_text(encoding="utf-8")
    assert plan_file_text(path, imported) == expected
    assert imported.encoding == "docx"


@pytest.mark.slow
def test_docx_tables_are_said_to_be_left_out(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    for text in ("2029年工作要点", "一、学习", "1.学习。学。"):
        word.add_paragraph(text)
    word.add_table(rows=2, cols=2).cell(0, 0).text = "序号"
    word.add_paragraph("2.宣传。宣。")
    path = tmp_path / "plan.docx"
    word.save(str(path))
    imported = import_file(path)
    assert [item.title for _, item in imported.plan.items()] == ["学习", "宣传"]
    assert notes(imported) == [
        "the document has 1 table(s), after paragraph(s) 3; import reads paragraphs only, so"
        " their text is not in the plan"
    ]


@pytest.mark.slow
def test_docx_problems_name_the_paragraph(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    item = word.add_paragraph("2029年工作要点")
    item.add_run().add_break()
    item.add_run("副标题")
    for text in ("一、学习", "1.学习。学。", "3.宣传。宣。"):
        word.add_paragraph(text)
    path = tmp_path / "plan.docx"
    word.save(str(path))
    with pytest.raises(PlantrackError) as caught:
        import_file(path)
    assert caught.value.lines() == [f"{path}:4:1: item 3 follows item 1; expected 2"]


@pytest.mark.slow
def test_an_empty_docx_is_said_to_be_empty(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "plan.docx"
    docx.Document().save(str(path))
    with pytest.raises(PlantrackError) as caught:
        import_file(path)
    assert caught.value.lines() == [f"{path}: the document is empty"]


@pytest.mark.slow
def test_docx_numbered_by_a_word_list_style_reads_its_numbers(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    for text in ("2029年工作要点", "一、学习"):
        word.add_paragraph(text)
    word.add_paragraph("学习。学。", style="List Number")
    word.add_paragraph("宣传。宣。", style="List Number")
    path = tmp_path / "plan.docx"
    word.save(str(path))
    items = import_file(path).plan.sections[0].items
    assert [(item.number, item.title, item.text) for item in items] == [
        (1, "学习", "学。"),
        (2, "宣传", "宣。"),
    ]


@pytest.mark.slow
def test_docx_with_bullets_is_read(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    for text in ("2029年工作要点", "一、学习", "1.学习。学。"):
        word.add_paragraph(text)
    word.add_paragraph("读书。", style="List Bullet")
    path = tmp_path / "plan.docx"
    word.save(str(path))
    assert import_file(path).plan.sections[0].items[0].text == "学。\n读书。"


def test_damaged_docx_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip archive")
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [
        f"{path}: is a zip archive but not a Word document (.docx), or a damaged one"
    ]


def test_word_97_document_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [
        f"{path}: this is a Word 97–2003 .doc file; save it as .docx or as text (.txt)"
        " and import that"
    ]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "plan.docx",
            OLE + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64,
            "this document is protected by a password (encrypted); open it in Word or WPS,"
            " remove the password, save it as .docx or as text (.txt) and import that",
        ),
        (
            "plan.wps",
            OLE + b"\x00" * 100,
            "this is a WPS Writer .wps file; in WPS, save it as .docx or as text (.txt)"
            " and import that",
        ),
        (
            "plan.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "this is a PDF file, which import cannot read; copy its text into a .txt file"
            " (or save it as .docx) and import that",
        ),
        (
            "plan.rtf",
            b"{\\rtf1\\ansi plan}",
            "this is an RTF file; save it as .docx or as text (.txt) and import that",
        ),
        (
            "scanned.pdf",
            b"\x00\x01junk before the header\n%PDF-1.4\n",
            "this is a PDF file, which import cannot read; copy its text into a .txt file"
            " (or save it as .docx) and import that",
        ),
        *(
            (
                name,
                content,
                "this is a web page or XML file (as Word and WPS save them), not a document"
                " import can read; open it in Word or WPS, save it as .docx or as text (.txt)"
                " and import that",
            )
            for name, content in [
                ("plan.doc", b"\xef\xbb\xbf  <html xmlns:w='urn:schemas-microsoft-com'>"),
                ("plan.htm", b"<!DOCTYPE html><html><body>2031</body></html>"),
                ("plan.xml", b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'),
                ("plan.mht", b"MIME-Version: 1.0\r\nContent-Type: multipart/related"),
            ]
        ),
        *(
            (
                name,
                content,
                "this is an image, not text; copy or type the plan's text into a .txt file"
                " (or a .docx) and import that",
            )
            for name, content in [
                ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
                ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
                ("scan.gif", b"GIF89a\x01\x00"),
                ("scan.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 "),
                ("scan.tif", b"II*\x00\x08\x00"),
                ("scan.bmp", b"BM\x36\x00\x00\x00"),
                ("photo.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"),
            ]
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and value.count(".") == 1 else "",
)
def test_files_that_are_not_text_are_refused_naming_what_to_do(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [f"{path}: {message}"]


def test_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    os.mkfifo(path)  # reading it would wait for a writer forever
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [
        f"{path}: is not a regular file (a pipe or a device?); import reads a document saved"
        " as a file"
    ]


def test_a_document_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    with path.open("wb") as handle:
        handle.truncate(16 * 2**20 + 1)
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [
        f"{path}: the file is 16,777,217 bytes; a plan document is at most 16 MB"
    ]


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(tmp_path)
    assert caught.value.lines() == [f"{tmp_path}: is a folder, not a document"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("2029年工作要点\n一、学习\n1.学习。学习一次。\n".encode(codec))
    result = import_file(path)
    assert (result.encoding, result.plan.title) == ("UTF-16", "2029年工作要点")
    assert [item.title for _, item in result.plan.items()] == ["学习"]


# --------------------------------------------------------------------------- malformed


@pytest.mark.parametrize("document", MALFORMED, ids=lambda path: path.stem)
def test_malformed_document_gives_located_messages(
    document: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(document.parent)
    with pytest.raises(PlantrackError) as caught:
        documents.import_document(documents.read_document(document.name))
    expected = document.with_suffix(".messages").read_text(encoding="utf-8").splitlines()
    assert caught.value.lines() == expected


def test_messages_speak_chinese(environment: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    environment(PLANTRACK_LANG="zh")
    monkeypatch.chdir(DATA / "malformed")
    with pytest.raises(PlantrackError) as caught:
        documents.import_document(documents.read_document("numbers-skip.txt"))
    assert caught.value.lines()[0] == "numbers-skip.txt:6:1: 事项 4 紧接在事项 2 之后；应为 3"


# --------------------------------------------------------------------------- render


def tracked_plan() -> Plan:
    return Plan(
        title="2022年*重点*工作要点",
        year=2022,
        preamble="总体要求是：稳中求进。\n第二段。",
        sections=[
            Section(
                title="加强纪律建设",
                items=[
                    Item(
                        number=14,
                        title="严格纪律规矩刚性约束",
                        text="常态化开展警示教育。\n1.5万元专款专用。",
                        owner="纪检委员",
                        status=Status.DOING,
                        progress=40,
                        due=dt.date(2022, 6, 30),
                    ),
                    Item(number=15, title="为什么要学？", text="因为要用。"),
                ],
            )
        ],
    )


def test_render_text() -> None:
    assert render_document.render_text(tracked_plan()) == (
        "2022年*重点*工作要点\n"
        "总体要求是：稳中求进。\n"
        "第二段。\n"
        "一、加强纪律建设\n"
        "14.严格纪律规矩刚性约束。常态化开展警示教育。\n"
        "1.5万元专款专用。（牵头单位：纪检委员；完成时限：6月底前）\n"
        "15.为什么要学？\n"
        "因为要用。\n"
    )


def test_render_markdown_without_status_is_the_plan_and_its_owners() -> None:
    assert render_document.render_markdown(tracked_plan()) == (
        "# 2022年\\*重点\\*工作要点\n"
        "\n"
        "总体要求是：稳中求进。\n"
        "\n"
        "第二段。\n"
        "\n"
        "## 一、加强纪律建设\n"
        "\n"
        "14. **严格纪律规矩刚性约束**。常态化开展警示教育。\n"
        "\n"
        "    1\\.5万元专款专用。（牵头单位：纪检委员；完成时限：6月底前）\n"
        "\n"
        "15. **为什么要学？** 因为要用。\n"
    )


def test_render_markdown_with_status_has_a_tracking_line_under_each_item() -> None:
    assert render_document.render_markdown(tracked_plan(), with_status=True) == (
        "# 2022年\\*重点\\*工作要点\n"
        "\n"
        "总体要求是：稳中求进。\n"
        "\n"
        "第二段。\n"
        "\n"
        "## 一、加强纪律建设\n"
        "\n"
        "14. **严格纪律规矩刚性约束**。常态化开展警示教育。\n"
        "\n"
        "    1\\.5万元专款专用。（牵头单位：纪检委员；完成时限：6月底前）\n"
        "\n"
        "    Owner: 纪检委员 · Status: doing · Progress: 40% · Due: 2022-06-30\n"
        "\n"
        "15. **为什么要学？** 因为要用。\n"
        "\n"
        "    Owner: — · Status: todo · Progress: — · Due: —\n"
    )


# --------------------------------------------------------------------------- writing YAML

_TEXT = st.text(st.characters(exclude_categories=("Cs",)))


@pytest.mark.slow
@given(_TEXT)
def test_any_text_is_written_as_a_scalar_that_reads_back(value: str) -> None:
    assert yaml.safe_load(f"key: {documents.yaml_scalar(value)}\n") == {"key": value}


@pytest.mark.slow
@given(
    title=_TEXT.filter(bool),
    preamble=_TEXT,
    item_title=_TEXT.filter(bool),
    text=_TEXT,
)
def test_new_plan_file_loads_as_the_same_plan(
    title: str, preamble: str, item_title: str, text: str
) -> None:
    plan = Plan(
        title=title,
        year=2023,
        preamble=preamble,
        roles=["书记", "yes"],
        sections=[Section(title=title, items=[Item(number=1, title=item_title, text=text)])],
    )
    result = check(Source("plan.yaml", documents.new_plan_yaml(plan)))
    loaded, problems = result.loaded, result.problems
    assert problems == []
    assert loaded is not None and loaded.plan == plan


def test_plain_scalars_where_yaml_allows_them() -> None:
    assert documents.yaml_scalar("加强理论学习：每月一次") == "加强理论学习：每月一次"
    assert documents.yaml_scalar("2022") == "'2022'"
    assert documents.yaml_scalar("a: b") == "'a: b'"
    assert documents.yaml_scalar("第一段\n第二段") == '"第一段\\n第二段"'


# --------------------------------------------------------------------------- init


def test_skeleton_loads_as_a_plan() -> None:
    result = check(Source("2023.yaml", documents.skeleton_yaml(2023)))
    loaded, problems = result.loaded, result.problems
    assert problems == []
    assert loaded is not None and loaded.plan.year == 2023


def test_next_year_plan_clears_tracking_and_moves_the_year() -> None:
    previous = tracked_plan()
    plan = documents.next_year_plan(previous, 2023)
    assert plan.title == "2023年*重点*工作要点"
    assert [(i.number, i.title, i.text) for _, i in plan.items()] == [
        (i.number, i.title, i.text) for _, i in previous.items()
    ]
    assert all(
        (i.owner, i.status, i.progress, i.due, i.log) == (None, None, None, None, None)
        for _, i in plan.items()
    )
    assert [i.number for i in documents.not_done(previous)] == [14, 15]


# --------------------------------------------------------------------------- render ⇄ import

_WORDS = "加强党建设学习工作开展落实制度XX１２3，、；："
_ENDS = "。！？；"
# A title or a paragraph that starts with a number would read as an item heading.
_FIRST = "".join(char for char in _WORDS if not char.isdigit())
# A title has no 。 of its own outside quotation marks (import ends it at the first one),
# and its marks are closed within it: a mark closed only in the text after the title would
# make the first 。 ambiguous, and import reads it as quoted. It may end in ？ or ：, which
# puts it on a line of its own with the body after it.
_QUOTED = ["“{}”", "《{}》", "‘{}’", "", "", ""]


@st.composite
def _title(draw: st.DrawFn, size: int) -> str:
    head = draw(st.sampled_from(_FIRST)) + draw(st.text(alphabet=_WORDS, max_size=max(0, size - 1)))
    quote = draw(st.sampled_from(_QUOTED))
    inner = draw(st.text(alphabet=_WORDS + "。", max_size=max(0, size - len(head))))
    return head + quote.format(inner) + draw(st.sampled_from(["", "", "？", "："]))


# A paragraph of text ends a sentence: one that stopped at the margin without ending one,
# in a document whose lines mostly reach it, is what hard-wrapped text looks like.
@st.composite
def _paragraph(draw: st.DrawFn, size: int, longer: int = 0) -> str:
    first = draw(st.sampled_from(_FIRST + "“《"))
    alphabet = _WORDS + "。“”《》"
    words = draw(
        st.text(alphabet=alphabet, min_size=max(0, size - 1), max_size=max(0, size - 1) + longer)
    )
    return first + words + draw(st.sampled_from(_ENDS))


@st.composite
def _plans(draw: st.DrawFn, width: int | None = None, preamble: int = 0) -> Plan:
    """Plans, short ones among them: with `width`, every line but item headings and body
    paragraphs fits in it (those are to be wrapped); `preamble`, the first preamble
    paragraph's least length. A uniform plan has every text the same length, so that its
    lines reach the same width as its title and headings do."""
    uniform = draw(st.booleans())
    size = draw(st.integers(1, 12))
    heading_size = (width - 6) // 2 if width else 14

    def text_size() -> tuple[int, int]:
        return (size, 0) if uniform else (0, 40)

    # Titles and headings as wide as the text, or nearly, as often as shorter ones.
    near = st.integers(heading_size - 2, heading_size) | st.integers(1, heading_size)

    def heading_title() -> str:
        cut = size if uniform else draw(near)
        title = draw(_title(cut))
        assume(width is None or width_of(title) <= width - 4)
        return title

    def paragraphs(least: int = 0) -> str:
        low, more = text_size()
        # Hard-wrapped text shows its margin in paragraphs of several lines, not in many
        # short ones: a wrapped plan has fewer paragraphs to an item.
        count = draw(st.integers(0, 1 if width else 3))
        first = [draw(_paragraph(max(low, least), more))] if least else []
        return "\n".join(first + [draw(_paragraph(low, more)) for _ in range(count)])

    sections = []
    number = 0
    for _ in range(draw(st.integers(1, 4))):
        items = []
        for _ in range(draw(st.integers(1, 4))):
            number += 1
            items.append(Item(number=number, title=heading_title(), text=paragraphs()))
        sections.append(Section(title=heading_title(), items=items))
    title_size = draw(near)
    title_words = draw(st.text(alphabet="党建工作要点XX", min_size=title_size, max_size=title_size))
    return Plan(
        title="2023年" + title_words,
        year=2023,
        preamble=paragraphs(preamble),
        sections=sections,
    )


def width_of(text: str) -> int:
    return max(width(line) for line in text.split("\n"))


def _as_read(lines: list[str]) -> documents.Document:
    return documents.text_document("plan.txt", "\n".join(lines))


@pytest.mark.slow
@given(_plans())
def test_import_reads_back_any_rendered_plan(plan: Plan) -> None:
    lines = render_document.render_text(plan).splitlines()
    assert documents.import_document(_as_read(lines)).plan == plan


def test_a_short_plan_with_lines_of_one_width_reads_back() -> None:
    plan = Plan(
        title="2023年XX要点",
        year=2023,
        preamble="学习工作。",
        sections=[
            Section(title="学习", items=[Item(number=1, title="学学", text="学习工作。")]),
            Section(title="工作", items=[Item(number=2, title="做做", text="做好工作。")]),
        ],
    )
    lines = render_document.render_text(plan).splitlines()
    assert documents.import_document(_as_read(lines)).plan == plan


def test_page_breaks_are_layout_and_line_numbers_count_only_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "document.txt"
    path.write_text(
        "2023年工作要点\f\n\f一、学习\n\f\n1.学习。学。\n2.宣传\n3.\n", encoding="utf-8"
    )
    with pytest.raises(PlantrackError) as caught:
        import_file(path)
    assert caught.value.lines() == [f"{path}:6:1: item 3 has no title"]


def _hard_wrap(line: str, cells: int) -> list[str] | None:
    """`line` broken at `cells` display cells as a PDF's text is, moving a break back a
    character or two (within the slack import allows) so that no piece but the last ends a
    sentence and none after the first starts with a number. None when that cannot be done."""
    pieces = []
    rest = line
    while width(rest) > cells:
        end = 0
        used = 0
        while used + char_width(rest[end]) <= cells:
            used += char_width(rest[end])
            end += 1
        while end > 0 and (ends_sentence(rest[:end]) or rest[end].isdigit()):
            end -= 1
        if width(rest[:end]) < cells - 4:
            return None
        pieces.append(rest[:end])
        rest = rest[end:]
    return [*pieces, rest]


_HEADING = re.compile(r"[0-9]+\.|[一二三四五六七八九十]+、")


@st.composite
def _wrapped(draw: st.DrawFn) -> tuple[Plan, list[str]]:
    """A plan and its rendering hard-wrapped at some width, with its title and section
    headings up to that width, and a preamble long enough to show the wrapping: at least
    two body lines broken at the margin, and more than end short before another body line.
    """
    cells = draw(st.integers(30, 60))
    plan = draw(_plans(width=cells, preamble=2 * cells))
    lines: list[str] = []
    full = short = 0
    previous_body = False
    for index, line in enumerate(render_document.render_text(plan).splitlines()):
        pieces = _hard_wrap(line, cells)
        assume(pieces is not None)
        assert pieces is not None
        for position, piece in enumerate(pieces):
            body = position > 0 or (index > 0 and not _HEADING.match(line))
            if previous_body and body and len(lines) > 1:
                if width(lines[-1]) >= cells - 4:
                    full += 1
                else:
                    short += 1
            lines.append(piece)
            previous_body = body
    assume(full >= 2 and full > short)
    return plan, lines


@pytest.mark.slow
@given(_wrapped())
def test_import_joins_any_hard_wrapped_rendering(wrapped: tuple[Plan, list[str]]) -> None:
    plan, lines = wrapped
    assert documents.import_document(_as_read(lines)).plan == plan


@pytest.mark.parametrize(
    "opener, closer", [("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("《", "》")]
)
def test_a_full_stop_inside_quotation_marks_stays_in_the_title(
    tmp_path: Path, opener: str, closer: str
) -> None:
    imported = import_text(
        tmp_path, f"2023年工作要点\n一、学习\n1.学习{opener}坚持。落实{closer}。每月一次。\n"
    )
    item = imported.plan.sections[0].items[0]
    assert (item.title, item.text) == (f"学习{opener}坚持。落实{closer}", "每月一次。")


def test_a_full_stop_inside_brackets_ends_the_title(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "2023年工作要点\n一、学习\n1.学习【试行。】每月一次。\n")
    item = imported.plan.sections[0].items[0]
    assert (item.title, item.text) == ("学习【试行", "】每月一次。")


# --------------------------------------------------------------------------- the front


NOTICE = DATA / "notice-two-line-title-signature.txt"


def test_the_notice_around_a_plan_is_left_out_line_by_line() -> None:
    imported = import_file(NOTICE)
    assert [(entry.line, entry.reason) for entry in imported.left_out] == [
        (1, "notice"),
        (2, "notice"),
        (4, "notice"),
        (5, "notice"),
        (7, "notice"),
        (8, "notice"),
        (19, "closing"),
        (20, "closing"),
    ]
    assert notes(imported)[:2] == [
        "line 1 (the notice the plan was sent with) is not imported: 各科室、各基层党支部：",
        "line 2 (the notice the plan was sent with) is not imported:"
        " 现将《2031年党建工作要点》印发给你们，请结合实际认真贯彻落实。",
    ]
    assert imported.plan.preamble == "2031年全局党建工作的总体要求是：坚持稳中求进。"
    assert imported.plan.sections[-1].items[-1].text == "按时召开会议。"


def test_a_title_in_two_lines_is_joined_and_said(tmp_path: Path) -> None:
    imported = import_file(NOTICE)
    assert imported.plan.title == "中共东山县示范局党组2031年党建工作要点"
    assert [note.message for note in imported.taken] == [
        "title from lines 10–11, joined: 中共东山县示范局党组2031年党建工作要点",
        "preamble from line 13",
        "sections and items from lines 14–18",
        "year 2031, from the title",
    ]


def test_a_second_line_that_does_not_name_a_plan_is_the_preamble(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "2031年工作要点\n全局上下齐心协力\n一、学习\n1.学习。学。\n")
    assert (imported.plan.title, imported.plan.preamble) == ("2031年工作要点", "全局上下齐心协力")


def test_the_title_option_replaces_the_documents_title_lines() -> None:
    imported = documents.import_document(documents.read_document(NOTICE), title="示范局要点")
    assert imported.plan.title == "示范局要点"
    assert [(entry.line, entry.text) for entry in imported.left_out if entry.reason == "title"] == [
        (10, "中共东山县示范局党组"),
        (11, "2031年党建工作要点"),
    ]
    assert imported.taken[-1].message == "year 2031, from the preamble"


def test_the_year_says_where_it_came_from(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("一、学习\n1.学习。学。\n", encoding="utf-8")
    imported = import_file(path, year=2031)
    assert [note.message for note in imported.taken] == [
        "sections and items from lines 1–2",
        "year 2031, from --year",
    ]
    assert imported.year_from == "option"


def test_full_width_numbers_and_a_space_after_the_section_numeral(tmp_path: Path) -> None:
    imported = import_text(
        tmp_path,
        "2031年工作要点\n一、 学习\n１．学习。学。\n２、宣传。宣。\n二 、组织\n３ ．组织。组。\n",
    )
    assert [section.title for section in imported.plan.sections] == ["学习", "组织"]
    assert [item.title for _, item in imported.plan.items()] == ["学习", "宣传", "组织"]


def test_a_notice_after_the_title_is_left_out_not_read_as_the_preamble() -> None:
    imported = import_file(DATA / "notice-after-title.txt")
    assert [(entry.line, entry.reason) for entry in imported.left_out] == [
        (2, "notice"),
        (3, "notice"),
        (4, "notice"),
        (5, "notice"),
    ]
    assert imported.plan.title == "2033年西岭县示范局党建工作要点"
    assert imported.plan.preamble.startswith("2033年全局党建工作的总体要求是")
    assert [note.message for note in imported.taken][:2] == [
        "title from line 1: 2033年西岭县示范局党建工作要点",
        "preamble from line 7",
    ]


def test_the_notices_own_title_and_letterhead_are_left_out() -> None:
    imported = import_file(DATA / "notice-title-first.txt")
    assert [entry.line for entry in imported.left_out] == [1, 2, 3, 4, 5, 6, 7]
    assert (imported.plan.title, imported.taken[0].message) == (
        "2033年党建工作要点",
        "title from line 9: 2033年党建工作要点",
    )


def test_a_preamble_lead_in_is_not_taken_for_the_offices_a_notice_is_sent_to(
    tmp_path: Path,
) -> None:
    imported = import_text(
        tmp_path,
        "2033年工作要点\n坚持稳中求进、守正创新的总体要求是：\n抓基层、打基础。\n一、学习\n1.学习。学。\n",
    )
    assert imported.left_out == []
    assert imported.plan.preamble == "坚持稳中求进、守正创新的总体要求是：\n抓基层、打基础。"


@pytest.mark.parametrize("offices", ["机关各党支部：", "市直各单位："])
def test_offices_named_as_one_group_are_the_notices_not_the_preamble(
    tmp_path: Path, offices: str
) -> None:
    imported = import_text(
        tmp_path,
        f"关于印发《2031年工作要点》的通知\n{offices}\n现将《2031年工作要点》印发给你们。\n"
        "2031年工作要点\n总体要求是：稳中求进。\n一、学习\n1.学习。学。\n",
    )
    assert [(entry.line, entry.reason) for entry in imported.left_out] == [
        (1, "notice"),
        (2, "notice"),
        (3, "notice"),
    ]
    assert (imported.plan.title, imported.plan.preamble) == (
        "2031年工作要点",
        "总体要求是：稳中求进。",
    )


def test_notice_lines_before_and_after_the_title_are_listed_in_the_documents_order(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "东示发〔2033〕2号\n2033年工作要点\n各科室：\n现将《2033年工作要点》印发给你们，请认真执行。\n"
        "一、学习\n1.学习。学。\n",
        encoding="utf-8",
    )
    imported = documents.import_document(documents.read_document(path), title="2033年要点")
    assert [(entry.line, entry.reason) for entry in imported.left_out] == [
        (1, "notice"),
        (2, "title"),
        (3, "notice"),
        (4, "notice"),
    ]


def test_hard_wrapped_items_whose_heading_lines_wrap_are_joined_and_said() -> None:
    imported = import_file(DATA / "wrapped-item-lines.txt")
    assert imported.plan.sections[1].items[0].text == (
        "严格落实“三会一课”制度，按期召开支部委员会和党员大会，组织生活会前认真开展谈心谈话。"
    )
    assert notes(imported) == [
        "the text is hard-wrapped (as text taken from a PDF is): lines 4–5, 6–7, 10–11, 12–13"
        " were each joined into one paragraph"
    ]


def test_the_imprint_that_ends_an_official_document_is_not_glued_into_the_last_item(
    tmp_path: Path,
) -> None:
    imported = import_text(
        tmp_path,
        "2031年工作要点\n一、学习\n1.学习。学。\n2.宣传。宣。\n东山县示范局\n2031年1月5日\n"
        "抄送：县委办公室，县政府办公室。\n东山县示范局办公室　　2031年1月5日印发\n",
    )
    assert imported.plan.sections[0].items[-1].text == "宣。"
    assert [(entry.line, entry.reason) for entry in imported.left_out] == [
        (5, "closing"),
        (6, "closing"),
        (7, "imprint"),
        (8, "imprint"),
    ]
    assert notes(imported)[1:] == [
        "line 7 (the copy-to or printing line that ends an official document) is not imported:"
        " 抄送：县委办公室，县政府办公室。",
        "line 8 (the copy-to or printing line that ends an official document) is not imported:"
        " 东山县示范局办公室　　2031年1月5日印发",
    ]


def test_an_item_that_mentions_a_printing_date_stays_an_item(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "2031年工作要点\n一、学习\n1.学习。2031年1月5日印发\n")
    assert imported.plan.sections[0].items[0].text == "2031年1月5日印发"


def test_a_notice_that_ends_in_lines_of_its_own_is_left_out_to_its_end(tmp_path: Path) -> None:
    imported = import_text(
        tmp_path,
        "各科室：\n现将《2031年工作要点》印发给你们。\n请认真贯彻执行。\n特此通知。\n"
        "东山县示范局\n2031年1月5日\n2031年工作要点\n总体要求是：稳中求进。\n一、学习\n1.学习。学。\n",
    )
    assert [entry.line for entry in imported.left_out] == [1, 2, 3, 4, 5, 6]
    assert (imported.plan.title, imported.plan.preamble) == (
        "2031年工作要点",
        "总体要求是：稳中求进。",
    )


@pytest.mark.parametrize("mark", ["附件", "附件1", "附件：2031年工作要点"])
def test_the_attachment_mark_above_the_plan_is_not_its_title(tmp_path: Path, mark: str) -> None:
    imported = import_text(tmp_path, f"{mark}\n2031年工作要点\n一、学习\n1.学习。学。\n")
    assert imported.plan.title == "2031年工作要点"
    assert [(entry.line, entry.reason) for entry in imported.left_out] == [(1, "notice")]
