"""The benchmark's results as Markdown: figures per group, cost per item, ratios and budgets."""

from __future__ import annotations

import re
import statistics
from typing import Any

MB = 2**20
BIG = "10,000 items"
SEED = "plans/2022.yaml"


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def spread(values: list[float]) -> float | None:
    """The interquartile range: how far the middle half of the rounds lies apart."""
    if len(values) < 2:
        return None
    quartiles = statistics.quantiles(values, n=4, method="inclusive")
    return quartiles[2] - quartiles[0]


def _ms(seconds: float | None) -> str:
    return (
        "–"
        if seconds is None
        else f"{seconds * 1000:,.0f}"
        if seconds >= 0.1
        else f"{seconds * 1000:.1f}"
    )


def key(name: str) -> str:
    """A command's name with its item number taken out, to follow it across plan sizes."""
    return re.sub(r"\b\d+\b", "N", name)


class Figures:
    def __init__(self, groups: list[tuple[str, list[Any], int]]) -> None:
        self.cases = {(case.group, case.name): case for _, cases, _ in groups for case in cases}
        self.by_key = {
            (case.group, key(case.name)): case for _, cases, _ in groups for case in cases
        }

    def time(self, group: str, name: str) -> float | None:
        case = self.by_key.get((group, key(name)))
        return median(case.seconds) if case is not None else None

    def peak(self, group: str, name: str) -> float | None:
        case = self.by_key.get((group, key(name)))
        return max(case.peak) / MB if case is not None and case.peak else None


