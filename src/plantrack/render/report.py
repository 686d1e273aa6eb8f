"""A period report as blocks (for the terminal, Markdown and Word) and as its JSON contract."""

from __future__ import annotations

from typing import Any

from plantrack.i18n import t
from plantrack.model import Status
from plantrack.numerals import chinese_numeral
from plantrack.render.blocks import Block, Bullet, Grid, Heading, Paragraph, Title
from plantrack.reports.period_report import ItemLine, PlanReport, Report, SectionLine, Tally
from plantrack.summary import ledger_record


def percent(fraction: float) -> str:
    return f"{fraction * 100:.1f}%"


def _status_word(status: Status) -> str:
    return t("status." + status.value)


def report_blocks(report: Report) -> list[Block]:
    period = report.period
    span = t("report.span", since=period.since.isoformat(), until=period.until.isoformat())
    if len(report.plans) == 1:
        plan = report.plans[0]
        blocks: list[Block] = [Title(t("report.title", title=plan.title, period=period.name))]
        blocks.append(Paragraph(_as_of_line(span, plan)))
        blocks += _plan_blocks(plan, level=1)
        return blocks
    blocks = [Title(t("report.title_many", plans=len(report.plans), period=period.name))]
    blocks.append(Paragraph(span))
    blocks.append(Heading(_numbered(0, 1, t("report.total")), 1))
    blocks += _tally_blocks(report.total)
    blocks.append(
        Grid(
            [
                t("report.col_plan"),
                t("report.col_items"),
                t("report.col_done"),
                t("col.completion"),
            ],
            [
                [
                    p.title,
                    str(p.tally.items),
                    str(p.tally.counts[Status.DONE]),
                    percent(p.tally.completion),
                ]
                for p in report.plans
            ],
            frozenset({1, 2, 3}),
        )
    )
    for index, plan in enumerate(report.plans, start=1):
        blocks.append(Heading(_numbered(index, 1, plan.title), 1))
        blocks.append(Paragraph(_as_of_line(plan.path, plan)))
        blocks += _plan_blocks(plan, level=2)
    return blocks


def _as_of_line(prefix: str, plan: PlanReport) -> str:
    return f"{prefix}{t('report.as_of', date=plan.day.isoformat())}"


def _numbered(index: int, level: int, text: str) -> str:
    numeral = chinese_numeral(index + 1)
    return f"{numeral}、{text}" if level == 1 else f"（{numeral}）{text}"


def _plan_blocks(plan: PlanReport, level: int) -> list[Block]:
    parts: list[tuple[str, list[Block]]] = [
        (t("report.overall"), _tally_blocks(plan.tally)),
        (t("report.sections"), _sections_grid(plan)),
        (t("report.completed"), _completed(plan.completed)),
        (t("report.in_progress"), _in_progress(plan.in_progress)),
        (t("report.lagging"), _lagging(plan.lagging)),
        (t("report.blocked"), _blocked(plan.blocked)),
        (t("report.owners"), [_owners_grid(plan)]),
        (
            t("report.changes"),
            [
                Paragraph(
                    t("report.changes_line", entries=plan.tally.entries, items=plan.tally.touched)
                )
            ],
        ),
    ]
    blocks: list[Block] = []
    for index, (heading, body) in enumerate(parts):
        blocks.append(Heading(_numbered(index, level, heading), level))
        blocks += body
    if plan.unexplained:
        names = "; ".join(
            f"{number} ({', '.join(t('field.' + name) for name in fields)})"
            for number, fields in plan.unexplained.items()
        )
        blocks.append(Paragraph(t("report.unexplained", items=names), warning=True))
    return blocks


def _tally_blocks(tally: Tally) -> list[Block]:
    line = t(
        "report.overall_line",
        items=tally.items,
        done=tally.counts[Status.DONE],
        done_share=percent(tally.share(tally.counts[Status.DONE])),
        completion=percent(tally.completion),
        behind=tally.behind,
        overdue=tally.overdue,
    )
    rows = [
        [
            _status_word(status),
            str(tally.counts[status]),
            percent(tally.share(tally.counts[status])),
        ]
        for status in Status
    ]
    rows.append([t("standing.behind"), str(tally.behind), percent(tally.share(tally.behind))])
    rows.append([t("standing.overdue"), str(tally.overdue), percent(tally.share(tally.overdue))])
    headers = [t("col.status"), t("report.col_items"), t("report.col_share")]
    return [Paragraph(line), Grid(headers, rows, frozenset({1, 2}))]


def _sections_grid(plan: PlanReport) -> list[Block]:
    headers = [
        t("report.col_section"),
        t("report.col_items"),
        t("report.col_done"),
        t("col.completion"),
    ]
    rows = []
    for section in plan.sections:
        # A flat plan's one section is the whole plan: only its sub-sections have a row.
        lines = [section] if section.title is not None else []
        for line in [*lines, *section.subsections]:
            name = f"{line.numeral}{line.title}"
            if line in lines:
                name = f"{line.numeral}、{line.title}"
            elif lines:
                name = "  " + name
            rows.append([name, str(line.items), str(line.done), percent(line.completion)])
    # A flat plan without sub-sections has no row: the overall figures say it all.
    return [Grid(headers, rows, frozenset({1, 2, 3}))] if rows else _none()


