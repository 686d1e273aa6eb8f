"""Writing plan files: the one place that writes to disk.

Every write is atomic: the new content goes to a temporary file in the same folder,
is flushed and fsynced, and is renamed over the target, keeping the target's
permissions. A process killed at any moment leaves the old file or the new one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from plantrack.errors import PlantrackError, Problem, os_reason
from plantrack.i18n import t
from plantrack.model import CHINESE_STATUS, Status
from plantrack.ops import ItemChange, PlanChange
from plantrack.outcome import committing

if TYPE_CHECKING:
    from plantrack.loader import LoadedPlan, Node


def write_atomic(path: str, data: bytes) -> None:
    """Replace (or create) `path` with `data`, atomically."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    handle, temporary = tempfile.mkstemp(prefix=".plantrack-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        with committing(path):
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: str) -> None:
    # Makes the rename itself durable on POSIX; Windows has no directory handles to sync.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --------------------------------------------------------------------------- in-place edits
#
# A change is made the way a careful person edits the file by hand: new text is spliced
# in at the spans the loader recorded, and nothing else is touched. The result is read
# back and must hold exactly the old data plus the intended change, or nothing is written.

# The item keys in the order plantrack inserts them.
ITEM_KEYS = ("number", "title", "text", "owner", "status", "progress", "due", "log")
LOCK_TIMEOUT = 60.0  # seconds; twenty writers in a row take a few
_WIDE = 1 << 30  # never fold a long value over several lines


@dataclass(frozen=True)
class Edit:
    """The text of a plan before and after one change."""

    path: str
    before: str
    after: str
    bom: bool
    change: PlanChange

    def diff(self) -> str:
        """A unified diff, as `git diff` shows it, that `git apply` takes."""
        import difflib

        name = patch_name(self.path)
        lines = difflib.unified_diff(
            _lines(self.before),
            _lines(self.after),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        out = []
        for line in lines:
            if not line.endswith("\n"):
                line += "\n\\ No newline at end of file\n"
            out.append(line)
        return "".join(out)


def patch_name(path: str) -> str:
    """The plan's name in a patch: relative to the root of the git work tree it is in,
    else to the current folder when it is below it, else as given; with forward slashes.
    """
    absolute = os.path.abspath(path)
    folder = os.path.dirname(absolute)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):  # a folder, or a worktree's file
            return os.path.relpath(absolute, folder).replace(os.sep, "/")
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    with contextlib.suppress(ValueError):  # on another drive
        relative = os.path.relpath(absolute)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return relative.replace(os.sep, "/")
    return path.replace(os.sep, "/")


def _lines(text: str) -> list[str]:
    """The lines of `text`, each with its line break; only "\n" ends a line, as for git."""
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])


def change_plan(
    path: str, make_change: Callable[[LoadedPlan], PlanChange], *, dry_run: bool = False
) -> Edit:
    """Read the plan, make the change, check the result and write it, all under the lock.

    `make_change` sees the plan as it is once the lock is held, so concurrent writers
    each build on the other's work. An invalid plan is never written over: its
    problems are raised as they are.
    """
    if dry_run:
        return _edit(path, make_change)
    # A plan reached through a symbolic link is written where the link points, and the
    # link stays a link.
    target = os.path.realpath(path)
    with _locked(target):
        edit = _edit(path, make_change)
        if edit.after != edit.before:
            data = edit.after.encode("utf-8")
            try:
                write_atomic(target, b"\xef\xbb\xbf" + data if edit.bom else data)
            except OSError as error:  # a read-only folder; on Windows, a reader holding it open
                raise PlantrackError(
                    t("write.failed", path=path, reason=os_reason(error))
                ) from None
    return edit


def _edit(path: str, make_change: Callable[[LoadedPlan], PlanChange]) -> Edit:
    from plantrack.loader import check_source, read_source

    source = read_source(path)
    loaded, problems = check_source(source)
    if loaded is None:
        raise PlantrackError(problems=problems)
    change = make_change(loaded)
    after = edit_text(loaded, change) if not change.empty else source.text
    return Edit(path, source.text, after, source.bom, change)


