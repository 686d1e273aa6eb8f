"""Owners written into a plan's text: a lead and co-owners read from labelled lines, a
labelled parenthesis or one with verbs (`（X牵头，Y配合）`), and the groups they came in."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A label names the lead (牵头单位) or those who share the work (责任单位, 配合部门 …);
# with one label and no lead's, the first named leads (排在第一位的为牵头单位).
_LEAD = ("牵头", "主办", "主责")
_CO = ("责任", "配合", "协办", "参与", "协同")
# Labels that name only those who assist: alone, they name no lead.
ASSISTING = ("配合", "协办", "参与", "协同")
_LABEL = re.compile(r"\s*(" + "|".join(_LEAD + _CO) + r")(单位|部门)\s*[：:]\s*")
LEAD_VERB = "牵头"
# The verbs that close the co-owners of `（X牵头，Y、Z按职责分工负责）`, longest first.
CO_VERBS = (
    "按职责分工负责",
    "按职责分工落实",
    "按职责负责",
    "分工负责",
    "共同负责",
    "配合",
    "参与",
)
DEFAULT_LEAD, DEFAULT_CO, DEFAULT_CO_VERB = "牵头单位", "配合单位", "配合"
_OPEN = "等"  # after the last name of a group: the list is open (and others)
_OPENERS, _CLOSERS = "（(", "）)"
_NAME_SEPARATORS = "、，,"
_GROUP_SEPARATORS = "；;"
_MAX_NAME = 30  # longer than any unit's name: prose, not a list of owners


@dataclass(frozen=True, slots=True)
class Owners:
    """The owners a piece of text names, and how it wrote them."""

    names: tuple[str, ...]  # the lead first, then the co-owners
    groups: tuple[tuple[int, bool], ...]  # how many names each group has; open (等) or not
    form: str  # "labels" (a label before the names) or "verbs"
    lead: str | None  # the lead's label or verb; None: one label, the first named leads
    co: str | None  # the co-owners' label or verb; None when the text has none
    no_lead: bool = False  # an assisting label alone (`配合单位：Y`): all are co-owners

    def groups_text(self, has_lead: bool) -> str | None:
        """The groups as an item's `owner_groups` keeps them in a plan whose style labels
        the lead (`has_lead`) or not; None for the usual groups."""
        if self.no_lead:
            return groups_text(self.groups, usual_groups(len(self.names), False))
        groups = _regrouped(self.groups, self.lead is not None, has_lead)
        return groups_text(groups, usual_groups(len(self.names), has_lead))


def _regrouped(
    groups: tuple[tuple[int, bool], ...], from_lead: bool, to_lead: bool
) -> tuple[tuple[int, bool], ...]:
    """Groups written with one label (the first named leads) as a lead's label writes
    them, or the other way: `A、B、C等` is `牵头：A，配合：B、C等`."""
    if from_lead == to_lead or not groups:
        return groups
    (count, open_), rest = groups[0], groups[1:]
    if to_lead:
        return ((1, False), *([(count - 1, open_)] if count > 1 else []), *rest)
    if count == 1 and not open_ and rest:
        return ((1 + rest[0][0], rest[0][1]), *rest[1:])
    return groups


class Unclear(Exception):
    """Text that names owners, but not in a way import can read without guessing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # a catalogue key: import.owners_why_<reason>


def usual_groups(count: int, has_lead: bool) -> tuple[tuple[int, bool], ...]:
    """The groups owners are written in when nothing says otherwise."""
    if count == 0:
        return ()
    if not has_lead or count == 1:
        return ((count, False),)
    return ((1, False), (count - 1, False))


def groups_text(
    groups: tuple[tuple[int, bool], ...], usual: tuple[tuple[int, bool], ...]
) -> str | None:
    if groups == usual:
        return None
    return "；".join(f"{count}{_OPEN if open_ else ''}" for count, open_ in groups)


def parse_groups(text: str) -> tuple[tuple[int, bool], ...]:
    """An item's `owner_groups` (`2等；1`) as the groups it names."""
    return tuple((int(part.rstrip(_OPEN)), part.endswith(_OPEN)) for part in text.split("；"))


# A deadline's label, written beside the owners: `完成时限：9月底前` (documents.deadlines).
DEADLINE_LABEL = re.compile(r"\s*(?:完成时限|完成时间)\s*[：:]\s*")


def is_label_line(text: str) -> bool:
    """Whether a paragraph is a line of owners or of a deadline: it starts with a label
    (`责任单位：`, `完成时限：`)."""
    return _LABEL.match(text) is not None or DEADLINE_LABEL.match(text) is not None


