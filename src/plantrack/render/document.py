"""A plan as a document: plain text in the conventions of official documents, Markdown, or
the blocks a Word document is laid out from.

Text is what `plantrack import` reads, so that importing a document and rendering the
plan gives the document back. With its tracking state, each item is followed by a line of
its owner, status, progress and deadline, which import recognises and leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from plantrack.i18n import listing, t
from plantrack.model import Item, OwnerStyle, Plan
from plantrack.numerals import part_marker, section_numeral
from plantrack.render.blocks import Heading, Paragraph, Title
from plantrack.text import ends_sentence

# The blocks a plan's document is made of: no bullets or tables.
PlanBlock = Title | Heading | Paragraph


def render_text(plan: Plan, with_status: bool = False) -> str:
    """The plan as a document: title, preamble, `一、section`, `N.item title。item text`."""
    return "".join(block.text + "\n" for block in plan_blocks(plan, with_status))


def plan_blocks(plan: Plan, with_status: bool = False) -> list[PlanBlock]:
    """The plan as the blocks of its document, one block a line of the text rendering: the
    text and the Word renderings are both made from these, so they say the same thing.
    `with_status`: each item's tracking line after it."""
    return list(_blocks(plan, with_status))


def _blocks(plan: Plan, status: bool) -> Iterator[PlanBlock]:
    from plantrack.render.owners import DEFAULT_STYLE

    style = plan.owner_style or DEFAULT_STYLE
    year = plan.year
    yield Title(plan.title)
    if plan.preamble:
        yield from (Paragraph(line) for line in plan.preamble.split("\n"))
    for index, section in enumerate(plan.sections):
        if section.title is not None:  # a flat plan's one section has no heading
            yield Heading(f"{section_numeral(index)}、{section.title}")
        if not section.has_subsections():
            marked = [(f"{item.number}.", item) for item in section.items]
            yield from _group(marked, style, year, status)
            continue
        for part, (subsection, items) in enumerate(section.parts()):
            if subsection is None:  # an item at the （一） level: `（二）title。text`
                yield from _group([(part_marker(part), items[0])], style, year, status)
                continue
            yield Heading(part_marker(part) + subsection, level=2)
            marked = [(f"{item.number}.", item) for item in items]
            yield from _group(marked, style, year, status)


def _group(
    marked: list[tuple[str, Item]], style: OwnerStyle, year: int, status: bool
) -> Iterator[PlanBlock]:
    """The items under one heading, each with its owners; in style (e), the owners all of
    them share once after the last (two items at least, all with the same owners)."""
    from plantrack.render.owners import owner_lines

    items = [item for _, item in marked]
    shared = _shares_owners(items, style)
    owned = [bool(item.owner or item.co_owners) for item in items]
    # Lines of owners after the last item, and none after the others, are the group's:
    # a blank line before that item says they are its own.
    apart = style.form in ("lines", "group") and not shared and owned[-1] and not any(owned[:-1])
    for position, (marker, item) in enumerate(marked):
        if apart and position == len(marked) - 1 and position > 0:
            yield Paragraph("")
        yield from _item(marker, item, style, year, not shared, status)
    if shared:
        yield from (Paragraph(line) for line in owner_lines(items[-1], style))


def _shares_owners(items: list[Item], style: OwnerStyle) -> bool:
    """Whether, in style (e), one line of owners after the group says the owners of all its
    items: two items at least, all with the same owners."""
    names = {(item.owner, tuple(item.co_owners or ()), item.owner_groups) for item in items}
    owned = bool(items[0].owner or items[0].co_owners)
    return style.form == "group" and len(items) >= 2 and len(names) == 1 and owned


def _item(
    marker: str, item: Item, style: OwnerStyle, year: int, own_lines: bool, with_status: bool
) -> Iterator[PlanBlock]:
    body = item.text.split("\n") if item.text else []
    if ends_sentence(item.title):
        # `1.如何抓好落实？` takes no 。: the heading is a line of its own and the
        # body follows, which is also how import reads such a heading back.
        lines = [f"{marker}{item.title}", *body]
    else:
        lines = [f"{marker}{item.title}。" + (body[0] if body else ""), *body[1:]]
    yield from (Paragraph(line) for line in _owned(lines, item, style, year, own_lines))
    if with_status:
        yield Paragraph(tracking_line(item), tracking=True)


