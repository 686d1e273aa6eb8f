"""YAML syntax errors as one located line: where the mistake begins, and how to fix it."""

from __future__ import annotations

from typing import Any

import yaml

from plantrack.controls import CONTROL, escaped
from plantrack.errors import Problem
from plantrack.i18n import t

# libyaml notices an unclosed quote or bracket, or a key without its colon, only lines
# later; its context mark is where the quote, bracket or key begins.
_BEGINS_AT_CONTEXT = (
    "while scanning a quoted scalar",
    "while scanning a simple key",
    "while parsing a flow mapping",
    "while parsing a flow sequence",
)


def syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError, limit: int) -> Problem:
    """The problem libyaml's `error` describes, placed where its mistake begins."""
    context, problem = error.context or "", error.problem or error.context or "invalid YAML"
    noticed, begins = error.problem_mark, error.context_mark
    if "nesting depth" in problem:  # libyaml's own limit, met in flow collections
        line, column = _inside(text, noticed or begins)
        return Problem(path, line, column, t("yaml.too_deep", limit=limit), code="too-deep")
    if begins is None or context not in _BEGINS_AT_CONTEXT or noticed is None:
        line, column = _inside(text, noticed or begins)
        hint = _hint_without_context(problem)
        return Problem(path, line, column, t("yaml.syntax", problem=problem) + hint, code="syntax")
    line, column = _inside(text, begins)
    at_line, at_column = _inside(text, noticed)
    if noticed.index >= len(text.rstrip("\r\n\x85\u2028\u2029")):
        where = t("yaml.noticed_at_end")
    else:
        where = t("yaml.noticed_at", line=at_line, column=at_column)
    message = t("yaml.syntax_begins", problem=f"{context}: {problem}", noticed=where)
    return Problem(path, line, column, message + _hint(context, text, begins), code="syntax")


def reader_problem(path: str, text: str, error: yaml.YAMLError) -> Problem:
    """A character YAML does not allow in a file: a control character, most often."""
    offset = getattr(error, "position", None)
    if isinstance(offset, int) and yaml.__with_libyaml__:
        # libyaml counts UTF-8 bytes here, where its marks count characters.
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    line, column = _offset_position(text, offset) if isinstance(offset, int) else (1, 1)
    character = getattr(error, "character", None)
    if isinstance(character, int) and CONTROL.fullmatch(chr(character)):
        message = t(
            "yaml.control_character", char=escaped(chr(character)), unicode=f"{character:04X}"
        )
        return Problem(path, line, column, message, code="control-character")
    return Problem(
        path, line, column, t("yaml.syntax", problem=str(error).split("\n")[0]), code="syntax"
    )


def _hint(context: str, text: str, begins: Any) -> str:
    if context == "while scanning a quoted scalar":
        return t("yaml.hint_quote", line=begins.line + 1)
    if context == "while scanning a simple key":
        return t("yaml.hint_colon")
    opened = text[begins.index : begins.index + 1] or ("{" if "mapping" in context else "[")
    return t("yaml.hint_bracket", bracket=opened, line=begins.line + 1)


def _hint_without_context(problem: str) -> str:
    if problem == "mapping values are not allowed in this context":
        return t("yaml.hint_colon_in_value")
    return ""


def _inside(text: str, mark: Any) -> tuple[int, int]:
    """A mark's 1-based line and column, moved back onto the last line when libyaml puts
    "end of stream" on the line after it, where no editor or annotation can show it."""
    if mark is None:
        return 1, 1
    if mark.index < len(text) or not text:
        return mark.line + 1, mark.column + 1
    body = text.rstrip("\r\n")
    return _offset_position(text, len(body))


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
