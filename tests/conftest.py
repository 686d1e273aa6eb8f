"""Shared test setup: English messages, a fixed 'today', no colour unless a test asks; the
slow whole-process tests left out of a run at the desk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest

# An installed plantrack runs from compiled bytecode, and so do the tests: with
# PYTHONDONTWRITEBYTECODE set, every run would compile plantrack and rewrite the tests'
# assertions anew (pytest caches them only where bytecode is written), in this process
# and in every plantrack process a test starts. The caches are ignored by git.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Only now: pytest rewrites the assertions of every module of hypothesis (it is a pytest
# plugin), and with bytecode off it would do so anew on every run, a second and a half.
import hypothesis  # noqa: E402

# The tests make and remove thousands of small folders and files (and pytest removes an
# older run's at the end of each run): in memory that costs a tenth of what it costs on a
# disk, and less still on one that discards freed blocks at once. Linux has such a place
# in /dev/shm; TMPDIR, when set, is obeyed.
_MEMORY = Path("/dev/shm")
if (
    "TMPDIR" not in os.environ
    and sys.platform.startswith("linux")
    and _MEMORY.is_dir()
    and os.access(_MEMORY, os.W_OK | os.X_OK)
    and shutil.disk_usage(_MEMORY).free > 1 << 30
):
    tempfile.tempdir = str(_MEMORY)

# Before plantrack is imported: help texts are chosen when commands are defined.
os.environ["PLANTRACK_LANG"] = "en"
os.environ.pop("NO_COLOR", None)
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("PLANTRACK_PLAN", None)

# CI runs every property test with its full count of examples (HYPOTHESIS_PROFILE=ci, as
# .ci/run sets it); a run at the desk tries a twentieth of them, to stay fast.
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
IN_CI = PROFILE == "ci"
# No deadlines and no "too slow" health check: how fast a shared machine is says nothing
# about plantrack, and a test must not fail because of it.
_UNTIMED = {"deadline": None, "suppress_health_check": [hypothesis.HealthCheck.too_slow]}
# CI tries the same examples on every run, so that a red run can be run again and seen to
# fail the same way; runs at the desk draw new ones, and what they find becomes a test.
hypothesis.settings.register_profile("ci", max_examples=100, derandomize=True, **_UNTIMED)
hypothesis.settings.register_profile("quick", max_examples=5, **_UNTIMED)
hypothesis.settings.load_profile(PROFILE)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--all",
        action="store_true",
        help="run every test, the slow whole-process ones too, as .ci/run does",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A run at the desk leaves out the tests marked slow (whole processes: signals, pipes,
    consoles, git; and the tests that take a thirtieth of a second or more) unless it asks
    for them: with --all, with -m, or by naming a test file or a test."""
    if config.getoption("--all") or config.option.markexpr or _names_tests(config):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


def _names_tests(config: pytest.Config) -> bool:
    return any("::" in arg or Path(arg).is_file() for arg in config.args)


def examples(in_ci: int) -> int:
    """How many examples a property test tries: `in_ci` in CI, a twentieth of it otherwise."""
    return in_ci if IN_CI else max(in_ci // 20, 5)


ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
PLAN_2022 = ROOT / "plans" / "2022.yaml"


class Environment(Protocol):
    """Sets environment variables plantrack reads (None unsets one) and has it read them."""

    def __call__(self, **variables: str | None) -> None: ...


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder of the tests' own: they never read or fill the user's."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session", autouse=True)
def commands_built_once() -> Iterator[None]:
    """plantrack's click commands built once per language for the whole run.

    A plantrack process builds the one command it runs; the tests run hundreds in one
    process, and rebuilding typer's commands for each run (their parameters, their pydantic
    adapters) was a third of the run's time. Help texts are chosen when a command is built,
    so the language in force is part of the key."""
    import importlib

    import typer.testing

    from plantrack import cli
    from plantrack.i18n import language

    # Options several commands share are defined, their help with them, when their module
    # is first imported, once a process: here, in English, before any test runs a command
    # in Chinese (the Chinese pages come from a process of their own).
    for module in dict.fromkeys(cli.COMMANDS.values()):
        importlib.import_module(f"plantrack.cli.{module}")

    def once(build: Callable[[Any], Any]) -> Callable[[Any], Any]:
        built: dict[tuple[Any, str], Any] = {}

        def cached(what: Any) -> Any:
            key = (what, language())
            if key not in built:
                built[key] = build(what)
            return built[key]

        return cached

    patch = pytest.MonkeyPatch()
    patch.setattr(cli, "command_group", once(cli.command_group))
    # What CliRunner.invoke turns the typer app into: plantrack's group, which keeps the
    # commands it has built.
    patch.setattr(typer.testing, "_get_command", once(typer.testing._get_command))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def environment(cache_home: Path) -> Iterator[Environment]:
    """The one door to what plantrack reads from its environment (plantrack.settings).

    Every test starts in English, with a fixed 'today', 120 columns, no colour or plan
    from outside and a cache folder of the tests' own; a test asks for `environment` to
    change any of it. Writes are not flushed to the disk either: what the tests see of a
    file is the same either way, and each fsync costs the disk's time, hundreds of times a
    run (the tests that run whole plantrack processes still flush).

    It undoes its own changes rather than through monkeypatch, in one fixture: it runs for
    each of two thousand tests, and pytest's work for each fixture of each test counts."""
    from plantrack import settings

    environ = os.environ
    before: dict[str, str | None] = {}

    def change(**variables: str | None) -> None:
        for name, value in variables.items():
            before.setdefault(name, environ.get(name))
            if value is None:
                environ.pop(name, None)
            else:
                environ[name] = value
        settings.reset()

    fsync = os.fsync
    os.fsync = lambda fd: None
    try:
        change(
            PLANTRACK_LANG="en",
            PLANTRACK_TODAY="2022-07-01",
            COLUMNS="120",
            NO_COLOR=None,
            FORCE_COLOR=None,
            PLANTRACK_PLAN=None,
            GITHUB_ACTIONS=None,
            PLANTRACK_NO_CACHE=None,
            XDG_CACHE_HOME=str(cache_home),
            LOCALAPPDATA=str(cache_home),
        )
        yield change
    finally:
        os.fsync = fsync
        for name, value in before.items():
            if value is None:
                environ.pop(name, None)
            else:
                environ[name] = value
        settings.reset()


