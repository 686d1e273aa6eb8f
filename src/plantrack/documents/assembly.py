"""Assembling a plan from a document's paragraphs: sections, items, numbering, what is left out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from plantrack.documents.annotations import Annotator, Draft
from plantrack.documents.front import Front, is_signature, read_front
from plantrack.documents.paragraphs import (
    FULL_WIDTH_DIGITS,
    MAX_DIGITS,
    Paragraph,
    as_text,
    paragraphs,
)
from plantrack.documents.reading import Document, document_error
from plantrack.errors import PlantrackError, Problem
from plantrack.i18n import t
from plantrack.model import Item, Plan, Section
from plantrack.numerals import section_numeral
from plantrack.text import ends_sentence


@dataclass(frozen=True, slots=True)
class Note:
    """Something import wants the user to know about the plan it made from a document."""

    # "closing" (lines not imported), "tracking" (tracking lines left out), "tables", "unread" (a part of a .docx that is not
    # text), "title" (made up), "renumbered"
    code: str
    message: str


@dataclass(slots=True)
class Imported:
    """A plan read from a document, with what the import wants the user to know."""

    plan: Plan
    encoding: str
    notes: list[Note] = field(default_factory=list)
    had_title: bool = True
    renumbered: bool = False
    left_out: list[LeftOut] = field(default_factory=list)  # in the order of the document
    year_from: str = "option"  # "option" (--year), "title" or "preamble"
    # What it took as the plan's title, preamble and year, and from where; then each
    # item's owners and deadline.
    taken: list[Note] = field(default_factory=list)
    owners: int = 0  # items whose owners it took from their text
    deadlines: int = 0  # items whose deadline it read in their text


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A line of the document that is not in the plan, and why: "notice" (the notice the
    plan was sent with), "title" (replaced by --title), "tracking" (an item's tracking state,
    as render --with-status writes it) or "closing" (signature and date)."""

    line: int
    text: str
    reason: str


@dataclass(slots=True)
class _ItemDraft:
    paragraph: Paragraph
    body: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class _SectionDraft:
    paragraph: Paragraph
    content: list[Paragraph] = field(default_factory=list)
    items: list[_ItemDraft] = field(default_factory=list)
    reported: bool = False  # an item in it is reported already


Report = Callable[..., None]

_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")
_SUBJECT = re.compile(r"(.{2,60}?)的总体要求")


def import_document(
    document: Document, year: int | None = None, title: str | None = None, due: bool = True
) -> Imported:
    """The plan a document gives, or PlantrackError listing every line it cannot place.

    `year` and `title`, when given, are the plan's, whatever the document says; `due`
    False leaves deadlines in the text alone.
    """
    path = document.path
    problems: list[Problem] = []

    def report(paragraph: Paragraph | None, key: str, **values: object) -> None:
        line, column = (paragraph.line, paragraph.column) if paragraph else (1, 1)
        problems.append(Problem(path, line, column, t(key, **values), code="import"))

    if not any(line.text for line in document.lines):
        raise document_error(path, "import.empty")
    found = paragraphs(document)
    tracking = [line for p in found if p.kind == "tracking" for line in p.lines]
    found = [paragraph for paragraph in found if paragraph.kind != "tracking"]
    closing = _closing(found)
    if closing:
        del found[-len(closing) :]
    front: list[Paragraph] = []
    sections: list[_SectionDraft] = []
    for paragraph in found:
        if paragraph.kind == "numeral":
            report(paragraph, "import.numeral", marker=paragraph.marker)
            continue
        if paragraph.kind == "long_number":
            report(
                paragraph,
                "import.long_number",
                marker=paragraph.marker,
                digits=f"{paragraph.number:,}",
                limit=MAX_DIGITS,
            )
            if sections:  # the section's item is this one, already reported
                sections[-1].reported = True
            continue
        if paragraph.kind == "date" and sections:  # a date that closes nothing is text
            as_text(paragraph)
        if paragraph.kind == "section":
            sections.append(_SectionDraft(paragraph))
        elif sections:
            sections[-1].content.append(paragraph)
        elif paragraph.kind in ("text", "date"):  # a date here may close the notice
            front.append(paragraph)
        else:
            report(paragraph, "import.item_before_section", marker=paragraph.marker)
    if not sections:  # nothing else is worth saying about such a document
        raise PlantrackError(problems=[Problem(path, 1, 1, t("import.no_sections"))])
    for section in sections:
        _place_items(section, report)

    read = read_front(front)
    for paragraph in read.title_paragraphs + read.preamble:
        as_text(paragraph)
    preamble = "\n".join(paragraph.text for paragraph in read.preamble)
    had_title = bool(read.title) or title is not None
    plan_title = title if title is not None else read.title
    plan_year, year_from = _year(year, plan_title, preamble)
    if plan_year is None:
        report(None, "import.no_year")
    _check_section_numbers(sections, report)
    renumbered = _check_item_numbers(sections, report)

    plan_sections: list[Section] = []
    annotator = Annotator(plan_year, due)
    number = 0
    for section in sections:
        heading = section.paragraph
        if not heading.text:
            report(heading, "import.empty_heading", marker=heading.marker)
        if not section.items and not section.reported:
            report(heading, "import.no_items", marker=heading.marker)
        drafts = []
        for draft in section.items:
            number += 1
            drafts.append(Draft(number, draft.paragraph, draft.body))
        items = []
        for item in annotator.group(drafts):
            if not item.title:
                report(item.heading, "import.no_title", marker=item.heading.marker)
                continue
            items.append(Item(number=item.number, title=item.title, text=item.text, **item.fields))
        if heading.text:
            plan_sections.append(Section(title=heading.text, items=items))
    if problems:
        problems.sort(key=lambda problem: (problem.line, problem.column))
        raise PlantrackError(problems=problems)
    assert plan_year is not None  # reported above otherwise

    left_out = [LeftOut(line.number, line.text, "notice") for p in read.notice for line in p.lines]
    if title is not None:
        left_out += [
            LeftOut(line.number, line.text, "title")
            for p in read.title_paragraphs
            for line in p.lines
        ]
    left_out.sort(key=lambda entry: entry.line)  # a notice may come after the title
    notes = [Note(f"left_out_{entry.reason}", _left_out_message(entry)) for entry in left_out]
    taken = _taken(read, title, plan_year, year_from)
    taken += [Note(code, message) for code, message in annotator.taken]
    notes += [Note(code, message) for code, message in annotator.notes]
    if closing:
        lines = [line for paragraph in closing for line in paragraph.lines]
        left_out += [LeftOut(line.number, line.text, "closing") for line in lines]
        key = "import.closing" if len(lines) > 1 else "import.closing_date"
        text = " ".join(line.text for line in lines)
        notes.append(
            Note("closing", t(key, first=lines[0].number, last=lines[-1].number, text=text))
        )
    if tracking:
        left_out += [LeftOut(line.number, line.text, "tracking") for line in tracking]
        left_out.sort(key=lambda entry: entry.line)
        numbers = t("import.list_separator").join(str(line.number) for line in tracking)
        key = "import.tracking_lines" if len(tracking) > 1 else "import.tracking_line"
        notes.append(Note("tracking", t(key, lines=numbers)))
    if document.from_tables:
        notes.append(Note("tables", t("import.from_tables")))
    elif document.tables:
        places = t("import.list_separator").join(str(place) for place in document.table_places)
        notes.append(Note("tables", t("import.tables", count=document.tables, places=places)))
    for place, what in document.unread:
        notes.append(Note("unread", t("import.unread", paragraph=place, what=t(what))))
    if not had_title:
        plan_title = derived_title(preamble, plan_year)
        from_year = plan_title == f"{plan_year}年工作要点"
        key = "import.title_from_year" if from_year else "import.title_from_preamble"
        notes.append(Note("title", t(key, title=plan_title)))
    if renumbered:
        notes.append(Note("renumbered", t("import.renumbered", low=1, high=number)))
    plan = Plan(
        title=plan_title,
        year=plan_year,
        preamble=preamble,
        owner_style=annotator.style,
        sections=plan_sections,
    )
    return Imported(
        plan,
        document.encoding,
        notes,
        had_title,
        renumbered,
        left_out,
        year_from,
        taken,
        annotator.owners,
        annotator.deadlines,
    )


