"""Read-only views: `plantrack status` and `plantrack show`."""

from __future__ import annotations

from pathlib import Path

import typer

from plantrack.cli.options import (
    AsOfOption,
    BehindFilter,
    DueWithinFilter,
    FormatOption,
    Numbers,
    OverdueFilter,
    OwnerFilter,
    PlanOption,
    SectionFilter,
    SoonOption,
    StatusFilter,
    ViewFormat,
    plan_path,
    status_filters,
)
from plantrack.i18n import t


def status(
    plan: PlanOption = None,
    owner: OwnerFilter = None,
    status: StatusFilter = None,
    section: SectionFilter = None,
    overdue: OverdueFilter = False,
    behind: BehindFilter = False,
    due_within: DueWithinFilter = None,
    soon: SoonOption = 14,
    as_of: AsOfOption = None,
    format: FormatOption = ViewFormat.table,
) -> None:
    from plantrack.history import as_of_day
    from plantrack.reading import read_plan
    from plantrack.render import status_json, terminal, views
    from plantrack.summary import status_as_of

    the_plan = read_plan(_viewed(plan))
    filters = status_filters(the_plan, owner, status, section, overdue, behind, due_within)
    view = status_as_of(the_plan, filters, *as_of_day(as_of), soon)
    out = terminal.stdout()
    if format is ViewFormat.json:
        status_json.write_status_json(out, view)
    else:
        views.render_status(view, out)


def show(
    numbers: Numbers,
    plan: PlanOption = None,
    soon: SoonOption = 14,
    as_of: AsOfOption = None,
    format: FormatOption = ViewFormat.table,
) -> None:
    """One item, or several (`show 1 2`, `show 3-5`): in JSON, one object, or a list of them."""
    from typing import Any

    from plantrack.arguments import item_numbers
    from plantrack.history import as_of_day, plan_as_of, schedule
    from plantrack.reading import read_plan
    from plantrack.render import item_view, terminal, views
    from plantrack.summary import find_item

    wanted = list(dict.fromkeys(item_numbers(numbers)))
    the_plan = read_plan(_viewed(plan))
    day, today = as_of_day(as_of)
    state = plan_as_of(the_plan, day, today)
    found = [(number, *find_item(state.plan, number)) for number in wanted]  # all checked first
    out = terminal.stdout()
    records: list[Any] = []
    for position, (number, section_index, item) in enumerate(found):
        standing = schedule(item, state.plan.year, day, soon)
        unexplained = state.unexplained.get(number, ())
        if format is ViewFormat.json:
            records.append(
                item_view.item_json(state.plan, section_index, item, day, standing, unexplained)
            )
            continue
        if position:
            out.write("\n")
        item_view.render_item(
            state.plan, section_index, item, day, out, standing, unexplained, day < today
        )
    if format is ViewFormat.json:
        views.write_json(out, records[0] if len(records) == 1 else records)


def _viewed(plan: Path | None) -> str:
    """The plan a view shows, noted for the view's output to be kept (see plantrack.memo)."""
    import os

    from plantrack import memo
    from plantrack.dates import today
    from plantrack.settings import current

    path = plan_path(plan)
    explicit = os.fspath(plan) if plan is not None else current().plan
    memo.plan_used(explicit, today().year, path)
    return path


def register(app: typer.Typer) -> None:
    app.command(help=t("help.status"))(status)
    app.command(help=t("help.show"))(show)
