"""The plan as it stood at the end of a day, rebuilt from its ledgers; each item's schedule standing.

Every ledger entry records the fields it changed as `[old, new]`, so a past state is today's
file with the entries dated after that day undone, newest first. Where the ledger does not
account for a value — an entry's `new` is not the value the next entry (or the file) starts
from, or a status or progress is set without any entry that set it — the field is reported
as not explained by the ledger, and the state keeps the value the ledger last recorded.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from plantrack.dates import parse_iso, today
from plantrack.errors import PlantrackError
from plantrack.i18n import t
from plantrack.model import Item, LogEntry, Plan, Status, parse_status

TRACKED_FIELDS = ("owner", "co_owners", "status", "progress", "due")

# A plan is written with its owners and deadlines; status and progress start empty (todo, 0)
# and every later value should come from a ledger entry.
_START: dict[str, Any] = {"status": Status.TODO, "progress": 0}

# How far (in percentage points) an item's progress may lag or lead the straight line from
# its start to its due date and still count as on track.
TOLERANCE = 10
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class PlanAsOf:
    """A plan as it stood at the end of `day`, and the fields the ledger does not explain."""

    plan: Plan
    day: dt.date
    unexplained: dict[int, tuple[str, ...]] = field(default_factory=dict)


def _normal(name: str, value: Any) -> Any:
    """A field's value in one form for comparing: statuses as Status, no progress as 0."""
    if name == "status":
        if value is None:
            return Status.TODO
        return value if isinstance(value, Status) else (parse_status(str(value)) or value)
    if name == "progress" and value is None:
        return 0
    return value


def _field_value(name: str, value: Any) -> Any:
    """A ledger value as the item's field holds it."""
    if name == "status" and value is not None and not isinstance(value, Status):
        return parse_status(str(value))
    return value


def item_as_of(item: Item, day: dt.date) -> tuple[Item, tuple[str, ...]]:
    """`item` at the end of `day`, with its ledger cut at that day, and the fields whose
    value then the ledger does not explain."""
    kept, later = _ledger_at(item, day)
    values: dict[str, Any] = {}
    unexplained = []
    for name in TRACKED_FIELDS:
        value, explained = _value_at(name, getattr(item, name), kept, later)
        values[name] = _field_value(name, value)
        if not explained:
            unexplained.append(name)
    values["log"] = kept if item.log is not None and kept else None
    return item.model_copy(update=values), tuple(unexplained)


def field_as_of(item: Item, name: str, day: dt.date) -> Any:
    """One tracked field of `item` at the end of `day`, as `item_as_of` gives it: for a
    report that needs one field of every item, without copying each item.

    One pass over the ledger, without sorting it: the value is what the last entry up to
    the day that changed the field made it (the last in the file among entries of the
    same date, as a stable sort by date leaves them), else what the first entry after the
    day changed it from, else today's value."""
    last: LogEntry | None = None  # the last entry up to the day that changed the field
    first: LogEntry | None = None  # the first after the day that did
    for entry in item.log or ():
        changes = entry.changes
        if changes is None or name not in changes:
            continue
        if entry.date <= day:
            if last is None or entry.date >= last.date:
                last = entry
        elif first is None or entry.date < first.date:
            first = entry
    if last is not None:
        value = last.changes[name][1]  # type: ignore[index]
    elif first is not None:
        value = first.changes[name][0]  # type: ignore[index]
    else:
        value = getattr(item, name)
    return _field_value(name, value)


def _ledger_at(item: Item, day: dt.date) -> tuple[list[LogEntry], list[LogEntry]]:
    """The item's ledger entries up to the end of `day`, and those after it."""
    # Ledgers are kept in date order; one out of order (lint warns) is read by its dates.
    entries = sorted(item.log or [], key=lambda entry: entry.date)
    kept = [entry for entry in entries if entry.date <= day]
    later = [entry for entry in entries if entry.date > day]
    return kept, later


def _value_at(
    name: str, current: Any, kept: list[LogEntry], later: list[LogEntry]
) -> tuple[Any, bool]:
    # The value on the day lies between the last entry up to the day that changed the field
    # (it says what the value became) and the first entry after the day (it says what the
    # value was); today's file stands in when there is no such entry after the day.
    before = [entry.changes[name] for entry in kept if entry.changes and name in entry.changes]
    after = [entry.changes[name] for entry in later if entry.changes and name in entry.changes]
    upper = after[0][0] if after else current
    if before:
        lower = before[-1][1]
        return lower, _normal(name, lower) == _normal(name, upper)
    if name in _START:
        return upper, _normal(name, upper) == _START[name]
    return upper, True


