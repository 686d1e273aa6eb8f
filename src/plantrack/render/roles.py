"""`plantrack roles`: the plan's roles with the items each leads and co-owns, as a table or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plantrack.i18n import t
from plantrack.render.blocks import Block, Grid, Paragraph, terminal
from plantrack.render.views import write_json
from plantrack.render.visible import visible

if TYPE_CHECKING:
    from plantrack.render.terminal import Stream
    from plantrack.roles import RoleCount, RoleList


def render_roles(roles: RoleList, out: Stream, err: Stream) -> None:
    """The roles as a table on stdout; a plan without roles is said on stderr."""
    if roles.roles is None:
        err.say(t("roles.none"))
    blocks: list[Block] = []
    if roles.roles:
        blocks.append(_grid(roles.roles))
    if roles.others:
        blocks += [Paragraph(t("roles.not_in_roles")), _grid(roles.others)]
    terminal(blocks, out.file)


def _grid(counts: tuple[RoleCount, ...]) -> Grid:
    headers = [t("roles.col_role"), t("roles.col_leads"), t("roles.col_co_owns")]
    rows = [[visible(c.name), str(len(c.leads)), str(len(c.co_owns))] for c in counts]
    return Grid(headers, rows, frozenset({1, 2}))


def roles_json(path: str, roles: RoleList) -> dict[str, Any]:
    """The object `plantrack roles --format json` prints (README, "Roles")."""
    return {
        "plan": path,
        "has_roles": roles.roles is not None,
        "roles": [_count(count) for count in roles.roles or ()],
        "not_in_roles": [_count(count) for count in roles.others],
    }


def _count(count: RoleCount) -> dict[str, Any]:
    return {"name": count.name, "leads": list(count.leads), "co_owns": list(count.co_owns)}


def write_roles_json(out: Stream, path: str, roles: RoleList) -> None:
    write_json(out, roles_json(path, roles))
