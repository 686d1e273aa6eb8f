"""An item's owners written back into its document, in the style the plan was imported with,
and its deadline beside them when its text does not give it."""

from __future__ import annotations

from plantrack.documents.deadlines import DEADLINE_WORD, deadline_words, prose_due
from plantrack.documents.owners import (
    ASSISTING,
    DEFAULT_CO,
    DEFAULT_LEAD,
    parse_groups,
    usual_groups,
)
from plantrack.model import Item, OwnerStyle

# A plan with owners and no style recorded: `（牵头单位：X，配合单位：Y、Z）`.
DEFAULT_STYLE = OwnerStyle(form="brackets", lead=DEFAULT_LEAD, co=DEFAULT_CO)


def owner_names(item: Item) -> list[str]:
    """The item's owner and co-owners, lead first."""
    return [*([item.owner] if item.owner else []), *(item.co_owners or [])]


def written_groups(item: Item, style: OwnerStyle) -> list[tuple[list[str], bool]]:
    """The item's names in the groups its document wrote them in, each open (等) or not:
    its `owner_groups` when they add up to its names, else the usual groups."""
    names = owner_names(item)
    groups = usual_groups(len(names), style.lead is not None and item.owner is not None)
    if item.owner_groups:
        recorded = parse_groups(item.owner_groups)
        if sum(count for count, _ in recorded) == len(names) and all(c for c, _ in recorded):
            groups = recorded
    out, start = [], 0
    for count, open_ in groups:
        out.append((names[start : start + count], open_))
        start += count
    return out


def _listed(groups: list[tuple[list[str], bool]]) -> str:
    return "；".join("、".join(names) + ("等" if open_ else "") for names, open_ in groups)


def owner_parts(item: Item, style: OwnerStyle) -> list[tuple[str, str]]:
    """The item's owners as (label or verb, names) pairs: the lead's, then the co-owners'."""
    groups = written_groups(item, style)
    if not groups:
        return []
    if item.owner is None:  # co-owners and no lead: a label that names no lead
        label = style.co if style.co.startswith(ASSISTING) else DEFAULT_CO
        return [(label, _listed(groups))]
    if style.lead is None:
        return [(style.co, _listed(groups))]
    parts = [(style.lead, _listed(groups[:1]))]
    if groups[1:]:
        parts.append((style.co, _listed(groups[1:])))
    return parts


def deadline_label(item: Item, year: int) -> str | None:
    """`完成时限：9月底前` for an item whose prose does not give its due as import reads it
    (it names another deadline, none, or several), else None; `完成时限：无` for an item
    without a due whose prose names one."""
    if prose_due(item.title + "\n" + item.text, year).date == item.due:
        return None
    return f"{DEADLINE_WORD}：{deadline_words(item.due, year)}"


def owner_parenthesis(
    item: Item, style: OwnerStyle, deadline: str | None = None, owners: bool = True
) -> str:
    """`（牵头单位：X，配合单位：Y）` or `（X牵头，Y配合）` for an item with owners (unless
    `owners` is False: lines say them), with a `deadline` label after `；`; "" for none."""
    parts = owner_parts(item, style) if owners else []
    if style.form == "verbs" and item.owner is not None:  # no verb names co-owners alone
        named = "，".join(names + word for word, names in parts)
    else:
        named = "，".join(f"{word}：{names}" for word, names in parts)
    inside = "；".join(part for part in (named, deadline) if part)
    return f"（{inside}）" if inside else ""


def owner_lines(item: Item, style: OwnerStyle) -> list[str]:
    """`牵头单位：X` then `配合单位：Y、Z`, each a line of its own."""
    return [f"{word}：{names}" for word, names in owner_parts(item, style)]
