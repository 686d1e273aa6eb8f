"""Assembling a plan from a document's paragraphs: sections, items, numbering, what is left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plantrack.documents.annotations import Annotator, Draft
from plantrack.documents.front import Front, imprint, is_organisation, is_signature, read_front
from plantrack.documents.levels import (
    ItemDraft,
    Report,
    SectionDraft,
    check_item_numbers,
    place_items,
)
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
    as render --with-status writes it), "closing" (signature and date) or "imprint" (the
    copy-to and printing lines that end an official document)."""

    line: int
    text: str
    reason: str


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
    printed = imprint(found)
    if printed:
        del found[-len(printed) :]
    closing = _closing(found)
    if closing:
        del found[-len(closing) :]
    front: list[Paragraph] = []
    sections: list[SectionDraft] = []
    # A document without 一、 headings is a flat plan: one section, from its first item on.
    flat = not any(paragraph.kind in ("section", "numeral") for paragraph in found)
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
            sections.append(SectionDraft(paragraph))
        elif flat and not sections and paragraph.kind in ("item", "subitem", "point"):
            sections.append(SectionDraft(None, [paragraph]))
        elif sections:
            sections[-1].content.append(paragraph)
        elif paragraph.kind in ("text", "date"):  # a date here may close the notice
            front.append(paragraph)
        else:
            report(paragraph, "import.item_before_section", marker=paragraph.marker)
    if not sections:  # nothing else is worth saying about such a document
        raise PlantrackError(problems=[Problem(path, 1, 1, t("import.no_sections"))])
    for section in sections:
        place_items(section, report)

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
    renumbered = check_item_numbers(sections, report)

    plan_sections: list[Section] = []
    annotator = Annotator(plan_year, due)
    number = 0
    for section in sections:
        heading = section.paragraph
        if heading is not None and not heading.text:
            report(heading, "import.empty_heading", marker=heading.marker)
        if heading is not None and not section.items and not section.reported:
            report(heading, "import.no_items", marker=heading.marker)
        items = []
        for part in _parts(section):
            drafts = []
            for draft in part:
                number += 1
                drafts.append(Draft(number, draft.paragraph, draft.body))
            for draft, item in zip(part, annotator.group(drafts), strict=True):
                if not item.title:
                    report(item.heading, "import.no_title", marker=item.heading.marker)
                    continue
                # An empty sub-heading is reported; its items are built all the same.
                subsection = draft.subsection.text or None if draft.subsection else None
                items.append(
                    Item(
                        number=item.number,
                        subsection=subsection,
                        title=item.title,
                        text=item.text,
                        **item.fields,
                    )
                )
        if heading is None or heading.text:
            plan_sections.append(Section(title=heading.text if heading else None, items=items))
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
    body = (sections[0].line, found[-1].lines[-1].number, sections[0].paragraph is None)
    taken = _taken(read, title, plan_year, year_from, body)
    taken += [Note(code, message) for code, message in annotator.taken]
    notes += [Note(code, message) for code, message in annotator.notes]
    mixed = annotator.mixed()
    if mixed:
        numbers = t("import.list_separator").join(str(number) for number in mixed)
        first = annotator.forms[0][0]
        key = "import.owners_mixed" if len(mixed) > 1 else "import.owner_mixed"
        notes.append(Note("owners_mixed", t(key, items=numbers, first=first)))
    if closing:
        lines = [line for paragraph in closing for line in paragraph.lines]
        left_out += [LeftOut(line.number, line.text, "closing") for line in lines]
        key = "import.closing" if len(lines) > 1 else "import.closing_date"
        text = " ".join(line.text for line in lines)
        notes.append(
            Note("closing", t(key, first=lines[0].number, last=lines[-1].number, text=text))
        )
    printed_lines = [
        LeftOut(line.number, line.text, "imprint") for p in printed for line in p.lines
    ]
    left_out += printed_lines
    notes += [Note("left_out_imprint", _left_out_message(entry)) for entry in printed_lines]
    if tracking:
        left_out += [LeftOut(line.number, line.text, "tracking") for line in tracking]
        left_out.sort(key=lambda entry: entry.line)
        numbers = t("import.list_separator").join(str(line.number) for line in tracking)
        key = "import.tracking_lines" if len(tracking) > 1 else "import.tracking_line"
        notes.append(Note("tracking", t(key, lines=numbers)))
    joined = _joined(found)
    if joined:
        notes.append(Note("joined", t("import.joined", lines=joined)))
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


def _joined(found: list[Paragraph]) -> str:
    """The lines of hard-wrapped text joined into one paragraph each (`3–4, 7–9`), or ""."""
    spans = []
    for paragraph in found:
        numbers = [line.number for line in paragraph.lines]
        if numbers[0] != numbers[-1]:  # a .docx's soft breaks share their paragraph's number
            spans.append(f"{numbers[0]}–{numbers[-1]}")
    return t("import.list_separator").join(spans)


def _left_out_message(entry: LeftOut) -> str:
    return t(f"import.left_out_{entry.reason}", line=entry.line, text=entry.text)


def _taken(
    read: Front, title: str | None, year: int, year_from: str, body: tuple[int, int, bool]
) -> list[Note]:
    """What import took as the plan's title, preamble, sections and items, and year, and
    from which lines: with the lines left out, every line of the document is named."""
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
    key = "import.body_lines_flat" if body[2] else "import.body_lines"
    notes.append(Note("body", t(key, first=body[0], last=body[1])))
    notes.append(
        Note("year", t("import.year_from", year=year, source=t(f"import.year_{year_from}")))
    )
    return notes


def _closing(found: list[Paragraph]) -> list[Paragraph]:
    """The closing block of an official document: a last line that is only a date, and
    the line of the organisation that signs it just before, when it reads as an
    organisation's name and stands apart (after a blank line, or indented) or is a short
    line that is not a sentence. It is not part of the last item; a line that names no
    organisation (`按季度形成书面报告`) is the item's text, whatever follows it."""
    if not found or found[-1].kind != "date":
        return []
    date = found[-1]
    if len(found) >= 2:
        signature = found[-2]
        apart = signature.after_blank or signature.column > 1
        one_line = signature.kind == "text" and len(signature.lines) == 1
        sentence = ends_sentence(signature.text) or "。" in signature.text
        # Set apart or not, a short line that is no sentence and names an organisation is
        # the signature: as the last item's text it would be damage nobody sees. A line
        # that names none is the item's, as a date may close an item's text.
        named = is_organisation(signature.text)
        if one_line and not sentence and named and (apart or is_signature(signature)):
            return [signature, date]
    return [date]


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


def _parts(section: SectionDraft) -> list[list[ItemDraft]]:
    """A section's items by the heading they are under, as the plan's Section.parts() has
    them: the groups a line of owners after the last item is for."""
    if all(draft.subsection is None for draft in section.items):
        return [section.items] if section.items else []
    found: list[list[ItemDraft]] = []
    for draft in section.items:
        under = draft.subsection
        if found and under is not None and found[-1][-1].subsection is under:
            found[-1].append(draft)
        else:
            found.append([draft])
    return found


def _check_section_numbers(sections: list[SectionDraft], report: Report) -> None:
    for index, section in enumerate(sections):
        if section.paragraph is not None and section.paragraph.number != index + 1:
            report(
                section.paragraph,
                "import.section_number",
                marker=section.paragraph.marker,
                expected=section_numeral(index),
            )