def _owners_grid(plan: PlanReport) -> Grid:
    headers = [
        t("col.owner"),
        t("report.col_items"),
        t("report.col_done"),
        t("report.col_behind"),
        t("col.completion"),
        t("report.col_co_owned"),
    ]
    rows = [
        [
            o.owner or t("report.unassigned"),
            str(o.items),
            str(o.done),
            str(o.behind),
            percent(o.completion) if o.items else "—",
            str(o.co_owned),
        ]
        for o in plan.owners
    ]
    return Grid(headers, rows, frozenset({1, 2, 3, 4, 5}))


def _name(line: ItemLine) -> str:
    owner = f"（{line.owner}）" if line.owner else ""
    return f"{line.number}. {line.title}{owner}"


def _none() -> list[Block]:
    return [Paragraph(t("report.none"))]


def _completed(lines: list[ItemLine]) -> list[Block]:
    blocks: list[Block] = []
    for line in lines:
        blocks.append(Bullet(_name(line)))
        blocks += [Bullet(f"{e.date.isoformat()} {e.note}", level=2) for e in line.evidence]
        if not line.evidence:
            blocks.append(Bullet(t("report.no_evidence"), warning=True, level=2))
    return blocks or _none()


def _latest(line: ItemLine) -> str:
    entry = line.latest
    if entry is None:
        return t("report.no_entry")
    return f"{entry.date.isoformat()} {entry.note or t('report.no_note')}"


def _in_progress(lines: list[ItemLine]) -> list[Block]:
    return [
        Bullet(
            t(
                "report.progress_line",
                item=_name(line),
                progress=line.completion,
                latest=_latest(line),
            )
        )
        for line in lines
    ] or _none()


def _lagging(lines: list[ItemLine]) -> list[Block]:
    blocks: list[Block] = []
    for line in lines:
        if line.days_late is not None:
            where = t("report.overdue_by", days=line.days_late, due=_iso(line))
        else:
            where = t("report.behind_by", progress=line.completion, expected=line.schedule.expected)
        reason = line.reason or t("report.no_reason")
        blocks.append(Bullet(f"{_name(line)}: {where}; {reason}", warning=line.reason is None))
    return blocks or _none()


def _blocked(lines: list[ItemLine]) -> list[Block]:
    return [
        Bullet(
            f"{_name(line)}: {line.reason or t('report.no_reason')}", warning=line.reason is None
        )
        for line in lines
    ] or _none()


def _iso(line: ItemLine) -> str:
    return line.due.isoformat() if line.due else "—"


# --------------------------------------------------------------------------- JSON


def report_json(report: Report) -> dict[str, Any]:
    return {
        "period": {
            "name": report.period.name,
            "since": report.period.since.isoformat(),
            "until": report.period.until.isoformat(),
        },
        "today": report.today.isoformat(),
        "total": _tally_json(report.total),
        "plans": [_plan_json(plan) for plan in report.plans],
    }


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "items": tally.items,
        **{status.value: tally.counts[status] for status in Status},
        "behind": tally.behind,
        "overdue": tally.overdue,
        "completion": round(tally.completion * 100, 1),
        "entries": tally.entries,
        "items_touched": tally.touched,
    }


def _plan_json(plan: PlanReport) -> dict[str, Any]:
    return {
        "path": plan.path,
        "title": plan.title,
        "year": plan.year,
        "as_of": plan.day.isoformat(),
        "summary": _tally_json(plan.tally),
        "sections": [
            {
                "section": s.numeral,
                **_section_json(s),
                "subsections": [
                    {"subsection": part.numeral, **_section_json(part), "item": part.item}
                    for part in s.subsections
                ],
            }
            for s in plan.sections
        ],
        "completed": [_line_json(line) for line in plan.completed],
        "in_progress": [_line_json(line) for line in plan.in_progress],
        "lagging": [_line_json(line) for line in plan.lagging],
        "blocked": [_line_json(line) for line in plan.blocked],
        "owners": [
            {
                "owner": o.owner,
                "items": o.items,
                "done": o.done,
                "behind": o.behind,
                "completion": round(o.completion * 100, 1),
                "co_owned": o.co_owned,
            }
            for o in plan.owners
        ],
        "unexplained": {str(n): list(fields) for n, fields in plan.unexplained.items()},
    }


def _section_json(line: SectionLine) -> dict[str, Any]:
    return {
        "title": line.title,
        "items": line.items,
        "done": line.done,
        "completion": round(line.completion * 100, 1),
    }


def _line_json(line: ItemLine) -> dict[str, Any]:
    latest = line.latest
    return {
        "number": line.number,
        "section": line.section,
        "subsection": line.subsection,
        "title": line.title,
        "owner": line.owner,
        "status": line.status.value,
        "completion": line.completion,
        "due": line.due.isoformat() if line.due else None,
        "expected": line.schedule.expected,
        "standing": line.schedule.standing.value if line.schedule.standing else None,
        "days_late": line.days_late,
        "reason": line.reason,
        "latest": ledger_record(latest) if latest else None,
        "evidence": [ledger_record(entry) for entry in line.evidence],
    }
