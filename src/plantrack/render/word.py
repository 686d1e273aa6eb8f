"""Blocks as a Word document in the layout of official documents (GB/T 9704): A4, the title in
2号 方正小标宋简体, 一、 headings in 3号 黑体, （一） headings in 3号 楷体_GB2312, body in 3号
仿宋_GB2312, tables with a grid."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from plantrack.render.blocks import Block, Bullet, Grid, Heading, Paragraph, Title

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
# Chinese type sizes in points: 2号 22, 3号 16, 4号 14, 5号 10.5.
TITLE_SIZE = 22.0
BODY_SIZE = 16.0
TABLE_SIZE = 14.0
# An item's tracking state under it (render --with-status) is a reader's note, not the
# document's text: 4号, in grey.
TRACKING_SIZE = 14.0
TRACKING_COLOUR = "595959"
WIDE_TABLE_SIZE = 10.5
# Heading levels: 一、 and （一）.
HEADING_FONTS = {1: HEADING_FONT, 2: SUBHEADING_FONT}
# 22 lines a page on A4 with the standard margins.
LINE_SPACING = 28.95


def document(blocks: Sequence[Block], *, landscape: bool = False) -> bytes:
    """The .docx file of `blocks`. A landscape page, with a smaller table type, is for tables
    of many columns (the 台账)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    width, height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _style(doc.styles["Normal"], BODY_FONT, BODY_SIZE)
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(LINE_SPACING)
    _style(doc.styles["Title"], TITLE_FONT, TITLE_SIZE)
    _no_border(doc.styles["Title"])
    for level, font in HEADING_FONTS.items():
        _style(doc.styles[f"Heading {level}"], font, BODY_SIZE)
    _no_template_marks(doc)
    table_size = WIDE_TABLE_SIZE if landscape else TABLE_SIZE
    for block in blocks:
        if isinstance(block, Title):
            paragraph = doc.add_paragraph(style="Title")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, block.text, TITLE_FONT, TITLE_SIZE)
            doc.core_properties.title = block.text
        elif isinstance(block, Heading):
            paragraph = doc.add_paragraph(style=f"Heading {block.level}")
            _indent(paragraph)
            _run(paragraph, block.text, HEADING_FONTS[block.level], BODY_SIZE)
        elif isinstance(block, Paragraph) and block.tracking:
            paragraph = doc.add_paragraph()
            _indent(paragraph)
            run = _run(paragraph, block.text, BODY_FONT, TRACKING_SIZE)
            run.font.color.rgb = RGBColor.from_string(TRACKING_COLOUR)
        elif isinstance(block, (Paragraph, Bullet)):
            paragraph = doc.add_paragraph()
            _indent(paragraph)
            _run(paragraph, block.text, BODY_FONT, BODY_SIZE, bold=block.warning)
        else:
            _table(doc, block, table_size)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _style(style: Any, font: str, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = font
    style.font.size = Pt(size)
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)


def _no_template_marks(doc: Any) -> None:
    # python-docx's template names itself as the author; a document is the office's.
    properties = doc.core_properties
    properties.author = ""
    properties.comments = ""


def _no_border(style: Any) -> None:
    # The default template underlines its Title; official documents have no rule there.
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"
        ):
            ppr.remove(border)


def _indent(paragraph: Any) -> None:
    from docx.shared import Pt

    paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)  # two characters


def _run(paragraph: Any, text: str, font: str, size: float, bold: bool = False) -> Any:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def _table(doc: Any, grid: Grid, size: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    table = doc.add_table(rows=1 + len(grid.rows), cols=len(grid.headers))
    table.style = doc.styles["Table Grid"]
    for row_index, cells in enumerate([grid.headers, *grid.rows]):
        for col, text in enumerate(cells):
            paragraph = table.cell(row_index, col).paragraphs[0]
            paragraph.paragraph_format.line_spacing = 1.0
            if col in grid.numeric or row_index == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font = HEADING_FONT if row_index == 0 else BODY_FONT
            _run(paragraph, text, font, size)
    doc.add_paragraph().paragraph_format.line_spacing = Pt(size)
