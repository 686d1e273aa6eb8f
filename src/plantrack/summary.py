"""The plan at a glance, as plain data: filtered items, per-section and overall completion.

Completion counts a done item as 100 and any other item by its recorded progress
(0 when none is recorded), averaged over the items.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from plantrack.errors import PlantrackError
from plantrack.history import DUE_SOON_DAYS, Schedule, Standing, plan_as_of, plan_schedule
from plantrack.history import completion as item_completion
from plantrack.i18n import listing, t
from plantrack.model import Item, LogEntry, Plan, Status, status_named, unknown_item
from plantrack.numerals import section_numeral


@dataclass(frozen=True)
class Filters:
    owners: tuple[str, ...] = ()  # any of them
    statuses: tuple[Status, ...] = ()
    sections: tuple[int, ...] = ()  # 0-based indexes
    overdue: bool = False
    behind: bool = False  # behind schedule, overdue included
    due_within: int | None = None  # days

    def admit(self, index: int, item: Item, today: dt.date, schedule: Schedule) -> bool:
        if self.owners and not any(item.owned_by(owner) for owner in self.owners):
            return False
        if self.statuses and item.current_status not in self.statuses:
            return False
        if self.sections and index not in self.sections:
            return False
        if self.behind and not schedule.lagging:
            return False
        if self.due_within is not None and not _due_within(item, today, self.due_within):
            return False
        return not self.overdue or item.is_overdue(today)


def _due_within(item: Item, today: dt.date, days: int) -> bool:
    return (
        item.due is not None
        and item.current_status is not Status.DONE
        and today <= item.due <= today + dt.timedelta(days=days)
    )


@dataclass
class SectionView:
    index: int
    title: str | None  # None for the one section of a flat plan
    items: list[Item] = field(default_factory=list)
    total: int = 0
    done: int = 0
    completion: float = 0.0

    @property
    def numeral(self) -> str:
        return section_numeral(self.index)


@dataclass
class StatusView:
    plan: Plan
    today: dt.date
    sections: list[SectionView]
    total: int
    done: int
    completion: float
    counts: dict[Status, int]
    overdue: int
    filtered: bool = False
    schedules: dict[int, Schedule] = field(default_factory=dict)
    # The plan as it stood at the end of `today` (--as-of) rather than as the file is now,
    # and the fields of each item its ledger does not explain then.
    as_of: bool = False
    unexplained: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def items(self) -> list[Item]:
        """The items the view shows, section by section."""
        return [item for section in self.sections for item in section.items]

    def behind(self) -> int:
        return sum(
            self.schedules[item.number].standing is Standing.BEHIND
            for section in self.sections
            for item in section.items
        )


def status_words(words: list[str]) -> tuple[Status, ...]:
    return tuple(status_named(word) for word in words)


def owner_named(plan: Plan, owner: str) -> str:
    """An owner a filter names: one of the plan's roles or items' owners, else an error
    with the closest, as `assign` gives."""
    import difflib

    owner = owner.strip()
    people = [name for _, i in plan.items() for name in [i.owner, *(i.co_owners or ())] if name]
    known = list(dict.fromkeys([*(plan.roles or []), *people]))
    if owner in known:
        return owner
    close = difflib.get_close_matches(owner, known, n=3, cutoff=0.5)
    if close:
        raise PlantrackError(t("filter.owner_close", owner=owner, close=listing(close)))
    raise PlantrackError(t("filter.owner_unknown", owner=owner, owners=listing(known) or "—"))


def section_index(plan: Plan, text: str) -> int:
    """The 0-based index of the section a user names: by numeral (五) or number (5)."""
    wanted = text.strip().rstrip("、")
    numerals = [section_numeral(index) for index in range(len(plan.sections))]
    for index, numeral in enumerate(numerals):
        if wanted in (numeral, str(index + 1)):
            return index
    close = _sections_meant(plan, wanted, numerals)
    if close:
        raise PlantrackError(t("section.close", section=text, close=listing(close)))
    raise PlantrackError(t("section.unknown", section=text, valid=listing(numerals) or "—"))


def _sections_meant(plan: Plan, wanted: str, numerals: list[str]) -> list[str]:
    """The sections a mistyped name may mean: a numeral or number close to it (五x → 五);
    else the sections whose title holds most of it (a title typed, or half remembered),
    named by numeral with their title, since the filter takes the numeral."""
    import difflib

    names = {name: i for i, numeral in enumerate(numerals) for name in (numeral, str(i + 1))}
    # "第五部分" and "section 5" are how people name a section in a sentence
    bare = re.sub(r"^(?:第|section\s*)(.+?)(?:部分)?$", r"\1", wanted, flags=re.I)
    meant = [names[bare]] if bare in names else []
    meant += [names[name] for name in difflib.get_close_matches(wanted, list(names), 3, 0.5)]
    if meant:
        return [numerals[index] for index in dict.fromkeys(meant)]
    if len(wanted) < 2:  # one character is in too many titles to mean any of them
        return []
    titled = []
    for index, section in enumerate(plan.sections):
        if section.title is None:  # a flat plan's one section
            continue
        blocks = difflib.SequenceMatcher(None, wanted, section.title).get_matching_blocks()
        if sum(block.size for block in blocks) >= 0.75 * len(wanted):
            titled.append(t("section.titled", numeral=numerals[index], title=section.title))
    return titled[:3]


def build_status(
    plan: Plan,
    filters: Filters,
    today: dt.date,
    *,
    soon: int = DUE_SOON_DAYS,
    as_of: bool = False,
    unexplained: dict[int, tuple[str, ...]] | None = None,
) -> StatusView:
    """The view of `plan` at the end of `today` (give it the plan as it stood then)."""
    schedules = plan_schedule(plan, today, soon)
    sections = []
    counts = dict.fromkeys(Status, 0)
    overdue = 0
    total = completed = 0  # items shown, and the sum of their completions
    unfiltered = filters == Filters()
    for index, section in enumerate(plan.sections):
        view = SectionView(index, section.title)
        view.items = [
            item
            for item in section.items
            if unfiltered or filters.admit(index, item, today, schedules[item.number])
        ]
        # Each item's status and completion are asked for once, for its section and the plan.
        statuses = [item.current_status for item in view.items]
        percents = [item_completion(item) for item in view.items]
        view.total = len(view.items)
        view.done = statuses.count(Status.DONE)
        view.completion = _mean(percents)
        for status in statuses:
            counts[status] += 1
        overdue += sum(item.is_overdue(today) for item in view.items)
        total += view.total
        completed += sum(percents)
        # Without filters every section shows; with them, those with matching items and
        # the sections asked for by --section, even when they have none.
        if view.items or unfiltered or index in filters.sections:
            sections.append(view)
    return StatusView(
        plan=plan,
        today=today,
        sections=sections,
        total=total,
        done=counts[Status.DONE],
        completion=completed / (100 * total) if total else 0.0,
        counts=counts,
        overdue=overdue,
        filtered=filters != Filters(),
        schedules=schedules,
        as_of=as_of,
        unexplained=unexplained or {},
    )


def status_as_of(
    plan: Plan, filters: Filters, day: dt.date, today: dt.date, soon: int = DUE_SOON_DAYS
) -> StatusView:
    """The view of `plan` as it stood at the end of `day`, rebuilt from its ledgers."""
    state = plan_as_of(plan, day, today)
    return build_status(
        state.plan, filters, day, soon=soon, as_of=day < today, unexplained=state.unexplained
    )


def _mean(percents: list[int]) -> float:
    return sum(percents) / (100 * len(percents)) if percents else 0.0


def item_record(
    item: Item,
    section_index: int,
    plan: Plan,
    today: dt.date,
    schedule: Schedule,
    unexplained: tuple[str, ...] = (),
) -> dict[str, Any]:
    """An item as the JSON contract gives it: what the plan says of it, where it stands
    on `today`, then its ledger."""
    return {
        **item_facts(item, section_index, plan),
        **item_standing(item, today, schedule, unexplained),
        "log": item_ledger(item),
    }


def item_facts(item: Item, section_index: int, plan: Plan) -> dict[str, Any]:
    """The first fields of an item's record: what the plan file says, whatever the day."""
    return {
        "number": item.number,
        "section": section_numeral(section_index),
        "section_title": plan.sections[section_index].title,
        "subsection": item.subsection,
        "title": item.title,
        "text": item.text,
        "owner": item.owner,
        "co_owners": list(item.co_owners or []),
        "status": item.current_status.value,
        "progress": item.progress,
        "due": item.due.isoformat() if item.due else None,
    }


