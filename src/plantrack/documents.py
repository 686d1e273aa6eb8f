"""Official documents → plans: read a 工作要点 from text or .docx and write it as a plan file.

A document is a title line (optional), a preamble, section headings `一、…` on lines of
their own, and items `1.标题。正文` (or `1、` `１．`, or `（一）` in a section without
numbered items, or `（1）` in a section with neither). Import is exact: every character
of the text is kept, apart from line breaks it joins and whitespace at the ends of lines,
which is layout. What it cannot place, it reports with its line number instead of
guessing; the signature and date that close an official document are named as not
imported. Writing a plan back as a document is render/document.py.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from plantrack.errors import PlantrackError, Problem
from plantrack.i18n import t
from plantrack.model import (
    SECTION_NUMERALS,
    Item,
    Plan,
    Section,
    Status,
    chinese_numeral,
    section_numeral,
)
from plantrack.render.document import ends_sentence

MAX_BYTES = 16 * 1024 * 1024

# --------------------------------------------------------------------------- reading a document


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document: where it is, its text without surrounding whitespace, and
    the display width it took as laid out (indentation included), for finding hard wraps."""

    number: int  # 1-based; for a .docx, the paragraph's number
    column: int  # 1-based column of the first character that is not whitespace
    text: str
    width: int


@dataclass(slots=True)
class Document:
    path: str
    lines: list[Line]
    encoding: str  # "UTF-8", "GB18030", "UTF-16" or "docx"
    wrapped: bool  # plain text may be hard-wrapped (from a PDF); a .docx is not
    tables: int = 0  # tables in a .docx, whose text is not imported


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a .txt or .docx document, or raise PlantrackError with one clear line."""
    name = os.fspath(path)
    try:
        if os.path.getsize(name) > MAX_BYTES:
            raise _error(name, "doc.too_large", limit=MAX_BYTES // 2**20)
        with open(name, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _error(name, "file.missing") from None
    except IsADirectoryError:
        raise _error(name, "doc.is_dir") from None
    except OSError as error:
        if os.path.isdir(name):
            raise _error(name, "doc.is_dir") from None
        raise _error(name, "file.unreadable", reason=error.strerror) from None
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: a .docx whatever its name
        paragraphs, tables = read_docx(name)
        return Document(name, _lines(paragraphs), "docx", wrapped=False, tables=tables)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _error(name, "doc.word97")
    text, encoding = decode_text(name, raw)
    # Only CR and LF break lines, as in an editor: a form feed (a page break in text taken
    # from a PDF) is whitespace, so line numbers in messages match what the user sees.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Document(name, _lines(lines), encoding, wrapped=True)


def decode_text(name: str, raw: bytes) -> tuple[str, str]:
    """The text of a plain-text document and the encoding it was read in.

    UTF-8 (with or without a BOM) first; UTF-16 when it has a byte-order mark;
    then GB18030, the superset of GBK that older Windows editors save.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise _error(name, "doc.bad_utf16") from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _error(name, "doc.binary", line=raw.count(b"\n", 0, nul) + 1, offset=nul)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return raw.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        offset = utf8_error.start
        line = raw.count(b"\n", 0, offset) + 1
        raise _error(name, "doc.encoding", line=line, byte=raw[offset], offset=offset) from None


def read_docx(name: str) -> tuple[list[str], int]:
    """The paragraphs of a .docx in order (a soft line break is a "\\n" in one), and the
    number of its tables."""
    import zipfile

    try:
        import docx  # imported here: only a .docx needs it, and it costs start-up time
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise _error(name, "doc.no_docx") from None
    try:
        document = docx.Document(name)
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise _error(name, "doc.not_docx") from None
    except Exception as error:  # a damaged archive can fail deep inside the XML parser
        raise _error(name, "doc.bad_docx", reason=str(error) or type(error).__name__) from None
    numbering = _numbering(document)
    for number, paragraph in enumerate(document.paragraphs, start=1):
        # Word's automatic numbers are drawn, not written: the text has none, so its
        # headings would be misread (or not found) without a word of why.
        if paragraph.text.strip() and _auto_numbered(paragraph, numbering):
            raise _error(name, "import.word_numbering", line=number)
    return [paragraph.text for paragraph in document.paragraphs], len(document.tables)


