"""What import and init report, as a person reads it (messages on stderr) or as JSON."""

from __future__ import annotations

import os
from typing import Any

from plantrack.documents.results import ImportResult, InitResult
from plantrack.i18n import t
from plantrack.model import Item, Plan
from plantrack.render.terminal import Stream
from plantrack.render.views import status_word
from plantrack.render.visible import visible


def render_import(result: ImportResult, err: Stream) -> None:
    """What import took, the notes (every line left out among them), then one line: where
    the plan went, its counts, the encoding it was read in."""
    imported = result.imported
    for note in [*imported.taken, *imported.notes]:
        err.say(note.message)
    key = "import.done" if result.written is not None else "import.done_stdout"
    err.say(
        t(
            key,
            path=result.written,
            counts=_counts(imported.plan, imported.owners, imported.deadlines),
            source=os.path.basename(result.source),
            encoding=imported.encoding,
        )
    )


def _counts(plan: Plan, owners: int, deadlines: int) -> str:
    """`2 sections, 7 items`, with the items given owners and deadlines when there are any; a
    flat plan's one section is no section to its reader."""
    counts = _sections_and_items(plan)
    if owners or deadlines:
        return t("import.found", counts=counts, owners=owners, deadlines=deadlines)
    return counts


def _sections_and_items(plan: Plan) -> str:
    sections, items = len(plan.sections), len(plan.items())
    items_said = t("import.items_one") if items == 1 else t("import.items", count=items)
    if sections == 1 and plan.sections[0].title is None:
        return t("import.counts_flat", items=items_said)
    sections_said = (
        t("import.sections_one") if sections == 1 else t("import.sections", count=sections)
    )
    return t("import.counts", sections=sections_said, items=items_said)


def import_json(result: ImportResult) -> dict[str, Any]:
    imported = result.imported
    plan = imported.plan
    return {
        "source": result.source,
        "encoding": imported.encoding,
        "written": result.written,
        "title": plan.title,
        "year": plan.year,
        "sections": len(plan.sections),
        "items": len(plan.items()),
        "owners": imported.owners,
        "deadlines": imported.deadlines,
        "year_from": imported.year_from,
        "renumbered": imported.renumbered,
        "left_out": [
            {"line": entry.line, "text": entry.text, "reason": entry.reason}
            for entry in imported.left_out
        ],
        "taken": [{"code": note.code, "message": note.message} for note in imported.taken],
        "notes": [{"code": note.code, "message": note.message} for note in imported.notes],
    }


def render_init(result: InitResult, out: Stream, err: Stream) -> None:
    """Where the plan went; with --from, last year's items not done, one a line, on `out`
    (on `err` when the plan itself went to stdout)."""
    plan = result.plan
    if result.source is None:
        if result.written is not None:
            err.say(t("init.done", path=result.written))
        return
    err.say(
        t(
            "init.done_from" if result.written is not None else "init.done_from_stdout",
            path=result.written,
            sections=len(plan.sections),
            items=len(plan.items()),
            source=os.path.basename(result.source),
        )
    )
    if not result.not_done:
        err.say(t("init.all_done", year=result.previous_year))
        return
    listed = result.written is not None
    err.say(
        t(
            "init.open_heading" if listed else "init.open_heading_here",
            count=len(result.not_done),
            year=result.previous_year,
        )
    )
    lines = out if listed else err
    for item in result.not_done:
        details = [status_word(item.current_status)]
        if item.progress is not None:
            details.append(f"{item.progress}%")
        if item.owner:
            details.append(item.owner)
        line = t(
            "init.open_item",
            number=item.number,
            title=item.title,
            details=t("init.open_separator").join(details),
        )
        lines.write(visible(line))


def init_json(result: InitResult) -> dict[str, Any]:
    plan = result.plan
    return {
        "year": plan.year,
        "written": result.written,
        "from": result.source,
        "from_year": result.previous_year,
        "title": plan.title,
        "sections": len(plan.sections),
        "items": len(plan.items()),
        "not_done": [_open_item(item) for item in result.not_done],
    }


def _open_item(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": item.title,
        "status": item.current_status.value,
        "progress": item.progress,
        "owner": item.owner,
    }
