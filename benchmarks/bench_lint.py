"""Speed of `plantrack lint`, as whole processes.

    1,000 copies of plans/2022.yaml in one process:  under 2 s, and at most 0.15x
                                                     `yamllint -d relaxed` on the same files
    each hostile file (50 MB, 30,000 nested brackets, alias bomb, NUL bytes, junk,
    empty, comments only, a top-level list or string):  its clear error in under 1 s

yamllint is a benchmark-only tool, not a dependency of plantrack; without it the
comparison is skipped with a message and the other figures are still measured.

Usage: python benchmarks/bench_lint.py [--runs N]. Prints a table and writes it to
benchmarks/results/lint.txt. Exits 1 when a budget is exceeded.
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

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2022.yaml"
RESULTS = ROOT / "benchmarks" / "results" / "lint.txt"
COPIES = 1000
BUDGET_SECONDS = 2.0
BUDGET_RATIO = 0.15
HOSTILE_BUDGET = 1.0

# An installed package runs from compiled bytecode; let the runs cache it as an install would.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV.update(PLANTRACK_LANG="en", NO_COLOR="1")


def tool(name: str) -> list[str] | None:
    """The console script `name` next to this Python, else on PATH."""
    script = Path(sys.executable).with_name(name + (".exe" if os.name == "nt" else ""))
    if script.exists():
        return [str(script)]
    found = shutil.which(name)
    return [found] if found else None


def run(argv: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=ENV)
    return time.perf_counter() - start, done


def hostile_files(folder: Path) -> list[tuple[str, Path]]:
    def write(name: str, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    huge = folder / "huge.yaml"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 2**20)
    bomb = [b"title: x", b"year: 2022", b"sections: []", b"a0: &a0 [lol, lol, lol, lol]"]
    for level in range(1, 10):
        aliases = b", ".join(b"*a%d" % (level - 1) for _ in range(10))
        bomb.append(b"a%d: &a%d [%s]" % (level, level, aliases))
    return [
        ("50 MB file", huge),
        ("30,000 nested brackets", write("deep.yaml", b"a: " + b"[" * 30_000 + b"]" * 30_000)),
        (
            "3,000 nested mappings",
            write("deep2.yaml", b"".join(b" " * i + b"a:\n" for i in range(3000))),
        ),
        ("alias bomb", write("bomb.yaml", b"\n".join(bomb) + b"\n")),
        ("recursive alias", write("recursive.yaml", b"sections: &s [*s]\n")),
        ("NUL bytes", write("nul.yaml", b"title: x\x00\n" * 1000)),
        ("binary junk", write("junk.yaml", os.urandom(1_000_000))),
        ("empty file", write("empty.yaml", b"")),
        ("comments only", write("comments.yaml", b"# nothing here\n" * 1000)),
        ("top-level list", write("list.yaml", b"- a\n- b\n")),
        ("top-level string", write("string.yaml", b"just text\n")),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    plantrack = tool("plantrack") or [sys.executable, "-m", "plantrack"]
    yamllint = tool("yamllint")
    env_note = (
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
    )
    lines = [f"plantrack lint, median of {args.runs} runs ({env_note})", ""]
    failed = False
    with tempfile.TemporaryDirectory() as temporary:
        copies = Path(temporary) / "copies"
        copies.mkdir()
        for n in range(COPIES):
            shutil.copyfile(PLAN, copies / f"{n:04}.yaml")
        lint = [*plantrack, "lint", str(copies)]
        run(lint)  # warm the file and bytecode caches
        ours = []
        for _ in range(args.runs):
            seconds, done = run(lint)
            if done.returncode != 0:
                print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
                return 1
            ours.append(seconds)
        mine = statistics.median(ours)
        verdict = "ok" if mine < BUDGET_SECONDS else "OVER"
        failed |= mine >= BUDGET_SECONDS
        lines.append(
            f"{COPIES} copies of plans/2022.yaml   plantrack lint {mine:6.2f} s"
            f"   budget {BUDGET_SECONDS:.2f} s  {verdict}"
        )
        if yamllint is None:
            lines.append(
                "yamllint is not installed: the comparison with yamllint -d relaxed is skipped"
                " (pip install yamllint to measure it)"
            )
        else:
            theirs = []
            for _ in range(args.runs):
                seconds, _ = run([*yamllint, "-d", "relaxed", str(copies)])
                theirs.append(seconds)
            base = statistics.median(theirs)
            ratio = mine / base
            verdict = "ok" if ratio <= BUDGET_RATIO else "OVER"
            failed |= ratio > BUDGET_RATIO
            lines.append(
                f"{COPIES} copies of plans/2022.yaml   yamllint -d relaxed {base:6.2f} s"
                f"   ratio {ratio:.3f}x  budget {BUDGET_RATIO:.2f}x  {verdict}"
            )
        lines += ["", f"{'hostile file':<24} {'time':>8}  {'exit':>4}  finding"]
        hostile = Path(temporary) / "hostile"
        hostile.mkdir()
        for name, path in hostile_files(hostile):
            times = []
            for _ in range(args.runs):
                seconds, done = run([*plantrack, "lint", str(path)])
                times.append(seconds)
            seconds = statistics.median(times)
            findings = done.stdout.splitlines()
            codes = list(dict.fromkeys(line.split(" ")[2] for line in findings))
            finding = (
                findings[0].replace(str(path), path.name)
                if len(findings) == 1
                else f"{len(findings)} findings: {', '.join(codes)}"
            )
            clear = done.returncode == 1 and "Traceback" not in done.stderr
            over = seconds >= HOSTILE_BUDGET or not clear
            failed |= over
            lines.append(
                f"{name:<24} {seconds * 1000:6.0f}ms  {done.returncode:>4}  {finding[:110]}"
                + ("  OVER" if over else "")
            )
    report = "\n".join(lines)
    print(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
