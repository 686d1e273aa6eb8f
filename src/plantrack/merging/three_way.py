"""The three-way merge of a plan's data: base, ours and theirs in, the merged plan out.

Pure: plain data as the reader gives it (`Node.to_python()`) in, a `Merged` out that says,
section by section and item by item, whose text holds each part and what its values are.
Ledgers are unions; any other value changed on one side takes that side's value, and
changed on both sides to different values is a conflict, settled here in favour of the
side `prefer` names, so that the text can show both choices. A status written in the
other language (done, 已完成) is the same value, and ours's word is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from plantrack.merging.identity import (
    ITEM_KEYS,
    SECTION_KEYS,
    Data,
    by_date,
    canonical,
    match,
    new_entries,
    same,
    same_field,
)

Side = Literal["ours", "theirs"]
_MISSING: Any = object()  # a key that is not there, as against one whose value is null


@dataclass(frozen=True)
class Conflict:
    """A change both sides made differently: where (in the plan's words) and both values."""

    where: str
    ours: Any
    theirs: Any


@dataclass
class MergedItem:
    """An item of the merged plan: found in `origin`'s text at `index` (section, item).

    `fields` are every key but the ledger as they are to be; `added` are the ledger
    entries the other side recorded, to go into the origin's ledger in date order.
    """

    origin: Side
    index: tuple[int, int]
    fields: Data
    added: list[Data] = field(default_factory=list)


@dataclass
class MergedSection:
    """A section of the merged plan: found in `origin`'s text at `index`."""

    origin: Side
    index: int
    fields: Data  # every key but `items`
    items: list[MergedItem] = field(default_factory=list)


@dataclass
class Merged:
    """The merged plan, part by part, and the conflicts met (settled for one side)."""

    top: Data  # every key of the plan but `sections`
    sections: list[MergedSection]
    conflicts: list[Conflict]


def merge(base: Data, ours: Data, theirs: Data, prefer: Side = "ours") -> Merged:
    """The plan that holds both sides' changes to `base`; see the module's docstring."""
    return _Merge(base, ours, theirs, prefer).run()


# --------------------------------------------------------------------------- the merge

_Place = tuple[int, int]  # (section, item) in one side's plan


def _sections(plan: Data) -> list[Data]:
    sections = plan.get("sections")
    return [s if isinstance(s, dict) else {} for s in sections or []]


def _items(section: Data) -> list[Data]:
    return [i if isinstance(i, dict) else {} for i in section.get("items") or []]


def _flat(plan: Data) -> dict[_Place, Data]:
    return {
        (s, i): item
        for s, section in enumerate(_sections(plan))
        for i, item in enumerate(_items(section))
    }


class _Merge:
    """One merge: the parts of the three versions paired up, then merged in ours's order
    with theirs's new parts placed after what precedes them in theirs."""

    def __init__(self, base: Data, ours: Data, theirs: Data, prefer: Side) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.prefer = prefer
        self.conflicts: list[Conflict] = []
        # Ours's place of each merged item that ours's text holds → the item, its section.
        self.merged_items: dict[_Place, tuple[MergedItem, MergedSection]] = {}
        base_items, ours_items, theirs_items = _flat(base), _flat(ours), _flat(theirs)
        self.items = {"base": base_items, "ours": ours_items, "theirs": theirs_items}
        self.ours_of = match(base_items, ours_items, ITEM_KEYS)  # base place → ours place
        self.theirs_of = match(base_items, theirs_items, ITEM_KEYS)
        self.base_of_ours = {o: b for b, o in self.ours_of.items()}
        self.base_of_theirs = {t: b for b, t in self.theirs_of.items()}
        base_s, ours_s, theirs_s = (
            dict(enumerate(_sections(plan))) for plan in (base, ours, theirs)
        )
        self.ours_section = match(base_s, ours_s, SECTION_KEYS)
        self.theirs_section = match(base_s, theirs_s, SECTION_KEYS)
        # Sections that kept no title are still the same section when they hold the same items.
        for b in base_s:
            for table, of in (
                (self.ours_section, self.ours_of),
                (self.theirs_section, self.theirs_of),
            ):
                if b not in table:
                    held = {of[p][0] for p in base_items if p[0] == b and p in of}
                    if len(held) == 1 and (side := held.pop()) not in table.values():
                        table[b] = side
        self.base_sections, self.ours_sections, self.theirs_sections = base_s, ours_s, theirs_s

    # ------------------------------------------------------------------ values

    def value(self, where: str, base: Any, ours: Any, theirs: Any, key: str = "") -> Any:
        # Equal values written differently (done, 已完成) keep ours's writing: ours's text.
        if same_field(key, ours, theirs):
            return ours
        if same_field(key, ours, base):
            return theirs
        if same_field(key, theirs, base):
            return ours
        self.conflicts.append(
            Conflict(
                where, None if ours is _MISSING else ours, None if theirs is _MISSING else theirs
            )
        )
        return ours if self.prefer == "ours" else theirs

    def mapping(
        self, where: str, base: Data, ours: Data, theirs: Data, skip: tuple[str, ...]
    ) -> Data:
        """Each key's value merged, but those in `skip`, which are merged by their own rules."""
        merged: Data = {}
        for key in dict.fromkeys([*ours, *theirs, *base]):
            if key in skip:
                continue
            value = self.value(
                f"{where} {key}" if where else str(key),
                base.get(key, _MISSING),
                ours.get(key, _MISSING),
                theirs.get(key, _MISSING),
                str(key),
            )
            if value is not _MISSING:
                merged[key] = value
        return merged

    # ------------------------------------------------------------------ the plan

    def run(self) -> Merged:
        top = self.mapping("", self.base, self.ours, self.theirs, ("sections", "roles"))
        roles = self.roles()
        if roles is not _MISSING:
            top["roles"] = roles
        sections = self.merged_sections()
        return Merged(top, sections, self.conflicts)

    def roles(self) -> Any:
        base, ours, theirs = (
            plan.get("roles", _MISSING) for plan in (self.base, self.ours, self.theirs)
        )
        if not all(isinstance(r, list) for r in (base, ours, theirs)):
            return self.value("roles", base, ours, theirs)
        removed = [r for r in base if r not in theirs]
        merged = [r for r in ours if r not in removed]
        return merged + [r for r in theirs if r not in base and r not in merged]

    def merged_sections(self) -> list[MergedSection]:
        base_of = {o: b for b, o in self.ours_section.items()}
        merged: list[MergedSection] = []
        for s, section in self.ours_sections.items():
            b = base_of.get(s)
            if b is None:
                fields = {k: v for k, v in section.items() if k != "items"}
                merged.append(MergedSection("ours", s, fields))
            elif b not in self.theirs_section and self.unchanged_section(b, s):
                continue  # theirs removed it, ours left it as it was
            else:
                t = self.theirs_section.get(b)
                theirs = self.theirs_sections[t] if t is not None else section
                fields = self.mapping(
                    f"section {section.get('title', s + 1)}",
                    self.base_sections[b],
                    section,
                    theirs,
                    ("items",),
                )
                merged.append(MergedSection("ours", s, fields))
        for part in merged:
            part.items = self.ours_items(part.index)
        self.place_theirs(merged)
        return merged

    def unchanged_section(self, b: int, s: int) -> bool:
        ours = self.ours_sections[s]
        base_items = [p for p in self.items["base"] if p[0] == b]
        return (
            same(ours.get("title"), self.base_sections[b].get("title"))
            and all(
                p in self.ours_of
                and self.ours_of[p][0] == s
                and same(self.items["ours"][self.ours_of[p]], self.items["base"][p])
                for p in base_items
            )
            and len(base_items) == len(_items(ours))
        )

    def ours_items(self, s: int) -> list[MergedItem]:
        merged = []
        for i, item in enumerate(_items(self.ours_sections[s])):
            place = (s, i)
            b = self.base_of_ours.get(place)
            if b is None:
                merged.append(MergedItem("ours", place, _without_log(item)))
                continue
            t = self.theirs_of.get(b)
            base = self.items["base"][b]
            if t is None:
                if same(item, base):
                    continue  # theirs removed it, ours left it as it was
                self.conflicts.append(Conflict(f"item {item.get('number')}", item, None))
                if self.prefer == "theirs":
                    continue
                merged.append(MergedItem("ours", place, _without_log(item)))
                continue
            theirs = self.items["theirs"][t]
            fields = self.mapping(f"item {base.get('number')}", base, item, theirs, ("log",))
            added = new_entries(_log(item), _log(theirs))
            merged.append(MergedItem("ours", place, fields, by_date(added)))
        return merged

    def place_theirs(self, merged: list[MergedSection]) -> None:
        """Theirs's new items and sections (and items ours removed that theirs changed),
        each after the part that comes before it in theirs."""
        section_of = {
            t: m
            for m in merged
            for b, o in self.ours_section.items()
            if o == m.index and (t := self.theirs_section.get(b)) is not None
        }
        self.merged_items = {
            part.index: (part, section)
            for section in merged
            for part in section.items
            if part.origin == "ours"
        }
        # Items ours added, by their fields: theirs may have added the very same item.
        ours_added = {
            canonical(part.fields): part
            for section in merged
            for part in section.items
            if part.origin == "ours" and part.index not in self.base_of_ours
        }
        previous_section: MergedSection | None = None
        for t, section in self.theirs_sections.items():
            target = section_of.get(t)
            if target is None:
                removed = self.base_section_of_theirs(t)
                if removed is not None:
                    # Ours removed the section: what theirs changed in it has no place.
                    if not same(section, self.base_sections[removed]):
                        raise Unmergeable(f"section {section.get('title')}")
                    continue
                if any((t, i) in self.base_of_theirs for i in range(len(_items(section)))):
                    raise Unmergeable(f"section {section.get('title')}")
                target = self.added_by_ours(merged, section)
            if target is None:
                target = MergedSection(
                    "theirs", t, {k: v for k, v in section.items() if k != "items"}
                )
                target.items = [
                    MergedItem("theirs", (t, i), _without_log(item))
                    for i, item in enumerate(_items(section))
                ]
                position = merged.index(previous_section) + 1 if previous_section else 0
                merged.insert(position, target)
                previous_section = target
                continue
            previous_section = target
            after: MergedItem | None = None
            for i, item in enumerate(_items(section)):
                place = (t, i)
                b = self.base_of_theirs.get(place)
                found = self.find(target, place)
                if found is not None:
                    after = found
                    continue
                if b is None:
                    twin = ours_added.get(canonical(_without_log(item)))
                    if twin is not None:  # both sides added the same item: one, both ledgers
                        ours_log = _log(self.items["ours"][twin.index])
                        twin.added = by_date(new_entries(ours_log, _log(item)))
                        continue
                elif b in self.ours_of:
                    continue  # ours moved it to another section: it stays where ours has it
                elif same(item, self.items["base"][b]):
                    continue  # ours removed it, theirs left it as it was
                else:
                    self.conflicts.append(Conflict(f"item {item.get('number')}", None, item))
                    if self.prefer == "ours":
                        continue
                new = MergedItem("theirs", place, _without_log(item))
                position = target.items.index(after) + 1 if after else 0
                target.items.insert(position, new)
                after = new

    def added_by_ours(self, merged: list[MergedSection], section: Data) -> MergedSection | None:
        """The section ours added under the same title, when theirs added one too."""
        ours_added = set(range(len(self.ours_sections))) - set(self.ours_section.values())
        return next(
            (
                part
                for part in merged
                if part.origin == "ours"
                and part.index in ours_added
                and same(part.fields.get("title"), section.get("title"))
            ),
            None,
        )

    def base_section_of_theirs(self, t: int) -> int | None:
        return next((b for b, side in self.theirs_section.items() if side == t), None)

    def find(self, section: MergedSection, theirs_place: _Place) -> MergedItem | None:
        """The merged item of `section` that theirs's item at `theirs_place` is."""
        b = self.base_of_theirs.get(theirs_place)
        if b is None or b not in self.ours_of:
            return None
        found = self.merged_items.get(self.ours_of[b])
        return found[0] if found is not None and found[1] is section else None


class Unmergeable(Exception):
    """A change this merge cannot place (a new section holding items moved into it)."""


def _log(item: Data) -> list[Any]:
    log = item.get("log")
    return log if isinstance(log, list) else []


def _without_log(item: Data) -> Data:
    return {k: v for k, v in item.items() if k != "log"}
