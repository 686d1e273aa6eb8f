"""Recognising a document's paragraphs: headings by their numbers, hard-wrapped lines, titles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plantrack.documents.owners import is_label_line
from plantrack.documents.reading import Document, Line
from plantrack.i18n import CATALOGUE
from plantrack.numerals import NUMERAL_CHARACTERS, chinese_number
from plantrack.punctuation import QUOTES
from plantrack.text import ends_sentence

MAX_DIGITS = 6  # an item number of a plan: 1 to 999999
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# The characters of a Chinese numeral: 千 and 零 too, so that a numeral plantrack cannot
# read (一千、) is recognised as a heading and reported rather than taken for text.
_NUMERAL = "[" + NUMERAL_CHARACTERS + "]+"
_SECTION = re.compile(rf"({_NUMERAL})\s*、\s*(.*)", re.S)
# An item number not followed by another digit: `1.5万元` is not a heading, nor is `1、2季度`.
_ITEM = re.compile(r"([0-9０-９]+)\s*[.．、](?![0-9０-９])\s*(.*)", re.S)
# Full-width or ASCII parentheses, mixed as typed, and spaces inside them: （一） (一) （ 一 ）.
_SUBITEM = re.compile(rf"[（(﹙]\s*({_NUMERAL})\s*[）)﹚]\s*(.*)", re.S)
# GB/T 9704's fourth level, `（1）`: the items of a section that has neither `1.` nor `（一）`.
_POINT = re.compile(r"[（(﹙]\s*([0-9０-９]+)\s*[）)﹚]\s*(.*)", re.S)
# A line that is only a date: the date under an official document's signature.
DATE = re.compile(
    r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
    r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日"
)
# A line within this many display cells of the document's margin (its widest line) was
# filled to it: in a hard-wrapped document, when it does not end a sentence, the next line
# continues it.
_FULL_SLACK = 4
_CLOSERS = frozenset(QUOTES.values())


_VALUE = "\x00"  # where a field's value goes, to split its template there


def _tracking_pattern() -> re.Pattern[str]:
    """The line `render --with-status` writes after each item, in either language: its
    fields as the catalogue spells them, co-owners only when there are any."""

    def field(key: str, language: int) -> str:
        label = CATALOGUE[key][language]
        template = CATALOGUE["doc.field"][language]
        before, after = template.format(label=label, value=_VALUE).split(_VALUE)
        return re.escape(before) + ".+?" + re.escape(after)

    forms = []
    for language in (0, 1):
        separator = re.escape(CATALOGUE["doc.separator"][language])
        owner, co_owners, status, progress, due = (
            field(f"col.{name}", language)
            for name in ("owner", "co_owners", "status", "progress", "due")
        )
        rest = separator.join((status, progress, due))
        forms.append(f"{owner}(?:{separator}{co_owners})?{separator}{rest}")
    return re.compile("|".join(f"(?:{form})" for form in forms))


_TRACKING = _tracking_pattern()


def is_tracking_line(text: str) -> bool:
    """Whether a line is an item's tracking state as `render --with-status` writes it: for
    reading, not part of the plan's text."""
    return _TRACKING.fullmatch(text) is not None


@dataclass(slots=True)
class Paragraph:
    # "section", "item", "subitem" (（一）), "point" (（1）), "date" (a line that is only a
    # date), "tracking" (an item's tracking state, see is_tracking_line), "numeral" (a section heading whose numeral cannot be read), "long_number" (an
    # item numbered with more than MAX_DIGITS digits; `number` is how many) or "text"
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
        # A line of owners (`责任单位：…`) starts a paragraph of its own, as a heading does.
        starts = heading is not None or is_label_line(line.text)
        if not starts and current is not None and _continues(current, margin):
            current.text += line.text
            current.lines.append(line)
            continue
        paragraph = heading or Paragraph("text", line.number, line.column, "", 0, line.text)
        paragraph.lines.append(line)
        paragraph.after_blank = blank
        # The first line may be the title, a line of its own; a section heading is a line
        # of its own; a date under a signature ends the document.
        ends_itself = not found or paragraph.kind in ("section", "numeral", "date", "tracking")
        found.append(paragraph)
        current = None if ends_itself else paragraph
        blank = False
    return found


