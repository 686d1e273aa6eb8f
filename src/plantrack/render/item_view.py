"""One item in full, as `show` gives it: its place in the plan, text, fields and ledger."""

from __future__ import annotations

from typing import Any

from plantrack.history import Schedule
from plantrack.i18n import t
from plantrack.model import Item, Plan
from plantrack.numerals import part_marker, section_numeral
from plantrack.render.terminal import Stream
from plantrack.render.views import (
    GAP,
    STATUS_STYLE,
    describe_changes,
    field_label,
    field_value,
    standing_style,
    standing_word,
    status_word,
)
from plantrack.render.visible import visible
from plantrack.render.wrapped import Wrapped
from plantrack.summary import item_record


def render_item(
    plan: Plan,
    section_index: int,
    item: Item,
    today: Any,
    out: Stream,
    schedule: Schedule,
    unexplained: tuple[str, ...] = (),
    as_of: bool = False,
) -> None:
    """The item's section and title, its whole text wrapped to the width, its fields, and
    its ledger as a table with each entry's note wrapped under it."""
    from rich.table import Table
    from rich.text import Text

    if as_of:
        out.show(Text(t("status.as_of", date=today.isoformat()), style="dim"))
    out.show(*(Wrapped(line) for line in _item_heading(plan, section_index, item)))
    out.show("")
    if item.text:
        out.show(Wrapped(Text(visible(item.text))), "")
    status = item.current_status
    due = Text(item.due.isoformat() if item.due else "—")
    if item.is_overdue(today):
        due.append(" " + t("status.overdue"), style="bold red")
    fields = Table.grid(padding=(0, GAP, 0, 0))
    fields.add_column(style="dim", no_wrap=True)
    fields.add_column()
    fields.add_row(t("col.owner"), Text(visible(item.owner) if item.owner else "—"))
    if item.co_owners:
        fields.add_row(t("col.co_owners"), Wrapped(Text(field_value("co_owners", item.co_owners))))
    fields.add_row(t("col.status"), Text(status_word(status), style=STATUS_STYLE[status]))
    progress = f"{item.progress}%" if item.progress is not None else "—"
    fields.add_row(t("col.progress"), progress)
    fields.add_row(t("col.due"), due)
    standing = Text(standing_word(schedule), style=" ".join(standing_style(schedule)))
    fields.add_row(t("col.schedule"), standing)
    if schedule.expected is not None:
        fields.add_row(t("col.expected"), f"{schedule.expected}%")
    if unexplained:
        names = ", ".join(field_label(name) for name in unexplained)
        fields.add_row(t("history.unexplained"), Text(names, style="yellow"))
    out.show(fields, "", Text(t("col.log"), style="bold"))
    if not item.log:
        out.show(" " * GAP + t("log.empty"))
        return
    ledger = Table.grid(padding=(0, 0, 0, GAP), pad_edge=True)
    ledger.add_column(no_wrap=True)
    ledger.add_column(no_wrap=True, overflow="ellipsis", max_width=16)
    ledger.add_column()
    for entry in item.log:
        what = Text(describe_changes(entry.changes or {}))
        if entry.note:
            what.append(("\n" if what else "") + visible(entry.note), style="italic")
        ledger.add_row(entry.date.isoformat(), visible(entry.by), Wrapped(what))
    out.show(ledger)


def _item_heading(plan: Plan, section_index: int, item: Item) -> list[Any]:
    """The lines over an item in full: its section (none in a flat plan), its sub-section
    when it has one, then its number and title — after its part's numeral, `（二）3. title`,
    when it is a part of its own, as the document numbers it."""
    from rich.text import Text

    section = plan.sections[section_index]
    lines = []
    if section.title is not None:
        lines.append(Text(f"{section_numeral(section_index)}、{visible(section.title)}", "dim"))
    place = section.part_places().get(item.number)
    marker = ""
    if place is not None and place[1] is not None:
        lines.append(Text(part_marker(place[0]) + visible(place[1]), style="dim"))
    elif place is not None:
        marker = part_marker(place[0])
    return [*lines, Text(f"{marker}{item.number}. {visible(item.title)}", style="bold")]


def item_json(
    plan: Plan,
    section_index: int,
    item: Item,
    today: Any,
    schedule: Schedule,
    unexplained: tuple[str, ...] = (),
) -> dict[str, Any]:
    return item_record(item, section_index, plan, today, schedule, unexplained)
