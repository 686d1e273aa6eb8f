"""What a command process leaves out of its start-up: modules it never uses.

Start-up is most of what a user waits for on a plan of ordinary size; these tests say
which imports the command process avoids, never how long anything takes.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import PLAN_2022

# Runs the command process as the console script does and, at its exit, lists the
# modules it imported.
PROCESS = """
import atexit, json, os, sys
atexit.register(lambda: os.write(2, ("MODULES " + json.dumps(sorted(sys.modules)) + "\\n").encode()))
sys.argv = ["plantrack", *sys.argv[1:]]
from plantrack.__main__ import main
main()
"""


def imported(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROCESS, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


@pytest.mark.slow
@pytest.mark.parametrize("command", [["status"], ["show", "14"]])
def test_a_view_never_imports_package_metadata(command: list[str]) -> None:
    # pydantic's plugin loader would import it (and email, zipfile …) only to find no plugin
    modules = imported(*command, "--plan", str(PLAN_2022))
    assert "pydantic" in modules
    assert not {"importlib.metadata", "email", "zipfile"} & modules


@pytest.mark.slow
def test_version_is_answered_before_typer_is_imported() -> None:
    modules = imported("--version")
    assert not {"typer", "pydantic", "rich", "yaml"} & modules
