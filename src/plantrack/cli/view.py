"""Read-only views: `plantrack status` and `plantrack show`."""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.cli.options import (
    AsOfOption,
    BehindFilter,
    DueWithinFilter,
    FormatOption,
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
    from plantrack.render import terminal, views
    from plantrack.summary import status_as_of

    the_plan = read_plan(plan_path(plan))
    filters = status_filters(the_plan, owner, status, section, overdue, behind, due_within)
    view = status_as_of(the_plan, filters, *as_of_day(as_of), soon)
    out = terminal.stdout()
    if format is ViewFormat.json:
        views.write_json(out, views.status_json(view))
    else:
        views.render_status(view, out)


def show(
    number: Annotated[
        int, typer.Argument(help=t("help.item_number"), metavar="N", show_default=False)
    ],
    plan: PlanOption = None,
    soon: SoonOption = 14,
    as_of: AsOfOption = None,
    format: FormatOption = ViewFormat.table,
) -> None:
    from plantrack.history import as_of_day, plan_as_of, schedule
    from plantrack.reading import read_plan
    from plantrack.render import terminal, views
    from plantrack.summary import find_item

    the_plan = read_plan(plan_path(plan))
    day, today = as_of_day(as_of)
    state = plan_as_of(the_plan, day, today)
    section_index, item = find_item(state.plan, number)
    standing = schedule(item, state.plan.year, day, soon)
    unexplained = state.unexplained.get(number, ())
    out = terminal.stdout()
    if format is ViewFormat.json:
        record = views.item_json(state.plan, section_index, item, day, standing, unexplained)
        views.write_json(out, record)
    else:
        views.render_item(
            state.plan, section_index, item, day, out, standing, unexplained, day < today
        )


def register(app: typer.Typer) -> None:
    app.command(help=t("help.status"))(status)
    app.command(help=t("help.show"))(show)
