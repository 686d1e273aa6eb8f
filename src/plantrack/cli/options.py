"""Options shared by several commands."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from plantrack.cli import completion
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.model import Plan
    from plantrack.summary import Filters


class ViewFormat(str, enum.Enum):
    table = "table"
    json = "json"


PlanOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--plan",
        "-p",
        help=t("help.plan"),
        metavar="PATH",
        show_default=False,
        # Whether the plan can be read is the loader's to say, as a located problem
        # with exit status 1, not click's as a usage error.
        readable=False,
    ),
]

AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("help.as_of"), show_default=False),
]

FormatOption = Annotated[
    ViewFormat, typer.Option("--format", "-f", help=t("help.format"), case_sensitive=False)
]


# --------------------------------------------------------------------------- writing commands


class EditFormat(str, enum.Enum):
    """What a writing command prints: messages for people, or one JSON object."""

    text = "text"
    json = "json"


EditFormatOption = Annotated[
    EditFormat, typer.Option("--format", "-f", help=t("help.edit_format"), case_sensitive=False)
]
# Item numbers stay words until `plantrack.arguments` reads them: `3,4`, `3-5`, `３`.
Numbers = Annotated[
    list[str],
    typer.Argument(
        metavar="N",
        help=t("help.item_numbers"),
        show_default=False,
        autocompletion=completion.item_numbers,
    ),
]
# set-status N… STATUS: the shell completes the status words beside the numbers.
NumbersThenStatus = Annotated[
    list[str],
    typer.Argument(
        metavar="N",
        help=t("help.item_numbers"),
        show_default=False,
        autocompletion=completion.items_then_status,
    ),
]
Number = Annotated[
    str,
    typer.Argument(
        metavar="N",
        help=t("help.item_number"),
        show_default=False,
        autocompletion=completion.item_numbers,
    ),
]
ByOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--by",
        help=t("help.by"),
        metavar="NAME",
        show_default=False,
        autocompletion=completion.recorders,
    ),
]
DateOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--date", help=t("help.entry_date"), metavar="DATE", show_default=False),
]
# Several words after --note (or --reason) are one note: the command joins them.
NoteOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--note", "-n", help=t("help.note_option"), metavar="TEXT", show_default=False),
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help=t("help.dry_run"))]
# Overwrite an existing output file: import, render, init and the report commands.
ForceOption = Annotated[bool, typer.Option("--force", help=t("help.force"))]


def plan_path(plan: Path | None) -> str:
    """The plan file a command works on: --plan / PLANTRACK_PLAN, else discovered (README)."""
    import os

    from plantrack.dates import today
    from plantrack.errors import shown_path
    from plantrack.reading.discovery import find_plan
    from plantrack.settings import current

    # Every message names the plan as this path: relative to the current folder when under it.
    return shown_path(
        find_plan(plan if plan is not None else current().plan, os.getcwd(), today().year)
    )


# status's filters, which export takes too; each may be repeated, and its values combine.
OwnerFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--owner", help=t("help.filter_owner"), autocompletion=completion.owners),
]
StatusFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--status", "-s", help=t("help.filter_status"), autocompletion=completion.statuses
    ),
]
SectionFilter = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--section", help=t("help.filter_section"), autocompletion=completion.sections),
]
OverdueFilter = Annotated[bool, typer.Option("--overdue", help=t("help.filter_overdue"))]
BehindFilter = Annotated[bool, typer.Option("--behind", help=t("help.filter_behind"))]
DueWithinFilter = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--due-within", min=0, metavar="DAYS", help=t("help.filter_due_within")),
]
SoonOption = Annotated[int, typer.Option("--soon", min=0, metavar="DAYS", help=t("help.soon"))]


def status_filters(
    plan: Plan,
    owner: list[str] | None,
    status: list[str] | None,
    section: list[str] | None,
    overdue: bool,
    behind: bool,
    due_within: int | None,
) -> Filters:
    """status's filters from its options, checked against `plan`."""
    from plantrack.summary import Filters, owner_named, section_index, status_words

    return Filters(
        owners=tuple(owner_named(plan, name) for name in owner or []),
        statuses=status_words(status or []),
        sections=tuple(section_index(plan, name) for name in section or []),
        overdue=overdue,
        behind=behind,
        due_within=due_within,
    )
