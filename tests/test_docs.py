"""Every command has help text and a README entry, and the command table matches the modules."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer
from conftest import ROOT

from plantrack.cli import COMMANDS, app, command_group


def all_commands() -> dict[str, Any]:
    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}  # type: ignore[attr-defined]


@pytest.mark.slow
def test_the_command_table_names_what_each_module_registers() -> None:
    registered = {
        name: module for module in set(COMMANDS.values()) for name in command_group(module)
    }
    assert registered == COMMANDS


def test_every_command_has_help_text() -> None:
    for name, command in all_commands().items():
        assert command is not None, name
        assert (command.help or "").strip(), f"{name} has no help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert (getattr(param, "help", "") or "").strip(), (
                    f"{name} {param.name} has no help"
                )


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in all_commands() if not re.search(rf"plantrack {name}\b", readme)]
    assert not missing, f"README has no entry for: {missing}"


def test_readme_gives_the_test_command_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci


def test_the_pre_commit_snippet_names_no_tag_that_does_not_exist() -> None:
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("  - repo: <plantrack's repository URL>\n", 1)[1]
    rev = snippet.splitlines()[0].split("#")[0].removeprefix("    rev:").strip()
    if rev == "<commit SHA>":  # written by the user: any commit works
        return
    tags = subprocess.run(
        ["git", "tag", "--list", rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tags == [rev], f"README's pre-commit snippet names {rev}, which is not a tag"
