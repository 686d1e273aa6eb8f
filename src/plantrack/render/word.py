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
            body.paragraph(_run(block.text, TITLE_FONT, TITLE_SIZE), "Title", centre=True)
            doc.core_properties.title = visible(block.text)
        elif isinstance(block, Heading):
            run = _run(block.text, HEADING_FONTS[block.level], BODY_SIZE)
            body.paragraph(run, f"Heading {block.level}", indent=True)
        elif isinstance(block, Paragraph) and block.tracking:
            run = _run(block.text, BODY_FONT, TRACKING_SIZE, colour=TRACKING_COLOUR)
            body.paragraph(run, indent=True)
        elif isinstance(block, (Paragraph, Bullet)):
            body.paragraph(_run(block.text, BODY_FONT, BODY_SIZE, bold=block.warning), indent=True)
        else:
            body.table(block, table_size)
    body.close()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Body:
    """The document's body, written at its end as XML text that lxml parses in one go:
    python-docx inserts each paragraph before the section's properties, which it finds by
    walking the whole body, and builds every element of a run through Python; the 台账 of
    a plan of 10,000 items, 1.3 million elements, took seconds and most of a gigabyte.
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
        self.pending: list[str] = []  # paragraphs not yet in the body, as XML

    def paragraph(
        self, runs: str, style: str | None = None, *, indent: bool = False, centre: bool = False
    ) -> None:
        properties = _properties(self._style_id(style), indent=indent, centre=centre)
        self.pending.append(f"<w:p>{properties}{runs}</w:p>")

    def table(self, grid: Grid, size: float) -> None:
        self._flush()  # python-docx adds the table at the body's end
        table = self.doc._body.add_table(0, len(grid.headers), self.width)
        table.style = self.doc.styles["Table Grid"]
        columns = table._tbl.tblGrid.findall(_W + "gridCol")
        width = columns[0].get(_W + "w") if columns else "0"
        empty = f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
        rows = []
        # Every cell of a column but the header starts alike: its start is written once.
        starts = [
            [
                f"{empty}<w:p>{_properties(None, centre=centre, line=_SINGLE)}{_run_start(font, size)}"
                for centre in (False, True)
            ]
            for font in (HEADING_FONT, BODY_FONT)
        ]
        end = "</w:r></w:p></w:tc>"
        for row_index, cells in enumerate([grid.headers, *grid.rows]):
            start = starts[row_index > 0]
            row = ["<w:tr>"]
            for col in range(len(grid.headers)):
                if col >= len(cells):  # a short row keeps the empty cells of its table
                    row.append(empty + "<w:p/></w:tc>")
                    continue
                centre = col in grid.numeric or row_index == 0
                row += (start[centre], _run_text(cells[col]), end)
            row.append("</w:tr>")
            rows.append("".join(row))
        table._tbl.extend(_parsed(rows))
        self.pending.append(f"<w:p>{_properties(None, line=(round(size * 20), 'exact'))}</w:p>")

    def close(self) -> None:
        self._flush()
        if self.end is not None:
            self.body.append(self.end)

    def _flush(self) -> None:
        if self.pending:
            self.body.extend(_parsed(self.pending))
            self.pending.clear()

    def _style_id(self, style: str | None) -> str | None:
        if style is None:
            return None
        if style not in self.style_ids:
            self.style_ids[style] = self.doc.styles[style].style_id
        return self.style_ids[style]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SINGLE = (240, "auto")  # line spacing 1.0, in 240ths of a line
_BREAKS = re.compile("([\t\n])")


def _parsed(elements: list[str]) -> list[Any]:
    """Elements written as XML text (in the `w:` namespace), parsed as python-docx's own."""
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    return list(parse_xml(f"<w:body {nsdecls('w')}>{''.join(elements)}</w:body>"))


def _properties(
    style_id: str | None,
    *,
    indent: bool = False,
    centre: bool = False,
    line: tuple[int, str] | None = None,
) -> str:
    """A paragraph's style, line spacing, first-line indent of two characters and
    alignment, in the order the schema gives them."""
    if style_id is None and not (indent or centre or line):
        return ""
    properties = ["<w:pPr>"]
    if style_id is not None:
        properties.append(f'<w:pStyle w:val="{_escaped(style_id)}"/>')
    if line is not None:
        properties.append(f'<w:spacing w:line="{line[0]}" w:lineRule="{line[1]}"/>')
    if indent:  # in twentieths of a point
        properties.append(f'<w:ind w:firstLine="{round(2 * BODY_SIZE * 20)}"/>')
    if centre:
        properties.append('<w:jc w:val="center"/>')
    properties.append("</w:pPr>")
    return "".join(properties)


def _run(
    text: str,
    font: str,
    size: float,
    bold: bool = False,
    colour: str | None = None,
) -> str:
    """A run of `text` with its font named for Latin and East Asian text alike, its size
    (in half points) and weight set on the run itself, as offices' templates do."""
    return f"{_run_start(font, size, bold, colour)}{_run_text(text)}</w:r>"


def _run_start(font: str, size: float, bold: bool = False, colour: str | None = None) -> str:
    """A run's start: the run and its properties."""
    run = [
        f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>',
        "<w:b/>" if bold else '<w:b w:val="0"/>',
    ]
    if colour is not None:
        run.append(f'<w:color w:val="{colour}"/>')
    run.append(f'<w:sz w:val="{round(size * 2)}"/></w:rPr>')
    return "".join(run)


def _run_text(text: str) -> str:
    """A run's text, its tabs and line breaks as Word's own elements."""
    # A control character cannot be put into XML; like a terminal, Word shows it written out.
    shown = visible(text)
    if _PLAIN(shown) is not None:  # most cells: one piece with nothing to escape
        return f"<w:t>{shown}</w:t>" if shown else ""
    run = []
    for piece in _BREAKS.split(shown):
        if piece == "\t":
            run.append("<w:tab/>")
        elif piece == "\n":
            run.append("<w:br/>")
        elif piece != piece.strip():  # Word drops spaces at the ends otherwise
            run.append(f'<w:t xml:space="preserve">{_escaped(piece)}</w:t>')
        elif piece:
            run.append(f"<w:t>{_escaped(piece)}</w:t>")
    return "".join(run)


# Text with nothing to escape, no tab or line break, and no space at either end (Python's
# whitespace, as str.strip takes it away) is one piece written as it is.
_PLAIN = re.compile(r'(?:[^\s&<>"](?:[^\t\n&<>"]*[^\s&<>"])?)?').fullmatch


def _escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


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
