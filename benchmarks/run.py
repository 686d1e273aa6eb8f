"""plantrack's benchmark: whole commands timed against their floors and a peer, in the same rounds.

    python benchmarks/run.py            the full run (a few minutes): plans of 19, 1,000 and
                                        10,000 items, a folder of 1,000 plans, hostile files;
                                        writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick    every case once on one small size, in seconds, to show
                                        that the harness and the commands still run; judges
                                        nothing and writes no results unless --out is given

Each round runs every case of a group once, in a shuffled order, so that the machine's drift
hits a command and its floors alike; the figures are medians over the rounds with their
spread. Peak memory is each child's own maximum resident set (wait4). Standard library only;
yamllint and Taskwarrior (`task`) are compared when installed, and the run says when not.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import generate
import report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED_PLAN = ROOT / "plans" / "2022.yaml"
PYTHON = sys.executable
FLOOR = str(HERE / "floor_naive.py")


@dataclass
class Case:
    """One command line, timed once a round; `prepare` runs before each run, outside the timing."""

    group: str
    name: str
    argv: list[str]
    kind: str  # read | write | floor | peer
    items: int | None = None
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[], None] | None = None
    expect: tuple[int, ...] = (0,)
    seconds: list[float] = field(default_factory=list)
    peak: list[int] = field(default_factory=list)
    failure: str | None = None
    again: bool = False  # a second run: primed once before the rounds, even in quick mode


def tool(name: str) -> str | None:
    """The program `name` next to this Python (a virtual environment's scripts), else on PATH."""
    beside = Path(PYTHON).with_name(name + (".exe" if os.name == "nt" else ""))
    return str(beside) if beside.exists() else shutil.which(name)


def base_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLANTRACK_", "TASK"))}
    # Installed, plantrack runs from compiled bytecode; a machine that forbids writing it
    # would time the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PLANTRACK_LANG="en",
        PLANTRACK_TODAY=generate.TODAY.isoformat(),
        NO_COLOR="1",
        # The cache folder is the benchmark's own: a user's cache is neither read nor filled.
        XDG_CACHE_HOME=str(cache),
        LOCALAPPDATA=str(cache),
    )
    return env


def _drain(stream: object, keep: list[bytes]) -> None:
    while True:
        chunk = stream.read(1 << 16)  # type: ignore[attr-defined]
        if not chunk:
            return
        if len(keep) < 4:
            keep.append(chunk)


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int | None, int, str]:
    """Seconds, peak resident bytes (None where the system cannot say), exit status, stderr."""
    out: list[bytes] = []
    err: list[bytes] = []
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Output goes to a pipe that is read as fast as it comes, as `| less` or `| jq` would.
    readers = [
        threading.Thread(target=_drain, args=(child.stdout, out)),
        threading.Thread(target=_drain, args=(child.stderr, err)),
    ]
    for reader in readers:
        reader.start()
    peak = None
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
        peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    else:  # pragma: no cover - Windows
        child.wait()
        seconds = time.perf_counter() - start
    for reader in readers:
        reader.join()
    child.stdout.close()  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    return seconds, peak, child.returncode, b"".join(err).decode("utf-8", "replace")