def trailing_parenthesis(text: str) -> tuple[int, int] | None:
    """Where the parenthesis that ends `text` starts and ends (a 。 may follow it)."""
    end = len(text) - (1 if text.endswith("。") else 0)
    if end == 0 or text[end - 1] not in _CLOSERS:
        return None
    depth = 0
    for index in range(end - 1, -1, -1):
        char = text[index]
        if char in _CLOSERS:
            depth += 1
        elif char in _OPENERS:
            depth -= 1
            if depth == 0:
                return index, end
    return None


_LABELLED_PARENTHESIS = re.compile(r"[（(]" + _LABEL.pattern)


def labelled_parenthesis(text: str) -> str | None:
    """The first parenthesis in `text` that starts with a label (`（责任单位：…）`), or None."""
    match = _LABELLED_PARENTHESIS.search(text)
    if match is None:
        return None
    depth = 0
    for index in range(match.start(), len(text)):
        depth += 1 if text[index] in _OPENERS else -1 if text[index] in _CLOSERS else 0
        if depth == 0:
            return text[match.start() : index + 1]
    return text[match.start() :]


def names_owners(text: str) -> bool:
    """Whether a parenthesis's inside speaks of owners at all (a label, or 牵头)."""
    return _LABEL.match(text) is not None or LEAD_VERB in _outside_brackets(text)


def read_owners(text: str) -> Owners:
    """The owners a label line or a parenthesis's inside names, or Unclear saying why."""
    if _LABEL.match(text):
        return _labelled(text)
    return _with_verbs(text)


def _labelled(text: str) -> Owners:
    labels = [match for match in _LABEL.finditer(text) if _depth_at(text, match.start()) == 0]
    labels = [
        match
        for index, match in enumerate(labels)
        if index == 0 or _after_separator(text, match.start())
    ]
    if len(labels) > 2:
        raise Unclear("labels")
    if len(labels) == 2 and not (_is_lead(labels[0][1]) and not _is_lead(labels[1][1])):
        raise Unclear("labels")
    parts = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        parts.append((match[1] + match[2], text[match.end() : end].strip().rstrip("，,；;、 ")))
    if len(parts) == 1:
        label, names = parts[0]
        found = _names(names)
        if _is_lead(label):
            return Owners(found[0], found[1], "labels", label, None)
        return Owners(found[0], found[1], "labels", None, label, label.startswith(ASSISTING))
    (lead, lead_names), (co, co_names) = parts
    first, second = _names(lead_names), _names(co_names)
    return Owners(first[0] + second[0], first[1] + second[1], "labels", lead, co)


def _with_verbs(text: str) -> Owners:
    outside = _outside_brackets(text)
    at = outside.find(LEAD_VERB)
    if at < 0 or outside.find(LEAD_VERB, at + 1) >= 0:
        raise Unclear("verbs")
    lead_names = text[:at]
    rest = text[at + len(LEAD_VERB) :]
    if not rest:
        found = _names(lead_names)
        return Owners(found[0], found[1], "verbs", LEAD_VERB, None)
    if rest[0] not in "，,；;":
        raise Unclear("verbs")
    rest = rest[1:].strip()
    verb = next((verb for verb in CO_VERBS if rest.endswith(verb)), None)
    if verb is None:
        raise Unclear("verbs")
    first, second = _names(lead_names), _names(rest[: -len(verb)])
    return Owners(first[0] + second[0], first[1] + second[1], "verbs", LEAD_VERB, verb)


def _names(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, bool], ...]]:
    """The names of a list (`A、B等；C`), brackets inside a name kept (`各县（市、区）`),
    and its groups."""
    names: list[str] = []
    groups: list[tuple[int, bool]] = []
    for group in _split(text, _GROUP_SEPARATORS):
        found = [name.strip() for name in _split(group, _NAME_SEPARATORS)]
        open_ = bool(found) and found[-1].endswith(_OPEN) and len(found[-1]) > 1
        if open_:
            found[-1] = found[-1][: -len(_OPEN)].strip()
        for name in found:
            if not name or len(name) > _MAX_NAME or any(char in name for char in "。：:"):
                raise Unclear("names")
        names += found
        groups.append((len(found), open_))
    if len(set(names)) != len(names):
        raise Unclear("twice")
    return tuple(names), tuple(groups)


def _split(text: str, separators: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _depth_at(text: str, at: int) -> int:
    return sum(1 if c in _OPENERS else -1 if c in _CLOSERS else 0 for c in text[:at])


def _after_separator(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in _NAME_SEPARATORS + _GROUP_SEPARATORS


def _outside_brackets(text: str) -> str:
    """The text with what nested brackets hold blanked out (same length)."""
    out, depth = [], 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
            out.append(" ")
            continue
        out.append(char if depth == 0 else " ")
    return "".join(out)


def _is_lead(label: str) -> bool:
    return label.startswith(_LEAD)