HELP_WIDTHS = (200, 60)  # a wide terminal, where help keeps to 80 columns; a narrow one
# Prints the help of plantrack and of every command at each width, in the language given.
ALL_HELP = """
import os, sys
os.environ["PLANTRACK_LANG"] = sys.argv[1]
from typer.testing import CliRunner
from plantrack.cli import COMMANDS, app
for columns in sys.argv[2:]:
    for name in ["", *COMMANDS]:
        args = [name, "--help"] if name else ["--help"]
        result = CliRunner().invoke(app, args, env={"COLUMNS": columns})
        sys.stdout.write(f"=== {columns} {name}\\n{result.stdout}")
"""


@pytest.fixture(scope="session", autouse=True)
def chinese_help(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, cache_home: Path
) -> Iterator[Callable[[], str]]:
    """What the Chinese help pages say, as ALL_HELP prints them.

    plantrack's own help is chosen when the program is defined, so the Chinese pages come
    from a process of their own. A run in one process starts it with its first test, if any
    test wants the pages, to run on the other core beside the tests that come before them;
    a worker of `-n` starts it only when it comes to such a test."""
    started: list[tuple[subprocess.Popen[bytes], Path]] = []

    def start() -> None:
        output = tmp_path_factory.mktemp("help") / "zh.txt"
        with output.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-c", ALL_HELP, "zh", *map(str, HELP_WIDTHS)],
                stdout=sink,
                env={**os.environ, "XDG_CACHE_HOME": str(cache_home)},
            )
        started.append((process, output))

    def pages() -> str:
        if not started:
            start()
        process, output = started[0]
        assert process.wait(timeout=600) == 0
        return output.read_text(encoding="utf-8")

    if not hasattr(request.config, "workerinput") and any(
        "help_pages" in item.fixturenames for item in request.session.items
    ):
        start()
    yield pages
    for process, _ in started:
        if process.poll() is None:  # no test came to ask for the pages (-x, Ctrl-C)
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def help_pages(
    chinese_help: Callable[[], str], cache_home: Path
) -> dict[tuple[str, int], dict[str, str]]:
    """Every help page by language and terminal width, by command ("" is plantrack's own):
    the English ones from this process, the Chinese ones from a process of their own."""
    from typer.testing import CliRunner

    from plantrack.cli import COMMANDS, app

    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    found: dict[tuple[str, int], dict[str, str]] = {}
    for columns in HELP_WIDTHS:
        for name in ["", *COMMANDS]:
            args = [name, "--help"] if name else ["--help"]
            result = CliRunner().invoke(app, args, env={**env, "COLUMNS": str(columns)})
            found.setdefault(("en", columns), {})[name] = result.stdout
    for page in chinese_help().split("=== ")[1:]:
        title, text = page.split("\n", 1)
        columns, _, name = title.partition(" ")
        found.setdefault(("zh", int(columns)), {})[name] = text
    return found


@pytest.fixture(scope="session")
def helps(help_pages: dict[tuple[str, int], dict[str, str]]) -> dict[str, dict[str, str]]:
    """Every help page in English and in Chinese on a wide terminal, by command."""
    return {lang: help_pages[lang, 200] for lang in ("en", "zh")}


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A copy of plans/2022.yaml in a fresh plans/ folder, to change freely."""
    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / "2022.yaml"
    shutil.copyfile(PLAN_2022, target)
    return target


def write_plan(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path
