"""Options shared by several commands."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from plantrack.i18n import t


class ViewFormat(str, enum.Enum):
    table = "table"
    json = "json"


PlanOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--plan",
        "-p",
        envvar="PLANTRACK_PLAN",
        help=t("help.plan"),
        show_default=False,
    ),
]

AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("help.as_of"), show_default=False),
]

FormatOption = Annotated[
    ViewFormat, typer.Option("--format", "-f", help=t("help.format"), case_sensitive=False)
]


def plan_path(plan: Path | None) -> str:
    """The plan file a command works on: --plan / PLANTRACK_PLAN, else discovered (README)."""
    import os

    from plantrack.dates import today
    from plantrack.loader import find_plan

    return find_plan(plan, os.getcwd(), today().year)
