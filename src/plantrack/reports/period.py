"""The period a report covers: a year, half, quarter or month (2022H1, 2022-05), or two dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from plantrack.dates import parse_iso
from plantrack.errors import PlantrackError
from plantrack.i18n import t


@dataclass(frozen=True)
class Period:
    """The days from `since` to `until`, both included, and how the user named them."""

    since: dt.date
    until: dt.date
    name: str

    def holds(self, day: dt.date) -> bool:
        return self.since <= day <= self.until

    def overlaps(self, year: int) -> bool:
        return self.since.year <= year <= self.until.year


_PERIOD = re.compile(r"(\d{4})(?:([HhQq])(\d)|-(\d{1,2}))?")


def parse_period(text: str) -> Period:
    """2022, 2022H1, 2022H2, 2022Q1 … 2022Q4 or 2022-05."""
    found = _PERIOD.fullmatch(text.strip())
    if found:
        year = int(found.group(1))
        kind, part, month = found.group(2), found.group(3), found.group(4)
        first, last = _months(kind.upper() if kind else None, int(part or month or 0))
        if first and year >= 1:
            end = dt.date(year, last, calendar.monthrange(year, last)[1])
            return Period(dt.date(year, first, 1), end, text.strip().upper())
    raise PlantrackError(t("period.unknown", value=text))


def _months(kind: str | None, number: int) -> tuple[int, int]:
    """The first and last month of a period, or (0, 0) when there is no such period."""
    if kind is None and number == 0:
        return 1, 12
    if kind == "H" and number in (1, 2):
        return 6 * number - 5, 6 * number
    if kind == "Q" and 1 <= number <= 4:
        return 3 * number - 2, 3 * number
    if kind is None and 1 <= number <= 12:
        return number, number
    return 0, 0


def choose_period(
    period: str | None, since: str | None, until: str | None, default_year: int
) -> Period:
    """The period of --period, or of --since/--until (each defaulting to its year's first or
    last day), or else the whole of `default_year`."""
    if period is not None:
        if since is not None or until is not None:
            raise PlantrackError(t("period.both"))
        return parse_period(period)
    first = parse_iso(since) if since is not None else None
    last = parse_iso(until) if until is not None else None
    if first is None and last is None:
        return parse_period(str(default_year))
    first = first or dt.date((last or dt.date(default_year, 1, 1)).year, 1, 1)
    last = last or dt.date(first.year, 12, 31)
    if first > last:
        raise PlantrackError(t("period.reversed", since=first.isoformat(), until=last.isoformat()))
    return Period(first, last, f"{first.isoformat()} – {last.isoformat()}")
