"""Chinese numerals, both ways: 12 → 十二 for section headings, and 十二 → 12 when reading."""

from __future__ import annotations

import functools

# The digits one to nine, and ten: the characters a section numeral below 100 is made of.
DIGITS = "一二三四五六七八九"
NUMERAL_CHARACTERS = DIGITS + "十百千零"
# The largest numeral read back: a plan has no thousandth section.
MAX_READ = 999


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 100 → 一百, 101 → 一百零一, 110 → 一百一十."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    digits = "零" + DIGITS
    parts = []
    thousands, rest = divmod(n, 1000)
    hundreds, rest = divmod(rest, 100)
    tens, ones = divmod(rest, 10)
    for value, unit in ((thousands, "千"), (hundreds, "百"), (tens, "十")):
        if value:
            parts.append(digits[value] + unit)
        elif parts and (rest if unit != "十" else ones):
            parts.append("零")
    if ones:
        parts.append(digits[ones])
    text = "".join(parts)
    # 十二, not 一十二, when the number is below twenty.
    return text[1:] if 10 <= n < 20 else text.replace("零零", "零")


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
