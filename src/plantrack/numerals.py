"""Chinese numerals, both ways: 12 → 十二 for section headings, and 十二 → 12 when reading;
and the numerals Word's automatic numbering draws (一〇〇, 壹拾, 甲, 子)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

# The digits one to nine, and ten: the characters a section numeral below 100 is made of.
DIGITS = "一二三四五六七八九"
NUMERAL_CHARACTERS = DIGITS + "十百千零"
# The largest numeral read back: a plan has no thousandth section.
MAX_READ = 999
# Word's ideographic digits, digit by digit (ideographDigital, and chineseCounting past 99).
_IDEOGRAPHIC_DIGITS = "〇" + DIGITS
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional: the ten heavenly stems
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"  # ideographZodiac: the twelve earthly branches


@dataclass(frozen=True, slots=True)
class _Counting:
    """How a counting system writes a number below 10,000 with units: its digits (zero
    first), its units for ten, hundred and thousand, whether a gap is written with its
    zero (一百零一), and where the one before a unit is left out: "ten" only for a number
    that starts with ten (十二 but 一百一十), "all" before every unit (Japanese 百十),
    "none" never (legal 壹拾)."""

    digits: str
    units: str
    fill_zero: bool
    drop_one: str


_CHINESE = _Counting("零" + DIGITS, "十百千", fill_zero=True, drop_one="ten")
_LEGAL = _Counting("零壹贰叁肆伍陆柒捌玖", "拾佰仟", fill_zero=True, drop_one="none")
_JAPANESE = _Counting("〇" + DIGITS, "十百千", fill_zero=False, drop_one="all")


def _counted(n: int, system: _Counting, leading: bool = True) -> str:
    """`n` (1 to 9,999) in `system`; `leading` when nothing is written before it."""
    parts: list[str] = []
    pending_zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if not digit:
            pending_zero = pending_zero or bool(parts)
            continue
        if pending_zero and system.fill_zero:
            parts.append(system.digits[0])
        pending_zero = False
        unit = system.units[power - 1] if power else ""
        drop = system.drop_one == "all" or (
            system.drop_one == "ten" and power == 1 and leading and not parts
        )
        parts.append(unit if digit == 1 and unit and drop else system.digits[digit] + unit)
    return "".join(parts)


def _grouped(n: int, system: _Counting) -> str:
    """`n` from 1 up in `system`, by groups of four digits: 万 for ten thousand, 亿 above."""
    if n < 10_000:
        return _counted(n, system)
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            text = _grouped(high, system) + unit
            if not low:
                return text
            gap = system.digits[0] if system.fill_zero and low < size // 10 else ""
            rest = _counted(low, system, leading=False) if low < 10_000 else _grouped(low, system)
            return text + gap + rest
    raise AssertionError(n)  # pragma: no cover - n >= 10,000 has a group


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 100 → 一百, 101 → 一百零一, 110 → 一百一十."""
    if n <= 0 or n >= 10000:
        return str(n)
    return _counted(n, _CHINESE)


@functools.lru_cache(maxsize=1024)  # asked once for every item of a status listing
def section_numeral(index: int) -> str:
    """The Chinese numeral of the section at 0-based `index`: 一 … 十, 十一 … 九十九, 一百 …"""
    return chinese_numeral(index + 1)


@functools.cache
def _numbers() -> dict[str, int]:
    return {chinese_numeral(number): number for number in range(1, MAX_READ + 1)}


def chinese_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 一百零一 → 101, 九百九十九 → 999: exactly the numerals
    `chinese_numeral` writes, read back; None for anything else (一十二, 一千)."""
    return _numbers().get(numeral)


def part_marker(index: int) -> str:
    """The marker of the part at 0-based `index` of a section, at the （一） level: （一） （二） …"""
    return f"（{section_numeral(index)}）"


# --- the numerals of Word's number formats (w:numFmt), for numbers Word draws itself


def ideographic_digits(n: int) -> str:
    """ideographDigital: 10 → 一〇, 2031 → 二〇三一."""
    return "".join(_IDEOGRAPHIC_DIGITS[int(digit)] for digit in str(n)) if n >= 0 else str(n)


def chinese_counting(n: int) -> str:
    """chineseCounting: 一 … 十, 十一 … 九十九 with 十, then digit by digit: 100 → 一〇〇."""
    if not 10 <= n < 100:
        return ideographic_digits(n)
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens - 1]) + "十" + (DIGITS[ones - 1] if ones else "")


def chinese_counting_thousand(n: int) -> str:
    """chineseCountingThousand: as a person counts, 十一, 一百零一, 一千, 一万零一十."""
    return _grouped(n, _CHINESE) if n > 0 else ideographic_digits(n)


def chinese_legal(n: int) -> str:
    """chineseLegalSimplified, the figures of accounts: 壹, 壹拾, 壹拾贰, 壹佰零壹."""
    return _grouped(n, _LEGAL) if n > 0 else _LEGAL.digits[0] if n == 0 else str(n)


def japanese_counting(n: int) -> str:
    """japaneseCounting: no one before a unit and no zero for a gap, 十一, 百一, 千百十."""
    return _grouped(n, _JAPANESE) if n > 0 else ideographic_digits(n)


def heavenly_stem(n: int) -> str:
    """ideographTraditional: 甲 … 癸 for 1 to 10; past them, as Word does, the number."""
    return _STEMS[n - 1] if 1 <= n <= len(_STEMS) else str(n)


def earthly_branch(n: int) -> str:
    """ideographZodiac: 子 … 亥 for 1 to 12; past them, as Word does, the number."""
    return _BRANCHES[n - 1] if 1 <= n <= len(_BRANCHES) else str(n)
