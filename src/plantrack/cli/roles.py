"""`plantrack roles`: the plan's roles listed, and `roles add`, `remove` and `rename`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.cli import completion, help
from plantrack.cli.edit import Change, _writing_command
from plantrack.cli.options import FormatOption, PlanOption, ViewFormat, plan_path
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.model import Plan
    from plantrack.ops import PlanChange, Stamp


class RolesGroup(help.HelpGroup):
    """`plantrack roles` and its subcommands, with help in the user's language."""


def roles(
    ctx: typer.Context, plan: PlanOption = None, format: FormatOption = ViewFormat.table
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from plantrack.reading import load
    from plantrack.render import terminal
    from plantrack.render.roles import render_roles, write_roles_json
    from plantrack.roles import role_list

    path = plan_path(plan)
    listed = role_list(load(path).plan)
    if format is ViewFormat.json:
        write_roles_json(terminal.stdout(), path, listed)
    else:
        render_roles(listed, terminal.stdout(), terminal.stderr())


def add(
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME", help=t("help.role_names"), autocompletion=completion.unlisted_owners
        ),
    ],
) -> Change:
    from plantrack import roles

    return lambda plan, when: roles.add_roles(plan, names, when)


def remove(
    name: Annotated[
        str,
        typer.Argument(metavar="NAME", help=t("help.role_name"), autocompletion=completion.roles),
    ],
) -> Change:
    from plantrack import roles

    return lambda plan, when: roles.remove_role(plan, name, when)


def rename(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help=t("help.role_old"), autocompletion=completion.roles)
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help=t("help.role_new"), show_default=False)],
) -> Change:
    from plantrack import roles

    def change(plan: Plan, when: Stamp) -> PlanChange:
        return roles.rename_role(plan, old, new, when)

    return change


def register(app: typer.Typer) -> None:
    group = typer.Typer(cls=RolesGroup, rich_markup_mode=None, help=t("help.roles"))
    group.callback(invoke_without_command=True)(roles)
    commands: list[tuple[str, str, Callable[..., Change]]] = [
        ("add", "help.roles_add", add),
        ("remove", "help.roles_remove", remove),
        ("rename", "help.roles_rename", rename),
    ]
    for name, help_key, own in commands:
        group.command(name, help=t(help_key), cls=help.PlantrackCommand)(_writing_command(own))
    app.add_typer(group, name="roles")