def _numbering(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):  # a document without lists
        return None


def _auto_numbered(paragraph: Any, numbering: Any) -> bool:
    """Whether Word numbers the paragraph (directly, or through its style) with a number
    rather than a bullet."""
    properties = paragraph._p.pPr
    numbered = properties.numPr if properties is not None else None
    style = paragraph.style
    while numbered is None and style is not None:
        properties = style.element.pPr
        numbered = properties.numPr if properties is not None else None
        style = style.base_style
    if numbered is None or numbered.numId is None or numbered.numId.val == 0:
        return False
    if numbering is None:
        return True
    level = numbered.ilvl.val if numbered.ilvl is not None else 0
    formats = numbering.xpath(
        f'./w:abstractNum[@w:abstractNumId=string(../w:num[@w:numId="{numbered.numId.val}"]'
        f'/w:abstractNumId/@w:val)]/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
    )
    return not formats or formats[0] not in ("bullet", "none")


def _lines(texts: list[str]) -> list[Line]:
    """Lines from the lines of a text, or from the paragraphs of a .docx, numbered by them:
    the lines a soft break makes in a paragraph share its number."""
    from rich.cells import cell_len as width

    lines = []
    for number, paragraph in enumerate(texts, start=1):
        for raw in paragraph.split("\n") if "\n" in paragraph else [paragraph]:
            body = raw.strip()
            indent = len(raw) - len(raw.lstrip())
            lines.append(Line(number, indent + 1, body, width(raw.rstrip())))
    return lines


def _error(name: str, key: str, *, line: int = 0, **values: object) -> PlantrackError:
    return PlantrackError(problems=[Problem(name, line, 1 if line else 0, t(key, **values))])


# --------------------------------------------------------------------------- lines → paragraphs

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# The characters of a Chinese numeral: 千 and 零 too, so that a numeral plantrack cannot
# read (一千、) is recognised as a heading and reported rather than taken for text.
_NUMERAL = "[" + SECTION_NUMERALS + "百千零]+"
_SECTION = re.compile(rf"({_NUMERAL})、\s*(.*)", re.S)
# An item number not followed by another digit: `1.5万元` is not a heading, nor is `1、2季度`.
_ITEM = re.compile(r"([0-9０-９]+)\s*[.．、](?![0-9０-９])\s*(.*)", re.S)
_SUBITEM = re.compile(rf"[（(]({_NUMERAL})[）)]\s*(.*)", re.S)
# GB/T 9704's fourth level, `（1）`: the items of a section that has neither `1.` nor `（一）`.
_POINT = re.compile(r"[（(]([0-9０-９]+)[）)]\s*(.*)", re.S)
# A line that is only a date: the date under an official document's signature.
_DATE = re.compile(
    r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
    r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日"
)
_QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉"}
# A line within this many display cells of the document's margin (its widest line) was
# filled to it: in a hard-wrapped document, when it does not end a sentence, the next line
# continues it.
_FULL_SLACK = 4
MAX_NUMERAL = 999


@functools.cache
def _numerals() -> dict[str, int]:
    return {chinese_numeral(number): number for number in range(1, MAX_NUMERAL + 1)}


