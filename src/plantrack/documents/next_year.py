"""Next year's plan from this year's (`init --from`): the same items, tracking cleared."""

from __future__ import annotations

import re

from plantrack.model import Item, Plan, Section, Status


def next_year_plan(previous: Plan, year: int) -> Plan:
    """Next year's plan from this one: sections, roles, the style its owners are written
    in and items; tracking and ledgers cleared.

    The old year in the title and preamble becomes the new one (`2022年` → `2023年`).
    """

    def new_year(text: str) -> str:
        return re.sub(rf"(?<![0-9]){previous.year}(?![0-9])", str(year), text)

    return Plan(
        title=new_year(previous.title),
        year=year,
        preamble=new_year(previous.preamble),
        roles=list(previous.roles) if previous.roles else None,
        owner_style=previous.owner_style,
        sections=[
            Section(
                title=section.title,
                items=[
                    Item(
                        number=item.number,
                        subsection=item.subsection,
                        title=item.title,
                        text=item.text,
                    )
                    for item in section.items
                ],
            )
            for section in previous.sections
        ],
    )


def header_comments(text: str) -> list[str]:
    """The comment lines at the top of a plan file, as written: the schema line editors
    read (`# yaml-language-server: $schema=…`) and what the office wrote about the plan."""
    comments = []
    for line in text.lstrip("\ufeff").splitlines():
        if line.lstrip().startswith("#"):
            comments.append(line.rstrip())
        elif line.strip():
            break
    return comments


def not_done(plan: Plan) -> list[Item]:
    """The items of a plan that are not done, in plan order: what may be carried over."""
    return [item for _, item in plan.items() if item.current_status is not Status.DONE]
