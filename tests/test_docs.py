"""Every command has help text and a README entry."""

from __future__ import annotations

import typer
from conftest import ROOT

from plantrack.cli import app


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_text() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert (command.help or "").strip(), f"{name} has no help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name not in ("help",):
                assert (getattr(param, "help", "") or "").strip(), (
                    f"{name} {param.name} has no help"
                )


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in command_names() if f"`plantrack {name}" not in readme]
    assert not missing, f"README has no entry for: {missing}"


def test_readme_gives_the_test_command_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci
