"""One view over many plans: a row per plan file with its counts and completion, a plan that
does not load as a row with its error, and the totals."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from plantrack.history import Standing
from plantrack.i18n import t
from plantrack.model import Plan, Status
from plantrack.reports.ledger import Table
from plantrack.summary import Filters, status_as_of


@dataclass(frozen=True)
class PlanRow:
    path: str
    organisation: str
    title: str | None = None
    year: int | None = None
    items: int = 0
    done: int = 0
    doing: int = 0
    behind: int = 0
    overdue: int = 0
    blocked: int = 0
    completion: float = 0.0  # a fraction
    error: str | None = None


OVERVIEW_KEYS = [
    "organisation",
    "path",
    "title",
    "year",
    "items",
    "done",
    "doing",
    "behind",
    "overdue",
    "blocked",
    "completion",
    "error",
]


def organisation(path: str) -> str:
    """Whom a plan file belongs to, from where it is kept: `depts/办公室/plans/2022.yaml` →
    办公室; a plan outside a `plans` folder is named by its own folder."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.basename(folder) == "plans":
        folder = os.path.dirname(folder)
    return os.path.basename(folder) or path


def plan_row(path: str, plan: Plan, day: dt.date, today: dt.date) -> PlanRow:
    view = status_as_of(plan, Filters(), min(day, today), today)
    standings = [schedule.standing for schedule in view.schedules.values()]
    return PlanRow(
        path=path,
        organisation=organisation(path),
        title=plan.title,
        year=plan.year,
        items=view.total,
        done=view.counts[Status.DONE],
        doing=view.counts[Status.DOING],
        behind=standings.count(Standing.BEHIND),
        overdue=standings.count(Standing.OVERDUE),
        blocked=view.counts[Status.BLOCKED],
        completion=view.completion,
    )


def broken_row(path: str, error: str) -> PlanRow:
    return PlanRow(path=path, organisation=organisation(path), error=error)


def overview_table(rows: list[PlanRow]) -> Table:
    """The plans by completion, highest first, those that did not load last; then the totals."""
    ordered = sorted(rows, key=lambda row: (row.error is not None, -row.completion, row.path))
    loaded = [row for row in rows if row.error is None]
    items = sum(row.items for row in loaded)
    total = PlanRow(
        path="",
        organisation=t("overview.total", plans=len(loaded)),
        items=items,
        done=sum(row.done for row in loaded),
        doing=sum(row.doing for row in loaded),
        behind=sum(row.behind for row in loaded),
        overdue=sum(row.overdue for row in loaded),
        blocked=sum(row.blocked for row in loaded),
        completion=(sum(row.completion * row.items for row in loaded) / items if items else 0.0),
    )
    table = Table(
        title=t("overview.title"),
        keys=OVERVIEW_KEYS,
        headers=[t("overview.col_" + key) for key in OVERVIEW_KEYS],
        percent=frozenset({10}),
        wrap=frozenset({2, 11}),
    )
    for row in [*ordered, total]:
        broken = row.error is not None
        table.rows.append(
            [
                row.organisation,
                row.path or None,
                row.title,
                row.year,
                *(
                    [None] * 7
                    if broken
                    else [
                        row.items,
                        row.done,
                        row.doing,
                        row.behind,
                        row.overdue,
                        row.blocked,
                        round(row.completion * 100, 1),
                    ]
                ),
                row.error,
            ]
        )
    return table
