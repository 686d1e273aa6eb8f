"""status, show 14 and --help against the naive floor, as whole processes in one interleaved run.

The naive floor (benchmarks/floor_naive.py) does status's job the obvious way on the same
stack. Every round runs the floor and then each command once, so a slow spell of the
machine weighs on all alike; the medians are compared, each budget 1.0x the floor.
Output goes to a pipe, as when status is piped to grep; `--tty` runs them all under a
pseudo-terminal instead (POSIX), where colour is on.

Usage: python benchmarks/against_naive.py [--runs N] [--tty]. Prints a table and writes
it to benchmarks/results/naive.txt. Exits 1 when a budget is exceeded.
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
FLOOR = [sys.executable, str(ROOT / "benchmarks" / "floor_naive.py"), str(PLAN)]
BUDGET = 1.0
CASES = [
    ("status", ["status", "--plan", str(PLAN)]),
    ("show 14", ["show", "14", "--plan", str(PLAN)]),
    ("--help", ["--help"]),
]
# An installed package runs from compiled bytecode; let the runs cache it as an install would.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV.setdefault("COLUMNS", "100")


def plantrack_command() -> list[str]:
    script = Path(sys.executable).with_name("plantrack.exe" if os.name == "nt" else "plantrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plantrack"]


def run(argv: list[str], tty: bool) -> float:
    start = time.perf_counter()
    if tty:
        import pty

        # pty.spawn copies the child's output to ours; send it to the null device instead.
        with open(os.devnull, "wb") as null:
            saved = os.dup(1)
            os.dup2(null.fileno(), 1)
            try:
                pty.spawn(argv, lambda fd: os.read(fd, 65536))
            finally:
                os.dup2(saved, 1)
                os.close(saved)
    else:
        subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--tty", action="store_true")
    args = parser.parse_args()
    if args.tty:
        os.environ.clear()
        os.environ.update(ENV)
    command = plantrack_command()
    for argv in (FLOOR, *(command + extra for _, extra in CASES)):  # warm the caches
        run(argv, args.tty)
    floor: list[float] = []
    ours: dict[str, list[float]] = {name: [] for name, _ in CASES}
    for _ in range(args.runs):
        floor.append(run(FLOOR, args.tty))
        for name, extra in CASES:
            ours[name].append(run(command + extra, args.tty))
    base = statistics.median(floor)
    where = "a pseudo-terminal" if args.tty else "a pipe"
    lines = [
        f"against the naive floor, median of {args.runs} interleaved rounds, output to {where}",
        f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores)",
        "",
        f"{'command':<10} {'plantrack':>10} {'floor':>8} {'ratio':>6} {'budget':>7}",
    ]
    failed = False
    for name, _ in CASES:
        mine = statistics.median(ours[name])
        ratio = mine / base
        failed |= ratio > BUDGET
        lines.append(
            f"{name:<10} {mine * 1000:>8.1f}ms {base * 1000:>6.1f}ms {ratio:>6.2f} "
            f"{BUDGET:>6.2f}x {'ok' if ratio <= BUDGET else 'OVER'}"
        )
    report = "\n".join(lines)
    print(report)
    name = "naive-tty.txt" if args.tty else "naive.txt"
    out = ROOT / "benchmarks" / "results" / name
    out.parent.mkdir(exist_ok=True)
    out.write_text(report + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