def chinese_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 一百零一 → 101, 九百九十九 → 999 (the inverse of
    model.chinese_numeral); None for anything else."""
    return _numerals().get(numeral)


@dataclass(slots=True)
class Paragraph:
    # "section", "item", "subitem" (（一）), "point" (（1）), "date" (a line that is only a
    # date), "numeral" (a section heading whose numeral cannot be read) or "text"
    kind: str
    line: int
    column: int
    marker: str  # the heading's number as written (`3` `（二）` `五`), "" for text
    number: int  # the heading's number, 0 for text
    text: str  # after the marker; wrapped lines joined
    lines: list[Line] = field(default_factory=list)
    prefix: str = ""  # the heading line's text before `text`: its marker as written
    after_blank: bool = False  # a blank line comes before it


def paragraphs(document: Document) -> list[Paragraph]:
    """Group lines into paragraphs: headings start one; blank lines and ended lines end one."""
    margin = wrap_margin(document)
    found: list[Paragraph] = []
    current: Paragraph | None = None
    blank = False
    for line in document.lines:
        if not line.text:
            current, blank = None, True
            continue
        heading = _heading(line)
        if heading is None and current is not None and _continues(current, margin):
            current.text += line.text
            current.lines.append(line)
            continue
        paragraph = heading or Paragraph("text", line.number, line.column, "", 0, line.text)
        paragraph.lines.append(line)
        paragraph.after_blank = blank
        # The first line may be the title, a line of its own; a section heading is a line
        # of its own; a date under a signature ends the document.
        ends_itself = not found or paragraph.kind in ("section", "numeral", "date")
        found.append(paragraph)
        current = None if ends_itself else paragraph
        blank = False
    return found


def wrap_margin(document: Document) -> int | None:
    """The width a hard-wrapped document's lines were filled to, or None when its lines
    are paragraphs as written.

    One paragraph per line is the common case, and a short document whose headings have
    their bodies on the next lines looks much like a wrapped one. So the evidence is only
    the body lines (not headings, not the first line, which may be the title) that another
    body line follows: the document is hard-wrapped when most of them, and at least two,
    reach the margin, the width of its widest line.
    """
    if not document.wrapped:
        return None
    lines = [line if line.text else None for line in document.lines]
    first = next((index for index, line in enumerate(lines) if line), len(lines))
    body = [line is not None and _heading(line) is None for line in lines]
    widths = [line.width for line in lines[first + 1 :] if line]
    if not widths:
        return None
    margin = max(widths)
    full = short = 0
    for index in range(first + 1, len(lines) - 1):
        line = lines[index]
        if line is None or not body[index] or not body[index + 1]:
            continue
        if line.width >= margin - _FULL_SLACK:
            full += 1
        else:
            short += 1
    return margin if full >= 2 and full > short else None


def _heading(line: Line) -> Paragraph | None:
    """The heading a line starts with, if any. Its marker is the number as written,
    without the separator: `五`, `3`, `１２`, `（二）`."""
    text = line.text
    if _DATE.fullmatch(text):
        return _paragraph("date", line, "", 0, text, text)
    match = _SECTION.fullmatch(text)
    if match:
        number = chinese_number(match[1])
        kind = "section" if number is not None else "numeral"
        return _paragraph(kind, line, match[1], number or 0, match[2], text)
    match = _ITEM.fullmatch(text)
    if match:
        number = int(match[1].translate(_DIGITS))
        return _paragraph("item", line, match[1], number, match[2], text)
    match = _SUBITEM.fullmatch(text)
    if match:
        number = chinese_number(match[1])
        if number is not None:
            return _paragraph("subitem", line, f"（{match[1]}）", number, match[2], text)
    match = _POINT.fullmatch(text)
    if match:
        number = int(match[1].translate(_DIGITS))
        return _paragraph("point", line, f"（{match[1]}）", number, match[2], text)
    return None


def _paragraph(kind: str, line: Line, marker: str, number: int, rest: str, text: str) -> Paragraph:
    prefix = text[: len(text) - len(rest)]
    return Paragraph(kind, line.number, line.column, marker, number, rest, prefix=prefix)


def _continues(paragraph: Paragraph, margin: int | None) -> bool:
    """Whether the next line continues the paragraph: only in a hard-wrapped document,
    when its last line reaches the margin without ending a sentence. A heading line that
    stops short of the margin without a 。 has its body on the next lines, by convention."""
    last = paragraph.lines[-1]
    if margin is None:
        return False
    return last.width >= margin - _FULL_SLACK and not ends_sentence(last.text)


def title_end(text: str) -> int | None:
    """Index of the first 。 that is not inside quotation marks or 《》, or None.

    Only marks that are closed count as quoting: a real document may open a “ and
    never close it, and that must not swallow the rest of the paragraph.
    """
    quoted = [0] * (len(text) + 1)
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in _QUOTES:
            stack.append((char, index))
        elif char in _QUOTES.values():
            for depth in range(len(stack) - 1, -1, -1):
                opener, start = stack[depth]
                if _QUOTES[opener] == char:
                    quoted[start] += 1
                    quoted[index + 1] -= 1
                    del stack[depth:]
                    break
    inside = 0
    for index, char in enumerate(text):
        inside += quoted[index]
        if char == "。" and inside == 0:
            return index
    return None


# --------------------------------------------------------------------------- paragraphs → plan


@dataclass(slots=True)
class Imported:
    """A plan read from a document, with what the import wants the user to know."""

    plan: Plan
    encoding: str
    notes: list[str] = field(default_factory=list)
    had_title: bool = True


@dataclass(slots=True)
class _ItemDraft:
    paragraph: Paragraph
    body: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _SectionDraft:
    paragraph: Paragraph
    content: list[Paragraph] = field(default_factory=list)
    items: list[_ItemDraft] = field(default_factory=list)


Report = Callable[..., None]

_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")
_SUBJECT = re.compile(r"(.{2,60}?)的总体要求")


def import_document(document: Document, year: int | None = None) -> Imported:
    """The plan a document gives, or PlantrackError listing every line it cannot place."""
    path = document.path
    problems: list[Problem] = []

    def report(paragraph: Paragraph | None, key: str, **values: object) -> None:
        line, column = (paragraph.line, paragraph.column) if paragraph else (1, 1)
        problems.append(Problem(path, line, column, t(key, **values), code="import"))

    if not any(line.text for line in document.lines):
        raise _error(path, "import.empty")
    found = paragraphs(document)
    closing = _closing(found)
    if closing:
        del found[-len(closing) :]
    front: list[Paragraph] = []
    sections: list[_SectionDraft] = []
    for paragraph in found:
        if paragraph.kind == "numeral":
            report(paragraph, "import.numeral", marker=paragraph.marker)
            continue
        if paragraph.kind == "date":  # a date that does not close the document is text
            _as_text(paragraph)
        if paragraph.kind == "section":
            sections.append(_SectionDraft(paragraph))
        elif sections:
            sections[-1].content.append(paragraph)
        elif paragraph.kind == "text":
            front.append(paragraph)
        else:
            report(paragraph, "import.item_before_section", marker=paragraph.marker)
    if not sections:  # nothing else is worth saying about such a document
        raise PlantrackError(problems=[Problem(path, 1, 1, t("import.no_sections"))])
    for section in sections:
        _place_items(section, report)

    title, preamble, had_title = _front(front)
    plan_year = year if year is not None else _year(title + "\n" + preamble)
    if plan_year is None:
        report(None, "import.no_year")
    _check_section_numbers(sections, report)
    renumbered = _check_item_numbers(sections, report)

    plan_sections: list[Section] = []
    number = 0
    for section in sections:
        heading = section.paragraph
        if not heading.text:
            report(heading, "import.empty_heading", marker=heading.marker)
        if not section.items:
            report(heading, "import.no_items", marker=heading.marker)
        items = []
        for draft in section.items:
            number += 1
            item_title, text = _split_item(draft)
            if not item_title:
                report(draft.paragraph, "import.no_title", marker=draft.paragraph.marker)
                continue
            items.append(Item(number=number, title=item_title, text=text))
        if heading.text:
            plan_sections.append(Section(title=heading.text, items=items))
    if problems:
        problems.sort(key=lambda problem: (problem.line, problem.column))
        raise PlantrackError(problems=problems)
    assert plan_year is not None  # reported above otherwise

    notes: list[str] = []
    if closing:
        lines = [line for paragraph in closing for line in paragraph.lines]
        key = "import.closing" if len(lines) > 1 else "import.closing_date"
        text = " ".join(line.text for line in lines)
        notes.append(t(key, first=lines[0].number, last=lines[-1].number, text=text))
    if document.tables:
        notes.append(t("import.tables", count=document.tables))
    if not had_title:
        title = derived_title(preamble, plan_year)
        from_year = title == f"{plan_year}年工作要点"
        key = "import.title_from_year" if from_year else "import.title_from_preamble"
        notes.append(t(key, title=title))
    if renumbered:
        notes.append(t("import.renumbered", low=1, high=number))
    plan = Plan(title=title, year=plan_year, preamble=preamble, sections=plan_sections)
    return Imported(plan, document.encoding, notes, had_title)


def _closing(found: list[Paragraph]) -> list[Paragraph]:
    """The closing block of an official document: a last line that is only a date, and
    the line of the organisation that signs it just before, when that stands apart (after
    a blank line, or indented). It is not part of the last item."""
    if not found or found[-1].kind != "date":
        return []
    date = found[-1]
    if len(found) >= 2:
        signature = found[-2]
        apart = signature.after_blank or signature.column > 1
        one_line = signature.kind == "text" and len(signature.lines) == 1
        sentence = ends_sentence(signature.text) or "。" in signature.text
        if one_line and apart and not sentence:
            return [signature, date]
    return [date]


def _as_text(paragraph: Paragraph) -> None:
    """A heading that is not one here: its text as written, marker and all."""
    paragraph.text = paragraph.prefix + paragraph.text
    paragraph.kind, paragraph.marker, paragraph.number, paragraph.prefix = "text", "", 0, ""


def _place_items(section: _SectionDraft, report: Report) -> None:
    """A section's items: its `1.` paragraphs, or when it has none its `（一）` paragraphs,
    or when it has neither its `（1）` paragraphs.

    Text paragraphs belong to the item before them, and so does a `（1）` under an item
    (GB/T 9704's fourth level); anything else cannot be placed.
    """
    kinds = {paragraph.kind for paragraph in section.content}
    item_kind = next((kind for kind in ("item", "subitem", "point") if kind in kinds), "item")
    for paragraph in section.content:
        if paragraph.kind == "point" and item_kind != "point":
            _as_text(paragraph)
        if paragraph.kind == item_kind:
            section.items.append(_ItemDraft(paragraph))
        elif paragraph.kind != "text":
            report(paragraph, "import.subheading", marker=paragraph.marker)
        elif section.items:
            section.items[-1].body.append(paragraph.text)
        else:
            report(paragraph, "import.stray", section=section.paragraph.marker)


def _front(front: list[Paragraph]) -> tuple[str, str, bool]:
    """Title and preamble from the paragraphs before the first section heading."""
    if not front:
        return "", "", False
    first = front[0]
    is_title = len(first.lines) == 1 and "。" not in first.text and not ends_sentence(first.text)
    if is_title:
        return first.text, "\n".join(p.text for p in front[1:]), True
    return "", "\n".join(p.text for p in front), False


def _year(text: str) -> int | None:
    match = _YEAR.search(text.translate(_DIGITS))
    return int(match[1]) if match else None


def derived_title(preamble: str, year: int) -> str:
    """A title for a document that has no title line, from its preamble's subject.

    `2022年……工作的总体要求是：` gives `2022年……工作要点`; otherwise `<year>年工作要点`.
    """
    match = _SUBJECT.match(preamble.split("\n", 1)[0])
    if match and "。" not in match[1]:
        subject = match[1]
        return subject + ("要点" if subject.endswith("工作") else "工作要点")
    return f"{year}年工作要点"


def _split_item(draft: _ItemDraft) -> tuple[str, str]:
    """The item's title (its heading up to the first 。) and the rest of its text."""
    heading = draft.paragraph.text
    end = title_end(heading)
    if end is None:  # the heading line is the title; the body follows on its own lines
        return heading.strip(), "\n".join(draft.body)
    rest = heading[end + 1 :].strip()
    body = [rest, *draft.body] if rest else draft.body
    return heading[:end].strip(), "\n".join(body)


def _check_section_numbers(sections: list[_SectionDraft], report: Report) -> None:
    for index, section in enumerate(sections):
        if section.paragraph.number != index + 1:
            report(
                section.paragraph,
                "import.section_number",
                marker=section.paragraph.marker,
                expected=section_numeral(index),
            )


def _check_item_numbers(sections: list[_SectionDraft], report: Report) -> bool:
    """Check that items count up by one, across the plan or from 1 in each section.

    Returns whether the plan's numbers differ from the document's (it renumbered).
    """
    previous = 0
    plan_number = 0
    renumbered = False
    for section in sections:
        for position, draft in enumerate(section.items):
            paragraph = draft.paragraph
            written = paragraph.number
            plan_number += 1

            def marker(number: int, kind: str = paragraph.kind) -> str:
                return _marker(kind, number)

            if position == 0 and written not in (previous + 1, 1):
                key = "import.first_number" if previous == 0 else "import.section_start"
                report(
                    paragraph,
                    key,
                    marker=paragraph.marker,
                    expected=marker(previous + 1),
                    restart=marker(1),
                )
            elif position > 0 and written != previous + 1:
                report(
                    paragraph,
                    "import.number_skip",
                    marker=paragraph.marker,
                    previous=marker(previous),
                    expected=marker(previous + 1),
                )
            previous = written
            renumbered = renumbered or written != plan_number
    return renumbered


def _marker(kind: str, number: int) -> str:
    if kind == "point":
        return f"（{number}）"
    if kind == "subitem":
        return f"（{section_numeral(number - 1)}）" if number >= 1 else "（〇）"
    return str(number)


# --------------------------------------------------------------------------- plan → YAML


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as exactly `value`: plain when it can be,
    else single-quoted, else double-quoted (the only style that can hold a line break)."""
    from plantrack.yaml_text import scalar

    return scalar(value)


def new_plan_yaml(plan: Plan, header: list[str] | None = None) -> str:
    """A new plan file in the style of the committed plans: one scalar per line, block lists.

    A new plan has no tracking fields, so none are written.
    """
    from plantrack.model import ITEM_KEYS

    out = [f"# {line}" for line in header or []]
    out.append(f"title: {yaml_scalar(plan.title)}")
    out.append(f"year: {plan.year}")
    if plan.preamble:
        out.append(f"preamble: {yaml_scalar(plan.preamble)}")
    if plan.roles:
        out.append("roles:")
        out.extend(f"  - {yaml_scalar(role)}" for role in plan.roles)
    out.append("sections:" if plan.sections else "sections: []")
    for section in plan.sections:
        out.append(f"  - title: {yaml_scalar(section.title)}")
        out.append("    items:" if section.items else "    items: []")
        for item in section.items:
            fields = item.model_dump(include={"number", "title", "text"}, exclude_defaults=True)
            for position, key in enumerate(key for key in ITEM_KEYS if key in fields):
                value = str(fields[key]) if key == "number" else yaml_scalar(fields[key])
                out.append(f"{'      - ' if position == 0 else '        '}{key}: {value}")
    return "\n".join(out) + "\n"


def checked(path: str, text: str) -> str:
    """`text` if it loads as a plan without problems; otherwise PlantrackError."""
    from plantrack.reading import Source, check

    problems = check(Source(path, text)).problems
    if problems:
        raise PlantrackError(problems=problems)
    return text


def skeleton_yaml(year: int) -> str:
    """A commented plan to fill in: it loads as it is, with one section and one item."""
    lines = [
        f"# {t('init.skeleton_intro', year=year)}",
        f"# {t('init.skeleton_readme')}",
        f"title: {yaml_scalar(t('init.skeleton_title', year=year))}",
        f"year: {year}",
        f"# {t('init.skeleton_preamble')}",
        f"preamble: {yaml_scalar(t('init.skeleton_preamble_text', year=year))}",
        f"# {t('init.skeleton_roles')}",
        "# roles:",
        "#   - 书记",
        "#   - 组织委员",
        "#   - 宣传委员",
        "#   - 纪检委员",
        "sections:",
        f"  # {t('init.skeleton_sections')}",
        f"  - title: {yaml_scalar(t('init.skeleton_section'))}",
        "    items:",
        f"      # {t('init.skeleton_items')}",
        "      - number: 1",
        f"        title: {yaml_scalar(t('init.skeleton_item'))}",
        f"        text: {yaml_scalar(t('init.skeleton_text'))}",
    ]
    return "\n".join(lines) + "\n"


def next_year_plan(previous: Plan, year: int) -> Plan:
    """Next year's plan from this one: sections, roles and items; tracking and ledgers cleared.

    The old year in the title and preamble becomes the new one (`2022年` → `2023年`).
    """

    def new_year(text: str) -> str:
        return re.sub(rf"(?<![0-9]){previous.year}(?![0-9])", str(year), text)

    return Plan(
        title=new_year(previous.title),
        year=year,
        preamble=new_year(previous.preamble),
        roles=list(previous.roles) if previous.roles else None,
        sections=[
            Section(
                title=section.title,
                items=[
                    Item(number=item.number, title=item.title, text=item.text)
                    for item in section.items
                ],
            )
            for section in previous.sections
        ],
    )


def not_done(plan: Plan) -> list[Item]:
    return [item for _, item in plan.items() if item.current_status is not Status.DONE]
