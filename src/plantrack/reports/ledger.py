"""The 台账 table (one row per item, as offices hand it to supervisors) and the ledger across
items in date order (一事一记), as plain tables that any format can render."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from plantrack.history import Schedule, Standing
from plantrack.i18n import listing, t
from plantrack.model import Item, LogEntry, Plan, Status
from plantrack.summary import StatusView

# A ledger entry's changes stay a mapping ({field: (old, new)}) for the renderer to word.
# A status stays a Status, worded in the user's language on the page and as its code in JSON.
Cell = str | int | float | dt.date | Status | Mapping[str, tuple[Any, Any]] | None


@dataclass
class Table:
    """Rows of cells under headers; `keys` name the columns in JSON."""

    title: str
    keys: list[str]
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    # Per row, how its status cell is coloured: due_soon, behind, overdue or None.
    marks: list[str | None] = field(default_factory=list)
    mark_column: int | None = None
    percent: frozenset[int] = frozenset()  # numbers shown as percentages
    wrap: frozenset[int] = frozenset()  # long text, wrapped in a spreadsheet


EXPORT_KEYS = [
    "number",
    "section",
    "subsection",
    "title",
    "text",
    "owner",
    "due",
    "status",
    "progress",
    "expected",
    "latest",
    "remarks",
]
# Long text, wrapped in a spreadsheet.
_WRAPPED = ("section", "subsection", "title", "text", "latest", "remarks")


def export_table(view: StatusView) -> Table:
    """The 台账 of the items in `view`: 序号, 所属部分, 所属小标题 (in a plan with
    sub-sections), 工作任务, 具体内容, 责任人, 完成时限, 状态, 进度, 序时进度, 最新进展, 备注."""
    levels = any(section.has_subsections() for section in view.plan.sections)
    keys = [key for key in EXPORT_KEYS if levels or key != "subsection"]
    table = Table(
        title=t("export.title", title=view.plan.title),
        keys=keys,
        headers=[t("export.col_" + key) for key in keys],
        mark_column=keys.index("status"),
        percent=frozenset({keys.index("progress"), keys.index("expected")}),
        wrap=frozenset(keys.index(key) for key in _WRAPPED if key in keys),
    )
    remarks = _Remarks(view)
    for section in view.sections:
        heading = f"{section.numeral}、{section.title}" if section.title is not None else None
        for item in section.items:
            schedule = view.schedules[item.number]
            latest = item.log[-1] if item.log else None
            row: list[Cell] = [
                item.number,
                heading,
                item.subsection,
                item.title,
                item.text,
                _owners(item),
                item.due,
                item.current_status,
                100 if item.current_status is Status.DONE else item.progress,
                schedule.expected,
                f"{latest.date.isoformat()} {latest.note}" if latest and latest.note else None,
                remarks(item, schedule),
            ]
            if not levels:
                del row[EXPORT_KEYS.index("subsection")]
            table.rows.append(row)
            table.marks.append(mark(schedule))
    return table


def _owners(item: Item) -> str | None:
    """The 责任人 cell: the lead, and the co-owners after it."""
    if not item.co_owners:
        return item.owner
    co_owners = listing(item.co_owners)
    return t("export.owner_with", owner=item.owner or "—", co_owners=co_owners)


def mark(schedule: Schedule) -> str | None:
    """The supervision colour of an item: red overdue, yellow behind, blue due soon."""
    if schedule.standing is Standing.OVERDUE:
        return "overdue"
    if schedule.standing is Standing.BEHIND:
        return "behind"
    return "due_soon" if schedule.due_soon else None


class _Remarks:
    """The 备注 cell of each item of `view`: its words looked up once for the whole table,
    not for every row (a 10,000-item 台账 asked the catalogue 30,000 times)."""

    def __init__(self, view: StatusView) -> None:
        self.view = view
        self.behind = t("standing.behind")
        self.due_soon = t("standing.due_soon")
        self.unexplained = t("history.unexplained")
        self.separator = t("export.separator")
        self.overdue: dict[int, str] = {}  # by days overdue

    def __call__(self, item: Item, schedule: Schedule) -> str | None:
        parts = []
        if schedule.standing is Standing.OVERDUE and item.due is not None:
            days = (self.view.today - item.due).days
            overdue = self.overdue.get(days)
            if overdue is None:
                overdue = self.overdue[days] = t("export.overdue_days", days=days)
            parts.append(overdue)
        elif schedule.standing is Standing.BEHIND:
            parts.append(self.behind)
        if schedule.due_soon:
            parts.append(self.due_soon)
        if item.current_status is Status.BLOCKED:
            notes = [entry.note for entry in item.log or [] if entry.note]
            reason = notes[-1] if notes else t("report.no_reason")
            parts.append(t("export.blocked", reason=reason))
        if item.number in self.view.unexplained:
            parts.append(self.unexplained)
        return self.separator.join(parts) or None


# --------------------------------------------------------------------------- the ledger

LOG_KEYS = ["date", "number", "title", "owner", "by", "changes", "note"]


@dataclass(frozen=True)
class LogFilters:
    since: dt.date | None = None
    until: dt.date | None = None
    items: tuple[int, ...] = ()
    owner: str | None = None
    by: str | None = None

    def admit(self, item: Item, entry: LogEntry) -> bool:
        if self.since is not None and entry.date < self.since:
            return False
        if self.until is not None and entry.date > self.until:
            return False
        if self.items and item.number not in self.items:
            return False
        if self.owner is not None and not item.owned_by(self.owner):
            return False
        return self.by is None or entry.by == self.by


def log_entries(plan: Plan, filters: LogFilters) -> list[tuple[Item, LogEntry]]:
    """The ledger entries of every item that `filters` admits, in date order (entries of
    one day in plan order)."""
    entries = [
        (item, entry)
        for _, item in plan.items()
        for entry in item.log or []
        if filters.admit(item, entry)
    ]
    return sorted(entries, key=lambda pair: pair[1].date)


def log_table(plan: Plan, entries: list[tuple[Item, LogEntry]]) -> Table:
    table = Table(
        title=t("log.title", title=plan.title),
        keys=LOG_KEYS,
        headers=[t("log.col_" + key) for key in LOG_KEYS],
        wrap=frozenset({2, 5, 6}),
    )
    for item, entry in entries:
        table.rows.append(
            [
                entry.date,
                item.number,
                item.title,
                item.owner,
                entry.by,
                dict(entry.changes or {}) or None,
                entry.note,
            ]
        )
    return table
