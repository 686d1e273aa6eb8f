"""Shell completion of what a plan holds: item numbers with their titles, statuses, owners,
roles, the ledger's recorders and section numerals with their titles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plantrack.model import Plan


def _plan(ctx: Any) -> Plan | None:
    """The plan the command line names (`--plan`, on the command or on its group, as in
    `roles --plan P remove`) or discovers; None when it cannot be read, since a completion
    must never print an error into the user's prompt."""
    from plantrack.cli.options import plan_path
    from plantrack.errors import PlantrackError
    from plantrack.reading import read_plan

    named = None
    while ctx is not None and named is None:
        named = ctx.params.get("plan")
        ctx = ctx.parent
    if isinstance(named, list):  # report's --plan may be given several times
        named = named[0] if named else None
    try:
        return read_plan(plan_path(named))
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


def statuses(incomplete: str) -> list[tuple[str, str | None]]:
    """The status words one may type, each with the status it names when it is another
    word (`已办结` is done)."""
    from plantrack.i18n import t
    from plantrack.model import TYPED_STATUS_WORDS, parse_status

    found = []
    for word in TYPED_STATUS_WORDS:
        status = parse_status(word)
        if word.startswith(incomplete) and status is not None:
            named = t("status." + status.value)
            found.append((word, named if named != word else None))
    return found


def items_then_status(ctx: Any, incomplete: str) -> list[tuple[str, str | None]]:
    """`set-status N… STATUS`: the item numbers, and once one is given, the status words
    beside them (the shell cannot know which word is the last)."""
    numbers: list[tuple[str, str | None]] = list(item_numbers(ctx, incomplete))
    given = ctx.params.get("numbers") or ctx.params.get("status")
    return numbers + statuses(incomplete) if given else numbers


def owners(ctx: Any, incomplete: str) -> list[str]:
    """The plan's roles, then every owner and co-owner the items name."""
    plan = _plan(ctx)
    if plan is None:
        return []
    named = [name for _, i in plan.items() for name in [i.owner, *(i.co_owners or ())] if name]
    known = dict.fromkeys([*(plan.roles or []), *named])
    return [owner for owner in known if owner.startswith(incomplete)]


def roles(ctx: Any, incomplete: str) -> list[str]:
    """The plan's roles (`roles remove`, `roles rename`)."""
    plan = _plan(ctx)
    return [role for role in (plan.roles or []) if role.startswith(incomplete)] if plan else []


def unlisted_owners(ctx: Any, incomplete: str) -> list[str]:
    """The owners the items name that are not among the roles yet (`roles add`)."""
    plan = _plan(ctx)
    if plan is None:
        return []
    listed = set(plan.roles or [])
    return [owner for owner in owners(ctx, incomplete) if owner not in listed]


def recorders(ctx: Any, incomplete: str) -> list[str]:
    """Who has recorded in the ledgers (`--by`), most recent first."""
    plan = _plan(ctx)
    if plan is None:
        return []
    entries = sorted(
        (entry for _, item in plan.items() for entry in item.log or ()),
        key=lambda entry: entry.date,
        reverse=True,
    )
    known = dict.fromkeys(entry.by for entry in entries)
    return [name for name in known if name.startswith(incomplete)]


def sections(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    from plantrack.numerals import section_numeral

    plan = _plan(ctx)
    if plan is None:
        return []
    numbered = [(section_numeral(i), s.title or "") for i, s in enumerate(plan.sections)]
    return [(numeral, title) for numeral, title in numbered if numeral.startswith(incomplete)]
