"""pydantic's validation errors as sentences a plan's keeper can act on, in their language."""

from __future__ import annotations

import difflib
from typing import Any

from plantrack.i18n import t

# Which model a mapping is, by the last key on the way to it.
_FIELDS_UNDER = {
    None: ("title", "year", "preamble", "roles", "sections"),
    "sections": ("title", "items"),
    "items": ("number", "title", "text", "owner", "status", "progress", "due", "log"),
    "log": ("date", "by", "changes", "note"),
}

_EXPECTED = {
    "string_type": "text",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "tuple_type": "pair",
    "too_long": "pair",  # the only length-limited list is a ledger change [old, new]
}


def allowed_keys(walked: list[Any]) -> tuple[str, ...]:
    names = [part for part in walked if isinstance(part, str)]
    return _FIELDS_UNDER.get(names[-1] if names else None, ())


def describe_value(value: Any) -> str:
    if value is None:
        return t("value.empty")
    if isinstance(value, bool):
        return t("value.bool", text=str(value).lower())
    if isinstance(value, (dict, list)):
        return t("value.mapping") if isinstance(value, dict) else t("value.list")
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def message_for(detail: Any, field: str, walked: list[Any]) -> str:
    kind = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "missing":
        body = t("schema.missing")
    elif kind in ("extra_forbidden", "invalid_key"):
        key = str(field.rsplit(".", 1)[-1])
        allowed = allowed_keys(walked)
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            body = t("schema.unknown_key_close", close=close[0])
        else:
            body = t("schema.unknown_key", allowed=", ".join(allowed))
    elif kind == "enum" or (field.endswith("status") and kind in ("string_type", "enum")):
        body = t("status.unknown", value=value)
    elif kind in _EXPECTED:
        body = t(
            "schema.expected", expected=t("type." + _EXPECTED[kind]), got=describe_value(value)
        )
    elif kind in ("greater_than_equal", "greater_than"):
        body = t(
            "schema.too_small",
            limit=context.get("ge", context.get("gt")),
            got=describe_value(value),
        )
    elif kind in ("less_than_equal", "less_than"):
        body = t(
            "schema.too_large",
            limit=context.get("le", context.get("lt")),
            got=describe_value(value),
        )
    elif kind in ("string_too_short", "too_short"):
        body = t("schema.empty")
    else:
        body = str(detail.get("msg", kind))
    return f"{field}: {body}" if field else body


def code_for(detail: Any, field: str) -> str:
    """The finding code of a validation error: what kind of mistake it is."""
    kind = detail["type"]
    if kind == "missing":
        return "missing-key"
    if kind in ("extra_forbidden", "invalid_key"):
        return "unknown-key"
    if kind == "enum" or (field.endswith("status") and kind == "string_type"):
        return "bad-status"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return "out-of-range"
    if kind in ("string_too_short", "too_short"):
        return "empty-text"
    if kind in _EXPECTED:
        return "wrong-type"
    return "schema"
