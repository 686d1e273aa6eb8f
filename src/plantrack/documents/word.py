"""Word documents: the paragraphs of a .docx, refused when Word numbers them itself."""

from __future__ import annotations

from typing import Any

from plantrack.documents.reading import document_error


def read_docx(name: str) -> tuple[list[str], int]:
    """The paragraphs of a .docx in order (a soft line break is a "\\n" in one), and the
    number of its tables."""
    import zipfile

    try:
        import docx  # imported here: only a .docx needs it, and it costs start-up time
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise document_error(name, "doc.no_docx") from None
    try:
        document = docx.Document(name)
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise document_error(name, "doc.not_docx") from None
    except Exception as error:  # a damaged archive can fail deep inside the XML parser
        reason = str(error) or type(error).__name__
        raise document_error(name, "doc.bad_docx", reason=reason) from None
    numbering = _numbering(document)
    for number, paragraph in enumerate(document.paragraphs, start=1):
        # Word's automatic numbers are drawn, not written: the text has none, so its
        # headings would be misread (or not found) without a word of why.
        if paragraph.text.strip() and _auto_numbered(paragraph, numbering):
            raise document_error(name, "import.word_numbering", line=number)
    return [paragraph.text for paragraph in document.paragraphs], len(document.tables)


def _numbering(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):  # a document without lists
        return None


def _auto_numbered(paragraph: Any, numbering: Any) -> bool:
    """Whether Word numbers the paragraph (directly, or through its style) with a number
    rather than a bullet."""
    properties = paragraph._p.pPr
    numbered = properties.numPr if properties is not None else None
    style = paragraph.style
    while numbered is None and style is not None:
        properties = style.element.pPr
        numbered = properties.numPr if properties is not None else None
        style = style.base_style
    if numbered is None or numbered.numId is None or numbered.numId.val == 0:
        return False
    if numbering is None:
        return True
    level = numbered.ilvl.val if numbered.ilvl is not None else 0
    formats = numbering.xpath(
        f'./w:abstractNum[@w:abstractNumId=string(../w:num[@w:numId="{numbered.numId.val}"]'
        f'/w:abstractNumId/@w:val)]/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
    )
    return not formats or formats[0] not in ("bullet", "none")