def _left_out_message(entry: LeftOut) -> str:
    return t(f"import.left_out_{entry.reason}", line=entry.line, text=entry.text)


def _taken(read: Front, title: str | None, year: int, year_from: str) -> list[Note]:
    """What import took as the plan's title, preamble and year, and from which lines."""
    notes = []
    lines = [line.number for paragraph in read.title_paragraphs for line in paragraph.lines]
    if title is not None:
        notes.append(Note("title", t("import.title_option", title=title)))
    elif lines:
        key = "import.title_line" if len(lines) == 1 else "import.title_lines"
        notes.append(Note("title", t(key, first=lines[0], last=lines[-1], title=read.title)))
    lines = [line.number for paragraph in read.preamble for line in paragraph.lines]
    if lines:
        key = "import.preamble_line" if len(lines) == 1 else "import.preamble_lines"
        notes.append(Note("preamble", t(key, first=lines[0], last=lines[-1])))
    notes.append(
        Note("year", t("import.year_from", year=year, source=t(f"import.year_{year_from}")))
    )
    return notes


def _closing(found: list[Paragraph]) -> list[Paragraph]:
    """The closing block of an official document: a last line that is only a date, and
    the line of the organisation that signs it just before, when that stands apart (after
    a blank line, or indented) or is a short line that is not a sentence. It is not part of
    the last item."""
    if not found or found[-1].kind != "date":
        return []
    date = found[-1]
    if len(found) >= 2:
        signature = found[-2]
        apart = signature.after_blank or signature.column > 1
        one_line = signature.kind == "text" and len(signature.lines) == 1
        sentence = ends_sentence(signature.text) or "。" in signature.text
        # Set apart or not, a short line that is no sentence is the signature: as the
        # last item's text it would be damage nobody sees.
        if one_line and not sentence and (apart or is_signature(signature)):
            return [signature, date]
    return [date]


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
            as_text(paragraph)
        if paragraph.kind == item_kind:
            section.items.append(_ItemDraft(paragraph))
        elif paragraph.kind != "text":
            report(paragraph, "import.subheading", marker=paragraph.marker)
        elif section.items:
            section.items[-1].body.append(paragraph)
        else:
            report(paragraph, "import.stray", section=section.paragraph.marker)


def _year(year: int | None, title: str, preamble: str) -> tuple[int | None, str]:
    """The plan's year and where it came from: --year, else the title, else the preamble."""
    if year is not None:
        return year, "option"
    for source, text in (("title", title), ("preamble", preamble)):
        match = _YEAR.search(text.translate(FULL_WIDTH_DIGITS))
        if match:
            return int(match[1]), source
    return None, ""


def derived_title(preamble: str, year: int) -> str:
    """A title for a document that has no title line, from its preamble's subject.

    `2022年……工作的总体要求是：` gives `2022年……工作要点`; otherwise `<year>年工作要点`.
    """
    match = _SUBJECT.match(preamble.split("\n", 1)[0])
    if match and "。" not in match[1]:
        subject = match[1]
        return subject + ("要点" if subject.endswith("工作") else "工作要点")
    return f"{year}年工作要点"


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