def fit(points: list[tuple[int, float]]) -> tuple[float, float, float] | None:
    """Least squares of seconds = fixed + per_item × items: (per_item, fixed, R²)."""
    if len(points) < 2:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    fixed = my - slope * mx
    total = sum((y - my) ** 2 for y in ys)
    residual = sum((y - fixed - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
    return slope, fixed, 1 - residual / total if total else 1.0


def cost_table(
    groups: list[tuple[str, list[Any], int]], plan_bytes: dict[int, int]
) -> tuple[list[str], dict[str, float]]:
    sized = [(name, cases) for name, cases, _ in groups if name.endswith(" items")]
    per_item: dict[str, float] = {}
    if len(sized) < 2:
        return ["(one plan size only: no fit)"], per_item
    names = list(
        dict.fromkeys(key(c.name) for _, cases in sized for c in cases if c.kind != "floor")
    )
    largest = max(c.items for _, cases in sized for c in cases if c.items)
    lines = [
        f"| command | µs per item | fixed ms | R² | peak MB at {largest:,} | peak ÷ file size |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name in names:
        points, peaks = [], {}
        for _, cases in sized:
            for case in cases:
                if key(case.name) == name and case.seconds and case.items:
                    points.append((case.items, statistics.median(case.seconds)))
                    if case.peak:
                        peaks[case.items] = max(case.peak)
        line = fit(points)
        if line is None:
            continue
        slope, fixed, r2 = line
        per_item[name] = slope
        peak = peaks.get(largest)
        ratio = f"{peak / plan_bytes[largest]:.1f}×" if peak and largest in plan_bytes else "–"
        lines.append(
            f"| {name} | {slope * 1e6:.1f} | {fixed * 1000:.0f} | {r2:.3f} | "
            f"{'–' if peak is None else f'{peak / MB:.0f}'} | {ratio} |"
        )
    return lines, per_item


def budgets(
    figures: Figures, per_item: dict[str, float], extra: set[str]
) -> list[tuple[str, float | None, float, str]]:
    """(what, measured, limit, unit): the budgets this benchmark judges, and the earlier ones kept."""
    t, p = figures.time, figures.peak
    rows: list[tuple[str, float | None, float, str]] = []

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    big = [
        ("status --format json", 1.0),
        ("status", 1.2),
        ("show N", 0.8),
        ("assign N", 1.5),
        ("note N", 1.5),
        ("lint", 1.2),
    ]
    big += [(command, 1.5) for command in ("report", "export") if command in extra]
    for name, limit in big:
        rows.append((f"10,000 items, first run: `{name}`", t(BIG, name), limit, "s"))
    rows.append(
        (
            "10,000 items, again: `status --format json` ÷ `task export`",
            ratio(t(BIG, "status --format json (again)"), t(BIG, "task export")),
            1.0,
            "×",
        )
    )
    rows.append(
        (
            "10,000 items, again: `status` ÷ `task list`",
            ratio(t(BIG, "status (again)"), t(BIG, "task list")),
            1.0,
            "×",
        )
    )
    reads = [
        "status",
        "status --format json",
        "show N",
        "lint",
        *(c for c in ("report", "export") if c in extra),
    ]
    for name in reads:
        rows.append((f"peak memory at 10,000 items: `{name}`", p(BIG, name), 150, "MB"))
    for name in ("assign N", "note N"):
        rows.append((f"peak memory at 10,000 items: `{name}`", p(BIG, name), 200, "MB"))
    read_costs = [per_item[n] * 1e6 for n in reads if n in per_item]
    write_costs = [per_item[n] * 1e6 for n in ("assign N", "note N") if n in per_item]
    rows.append(
        (
            "cost per item, reads (the slowest read)",
            max(read_costs) if read_costs else None,
            80,
            "µs",
        )
    )
    rows.append(
        (
            "cost per item, writes (the slowest write)",
            max(write_costs) if write_costs else None,
            120,
            "µs",
        )
    )
    naive, hello = t(SEED, "naive-stack floor"), t(SEED, "hello-world floor")
    for name, limit in (
        ("status", 1.0),
        ("show 14", 1.0),
        ("assign 14", 1.1),
        ("--version", 0.3),
        ("--help", 1.0),
    ):
        rows.append(
            (
                f"plans/2022.yaml: `{name}` ÷ naive-stack floor",
                ratio(t(SEED, name), naive),
                limit,
                "×",
            )
        )
    lint_group = next((g for (g, _) in figures.cases if g.startswith("lint of")), "")
    lint_time = next(
        (
            median(c.seconds)
            for (g, _), c in figures.cases.items()
            if g == lint_group and c.name.startswith("plantrack lint")
        ),
        None,
    )
    yamllint = figures.time(lint_group, "yamllint -d relaxed")
    rows.append(
        (f"{lint_group}: plantrack ÷ `yamllint -d relaxed`", ratio(lint_time, yamllint), 0.06, "×")
    )
    # The budgets of the scripts this harness replaced, kept so that nothing slips back.
    for name, limit in (
        ("status", 1.15),
        ("show 14", 1.15),
        ("--version", 1.0),
        ("--help", 1.0),
        ("assign 14", 1.25),
    ):
        rows.append(
            (
                f"earlier: plans/2022.yaml `{name}` ÷ hello-world floor",
                ratio(t(SEED, name), hello),
                limit,
                "×",
            )
        )
    rows.append(
        (
            "earlier: 10,000 items `assign N` (then on a plan without tracking fields)",
            t(BIG, "assign N"),
            1.0,
            "s",
        )
    )
    rows.append((f"earlier: {lint_group}: plantrack lint", lint_time, 2.0, "s"))
    rows.append(
        (f"earlier: {lint_group}: plantrack ÷ yamllint", ratio(lint_time, yamllint), 0.15, "×")
    )
    hostile = [
        median(c.seconds)
        for (g, _), c in figures.cases.items()
        if g == "hostile files" and c.seconds
    ]
    rows.append(
        (
            "earlier: each hostile file's clear error (the slowest)",
            max(hostile) if hostile else None,
            1.0,
            "s",
        )
    )
    return rows


def render(
    groups: list[tuple[str, list[Any], int]],
    machine: str,
    versions: dict[str, str],
    notes: list[str],
    when: str,
    elapsed: float,
    judge: bool,
    plan_bytes: dict[int, int],
    extra: set[str],
) -> str:
    lines = [
        "# plantrack benchmark results",
        "",
        f"Written by `python benchmarks/run.py` on {when} ({elapsed:.0f} s).",
        "",
        f"- machine: {machine}",
        "- versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()),
        "- whole processes; each round runs every case of its group once, in a shuffled order;"
        " median and interquartile range (IQR) over the rounds, after one warm-up run;"
        " peak memory is the child's own maximum resident set",
        "- plans generated like plans/2022.yaml, every item with owner, status, progress, due"
        " and 2–3 ledger entries: "
        + ", ".join(f"{n:,} items = {b / MB:.2f} MB" for n, b in sorted(plan_bytes.items())),
        "- first run: an empty cache folder before every run; again: the plan unchanged since a first run",
    ]
    lines += [f"- {note}" for note in notes]
    for name, cases, rounds in groups:
        lines += [
            "",
            f"## {name} ({rounds} rounds)",
            "",
            "| case | median ms | IQR ms | min ms | max ms | peak MB |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        for case in cases:
            if case.failure:
                lines.append(
                    f"| {case.name} | FAILED: {case.failure.splitlines()[0][:80]} | | | | |"
                )
                continue
            peak = f"{max(case.peak) / MB:.0f}" if case.peak else "–"
            lines.append(
                f"| {case.name} | {_ms(median(case.seconds))} | {_ms(spread(case.seconds))} | "
                f"{_ms(min(case.seconds, default=None))} | {_ms(max(case.seconds, default=None))} | {peak} |"
            )
    cost, per_item = cost_table(groups, plan_bytes)
    lines += ["", "## Cost per item (least squares over the plan sizes)", "", *cost]
    figures = Figures(groups)
    lines += ["", "## Budgets", ""]
    if not judge:
        lines.append("(quick mode: figures from one round; nothing is judged)")
    lines += ["| budget | measured | limit | verdict |", "|---|--:|--:|---|"]
    for what, measured, limit, unit in budgets(figures, per_item, extra):
        shown = (
            "–"
            if measured is None
            else f"{measured:.2f} {unit}"
            if unit in ("s", "×")
            else f"{measured:.0f} {unit}"
        )
        verdict = "not measured" if measured is None else "ok" if measured <= limit else "over"
        if not judge:
            verdict = "–"
        lines.append(f"| {what} | {shown} | {limit:g} {unit} | {verdict} |")
    return "\n".join(lines) + "\n"
