"""Word documents: the text a reader of a .docx sees, paragraph by paragraph, and what cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plantrack.documents.numbering import ListNumbers
from plantrack.documents.reading import document_error

# The archive's directory says how large each part is once decompressed; a part is read
# only up to that size, so checking it before anything is read bounds the work. A plan's
# document.xml is well under a megabyte; these leave room for any real document.
MAX_XML_BYTES = 64 * 2**20
MAX_ARCHIVE_BYTES = 256 * 2**20
MAX_PARTS = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# What a reader does not see: deleted and moved-away text, a field's code, properties.
_HIDDEN = frozenset(
    _W + name
    for name in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "sectPr",
        "rt",  # ruby: the small annotation above the text, not the text
    )
)
# Parts of a document plantrack cannot read as text; named with their paragraph.
_UNREADABLE = {_W + "object": "word.object", _W + "altChunk": "word.alt_chunk"}


@dataclass(slots=True)
class WordText:
    """A .docx as text: its paragraphs in reading order (a soft line break is a "\\n"), the
    tables whose text was not read, and what could not be read, by paragraph number."""

    paragraphs: list[str] = field(default_factory=list)
    tables: int = 0
    table_places: list[int] = field(default_factory=list)  # the paragraph each table follows
    unread: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, catalogue key)
    from_tables: bool = False  # the text was all in tables, read cell by cell


def read_docx(name: str) -> WordText:
    """The text of a .docx, or PlantrackError: not a .docx, damaged, too large once unpacked,
    or numbered by a list its numbering does not define. A paragraph Word numbers itself
    reads with its number written out, as Word shows it.

    When all of its text is in tables (a plan kept as a table), the cells' paragraphs are
    read in order; otherwise tables are counted and left out, as import says.
    """
    import zipfile

    _check_archive(name)
    try:
        import docx  # imported here: only a .docx needs it, and it costs start-up time
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise document_error(name, "doc.no_docx") from None
    try:
        document = docx.Document(name)
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise document_error(name, "doc.not_docx") from None
    except Exception as error:  # a damaged archive can fail deep inside the XML parser
        reason = str(error) or type(error).__name__
        raise document_error(name, "doc.bad_docx", reason=reason) from None
    body = document.element.body
    text = _Reader(name, document, read_tables=False).read(body)
    if text.tables and not any(paragraph.strip() for paragraph in text.paragraphs):
        text = _Reader(name, document, read_tables=True).read(body)
        text.from_tables = True
    return text


def _check_archive(name: str) -> None:
    """Refuse an archive whose parts would unpack to more than any document needs."""
    import zipfile

    try:
        with zipfile.ZipFile(name) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise document_error(name, "doc.not_docx") from None
    if len(parts) > MAX_PARTS:
        raise document_error(name, "doc.too_many_parts", count=len(parts), limit=MAX_PARTS)
    for part in parts:
        if part.filename.endswith((".xml", ".rels")) and part.file_size > MAX_XML_BYTES:
            raise document_error(
                name,
                "doc.part_too_large",
                part=part.filename,
                size=f"{part.file_size:,}",
                limit=MAX_XML_BYTES // 2**20,
            )
    total = sum(part.file_size for part in parts)
    if total > MAX_ARCHIVE_BYTES:
        raise document_error(
            name, "doc.archive_too_large", size=f"{total:,}", limit=MAX_ARCHIVE_BYTES // 2**20
        )


class _Reader:
    """One walk over the document's XML in reading order, as Word shows it with changes
    accepted: insertions and moved-here text kept, deletions left out, a field as its shown
    result, content controls, smart tags, custom XML and hyperlinks as their text, and a
    text box's paragraphs after the paragraph that holds it."""

    def __init__(self, name: str, document: Any, read_tables: bool) -> None:
        self.name = name
        from docx.opc.constants import RELATIONSHIP_TYPE

        numbering = _part(document, RELATIONSHIP_TYPE.NUMBERING)
        styles = _part(document, RELATIONSHIP_TYPE.STYLES)
        self.numbers = ListNumbers(name, numbering, styles)
        self.read_tables = read_tables
        self.text = WordText()
        # Complex fields (w:fldChar) may nest and span paragraphs: for each open field,
        # whether its code (True) or its shown result (False) is being read.
        self.fields: list[bool] = []
        self.join_next = False  # the paragraph's mark was deleted: it runs on into the next

    def read(self, body: Any) -> WordText:
        self.blocks(body)
        return self.text

    def blocks(self, element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _HIDDEN:
                continue
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "tbl":
                if self.read_tables:
                    self.blocks(child)
                else:
                    self.text.tables += 1
                    self.text.table_places.append(len(self.text.paragraphs))
                    for paragraph in child.iter(_W + "p"):  # their numbers still count
                        self.numbers.count(paragraph, len(self.text.paragraphs))
            elif tag in _UNREADABLE:
                self.text.unread.append((len(self.text.paragraphs) + 1, _UNREADABLE[tag]))
            else:  # content controls, custom XML, rows, cells: their paragraphs in order
                self.blocks(child)

    def paragraph(self, element: Any) -> None:
        boxes: list[Any] = []
        pieces: list[str] = []
        self.inline(element, pieces, boxes)
        text = "".join(pieces)
        number = len(self.text.paragraphs) + 1
        if self.join_next and self.text.paragraphs:
            self.text.paragraphs[-1] += text
            number -= 1
        else:
            self.text.paragraphs.append(self.numbers.numbered(element, number, text))
        self.join_next = bool(element.xpath("./w:pPr/w:rPr/w:del"))
        for box in boxes:
            self.join_next = False
            self.blocks(box)

    def inline(self, element: Any, pieces: list[str], boxes: list[Any]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _HIDDEN:
                continue
            if tag in (_W + "t", _MATH + "t"):
                if not any(self.fields):
                    pieces.append(child.text or "")
            elif tag == _W + "fldChar":
                self.field(child.get(_W + "fldCharType"))
            elif tag == _W + "txbxContent":
                boxes.append(child)
            elif tag == _MC + "AlternateContent":
                # The same content twice, for newer and older readers: one of them.
                choices = [c for c in child if c.tag in (_MC + "Choice", _MC + "Fallback")]
                if choices:
                    self.inline(choices[0], pieces, boxes)
            elif tag in _UNREADABLE:
                self.text.unread.append((len(self.text.paragraphs) + 1, _UNREADABLE[tag]))
            elif not any(self.fields):
                pieces.append(_character(child, tag))
                self.inline(child, pieces, boxes)
            else:
                self.inline(child, pieces, boxes)

    def field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(True)
        elif kind == "separate" and self.fields:
            self.fields[-1] = False
        elif kind == "end" and self.fields:
            self.fields.pop()


def _character(element: Any, tag: str) -> str:
    """The text a run's special element shows: tabs, breaks, hyphens, symbols."""
    if tag in (_W + "tab", _W + "ptab"):
        return "\t"
    if tag == _W + "cr":
        return "\n"
    if tag == _W + "br":  # a page or column break ends no line of text
        return "\n" if element.get(_W + "type", "textWrapping") == "textWrapping" else ""
    if tag == _W + "noBreakHyphen":
        return "-"
    if tag == _W + "sym":
        try:
            code = int(element.get(_W + "char", ""), 16)
        except ValueError:
            return ""
        # Symbol fonts map their glyphs to U+F0xx, which means nothing outside the font.
        return chr(code) if code < 0xE000 or code > 0xF8FF else ""
    return ""


def _part(document: Any, relationship: str) -> Any:
    """The XML of a part the document relates to (its numbering, its styles), or None."""
    try:
        return document.part.part_related_by(relationship).element
    except (KeyError, AttributeError):  # a document without lists, or without styles
        return None
