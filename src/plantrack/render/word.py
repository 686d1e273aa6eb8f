"""Blocks as a Word document in the layout of official documents (GB/T 9704): A4, the title in
2号 方正小标宋简体, 一、 headings in 3号 黑体, （一） headings in 3号 楷体_GB2312, body in 3号
仿宋_GB2312, tables with a grid."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from plantrack.render.blocks import Block, Bullet, Grid, Heading, Paragraph, Title
from plantrack.render.visible import visible

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
    from docx.shared import Mm, Pt

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
    body = _Body(doc)
    for block in blocks:
        if isinstance(block, Title):
            _run(body.paragraph("Title", centre=True), block.text, TITLE_FONT, TITLE_SIZE)
            doc.core_properties.title = visible(block.text)
        elif isinstance(block, Heading):
            paragraph = body.paragraph(f"Heading {block.level}", indent=True)
            _run(paragraph, block.text, HEADING_FONTS[block.level], BODY_SIZE)
        elif isinstance(block, Paragraph) and block.tracking:
            paragraph = body.paragraph(indent=True)
            _run(paragraph, block.text, BODY_FONT, TRACKING_SIZE, colour=TRACKING_COLOUR)
        elif isinstance(block, (Paragraph, Bullet)):
            paragraph = body.paragraph(indent=True)
            _run(paragraph, block.text, BODY_FONT, BODY_SIZE, bold=block.warning)
        else:
            body.table(block, table_size)
    body.close()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Body:
    """The document's body, written at its end as XML: python-docx inserts each paragraph
    before the section's properties, which it finds by walking the whole body, and sets
    each property through a walk of its own; a plan of thousands of items took minutes.
    The section's properties go back at the end."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.body = doc.element.body
        page = doc.sections[-1]
        self.width = page.page_width - page.left_margin - page.right_margin
        self.end = self.body.sectPr
        if self.end is not None:
            self.body.remove(self.end)
        self.style_ids: dict[str, str] = {}

    def paragraph(
        self, style: str | None = None, *, indent: bool = False, centre: bool = False
    ) -> Any:
        element = _add(self.body, "p")
        _properties(element, self._style_id(style), indent=indent, centre=centre)
        return element

    def table(self, grid: Grid, size: float) -> None:
        table = self.doc._body.add_table(1 + len(grid.rows), len(grid.headers), self.width)
        table.style = self.doc.styles["Table Grid"]
        # Row by row: python-docx's table.cell() lays out the whole grid at each call.
        for row_index, (row, cells) in enumerate(
            zip(table._tbl.tr_lst, [grid.headers, *grid.rows], strict=True)
        ):
            for col, (cell, text) in enumerate(zip(row.tc_lst, cells, strict=False)):
                paragraph = cell.p_lst[0]
                centre = col in grid.numeric or row_index == 0
                _properties(paragraph, None, centre=centre, line=_SINGLE)
                font = HEADING_FONT if row_index == 0 else BODY_FONT
                _run(paragraph, text, font, size)
        gap = _add(self.body, "p")
        _properties(gap, None, line=(round(size * 20), "exact"))

    def close(self) -> None:
        if self.end is not None:
            self.body.append(self.end)

    def _style_id(self, style: str | None) -> str | None:
        if style is None:
            return None
        if style not in self.style_ids:
            self.style_ids[style] = self.doc.styles[style].style_id
        return self.style_ids[style]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SINGLE = (240, "auto")  # line spacing 1.0, in 240ths of a line
_BREAKS = re.compile("([\t\n])")


def _add(parent: Any, tag: str) -> Any:
    """A new last child of `parent`, of python-docx's class for `tag`."""
    child = parent.makeelement(_W + tag, {})
    parent.append(child)
    return child


def _properties(
    paragraph: Any,
    style_id: str | None,
    *,
    indent: bool = False,
    centre: bool = False,
    line: tuple[int, str] | None = None,
) -> None:
    """A paragraph's style, line spacing, first-line indent of two characters and
    alignment, in the order the schema gives them."""
    if style_id is None and not (indent or centre or line):
        return
    properties = paragraph.find(_W + "pPr")
    if properties is None:
        properties = paragraph.makeelement(_W + "pPr", {})
        paragraph.insert(0, properties)
    if style_id is not None:
        _add(properties, "pStyle").set(_W + "val", style_id)
    if line is not None:
        spacing = _add(properties, "spacing")
        spacing.set(_W + "line", str(line[0]))
        spacing.set(_W + "lineRule", line[1])
    if indent:  # in twentieths of a point
        _add(properties, "ind").set(_W + "firstLine", str(round(2 * BODY_SIZE * 20)))
    if centre:
        _add(properties, "jc").set(_W + "val", "center")


def _run(
    paragraph: Any,
    text: str,
    font: str,
    size: float,
    bold: bool = False,
    colour: str | None = None,
) -> None:
    """A run of `text` with its font named for Latin and East Asian text alike, its size
    (in half points) and weight set on the run itself, as offices' templates do."""
    run = _add(paragraph, "r")
    properties = _add(run, "rPr")
    fonts = _add(properties, "rFonts")
    for script in ("ascii", "hAnsi", "eastAsia"):
        fonts.set(_W + script, font)
    weight = _add(properties, "b")
    if not bold:
        weight.set(_W + "val", "0")
    if colour is not None:
        _add(properties, "color").set(_W + "val", colour)
    _add(properties, "sz").set(_W + "val", str(round(size * 2)))
    # A control character cannot be put into XML; like a terminal, Word shows it written out.
    for piece in _BREAKS.split(visible(text)):
        if piece == "\t":
            _add(run, "tab")
        elif piece == "\n":
            _add(run, "br")
        elif piece:
            element = _add(run, "t")
            element.text = piece
            if piece != piece.strip():  # Word drops spaces at the ends otherwise
                element.set(_SPACE, "preserve")


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
        for border in ppr.findall(_W + "pBdr"):
            ppr.remove(border)
