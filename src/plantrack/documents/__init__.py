"""Official documents → plans: read a 工作要点 from text or .docx and write it as a plan file.

A document is a title line (optional), a preamble, section headings `一、…` on lines of
their own (or none: a flat plan), and items `1.标题。正文` (or `1、` `１．`, or `（一）` in a
section without numbered items, or `（1）` in a section with neither); above `1.` items,
`（一）` headings are sub-sections, and a `（一）` paragraph with no items under it is an
item. Import is exact: every character of the text is kept, apart from line breaks it
joins and whitespace at the ends of lines, which is layout. What it cannot place, it
reports with its line number instead of guessing; the notice a plan was sent with and the
signature and date that close it are named, line by line, as not imported. Writing a plan
back as a document is render/document.py.

The modules, in the order a document goes through them: reading (bytes → lines; word for
.docx, markdown for .md), paragraphs (lines → headings and paragraphs), front (the notice, title and preamble
before the first section), levels (a section's items at up to three levels), assembly
(paragraphs → a plan; annotations, owners and deadlines: what an item's text says
besides its work), plan_yaml (a plan → a new plan file); next_year (init --from);
results (what import and init report).
"""

from __future__ import annotations

from plantrack.documents.assembly import Imported, Note, derived_title, import_document
from plantrack.documents.next_year import header_comments, next_year_plan, not_done
from plantrack.documents.plan_yaml import checked, new_plan_yaml, skeleton_yaml, yaml_scalar
from plantrack.documents.reading import Document, Line, read_document, text_document
from plantrack.documents.results import ImportResult, InitResult

__all__ = [
    "Document",
    "ImportResult",
    "Imported",
    "InitResult",
    "Line",
    "Note",
    "checked",
    "derived_title",
    "header_comments",
    "import_document",
    "new_plan_yaml",
    "next_year_plan",
    "not_done",
    "read_document",
    "skeleton_yaml",
    "text_document",
    "yaml_scalar",
]
