"""The plan file format as pydantic models, and the status vocabulary.

A plan is a title, a year, a preamble and sections of numbered items; an item may name
the sub-section (（一）) it is in, and a plan without sections (a flat plan) is one section
without a title. Each item may carry tracking fields: owner (the one accountable) and co-owners, status, progress,
due and its ledger (`log`).
Unknown keys are errors everywhere.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
)
from pydantic_core import PydanticCustomError

from plantrack.errors import PlantrackError
from plantrack.i18n import listing, t
from plantrack.vocabulary import STATUS_CHINESE, STATUS_SYNONYMS


class Status(str, enum.Enum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    BLOCKED = "blocked"

    @property
    def chinese(self) -> str:
        return CHINESE_STATUS[self]


CHINESE_STATUS: dict[Status, str] = {Status(word): zh for word, zh in STATUS_CHINESE.items()}
STATUS_WORDS: dict[str, Status] = {
    **{s.value: s for s in Status},
    **{word: s for s, word in CHINESE_STATUS.items()},
}


# What a user may type: the eight words and the synonyms offices use (完成, 推进中, 未启动…).
TYPED_STATUS_WORDS: dict[str, Status] = {
    **STATUS_WORDS,
    **{word: Status(value) for word, value in STATUS_SYNONYMS.items()},
}


def parse_status(word: str) -> Status | None:
    """The status a user's word names (English, Chinese or a synonym), or None."""
    return TYPED_STATUS_WORDS.get(word.strip().lower())


def status_named(word: str) -> Status:
    """The status a user's word names, or PlantrackError listing the words there are."""
    import difflib

    status = parse_status(word)
    if status is None:
        close = difflib.get_close_matches(word.strip().lower(), TYPED_STATUS_WORDS, n=3, cutoff=0.5)
        if close:
            raise PlantrackError(t("status.close", value=word, close=listing(close)))
        raise PlantrackError(t("status.unknown", value=word))
    return status


def unknown_item(plan: Plan, number: int) -> PlantrackError:
    """The error for an item number the plan does not have, naming the numbers it has."""
    numbers = [item.number for _, item in plan.items()]
    if not numbers:
        return PlantrackError(t("item.unknown_empty", number=number))
    return PlantrackError(t("item.unknown", number=number, low=min(numbers), high=max(numbers)))


def _status_from_word(value: Any) -> Any:
    # In a file, a status is one of the eight words exactly; the command line is lenient.
    if isinstance(value, str):
        return STATUS_WORDS.get(value, value)
    return value


def _date_not_number(value: Any) -> Any:
    # pydantic would read `due: 0` as 1970-01-01 (seconds since the epoch).
    if isinstance(value, (int, float)):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


PlanDate = Annotated[dt.date, BeforeValidator(_date_not_number)]


NonEmpty = Annotated[StrictStr, Field(min_length=1)]
# The values a ledger records as changed: an owner, co-owners, status, progress or date,
# or nothing.
LedgerValue = StrictInt | dt.date | StrictStr | list[StrictStr] | None


class _Strict(BaseModel):
    # Built when first used: a plan from the cache is never validated, so a command that
    # takes its plan from there never pays for building the validators.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LogEntry(_Strict):
    """One ledger entry: when, who, what changed (old → new) and a note."""

    date: PlanDate
    by: NonEmpty
    changes: dict[StrictStr, tuple[LedgerValue, LedgerValue]] | None = None
    note: NonEmpty | None = None


# `2等；1`: two names, then 等; then one name.
OWNER_GROUPS = r"^[0-9]{1,4}等?(；[0-9]{1,4}等?)*$"


OwnerForm = Literal["lines", "group", "brackets", "verbs"]


class OwnerStyle(_Strict):
    """How the plan's document writes owners: `form` is `lines` (labelled lines after the
    item), `group` (such lines after a group of items), `brackets` (a labelled
    parenthesis at the end of the item) or `verbs` (`（X牵头，Y配合）`); `lead` labels the
    lead (None: one label, and the first named leads), `co` the co-owners."""

    form: OwnerForm
    lead: NonEmpty | None = None
    co: NonEmpty
    # `（X牵头）。`: the parenthesis goes before the 。 that ends the item, not after it.
    before_full_stop: StrictBool = False


