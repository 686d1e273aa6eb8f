"""A Markdown plan, as `render --format markdown` writes it, as the lines of the plain text
document import reads: headings without their `#`, list items without their bold and their
space, lines under an item without their indent, Markdown's escapes undone."""

from __future__ import annotations

import re

from plantrack.documents.owners import DEADLINE_LABEL, is_label_line
from plantrack.documents.reading import Document, Line
from plantrack.text import ends_sentence, width

_HEADING = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?")
# `3. **title**。text`, or an item at the （一） level, `（二）**title**。text`; a title that
# ends a sentence is followed by a space and its text goes on the next line.
_ITEM = re.compile(
    r"(?P<marker>[0-9]+\.[ \t]+|[（(][^）)*]{1,8}[）)])\*\*(?P<title>(?:\\.|[^\\*])*)\*\*(?P<rest>.*)"
)
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#>+\-=.)!])")


def markdown_document(name: str, text: str, encoding: str) -> Document:
    """The document a Markdown plan is, line by line, each keeping its line number.

    Blank lines only separate Markdown's blocks, so they are left out; a line of owners
    indented under a list item is that item's own, so a blank line (which import reads as
    setting an item apart from those before it) goes before an item with such lines.
    """
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[Line] = []
    for index, raw in enumerate(raw_lines):
        number = index + 1
        stripped = raw.strip()
        if not stripped:
            continue
        heading = _HEADING.fullmatch(stripped)
        item = _ITEM.fullmatch(stripped) if heading is None else None
        if heading is not None:
            lines.append(_line(number, unescape(heading[1])))
        elif item is not None:
            if _owns_lines(raw_lines, index):
                lines.append(Line(number, 1, "", 0))
            marker = item["marker"].rstrip()
            title = unescape(item["title"])
            rest = item["rest"]
            if rest.startswith("。") or not ends_sentence(title):
                lines.append(_line(number, marker + title + unescape(rest)))
            else:  # `**如何落实？** text`: the text is the heading's next line
                lines.append(_line(number, marker + title))
                if rest.strip():
                    lines.append(_line(number, unescape(rest.strip())))
        else:
            lines.append(_line(number, unescape(stripped)))
    return Document(name, lines, encoding, wrapped=False)


def unescape(text: str) -> str:
    """Markdown's backslash escapes undone: `1\\.5万元` is `1.5万元`."""
    return _ESCAPED.sub(r"\1", text)


def _owns_lines(raw_lines: list[str], index: int) -> bool:
    """Whether the list item on line `index` has lines of owners indented under it."""
    for raw in raw_lines[index + 1 :]:
        if not raw.strip():
            continue
        if not raw[:1].isspace():
            return False
        text = raw.strip()
        if is_label_line(text) and DEADLINE_LABEL.match(text) is None:
            return True
    return False


def _line(number: int, text: str) -> Line:
    return Line(number, 1, text, width(text))
