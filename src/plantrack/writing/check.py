"""The read-back check: an edited plan's text must hold exactly the data the change defines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from plantrack.errors import PlantrackError
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.reading import Source


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
    from plantrack.reading import Source, compose

    reread = compose(Source(source.path, new_text, source.bom))
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


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 and true are not the same)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