def plan_as_of(plan: Plan, day: dt.date, today: dt.date) -> PlanAsOf:
    """The plan at the end of `day`; on or after `today` it is the file as it is."""
    if day >= today:
        return PlanAsOf(plan, day)
    unexplained: dict[int, tuple[str, ...]] = {}
    sections = []
    for section in plan.sections:
        items = []
        for item in section.items:
            state, fields = item_as_of(item, day)
            if fields:
                unexplained[item.number] = fields
            items.append(state)
        sections.append(section.model_copy(update={"items": items}))
    return PlanAsOf(plan.model_copy(update={"sections": sections}), day, unexplained)


# --------------------------------------------------------------------------- schedule


class Standing(str, enum.Enum):
    """Where an item stands against the time elapsed to its deadline (序时进度)."""

    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OVERDUE = "overdue"
    DONE = "done"


@dataclass(frozen=True)
class Schedule:
    """An item's expected progress on a day (None without a due date), its standing and
    whether its deadline is near."""

    expected: int | None
    standing: Standing | None
    due_soon: bool

    @property
    def lagging(self) -> bool:
        return self.standing in (Standing.BEHIND, Standing.OVERDUE)


def completion(item: Item) -> int:
    """An item's completion in percent: 100 when done, else its recorded progress."""
    if item.current_status is Status.DONE:
        return 100
    return item.progress or 0


def expected_progress(item: Item, year: int, day: dt.date) -> int | None:
    """The share of the time from the item's start to its due date elapsed at the end of
    `day`, in percent. The start is the plan's 1 January, or the item's first ledger entry
    when that is later."""
    return _expected(item, dt.date(year, 1, 1), day)


def _expected(item: Item, new_year: dt.date, day: dt.date) -> int | None:
    if item.due is None:
        return None
    start = new_year
    if item.log:
        start = max(start, min([entry.date for entry in item.log]))
    if day >= item.due:
        return 100
    if day < start or item.due <= start:
        return 0
    elapsed = (day - start).days + 1  # the end of `day`
    return round(100 * elapsed / ((item.due - start).days + 1))


def schedule(item: Item, year: int, day: dt.date, soon: int = DUE_SOON_DAYS) -> Schedule:
    """An item's schedule at the end of `day` (give it the item as it stood then)."""
    return _schedule(item, dt.date(year, 1, 1), day, day + dt.timedelta(days=soon))


def _schedule(item: Item, new_year: dt.date, day: dt.date, soon_until: dt.date) -> Schedule:
    # The plan's 1 January and the last day that is soon are the same for every item.
    expected = _expected(item, new_year, day)
    if item.current_status is Status.DONE:
        return Schedule(expected, Standing.DONE, False)
    due = item.due
    if due is None or expected is None:
        return Schedule(None, None, False)
    if due < day:
        return Schedule(expected, Standing.OVERDUE, False)
    due_soon = day <= due <= soon_until
    actual = completion(item)
    if actual < expected - TOLERANCE:
        standing = Standing.BEHIND
    elif actual > expected + TOLERANCE:
        standing = Standing.AHEAD
    else:
        standing = Standing.ON_TRACK
    return Schedule(expected, standing, due_soon)


def plan_schedule(plan: Plan, day: dt.date, soon: int = DUE_SOON_DAYS) -> dict[int, Schedule]:
    """Every item's schedule at the end of `day`, by item number."""
    new_year, soon_until = dt.date(plan.year, 1, 1), day + dt.timedelta(days=soon)
    return {
        item.number: _schedule(item, new_year, day, soon_until)
        for section in plan.sections
        for item in section.items
    }


def as_of_day(text: str | None) -> tuple[dt.date, dt.date]:
    """The day a view is of (`--as-of`, else today) and today; a day after today is refused,
    since the ledger cannot say what has not happened yet."""
    now = today()
    if text is None:
        return now, now
    day = parse_iso(text)
    if day > now:
        raise PlantrackError(t("history.future", date=day.isoformat(), today=now.isoformat()))
    return day, now
