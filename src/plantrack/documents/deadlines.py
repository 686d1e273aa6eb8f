"""An item's deadline as its document states it: one phrase in its prose (`6月底前完成`), or a
label beside its owners (`完成时限：9月底前`), which render writes when the prose does not
give the plan's due."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from plantrack.documents.owners import DEADLINE_LABEL, Unclear

DEADLINE_WORD = "完成时限"
# The label's value for an item whose prose names a deadline the plan does not keep.
NO_DEADLINE = "无"
# In a parenthesis the label follows the owners after a separator: `（牵头单位：X；完成时限：…）`.
_AFTER_OWNERS = re.compile(r"[，,；;]\s*(?=(?:完成时限|完成时间)\s*[：:])")
_SEPARATORS = "，,；;"


@dataclass(frozen=True, slots=True)
class ProseDue:
    """The deadline an item's prose names, or why it names none (`why`: "lasting",
    "several", "bad"; `phrase` the phrase or phrases that say so)."""

    date: dt.date | None = None
    phrase: str = ""
    why: str | None = None


@dataclass(frozen=True, slots=True)
class LabelledDue:
    """A deadline label read: its date, None for `完成时限：无`; and the label as written."""

    date: dt.date | None
    text: str


def prose_due(text: str, year: int) -> ProseDue:
    """The one deadline a text names in its prose, read within `year`: none when it says
    `长期坚持`, names two different ones, or one that is no date."""
    from plantrack.dates import LASTING, deadline_phrases, parse_deadline
    from plantrack.errors import PlantrackError
    from plantrack.i18n import listing

    if LASTING in text:
        return ProseDue(phrase=LASTING, why="lasting")
    dates: dict[dt.date, str] = {}
    for phrase in deadline_phrases(text):
        try:
            dates.setdefault(parse_deadline(phrase, year), phrase)
        except PlantrackError:
            return ProseDue(phrase=phrase, why="bad")
    if len(dates) > 1:
        return ProseDue(phrase=listing(dates.values()), why="several")
    for date, phrase in dates.items():
        return ProseDue(date, phrase)
    return ProseDue()


def is_deadline_line(text: str) -> bool:
    """Whether a paragraph is a deadline label (`完成时限：9月底前`)."""
    return DEADLINE_LABEL.match(text) is not None


def split_deadline(text: str) -> tuple[str, str | None]:
    """A parenthesis's inside as the owners before its deadline label, and the label
    (`完成时限：9月底前`), or None when it has none."""
    if is_deadline_line(text):
        return "", text.strip()
    found = [match for match in _AFTER_OWNERS.finditer(text) if _depth(text, match.start()) == 0]
    if not found:
        return text, None
    at = found[-1]
    return text[: at.start()].rstrip(), text[at.end() :].strip()


def read_label(label: str, year: int) -> LabelledDue:
    """The date of a deadline label, read within `year`; Unclear when it is no date."""
    from plantrack.dates import parse_deadline
    from plantrack.errors import PlantrackError

    match = DEADLINE_LABEL.match(label)
    value = label[match.end() :].strip() if match else ""
    if value == NO_DEADLINE:
        return LabelledDue(None, label)
    if any(mark in value for mark in _SEPARATORS):
        raise Unclear("deadline")
    try:
        return LabelledDue(parse_deadline(value, year), label)
    except PlantrackError:
        raise Unclear("deadline") from None


def deadline_words(due: dt.date | None, year: int) -> str:
    """A deadline as a label writes it: `9月底前`, `9月15日前`, `2024年3月底前`; `无` for none."""
    if due is None:
        return NO_DEADLINE
    month_end = (due + dt.timedelta(days=1)).day == 1
    words = f"{due.month}月底前" if month_end else f"{due.month}月{due.day}日前"
    return words if due.year == year else f"{due.year}年{words}"


def _depth(text: str, at: int) -> int:
    return sum(1 if c in "（(" else -1 if c in "）)" else 0 for c in text[:at])
