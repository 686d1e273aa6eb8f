"""What each writing command means, as data: the fields it sets and the ledger entry.

Pure: a loaded Plan and a request in, a PlanChange out, or a PlantrackError naming what
is wrong with the request. What a change does to a plan's data is defined here once
(`PlanChange.apply_to`); nothing here reads or writes a file: `plantrack.writing` turns
that data into an in-place edit of the plan's text, and checks the result against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plantrack.dates import as_date
from plantrack.errors import PlantrackError
from plantrack.i18n import listing, t
from plantrack.model import CHINESE_STATUS, LEDGER_KEYS, Item, Plan, Status, unknown_item
from plantrack.model import status_named as status_named  # the commands read a status here

# The values a command may set; None removes the field from the item.
FieldValue = str | int | dt.date | Status | list[str] | None


@dataclass(frozen=True)
class Stamp:
    """Who records a change, when, and why (the note)."""

    date: dt.date
    by: str
    note: str | None = None


@dataclass(frozen=True)
class ItemChange:
    """One item's new field values and the ledger entry that records them."""

    number: int
    fields: dict[str, FieldValue]
    changes: dict[str, tuple[FieldValue, FieldValue]]
    stamp: Stamp

    def entry(self, chinese: bool = False) -> dict[str, Any]:
        """The ledger entry as plain data, keys in the ledger's order (date, by, changes,
        note); status words in Chinese when the plan writes them so."""
        entry: dict[str, Any] = {"date": self.stamp.date, "by": self.stamp.by}
        if self.changes:
            entry["changes"] = {
                name: [_plain(old, chinese), _plain(new, chinese)]
                for name, (old, new) in self.changes.items()
            }
        if self.stamp.note is not None:
            entry["note"] = self.stamp.note
        return {key: entry[key] for key in LEDGER_KEYS if key in entry}

    def apply_to(self, item: dict[str, Any], chinese: bool = False) -> dict[str, Any]:
        """The item's plain data with this change made: fields set or removed, and the
        ledger entry among the others in date order."""
        new = dict(item)
        for name, value in self.fields.items():
            if value is None:
                new.pop(name, None)
            else:
                new[name] = _plain(value, chinese)
        log = list(new.get("log") or [])
        log.insert(ledger_index(log, self.stamp.date), self.entry(chinese))
        new["log"] = log
        return new


def ledger_index(entries: list[Any], date: dt.date) -> int:
    """Where an entry of `date` goes in a ledger: before the first entry dated later.

    A ledger is kept in date order; an entry recorded afterwards (`--date`) goes among
    the others, after those of its own day. A date in quotes is a date here as for lint.
    """
    for index, entry in enumerate(entries):
        when = as_date(entry.get("date")) if isinstance(entry, dict) else None
        if when is not None and when > date:
            return index
    return len(entries)


def _plain(value: Any, chinese: bool) -> Any:
    if isinstance(value, Status):
        return value.chinese if chinese else value.value
    return value


