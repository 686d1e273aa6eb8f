"""Reports for the office: `plantrack report`, `export`, `log` and `overview`."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from plantrack.i18n import t

PlansOption = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option("--plan", "-p", help=t("help.report_plans"), show_default=False),
]
OutputOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help=t("help.report_output"), show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=t("help.force"))]
SinceOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--since", metavar="YYYY-MM-DD", help=t("help.since"), show_default=False),
]
UntilOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--until", metavar="YYYY-MM-DD", help=t("help.until"), show_default=False),
]
SoonOption = Annotated[int, typer.Option("--soon", min=0, help=t("help.soon"))]


class ReportFormat(str, enum.Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    docx = "docx"


def report(
    period: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--period", help=t("help.period"), show_default=False),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    plan: PlansOption = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help=t("help.report_format"), case_sensitive=False),
    ] = ReportFormat.terminal,
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
    if format is ReportFormat.json:
        emit.write_text(target, emit.json_text(render_report.report_json(built)))
    elif format is ReportFormat.markdown:
        emit.write_text(target, blocks.markdown(render_report.report_blocks(built)))
    elif format is ReportFormat.docx:
        from plantrack.render.word import document

        emit.write_binary(target, document(render_report.report_blocks(built)))
    else:
        emit.write_terminal(target, render_report.report_blocks(built))


def register(app: typer.Typer) -> None:
    app.command(help=t("help.report"))(report)