class Spawner:
    """Starts the timed processes from a small process of its own.

    On Linux a child's peak memory includes that of the process it was forked from, and
    this harness holds whole generated plans; a spawner started before them is small.
    """

    def __init__(self) -> None:
        self.child = subprocess.Popen(
            [PYTHON, __file__, "--spawner"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def run(self, argv: list[str], env: dict[str, str]) -> tuple[float, int | None, int, str]:
        assert self.child.stdin is not None and self.child.stdout is not None
        self.child.stdin.write(json.dumps([argv, env]) + "\n")
        self.child.stdin.flush()
        seconds, peak, code, err = json.loads(self.child.stdout.readline())
        return seconds, peak, code, err

    def close(self) -> None:
        assert self.child.stdin is not None
        self.child.stdin.close()
        self.child.wait()


def serve() -> int:
    """The spawner's side: one command line and environment a line in, its figures out."""
    for line in sys.stdin:
        argv, env = json.loads(line)
        print(json.dumps(run_once(argv, env)), flush=True)
    return 0


def measure(case: Case, spawner: Spawner, env: dict[str, str], record: bool) -> None:
    if case.failure:
        return
    if case.prepare is not None:
        case.prepare()
    seconds, peak, code, err = spawner.run(case.argv, {**env, **case.env})
    if code not in case.expect or "Traceback" in err:
        case.failure = f"exit {code}: {err.strip()[-600:]}"
        return
    if record:
        case.seconds.append(seconds)
        if peak is not None:
            case.peak.append(peak)


def run_group(
    cases: list[Case], spawner: Spawner, env: dict[str, str], rounds: int, warm: bool
) -> None:
    shuffle = random.Random(13)
    for case in cases:
        # Warming fills the file cache, writes bytecode, lets Taskwarrior do its first
        # garbage collection; a second run is always preceded by a first.
        if warm or case.again:
            measure(case, spawner, env, record=False)
    for _ in range(rounds):
        order = cases[:]
        shuffle.shuffle(order)
        for case in order:
            measure(case, spawner, env, record=True)


# ------------------------------------------------------------------------------ the cases


def restore(pristine: Path, plan: Path) -> Callable[[], None]:
    return lambda: shutil.copyfile(pristine, plan)


def cold_cache(folder: Path) -> tuple[dict[str, str], Callable[[], None]]:
    """An empty cache folder before every run: the command's first run on this plan."""

    def empty() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    return {"XDG_CACHE_HOME": str(folder), "LOCALAPPDATA": str(folder)}, empty


def both(*steps: Callable[[], None] | None) -> Callable[[], None]:
    def run() -> None:
        for step in steps:
            if step is not None:
                step()

    return run


def plantrack_commands(plantrack: list[str], env: dict[str, str]) -> set[str]:
    """The commands the installed plantrack has (report and export arrive in later versions)."""
    done = subprocess.run([*plantrack, "--help"], env=env, capture_output=True, text=True)
    names = set()
    listing = done.stdout.partition("Commands:")[2]
    for line in listing.splitlines():
        if line.startswith("  ") and line.strip():
            names.add(line.split()[0])
    return names


def tracking_cases(
    group: str,
    plantrack: list[str],
    folder: Path,
    plan: Path,
    items: int,
    number: int,
    owner: str,
    extra: set[str],
) -> list[Case]:
    """status, show, assign, note, lint (and report, export) on one plan, each on a first run."""
    writes = folder / "write" / plan.name
    writes.parent.mkdir(parents=True, exist_ok=True)
    pristine = folder / "pristine.yaml"
    shutil.copyfile(plan, pristine)
    shutil.copyfile(plan, writes)
    cache = folder / "cache-cold"

    def first(name: str, argv: list[str], kind: str, target: Path = plan) -> Case:
        env, empty = cold_cache(cache)
        step = restore(pristine, target) if kind == "write" else None
        return Case(group, name, [*plantrack, *argv], kind, items, env, both(step, empty))

    on = ["--plan", str(plan)]
    by = ["--by", "李明", "--plan", str(writes)]
    cases = [
        first("status", ["status", *on], "read"),
        first("status --format json", ["status", "--format", "json", *on], "read"),
        first(f"show {number}", ["show", str(number), *on], "read"),
        first(f"assign {number}", ["assign", str(number), "--to", owner, *by], "write", writes),
        first(
            f"note {number}",
            ["note", str(number), "召开专题学习会，18名党员参加", *by],
            "write",
            writes,
        ),
        first("lint", ["lint", str(plan)], "read"),
    ]
    for command in ("report", "export"):
        if command in extra:
            cases.append(first(command, [command, *on], "read"))
    # Run again on the unchanged plan, with whatever the first runs left in the cache.
    cases += [
        Case(group, "status (again)", [*plantrack, "status", *on], "read", items, again=True),
        Case(
            group,
            "status --format json (again)",
            [*plantrack, "status", "--format", "json", *on],
            "read",
            items,
            again=True,
        ),
    ]
    return cases


def startup_floors(group: str) -> list[Case]:
    return [
        Case(group, "python -c pass", [PYTHON, "-c", "pass"], "floor"),
        Case(
            group,
            "import typer, rich, pydantic, yaml",
            [PYTHON, "-c", "import typer, rich, pydantic, yaml"],
            "floor",
        ),
        Case(group, "hello-world floor", [PYTHON, FLOOR, "--name", "plantrack"], "floor"),
    ]


def taskwarrior_cases(
    group: str, task: str | None, folder: Path, items: int, env: dict[str, str]
) -> list[Case]:
    if task is None:
        return []
    data = folder / "taskdata"
    data.mkdir(parents=True, exist_ok=True)
    rc = folder / "taskrc"
    rc.write_text(generate.TASKRC.format(data=data), encoding="utf-8")
    tasks = folder / "tasks.json"
    tasks.write_text(generate.taskwarrior_json(items), encoding="utf-8")
    task_env = {"TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run(
        [task, "import", str(tasks)], env={**env, **task_env}, capture_output=True, check=True
    )
    return [
        Case(group, "task list", [task, "list"], "peer", items, task_env),
        Case(group, "task export", [task, "export"], "peer", items, task_env),
    ]


def hostile_files(folder: Path) -> list[tuple[str, Path]]:
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, data: bytes) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

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
        ("binary junk", write("junk.yaml", random.Random(0).randbytes(1_000_000))),
        ("empty file", write("empty.yaml", b"")),
        ("comments only", write("comments.yaml", b"# nothing here\n" * 1000)),
        ("top-level list", write("list.yaml", b"- a\n- b\n")),
        ("top-level string", write("string.yaml", b"just text\n")),
    ]


