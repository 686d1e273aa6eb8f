"""Time `plantrack assign` as whole processes and write the figures to benchmarks/results/edit.txt.

Two budgets:

* `plantrack assign 14 --to 纪检委员` on plans/2022.yaml within 1.25x the floor
  (benchmarks/floor.py, a hello-world of the same stack), run side by side;
* the same command on a generated 10,000-item plan in under 1 s.

Every run writes: the plan is restored from a pristine copy before each one (outside
the timing), so each run really reads, edits, checks and writes the file. Modules run
from cached bytecode, as they do once installed, even when PYTHONDONTWRITEBYTECODE is set.

    python benchmarks/bench_edit.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "plans" / "2022.yaml"
FLOOR_BUDGET = 1.25
LARGE_BUDGET = 1.0  # seconds
LARGE_ITEMS = 10_000


def timed(command: list[str], env: dict[str, str], restore: tuple[Path, Path] | None) -> float:
    if restore is not None:
        shutil.copyfile(*restore)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def large_plan(path: Path) -> None:
    """A plan of LARGE_ITEMS items: the seed's sections and texts, repeated."""
    seed = SEED.read_text(encoding="utf-8")
    head, _, body = seed.partition("sections:\n")
    texts = [
        line.split("text: ", 1)[1]
        for line in body.splitlines()
        if line.startswith("        text: ")
    ]
    lines = [head.rstrip("\n"), "sections:"]
    per_section = LARGE_ITEMS // 10
    number = 0
    for section in range(10):
        lines += [f"  - title: 第{section + 1}部分的工作要点", "    items:"]
        for _ in range(per_section):
            number += 1
            lines += [
                f"      - number: {number}",
                f"        title: 第{number}项工作",
                f"        text: {texts[number % len(texts)]}",
            ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    env = {**os.environ, "PLANTRACK_LANG": "en", "PLANTRACK_TODAY": "2022-03-15"}
    env.pop("PLANTRACK_PLAN", None)
    # As installed for users: modules run from their cached bytecode (pip compiles it at
    # install; the warm-up runs write it for an editable install).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        plan, pristine = work / "2022.yaml", work / "pristine.yaml"
        shutil.copyfile(SEED, pristine)
        large, large_pristine = work / "large" / "2022.yaml", work / "large-pristine.yaml"
        large.parent.mkdir()
        large_plan(large_pristine)
        assign = [python, "-m", "plantrack", "assign", "--to", "纪检委员", "--by", "李明"]
        floor_cmd = [python, str(HERE / "floor.py"), "--name", "plantrack"]
        seed_cmd = [*assign, "14", "--plan", str(plan)]
        large_cmd = [*assign, str(LARGE_ITEMS // 2), "--plan", str(large)]
        show_cmd = [python, "-m", "plantrack", "show", "14", "--plan", str(plan)]
        for _ in range(3):  # warm the file cache and .pyc files
            timed(floor_cmd, env, None)
            timed(seed_cmd, env, (pristine, plan))
            timed(large_cmd, env, (large_pristine, large))
            timed(show_cmd, env, None)
        floor, seed, big, show = [], [], [], []
        for _ in range(args.runs):  # side by side, so drift hits both alike
            floor.append(timed(floor_cmd, env, None))
            seed.append(timed(seed_cmd, env, (pristine, plan)))
            big.append(timed(large_cmd, env, (large_pristine, large)))
            show.append(timed(show_cmd, env, (pristine, plan)))
        large_size = large_pristine.stat().st_size

    floor_ms = statistics.median(floor) * 1000
    seed_ms = statistics.median(seed) * 1000
    big_ms = statistics.median(big) * 1000
    show_ms = statistics.median(show) * 1000
    ratio = seed_ms / floor_ms
    lines = [
        "plantrack assign: whole processes, medians of "
        f"{args.runs} runs side by side (after 3 warm-up runs)",
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs,"
        f" Python {platform.python_version()}",
        "",
        f"floor (benchmarks/floor.py --name plantrack)      {floor_ms:7.1f} ms",
        f"assign 14 --to 纪检委员 on plans/2022.yaml          {seed_ms:7.1f} ms"
        f"  = {ratio:.2f}x floor (budget {FLOOR_BUDGET}x)"
        f"  {'ok' if ratio <= FLOOR_BUDGET else 'OVER BUDGET'}",
        f"show 14 on plans/2022.yaml (read-only reference)   {show_ms:7.1f} ms"
        f"  = {show_ms / floor_ms:.2f}x floor",
        f"assign {LARGE_ITEMS // 2} on a {LARGE_ITEMS:,}-item plan ({large_size / 2**20:.1f} MB)"
        f"  {big_ms:7.1f} ms  (budget {LARGE_BUDGET * 1000:.0f} ms)"
        f"  {'ok' if big_ms < LARGE_BUDGET * 1000 else 'OVER BUDGET'}",
    ]
    report = "\n".join(lines) + "\n"
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "edit.txt").write_text(report, encoding="utf-8")
    print(report, end="")
    return 0 if ratio <= FLOOR_BUDGET and big_ms < LARGE_BUDGET * 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