def item_standing(
    item: Item, today: dt.date, schedule: Schedule, unexplained: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The fields of an item's record that depend on the day it is seen on."""
    return {
        "overdue": item.is_overdue(today),
        "expected": schedule.expected,
        "standing": schedule.standing.value if schedule.standing else None,
        "due_soon": schedule.due_soon,
        "unexplained": list(unexplained),
    }


def item_ledger(item: Item) -> list[dict[str, Any]]:
    """The last field of an item's record: its ledger, entry by entry."""
    return [ledger_record(entry) for entry in item.log or []]


def ledger_record(entry: LogEntry) -> dict[str, Any]:
    """A ledger entry as the JSON contract gives it, without what is not set.

    Built here rather than by pydantic's model_dump, which costs as much as the rest of
    `status --format json` put together on a plan of thousands of items.
    """
    record: dict[str, Any] = {"date": entry.date.isoformat(), "by": entry.by}
    if entry.changes is not None:
        date = dt.date
        record["changes"] = {
            name: [
                old.isoformat() if isinstance(old, date) else old,
                new.isoformat() if isinstance(new, date) else new,
            ]
            for name, (old, new) in entry.changes.items()
        }
    if entry.note is not None:
        record["note"] = entry.note
    return record


def find_item(plan: Plan, number: int) -> tuple[int, Item]:
    """The section index and item of `number`, or an error naming the valid range."""
    for index, item in plan.items():
        if item.number == number:
            return index, item
    raise unknown_item(plan, number)
