"""Documents: `plantrack import`, `plantrack render` and `plantrack init`."""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from plantrack.cli.options import PlanOption, plan_path
from plantrack.errors import ExitCode, PlantrackError
from plantrack.i18n import t


class DocumentFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"


ForceOption = Annotated[bool, typer.Option("--force", help=t("help.force"))]
STDOUT = "-"


def import_plan(
    file: Annotated[
        Path, typer.Argument(help=t("help.import_file"), metavar="FILE", show_default=False)
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option("--output", "-o", help=t("help.import_output"), show_default=False),
    ] = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--year", help=t("help.import_year"), show_default=False),
    ] = None,
    force: ForceOption = False,
) -> None:
    from plantrack import documents
    from plantrack.render.terminal import stderr

    if year is not None:
        _check_year(year)
    document = documents.read_document(file)
    imported = documents.import_document(document, year)
    plan = imported.plan
    header = [t("import.header", source=file.name)]
    text = documents.new_plan_yaml(plan, header)
    path = _write_plan(output, plan.year, text, force)
    err = stderr()
    for note in imported.notes:
        err.write(note)
    err.write(
        t(
            "import.done" if path != STDOUT else "import.done_stdout",
            path=path,
            sections=len(plan.sections),
            items=len(plan.items()),
            source=file.name,
            encoding=imported.encoding,
        )
    )


def render(
    plan: PlanOption = None,
    format: Annotated[
        DocumentFormat,
        typer.Option("--format", "-f", help=t("help.render_format"), case_sensitive=False),
    ] = DocumentFormat.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help=t("help.render_output"), show_default=False),
    ] = None,
    force: ForceOption = False,
) -> None:
    from plantrack.reading import load as load_plan
    from plantrack.render import document as render_document
    from plantrack.render.terminal import stderr, stdout

    loaded = load_plan(plan_path(plan))
    if format is DocumentFormat.markdown:
        text = render_document.render_markdown(loaded.plan)
    else:
        text = render_document.render_text(loaded.plan)
    if output is None or str(output) == STDOUT:
        stdout().file.write(text)
        return
    target = os.fspath(output)
    if os.path.exists(target):
        if os.path.samefile(target, loaded.path):  # not even with --force
            raise PlantrackError(t("write.same_file", path=target))
        if not force:
            raise PlantrackError(t("write.exists", path=target))
    _write(target, text)
    stderr().write(t("render.done", path=target))


def init(
    year: Annotated[int, typer.Option("--year", help=t("help.init_year"), show_default=False)],
    source: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--from", help=t("help.init_from"), show_default=False),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help=t("help.init_output"), show_default=False),
    ] = None,
    force: ForceOption = False,
) -> None:
    from plantrack import documents
    from plantrack.render.terminal import stderr, stdout

    _check_year(year)
    err = stderr()
    if source is None:
        path = _write_plan(output, year, documents.skeleton_yaml(year), force)
        if path != STDOUT:
            err.write(t("init.done", path=path))
        return

    from plantrack.reading import load as load_plan
    from plantrack.render.views import status_word

    previous = load_plan(source).plan
    plan = documents.next_year_plan(previous, year)
    path = _write_plan(output, year, documents.new_plan_yaml(plan), force, source)
    err.write(
        t(
            "init.done_from" if path != STDOUT else "init.done_from_stdout",
            path=path,
            sections=len(plan.sections),
            items=len(plan.items()),
            source=source.name,
        )
    )
    open_items = documents.not_done(previous)
    if not open_items:
        err.write(t("init.all_done", year=previous.year))
        return
    # The list is data, so stdout; unless the plan itself went there.
    to_stdout = path != STDOUT
    err.write(
        t(
            "init.open_heading" if to_stdout else "init.open_heading_here",
            count=len(open_items),
            year=previous.year,
        )
    )
    out = stdout() if to_stdout else err
    for item in open_items:
        details = [status_word(item.current_status)]
        if item.progress is not None:
            details.append(f"{item.progress}%")
        if item.owner:
            details.append(item.owner)
        out.write(
            t(
                "init.open_item",
                number=item.number,
                title=item.title,
                details=t("init.open_separator").join(details),
            )
        )


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2200:
        raise PlantrackError(t("year.range", year=year), exit_code=ExitCode.USAGE)


def _write_plan(
    output: Path | None, year: int, text: str, force: bool, source: Path | None = None
) -> str:
    """Write a new plan file (checked first); returns where it went.

    Without -o it goes to `plans/<year>.yaml` in the nearest plans/ folder, as other
    commands find it; an existing file is overwritten only with --force, and never the
    plan the new one is made from (`source`), which would lose its tracking and ledgers.
    """
    from plantrack.documents import checked
    from plantrack.render.terminal import stdout

    if output is not None and str(output) == STDOUT:
        checked("<stdout>", text)
        stdout().file.write(text)
        return STDOUT
    path = os.fspath(output) if output is not None else _default_path(year)
    checked(path, text)
    if source is not None and os.path.exists(path) and os.path.samefile(path, source):
        raise PlantrackError(t("write.from_plan", path=path))
    if os.path.exists(path) and not force:
        raise PlantrackError(t("write.exists", path=path))
    if output is None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    _write(path, text)
    return path


def _default_path(year: int) -> str:
    from plantrack.reading.discovery import PLANS_FOLDER, plan_files

    folder = os.getcwd()
    while not os.path.isdir(os.path.join(folder, PLANS_FOLDER)):
        parent = os.path.dirname(folder)
        if parent == folder:  # no plans/ folder anywhere up: start one here
            return os.path.join(PLANS_FOLDER, f"{year}.yaml")
        folder = parent
    plans = os.path.relpath(os.path.join(folder, PLANS_FOLDER))
    return plan_files(plans).get(year) or os.path.join(plans, f"{year}.yaml")


def _write(path: str, text: str) -> None:
    from plantrack.writing.atomic import write_atomic

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise PlantrackError(t("write.no_folder", folder=os.path.dirname(path)))
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise PlantrackError(
            t("document.write_failed", path=path, reason=error.strerror or error)
        ) from None


def register(app: typer.Typer) -> None:
    app.command("import", help=t("help.import"))(import_plan)
    app.command("render", help=t("help.render"))(render)
    app.command("init", help=t("help.init"))(init)
