"""Reports for the office: `plantrack report`, `export`, `log` and `overview`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from plantrack.cli import completion
from plantrack.cli.options import (
    AsOfOption,
    BehindFilter,
    DueWithinFilter,
    ForceOption,
    OverdueFilter,
    OwnerFilter,
    PlanOption,
    SectionFilter,
    SoonOption,
    StatusFilter,
    plan_path,
    status_filters,
)
from plantrack.i18n import t
from plantrack.render.formats import ExportFormat, LogFormat, OverviewFormat, PeriodReportFormat

PlansOption = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option("--plan", "-p", metavar="PATH", help=t("help.report_plans"), show_default=False),
]
OutputOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output", "-o", metavar="FILE", help=t("help.report_output"), show_default=False
    ),
]
SinceOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--since", metavar="YYYY-MM-DD", help=t("help.since"), show_default=False),
]
UntilOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--until", metavar="YYYY-MM-DD", help=t("help.until"), show_default=False),
]


def report(
    period: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--period", help=t("help.period"), show_default=False),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    plan: PlansOption = None,
    format: Annotated[
        PeriodReportFormat,
        typer.Option("--format", "-f", help=t("help.period_report_format"), case_sensitive=False),
    ] = PeriodReportFormat.terminal,
    output: OutputOption = None,
    force: ForceOption = False,
    soon: SoonOption = 14,
) -> None:
    from plantrack.cli import output as emit
    from plantrack.dates import today
    from plantrack.render import blocks
    from plantrack.render import report as render_report
    from plantrack.reports.period import choose_period
    from plantrack.reports.period_report import build_report

    target = emit.check_target(output, force)
    plans = emit.load_plans(plan)
    chosen = choose_period(period, since, until, plans[0][1].year)
    emit.refuse_plan_as_target(target, [path for path, _ in plans])
    built = build_report(plans, chosen, today(), soon)
    if format is PeriodReportFormat.json:
        emit.write_text(target, emit.json_text(render_report.report_json(built)))
    elif format is PeriodReportFormat.markdown:
        emit.write_text(target, blocks.markdown(render_report.report_blocks(built)))
    elif format is PeriodReportFormat.docx:
        from plantrack.render.word import document

        emit.write_binary(target, document(render_report.report_blocks(built)))
    else:
        emit.write_terminal(target, render_report.report_blocks(built))


def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help=t("help.export_format"), case_sensitive=False),
    ] = ExportFormat.csv,
    output: OutputOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    owner: OwnerFilter = None,
    status: StatusFilter = None,
    section: SectionFilter = None,
    overdue: OverdueFilter = False,
    behind: BehindFilter = False,
    due_within: DueWithinFilter = None,
    soon: SoonOption = 14,
) -> None:
    from plantrack.cli import output as emit
    from plantrack.history import as_of_day
    from plantrack.reading import read_plan
    from plantrack.render import blocks
    from plantrack.reports.ledger import LogFilters, export_table, log_entries, log_table
    from plantrack.summary import status_as_of

    target = emit.check_target(output, force)
    path = plan_path(plan)
    read = read_plan(path)
    emit.refuse_plan_as_target(target, [path])
    filters = status_filters(read, owner, status, section, overdue, behind, due_within)
    day, today = as_of_day(as_of)
    view = status_as_of(read, filters, day, today, soon)
    table = export_table(view)
    sheets = [table]
    if format is ExportFormat.xlsx:  # the whole ledger on a second sheet
        sheets.append(log_table(view.plan, log_entries(view.plan, LogFilters())))
    _write_table(
        target,
        format.value,
        table,
        json=lambda items: {
            "title": view.plan.title,
            "year": view.plan.year,
            "as_of": day.isoformat(),
            "items": items,
        },
        sheets=sheets,
        heading=[
            blocks.Title(table.title),
            blocks.Paragraph(t("status.as_of", date=day.isoformat())),
        ],
    )


def log(
    since: SinceOption = None,
    until: UntilOption = None,
    item: Annotated[
        Optional[list[int]],  # noqa: UP045
        typer.Option(
            "--item",
            "-i",
            metavar="N",
            help=t("help.log_items"),
            autocompletion=completion.item_numbers,
        ),
    ] = None,
    owner: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--owner", metavar="NAME", help=t("help.log_owner"), autocompletion=completion.owners
        ),
    ] = None,
    by: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--by", metavar="NAME", help=t("help.log_by"), autocompletion=completion.recorders
        ),
    ] = None,
    plan: PlanOption = None,
    format: Annotated[
        LogFormat,
        typer.Option("--format", "-f", help=t("help.format"), case_sensitive=False),
    ] = LogFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    from plantrack.cli import output as emit
    from plantrack.dates import parse_iso
    from plantrack.errors import PlantrackError
    from plantrack.reading import read_plan
    from plantrack.reports.ledger import LogFilters, log_entries, log_table
    from plantrack.summary import find_item

    target = emit.check_target(output, force)
    path = plan_path(plan)
    read = read_plan(path)
    emit.refuse_plan_as_target(target, [path])
    first = parse_iso(since) if since is not None else None
    last = parse_iso(until) if until is not None else None
    if first is not None and last is not None and first > last:
        raise PlantrackError(t("period.reversed", since=first.isoformat(), until=last.isoformat()))
    for number in item or []:
        find_item(read, number)  # an unknown number is an error, not an empty log
    filters = LogFilters(first, last, tuple(item or ()), owner, by)
    table = log_table(read, log_entries(read, filters))
    if not table.rows and format in (LogFormat.table, LogFormat.markdown):
        emit.message(t("log.none"))
        return
    _write_table(target, format.value, table)


def overview(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(help=t("help.overview_paths"), show_default=False),
    ] = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--year", metavar="YEAR", help=t("help.overview_year"), show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    format: Annotated[
        OverviewFormat,
        typer.Option("--format", "-f", help=t("help.format"), case_sensitive=False),
    ] = OverviewFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    import os

    from plantrack.cli import output as emit
    from plantrack.errors import PlantrackError, shown_path
    from plantrack.history import as_of_day
    from plantrack.reading import read_plan
    from plantrack.reading.discovery import plan_year, plans_under
    from plantrack.reports.overview import broken_row, overview_table, plan_row

    target = emit.check_target(output, force)
    day, today = as_of_day(as_of)
    files = plans_under([os.fspath(path) for path in paths or [Path(".")]])
    emit.refuse_plan_as_target(target, files)
    rows = []
    for file in files:
        shown = shown_path(file)
        try:
            plan = read_plan(file)
        except PlantrackError as error:
            # One broken plan is one row; the committee still sees all the others.
            if year is None or plan_year(os.path.basename(file)) == year:
                rows.append(broken_row(shown, _where_and_what(error)))
            continue
        if year is None or plan.year == year:
            rows.append(plan_row(shown, plan, day, today))
    if not rows:
        where = ", ".join(os.fspath(path) for path in paths or [Path(".")])
        raise PlantrackError(t("reports.no_plans", paths=where))
    table = overview_table(rows)
    _write_table(
        target,
        format.value,
        table,
        json=lambda records: {
            "as_of": day.isoformat(),
            "plans": records[:-1],
            "total": records[-1],
        },
    )


def _write_table(
    target: str | None,
    format: str,
    table: Any,
    *,
    json: Callable[[list[dict[str, Any]]], Any] = lambda records: records,
    sheets: list[Any] | None = None,
    heading: list[Any] | None = None,
) -> None:
    """A table of export, log or overview in the format asked for: JSON records (wrapped by
    `json`), CSV, a workbook of `sheets`, or a grid under `heading` in Markdown, Word or on
    the terminal."""
    from plantrack.cli import output as emit
    from plantrack.render import blocks, sheet

    if format == "json":
        emit.write_text(target, emit.json_text(json(sheet.records(table))))
    elif format == "csv":
        emit.write_binary(target, sheet.csv_bytes(table), text=True)
    elif format == "xlsx":
        emit.write_binary(target, sheet.xlsx_bytes(sheets or [table]))
    else:
        document: list[blocks.Block] = [*(heading or []), sheet.grid(table)]
        if format == "markdown":
            emit.write_text(target, blocks.markdown(document))
        elif format == "docx":
            from plantrack.render.word import document as word

            emit.write_binary(target, word(document, landscape=True))
        else:
            emit.write_terminal(target, document)


def _where_and_what(error: Any) -> str:
    """A load error without the file's name, which the row already shows: `3:1: message`."""
    if error.problems:
        problem = error.problems[0]
        return (
            f"{problem.line}:{problem.column}: {problem.message}"
            if problem.line
            else problem.message
        )
    return str(error.message)


def register(app: typer.Typer) -> None:
    app.command(help=t("help.report"))(report)
    app.command(help=t("help.export"))(export)
    app.command(help=t("help.log"))(log)
    app.command(help=t("help.overview"))(overview)
