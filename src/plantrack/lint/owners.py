"""Lint's warning on an item's owner_groups: counts that no longer add up to its owners."""

from __future__ import annotations

import re
from collections.abc import Callable

from plantrack.model import OWNER_GROUPS
from plantrack.reading import Node


def owner_groups_warning(item: dict[str, Node], add: Callable[..., None]) -> None:
    """owner_groups that count other names than the item has (after `assign` changed
    them, say): render passes them by and writes the usual groups. `item` is the item's
    values by key."""
    node = item.get("owner_groups")
    if node is None:
        return
    groups = node.value if node.kind == "scalar" else None
    if not isinstance(groups, str) or not re.fullmatch(OWNER_GROUPS, groups):
        return
    from plantrack.documents.owners import parse_groups

    co_owners, owner = item.get("co_owners"), item.get("owner")
    names = len(co_owners.value) if co_owners is not None and co_owners.is_sequence else 0
    names += owner is not None and owner.kind == "scalar" and isinstance(owner.value, str)
    counted = sum(count for count, _ in parse_groups(groups))
    if counted != names:
        add(node, "owner-groups", "lint.owner_groups", groups=groups, counted=counted, names=names)
