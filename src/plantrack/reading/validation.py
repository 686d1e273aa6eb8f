"""Checking a plan's node tree against the models: every problem as a located sentence."""

from __future__ import annotations

import dataclasses
import difflib
from typing import TYPE_CHECKING, Any

from plantrack.errors import MAX_PROBLEMS, Problem
from plantrack.i18n import t
from plantrack.reading.places import place
from plantrack.reading.source import Source
from plantrack.reading.tree import Node, field_name, locate, plan_items

if TYPE_CHECKING:
    from pydantic import ValidationError

    from plantrack.model import Plan

# Problems after which the data cannot be trusted at all: nothing more is checked.
FATAL = frozenset({"syntax", "too-deep", "too-large", "multiple-documents"})


def validate(
    source: Source, root: Node | None, problems: list[Problem]
) -> tuple[Plan | None, list[Problem]]:
    """The plan in the tree, or every problem with it, each located, in file order."""
    if root is None:
        if not problems:
            problems.append(Problem(source.path, 1, 1, t("yaml.no_document"), code="empty"))
        return None, problems
    if root.kind != "mapping":
        kind = _describe(root)
        problems.append(
            Problem(
                source.path,
                root.line + 1,
                root.column + 1,
                t("yaml.not_mapping", kind=kind),
                code="not-mapping",
            )
        )
        return None, problems
    if any(p.code in FATAL for p in problems):
        return None, problems
    problems = _name_fields(root, problems)

    from pydantic import ValidationError

    from plantrack.model import Plan

    try:
        plan = Plan.model_validate(_bounded(root.to_python()))
    except ValidationError as error:
        # One problem per spot: a value the reader already refused needs no schema
        # message, and a union's branches all fail at the same field. Two missing keys
        # point at the same mapping, though, and both are reported.
        taken = {(p.line, p.column) for p in problems}
        said: set[tuple[int, int, str]] = set()
        for problem in schema_problems(source.path, root, error):
            spot = (problem.line, problem.column, problem.field)
            if (problem.line, problem.column) not in taken and spot not in said:
                said.add(spot)
                problems.append(problem)
        problems.extend(duplicate_numbers(source.path, root))
        return None, _in_file_order(problems)
    problems.extend(duplicate_numbers(source.path, root))
    if problems:
        return None, _in_file_order(problems)
    return plan, []


def plan_of(data: dict[str, Any]) -> Plan | None:
    """The plan in data read without a node tree, or None when it has any problem: the
    caller then reads the file in full, to say where each problem is."""
    from pydantic import ValidationError

    from plantrack.model import Plan

    try:
        plan = Plan.model_validate(_bounded(data))
    except ValidationError:
        return None
    numbers = [item.number for section in plan.sections for item in section.items]
    return plan if len(set(numbers)) == len(numbers) else None


def _bounded(data: Any) -> Any:
    """The plan's data with each of its mappings cut to its known keys and the first
    MAX_PROBLEMS unknown ones: no more are listed, and pydantic would describe every one
    of 100,000 unknown keys before the first hundred could be taken."""

    def cut(mapping: Any, kind: str | None) -> Any:
        if not isinstance(mapping, dict) or len(mapping) <= MAX_PROBLEMS:
            return mapping
        known = _FIELDS_UNDER[kind]
        unknown = set([key for key in mapping if key not in known][:MAX_PROBLEMS])
        return {key: value for key, value in mapping.items() if key in known or key in unknown}

    def each(mapping: Any, key: str) -> list[Any]:
        """The mappings listed under `key`, each cut, put back in place (a list with none
        too long, as every real plan's, is left as it is)."""
        values = mapping.get(key) if isinstance(mapping, dict) else None
        if not isinstance(values, list):
            return []
        if _longest(values) > MAX_PROBLEMS:
            values = mapping[key] = [cut(value, key) for value in values]
        return values

    data = cut(data, None)
    for section in each(data, "sections"):
        items = each(section, "items")
        # The ledgers' entries of all the section's items measured at once; the ledgers
        # are gone through one by one only when some entry is too long.
        ledgers = [item.get("log") for item in items if isinstance(item, dict)]
        entries = [entry for log in ledgers if isinstance(log, list) for entry in log]
        if _longest(entries) > MAX_PROBLEMS:
            for item in items:
                each(item, "log")
    return data


def _longest(values: list[Any]) -> int:
    """The length of the longest of `values`, counted in C when each has one."""
    try:
        return max(map(len, values), default=0)
    except TypeError:  # a number or another value without a length among them
        return max((len(value) for value in values if isinstance(value, dict)), default=0)


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.column))


