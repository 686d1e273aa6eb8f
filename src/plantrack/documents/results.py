"""What import and init did, as plain results for render/ to show as text or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from plantrack.documents.assembly import Imported
from plantrack.model import Item, Plan


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A document imported: the plan it gave, what import noted, and where the plan went."""

    source: str  # the document, as given
    written: str | None  # the plan file written; None when the plan went to stdout
    imported: Imported


@dataclass(frozen=True, slots=True)
class InitResult:
    """A year's plan started: where it went, what it holds, and last year's unfinished items."""

    written: str | None  # the plan file written; None when the plan went to stdout
    plan: Plan
    source: str | None = None  # the plan --from read, as given; None for a skeleton
    previous_year: int | None = None
    not_done: list[Item] = field(default_factory=list)
