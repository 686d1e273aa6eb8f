"""`plantrack lint` (check plan files, for people and CI) and `plantrack schema`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from plantrack.i18n import t
from plantrack.render.formats import LintFormat


def default_format() -> LintFormat:
    """GitHub annotations inside GitHub Actions, plain lines everywhere else."""
    from plantrack.settings import current

    return LintFormat.github if current().github_actions else LintFormat.text


def lint(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Argument(
            help=t("help.lint_paths"), show_default=False, metavar="PATH", readable=False
        ),
    ] = None,
    format: Annotated[
        Optional[LintFormat],  # noqa: UP045
        typer.Option(
            "--format", "-f", help=t("help.lint_format"), case_sensitive=False, show_default=False
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=t("help.lint_strict"))] = False,
) -> None:
    from plantrack.dates import today
    from plantrack.lint import Report, lint_files
    from plantrack.reading.discovery import lint_paths
    from plantrack.render import terminal
    from plantrack.render.findings import FindingsWriter

    searched, files = lint_paths([os.fspath(p) for p in paths or []], os.getcwd())
    err = terminal.stderr()
    if not files:
        err.say(t("lint.no_files", paths=", ".join(searched)))
    writer = FindingsWriter(format or default_format(), terminal.stdout())
    report = Report(strict=strict)
    day = today()
    for findings in lint_files(files, day):
        report.add(findings)
        writer.add(findings)
    writer.close()
    if files:
        err.say(report.summary())
    raise typer.Exit(int(report.return_code))


def schema() -> None:
    from plantrack.lint.schema import schema_text
    from plantrack.render import terminal

    terminal.write_data(schema_text())


def register(app: typer.Typer) -> None:
    app.command(help=t("help.lint"))(lint)
    app.command(help=t("help.schema"))(schema)
