"""The text of a .docx as its reader sees it: tracked changes, fields, content controls,
text boxes and tables; and archives that would unpack to more than any document."""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest

from plantrack import documents
from plantrack.errors import PlantrackError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def paragraph(*content: str) -> str:
    return "<w:p>" + "".join(content) + "</w:p>"


def word_file(tmp_path: Path, *blocks: str) -> Path:
    """A .docx whose body is the title, one section heading, then `blocks` as raw XML."""
    import docx
    from docx.oxml import parse_xml

    word = docx.Document()
    word.add_paragraph("2029年工作要点")
    word.add_paragraph("一、学习")
    body = word.element.body
    for block in blocks:
        element = parse_xml(re.sub(r"^<([\w:]+)", rf"<\1 {NAMESPACES}", block, count=1))
        body.insert(len(body) - 1, element)  # before the section properties, which end it
    path = tmp_path / "plan.docx"
    word.save(str(path))
    return path


def imported(path: Path) -> documents.Imported:
    return documents.import_document(documents.read_document(path))


def item_texts(path: Path) -> list[tuple[str, str]]:
    return [(item.title, item.text) for _, item in imported(path).plan.items()]


@pytest.mark.slow
def test_tracked_insertions_are_kept_and_deletions_left_out(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        paragraph(
            run("1.加强"),
            f"<w:ins w:id='1' w:author='A'>{run('理论')}</w:ins>",
            "<w:del w:id='2' w:author='A'><w:r><w:delText>业务</w:delText></w:r></w:del>",
            run("学习。每月一次。"),
        ),
    )
    assert item_texts(path) == [("加强理论学习", "每月一次。")]


@pytest.mark.slow
def test_text_inside_inline_markup_is_read_in_order(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        paragraph(
            run("1.学习"),
            f"<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>{run('党章')}"
            "</w:sdtContent></w:sdt>",
            f"<w:smartTag w:uri='u' w:element='e'>{run('党规')}</w:smartTag>",
            f"<w:customXml w:element='c'>{run('党纪')}</w:customXml>",
            f"<w:hyperlink w:anchor='a'>{run('文件')}</w:hyperlink>",
            f"<w:moveFrom w:id='3' w:author='A'>{run('旧处')}</w:moveFrom>",
            f"<w:moveTo w:id='4' w:author='A'>{run('。第')}</w:moveTo>",
            f"<w:fldSimple w:instr=' PAGE '>{run('3')}</w:fldSimple>",
            run("季度"),
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r>",
            '<w:r><w:instrText> DATE \\@ "M月" </w:instrText></w:r>',
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>",
            run("前"),
            "<w:r><w:fldChar w:fldCharType='end'/></w:r>",
            run("完成。"),
        ),
    )
    assert item_texts(path) == [("学习党章党规党纪文件", "第3季度前完成。")]


@pytest.mark.slow
def test_block_content_controls_and_text_boxes_are_read_in_order(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + paragraph(run("2.宣传。宣传一次。")) + "</w:txbxContent>"
    path = word_file(
        tmp_path,
        "<w:sdt><w:sdtContent>" + paragraph(run("1.学习。学习一次。")) + "</w:sdtContent></w:sdt>",
        paragraph(
            "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp>"
            f"<wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback>"
            f"<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        ),
        paragraph(run("3.组织。组织一次。")),
    )
    assert item_texts(path) == [
        ("学习", "学习一次。"),
        ("宣传", "宣传一次。"),
        ("组织", "组织一次。"),
    ]


@pytest.mark.slow
def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        "<w:p><w:pPr><w:rPr><w:del w:id='5' w:author='A'/></w:rPr></w:pPr>"
        + run("1.学习。每月")
        + "</w:p>",
        paragraph(run("一次。")),
    )
    assert item_texts(path) == [("学习", "每月一次。")]


@pytest.mark.slow
def test_an_embedded_object_is_named_with_its_paragraph(tmp_path: Path) -> None:
    path = word_file(
        tmp_path,
        paragraph(run("1.学习。学习一次。"), "<w:r><w:object><o:OLEObject/></w:object></w:r>"),
    )
    result = imported(path)
    assert [note.message for note in result.notes] == [
        "paragraph 3: an embedded object cannot be read as text and is not in the plan"
    ]


@pytest.mark.slow
def test_a_plan_kept_in_a_table_is_read_cell_by_cell(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    table = word.add_table(rows=4, cols=1)
    for row, text in zip(
        table.rows,
        ("2029年工作要点", "一、学习", "1.学习。学习一次。", "2.宣传。宣传一次。"),
        strict=True,
    ):
        row.cells[0].text = text
    path = tmp_path / "plan.docx"
    word.save(str(path))
    result = imported(path)
    assert [(item.title, item.text) for _, item in result.plan.items()] == [
        ("学习", "学习一次。"),
        ("宣传", "宣传一次。"),
    ]
    assert [note.message for note in result.notes] == [
        "the document's text is all in tables; import read each cell's paragraphs in order"
    ]


# --------------------------------------------------------------------------- zip bombs


def bomb(path: Path, size: int) -> None:
    """A .docx whose document.xml is `size` bytes of spaces, deflated to a few kilobytes."""
    import docx

    plain = path.with_suffix(".plain.docx")
    docx.Document().save(str(plain))
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
    ):
        for part in source.infolist():
            if part.filename != "word/document.xml":
                out.writestr(part, source.read(part))
        with out.open("word/document.xml", "w", force_zip64=True) as document:
            for _ in range(size // 2**20):
                document.write(b" " * 2**20)


def declare_size(path: Path, part: str, size: int) -> None:
    """Rewrite the size the archive's directory declares for `part`; the bytes stay."""
    data = bytearray(path.read_bytes())
    entry = 0
    while True:
        entry = data.index(b"PK\x01\x02", entry)
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if bytes(data[entry + 46 : entry + 46 + length]) == part.encode():
            struct.pack_into("<I", data, entry + 24, size)
            break
        entry += 4
    path.write_bytes(bytes(data))


@pytest.mark.slow
def test_a_part_that_would_unpack_too_large_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bomb.docx"
    bomb(path, 2**20)
    declare_size(path, "word/document.xml", 3 * 2**30)
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [
        f"{path}: the .docx part word/document.xml would unpack to 3,221,225,472 bytes"
        " (at most 64 MB); it is not a plan document"
    ]


@pytest.mark.slow
def test_a_part_larger_than_its_directory_says_is_read_no_further(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    bomb(path, 4 * 2**20)
    declare_size(path, "word/document.xml", 100)
    with pytest.raises(PlantrackError) as caught:
        documents.read_document(path)
    assert caught.value.lines() == [
        f"{path}: is a zip archive but not a Word document (.docx), or a damaged one"
    ]