class Item(_Strict):
    number: Annotated[StrictInt, Field(ge=1)]
    # The title of the sub-section (（一）…) the item is in; the items of one sub-section
    # follow one another in their section.
    subsection: NonEmpty | None = None
    title: NonEmpty
    text: StrictStr = ""
    owner: NonEmpty | None = None
    co_owners: list[NonEmpty] | None = None
    # How the document wrote the owner and co-owners, when not one lead then the rest:
    # the count of names in each group (`；` between levels), each open (`等`) or not.
    owner_groups: Annotated[StrictStr, Field(pattern=OWNER_GROUPS)] | None = None
    status: Status | None = None
    progress: Annotated[StrictInt, Field(ge=0, le=100)] | None = None
    due: PlanDate | None = None
    log: list[LogEntry] | None = None

    _status_words = field_validator("status", mode="before")(_status_from_word)

    def owned_by(self, name: str) -> bool:
        """Whether `name` is this item's owner or one of its co-owners."""
        return self.owner == name or name in (self.co_owners or ())

    @property
    def current_status(self) -> Status:
        return self.status or Status.TODO

    def is_overdue(self, today: dt.date) -> bool:
        """Due before today and not done. Overdue is computed, never stored."""
        return self.due is not None and self.due < today and self.current_status is not Status.DONE


# The order keys are written in: new keys go where this order puts them.
ITEM_KEYS: tuple[str, ...] = tuple(Item.model_fields)
LEDGER_KEYS: tuple[str, ...] = tuple(LogEntry.model_fields)


def _no_items() -> list[Item]:
    # Not `default_factory=list`: pydantic asks a factory for its signature, and a builtin's
    # is read from its text signature by the tokenizer, whose start costs a command 1-2 %.
    return []


class Section(_Strict):
    # None only for the one section of a flat plan, whose document has no 一、 headings.
    title: NonEmpty | None = None
    items: list[Item] = Field(default_factory=_no_items)

    def parts(self) -> list[tuple[str | None, list[Item]]]:
        """The section's items as its document shows them, each part at the （一） level:
        a sub-section's title with its items, or None with one item that is a part of its
        own (a （二）title。text paragraph). A section without sub-sections is one part,
        None with all its items (numbered 1. 2. …), or no part when it has no items."""
        if all(item.subsection is None for item in self.items):
            return [(None, list(self.items))] if self.items else []
        found: list[tuple[str | None, list[Item]]] = []
        for item in self.items:
            if item.subsection is not None and found and found[-1][0] == item.subsection:
                found[-1][1].append(item)
            else:
                found.append((item.subsection, [item]))
        return found

    def has_subsections(self) -> bool:
        return any(item.subsection is not None for item in self.items)

    def part_places(self) -> dict[int, tuple[int, str | None]]:
        """Each item's part (see `parts`) by item number: its 0-based index and the
        sub-section's title (None for an item that is a part of its own); empty when the
        section has no sub-sections."""
        if not self.has_subsections():
            return {}
        return {
            item.number: (index, subsection)
            for index, (subsection, items) in enumerate(self.parts())
            for item in items
        }


# The years a plan may be for: four digits, far enough either way for any real plan.
MIN_YEAR, MAX_YEAR = 1900, 2200


class Plan(_Strict):
    title: NonEmpty
    year: Annotated[StrictInt, Field(ge=MIN_YEAR, le=MAX_YEAR)]
    preamble: StrictStr = ""
    roles: list[NonEmpty] | None = None
    owner_style: OwnerStyle | None = None
    sections: list[Section]

    def items(self) -> list[tuple[int, Item]]:
        """Every item with the index of its section, in plan order."""
        return [
            (index, item) for index, section in enumerate(self.sections) for item in section.items
        ]
