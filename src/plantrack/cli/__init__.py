"""The command line: typer commands that parse arguments, call the core and hand results to render.

This is the one place where a PlantrackError becomes lines on stderr and an exit status.
Core modules are imported inside the commands, so `--help` and `--version` start as
fast as a hello-world of the same stack.
"""

from __future__ import annotations

import gc
import re
import sys

# A command lives for a fraction of a second and allocates mostly long-lived objects
# (modules, classes, schemas): the cyclic collector only costs start-up time. It is
# off while this module imports typer and back as it was at the end of the module, so
# that importing plantrack.cli (as the tests do) changes nothing; the command process
# (plantrack.__main__) switches it off for its whole life.
_collecting = gc.isenabled()
gc.disable()
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from plantrack import __version__
from plantrack.cli import help
from plantrack.errors import ExitCode, PlantrackError
from plantrack.i18n import language, t

# Each command, in the order --help lists them, and the module under plantrack.cli that
# defines it (with a `register(app)` function). A command's module is imported, and its
# click command built, only when that command runs: building all of them would cost
# every command the start-up of all the others.
COMMANDS: dict[str, str] = {
    "status": "view",
    "show": "view",
    "assign": "edit",
    "unassign": "edit",
    "start": "edit",
    "done": "edit",
    "block": "edit",
    "reopen": "edit",
    "set-status": "edit",
    "progress": "edit",
    "note": "edit",
    "due": "edit",
    "roles": "roles",
    "lint": "lint",
    "schema": "lint",
    "import": "documents",
    "render": "documents",
    "init": "documents",
    "merge-driver": "merge",
    "git-setup": "merge",
    "report": "reports",
    "export": "reports",
    "log": "reports",
    "overview": "reports",
}


class PlantrackGroup(help.HelpGroup):
    """The plantrack command: builds subcommands on demand, speaks the user's language in
    its help and usage errors, and turns PlantrackError into its lines on stderr and its
    exit status."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            for name, command in command_group(COMMANDS[cmd_name]).items():
                self.commands.setdefault(name, command)
        return self.commands.get(cmd_name)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """As click's main, with usage errors in the user's language and plantrack's words."""
        from plantrack import settings

        settings.reset()  # each run reads the environment afresh
        if not standalone_mode:
            return super().main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        from plantrack.render.terminal import stderr

        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except NoArgsIsHelpError as error:  # plain `plantrack`: the help, as click gives it
            stderr().write(error.format_message())
            sys.exit(error.exit_code)
        except UsageError as error:
            stderr().write(usage_error(error))
            sys.exit(error.exit_code)
        except ClickException as error:
            stderr().say(error.format_message())
            sys.exit(error.exit_code)
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlantrackError as error:
            from plantrack.render.terminal import message, stderr

            err = stderr()
            for line in error.lines():
                err.write(err.style(message(line), "red"))
            raise typer.Exit(int(error.exit_code)) from None


def _usage_errors() -> list[tuple[re.Pattern[str], str]]:
    """click's usage errors, as they read in English, and the catalogue key that says each
    in the user's language (click's own sentences never reach the user); compiled only
    when a usage error is shown, not at every start."""
    return [
        (
            re.compile(
                r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<close>.+)\)| Did you mean (?P<mean>\S+)\?)?$"
            ),
            "usage.no_option",
        ),
        (
            re.compile(r"No such command '(?P<name>.+)'\.(?: Did you mean (?P<mean>.+)\?)?$"),
            "usage.no_command",
        ),
        (re.compile(r"Missing argument (?P<name>'[^']+')", re.S), "usage.missing_argument"),
        (
            re.compile(r"Missing option (?P<name>'[^']+'(?: / '[^']+')*)", re.S),
            "usage.missing_option",
        ),
        (re.compile(r"Missing command\.$"), "usage.missing_command"),
        (re.compile(r"Option (?P<name>'.+') requires an argument\.$"), "usage.needs_value"),
        (re.compile(r"Option (?P<name>'.+') does not take a value\.$"), "usage.takes_no_value"),
        (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<name>.+)\)$"), "usage.extra"),
        (
            re.compile(r"Invalid value for (?P<name>.+?): .*(?:integer|not a valid int).*$", re.S),
            "usage.not_integer",
        ),
        (
            re.compile(
                r"Invalid value for (?P<name>.+?): .*'(?P<value>[^']*)' is not one of (?P<choices>.+?)\.?$",
                re.S,
            ),
            "usage.not_choice",
        ),
        (re.compile(r"Invalid value for (?P<name>.+?): .*$", re.S), "usage.invalid"),
    ]


def _quoted(words: str) -> str:
    """click's words as quoted in the user's language: a Chinese message quotes the option
    or argument it names in Chinese quotation marks, “--format”, not in ASCII apostrophes."""
    if language() != "zh":
        return words
    return re.sub(r"'([^']*)'", r"“\1”", words)


def usage_error(error: Any) -> str:
    """click's usage error as plantrack says it: the usage line, where to find help, and
    what is wrong, in the user's language."""
    message = error.format_message()
    for pattern, key in _usage_errors():
        found = pattern.match(message)
        if found:
            values = {name: value or "" for name, value in found.groupdict().items()}
            hint = values.pop("close", "") or values.pop("mean", "")
            values.pop("mean", None)
            if "choices" in values:
                values["choices"] = _choices(values["choices"])
            values = {name: _quoted(value) for name, value in values.items()}
            hint = _quoted(hint)
            message = t(key, **values) + (t("usage.did_you_mean", options=hint) if hint else "")
            break
    else:
        message = t("usage.other")
    lines = []
    ctx = error.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(t("usage.try_help", command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
        lines.append("")
    from plantrack.render.terminal import message as said

    lines.append(said(message))
    return "\n".join(lines)


def _choices(listed: str) -> str:
    names = re.findall(r"'[^']*'", listed) or [listed]
    return t("usage.choice_separator").join(names)


def command_group(module_name: str) -> dict[str, Any]:
    """The click commands that `plantrack.cli.<module_name>` registers, by name."""
    import importlib

    module = importlib.import_module(f"plantrack.cli.{module_name}")
    group = typer.Typer(rich_markup_mode=None)
    module.register(group)
    for info in group.registered_commands:
        # a command may refine how it reads its arguments (edit's texts), never lose this
        if not (isinstance(info.cls, type) and issubclass(info.cls, help.PlantrackCommand)):
            info.cls = help.PlantrackCommand
    if len(group.registered_commands) == 1:
        # typer makes a lone command the whole program; give it a callback to get a group.
        group.callback()(lambda: None)
    built = typer.main.get_command(group)
    return dict(built.commands)  # type: ignore[attr-defined]


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
        sys.stdout.write(f"plantrack {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.version")),
    ] = False,
) -> None:
    pass


if _collecting:
    gc.enable()


def main() -> None:
    """Console-script entry point of earlier installs: the process is plantrack.__main__'s."""
    from plantrack.__main__ import main as process

    process()


__all__ = ["ExitCode", "app", "main"]
