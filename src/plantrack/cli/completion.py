"""Shell completion of what a plan holds: item numbers with their titles, owners, sections."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plantrack.model import Plan


def _plan(ctx: Any) -> Plan | None:
    """The plan the command line names (or discovers); None when it cannot be read, since a
    completion must never print an error into the user's prompt."""
    from plantrack.cli.options import plan_path
    from plantrack.errors import PlantrackError
    from plantrack.reading import read_plan

    try:
        return read_plan(plan_path(ctx.params.get("plan")))
    except (PlantrackError, OSError, ValueError):
        return None


def item_numbers(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    if plan is None:
        return []
    return [
        (str(item.number), item.title)
        for _, item in plan.items()
        if str(item.number).startswith(incomplete)
    ]


def statuses(incomplete: str) -> list[str]:
    from plantrack.model import TYPED_STATUS_WORDS

    return [word for word in TYPED_STATUS_WORDS if word.startswith(incomplete)]


def owners(ctx: Any, incomplete: str) -> list[str]:
    plan = _plan(ctx)
    if plan is None:
        return []
    known = dict.fromkeys([*(plan.roles or []), *(i.owner for _, i in plan.items() if i.owner)])
    return [owner for owner in known if owner.startswith(incomplete)]


def sections(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    from plantrack.numerals import section_numeral

    plan = _plan(ctx)
    if plan is None:
        return []
    numbered = [(section_numeral(i), s.title or "") for i, s in enumerate(plan.sections)]
    return [(numeral, title) for numeral, title in numbered if numeral.startswith(incomplete)]
