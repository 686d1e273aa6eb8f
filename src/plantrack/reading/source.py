"""A plan file's bytes as checked text: size and file-kind limits, NUL bytes, UTF-8 or a named encoding."""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass

from plantrack.errors import PlantrackError, Problem, os_reason
from plantrack.i18n import t

MAX_BYTES = 16 * 1024 * 1024


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


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read a plan file as text, or raise PlantrackError with one clear line."""
    name = os.fspath(path)
    return decode(name, read_bytes(name))


# The messages that name what the file should have been, for each kind of file read.
_NOUN_KEYS = {
    "plan": {
        "is_dir": "file.is_dir",
        "not_regular": "file.not_regular",
        "too_large": "file.too_large",
    },
    "document": {
        "is_dir": "doc.is_dir",
        "not_regular": "doc.not_regular",
        "too_large": "doc.too_large",
    },
}


def read_bytes(
    path: str | os.PathLike[str], max_bytes: int = MAX_BYTES, *, noun: str = "plan"
) -> bytes:
    """A regular file's bytes, at most `max_bytes` of them, or PlantrackError with one line.

    `noun` ("plan" or "document") is what the messages say the file should have been.
    """
    name = os.fspath(path)
    keys = _NOUN_KEYS[noun]
    try:
        status = os.stat(name)
        if stat.S_ISDIR(status.st_mode):
            raise _file_error(name, keys["is_dir"], "unreadable")
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device would be read forever, or not at all.
            raise _file_error(name, keys["not_regular"], "unreadable")
        size = status.st_size
        if size > max_bytes:
            raise _file_error(
                name,
                keys["too_large"],
                "too-large",
                size=f"{size:,}",
                limit=max_bytes // 2**20,
            )
        with open(name, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise _file_error(name, "file.missing", "unreadable") from None
    except IsADirectoryError:
        raise _file_error(name, keys["is_dir"], "unreadable") from None
    except OSError as error:
        if os.path.isdir(name):
            raise _file_error(name, keys["is_dir"], "unreadable") from None
        raise _file_error(name, "file.unreadable", "unreadable", reason=os_reason(error)) from None


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
    """UTF-16 without a byte-order mark: zero bytes in even (or odd) places only, as ASCII
    letters, spaces and line breaks give, and text once decoded. Chinese characters have
    no zero byte, so in a Chinese plan the zeros may be well under half of the places."""
    sample = raw[:4096]
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    if half < 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < max(4, 0.2 * half) or min(even, odd) > 0.02 * half:
        return False
    try:
        text = sample.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:  # the sample may end inside a surrogate pair
        try:
            text = sample[:-2].decode("utf-16-le" if odd > even else "utf-16-be")
        except UnicodeDecodeError:
            return False
    controls = sum(1 for char in text if char < " " and char not in "\t\r\n")
    return "\n" in text and controls <= 0.01 * len(text)


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


# Line breaks as git, GitHub and editors count them. YAML also breaks lines at NEL, LS and
# PS (U+0085, U+2028, U+2029), which text pasted from Word or the web may hold.
LINE_BREAK = re.compile("\r\n|[\r\n]")
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_starts(text: str, pattern: re.Pattern[str] = LINE_BREAK) -> list[int]:
    """The offset where each line of `text` starts."""
    return [0, *(found.end() for found in pattern.finditer(text))]


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """The 0-based line and column of `offset`, given the text's line starts."""
    line = bisect.bisect_right(starts, offset) - 1
    return line, offset - starts[line]
