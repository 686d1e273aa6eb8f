"""Word's automatic numbering: the number Word draws before a paragraph, counted as Word does."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from plantrack import numerals
from plantrack.documents.reading import document_error
from plantrack.errors import PlantrackError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
LEVELS = 9  # w:ilvl 0 to 8: Word's lists have nine levels
# A level's text names the levels whose numbers it shows: `%1、`, `（%1）`, `%1.%2`.
_PLACEHOLDER = re.compile(r"%([1-9])")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# Marks that end a number as drawn: the gap Word leaves after such a number is layout.
_NUMBER_ENDS = "、.．)）]】〕」』:：,，"


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    """Numbers drawn in one of Unicode's enclosed sets (①, ⑴, ⒈); past it, as decimals."""
    return lambda n: chr(first + n - 1) if 1 <= n <= last else str(n)


# Word starts a list at 32767 at most; a number past it (a damaged or hostile start value)
# is written in digits rather than as millions of letters.
_LARGEST_SPELLED = 32767


def _letters(n: int) -> str:
    """a … z, then aa … zz: Word repeats the letter rather than counting in base 26."""
    if not 0 < n <= _LARGEST_SPELLED:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)


def _roman(n: int) -> str:
    if not 0 < n <= _LARGEST_SPELLED:
        return str(n)
    parts = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)


# w:numFmt values and how each writes a number; a format not here is named when met.
FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"0{n}" if 0 <= n <= 9 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "chineseCounting": numerals.chinese_counting,
    "chineseCountingThousand": numerals.chinese_counting_thousand,
    "taiwaneseCountingThousand": numerals.chinese_counting_thousand,
    "chineseLegalSimplified": numerals.chinese_legal,
    "ideographDigital": numerals.ideographic_digits,
    "japaneseCounting": numerals.japanese_counting,
    "ideographTraditional": numerals.heavenly_stem,
    "ideographZodiac": numerals.earthly_branch,
    "none": lambda n: "",
}


@dataclass(frozen=True, slots=True)
class _Level:
    """One level of a list as w:lvl defines it."""

    format: str  # w:numFmt
    text: str  # w:lvlText, `%1、`
    start: int  # w:start; the standard's default is 0
    restart: int | None  # w:lvlRestart: None, after any higher level; 0, never
    legal: bool  # w:isLgl: every number in the text in decimals
    suffix: str  # w:suff: "tab", "space" or "nothing"
    style: str | None  # w:pStyle: the paragraph style numbered at this level


@dataclass(slots=True)
class _List:
    """A list instance (w:num): its definition (w:abstractNum) and its overrides."""

    definition: str  # the abstractNumId, whose counters every instance of it shares
    levels: dict[int, _Level]
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride, by level