def _describe(node: Node) -> str:
    return t("value.list") if node.kind == "sequence" else describe_value(node.value)


def schema_problems(path: str, root: Node, error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    # A hostile file can hold thousands of unknown keys; a hundred lines say enough, and
    # placing each costs a walk of its mapping.
    for detail in error.errors(include_url=False)[:MAX_PROBLEMS]:
        loc = tuple(detail["loc"])
        kind = detail["type"]
        if kind in ("extra_forbidden", "invalid_key") and loc:
            # Point at the unknown key itself, inside the mapping that has it.
            parent, walked, _ = locate(root, loc[:-1])
            key = detail.get("input") if kind == "invalid_key" else loc[-1]
            key_node = parent.key_node(key)
            node = key_node or parent
            name_parts = [*walked, key_node.raw if key_node else str(key)]
        else:
            node, walked, _ = locate(root, loc)
            name_parts = list(walked)
            if kind == "missing" and len(loc) > len(walked):
                name_parts.append(loc[len(walked)])
        message = message_for(detail, field_name(name_parts), walked, place(root, name_parts))
        problems.append(
            Problem(
                path,
                node.line + 1,
                node.column + 1,
                message,
                code=code_for(detail, field_name(name_parts)),
                field=field_name(name_parts),
            )
        )
    return problems


def duplicate_numbers(path: str, root: Node) -> list[Problem]:
    """Item numbers used twice, read from the node tree, so that they are found even in a
    plan that has other problems."""
    first: dict[int, Node] = {}
    problems: list[Problem] = []
    for item in plan_items(root):
        node = item.node.get("number")
        number = node.value if node is not None and node.kind == "scalar" else None
        if node is None or type(number) is not int:
            continue
        if number in first:
            if len(problems) == MAX_PROBLEMS:
                break  # no command lists more
            problems.append(
                Problem(
                    path,
                    node.line + 1,
                    node.column + 1,
                    t("schema.duplicate_number", number=number, first_line=first[number].line + 1),
                    code="duplicate-number",
                    field=field_name(("sections", item.section, "items", item.index, "number")),
                )
            )
        else:
            first[number] = node
    return problems


def _name_fields(root: Node, problems: list[Problem]) -> list[Problem]:
    """The reader's problems with a value (an impossible date, say), each prefixed with the
    place it is in: `section 一, item 3, due: impossible date …`."""
    wanted = {(p.line, p.column) for p in problems if p.code in ("bad-date", "bad-value")}
    if not wanted:
        return problems
    paths: dict[tuple[int, int], tuple[Any, ...]] = {}
    pending: list[tuple[Node, tuple[Any, ...]]] = [(root, ())]
    while pending:
        node, parts = pending.pop()
        if node.kind == "scalar":
            if (node.line + 1, node.column + 1) in wanted:
                paths[(node.line + 1, node.column + 1)] = parts
        elif node.kind == "sequence":
            pending.extend((child, (*parts, index)) for index, child in enumerate(node.value))
        else:
            pending.extend((value, (*parts, key.raw)) for key, value in node.value)
    named = []
    for problem in problems:
        parts = (
            paths.get((problem.line, problem.column), ())
            if problem.code in ("bad-date", "bad-value")
            else ()
        )
        if parts:
            problem = dataclasses.replace(
                problem,
                message=f"{place(root, parts)}: {problem.message}",
                field=field_name(parts),
            )
        named.append(problem)
    return named


# Which model a mapping is, by the last key on the way to it.
_FIELDS_UNDER = {
    None: ("title", "year", "preamble", "roles", "owner_style", "sections"),
    "owner_style": ("form", "lead", "co", "before_full_stop"),
    "sections": ("title", "items"),
    "items": (
        "number",
        "title",
        "text",
        "owner",
        "co_owners",
        "owner_groups",
        "status",
        "progress",
        "due",
        "log",
    ),
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


def message_for(detail: Any, field: str, walked: list[Any], shown: str | None = None) -> str:
    """The sentence for a validation error at `field` (a machine path), naming the place
    as `shown` (as people name it) when given."""
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
    elif kind == "literal_error":  # the one literal is owner_style's form
        from typing import get_args

        from plantrack.model import OwnerForm

        forms = ", ".join(get_args(OwnerForm))
        body = t("schema.one_of", got=describe_value(value), allowed=forms)
    elif kind == "string_pattern_mismatch":  # the one pattern is owner_groups'
        body = t("schema.owner_groups", got=describe_value(value))
    else:
        body = str(detail.get("msg", kind))
    where = field if shown is None else shown
    return f"{where}: {body}" if where else body


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
