"""Start-up of plantrack's read-only commands against the floor, as whole processes.

The floor (benchmarks/floor.py) is a hello-world of the same stack: typer, rich,
pydantic and yaml imported, one typer command taking one option. Each command is
run in rounds with the floor (floor, then each command, once a round), and the
medians compared:

    --version and --help:                  at most 1.00x the floor
    status and show 14 on plans/2022.yaml: reported; they draw rich tables, and their
                                           budget is against the naive floor that draws
                                           one too (benchmarks/against_naive.py)

Usage: python benchmarks/startup.py [--runs N]. Prints a table and writes it to
benchmarks/results/startup.txt. Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2022.yaml"
FLOOR = [sys.executable, str(ROOT / "benchmarks" / "floor.py"), "--name", "plantrack"]


def plantrack_command() -> list[str]:
    script = Path(sys.executable).with_name("plantrack.exe" if os.name == "nt" else "plantrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plantrack"]


CASES: list[tuple[str, list[str], float | None]] = [
    ("status", ["status", "--plan", str(PLAN)], None),
    ("show 14", ["show", "14", "--plan", str(PLAN)], None),
    ("--version", ["--version"], 1.00),
    ("--help", ["--help"], 1.00),
]


# An installed package runs from compiled bytecode; let the runs cache it as an install would.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    env_note = (
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
    )
    command = plantrack_command()
    for argv in (FLOOR, command + CASES[0][1]):  # warm the file and bytecode caches
        run(argv)
    lines = [f"start-up, median of {args.runs} rounds ({env_note})", ""]
    lines.append(f"{'command':<12} {'plantrack':>10} {'floor':>8} {'ratio':>6} {'budget':>7}")
    failed = False
    # Round-robin: every round runs the floor and then each command once, so that a slow
    # spell of the machine weighs on the floor and the commands alike.
    floor: list[float] = []
    ours: dict[str, list[float]] = {name: [] for name, _, _ in CASES}
    for _ in range(args.runs):
        floor.append(run(FLOOR))
        for name, extra, _ in CASES:
            ours[name].append(run(command + extra))
    base = statistics.median(floor)
    for name, _, budget in CASES:
        mine = statistics.median(ours[name])
        ratio = mine / base
        if budget is None:
            limit, verdict = "     —", ""
        else:
            limit, verdict = f"{budget:>6.2f}x", "ok" if ratio <= budget else "OVER"
            failed |= ratio > budget
        lines.append(
            f"{name:<12} {mine * 1000:>8.1f}ms {base * 1000:>6.1f}ms {ratio:>6.2f} {limit} {verdict}"
        )
    report = "\n".join(lines)
    print(report)
    out = ROOT / "benchmarks" / "results" / "startup.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
