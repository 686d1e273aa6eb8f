"""Places in a plan named as people name them: `section 五, item 14, owner` / `第五部分第 14 项 owner`."""

from __future__ import annotations

from typing import Any

from plantrack.i18n import language, t
from plantrack.numerals import section_numeral
from plantrack.reading.tree import Node, field_name, locate


def place(root: Node, parts: list[Any] | tuple[Any, ...]) -> str:
    """The place `parts` (a machine path, counted from 0) names, in the user's words.

    Sections go by their numeral and items by their number, as the plan shows them;
    an item without a usable number goes by its place in its section, counted from 1.
    What is left (a field, a change's name) is written as the file writes it."""
    parts = list(parts)
    segments: list[str] = []
    if parts[:1] == ["sections"] and len(parts) > 1 and isinstance(parts[1], int):
        section = parts[1]
        segments.append(t("place.section", numeral=section_numeral(section)))
        parts = parts[2:]
        if parts[:1] == ["items"] and len(parts) > 1 and isinstance(parts[1], int):
            segments.append(_item(root, section, parts[1]))
            parts = parts[2:]
            if parts[:1] == ["log"] and len(parts) > 1 and isinstance(parts[1], int):
                segments.append(t("place.entry", index=parts[1] + 1))
                parts = parts[2:]
    elif parts[:1] == ["roles"] and len(parts) > 1 and isinstance(parts[1], int):
        segments.append(t("place.role", index=parts[1] + 1))
        parts = parts[2:]
    rest = field_name(parts)
    if language() == "zh":
        return "".join(segments) + (" " + rest if segments and rest else rest)
    return ", ".join([*segments, rest] if rest else segments)


def _item(root: Node, section: int, index: int) -> str:
    node, _, found = locate(root, ("sections", section, "items", index, "number"))
    number = node.value if found and node.kind == "scalar" else None
    if type(number) is int and number >= 1:
        return t("place.item", number=number)
    return t("place.item_at", index=index + 1)
