"""Reading plan files: bytes → checked text → nodes with positions → Plan, or located problems.

This is the one place that reads a plan from disk. It never lets a bad file through
without a `path:line:col: message` line, and it survives hostile input:

* the text must be UTF-8 (a BOM is allowed and remembered); GBK and UTF-16 are named;
* YAML is read as an event stream from libyaml's parser and the node tree is built
  here, so nesting depth is checked before anything recursive runs (libyaml's own
  composer crashes the process on deep nesting);
* anchors, aliases, object-constructing tags, duplicate keys (compared after YAML's
  type resolution, so `1` and `true` collide) and second documents are refused;
* scalars are resolved exactly as PyYAML's safe loader resolves them.

Nodes keep their spans (start and end offsets into the text) so that the writer can
edit a file in place and lint can point at any value.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from plantrack.errors import PlantrackError, Problem, os_reason
from plantrack.i18n import t

if TYPE_CHECKING:
    from pydantic import ValidationError

    from plantrack.model import Plan

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_PROBLEMS = 100
# Beyond this an int cannot be turned back into digits (Python's 4,300-digit limit).
_MAX_INT_BITS = 10_000
_MAX_NUMBER_TEXT = 1_000
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}

_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}
# Explicit tags that only restate what a plain value already is; every other tag is refused.
_PLAIN_TAGS = {_STR, *_CONSTRUCT}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# `<<` and `=` resolve to these; a plan has no use for merge keys, so they stay text.
_TEXT_TAGS = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


@dataclass(slots=True)
class Source:
    """A plan file's text as read, with what the writer must give back unchanged."""

    path: str
    text: str  # without the BOM; line endings as in the file
    bom: bool = False

    @property
    def newline(self) -> str:
        """The line ending most of the file's lines have."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf > self.text.count("\n") - crlf else "\n"


class Node:
    """A YAML node with its position: a scalar, a mapping or a sequence."""

    __slots__ = (
        "column",
        "end",
        "flow",
        "kind",
        "line",
        "raw",
        "start",
        "style",
        "tag",
        "value",
    )

    def __init__(self, kind: str, event: Any, value: Any, style: str | None = None) -> None:
        mark = event.start_mark
        self.kind = kind
        self.line: int = mark.line  # 0-based
        self.column: int = mark.column  # 0-based, in code points
        self.start: int = mark.index  # offset into Source.text
        self.end: int = event.end_mark.index
        self.value = value
        self.raw: str = ""  # a scalar's text as written (unquoted, unescaped)
        # A scalar's quoting: None (plain; libyaml says ""), "'", '"', "|" or ">".
        self.style = style or None
        self.flow: bool = False  # a collection written in flow style, [a, b] or {a: b}
        self.tag: str = ""

    @property
    def is_mapping(self) -> bool:
        return self.kind == "mapping"

    @property
    def is_sequence(self) -> bool:
        return self.kind == "sequence"

    def pair(self, key: object) -> tuple[Node, Node] | None:
        """The (key node, value node) of `key` in a mapping, or None.

        Keys compare by type as well as value, so `true` is not found as 1.
        """
        if self.kind != "mapping":
            return None
        for pair in self.value:
            key_node = pair[0]
            if (
                key_node.kind == "scalar"
                and key_node.value == key
                and type(key_node.value) is type(key)
            ):
                found: tuple[Node, Node] = pair
                return found
        return None

    def get(self, key: object) -> Node | None:
        """The value node under `key` of a mapping, or None."""
        pair = self.pair(key)
        return pair[1] if pair else None

    def key_node(self, key: object) -> Node | None:
        """The key node of `key`; a key that is not text is also found by its raw text."""
        pair = self.pair(key)
        if pair is None and isinstance(key, str) and self.kind == "mapping":
            pair = next((p for p in self.value if p[0].kind == "scalar" and p[0].raw == key), None)
        return pair[0] if pair else None

    def to_python(self) -> Any:
        if self.kind == "scalar":
            return self.value
        if self.kind == "sequence":
            return [child.to_python() for child in self.value]
        result: dict[Any, Any] = {}
        for key_node, value_node in self.value:
            if key_node.kind != "scalar":
                continue  # reported as yaml.bad_key
            key = key_node.value
            # Plan keys are words; `1:` or `true:` stay the text they were typed as, so that
            # validation reports them as unknown keys, by name.
            result.setdefault(key if isinstance(key, str) else key_node.raw, value_node.to_python())
        return result


@dataclass(slots=True)
class Composed:
    """The node tree of a file (None when there is no document) and what was wrong with it."""

    root: Node | None
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class LoadedPlan:
    source: Source
    root: Node
    plan: Plan

    @property
    def path(self) -> str:
        return self.source.path


# --------------------------------------------------------------------------- bytes → text


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read a plan file as text, or raise PlantrackError with one clear line."""
    name = os.fspath(path)
    try:
        status = os.stat(name)
        if stat.S_ISDIR(status.st_mode):
            raise _file_error(name, "file.is_dir", "unreadable")
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device would be read forever, or not at all.
            raise _file_error(name, "file.not_regular", "unreadable")
        size = status.st_size
        if size > MAX_BYTES:
            raise _file_error(
                name,
                "file.too_large",
                "too-large",
                size=f"{size:,}",
                limit=MAX_BYTES // 2**20,
            )
        with open(name, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _file_error(name, "file.missing", "unreadable") from None
    except IsADirectoryError:
        raise _file_error(name, "file.is_dir", "unreadable") from None
    except OSError as error:
        if os.path.isdir(name):
            raise _file_error(name, "file.is_dir", "unreadable") from None
        raise _file_error(name, "file.unreadable", "unreadable", reason=os_reason(error)) from None
    return decode(name, raw)


def decode(name: str, raw: bytes) -> Source:
    """Check that `raw` is UTF-8 text (with or without a BOM) and decode it."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise _file_error(name, "file.utf32", "encoding", line=1)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        raise _file_error(name, "file.utf16", "encoding", line=1)
    bom = raw.startswith(b"\xef\xbb\xbf")
    skipped = 3 if bom else 0  # offsets in messages count the file's own bytes
    if bom:
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        raise _file_error(
            name, "file.nul", "binary", line=line, column=column, offset=nul + skipped
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        if _looks_like_gbk(raw):
            raise _file_error(name, "file.gbk", "encoding", line=line, column=column) from None
        raise _file_error(
            name,
            "file.not_utf8",
            "encoding",
            line=line,
            column=column,
            byte=raw[error.start],
            offset=error.start + skipped,
        ) from None
    return Source(name, text, bom)


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: zero bytes in most even (or odd) places, as ASCII
    letters give, and almost none in the others."""
    sample = raw[:512]
    half = len(sample) // 2
    if half < 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= 0.6 * half and min(even, odd) <= 0.1 * half


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        text = raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    if any(char < " " and char not in "\t\r\n" for char in text):
        return False  # control characters: binary, not text
    # Chinese text in GBK is nearly all GB2312, whose two bytes are both 0xA1 or above;
    # Latin-1 accents followed by ASCII letters also decode as GBK, but not in that range.
    # CJK symbols such as 〇 (in 二〇二二年) sit in GBK's extension and count as common too.
    wide = [char for char in text if ord(char) > 0x7F]
    common = sum(
        1 for char in wide if "\u3000" <= char <= "\u303f" or min(char.encode("gbk")) >= 0xA1
    )
    return bool(wide) and common >= 0.9 * len(wide)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _file_error(
    name: str, key: str, code: str, *, line: int = 0, column: int = 1, **values: object
) -> PlantrackError:
    problem = Problem(name, line, column if line else 0, t(key, **values), code=code)
    return PlantrackError(problems=[problem])


# --------------------------------------------------------------------------- text → nodes


# Line breaks as git, GitHub and editors count them. YAML also breaks lines at NEL, LS and
# PS (U+0085, U+2028, U+2029), which text pasted from Word or the web may hold.
LINE_BREAK = re.compile("\r\n|[\r\n]")
_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_starts(text: str, pattern: re.Pattern[str] = LINE_BREAK) -> list[int]:
    """The offset where each line of `text` starts."""
    return [0, *(found.end() for found in pattern.finditer(text))]


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """The 0-based line and column of `offset`, given the text's line starts."""
    line = bisect.bisect_right(starts, offset) - 1
    return line, offset - starts[line]


def compose(source: Source) -> Composed:
    """Build the node tree of `source` from libyaml's event stream, checking as it goes.

    Positions are in lines as git counts them, even where YAML counts more."""
    composed = _compose(source)
    text = source.text
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        _recount_lines(composed, text)
    return composed


def walk(root: Node) -> Iterator[tuple[Node, bool]]:
    """Every node of the tree, keys included, each with whether it is a mapping key.

    Not recursive: a tree is at most MAX_DEPTH deep, but a walk should not depend on it.
    """
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == "sequence":
            stack.extend(reversed(node.value))
        elif node.kind == "mapping":
            for key, value in reversed(node.value):
                stack.append(value)
                if key.kind == "scalar":
                    yield key, True
                else:
                    stack.append(key)
        yield node, False


def _recount_lines(composed: Composed, text: str) -> None:
    starts = line_starts(text)
    yaml_starts = line_starts(text, _YAML_LINE_BREAK)
    if composed.root is not None:
        for node, _ in walk(composed.root):
            node.line, node.column = position(starts, node.start)
    for index, problem in enumerate(composed.problems):
        if problem.line and problem.line <= len(yaml_starts):
            offset = yaml_starts[problem.line - 1] + problem.column - 1
            line, column = position(starts, offset)
            composed.problems[index] = dataclasses.replace(
                problem, line=line + 1, column=column + 1
            )


def _compose(source: Source) -> Composed:
    result = Composed(None)
    problems = result.problems
    path = source.path

    def report(node_or_mark: Any, message_key: str, code: str, **values: object) -> None:
        if len(problems) < MAX_PROBLEMS:
            problems.append(
                Problem(
                    path,
                    node_or_mark.line + 1,
                    node_or_mark.column + 1,
                    t(message_key, **values),
                    code=code,
                )
            )

    # Each open collection: [node, pending key node or None, keys seen → their key node]
    stack: list[list[Any]] = []
    documents = 0

    def attach(node: Node) -> None:
        if not stack:
            result.root = node
            return
        frame = stack[-1]
        parent: Node = frame[0]
        if parent.kind == "sequence":
            parent.value.append(node)
        elif frame[1] is None:
            frame[1] = node
            if node.kind != "scalar":
                report(node, "yaml.bad_key", "bad-key")
                return
            seen: dict[Any, Node] = frame[2]
            try:
                first = seen.get(node.value)
            except TypeError:
                first = None
            if first is not None:
                report(
                    node,
                    "yaml.duplicate_key",
                    "duplicate-key",
                    key=node.raw,
                    first_line=first.line + 1,
                )
            else:
                seen[node.value] = node
        else:
            parent.value.append((frame[1], node))
            frame[1] = None

    try:
        for event in yaml.parse(source.text, Loader=_Parser):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                attach(_scalar(event, report))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                is_map = kind is yaml.MappingStartEvent
                node = Node("mapping" if is_map else "sequence", event, [])
                node.flow = bool(event.flow_style)  # type: ignore[attr-defined]
                if event.anchor is not None or event.tag is not None:  # type: ignore[attr-defined]
                    _check_anchor_and_tag(event, node, report, _COLLECTION_TAGS)
                if len(stack) >= MAX_DEPTH:
                    report(node, "yaml.too_deep", "too-deep", limit=MAX_DEPTH)
                    return result
                attach(node)
                stack.append([node, None, {}])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()[0].end = event.end_mark.index  # type: ignore[union-attr]
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                report(mark, "yaml.alias", "alias", name=getattr(event, "anchor", ""))
                attach(Node("scalar", event, None))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    report(event.start_mark, "yaml.multiple_documents", "multiple-documents")
                    return result
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own limit, met in flow collections
            report(mark, "yaml.too_deep", "too-deep", limit=MAX_DEPTH)
        elif mark is not None:
            report(mark, "yaml.syntax", "syntax", problem=problem)
        else:
            problems.append(Problem(path, 1, 1, t("yaml.syntax", problem=problem), code="syntax"))
    except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
        mark = getattr(error, "position", None)
        line, column = _offset_position(source.text, mark) if isinstance(mark, int) else (1, 1)
        problems.append(
            Problem(
                path,
                line,
                column,
                t("yaml.syntax", problem=str(error).split("\n")[0]),
                code="syntax",
            )
        )
    return result


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _check_anchor_and_tag(event: Any, node: Node, report: Any, allowed: set[str]) -> None:
    if event.anchor is not None:
        report(node, "yaml.anchor", "anchor", name=event.anchor)
    tag = event.tag
    if tag is not None and tag != "!" and tag not in allowed:
        report(node, "yaml.tag", "tag", tag=tag.replace("tag:yaml.org,2002:", "!!"))
        node.tag = "refused"


def _scalar(event: Any, report: Any) -> Node:
    text: str = event.value
    node = Node("scalar", event, None, event.style)
    node.raw = text
    tag = event.tag
    if tag is not None or event.anchor is not None:
        _check_anchor_and_tag(event, node, report, _PLAIN_TAGS)
        if node.tag == "refused" or tag == "!":
            tag = _STR
    if tag is None:
        if event.implicit[0]:
            tag = _RESOLVED.get(text)
            if tag is None:
                tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
                if len(text) <= 32 and len(_RESOLVED) < 4096:
                    _RESOLVED[text] = tag
        else:
            tag = _STR
    node.tag = tag
    construct = _CONSTRUCT.get(tag)
    if construct is None:  # str, and merge/value keys read as the text they are
        node.value = text
        return node
    try:
        if tag in _NUMBER_TAGS and len(text) > _MAX_NUMBER_TEXT:
            # PyYAML's big-integer arithmetic on `1:1:1:…` takes seconds; no plan needs this.
            raise ValueError(t("yaml.number_too_long"))
        node.value = construct(yaml.ScalarNode(tag, text))
        if type(node.value) is int and node.value.bit_length() > _MAX_INT_BITS:
            # `0x` or `1:2:3…` with thousands of digits: Python could not even print it.
            raise ValueError(t("yaml.number_too_long"))
    except (ValueError, OverflowError) as error:
        is_date = tag.endswith("timestamp")
        shown = text if len(text) <= 40 else text[:39] + "…"
        report(
            node,
            "yaml.bad_date" if is_date else "yaml.bad_value",
            "bad-date" if is_date else "bad-value",
            text=shown,
            reason=_date_reason(text) if is_date else error,
        )
        node.value = text
        node.tag = "invalid"
    return node


def _date_reason(text: str) -> str:
    """Why a date YAML recognised cannot exist, in the user's language."""
    import calendar

    try:
        year, month, _ = (int(part) for part in text[:10].split("-"))
    except ValueError:
        return t("date.not_real")
    if not 1 <= month <= 12:
        return t("date.bad_month")
    return t("date.bad_day", month=month, days=calendar.monthrange(year, month)[1])


# Plain scalars resolve by their text alone; keys and short values repeat on every item.
_RESOLVED: dict[str, str] = {}


# --------------------------------------------------------------------------- nodes → Plan


def check(path: str | os.PathLike[str]) -> tuple[LoadedPlan | None, list[Problem]]:
    """Read and check a plan file, collecting every problem instead of stopping at the first."""
    try:
        source = read_source(path)
    except PlantrackError as error:
        return None, error.problems
    return check_source(source)


def check_source(source: Source) -> tuple[LoadedPlan | None, list[Problem]]:
    examined = examine(source)
    return examined.loaded, examined.problems


@dataclass(slots=True)
class Examined:
    """Everything checking a file found: its node tree (when it has one), the plan, problems."""

    root: Node | None
    loaded: LoadedPlan | None
    problems: list[Problem]


def examine(source: Source) -> Examined:
    """Check `source` like check_source, keeping the node tree even when the file is wrong."""
    if not source.text.strip():
        return Examined(None, None, [Problem(source.path, 1, 1, t("file.empty"), code="empty")])
    composed = compose(source)
    problems = composed.problems
    root = composed.root
    loaded, problems = _check_tree(source, root, problems)
    return Examined(root, loaded, problems)


def _check_tree(
    source: Source, root: Node | None, problems: list[Problem]
) -> tuple[LoadedPlan | None, list[Problem]]:
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
    if any(p.code in _FATAL for p in problems):
        return None, problems
    problems = _name_fields(root, problems)

    from pydantic import ValidationError

    from plantrack.model import Plan

    try:
        plan = Plan.model_validate(root.to_python())
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
    return LoadedPlan(source, root, plan), []


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.column))


