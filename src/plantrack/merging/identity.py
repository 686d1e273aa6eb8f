"""When two versions of a plan hold the same thing: a value, a ledger entry, an item, a section.

Values are compared by type as well (1 is not true), and a status by what it means (done is
已完成); a ledger entry is the same entry when
it records the same date, author, changes and note; items and sections are paired across
versions by their number and title, so that one renumbered or retitled is still found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from plantrack.vocabulary import STATUS_CHINESE

Data = dict[str, Any]

# Each of the eight words a plan may write a status in, to the status it names.
_STATUS = {
    **{word: word for word in STATUS_CHINESE},
    **{zh: en for en, zh in STATUS_CHINESE.items()},
}


def same(a: Any, b: Any) -> bool:
    """Equal as plan values: of the same types all the way down (1 and true differ)."""
    return bool(canonical(a) == canonical(b))


def same_field(key: str, a: Any, b: Any) -> bool:
    """Equal as the values of field `key`: a status in either language is the same status."""
    if key == "status" and isinstance(a, str) and isinstance(b, str):
        return _STATUS.get(a, a) == _STATUS.get(b, b)
    return same(a, b)


def canonical(value: Any) -> Any:
    """A hashable form of a value that tells types apart and ignores key order."""
    if isinstance(value, dict):
        return ("map", tuple(sorted((str(k), canonical(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return ("list", tuple(canonical(v) for v in value))
    return (type(value).__name__, value)


def entry_key(entry: Any) -> Any:
    """A ledger entry's identity: equal date, by, changes and note make the same entry."""
    if not isinstance(entry, dict):
        return canonical(entry)
    return tuple(canonical(entry.get(name)) for name in ("date", "by", "changes", "note"))


def new_entries(mine: list[Any], other: list[Any]) -> list[Any]:
    """The entries of `other` that `mine` lacks, each counted as often as it occurs."""
    counts: dict[Any, int] = {}
    for entry in mine:
        counts[entry_key(entry)] = counts.get(entry_key(entry), 0) + 1
    added = []
    for entry in other:
        key = entry_key(entry)
        if counts.get(key, 0):
            counts[key] -= 1
        else:
            added.append(entry)
    return added


def by_date(entries: Iterable[Any]) -> list[Any]:
    """Entries in date order, those of one day as they came."""

    def when(entry: Any) -> dt.date:
        date = entry.get("date") if isinstance(entry, dict) else None
        return date if type(date) is dt.date else dt.date.min

    return sorted(entries, key=when)


def match(
    base: dict[Any, Data], side: dict[Any, Data], keys: list[Callable[[Data], Any]]
) -> dict[Any, Any]:
    """Pair base parts with a side's: by each of `keys` in turn, where it is unambiguous."""
    matched: dict[Any, Any] = {}
    taken: set[Any] = set()
    for key in keys:
        wanted: dict[Any, list[Any]] = {}
        for place, part in side.items():
            if place not in taken and key(part) is not None:
                wanted.setdefault(canonical(key(part)), []).append(place)
        counts: dict[Any, int] = {}
        for place, part in base.items():
            if place not in matched and key(part) is not None:
                k = canonical(key(part))
                counts[k] = counts.get(k, 0) + 1
        for place, part in base.items():
            if place in matched or key(part) is None:
                continue
            k = canonical(key(part))
            found = wanted.get(k, [])
            if len(found) == 1 and counts[k] == 1:
                matched[place] = found[0]
                taken.add(found[0])
    return matched


# An item is the same item when its number and title still agree, or one of them does;
# a renumbered item keeps its title, a retitled one its number.
ITEM_KEYS: list[Callable[[Data], Any]] = [
    lambda item: (item.get("number"), item.get("title")),
    lambda item: item.get("title"),
    lambda item: item.get("number"),
    lambda item: item.get("text") or None,
]

_UNTITLED = ("untitled section",)  # no title a section can have

# A section is the same section when its title is; a flat plan's one section has none,
# and is the same section on every side.
SECTION_KEYS: list[Callable[[Data], Any]] = [
    lambda section: section.get("title") if "title" in section else _UNTITLED
]
