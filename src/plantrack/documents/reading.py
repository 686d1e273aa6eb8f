"""Reading a document: a .txt in any of the encodings offices save, or a .docx, as numbered lines."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from plantrack.errors import PlantrackError, Problem
from plantrack.i18n import t
from plantrack.text import width


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
    table_places: list[int] = field(default_factory=list)  # the paragraph each follows
    # What a .docx holds that cannot be read as text: (paragraph number, catalogue key).
    unread: list[tuple[int, str]] = field(default_factory=list)
    from_tables: bool = False  # a .docx whose text is all in tables, read cell by cell


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a .txt, .md (Markdown, as render writes it) or .docx document, or raise
    PlantrackError with one clear line."""
    from plantrack.reading.source import read_bytes

    name = os.fspath(path)
    raw = read_bytes(name, noun="document")
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: a .docx whatever its name
        from plantrack.documents.word import read_docx

        word = read_docx(name)
        return Document(
            name,
            lines_of(word.paragraphs),
            "docx",
            wrapped=False,
            tables=word.tables,
            table_places=word.table_places,
            unread=word.unread,
            from_tables=word.from_tables,
        )
    refused = refusal(name, raw)
    if refused is not None:
        raise document_error(name, refused)
    text, encoding = decode_text(name, raw)
    if os.path.splitext(name)[1].lower() in (".md", ".markdown"):
        from plantrack.documents.markdown import markdown_document

        return markdown_document(name, text, encoding)
    return text_document(name, text, encoding)


# Files people try to import that are not text: what each is, by its first bytes.
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"mif1", b"avif")


def refusal(name: str, raw: bytes) -> str | None:
    """The catalogue key that says what to do with a file import cannot read, or None."""
    extension = os.path.splitext(name)[1].lower()
    if raw.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: old Office, WPS
        if "EncryptedPackage".encode("utf-16-le") in raw:
            return "doc.encrypted"  # a password-protected .docx is stored this way
        return "doc.wps" if extension == ".wps" else "doc.word97"
    if b"%PDF-" in raw[:1024]:  # a PDF's header may come after other bytes
        return "doc.pdf"
    if raw.startswith(b"{\\rtf"):
        return "doc.rtf"
    webp = raw.startswith(b"RIFF") and raw[8:12] == b"WEBP"
    bitmap = raw.startswith(b"BM") and extension == ".bmp"
    heif = raw[4:8] == b"ftyp" and raw[8:12] in _HEIF_BRANDS  # a phone's photo
    if raw.startswith(_IMAGES) or webp or bitmap or heif:
        return "doc.image"
    # Word and WPS also save a "document" as a web page or as XML, under any name.
    head = raw[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()[:512].lower()
    mht = head.startswith(b"mime-version:") and extension in (".doc", ".mht", ".mhtml", ".wps")
    if head.startswith((b"<html", b"<!doctype html", b"<?xml", b"<?mso-application")) or mht:
        return "doc.web_page"
    return None


def text_document(name: str, text: str, encoding: str = "UTF-8") -> Document:
    """The document a plain text is, line by line, as it would be read from a file."""
    # Only CR and LF break lines, as in an editor: a form feed (a page break in text taken
    # from a PDF) is whitespace, so line numbers in messages match what the user sees.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Document(name, lines_of(lines), encoding, wrapped=True)


def decode_text(name: str, raw: bytes) -> tuple[str, str]:
    """The text of a plain-text document and the encoding it was read in.

    UTF-8 (with or without a BOM) first; UTF-16 when it has a byte-order mark, or when
    its zero bytes (there are none in UTF-8 or GBK text) read as UTF-16 text; then GB18030,
    the superset of GBK that older Windows editors save.
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
        utf16 = _utf16_without_mark(raw)
        if utf16 is not None:
            return utf16, "UTF-16"
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


def _utf16_without_mark(raw: bytes) -> str | None:
    """The text, when `raw` is UTF-16 (little- or big-endian) without a byte-order mark.

    Chinese in UTF-16 has few zero bytes (ASCII and line breaks give them), so the test is
    what the text decodes to: nearly all of it ASCII, CJK and punctuation. Read in the wrong
    byte order, CJK stays CJK but line breaks, digits and ASCII do not.
    """
    if len(raw) % 2:
        return None
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        score = sum(1 for char in text if _common(char)) / max(len(text), 1)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def _common(char: str) -> bool:
    code = ord(char)
    return (
        0x20 <= code < 0x7F
        or char in "\t\r\n\f"
        or 0x2000 <= code <= 0x206F  # general punctuation: “” — …
        or 0x3000 <= code <= 0x303F  # CJK punctuation: 、。《》〔〕
        or 0x4E00 <= code <= 0x9FFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: （），：１
    )


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