# Problems after which the data cannot be trusted at all.
_FATAL = {"syntax", "too-deep", "multiple-documents"}


def load_plan(path: str | os.PathLike[str]) -> LoadedPlan:
    """Read a plan file, or raise PlantrackError with every problem found, one line each."""
    loaded, problems = check(path)
    if loaded is None:
        raise PlantrackError(problems=problems)
    return loaded


def _describe(node: Node) -> str:
    from plantrack.schema_messages import describe_value

    return t("value.list") if node.kind == "sequence" else describe_value(node.value)


def field_name(parts: list[Any] | tuple[Any, ...]) -> str:
    """`('sections', 4, 'items', 0, 'status')` → `sections[4].items[0].status`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def locate(root: Node, loc: tuple[Any, ...] | list[Any]) -> tuple[Node, list[Any], bool]:
    """Walk `loc` down the node tree; stop at the deepest node that exists.

    Returns the node, the path that was walked, and whether the whole path exists.
    """
    node = root
    walked: list[Any] = []
    for part in loc:
        child: Node | None = None
        if node.kind == "mapping" and isinstance(part, str):
            child = node.get(part)
        elif node.kind == "sequence" and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
        if child is None:
            return node, walked, False
        node = child
        walked.append(part)
    return node, walked, True


def schema_problems(path: str, root: Node, error: ValidationError) -> list[Problem]:
    from plantrack.schema_messages import code_for, message_for

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
        message = message_for(detail, field_name(name_parts), walked)
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
    problems = []
    sections = root.get("sections")
    for s, section in enumerate(
        sections.value if sections is not None and sections.is_sequence else []
    ):
        items = section.get("items")
        for i, item in enumerate(items.value if items is not None and items.is_sequence else []):
            node = item.get("number")
            number = node.value if node is not None and node.kind == "scalar" else None
            if type(number) is not int:
                continue
            if number in first:
                problems.append(
                    Problem(
                        path,
                        node.line + 1,
                        node.column + 1,
                        t(
                            "schema.duplicate_number",
                            number=number,
                            first_line=first[number].line + 1,
                        ),
                        code="duplicate-number",
                        field=field_name(("sections", s, "items", i, "number")),
                    )
                )
            elif node is not None:
                first[number] = node
    return problems


def _name_fields(root: Node, problems: list[Problem]) -> list[Problem]:
    """The reader's problems with a value (an impossible date, say), each prefixed with the
    field it is in: `sections[0].items[2].due: impossible date …`."""
    wanted = {(p.line, p.column) for p in problems if p.code in ("bad-date", "bad-value")}
    if not wanted:
        return problems
    paths: dict[tuple[int, int], str] = {}
    pending: list[tuple[Node, tuple[Any, ...]]] = [(root, ())]
    while pending:
        node, parts = pending.pop()
        if node.kind == "scalar":
            if (node.line + 1, node.column + 1) in wanted:
                paths[(node.line + 1, node.column + 1)] = field_name(parts)
        elif node.kind == "sequence":
            pending.extend((child, (*parts, index)) for index, child in enumerate(node.value))
        else:
            pending.extend((value, (*parts, key.raw)) for key, value in node.value)
    named = []
    for problem in problems:
        field = (
            paths.get((problem.line, problem.column), "")
            if problem.code in ("bad-date", "bad-value")
            else ""
        )
        if field:
            problem = dataclasses.replace(
                problem, message=f"{field}: {problem.message}", field=field
            )
        named.append(problem)
    return named


__all__ = [
    "Composed",
    "Examined",
    "LoadedPlan",
    "Node",
    "Source",
    "check",
    "check_source",
    "compose",
    "decode",
    "examine",
    "field_name",
    "load_plan",
    "locate",
    "read_source",
]


# --------------------------------------------------------------------------- finding the plan

PLANS_FOLDER = "plans"


def find_plan(explicit: str | os.PathLike[str] | None, start: str, year: int) -> str:
    """The plan file to use.

    `explicit` (from --plan or PLANTRACK_PLAN) wins; a folder there means the plan in it.
    Otherwise the `plans/` folder of `start` or of its nearest parent that has one.
    In a folder, the plan of `year` (the current year) when there is one, else the latest.
    """
    if explicit is not None and os.fspath(explicit) != "":
        name = os.fspath(explicit)
        return _plan_in(name, year) if os.path.isdir(name) else name
    return _plan_in(find_plans_folder(start), year)


def find_plans_folder(start: str) -> str:
    """The `plans/` folder of `start` or of its nearest parent that has one."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, PLANS_FOLDER)
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            raise PlantrackError(t("plan.none_found"))
        folder = parent


def plan_files(folder: str) -> dict[int, str]:
    """The `<year>.yaml` / `<year>.yml` files of a folder, by year."""
    found: dict[int, str] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for name in names:
        stem, dot, ext = name.partition(".")
        if dot and ext in ("yaml", "yml") and len(stem) == 4 and stem.isascii() and stem.isdigit():
            found.setdefault(int(stem), os.path.join(folder, name))
    return found


def _plan_in(folder: str, year: int) -> str:
    plans = plan_files(folder)
    if not plans:
        raise PlantrackError(t("plan.empty_folder", folder=folder))
    return plans.get(year) or plans[max(plans)]
