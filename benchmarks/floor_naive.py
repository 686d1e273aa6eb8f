"""The naive floor: the same stack doing status's job the obvious way.

One typer command reads the plan with PyYAML's C loader, validates it with a small
pydantic model and prints its items as one rich Table. plantrack's status, show and
--help are timed against it as whole processes (benchmarks/against_naive.py).

Usage: python benchmarks/floor_naive.py PLAN
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import pydantic
import rich.console
import rich.table
import typer
import yaml


class Item(pydantic.BaseModel):
    number: int
    title: str
    text: str = ""
    owner: Optional[str] = None  # noqa: UP045 - typer and pydantic read it on Python 3.10
    status: Optional[str] = None  # noqa: UP045
    progress: Optional[int] = None  # noqa: UP045
    due: Optional[dt.date] = None  # noqa: UP045
    log: list[dict[str, object]] = []


class Section(pydantic.BaseModel):
    title: str
    items: list[Item]


class Plan(pydantic.BaseModel):
    title: str
    year: int
    preamble: str = ""
    roles: list[str] = []
    sections: list[Section]


app = typer.Typer()


@app.command()
def floor(plan: str = typer.Argument(..., help="The plan file to list.")) -> None:
    """List a plan's items as one table."""
    with open(plan, encoding="utf-8") as handle:
        model = Plan.model_validate(yaml.load(handle, Loader=yaml.CSafeLoader))
    table = rich.table.Table(title=model.title)
    for column in ("No.", "Title", "Owner", "Status", "Progress", "Due"):
        table.add_column(column)
    for section in model.sections:
        for item in section.items:
            table.add_row(
                str(item.number),
                item.title,
                item.owner or "",
                item.status or "todo",
                "" if item.progress is None else f"{item.progress}%",
                "" if item.due is None else item.due.isoformat(),
            )
    rich.console.Console().print(table)


if __name__ == "__main__":
    app()
