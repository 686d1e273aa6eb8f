"""The floors of plantrack's stack: what the simplest program built on it costs.

    python floor_naive.py PLAN    the naive-stack floor: one typer command that reads the plan
                                  with PyYAML's C loader, validates it with a small pydantic
                                  model and prints its items as a rich Table
    python floor_naive.py         the hello-world floor: the same imports, one typer command
                                  taking one option, nothing read

plantrack's commands are timed against these, run the same way as whole processes.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import pydantic
import rich.console
import rich.table
import typer
import yaml


class Entry(pydantic.BaseModel):
    date: dt.date
    by: str
    changes: Optional[dict[str, list[object]]] = None  # noqa: UP045
    note: Optional[str] = None  # noqa: UP045


class Item(pydantic.BaseModel):
    number: int
    title: str
    text: str = ""
    owner: Optional[str] = None  # noqa: UP045
    status: Optional[str] = None  # noqa: UP045
    progress: Optional[int] = None  # noqa: UP045
    due: Optional[dt.date] = None  # noqa: UP045
    log: list[Entry] = []


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
def floor(
    plan: Optional[str] = typer.Argument(None, help="The plan file to list."),  # noqa: UP045
    name: str = typer.Option("world", "--name", help="Whom to greet when no plan is given."),
) -> None:
    """List a plan's items as a table, or say hello."""
    if plan is None:
        print(f"hello {name}")
        return
    with open(plan, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    model = Plan.model_validate(data)
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
