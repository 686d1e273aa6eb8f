"""The read-back check: an edited plan's text must hold exactly the data the change defines.

Two forms of one check: `check` reads the whole new text back; `check_items` proves the
same for a change that touches items alone by reading back only the lines it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.reading import Node, Source


def check(
    source: Source, new_text: str, expected: dict[str, Any], changed: Iterable[tuple[int, int]]
) -> None:
    """`new_text` must read as a valid plan whose data is `expected`.

    `expected` is the old data, which passed every check, with the change applied
    (`PlanChange.apply_to`). `changed` are the new data's items and roles that the
    change touched: they must be of the same types all the way down and the items must
    pass the model's checks. Together that makes a valid plan, without validating every
    other item of a large plan a second time.
    """
    from pydantic import ValidationError

    from plantrack.model import Item
    from plantrack.reading import Source, read_tree

    reread = read_tree(Source(source.path, new_text, source.bom))
    if reread.problems or reread.root is None:
        problem = reread.problems[0].format() if reread.problems else "?"
        raise PlantrackError(t("write.broken", problem=problem))
    actual = reread.root.to_python()
    if actual != expected or not same(actual.get("roles"), expected.get("roles")):
        raise PlantrackError(t("write.mismatch", path=source.path))
    for s, i in changed:
        item = actual["sections"][s]["items"][i]
        if not same(item, expected["sections"][s]["items"][i]):
            raise PlantrackError(t("write.mismatch", path=source.path))
        try:
            Item.model_validate(item)
        except ValidationError as error:
            problem = f"{source.path}: {item['number']}: {error.errors()[0]['msg']}"
            raise PlantrackError(t("write.broken", problem=problem)) from None


def check_items(
    source: Source,
    new_text: str,
    splices: list[tuple[int, int, int, str]],
    old: dict[str, Any],
    expected: dict[str, Any],
    changed: list[tuple[int, int, Node, Node]],
) -> bool:
    """Whether `new_text` holds exactly `expected`, shown without reading all of it back.

    `changed` are the changed items as (section, index, item node, node of their list).
    It holds when `expected` differs from `old` in those items only, every splice lies
    within the lines of one of them, and the text outside those lines is the old text
    byte for byte (which read as `old`); then those lines, read back on their own as the
    list entries they are, must hold exactly the expected items, which must pass the
    model's checks. False when this cannot be shown (a block scalar in an item, a list
    of items in flow style, roles added…): `check` then decides.
    """
    from pydantic import ValidationError

    from plantrack.model import Item
    from plantrack.reading import Source, compose, walk
    from plantrack.writing.splices import line_after, line_start, value_end

    if not _only_items_differ(old, expected, {(s, i) for s, i, _, _ in changed}):
        return False
    text = source.text
    regions: list[tuple[int, int, Node, list[tuple[int, int]]]] = []
    for s, i, node, items in sorted(changed, key=lambda c: c[2].start):
        start = line_start(text, node.start)
        if items.flow or text[start : node.start].strip() != "-":
            return False
        if any(n.style in ("|", ">") for n, _ in walk(node)):
            return False  # a block scalar's extent depends on the lines around it
        end = line_after(text, value_end(node))
        if regions and regions[-1][2] is items and regions[-1][1] == start:
            regions[-1] = (regions[-1][0], end, items, [*regions[-1][3], (s, i)])
        else:
            regions.append((start, end, items, [(s, i)]))
    remaining = sorted(splices)
    pieces, position = [], 0
    for start, end, items, places in regions:
        inside = [splice for splice in remaining if start <= splice[0] and splice[1] <= end]
        remaining = [splice for splice in remaining if splice not in inside]
        region, at = [], start
        for splice_start, splice_end, _, new in inside:
            region += [text[at:splice_start], new]
            at = splice_end
        region.append(text[at:end])
        region_text = "".join(region)
        pieces += [text[position:start], region_text]
        position = end
        reread = compose(Source(source.path, region_text))
        root = reread.root
        if reread.problems or root is None or not root.is_sequence or root.flow:
            return False
        if root.column != items.column or len(root.value) != len(places):
            return False
        for (s, i), entry in zip(places, root.value, strict=True):
            item = entry.to_python()
            if not same(item, expected["sections"][s]["items"][i]):
                return False
            try:
                Item.model_validate(item)
            except ValidationError:
                return False
    pieces.append(text[position:])
    return not remaining and "".join(pieces) == new_text


def _only_items_differ(
    old: dict[str, Any], expected: dict[str, Any], changed: set[tuple[int, int]]
) -> bool:
    """Whether `expected` is `old` but for the items at `changed` (PlanChange.apply_to
    keeps every other item's mapping as it was)."""
    if old.keys() != expected.keys():
        return False
    for key in old:
        if key != "sections" and not same(old[key], expected[key]):
            return False
    sections, new_sections = old.get("sections"), expected.get("sections")
    if not isinstance(sections, list) or not isinstance(new_sections, list):
        return False
    if len(sections) != len(new_sections):
        return False
    for s, (section, new_section) in enumerate(zip(sections, new_sections, strict=True)):
        if section is new_section:
            continue
        if not isinstance(section, dict) or not isinstance(new_section, dict):
            return False
        if section.keys() != new_section.keys():
            return False
        if any(k != "items" and not same(section[k], new_section[k]) for k in section):
            return False
        items, new_items = section.get("items"), new_section.get("items")
        if not isinstance(items, list) or not isinstance(new_items, list):
            return False
        if len(items) != len(new_items):
            return False
        for i, (item, new_item) in enumerate(zip(items, new_items, strict=True)):
            if item is not new_item and (s, i) not in changed:
                return False
    return True


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 and true are not the same)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