class ListNumbers:
    """The numbers of a document's numbered paragraphs, asked for in reading order.

    Word keeps one set of counters per list definition (w:abstractNum), shared by every
    list instance (w:num) made from it: an instance with a start override begins its
    level again the first time it is used, and a plain one continues the count. A level
    begins again when a higher level of its list is used, unless w:lvlRestart says not.
    """

    def __init__(self, name: str, numbering: Any, styles: Any) -> None:
        self.name = name
        self.numbering = numbering
        self.styles = {
            element.get(_W + "styleId"): element
            for element in (styles.iterchildren(_W + "style") if styles is not None else ())
        }
        self.default_style = next(
            (
                style_id
                for style_id, element in self.styles.items()
                if element.get(_W + "type") == "paragraph" and element.get(_W + "default") in _ON
            ),
            None,
        )
        self.lists: dict[str, _List] = {}
        self.style_numbering: dict[str | None, tuple[str | None, str | None]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[tuple[str, int]] = set()  # (numId, level) met so far
        self.place = 0

    def numbered(self, paragraph: Any, place: int, text: str) -> str:
        """`text`, the text of `paragraph` (the paragraph `place` of the document), with
        the number Word draws before it, as if typed; counts the paragraph."""
        number, suffix = self._label(paragraph, place)
        return number + _gap(number, suffix, text) + text if number else text

    def _label(self, paragraph: Any, place: int) -> tuple[str, str]:
        """The number Word draws before `paragraph` (the paragraph `place` of the document),
        "" when it has none (or a bullet), and what Word puts after it (w:suff); counts it."""
        self.place = place
        numbered = self._numbered(paragraph)
        if numbered is None:
            return "", ""
        num_id, level = numbered
        found = self._list(num_id)
        definition = self._level(found, num_id, level)
        counters = self.counters.setdefault(found.definition, [None] * LEVELS)
        first_use = (num_id, level) not in self.used
        self.used.add((num_id, level))
        if first_use and level in found.starts:
            counters[level] = found.starts[level]
        else:
            current = counters[level]
            start = found.starts.get(level, definition.start)
            counters[level] = start if current is None else current + 1
        for lower in range(level + 1, LEVELS):
            below = found.levels.get(lower)
            if below is not None and (below.restart is None or level < below.restart):
                counters[lower] = None
        if definition.format == "bullet":  # a bullet is not a number: the text reads as is
            return "", ""
        number = _PLACEHOLDER.sub(
            lambda match: self._shown(found, num_id, int(match[1]) - 1, definition.legal),
            definition.text,
        )
        return (number if number.strip() else ""), definition.suffix

    def count(self, paragraph: Any, place: int) -> None:
        """Count a paragraph whose text is not read (in a table left out), as Word counts
        it; a list it cannot number is not named, since none of its text is imported."""
        with contextlib.suppress(PlantrackError):
            self._label(paragraph, place)

    def _shown(self, found: _List, num_id: str, level: int, legal: bool) -> str:
        """The number of `level` as a level's text shows it."""
        definition = self._level(found, num_id, level)
        value = self.counters[found.definition][level]
        if value is None:  # a level not used yet shows its start
            value = found.starts.get(level, definition.start)
        if legal:
            return str(value)
        if definition.format == "bullet":
            return ""
        write = FORMATS.get(definition.format)
        if write is None:
            raise self._error(
                "import.word_format", list=num_id, level=level + 1, format=definition.format
            )
        return write(value)

    def _numbered(self, paragraph: Any) -> tuple[str, int] | None:
        """The list (numId) and level (0-based) that number a paragraph, from its own
        properties or its style's (and the styles that style is based on), or None."""
        properties = paragraph.find(_W + "pPr")
        own: tuple[str | None, str | None] = (None, None)
        style_id = None
        if properties is not None:
            own = _numbering_of(properties)
            style_id = _value(properties.find(_W + "pStyle"))
        style_id = style_id or self.default_style
        if style_id not in self.style_numbering:  # asked once per style, not per paragraph
            found: tuple[str | None, str | None] = (None, None)
            for style in self._style_chain(style_id):
                found = _merged(found, _numbering_of(style.find(_W + "pPr")))
            self.style_numbering[style_id] = found
        num_id, level = _merged(own, self.style_numbering[style_id])
        if num_id is None or num_id.strip() == "0":  # numId 0: numbering taken off
            return None
        num_id = num_id.strip()
        if level is None:  # a heading style linked to a list: the level that names it
            levels = self._list(num_id).levels
            linked = [number for number, lvl in levels.items() if lvl.style == style_id]
            return num_id, linked[0] if linked and style_id else 0
        number = self._integer(level, "w:ilvl", num_id)
        if not 0 <= number < LEVELS:
            raise self._error("import.word_level_missing", list=num_id, level=number + 1)
        return num_id, number

    def _style_chain(self, style_id: str | None) -> list[Any]:
        """The style and those it is based on, nearest first (a loop is cut where it closes)."""
        chain: list[Any] = []
        while style_id is not None and style_id in self.styles:
            style = self.styles[style_id]
            if any(style is seen for seen in chain):
                break
            chain.append(style)
            style_id = _value(style.find(_W + "basedOn"))
        return chain

    def _list(self, num_id: str) -> _List:
        if num_id in self.lists:
            return self.lists[num_id]
        instance = self._find("num", "numId", num_id)
        if instance is None:
            raise self._error("import.word_list_missing", list=num_id)
        definition_id = _value(instance.find(_W + "abstractNumId"))
        definition = self._find("abstractNum", "abstractNumId", definition_id)
        for _ in range(LEVELS):  # a list defined by a numbering style (w:numStyleLink)
            link = _value(definition.find(_W + "numStyleLink")) if definition is not None else None
            if link is None:
                break
            definition_id, definition = self._linked(link)
        else:  # list styles that link to each other in a loop define nothing
            definition = None
        if definition is None or definition_id is None:
            raise self._error("import.word_list_missing", list=num_id)
        found = _List(definition_id, {})
        for element in definition.iterchildren(_W + "lvl"):
            number = self._integer(element.get(_W + "ilvl"), "w:ilvl", num_id)
            found.levels[number] = self._read_level(element, num_id)
        for override in instance.iterchildren(_W + "lvlOverride"):
            number = self._integer(override.get(_W + "ilvl"), "w:ilvl", num_id)
            start = _value(override.find(_W + "startOverride"))
            replaced = override.find(_W + "lvl")
            if replaced is not None:
                found.levels[number] = self._read_level(replaced, num_id)
                if start is None and replaced.find(_W + "start") is not None:
                    found.starts[number] = found.levels[number].start
            if start is not None:
                found.starts[number] = self._integer(start, "w:startOverride", num_id)
        self.lists[num_id] = found
        return found

    def _linked(self, style_id: str) -> tuple[str | None, Any]:
        """The definition a numbering style's own list instance uses."""
        style = self.styles.get(style_id)
        num_id = _value(style.find(f"{_W}pPr/{_W}numPr/{_W}numId")) if style is not None else None
        instance = self._find("num", "numId", num_id)
        definition_id = (
            _value(instance.find(_W + "abstractNumId")) if instance is not None else None
        )
        return definition_id, self._find("abstractNum", "abstractNumId", definition_id)

    def _find(self, tag: str, key: str, value: str | None) -> Any:
        if self.numbering is None or value is None:
            return None
        for element in self.numbering.iterchildren(_W + tag):
            if (element.get(_W + key) or "").strip() == value.strip():
                return element
        return None

    def _level(self, found: _List, num_id: str, level: int) -> _Level:
        definition = found.levels.get(level)
        if definition is None:
            raise self._error("import.word_level_missing", list=num_id, level=level + 1)
        return definition

    def _read_level(self, element: Any, num_id: str) -> _Level:
        number_format = element.find(_W + "numFmt")
        if number_format is None:  # a format for newer readers, and one for the others
            number_format = element.find(f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt")
        start = _value(element.find(_W + "start"))
        restart = _value(element.find(_W + "lvlRestart"))
        legal = element.find(_W + "isLgl")
        return _Level(
            format=_value(number_format) or "decimal",
            text=_value(element.find(_W + "lvlText")) or "",
            start=self._integer(start, "w:start", num_id) if start is not None else 0,
            restart=self._integer(restart, "w:lvlRestart", num_id) if restart else None,
            legal=legal is not None and (_value(legal) or "1") in _ON,
            suffix=_value(element.find(_W + "suff")) or "tab",
            style=_value(element.find(_W + "pStyle")),
        )

    def _integer(self, text: str | None, attribute: str, num_id: str) -> int:
        try:
            return int(text or "")
        except ValueError:
            raise self._error(
                "import.word_bad_value", list=num_id, attribute=attribute, value=text or ""
            ) from None

    def _error(self, key: str, **values: object) -> PlantrackError:
        return document_error(self.name, key, line=self.place, **values)


_ON = ("1", "true", "on")


def _numbering_of(properties: Any) -> tuple[str | None, str | None]:
    """The numId and ilvl that paragraph properties (w:pPr) give, each None when not given."""
    numbered = properties.find(_W + "numPr") if properties is not None else None
    if numbered is None:
        return None, None
    return _value(numbered.find(_W + "numId")), _value(numbered.find(_W + "ilvl"))


def _merged(
    near: tuple[str | None, str | None], far: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """Each of numId and ilvl from the nearer properties when they give it."""
    return (near[0] if near[0] is not None else far[0], near[1] if near[1] is not None else far[1])


def _value(element: Any) -> str | None:
    return element.get(_W + "val") if element is not None else None


def _gap(number: str, suffix: str, text: str) -> str:
    """What stands for the gap Word draws after a number (a tab, by default, or a space):
    nothing after a number that ends in a mark (`一、`, `（一）`, `1.`), as a person types
    it; one space after a bare number (`第1章`), or before text that starts with a digit
    (`1. 5G基站`, not `1.5G基站`), which would otherwise run into the number."""
    if suffix == "nothing":
        return ""
    if number.endswith(tuple(_NUMBER_ENDS)) and not text[:1].isdigit():
        return ""
    return " "