@contextlib.contextmanager
def _locked(path: str) -> Iterator[None]:
    """Hold the plan's lock file (`.2022.yaml.lock` next to `2022.yaml`).

    An advisory lock on the lock file, from the operating system itself (flock on POSIX,
    a byte-range lock through msvcrt on Windows): it is released when the process ends, however it
    ends, so a killed writer never leaves the plan locked. The file itself stays.
    """
    folder, name = os.path.split(path)
    lock_path = os.path.join(folder, f".{name}.lock")
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise PlantrackError(
            t("write.lock_failed", lock=lock_path, reason=os_reason(error))
        ) from None
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        pause = 0.005
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise PlantrackError(
                    t("write.locked", lock=lock_path, seconds=int(LOCK_TIMEOUT))
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def edit_text(loaded: LoadedPlan, change: PlanChange) -> str:
    """The plan's new text: `change` spliced in, checked by reading it back."""
    return _Editor(loaded, change).result()


class _Editor:
    """The splices that make one change, and the check of their result."""

    def __init__(self, loaded: LoadedPlan, change: PlanChange) -> None:
        self.loaded = loaded
        self.change = change
        self.text = loaded.source.text
        # The ending most lines have; a new line takes its neighbour's where it has one.
        self.newline = loaded.source.newline
        self.splices: list[tuple[int, int, int, str]] = []  # start, end, order, new text
        # Keys removed from a `-` line: new keys cannot follow them, the next key moves up.
        self.moved_up: set[int] = set()
        self.items: dict[int, tuple[Node, int, int]] = {}  # number → node, section, index
        # Indentation the file uses for a block list under a key, and for its entries' keys.
        self.list_indent = 2
        self.entry_indent = 2
        self.chinese_status = False
        self._survey(loaded.root)
        self._apply()

    def _survey(self, root: Node) -> None:
        sections = root.get("sections")
        first = True
        for s, section in enumerate(sections.value if sections is not None else []):
            pair = section.pair("items")
            if pair is None or not pair[1].is_sequence:
                continue
            items_key, items = pair
            for i, item in enumerate(items.value):
                number = item.get("number")
                if number is None:
                    continue
                self.items[number.value] = (item, s, i)
                status = item.get("status")
                if status is not None and status.value in CHINESE_STATUS.values():
                    self.chinese_status = True
                if first and not items.flow and not item.flow:
                    self.list_indent = items.column - items_key.column
                    self.entry_indent = max(2, item.column - items.column)
                    first = False

    # ------------------------------------------------------------------ the change

    def _apply(self) -> None:
        change = self.change
        for item_change in change.items:
            node = self.items[item_change.number][0]
            for name, value in item_change.fields.items():
                self._set(node, name, self._word(value))
            self._log(node, self._entry(item_change))
        if change.roles:
            roles = self.loaded.root.get("roles")
            if roles is not None and roles.is_sequence:
                self._append(roles, list(change.roles), "roles")

    def _word(self, value: Any) -> Any:
        if isinstance(value, Status):
            return value.chinese if self.chinese_status else value.value
        return value

    def _entry(self, item_change: ItemChange) -> dict[str, Any]:
        entry = item_change.entry()
        if "changes" in entry:
            entry["changes"] = {
                name: [self._word(old), self._word(new)]
                for name, (old, new) in entry["changes"].items()
            }
        return entry

    def _set(self, mapping: Node, name: str, value: Any) -> None:
        pair = mapping.pair(name)
        if value is None:
            if pair is not None:
                self._remove(mapping, pair)
        elif pair is None:
            self._insert(mapping, name, value)
        else:
            self._replace(mapping, pair, value)

    def _log(self, item: Node, entry: dict[str, Any]) -> None:
        pair = item.pair("log")
        if pair is None:
            self._insert(item, "log", [entry])
        elif pair[1].is_sequence:
            index = _ledger_index(pair[1].to_python(), entry["date"])
            self._append(pair[1], [entry], "log", index)
        elif pair[1].kind == "scalar" and pair[1].value is None:
            self._fill_empty_list(item, pair, [entry])
        else:  # pragma: no cover - the loader has checked that a log is a list or empty
            raise self._refuse(pair[1], "write.cannot_edit", field="log")

    # ------------------------------------------------------------------ splices

    def _splice(self, start: int, end: int, text: str) -> None:
        self.splices.append((start, end, len(self.splices), text))

    def _replace(self, mapping: Node, pair: tuple[Node, Node], value: Any) -> None:
        key, node = pair
        if node.kind != "scalar":
            raise self._refuse(node, "write.cannot_edit", field=key.value)
        if node.style in ("|", ">"):
            raise self._refuse(node, "write.block_scalar", field=key.value)
        if node.raw == "" and not node.style:  # `owner:`, `owner: !!null`, `{owner, …}`
            self._fill(mapping, key, node, _scalar(value, None, mapping.flow))
            return
        style = node.style if isinstance(value, str) else None
        self._splice(node.start, node.end, _scalar(value, style, mapping.flow))

    def _insert(self, mapping: Node, name: str, value: Any) -> None:
        key, after = self._predecessor(mapping, name)
        if mapping.flow:
            self._splice(after.end, after.end, f", {name}: {_flow(value)}")
            return
        indent = " " * mapping.column
        if isinstance(value, list):
            lines = [f"{indent}{name}:"]
            lines += self._block_entries(
                value, mapping.column + self.list_indent, self.entry_indent
            )
        else:
            lines = [f"{indent}{name}: {_scalar(value, None, False)}"]
        if self._ends_open(after):
            # Lines after it would end it with a newline and change its value: the new
            # key goes before the one it would follow instead.
            start = _line_start(self.text, key.start)
            if self.text[start : key.start].strip():
                raise self._refuse(key, "write.block_scalar_at_end", field=key.value)
            newline = self._newline_at(start)
            self._splice(start, start, newline.join(lines) + newline)
            return
        self._insert_lines(_line_after(self.text, _last_end(after)), lines)

    def _ends_open(self, node: Node) -> bool:
        """A block scalar that ends the file with no newline after it, and keeps its last."""
        last = _last_node(node)
        if last.style not in ("|", ">") or last.end != len(self.text) or self.text.endswith("\n"):
            return False
        header = self.text[last.start : self.text.find("\n", last.start)]
        return "-" not in header

    def _predecessor(self, mapping: Node, name: str) -> tuple[Node, Node]:
        """The pair after which a new key goes: the nearest key before it in ITEM_KEYS."""
        order = ITEM_KEYS.index(name) if name in ITEM_KEYS else len(ITEM_KEYS)
        kept = [pair for pair in mapping.value if id(pair[0]) not in self.moved_up]
        best: tuple[Node, Node] = kept[-1]
        best_rank = -1
        for pair in kept:
            rank = ITEM_KEYS.index(pair[0].value) if pair[0].value in ITEM_KEYS else -1
            if best_rank < rank < order:
                best, best_rank = pair, rank
        return best

    def _remove(self, mapping: Node, pair: tuple[Node, Node]) -> None:
        key, node = pair
        pairs = mapping.value
        if mapping.flow:
            index = next(i for i, p in enumerate(pairs) if p[0] is key)
            if index > 0:
                self._splice(pairs[index - 1][1].end, node.end, "")
            elif len(pairs) > 1:
                self._splice(key.start, pairs[1][0].start, "")
            else:
                self._splice(key.start, node.end, "")
            return
        start = _line_start(self.text, key.start)
        end = _line_after(self.text, _last_end(node))
        if not self.text[start : key.start].strip():
            self._splice(start, end, "")
            return
        # The key shares its line with the item's `-`: the next key moves up onto that line.
        following = pairs[1][0] if len(pairs) > 1 and pairs[0][0] is key else None
        if following is None:
            raise self._refuse(key, "write.cannot_remove", field=key.value)
        if self.text[end : following.start].strip(" "):  # a comment or blank line between
            raise self._refuse(key, "write.cannot_remove_first", field=key.value)
        self.moved_up.add(id(key))
        self._splice(key.start, following.start, "")

    def _append(
        self, sequence: Node, values: list[Any], field: str, index: int | None = None
    ) -> None:
        """Add `values` to a list: at its end, or before its entry `index`."""
        entries = sequence.value
        index = len(entries) if index is None else index
        if sequence.flow:
            texts = [_flow(v) for v in values]
            if not entries:
                at = self.text.rindex("]", sequence.start, sequence.end)
                self._splice(at, at, ", ".join(texts))
            elif index == 0:
                self._splice(entries[0].start, entries[0].start, "".join(t + ", " for t in texts))
            else:
                at = entries[index - 1].end
                self._splice(at, at, "".join(", " + t for t in texts))
            return
        model = entries[index - 1] if index > 0 else entries[0]  # the entry whose style to keep
        if index == len(entries) and self._ends_open(model):
            raise self._refuse(_last_node(model), "write.block_scalar_at_end", field=field)
        offset = model.column - sequence.column
        if not self._on_dash_line(model) or offset < 2:
            offset = self.entry_indent
        if model.is_mapping and model.flow:
            dash = " " * sequence.column + "-" + " " * (offset - 1)
            lines = [dash + _flow(value) for value in values]
        else:
            lines = self._block_entries(values, sequence.column, offset)
        if index > 0:
            self._insert_lines(_line_after(self.text, _last_end(entries[index - 1])), lines)
            return
        at = _line_start(self.text, sequence.start)  # the first entry's `-` line
        if self.text[at : sequence.start].strip(
            " "
        ):  # pragma: no cover - a block list's `-` leads its line
            raise self._refuse(sequence, "write.cannot_edit", field=field)
        self._insert_lines(at, lines)

    def _on_dash_line(self, entry: Node) -> bool:
        """Whether a list entry starts on the line of its `-` (`- date: …`)."""
        start = _line_start(self.text, entry.start)
        return self.text[start : entry.start].strip() == "-"

    def _fill(self, mapping: Node, key: Node, node: Node, text: str) -> None:
        """Write `text` as the value of `key`, which has none (`owner:`) or a bare tag."""
        if node.start != node.end:  # `owner: !!null`: the tag goes with the empty value
            self._splice(node.start, node.end, text)
            return
        colon = key.end
        while self.text[colon : colon + 1] in (" ", "\t"):
            colon += 1
        if self.text[colon : colon + 1] == ":":
            self._splice(colon + 1, colon + 1, " " + text)
        elif mapping.flow:  # `{number: 1, owner}`: a key with no colon
            self._splice(key.end, key.end, ": " + text)
        else:  # `? owner` with its value on a line of its own
            raise self._refuse(key, "write.explicit_key", field=key.value)

    def _fill_empty_list(self, mapping: Node, pair: tuple[Node, Node], values: list[Any]) -> None:
        """`log:` (or `log: null`) with nothing in it yet: the entries go below it."""
        key, node = pair
        if mapping.flow:
            if node.raw:  # `log: null`
                self._splice(node.start, node.end, _flow(values))
            else:
                self._fill(mapping, key, node, _flow(values))
            return
        if node.start != node.end:  # `log: null`, `log: ~`, `log: !!null`: the word goes,
            # a comment after it stays
            start = node.start - 1 if self.text[node.start - 1] == " " else node.start
            self._splice(start, node.end, "")
        elif self.text[key.end : node.start].strip(" \t") != ":":  # `? log`
            raise self._refuse(key, "write.explicit_key", field=key.value)
        lines = self._block_entries(values, mapping.column + self.list_indent, self.entry_indent)
        self._insert_lines(_line_after(self.text, node.end), lines)

    def _block_entries(self, values: list[Any], dash_column: int, offset: int) -> list[str]:
        """Lines of block-list entries: `-` at `dash_column`, content `offset` further right."""
        dash = " " * dash_column + "-" + " " * (offset - 1)
        indent = " " * (dash_column + offset)
        lines = []
        for value in values:
            if not isinstance(value, dict):
                lines.append(dash + _scalar(value, None, False))
                continue
            for position, (name, field_value) in enumerate(value.items()):
                text = (
                    _flow(field_value)
                    if isinstance(field_value, dict)
                    else _scalar(field_value, None, False)
                )
                lines.append(f"{dash if position == 0 else indent}{name}: {text}")
        return lines

    def _insert_lines(self, at: int, lines: list[str]) -> None:
        text = self.text
        follows = at
        if at == len(text):
            # The last lines may be removed by this change: the new ones follow what stays.
            follows = min([s for s, e, _, new in self.splices if e == at and not new] + [at])
        newline = self._newline_at(follows)
        block = newline.join(lines)
        if follows == len(text) and text and not text.endswith("\n"):
            self._splice(at, at, newline + block)  # keep the missing final newline
        else:
            self._splice(at, at, block + newline)  # `result` takes a last one off again

    def _newline_at(self, at: int) -> str:
        """The line ending for lines inserted at `at`: that of the line they follow."""
        end = _line_start(self.text, at) - 1
        if end < 0:
            return self.newline
        return "\r\n" if self.text[end - 1 : end] == "\r" else "\n"

    def _refuse(self, node: Node, key: str, **values: object) -> PlantrackError:
        problem = Problem(
            self.loaded.path, node.line + 1, node.column + 1, t(key, **values), code="in-place"
        )
        return PlantrackError(problems=[problem])

    # ------------------------------------------------------------------ result

    def result(self) -> str:
        pieces = []
        position = 0
        for start, end, _, text in sorted(self.splices):
            if start < position:  # pragma: no cover - two edits of one value
                raise PlantrackError(t("write.overlap"))
            pieces.append(self.text[position:start])
            pieces.append(text)
            position = end
        pieces.append(self.text[position:])
        new_text = "".join(pieces)
        if self.text and not self.text.endswith("\n") and new_text.endswith("\n"):
            # The last line was removed: the file still ends without a final newline, unless
            # what is left ends in a block scalar (| or >) whose value holds that line break.
            with contextlib.suppress(PlantrackError):
                self._verify(new_text.rstrip("\r\n"))
                return new_text.rstrip("\r\n")
        self._verify(new_text)
        return new_text

    def _verify(self, new_text: str) -> None:
        """The new text must read as a valid plan holding exactly the intended data.

        It is read back in full and its data must equal the old data, which passed every
        check, with the intended change applied; the items that changed must pass the
        model's checks. Together that makes a valid plan, without validating every other
        item of a large plan a second time.
        """
        from pydantic import ValidationError

        from plantrack.loader import Source, compose
        from plantrack.model import Item

        source = self.loaded.source
        reread = compose(Source(source.path, new_text, source.bom))
        if reread.problems or reread.root is None:
            problem = reread.problems[0].format() if reread.problems else "?"
            raise PlantrackError(t("write.broken", problem=problem))
        expected = self.loaded.root.to_python()
        self._expect(expected)
        actual = reread.root.to_python()
        if actual != expected or not _same(actual.get("roles"), expected.get("roles")):
            raise PlantrackError(t("write.mismatch", path=source.path))
        for number in (item_change.number for item_change in self.change.items):
            item = self._locate(actual, number)
            if not _same(item, self._locate(expected, number)):
                raise PlantrackError(t("write.mismatch", path=source.path))
            try:
                Item.model_validate(item)
            except ValidationError as error:
                problem = f"{source.path}: {number}: {error.errors()[0]['msg']}"
                raise PlantrackError(t("write.broken", problem=problem)) from None

    def _locate(self, data: Any, number: int) -> Any:
        _, s, i = self.items[number]
        return data["sections"][s]["items"][i]

    def _expect(self, data: dict[str, Any]) -> None:
        """Apply the intended change to the old data, as plain values."""
        change = self.change
        for item_change in change.items:
            item = self._locate(data, item_change.number)
            for name, value in item_change.fields.items():
                if value is None:
                    item.pop(name, None)
                else:
                    item[name] = self._word(value)
            log = list(item.get("log") or [])
            entry = self._entry(item_change)
            log.insert(_ledger_index(log, entry["date"]), entry)
            item["log"] = log
        if change.roles:
            data["roles"] = [*data["roles"], *change.roles]


def _ledger_index(entries: list[Any], date: dt.date) -> int:
    """Where an entry of `date` goes in a ledger: before the first entry dated later.

    A ledger is kept in date order; an entry recorded afterwards (`--date`) goes among
    the others, after those of its own day.
    """
    for index, entry in enumerate(entries):
        when = entry.get("date") if isinstance(entry, dict) else None
        if type(when) is dt.date and when > date:
            return index
    return len(entries)


def _line_start(text: str, position: int) -> int:
    """The start of the line `position` is on."""
    return text.rfind("\n", 0, position) + 1


def _line_after(text: str, position: int) -> int:
    """The start of the line after the one `position` ends on (past any trailing comment)."""
    if position > 0 and text[position - 1] == "\n":
        return position
    newline = text.find("\n", position)
    return len(text) if newline < 0 else newline + 1


def _last_node(node: Node) -> Node:
    """The node whose text ends a value: for a block collection, its last value's."""
    while not node.flow and node.kind != "scalar" and node.value:
        last = node.value[-1]
        node = last[1] if node.is_mapping else last
    return node


def _last_end(node: Node) -> int:
    return _last_node(node).end


def _scalar(value: Any, style: str | None, flow: bool) -> str:
    """One value as YAML text on one line, in `style` ('' plain, ' or ") when it is a string."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if any(c in text for c in "\n\r\x85\u2028\u2029") or not text.isprintable():
        style = '"'  # escaped, so the value stays on one line
    if style in ("'", '"'):
        dumped = yaml.safe_dump(text, allow_unicode=True, default_style=style, width=_WIDE)
        return dumped.rstrip("\n")
    if flow:
        dumped = yaml.safe_dump([text], allow_unicode=True, default_flow_style=True, width=_WIDE)
        return dumped.rstrip("\n")[1:-1]
    dumped = yaml.safe_dump(text, allow_unicode=True, width=_WIDE)
    return dumped.split("\n", 1)[0]


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, None, True)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 and true are not the same)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
