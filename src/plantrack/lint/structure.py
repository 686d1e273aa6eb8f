"""Lint's warnings on the shape of a plan's sections: titles, and sub-sections kept together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plantrack.reading import Node

Add = Callable[..., None]


def untitled_warning(section: Node, fields: dict[str, Node], sections: int, add: Add) -> None:
    """Only a flat plan's one section goes without a title."""
    if "title" not in fields and sections > 1:
        add(section, "untitled-section", "lint.untitled_section", count=sections)


class Subsections:
    """The items of a sub-section follow one another in their section: its document shows
    each part once. Told a section's items in order, it warns at each that strays."""

    def __init__(self, add: Add) -> None:
        self.add = add
        self.seen: set[str] = set()
        self.last: str | None = None

    def item(self, name: str | None, number: int | None, node: Callable[[str], Any]) -> None:
        """The next item, with its sub-section's name and its number (None when not a
        text and a number), and where its values are, by key (for a finding)."""
        if name is not None and name != self.last and name in self.seen:
            self.add(
                node("subsection"),
                "subsection-split",
                "lint.subsection_split",
                number=number,
                subsection=name,
            )
        if name is not None:
            self.seen.add(name)
        self.last = name

    def other(self) -> None:
        """An entry of the items list that is not an item (an error of its own)."""
        self.last = None


def text(node: Node | None, kind: type[Any] = str) -> Any:
    """A scalar node's value when it is a `kind` (a text), else None."""
    if node is None or node.kind != "scalar":
        return None
    return text_of(node.value, kind)


def text_of(value: Any, kind: type[Any] = str) -> Any:
    """A plain value, when it is a `kind` (a text), else None: a node's value, as `text`."""
    return value if isinstance(value, kind) else None
