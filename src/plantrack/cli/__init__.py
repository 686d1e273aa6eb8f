"""The command line: typer commands that parse arguments, call the core and hand results to render.

This is the one place where a PlantrackError becomes lines on stderr and an exit status.
Core modules are imported inside the commands, so `--help` and `--version` start as
fast as a hello-world of the same stack.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from plantrack import __version__
from plantrack.errors import ExitCode, PlantrackError
from plantrack.i18n import t


class PlantrackGroup(TyperGroup):
    """Turns PlantrackError into its lines on stderr and its exit status."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlantrackError as error:
            from plantrack.render.terminal import stderr

            err = stderr()
            for line in error.lines():
                err.write(err.style(line, "red") if err.color else line)
            raise typer.Exit(int(error.exit_code)) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=PlantrackGroup,
    name="plantrack",
    help=t("help.app"),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"plantrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.version")),
    ] = False,
) -> None:
    pass


def _register() -> None:
    from plantrack.cli import edit, view

    view.register(app)
    edit.register(app)
    # Each command group registers itself here, one line each.


_register()


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        # Answered before typer is even asked: this is what scripts call most.
        print(f"plantrack {__version__}")
        return
    # A command runs for a fraction of a second and frees almost nothing it allocates
    # before it exits; the cyclic garbage collector's passes over what typer, pydantic and
    # a plan's node tree allocate cost about a tenth of a short run and a sixth of a run
    # on a 10,000-item plan, and buy nothing here (benchmarks/bench_edit.py).
    import gc

    gc.disable()
    app(prog_name="plantrack")


__all__ = ["ExitCode", "app", "main"]
