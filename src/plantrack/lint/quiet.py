"""Lint's quick look at an item's plain data: which items can have no finding, so that
their nodes need not be built (the fast reader builds an item's nodes when asked)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from plantrack.controls import CONTROL
from plantrack.dates import as_date
from plantrack.lint.values import QuietValues
from plantrack.model import Status, parse_status
from plantrack.reading import Node

# Where a number may be written otherwise than in decimal digits (`017`, `0x1F`, `0b101`,
# `1:30`): a value starting with a 0 and another digit or letter, or a colon before a
# digit. Both expressions start with one character, which `re` finds quickly.
_ZERO = re.compile(r"0(?<=[ \[,{]0)[0-7_bx]|0(?<=[ \[,{][-+]0)[0-7_bx]")
_SIXTY = re.compile(r":[0-9]")


class QuietItems:
    """Told the plan's roles, year and today, says of an item whether none of lint's
    checks can find anything in it; a check that would is told so by the data alone,
    or the item is not quiet. The numbering and sub-sections, which depend on the items
    before, are checked for every item (see `checks.py`)."""

    def __init__(
        self, text: str, roles: list[str] | None, year: int | None, today: dt.date
    ) -> None:
        self.roles = frozenset(roles) if roles is not None else None
        self.year = year
        self.today = today
        self.values = QuietValues("\\" in text or CONTROL.search(text) is not None)
        # Offsets of the places a number may be written otherwise, in order.
        self.numbers: list[int] = []
        self.numbers += (match.start() for match in _ZERO.finditer(text))
        self.numbers += (match.start() for match in _SIXTY.finditer(text))
        self.numbers.sort()

    def __call__(self, item: Node, plain: dict[str, Any]) -> bool:
        if not self.values(plain) or "owner_groups" in plain:
            return False
        if self.numbers:
            after = bisect.bisect_left(self.numbers, item.start)
            if after < len(self.numbers) and self.numbers[after] < item.end:
                return False
        return self._owners(plain) and self._dates(plain) and self._status(plain)

    def _owners(self, plain: dict[str, Any]) -> bool:
        roles = self.roles
        if roles is None:
            return True
        owner = plain.get("owner")
        if type(owner) is str and owner not in roles:
            return False
        co_owners = plain.get("co_owners")
        if type(co_owners) is list:
            return all(type(name) is not str or name in roles for name in co_owners)
        return True

    def _dates(self, plain: dict[str, Any]) -> bool:
        year = self.year
        due = plain.get("due")
        if type(due) is str and as_date(due) is not None:
            return False  # a date when it was quoted: its node says
        if type(due) is dt.date and year is not None and due.year != year:
            return False
        log = plain.get("log")
        if type(log) is not list:
            return True
        latest: dt.date | None = None
        for entry in log:
            date = entry.get("date") if type(entry) is dict else None
            if type(date) is str and as_date(date) is not None:
                return False
            if type(date) is not dt.date:
                continue
            if year is not None and not year <= date.year <= year + 1:
                return False
            if (latest is not None and date < latest) or date > self.today:
                return False
            latest = date if latest is None else max(latest, date)
        return True

    def _status(self, plain: dict[str, Any]) -> bool:
        progress = plain.get("progress")
        if type(progress) is not int:
            return True
        word = plain.get("status")
        done = type(word) is str and parse_status(word) is Status.DONE
        return progress == 100 if done else progress != 100
