"""Read-only views: `plantrack status` and `plantrack show`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from plantrack.cli.options import FormatOption, PlanOption, ViewFormat, plan_path
from plantrack.i18n import t


def status(
    plan: PlanOption = None,
    owner: Annotated[str | None, typer.Option("--owner", help=t("help.filter_owner"))] = None,
    status: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--status", "-s", help=t("help.filter_status")),
    ] = None,
    section: Annotated[str | None, typer.Option("--section", help=t("help.filter_section"))] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=t("help.filter_overdue"))] = False,
    format: FormatOption = ViewFormat.table,
) -> None:
    from plantrack.dates import today
    from plantrack.reading import read_plan
    from plantrack.render import terminal, views
    from plantrack.summary import Filters, build_status, section_index, status_words

    the_plan = read_plan(plan_path(plan))
    filters = Filters(
        owner=owner,
        statuses=status_words(status or []),
        section=section_index(the_plan, section) if section is not None else None,
        overdue=overdue,
    )
    view = build_status(the_plan, filters, today())
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
    format: FormatOption = ViewFormat.table,
) -> None:
    from plantrack.dates import today
    from plantrack.reading import read_plan
    from plantrack.render import terminal, views
    from plantrack.summary import find_item

    the_plan = read_plan(plan_path(plan))
    section_index, item = find_item(the_plan, number)
    out = terminal.stdout()
    if format is ViewFormat.json:
        views.write_json(out, views.item_json(the_plan, section_index, item, today()))
    else:
        views.render_item(the_plan, section_index, item, today(), out)


def register(app: typer.Typer) -> None:
    app.command(help=t("help.status"))(status)
    app.command(help=t("help.show"))(show)