def writes_chinese_status(data: dict[str, Any]) -> bool:
    """Whether a plan's plain data writes any status in Chinese: new ones follow suit."""
    words = set(CHINESE_STATUS.values())
    return any(
        isinstance(item, dict) and item.get("status") in words
        for section in _list(data.get("sections"))
        if isinstance(section, dict)
        for item in _list(section.get("items"))
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class PlanChange:
    """Everything one command changes in a plan."""

    items: tuple[ItemChange, ...]
    roles: tuple[str, ...] = ()  # owners to add to the plan's roles
    unchanged: tuple[int, ...] = ()  # items already as asked
    # The plan's roles from now on, when a role is removed or renamed.
    roles_after: tuple[str, ...] | None = None
    roles_removed: tuple[str, ...] = ()
    roles_renamed: tuple[tuple[str, str], ...] = ()  # old, new

    @property
    def empty(self) -> bool:
        return not self.items and not self.roles and self.roles_after is None

    def apply_to(self, data: dict[str, Any]) -> dict[str, Any]:
        """The plan's plain data (as read from its YAML) with this change made.

        The one definition of what a change means for the file: the writer splices in
        the difference and checks the file it writes against this. `data` is left as it
        is; the changed items, their ledgers and the roles are new lists and mappings.
        """
        chinese = writes_chinese_status(data)
        changes = {item_change.number: item_change for item_change in self.items}
        new = dict(data)
        sections = []
        for section in _list(data.get("sections")):
            items = _list(section.get("items")) if isinstance(section, dict) else []
            if any(isinstance(i, dict) and i.get("number") in changes for i in items):
                section = {
                    **section,
                    "items": [
                        changes[item["number"]].apply_to(item, chinese)
                        if isinstance(item, dict) and item.get("number") in changes
                        else item
                        for item in items
                    ],
                }
            sections.append(section)
        new["sections"] = sections
        if self.roles_after is not None:
            new["roles"] = list(self.roles_after)
        elif self.roles:
            new["roles"] = [*_list(data.get("roles")), *self.roles]
        return new


def stamp(date: dt.date, by: str, note: str | None = None) -> Stamp:
    """A checked Stamp: a non-empty author and, when given, a non-empty note."""
    by = by.strip()
    if not by:
        raise PlantrackError(t("edit.empty_by"))
    return Stamp(date, by, checked_note(note) if note is not None else None)


def checked_note(note: str) -> str:
    """A ledger note as given, without surrounding blanks; an empty one is refused."""
    note = note.strip()
    if not note:
        raise PlantrackError(t("edit.empty_note"))
    return note


def assign(
    plan: Plan,
    numbers: list[int],
    owner: str | None,
    when: Stamp,
    *,
    co_owners: list[str] | None = None,
    new_role: bool = False,
) -> PlanChange:
    """A new owner, co-owners, or both. With an owner, the co-owners given (if any) are
    the item's co-owners from now on; without one, they are added to those it has."""
    lead = _name(owner) if owner is not None else None
    others = list(dict.fromkeys(_name(name) for name in co_owners or []))
    if lead is None and not others:
        raise PlantrackError(t("edit.assign_nothing"))
    if lead is not None and lead in others:
        raise PlantrackError(t("edit.lead_and_co_owner", owner=lead))
    items = _items(plan, numbers)
    roles: list[str] = []
    if plan.roles is not None or new_role:
        known = plan.roles or []
        for name in [*([lead] if lead is not None else []), *others]:
            if name not in known:
                if not new_role:
                    raise PlantrackError(unknown_owner(name, known))
                roles.append(name)

    def fields(item: Item) -> dict[str, FieldValue]:
        new: dict[str, FieldValue] = {}
        kept = others if lead is not None and co_owners else list(item.co_owners or [])
        if lead is not None:
            new["owner"] = lead
        else:
            kept += [name for name in others if name not in kept]
        # The owner of an item is not also one of its co-owners.
        owner_now = lead if lead is not None else item.owner
        new["co_owners"] = [name for name in kept if name != owner_now] or None
        return new

    return change_items(items, fields, when, tuple(roles))


def _name(name: str) -> str:
    name = name.strip()
    if not name:
        raise PlantrackError(t("edit.empty_owner"))
    return name


def unassign(
    plan: Plan, numbers: list[int], when: Stamp, *, co_owners: list[str] | None = None
) -> PlanChange:
    """No owner; or, with `co_owners`, those co-owners removed and the owner kept."""
    if not co_owners:
        return change_items(_items(plan, numbers), {"owner": None}, when)
    leaving = {_name(name) for name in co_owners}

    def fields(item: Item) -> dict[str, FieldValue]:
        kept = [name for name in item.co_owners or [] if name not in leaving]
        return {"co_owners": kept or None}

    return change_items(_items(plan, numbers), fields, when)


def set_status(plan: Plan, numbers: list[int], status: Status, when: Stamp) -> PlanChange:
    """A new status; `done` also sets progress to 100."""
    return change_items(_items(plan, numbers), _status_fields(status), when)


def reopen(plan: Plan, numbers: list[int], when: Stamp) -> PlanChange:
    """A done or blocked item is doing again; any other item is left as it is."""
    items = _items(plan, numbers)
    closed = [item for item in items if item.status in (Status.DONE, Status.BLOCKED)]
    change = change_items(closed, _status_fields(Status.DOING), when)
    changed = {item_change.number for item_change in change.items}
    unchanged = tuple(item.number for item in items if item.number not in changed)
    return PlanChange(change.items, (), unchanged)


def _status_fields(status: Status) -> Callable[[Item], dict[str, FieldValue]]:
    """The fields a new status sets on an item.

    A done item that leaves `done` at progress 100 loses its progress: complete but not
    done is what `plantrack lint` warns about (complete-not-done).
    """

    def fields(item: Item) -> dict[str, FieldValue]:
        new: dict[str, FieldValue] = {"status": status}
        if status is Status.DONE:
            new["progress"] = 100
        elif item.status is Status.DONE and item.progress == 100:
            new["progress"] = None
        return new

    return fields


def block(plan: Plan, numbers: list[int], reason: str, when: Stamp) -> PlanChange:
    """Blocked, with the reason as the ledger note: lagging items must say why."""
    reason = reason.strip()
    if not reason:
        raise PlantrackError(t("edit.empty_reason"))
    return set_status(plan, numbers, Status.BLOCKED, Stamp(when.date, when.by, reason))


def percent(text: str) -> int:
    """A percentage as users type it: `40`, `40%`, `40％` or `４０`, a whole number 0–100."""
    from plantrack.arguments import half_width

    value = half_width(text).strip().rstrip("%％").strip()
    if value.isascii() and value.isdigit() and int(value) <= 100:
        return int(value)
    raise PlantrackError(t("edit.bad_percent", value=text))


def set_progress(plan: Plan, number: int, progress: int, when: Stamp) -> PlanChange:
    """`progress` is checked by `percent`, which reads it."""
    return change_items(_items(plan, [number]), {"progress": progress}, when)


def note(plan: Plan, number: int, when: Stamp) -> PlanChange:
    """A ledger entry with nothing else changed: what was done."""
    if when.note is None:
        raise PlantrackError(t("edit.empty_note"))
    return change_items(_items(plan, [number]), {}, when)


def set_due(plan: Plan, numbers: list[int], due: dt.date | None, when: Stamp) -> PlanChange:
    """A new deadline, or none (`due --clear`)."""
    return change_items(_items(plan, numbers), {"due": due}, when)


def _items(plan: Plan, numbers: list[int]) -> list[Item]:
    """The items named, each checked before anything is changed; repeats count once."""
    by_number = {item.number: item for _, item in plan.items()}
    items = []
    for number in dict.fromkeys(numbers):
        item = by_number.get(number)
        if item is None:
            raise unknown_item(plan, number)
        items.append(item)
    return items


# What a missing field means: an item without a status is todo, without progress at 0.
_DEFAULTS: dict[str, FieldValue] = {"status": Status.TODO, "progress": 0}


def _same_value(name: str, old: FieldValue, new: FieldValue) -> bool:
    default = _DEFAULTS.get(name)
    return (default if old is None else old) == (default if new is None else new)


def change_items(
    items: list[Item],
    fields: dict[str, FieldValue] | Callable[[Item], dict[str, FieldValue]],
    when: Stamp,
    roles: tuple[str, ...] = (),
) -> PlanChange:
    changed = []
    unchanged = []
    for item in items:
        asked = fields(item) if callable(fields) else fields
        changes = {
            name: (getattr(item, name), value)
            for name, value in asked.items()
            if not _same_value(name, getattr(item, name), value)
        }
        if not changes and when.note is None:
            unchanged.append(item.number)
            continue
        new_fields = {name: new for name, (_, new) in changes.items()}
        changed.append(ItemChange(item.number, new_fields, changes, when))
    return PlanChange(tuple(changed), roles if changed else (), tuple(unchanged))


def unknown_owner(owner: str, roles: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(owner, roles, n=3, cutoff=0.5)
    if close:
        return t("edit.owner_close", owner=owner, close=listing(close))
    return t("edit.owner_unknown", owner=owner, roles=listing(roles) or "—")
