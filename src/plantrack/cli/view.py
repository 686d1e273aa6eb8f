"""Read-only views: `plantrack status` and `plantrack show`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from plantrack.cli.options import AsOfOption, FormatOption, PlanOption, ViewFormat, plan_path
from plantrack.i18n import t

SoonOption = Annotated[int, typer.Option("--soon", min=0, help=t("help.soon"))]


def status(
    plan: PlanOption = None,
    owner: Annotated[str | None, typer.Option("--owner", help=t("help.filter_owner"))] = None,
    status: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--status", "-s", help=t("help.filter_status")),
    ] = None,
    section: Annotated[str | None, typer.Option("--section", help=t("help.filter_section"))] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=t("help.filter_overdue"))] = False,
    behind: Annotated[bool, typer.Option("--behind", help=t("help.filter_behind"))] = False,
    due_within: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--due-within", min=0, metavar="DAYS", help=t("help.filter_due_within")),
    ] = None,
    soon: SoonOption = 14,
    as_of: AsOfOption = None,
    format: FormatOption = ViewFormat.table,
) -> None:
    from plantrack.history import as_of_day, plan_as_of
    from plantrack.loader import load_plan
    from plantrack.render import terminal, views
    from plantrack.summary import Filters, build_status, section_index, status_words

    loaded = load_plan(plan_path(plan))
    state = plan_as_of(loaded.plan, *as_of_day(as_of))
    filters = Filters(
        owner=owner,
        statuses=status_words(status or []),
        section=section_index(loaded.plan, section) if section is not None else None,
        overdue=overdue,
        behind=behind,
        due_within=due_within,
    )
    view = build_status(
        state.plan,
        filters,
        state.day,
        soon=soon,
        as_of=as_of is not None,
        unexplained=state.unexplained,
    )
    out = terminal.stdout()
    if format is ViewFormat.json:
        views.write_json(out, views.status_json(view))
    else:
        views.render_status(view, out)


def show(
    number: Annotated[int, typer.Argument(help=t("help.item_number"), show_default=False)],
    plan: PlanOption = None,
    soon: SoonOption = 14,
    as_of: AsOfOption = None,
    format: FormatOption = ViewFormat.table,
) -> None:
    from plantrack.history import as_of_day, plan_as_of, schedule
    from plantrack.loader import load_plan
    from plantrack.render import terminal, views
    from plantrack.summary import find_item

    loaded = load_plan(plan_path(plan))
    state = plan_as_of(loaded.plan, *as_of_day(as_of))
    section_index, item = find_item(state.plan, number)
    standing = schedule(item, state.plan.year, state.day, soon)
    unexplained = state.unexplained.get(number, ())
    out = terminal.stdout()
    if format is ViewFormat.json:
        record = views.item_json(state.plan, section_index, item, state.day, standing, unexplained)
        views.write_json(out, record)
    else:
        views.render_item(
            state.plan,
            section_index,
            item,
            state.day,
            out,
            standing,
            unexplained,
            as_of is not None,
        )


def register(app: typer.Typer) -> None:
    app.command(help=t("help.status"))(status)
    app.command(help=t("help.show"))(show)
