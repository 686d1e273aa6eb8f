"""Lint's warnings on the shape of a plan's sections: titles, and sub-sections kept together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plantrack.reading import Node

Add = Callable[..., None]


def section_warnings(root: Node, add: Add) -> None:
    """Only a flat plan's one section goes without a title, and the items of a sub-section
    follow one another in their section: its document shows each part once."""
    sections = root.get("sections")
    if sections is None or not sections.is_sequence:
        return
    count = len(sections.value)
    for section in sections.value:
        if not section.is_mapping:
            continue
        if section.get("title") is None and count > 1:
            add(section, "untitled-section", "lint.untitled_section", count=count)
        items = section.get("items")
        seen: set[str] = set()
        last: str | None = None
        for item in items.value if items is not None and items.is_sequence else []:
            node = item.get("subsection") if item.is_mapping else None
            name = _text(node)
            if node is not None and name is not None and name != last and name in seen:
                number = _text(item.get("number"), int)
                add(
                    node,
                    "subsection-split",
                    "lint.subsection_split",
                    number=number,
                    subsection=name,
                )
            if name is not None:
                seen.add(name)
            last = name


def _text(node: Node | None, kind: type[Any] = str) -> Any:
    if node is None or node.kind != "scalar" or not isinstance(node.value, kind):
        return None
    return node.value