def _owned(
    lines: list[str], item: Item, style: OwnerStyle, year: int, own_lines: bool = True
) -> list[str]:
    """An item's lines with its owners written in the plan's style: a parenthesis at the end
    of the last line (before its 。 where the document put it there), or lines after them
    (unless `own_lines` is False: a group's line after its last item says them). A deadline
    its text does not give goes with them: in the parenthesis, on a line after the owners'
    in style (a), and in a parenthesis of its own in style (e)."""
    from plantrack.render.owners import deadline_label, owner_lines, owner_parenthesis

    deadline = deadline_label(item, year)
    after = owner_lines(item, style) if own_lines and style.form in ("lines", "group") else []
    if style.form == "lines" and deadline:
        after, deadline = [*after, deadline], None
    ending = owner_parenthesis(item, style, deadline, style.form in ("brackets", "verbs"))
    last = lines[-1]
    if ending and style.before_full_stop and last.endswith("。"):
        lines = [*lines[:-1], last[:-1] + ending + "。"]
    else:
        lines = [*lines[:-1], last + ending]
    return [*lines, *after]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")


def _md(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    match = _MD_LINE_START.match(escaped)
    if match and match[2][0].isdigit():
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    if match:
        return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]
    return escaped


def render_markdown(plan: Plan, with_status: bool = False) -> str:
    """The plan as Markdown: sections as headings, items numbered, each with its owners as
    the text rendering writes them; `with_status`, each with a line of its owner, status,
    progress and deadline. Import reads it back (documents.markdown)."""
    from plantrack.render.owners import DEFAULT_STYLE

    style = plan.owner_style or DEFAULT_STYLE
    year = plan.year
    out = [f"# {_md(plan.title)}", ""]
    for paragraph in plan.preamble.split("\n") if plan.preamble else []:
        out += [_md(paragraph), ""]
    for index, section in enumerate(plan.sections):
        if section.title is not None:
            out += [f"## {section_numeral(index)}、{_md(section.title)}", ""]
        if not section.has_subsections():
            marked = [(f"{item.number}. ", item) for item in section.items]
            out += _md_group(marked, style, year, with_status)
            continue
        for part, (subsection, items) in enumerate(section.parts()):
            if subsection is None:
                out += _md_group([(part_marker(part), items[0])], style, year, with_status, "")
                continue
            out += [f"### {part_marker(part)}{_md(subsection)}", ""]
            marked = [(f"{item.number}. ", item) for item in items]
            out += _md_group(marked, style, year, with_status)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_group(
    marked: list[tuple[str, Item]],
    style: OwnerStyle,
    year: int,
    with_status: bool,
    indent: str | None = None,
) -> list[str]:
    """The items under one heading; in style (e), the owners they share in a paragraph
    after the list, as the text rendering writes them after the last item."""
    from plantrack.render.owners import owner_lines

    items = [item for _, item in marked]
    shared = _shares_owners(items, style)
    out = []
    for marker, item in marked:
        out += _md_item(marker, item, style, year, with_status, indent, not shared)
    if shared:
        for line in owner_lines(items[-1], style):
            out += [_md(line), ""]
    return out


def _md_item(
    marker: str,
    item: Item,
    style: OwnerStyle,
    year: int,
    with_status: bool,
    indent: str | None = None,
    own_lines: bool = True,
) -> list[str]:
    """An item as a numbered list entry, or (with `indent` "") as a paragraph of its own,
    its owners written in the plan's style: a parenthesis at its end, or lines under it
    (unless `own_lines` is False: a paragraph after the list says them)."""
    indent = " " * len(marker) if indent is None else indent
    body = _owned(item.text.split("\n") if item.text else [""], item, style, year, own_lines)
    # The 。 stays outside the bold: CommonMark does not close `**` between a
    # punctuation mark and a letter, which is where Chinese puts it.
    after = " " if ends_sentence(item.title) else "。"
    out = [f"{marker}**{_md(item.title)}**{after}{_md(body[0])}".rstrip()]
    for paragraph in body[1:]:
        out += ["", indent + _md(paragraph)]
    out.append("")
    if with_status:
        out += [indent + tracking_line(item, _md), ""]
    return out


def tracking_line(item: Item, escape: Callable[[str], str] = str) -> str:
    """`Owner: X · Co-owners: Y, Z · Status: doing · Progress: 40% · Due: 2022-06-30`, in
    the user's language; co-owners only when the item has them. Import knows this line by
    its labels (documents.paragraphs.is_tracking_line) and leaves it out."""
    from plantrack.render.views import status_word

    progress = f"{item.progress}%" if item.progress is not None else "—"
    due = item.due.isoformat() if item.due else "—"
    fields = [(t("col.owner"), escape(item.owner) if item.owner else "—")]
    if item.co_owners:
        fields.append((t("col.co_owners"), escape(listing(item.co_owners))))
    fields += [
        (t("col.status"), status_word(item.current_status)),
        (t("col.progress"), progress),
        (t("col.due"), due),
    ]
    return t("doc.separator").join(
        t("doc.field", label=label, value=value) for label, value in fields
    )
