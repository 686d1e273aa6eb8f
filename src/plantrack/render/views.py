"""The plan as people see it: the status table, one item in full, and their JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plantrack.history import Schedule, Standing
from plantrack.history import completion as item_completion
from plantrack.i18n import CATALOGUE, t
from plantrack.model import Item, Plan, Status, parse_status
from plantrack.numerals import section_numeral
from plantrack.render.terminal import Stream, bar, fit, pad, terminal_width, truncate, wrap
from plantrack.render.visible import json_escaped, visible
from plantrack.summary import StatusView, item_record
from plantrack.text import width

# The colours supervision offices use: blue due soon, yellow behind, red overdue.
STANDING_STYLE: dict[Standing | None, tuple[str, ...]] = {
    Standing.AHEAD: ("green",),
    Standing.ON_TRACK: (),
    Standing.BEHIND: ("yellow", "bold"),
    Standing.OVERDUE: ("red", "bold"),
    Standing.DONE: ("dim",),
    None: ("dim",),
}

STATUS_STYLE = {
    Status.TODO: ("bright_black",),
    Status.DOING: ("cyan",),
    Status.DONE: ("green",),
    Status.BLOCKED: ("red", "bold"),
}


def _sum_except(widths: list[int], *skip: int) -> int:
    return sum(w for col, w in enumerate(widths) if col not in skip)


def status_word(status: Status) -> str:
    return t("status." + status.value)


def write_json(stream: Stream, data: Any) -> None:
    """`data` as JSON on one line, but for a list of items: one item a line.

    Indented JSON goes through json's pure-Python encoder, a quarter of `status --format
    json` on a large plan; without indent the C encoder runs, and an item a line keeps
    thousands of them easy to look through and to grep.
    """
    import json  # only the JSON format needs it; the table is what people wait for

    encode = json.JSONEncoder(ensure_ascii=False).encode
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        stream.data(json_escaped(encode(data)))
        return
    head = encode({key: value for key, value in data.items() if key != "items"})
    stream.data(json_escaped(head[:-1] + ', "items": ['))
    # A thousand items a write: few system calls, and never the whole output in memory.
    for start in range(0, len(items), 1000):
        lines = [encode(item) for item in items[start : start + 1000]]
        ending = "," if start + 1000 < len(items) else ""
        stream.data(json_escaped(",\n".join(lines) + ending))
    stream.data("]}")


def standing_word(schedule: Schedule) -> str:
    """`behind`, `on track` … and `due soon`, in the user's language; — without a due date."""
    if schedule.standing is None:
        return "—"
    word = t("standing." + schedule.standing.value)
    return f"{word} · {t('standing.due_soon')}" if schedule.due_soon else word


def standing_style(schedule: Schedule) -> tuple[str, ...]:
    if schedule.due_soon and schedule.standing is not Standing.BEHIND:
        return ("blue", "bold")
    return STANDING_STYLE[schedule.standing]


def status_json(view: StatusView) -> dict[str, Any]:
    plan = view.plan
    items = [
        item_record(
            item,
            section.index,
            plan,
            view.today,
            view.schedules[item.number],
            view.unexplained.get(item.number, ()),
        )
        for section in view.sections
        for item in section.items
    ]
    return {
        "title": plan.title,
        "year": plan.year,
        "today": view.today.isoformat(),
        "as_of": view.today.isoformat() if view.as_of else None,
        "summary": {
            "items": view.total,
            **{status.value: view.counts[status] for status in Status},
            "overdue": view.overdue,
            "behind": view.behind(),
            "completion": round(view.completion * 100, 1),
        },
        "sections": [
            {
                "section": section.numeral,
                "title": section.title,
                "items": section.total,
                "done": section.done,
                "completion": round(section.completion * 100, 1),
            }
            for section in view.sections
        ],
        "items": items,
    }


def render_status(view: StatusView, out: Stream) -> None:
    total_width = max(terminal_width(), 40)
    overdue_mark = t("status.overdue")
    headers = [
        t("col.number"),
        t("col.title"),
        t("col.owner"),
        t("col.status"),
        t("col.progress"),
        t("col.due"),
        t("col.schedule"),
    ]
    rows: list[tuple[Item, list[str], list[int]]] = []
    for section in view.sections:
        for item in section.items:
            due = item.due.isoformat() if item.due else "—"
            if item.is_overdue(view.today):
                due = f"{due} {overdue_mark}"
            progress = (
                f"{item_completion(item)}%"
                if item.progress is not None or item.current_status is Status.DONE
                else "—"
            )
            cells = [
                str(item.number),
                visible(item.title),
                visible(item.owner or "—"),
                status_word(item.current_status),
                progress,
                due,
                standing_word(view.schedules[item.number]),
            ]
            if item.number in view.unexplained:
                cells[3] += " ?"
            rows.append((item, cells, [width(cell) for cell in cells]))
    # Each cell is measured once: for its column's width, then to lay it out.
    header_widths = [width(h) for h in headers]
    widths = [
        max([header_widths[col], *(cell_widths[col] for _, _, cell_widths in rows)])
        for col in range(len(headers))
    ]
    # The schedule column goes first when the terminal is too narrow for every column with
    # a title of ten cells and an owner of twelve; --format json always has it.
    if _sum_except(widths, 1, 2) + 22 + 2 * len(headers) > total_width:
        headers.pop()
        widths.pop()
        for _, cells, _ in rows:
            cells.pop()
    # The title takes what the other columns leave, and is cut, never wrapped; on a narrow
    # terminal a long owner is cut too.
    gaps = 2 * len(headers)
    widths[2] = min(
        widths[2], max(width(headers[2]), 12, total_width - gaps - 10 - _sum_except(widths, 1, 2))
    )
    widths[1] = max(10, min(widths[1], total_width - gaps - _sum_except(widths, 1)))
    aligns = ["right", "left", "left", "left", "right", "left", "left"]

    def line(cells: list[str], cell_widths: list[int], styles: list[tuple[str, ...]]) -> str:
        laid = [
            out.style(fit(cell, cell_widths[col], widths[col], aligns[col]), *styles[col])
            for col, cell in enumerate(cells[: len(widths)])
        ]
        return ("  " + "  ".join(laid)).rstrip()

    day = view.today.isoformat()
    if view.as_of:
        day = t("status.as_of", date=day)
    out.write(out.style(visible(view.plan.title), "bold") + out.style(f"  ({day})", "dim"))
    row_iter = iter(rows)
    bar_cells = 20 if total_width >= 80 else 10
    header_styles: list[tuple[str, ...]] = [("dim",)] * len(headers)
    for section in view.sections:
        out.write()
        summary = f"{section.done}/{section.total} {round(section.completion * 100):>3}%"
        room = total_width - bar_cells - width(summary) - 4
        heading = truncate(f"{section.numeral}、{visible(section.title)}", max(room, 8))
        out.write(
            out.style(heading, "bold")
            + "  "
            + bar(section.completion, bar_cells, out)
            + " "
            + summary
        )
        if not section.items:
            continue
        out.write(line(headers, header_widths, header_styles))
        for _ in section.items:
            item, cells, cell_widths = next(row_iter)
            styles: list[tuple[str, ...]] = [(), (), (), STATUS_STYLE[item.current_status], (), ()]
            styles.append(standing_style(view.schedules[item.number]))
            if item.is_overdue(view.today):
                styles[5] = ("red", "bold")
            out.write(line(cells, cell_widths, styles))
    if view.filtered and not view.total:
        out.write()
        out.write(t("status.no_match"))
    out.write()
    counts = "  ".join(f"{status_word(s)} {view.counts[s]}" for s in Status)
    overall = f"{view.done}/{view.total} {round(view.completion * 100):>3}%"
    out.write(
        out.style(t("status.overall"), "bold")
        + "  "
        + bar(view.completion, bar_cells, out)
        + " "
        + overall
    )
    extra = f"  {overdue_mark} {view.overdue}" if view.overdue else ""
    behind = view.behind()
    lag = f"  {t('standing.behind')} {behind}" if behind else ""
    out.write(
        counts
        + (out.style(extra, "red") if extra else "")
        + (out.style(lag, "yellow") if lag else "")
    )
    if view.unexplained:
        numbers = ", ".join(str(number) for number in view.unexplained)
        out.write(out.style(t("history.unexplained_items", numbers=numbers), "yellow"))


def render_item(
    plan: Plan,
    section_index: int,
    item: Item,
    today: Any,
    out: Stream,
    schedule: Schedule,
    unexplained: tuple[str, ...] = (),
    as_of: bool = False,
) -> None:
    cells = max(terminal_width(), 40) - 2
    if as_of:
        out.write(out.style(t("status.as_of", date=today.isoformat()), "dim"))
    section_title = visible(plan.sections[section_index].title)
    out.write(out.style(f"{section_numeral(section_index)}、{section_title}", "dim"))
    out.write(out.style(f"{item.number}. {visible(item.title)}", "bold"))
    out.write()
    for text_line in wrap(visible(item.text), cells):
        out.write(text_line)
    out.write()
    status = item.current_status
    due = item.due.isoformat() if item.due else "—"
    if item.is_overdue(today):
        due = f"{due} " + out.style(t("status.overdue"), "red")
    fields = [
        (t("col.owner"), visible(item.owner or "—")),
        (t("col.status"), out.style(status_word(status), *STATUS_STYLE[status])),
        (t("col.progress"), f"{item.progress}%" if item.progress is not None else "—"),
        (t("col.due"), due),
        (t("col.schedule"), out.style(standing_word(schedule), *standing_style(schedule))),
    ]
    if schedule.expected is not None:
        fields.append((t("col.expected"), f"{schedule.expected}%"))
    if unexplained:
        names = ", ".join(_field_label(name) for name in unexplained)
        fields.append((t("history.unexplained"), out.style(names, "yellow")))
    label_width = max(width(label) for label, _ in fields)
    for label, value in fields:
        out.write(f"{pad(label, label_width)}  {value}")
    out.write()
    out.write(out.style(t("col.log"), "bold"))
    if not item.log:
        out.write("  " + t("log.empty"))
    for entry in item.log or []:
        changes = describe_changes(entry.changes or {})
        parts = [entry.date.isoformat(), visible(entry.by)]
        if changes:
            parts.append(changes)
        if entry.note:
            parts.append(visible(entry.note))
        out.write("  " + "  ".join(parts))


def describe_changes(changes: Mapping[str, tuple[Any, Any]]) -> str:
    """`owner: — → 纪检委员; status: doing → done`, field names and status words in the
    user's language (the ledger in the file always keeps the plan's own words)."""
    return "; ".join(
        f"{_field_label(name)}: {_value(name, old)} → {_value(name, new)}"
        for name, (old, new) in changes.items()
    )


def _field_label(name: str) -> str:
    return t("field." + name) if "field." + name in CATALOGUE else name


def _value(field: str, value: Any) -> str:
    if value is None:
        return "—"
    if field == "status":
        status = value if isinstance(value, Status) else parse_status(str(value))
        if status is not None:
            return status_word(status)
    return visible(str(value))


def item_json(
    plan: Plan,
    section_index: int,
    item: Item,
    today: Any,
    schedule: Schedule,
    unexplained: tuple[str, ...] = (),
) -> dict[str, Any]:
    return item_record(item, section_index, plan, today, schedule, unexplained)