def wrap_margin(document: Document) -> int | None:
    """The width a hard-wrapped document's lines were filled to, or None when its lines
    are paragraphs as written.

    One paragraph per line is the common case, and a short document whose headings have
    their bodies on the next lines looks much like a wrapped one. So the evidence is only
    the lines of text (not the first line, which may be the title) that another body line
    follows: the document is hard-wrapped when most of them, and at least two, reach the
    margin, the width of its widest line. A line of text is a body line, or a heading line
    that goes on past its title into the body (`1.标题。正文…`), which wraps as body does.
    """
    if not document.wrapped:
        return None
    lines = [line if line.text else None for line in document.lines]
    first = next((index for index, line in enumerate(lines) if line), len(lines))
    headings = [_heading(line) if line is not None else None for line in lines]
    body = [
        line is not None and heading is None and not is_label_line(line.text)
        for line, heading in zip(lines, headings, strict=True)
    ]
    # Headings alone are left out of the margin: one set on a line of its own may run past
    # the width the body was wrapped to (as text exported from a word processor does).
    text = [
        is_body or _runs_into_body(heading) for is_body, heading in zip(body, headings, strict=True)
    ]
    widths = [
        line.width for index, line in enumerate(lines) if line and index > first and text[index]
    ]
    if not widths:
        return None
    margin = max(widths)
    full = short = 0
    for index in range(first + 1, len(lines) - 1):
        line = lines[index]
        if line is None or not text[index] or not body[index + 1]:
            continue
        if line.width >= margin - _FULL_SLACK:
            full += 1
        else:
            short += 1
    return margin if full >= 2 and full > short else None


def _runs_into_body(heading: Paragraph | None) -> bool:
    """Whether an item's heading line goes on past its title (`1.标题。正文`)."""
    if heading is None or heading.kind not in ("item", "subitem", "point"):
        return False
    end = title_end(heading.text)
    return end is not None and end + 1 < len(heading.text)


def _heading(line: Line) -> Paragraph | None:
    """The heading a line starts with, if any. Its marker is the number as written,
    without the separator: `五`, `3`, `１２`, `（二）`."""
    text = line.text
    if DATE.fullmatch(text):
        return _paragraph("date", line, "", 0, text, text)
    if is_tracking_line(text):
        return _paragraph("tracking", line, "", 0, text, text)
    match = _SECTION.fullmatch(text)
    if match:
        number = chinese_number(match[1])
        kind = "section" if number is not None else "numeral"
        return _paragraph(kind, line, match[1], number or 0, match[2], text)
    match = _ITEM.fullmatch(text)
    if match:
        return _numbered("item", line, match[1], match[1], match[2], text)
    match = _SUBITEM.fullmatch(text)
    if match:
        number = chinese_number(match[1])
        if number is not None:
            return _paragraph("subitem", line, f"（{match[1]}）", number, match[2], text)
    match = _POINT.fullmatch(text)
    if match:
        return _numbered("point", line, f"（{match[1]}）", match[1], match[2], text)
    return None


def _numbered(kind: str, line: Line, marker: str, digits: str, rest: str, text: str) -> Paragraph:
    """An item heading numbered in digits; "long_number" when the number has more digits
    than any plan's item number (Python refuses to read one of thousands of digits)."""
    if len(digits) > MAX_DIGITS:
        shown = marker.replace(digits, digits[:8] + "…")
        return _paragraph("long_number", line, shown, len(digits), rest, text)
    return _paragraph(kind, line, marker, int(digits.translate(FULL_WIDTH_DIGITS)), rest, text)


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
    # A line well past the margin was not wrapped there: it is a line of its own.
    filled = margin - _FULL_SLACK <= last.width <= margin + _FULL_SLACK
    return filled and not ends_sentence(last.text)


def as_text(paragraph: Paragraph) -> None:
    """A heading that is not one here: its text as written, marker and all."""
    paragraph.text = paragraph.prefix + paragraph.text
    paragraph.kind, paragraph.marker, paragraph.number, paragraph.prefix = "text", "", 0, ""


def title_end(text: str) -> int | None:
    """Index of the first 。 that is not inside quotation marks or 《》, or None.

    Only marks that are closed count as quoting: a real document may open a “ and
    never close it, and that must not swallow the rest of the paragraph.
    """
    quoted = [0] * (len(text) + 1)
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in QUOTES:
            stack.append((char, index))
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                opener, start = stack[depth]
                if QUOTES[opener] == char:
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
