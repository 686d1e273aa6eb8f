"""Reading a document: a .txt in any of the encodings offices save, or a .docx, as numbered lines."""

from __future__ import annotations

import os
from dataclasses import dataclass

from plantrack.errors import PlantrackError, Problem, os_reason
from plantrack.i18n import t
from plantrack.text import width

MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document: where it is, its text without surrounding whitespace, and
    the display width it took as laid out (indentation included), for finding hard wraps."""

    number: int  # 1-based; for a .docx, the paragraph's number
    column: int  # 1-based column of the first character that is not whitespace
    text: str
    width: int


@dataclass(slots=True)
class Document:
    path: str
    lines: list[Line]
    encoding: str  # "UTF-8", "GB18030", "UTF-16" or "docx"
    wrapped: bool  # plain text may be hard-wrapped (from a PDF); a .docx is not
    tables: int = 0  # tables in a .docx, whose text is not imported


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a .txt or .docx document, or raise PlantrackError with one clear line."""
    name = os.fspath(path)
    raw = _document_bytes(name)
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: a .docx whatever its name
        from plantrack.documents.word import read_docx

        paragraphs, tables = read_docx(name)
        return Document(name, lines_of(paragraphs), "docx", wrapped=False, tables=tables)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise document_error(name, "doc.word97")
    text, encoding = decode_text(name, raw)
    return text_document(name, text, encoding)


def _document_bytes(name: str) -> bytes:
    """The document's bytes, or PlantrackError: too large, missing, a folder, unreadable."""
    try:
        if os.path.getsize(name) > MAX_BYTES:
            raise document_error(name, "doc.too_large", limit=MAX_BYTES // 2**20)
        with open(name, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise document_error(name, "file.missing") from None
    except IsADirectoryError:
        raise document_error(name, "doc.is_dir") from None
    except OSError as error:
        if os.path.isdir(name):
            raise document_error(name, "doc.is_dir") from None
        raise document_error(name, "file.unreadable", reason=os_reason(error)) from None


def text_document(name: str, text: str, encoding: str = "UTF-8") -> Document:
    """The document a plain text is, line by line, as it would be read from a file."""
    # Only CR and LF break lines, as in an editor: a form feed (a page break in text taken
    # from a PDF) is whitespace, so line numbers in messages match what the user sees.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Document(name, lines_of(lines), encoding, wrapped=True)


def decode_text(name: str, raw: bytes) -> tuple[str, str]:
    """The text of a plain-text document and the encoding it was read in.

    UTF-8 (with or without a BOM) first; UTF-16 when it has a byte-order mark;
    then GB18030, the superset of GBK that older Windows editors save.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise document_error(name, "doc.bad_utf16") from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise document_error(name, "doc.binary", line=raw.count(b"\n", 0, nul) + 1, offset=nul)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return raw.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        offset = utf8_error.start
        line = raw.count(b"\n", 0, offset) + 1
        raise document_error(
            name, "doc.encoding", line=line, byte=raw[offset], offset=offset
        ) from None


def lines_of(texts: list[str]) -> list[Line]:
    """Lines from the lines of a text, or from the paragraphs of a .docx, numbered by them:
    the lines a soft break makes in a paragraph share its number."""
    lines = []
    for number, paragraph in enumerate(texts, start=1):
        for raw in paragraph.split("\n") if "\n" in paragraph else [paragraph]:
            body = raw.strip()
            indent = len(raw) - len(raw.lstrip())
            lines.append(Line(number, indent + 1, body, width(raw.rstrip())))
    return lines


def document_error(name: str, key: str, *, line: int = 0, **values: object) -> PlantrackError:
    """The error for a document that cannot be read: one line, at `line` when there is one."""
    return PlantrackError(problems=[Problem(name, line, 1 if line else 0, t(key, **values))])
