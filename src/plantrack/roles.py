"""The plan's roles: how many items each leads and co-owns, and the changes `plantrack roles` makes."""

from __future__ import annotations

from dataclasses import dataclass

from plantrack.errors import PlantrackError
from plantrack.i18n import listing, t
from plantrack.model import Item, Plan
from plantrack.ops import FieldValue, PlanChange, Stamp, change_items


@dataclass(frozen=True)
class RoleCount:
    """A name and the numbers of the items it leads (owner) and co-owns."""

    name: str
    leads: tuple[int, ...]
    co_owns: tuple[int, ...]


@dataclass(frozen=True)
class RoleList:
    """The plan's roles in its order (None: the plan has no `roles:`), and the owners its
    items name that are not among them."""

    roles: tuple[RoleCount, ...] | None
    others: tuple[RoleCount, ...]


def role_list(plan: Plan) -> RoleList:
    names = list(plan.roles or [])
    for _, item in plan.items():
        names += [name for name in _names(item) if name not in names]
    counts = {
        name: RoleCount(
            name,
            tuple(item.number for _, item in plan.items() if item.owner == name),
            tuple(item.number for _, item in plan.items() if name in (item.co_owners or ())),
        )
        for name in names
    }
    known = set(plan.roles or [])
    roles = tuple(counts[name] for name in plan.roles) if plan.roles is not None else None
    return RoleList(roles, tuple(count for name, count in counts.items() if name not in known))


def _names(item: Item) -> list[str]:
    return [*([item.owner] if item.owner else []), *(item.co_owners or [])]


def add_roles(plan: Plan, names: list[str], when: Stamp) -> PlanChange:
    """New roles at the end of the list; a plan without `roles:` gets the section."""
    new = list(dict.fromkeys(_role_name(name) for name in names))
    for name in new:
        if name in (plan.roles or []):
            raise PlantrackError(t("roles.exists", role=name))
    return PlanChange((), tuple(new))


def remove_role(plan: Plan, name: str, when: Stamp) -> PlanChange:
    """A role no item names any more leaves the list."""
    name = _known_role(plan, name)
    numbers = [item.number for _, item in plan.items() if item.owned_by(name)]
    if numbers:
        shown = listing(str(number) for number in numbers)
        raise PlantrackError(t("roles.in_use", role=name, numbers=shown))
    after = tuple(role for role in plan.roles or [] if role != name)
    return PlanChange((), roles_after=after, roles_removed=(name,))


def rename_role(plan: Plan, old: str, new: str, when: Stamp) -> PlanChange:
    """The role renamed in the list and in every item that names it, as owner or
    co-owner: one ledger entry for each item changed."""
    old = _known_role(plan, old)
    new = _role_name(new)
    if new in (plan.roles or []):
        raise PlantrackError(t("roles.exists", role=new))

    def fields(item: Item) -> dict[str, FieldValue]:
        renamed: dict[str, FieldValue] = {}
        if item.owner == old:
            renamed["owner"] = new
        if old in (item.co_owners or ()):
            renamed["co_owners"] = [new if name == old else name for name in item.co_owners or []]
        return renamed

    items = [item for _, item in plan.items() if item.owned_by(old)]
    changed = change_items(items, fields, when)
    after = tuple(new if role == old else role for role in plan.roles or [])
    return PlanChange(changed.items, roles_after=after, roles_renamed=((old, new),))


def _role_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise PlantrackError(t("roles.empty"))
    return name


def _known_role(plan: Plan, name: str) -> str:
    import difflib

    name = name.strip()
    if plan.roles is None:
        raise PlantrackError(t("roles.none"))
    if name in plan.roles:
        return name
    close = difflib.get_close_matches(name, plan.roles, n=3, cutoff=0.5)
    if close:
        raise PlantrackError(t("roles.unknown_close", role=name, close=listing(close)))
    raise PlantrackError(t("roles.unknown", role=name, roles=listing(plan.roles) or "—"))
