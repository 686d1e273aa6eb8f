"""A section's items from its paragraphs, at up to three levels: 一、 → （一） → 1., and their numbers.

In a section with `1.` items, a `（一）` heading with items under it is a sub-section (its
title goes on each of them), and one with a paragraph and no items is an item of its own.
A section without `1.` items has its `（一）` paragraphs as items, or its `（1）` ones. A
flat plan, whose document has no `一、` headings, is one section with no heading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from plantrack.documents.paragraphs import Paragraph, as_text, title_end
from plantrack.numerals import part_marker

Report = Callable[..., None]


@dataclass(slots=True)
class ItemDraft:
    paragraph: Paragraph
    body: list[Paragraph] = field(default_factory=list)
    subsection: Paragraph | None = None  # the （一） heading of the sub-section it is in
    starts: bool = False  # the first `1.` of its section or sub-section: it may restart at 1


@dataclass(slots=True)
class SectionDraft:
    paragraph: Paragraph | None  # None for the one section of a flat plan
    content: list[Paragraph] = field(default_factory=list)
    items: list[ItemDraft] = field(default_factory=list)
    reported: bool = False  # an item in it is reported already
    # The （一） paragraphs of a section with `1.` items: its sub-sections and its items at
    # the （一） level, numbered together.
    parts: list[Paragraph] = field(default_factory=list)

    @property
    def marker(self) -> str:
        return self.paragraph.marker if self.paragraph is not None else ""

    @property
    def line(self) -> int:
        """The line the section starts on: its heading's, or its first item's."""
        return (self.paragraph or self.content[0]).line


def place_items(section: SectionDraft, report: Report) -> None:
    """A section's items: its `1.` paragraphs (under their `（一）` sub-sections, and the
    `（一）` paragraphs with no `1.` under them), or when it has none its `（一）`
    paragraphs, or when it has neither its `（1）` paragraphs.

    Text paragraphs belong to the item before them, and so does a `（1）` under an item
    (GB/T 9704's fourth level); one before the first item cannot be placed.
    """
    kinds = {paragraph.kind for paragraph in section.content}
    item_kind = next((kind for kind in ("item", "subitem", "point") if kind in kinds), "item")
    subsection: Paragraph | None = None
    for paragraph in section.content:
        if paragraph.kind == "point" and item_kind != "point":
            as_text(paragraph)
        if paragraph.kind == "subitem" and item_kind == "item":
            # An item of its own until a `1.` comes under it and makes it a sub-section.
            section.parts.append(paragraph)
            section.items.append(ItemDraft(paragraph))
            subsection = None
        elif paragraph.kind == item_kind:
            draft = ItemDraft(paragraph, subsection=subsection, starts=not section.items)
            last = section.items[-1] if section.items else None
            if item_kind == "item" and last is not None and last.paragraph.kind == "subitem":
                section.items.pop()
                _subsection_heading(last, report)
                draft.subsection = subsection = last.paragraph
                draft.starts = True
            section.items.append(draft)
        elif section.items:
            section.items[-1].body.append(paragraph)
        elif section.paragraph is None:
            report(paragraph, "import.stray_flat")
        else:
            report(paragraph, "import.stray", section=section.marker)


def _subsection_heading(draft: ItemDraft, report: Report) -> None:
    """A sub-section's heading is its title, with or without a 。: text of its own has no
    place in the plan, so it is refused rather than lost."""
    heading = draft.paragraph
    end = title_end(heading.text)
    rest = heading.text[end + 1 :].strip() if end is not None else ""
    heading.text = (heading.text[:end] if end is not None else heading.text).strip()
    if rest or draft.body:
        report(heading, "import.subsection_text", marker=heading.marker)
    elif not heading.text:
        report(heading, "import.empty_subheading", marker=heading.marker)


def check_item_numbers(sections: list[SectionDraft], report: Report) -> bool:
    """Check that items count up by one: across the plan (counting items at the （一）
    level or not), or from 1 again in each section or sub-section; and that the （一）
    paragraphs of each section count up by one.

    Returns whether the plan's numbers differ from the document's (it renumbered).
    """
    previous = 0
    plan_number = 0
    renumbered = False
    for section in sections:
        _check_parts(section.parts, report)
        # A section whose items are its （一） paragraphs numbers them apart: the `1.`
        # items after it count on from those before it.
        counted = previous
        for draft in section.items:
            paragraph = draft.paragraph
            plan_number += 1
            if section.parts and paragraph.kind == "subitem":
                continue  # an item at the （一） level: numbered with the sub-sections
            written = paragraph.number

            def marker(number: int, kind: str = paragraph.kind) -> str:
                return _marker(kind, number)

            if written in (previous + 1, plan_number) or (draft.starts and written == 1):
                pass
            elif draft.starts:
                if draft.subsection is not None:
                    key = "import.subsection_start"
                else:
                    key = "import.first_number" if previous == 0 else "import.section_start"
                report(
                    paragraph,
                    key,
                    marker=paragraph.marker,
                    expected=marker(previous + 1),
                    restart=marker(1),
                    subsection=draft.subsection.marker if draft.subsection else "",
                )
            else:
                report(
                    paragraph,
                    "import.number_skip",
                    marker=paragraph.marker,
                    previous=marker(previous),
                    expected=marker(previous + 1),
                )
            previous = written
            renumbered = renumbered or written != plan_number
        if all(draft.paragraph.kind != "item" for draft in section.items):
            previous = counted
    return renumbered


def _check_parts(parts: list[Paragraph], report: Report) -> None:
    """A section's （一） paragraphs count from （一） up by one."""
    for index, paragraph in enumerate(parts):
        if paragraph.number != index + 1:
            report(
                paragraph,
                "import.part_number",
                marker=paragraph.marker,
                expected=part_marker(index),
            )


def _marker(kind: str, number: int) -> str:
    if kind == "point":
        return f"（{number}）"
    if kind == "subitem":
        return part_marker(number - 1) if number >= 1 else "（〇）"
    return str(number)
