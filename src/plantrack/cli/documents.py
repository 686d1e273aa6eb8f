"""Documents: `plantrack import`, `plantrack render` and `plantrack init`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from plantrack.cli.options import ForceOption, PlanOption, plan_path
from plantrack.errors import ExitCode, PlantrackError, os_reason
from plantrack.i18n import t
from plantrack.render.formats import DocumentFormat, ReportFormat

if TYPE_CHECKING:
    from plantrack.model import Plan


ReportOption = Annotated[
    ReportFormat,
    typer.Option("--format", "-f", help=t("help.report_format"), case_sensitive=False),
]


STDOUT = "-"


def import_plan(
    file: Annotated[
        Path,
        typer.Argument(
            help=t("help.import_file"), metavar="FILE", show_default=False, readable=False
        ),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option(
            "--output",
            "-o",
            help=t("help.import_output"),
            metavar="FILE",
            show_default=False,
            readable=False,
        ),
    ] = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--year", help=t("help.import_year"), show_default=False),
    ] = None,
    title: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--title", help=t("help.import_title"), show_default=False),
    ] = None,
    no_due: Annotated[
        bool, typer.Option("--no-due", help=t("help.import_no_due"), show_default=False)
    ] = False,
    force: ForceOption = False,
    format: ReportOption = ReportFormat.text,
) -> None:
    from plantrack import documents
    from plantrack.render import new_plans, terminal, views

    _check_report(format, output)
    if year is not None:
        _check_year(year)
    document = documents.read_document(file)
    imported = documents.import_document(document, year, title, due=not no_due)
    plan = imported.plan
    header = [t("import.header", source=file.name)]
    text = documents.new_plan_yaml(plan, header)
    written, _ = _write_plan(output, plan.year, text, force)
    result = documents.ImportResult(os.fspath(file), written, imported)
    if format is ReportFormat.json:
        views.write_json(terminal.stdout(), new_plans.import_json(result))
    else:
        new_plans.render_import(result, terminal.stderr())


def render(
    plan: PlanOption = None,
    format: Annotated[
        Optional[DocumentFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help=t("help.render_format"),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help=t("help.render_output"),
            metavar="FILE",
            show_default=False,
            readable=False,
        ),
    ] = None,
    force: ForceOption = False,
    with_status: Annotated[
        bool, typer.Option("--with-status", help=t("help.render_with_status"))
    ] = False,
) -> None:
    from plantrack.cli import output as emit
    from plantrack.reading import read_plan
    from plantrack.render import document as render_document

    chosen = _document_format(format, output)
    target = emit.check_target(output, force)
    path = plan_path(plan)
    read = read_plan(path)
    emit.refuse_plan_as_target(target, [path])
    if chosen is DocumentFormat.docx:
        from plantrack.render.word import document

        emit.write_binary(target, document(render_document.plan_blocks(read, with_status)))
    elif chosen is DocumentFormat.markdown:
        emit.write_text(target, render_document.render_markdown(read, with_status))
    else:
        emit.write_text(target, render_document.render_text(read, with_status))


# What a file's name says it holds, when --format does not say.
_FORMAT_OF_SUFFIX = {
    ".docx": DocumentFormat.docx,
    ".md": DocumentFormat.markdown,
    ".markdown": DocumentFormat.markdown,
}


def _document_format(format: DocumentFormat | None, output: Path | None) -> DocumentFormat:
    """--format, else the format the -o file's name says, else text. Text is never written
    into a file named .docx, which Word would not open."""
    named = None
    if output is not None and str(output) != STDOUT:
        named = _FORMAT_OF_SUFFIX.get(os.path.splitext(os.fspath(output))[1].lower())
    if format is None:
        return named or DocumentFormat.text
    if named is DocumentFormat.docx and format is not DocumentFormat.docx:
        raise PlantrackError(
            t("render.text_as_docx", path=str(output), format=format.value),
            exit_code=ExitCode.USAGE,
        )
    return format


def init(
    year: Annotated[int, typer.Option("--year", help=t("help.init_year"), show_default=False)],
    source: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--from", help=t("help.init_from"), metavar="PATH", show_default=False, readable=False
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help=t("help.init_output"),
            metavar="FILE",
            show_default=False,
            readable=False,
        ),
    ] = None,
    force: ForceOption = False,
    format: ReportOption = ReportFormat.text,
) -> None:
    from plantrack import documents
    from plantrack.render import new_plans, terminal, views

    _check_report(format, output)
    _check_year(year)
    if source is None:
        text = documents.skeleton_yaml(year)
        result = documents.InitResult(*_write_plan(output, year, text, force))
    else:
        from plantrack.reading import load as load_plan

        loaded = load_plan(source)
        previous = loaded.plan
        comments = documents.header_comments(loaded.source.text)
        text = documents.new_plan_yaml(documents.next_year_plan(previous, year), None, comments)
        result = documents.InitResult(
            *_write_plan(output, year, text, force, source),
            source=os.fspath(source),
            previous_year=previous.year,
            not_done=documents.not_done(previous),
        )
    if format is ReportFormat.json:
        views.write_json(terminal.stdout(), new_plans.init_json(result))
    else:
        new_plans.render_init(result, terminal.stdout(), terminal.stderr())
        if result.written is not None:
            _offer_git_setup(result.written)


def _check_report(format: ReportFormat, output: Path | None) -> None:
    if format is ReportFormat.json and output is not None and str(output) == STDOUT:
        raise PlantrackError(t("report.json_stdout"), exit_code=ExitCode.USAGE)


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2200:
        raise PlantrackError(t("year.range", year=year), exit_code=ExitCode.USAGE)


def _write_plan(
    output: Path | None, year: int, text: str, force: bool, source: Path | None = None
) -> tuple[str | None, Plan]:
    """Write a new plan file (checked first); returns where it went (None: to stdout) and
    the plan it holds.

    Without -o it goes to `plans/<year>.yaml` in the nearest plans/ folder, as other
    commands find it; an existing file is overwritten only with --force, and never the
    plan the new one is made from (`source`), which would lose its tracking and ledgers.
    """
    from plantrack.documents import checked
    from plantrack.render.terminal import write_data

    if output is not None and str(output) == STDOUT:
        plan = checked("<stdout>", text)
        write_data(text)
        return None, plan
    if output is not None:
        path = os.fspath(output)
    else:
        from plantrack.reading.discovery import new_plan_path

        path = new_plan_path(os.getcwd(), year)
    plan = checked(path, text)
    if source is not None and os.path.exists(path) and os.path.samefile(path, source):
        raise PlantrackError(t("write.from_plan", path=path))
    if os.path.exists(path) and not force:
        raise PlantrackError(t("write.exists", path=path))
    if output is None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    _write(path, text)
    return path, plan


def _write(path: str, text: str) -> None:
    from plantrack.writing.atomic import write_atomic

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise PlantrackError(t("write.no_folder", folder=os.path.dirname(path)))
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise PlantrackError(
            t("document.write_failed", path=path, reason=os_reason(error))
        ) from None


def _offer_git_setup(path: str) -> None:
    """A new plan in a git repository that does not merge plans by meaning yet: say how."""
    from plantrack.merging.git_setup import needs_setup
    from plantrack.render.terminal import stderr

    if needs_setup(os.path.dirname(os.path.abspath(path))):
        stderr().say(t("git_setup.hint"))


def register(app: typer.Typer) -> None:
    app.command("import", help=t("help.import"))(import_plan)
    app.command("render", help=t("help.render"))(render)
    app.command("init", help=t("help.init"))(init)