# ------------------------------------------------------------------------------ the run


def versions(
    plantrack: list[str], task: str | None, yamllint: str | None, env: dict[str, str]
) -> dict[str, str]:
    found = {"Python": platform.python_version()}
    for package in ("plantrack", "typer", "rich", "pydantic", "pydantic-core", "PyYAML"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[package] = metadata.version(package)
    with contextlib.suppress(ImportError):
        import yaml

        found["libyaml"] = "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    for name, argv in (("yamllint", [yamllint, "--version"]), ("Taskwarrior", [task, "--version"])):
        if argv[0] is not None:
            done = subprocess.run(argv, env=env, capture_output=True, text=True)  # type: ignore[arg-type]
            found[name] = (done.stdout or done.stderr).strip().split()[-1]
    return found


def machine() -> str:
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 2**20:.1f} GB memory"
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs{memory}"


def load() -> str:
    """The system's load average: on a shared machine, what else was running shows here."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    if sys.argv[1:] == ["--spawner"]:
        return serve()
    spawner = Spawner()  # first, while this process is small
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="every case once, one small size")
    parser.add_argument("--rounds", type=int, help="rounds per group (default: by size)")
    parser.add_argument(
        "--sizes", type=int, nargs="+", help="plan sizes in items (default 19 1000 10000)"
    )
    parser.add_argument("--files", type=int, help="plans in the lint folder (default 1000)")
    parser.add_argument("--only", help="run only the groups whose name contains this text")
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write the results (default RESULTS.md; none with --quick)",
    )
    args = parser.parse_args()
    sizes = args.sizes or ([19] if args.quick else [19, 1000, 10_000])
    files = args.files or (20 if args.quick else 1000)
    out = args.out or (None if args.quick else HERE / "RESULTS.md")

    plantrack_script = tool("plantrack")
    plantrack = [plantrack_script] if plantrack_script else [PYTHON, "-m", "plantrack"]
    task, yamllint = shutil.which("task"), tool("yamllint")
    notes = []
    if task is None:
        notes.append(
            "Taskwarrior (`task`) is not installed: the peer's figures are missing (Debian: apt-get install taskwarrior)."
        )
    if yamllint is None:
        notes.append(
            "yamllint is not installed: lint is not compared with `yamllint -d relaxed` (pip install yamllint)."
        )

    with tempfile.TemporaryDirectory(prefix="plantrack-bench-") as temporary:
        work = Path(temporary)
        env = base_env(work / "cache")
        extra = plantrack_commands(plantrack, env)
        for command in ("report", "export"):
            if command not in extra:
                notes.append(f"The installed plantrack has no `{command}` command: not timed.")
        groups: list[tuple[str, list[Case], int]] = []
        plan_bytes: dict[int, int] = {}

        seed = work / "seed" / "2022.yaml"
        seed.parent.mkdir(parents=True)
        shutil.copyfile(SEED_PLAN, seed)
        start = startup_floors("plans/2022.yaml")
        start.append(
            Case("plans/2022.yaml", "naive-stack floor", [PYTHON, FLOOR, str(seed)], "floor", 19)
        )
        start += [
            Case("plans/2022.yaml", "--version", [*plantrack, "--version"], "read"),
            Case("plans/2022.yaml", "--help", [*plantrack, "--help"], "read"),
        ]
        start += tracking_cases(
            "plans/2022.yaml", plantrack, seed.parent, seed, 19, 14, "纪检委员", extra
        )
        groups.append(("plans/2022.yaml", start, 1 if args.quick else 20))

        for items in sizes:
            group = f"{items:,} items"
            folder = work / f"plan-{items}"
            plan = generate.write_plan(folder / "2022.yaml", items)
            plan_bytes[items] = plan.stat().st_size
            number = items // 2 + 1
            current = generate.items(items)[number - 1]["owner"]
            owner = next(role for role in generate.ROLES if role != current)
            cases = startup_floors(group)[1:2]
            if (
                items <= 100
            ):  # a rich Table of 10,000 rows takes half a minute: a floor no one meets
                cases.append(
                    Case(group, "naive-stack floor", [PYTHON, FLOOR, str(plan)], "floor", items)
                )
            cases += tracking_cases(group, plantrack, folder, plan, items, number, owner, extra)
            cases += taskwarrior_cases(group, task, folder, items, env)
            rounds = 1 if args.quick else (5 if items >= 10_000 else 7 if items >= 1000 else 11)
            groups.append((group, cases, rounds))

        lint_group = f"lint of {files:,} plans"
        plans = generate.write_folder(work / "folder", files)
        cases = [
            Case(
                lint_group,
                f"plantrack lint ({files:,} files)",
                [*plantrack, "lint", str(plans)],
                "read",
            )
        ]
        if yamllint is not None:
            cases.append(
                Case(
                    lint_group,
                    "yamllint -d relaxed",
                    [yamllint, "-d", "relaxed", str(plans)],
                    "peer",
                    expect=(0, 1),
                )
            )
        groups.append((lint_group, cases, 1 if args.quick else 3))

        hostile = [
            Case("hostile files", name, [*plantrack, "lint", str(path)], "read", expect=(1,))
            for name, path in hostile_files(work / "hostile")
        ]
        groups.append(("hostile files", hostile, 1 if args.quick else 3))

        if args.only:
            groups = [group for group in groups if args.only in group[0]]
        started = time.perf_counter()
        load_before = load()
        for name, cases, rounds in groups:
            print(
                f"{name}: {len(cases)} cases × {args.rounds or rounds} rounds",
                file=sys.stderr,
                flush=True,
            )
            run_group(cases, spawner, env, args.rounds or rounds, warm=not args.quick)
        found = versions(plantrack, task, yamllint, env)
        spawner.close()
        load_after = load()

    every = [case for _, cases, _ in groups for case in cases]
    failed = [case for case in every if case.failure]
    text = report.render(
        groups=[(name, cases, args.rounds or rounds) for name, cases, rounds in groups],
        machine=f"{machine()}; load average (1/5/15 min) {load_before} at the start, {load_after} at the end",
        versions=found,
        notes=notes,
        when=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        elapsed=time.perf_counter() - started,
        judge=not args.quick,
        plan_bytes=plan_bytes,
        extra=extra,
    )
    print(text)
    if out is not None:
        out.write_text(text, encoding="utf-8")
        print(f"written to {out}", file=sys.stderr)
    for case in failed:
        print(
            f"FAILED {case.group}: {case.name}: {' '.join(case.argv)}\n  {case.failure}",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
