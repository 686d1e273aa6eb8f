"""Dates as plantrack reads them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from plantrack.errors import PlantrackError
from plantrack.i18n import t
from plantrack.numerals import chinese_number
from plantrack.settings import current


def today() -> dt.date:
    """Today's date; PLANTRACK_TODAY (ISO) fixes it for tests and reproducible reports."""
    fixed = current().today
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()


# --------------------------------------------------------------------------- deadline phrases

# Patterns stay text until a deadline is read: compiling them costs start-up time that
# every other command would pay (re caches them once compiled).
_ISO = r"\d{4}-\d{2}-\d{2}"
# Phrase → (month, day) of the deadline it names, within the plan's year.
_PERIODS: dict[str, tuple[int, int]] = {
    "年底": (12, 31),
    "年末": (12, 31),
    "年内": (12, 31),
    "全年": (12, 31),
    "上半年": (6, 30),
    "年中": (6, 30),
    "下半年": (12, 31),
}
_QUARTER_ENDS = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_MONTH_END = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:底|末|份)?"
_MONTH_DAY = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月(\d{1,2})[日号]"
_QUARTER = r"第?([1-4一二三四])季度(?:末|底)?"
# 2022-3-5 as people type it; 2022年 before a phrase names the year it is read in.
_LOOSE_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_YEAR = r"(\d{4})年(.+)"


def as_date(value: object) -> dt.date | None:
    """A plan's date value as a date: a YAML date, or one written in quotes ("2022-06-30"),
    which the plan's model reads as a date too; anything else is None."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value if type(value) is dt.date else None


# "…前", "…以前", "…之前", "…完成": all mean "by" the date the rest names.
_BY = ("以前", "之前", "前", "完成")


def parse_iso(text: str) -> dt.date:
    """A date written as YYYY-MM-DD, or PlantrackError naming that form."""
    value = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(_ISO, value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PlantrackError(t("date.bad_iso", value=text))


def parse_day(text: str, year: int) -> dt.date:
    """A ledger date as people type it: 2022-03-05, 2022-3-5, 2022年3月5日, or 3月5日 in
    `year` (the plan's), else PlantrackError naming these forms."""
    value = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    match = re.fullmatch(_LOOSE_ISO, value)
    found = (int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None
    named = re.fullmatch(_YEAR, value)
    match = re.fullmatch(_MONTH_DAY, named.group(2) if named else value)
    if found is None and match:
        in_year = int(named.group(1)) if named else year
        found = (in_year, _number(match.group(1)), int(match.group(2)))
    if found is not None:
        try:
            return dt.date(*found)
        except ValueError:
            pass
    raise PlantrackError(t("date.bad_day_form", value=text, year=year))


def parse_deadline(text: str, year: int) -> dt.date:
    """A deadline as users write it: ISO, or a phrase of Chinese plans read within `year`.

    6月底 / 6月底前 / 6月30日前 → June 30; 年底 / 全年 → December 31; 一季度 / 第一季度末 →
    March 31; 二季度 / 上半年 → June 30; 三季度 → September 30; 四季度 / 下半年 → December 31.
    """
    value = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    match = re.fullmatch(_LOOSE_ISO, value)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:  # 2022-02-30
            raise PlantrackError(t("date.bad_deadline", value=text, year=year)) from None
    named = re.fullmatch(_YEAR, value)
    if named:  # 2022年6月底前: the phrase read within the year it names
        rest = named.group(2)
        rest = "年" + rest if rest.startswith(("底", "末")) else rest  # 2022年底前
        try:
            return parse_deadline(rest, int(named.group(1)))
        except PlantrackError:
            raise PlantrackError(t("date.bad_deadline", value=text, year=year)) from None
    phrase = value
    stripped = True
    while stripped:
        stripped = False
        for suffix in _BY:
            if phrase.endswith(suffix) and len(phrase) > len(suffix):
                phrase = phrase[: -len(suffix)]
                stripped = True
    found = _PERIODS.get(phrase)
    match = re.fullmatch(_QUARTER, phrase)
    if found is None and match:
        found = _QUARTER_ENDS[_number(match.group(1))]
    match = re.fullmatch(_MONTH_DAY, phrase)
    if found is None and match:
        found = (_number(match.group(1)), int(match.group(2)))
    match = re.fullmatch(_MONTH_END, phrase)
    if found is None and match:
        import calendar

        month = _number(match.group(1))
        if 1 <= month <= 12:
            found = (month, calendar.monthrange(year, month)[1])
    if found is not None:
        try:
            return dt.date(year, *found)
        except ValueError:
            pass
    raise PlantrackError(t("date.bad_deadline", value=text, year=year))


# A deadline in a plan's prose: a phrase of the forms above ending in "by" (前, 以前, 之前)
# or 完成; 每季度 (every quarter) is a rhythm, not a deadline.
_IN_PROSE = (
    r"(?<![0-9每])(?:[0-9]{4}年[底末]|(?:[0-9]{4}年)?(?:"
    + "|".join([_MONTH_DAY, _MONTH_END, _QUARTER, *sorted(_PERIODS, key=len, reverse=True)])
    + r"))(?:以前|之前|前|完成)"
)
LASTING = "长期坚持"  # said of an item that has no deadline


def deadline_phrases(text: str) -> list[str]:
    """The deadline phrases in a text, as written (`6月底前`, `2022年10月底前`), in order;
    parse_deadline reads each."""
    return [match.group() for match in re.finditer(_IN_PROSE, text)]


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    number = chinese_number(text)
    assert number is not None  # the patterns admit only numerals it reads
    return number
