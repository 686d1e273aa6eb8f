"""A period report of one or more plans: where each stood at the end of the period, what was
done in it, what lags and why, who owns what, and what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from plantrack.errors import PlantrackError
from plantrack.history import DUE_SOON_DAYS, Schedule, Standing, completion, field_as_of
from plantrack.i18n import t
from plantrack.model import Item, LogEntry, Plan, Status, parse_status
from plantrack.numerals import part_marker, section_numeral
from plantrack.reports.period import Period
from plantrack.summary import Filters, SectionView, StatusView, status_as_of


class ItemLine(NamedTuple):
    """An item as a report names it, as it stood at the end of the period. (A named tuple:
    a frozen dataclass of these fields took a tenth of a 10,000-item report's building.)"""

    number: int
    section: str  # the section's numeral
    subsection: str | None  # the title of its sub-section, when it has one
    title: str
    owner: str | None
    co_owners: tuple[str, ...]
    status: Status
    completion: int
    due: dt.date | None
    schedule: Schedule
    days_late: int | None
    # Why it lags or is blocked: the note of the entry that blocked it, else the latest note.
    reason: str | None
    latest: LogEntry | None
    evidence: tuple[LogEntry, ...]  # the period's entries with a note
    unexplained: tuple[str, ...]


@dataclass(frozen=True)
class SectionLine:
    numeral: str  # （一） for a sub-section
    title: str | None  # None for the one section of a flat plan
    items: int
    done: int
    completion: float
    # A section's parts at the （一） level, in order: its sub-sections, and its items that
    # are a part of their own, each a row, so that the rows add up to the section.
    subsections: tuple[SectionLine, ...] = ()
    item: int | None = None  # the item's number, for an item that is a part of its own


@dataclass(frozen=True)
class OwnerLine:
    """One owner's items as lead (counted, done, behind, completion) and how many it co-owns."""

    owner: str | None
    items: int
    done: int
    behind: int
    completion: float
    co_owned: int = 0


@dataclass(frozen=True)
class Tally:
    """Counts over a set of items: by status, completion and schedule, and the period's entries."""

    items: int
    counts: dict[Status, int]
    completion: float
    overdue: int
    behind: int
    entries: int
    touched: int

    def share(self, count: int) -> float:
        return count / self.items if self.items else 0.0


@dataclass
class PlanReport:
    path: str
    title: str
    year: int
    day: dt.date  # the day the state is of: the period's end, or today if that is earlier
    tally: Tally
    sections: list[SectionLine]
    completed: list[ItemLine]
    in_progress: list[ItemLine]
    lagging: list[ItemLine]
    blocked: list[ItemLine]
    owners: list[OwnerLine]
    unexplained: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Report:
    period: Period
    today: dt.date
    plans: list[PlanReport]
    total: Tally


def build_report(
    plans: list[tuple[str, Plan]], period: Period, today: dt.date, soon: int = DUE_SOON_DAYS
) -> Report:
    """The report of `plans` over `period`; plans of other years are left out, and a period
    outside every plan's year is refused."""
    chosen = [(path, plan) for path, plan in plans if period.overlaps(plan.year)]
    if not chosen:
        years = ", ".join(sorted({str(plan.year) for _, plan in plans}))
        raise PlantrackError(t("period.outside", period=period.name, years=years))
    reports = [plan_report(path, plan, period, today, soon) for path, plan in chosen]
    return Report(period, today, reports, _total([report.tally for report in reports]))


def plan_report(
    path: str, plan: Plan, period: Period, today: dt.date, soon: int = DUE_SOON_DAYS
) -> PlanReport:
    day = min(period.until, today)
    view = status_as_of(plan, Filters(), day, today, soon)
    before = period.since - dt.timedelta(days=1)
    # Only each item's status the day before is needed, not the whole plan as it stood.
    done_before = {
        item.number
        for _, item in plan.items()
        if (item.status if before >= today else field_as_of(item, "status", before)) is Status.DONE
    }
    lines = [
        _line(index, item, view, period)
        for index, section in enumerate(view.plan.sections)
        for item in section.items
    ]
    # The period's entries, and the items they are of, in one pass over the ledgers.
    since, until = period.since, period.until
    entries = touched = 0
    for _, item in plan.items():
        held = sum(since <= entry.date <= until for entry in item.log or ())
        entries += held
        touched += held > 0
    tally = Tally(
        items=view.total,
        counts=view.counts,
        completion=view.completion,
        overdue=view.overdue,
        behind=view.behind(),
        entries=entries,
        touched=touched,
    )
    return PlanReport(
        path=path,
        title=plan.title,
        year=plan.year,
        day=day,
        tally=tally,
        sections=[_section_line(view, section) for section in view.sections],
        completed=[
            line for line in lines if line.status is Status.DONE and line.number not in done_before
        ],
        in_progress=[line for line in lines if line.status is Status.DOING],
        lagging=sorted(
            (line for line in lines if line.schedule.lagging),
            key=lambda line: (-(line.days_late or 0), line.number),
        ),
        blocked=[line for line in lines if line.status is Status.BLOCKED],
        owners=_owners(lines),
        unexplained=view.unexplained,
    )


def _section_line(view: StatusView, section: SectionView) -> SectionLine:
    """A section's figures, with each of its parts' at the （一） level: a sub-section's, or
    an item's that is a part of its own, named by its title."""
    section_of = view.plan.sections[section.index]
    parts = section_of.parts() if section_of.has_subsections() else []
    subsections = tuple(
        SectionLine(part_marker(index), items[0].title, *_figures(items), item=items[0].number)
        if subsection is None
        else SectionLine(part_marker(index), subsection, *_figures(items))
        for index, (subsection, items) in enumerate(parts)
    )
    figures = (section.total, section.done, section.completion)
    return SectionLine(section.numeral, section.title, *figures, subsections)


def _figures(items: list[Item]) -> tuple[int, int, float]:
    done = sum(item.current_status is Status.DONE for item in items)
    return len(items), done, sum(map(completion, items)) / (100 * len(items))


def _line(index: int, item: Item, view: StatusView, period: Period) -> ItemLine:
    schedule = view.schedules[item.number]
    log = item.log or []
    noted = [entry for entry in log if entry.note]
    blocking = [
        entry
        for entry in noted
        if entry.changes and _blocks(entry.changes.get("status", (None, None))[1])
    ]
    # A blocked item's reason is the note it was blocked with; any other's, its latest note.
    reasons = blocking if item.current_status is Status.BLOCKED and blocking else noted
    reason = reasons[-1] if reasons else None
    days_late = None
    if schedule.standing is Standing.OVERDUE and item.due is not None:
        days_late = (view.today - item.due).days
    return ItemLine(
        number=item.number,
        section=section_numeral(index),
        subsection=item.subsection,
        title=item.title,
        owner=item.owner,
        co_owners=tuple(item.co_owners or ()),
        status=item.current_status,
        completion=completion(item),
        due=item.due,
        schedule=schedule,
        days_late=days_late,
        reason=reason.note if reason is not None else None,
        latest=log[-1] if log else None,
        evidence=tuple(entry for entry in noted if period.holds(entry.date)),
        unexplained=view.unexplained.get(item.number, ()),
    )


def _blocks(status: object) -> bool:
    return status is not None and parse_status(str(status)) is Status.BLOCKED


def _owners(lines: list[ItemLine]) -> list[OwnerLine]:
    by_owner: dict[str | None, list[ItemLine]] = {}
    co_owned: dict[str | None, int] = {}
    for line in lines:
        by_owner.setdefault(line.owner, []).append(line)
        for name in line.co_owners:
            co_owned[name] = co_owned.get(name, 0) + 1
    # An item counts for its co-owners apart: they do not lead it.
    owners = [
        OwnerLine(name, 0, 0, 0, 0.0, count)
        for name, count in co_owned.items()
        if name not in by_owner
    ] + [
        OwnerLine(
            owner,
            len(items),
            sum(line.status is Status.DONE for line in items),
            sum(line.schedule.lagging for line in items),
            sum(line.completion for line in items) / (100 * len(items)),
            co_owned.get(owner, 0),
        )
        for owner, items in by_owner.items()
    ]
    # Named owners by name, the unassigned items last.
    return sorted(owners, key=lambda owner: (owner.owner is None, owner.owner or ""))


def _total(tallies: list[Tally]) -> Tally:
    items = sum(tally.items for tally in tallies)
    return Tally(
        items=items,
        counts={s: sum(tally.counts[s] for tally in tallies) for s in Status},
        completion=(
            sum(tally.completion * tally.items for tally in tallies) / items if items else 0.0
        ),
        overdue=sum(tally.overdue for tally in tallies),
        behind=sum(tally.behind for tally in tallies),
        entries=sum(tally.entries for tally in tallies),
        touched=sum(tally.touched for tally in tallies),
    )
