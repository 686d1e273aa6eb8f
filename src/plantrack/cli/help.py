"""Help and usage errors wholly in the user's language, with argument names as the README writes them.

click lays the help out (usage line, sections, two columns); every word in it comes
from the catalogue: section titles, `[required]`, defaults, the help and completion
options' own help, and each command's one-line summary.
"""

from __future__ import annotations

import enum
import re
from typing import Any

from typer._click.core import Context
from typer._click.formatting import HelpFormatter, join_options
from typer.core import TyperCommand, TyperGroup

from plantrack.i18n import CATALOGUE, t
from plantrack.lines import wrap
from plantrack.text import width

# Options that typer and click add themselves, and the catalogue key of their help.
OWN_OPTIONS = {
    "help": "help.help",
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}


def usage_pieces(command: Any, ctx: Any) -> list[str]:
    """The usage line after the command's name: `[OPTIONS] N… TEXT`."""
    pieces = [t("help.options_metavar")] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = argument_name(param)
            pieces.append(name if param.required else f"[{name}]")
    return pieces


def argument_name(param: Any) -> str:
    name = str(param.metavar or param.name.upper())
    return name + "…" if param.nargs != 1 and "…" not in name else name


def option_metavar(param: Any) -> str:
    if param.metavar:
        return str(param.metavar)
    descriptor = getattr(param, "type_descriptor", None)
    choices = (
        getattr(descriptor, "choices", None) if getattr(descriptor, "is_choice", False) else None
    )
    if choices:
        return "|".join(str(c.value if isinstance(c, enum.Enum) else c) for c in choices)
    return str(param.name).upper()


def format_usage(command: Any, ctx: Any, formatter: Any) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("help.usage"))


def format_options(command: Any, ctx: Any, formatter: Any) -> None:
    arguments: list[tuple[str, str, str]] = []
    options: list[tuple[str, str, str]] = []
    for param in command.get_params(ctx):
        record = help_record(param, ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    for title, rows in (("help.arguments", arguments), ("help.options", options)):
        if rows:
            with formatter.section(t(title)):
                formatter.write_dl(rows)


def help_record(param: Any, ctx: Any) -> tuple[str, str, str] | None:
    """One row of the Arguments or Options section: its name, its help, and the notes
    after it (`[default: table]`), which are kept whole on a line."""
    if param.hidden:
        return None
    if param.param_type_name == "argument":
        name = argument_name(param)
    else:
        name = join_options([*param.opts, *param.secondary_opts])[0]
        if not param.is_flag and not param.count:
            name += " " + option_metavar(param)
    key = OWN_OPTIONS.get(param.name)
    help = t(key) if key else (param.help or "")
    extra = []
    if param.param_type_name == "option" and param.envvar and param.show_envvar:
        names = param.envvar if isinstance(param.envvar, (list, tuple)) else [param.envvar]
        extra.append(t("help.env_var", var=", ".join(names)))
    default = _default(param, ctx)
    if default:
        extra.append(t("help.default", default=default))
    if param.required:
        extra.append(t("help.required"))
    notes = t("help.notes", notes=t("help.note_separator").join(extra)) if extra else ""
    return name, help, notes


def _default(param: Any, ctx: Any) -> str:
    if not param.show_default or isinstance(param.show_default, str):
        return param.show_default if isinstance(param.show_default, str) else ""
    value = param.get_default(ctx, call=False)
    if value is None or value is False or value in ((), []) or callable(value):
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if value is True:
        return ""
    return str(value)


def summary(name: str, command: Any) -> str:
    """A command's line in the command list: a whole short sentence, never one cut off."""
    key = f"summary.{name}"
    if key in CATALOGUE:
        return t(key)
    return first_sentence(command.help or "")


def first_sentence(text: str) -> str:
    found = re.match(r"(.+?[。.!?！？])(\s|$)", text.strip(), re.S)
    return found.group(1) if found else text.strip()


def format_commands(group: Any, ctx: Any, formatter: Any) -> None:
    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            rows.append((name, summary(name, command)))
    if rows:
        with formatter.section(t("help.commands")):
            formatter.write_dl(rows)


class Formatter(HelpFormatter):
    """click's help layout, wrapped by display width (a CJK character takes two cells, as
    the terminal shows it, where click counts one) with the Chinese line-break rules, so
    help stays within the terminal in either language; section titles carry their own
    colon (full width in Chinese)."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None:  # click's rule, on the width plantrack's settings read
            width = max(min(_columns(), max_width or 80) - 2, NARROWEST)
        super().__init__(indent_increment, width, max_width)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        lead = f"{prefix or '':>{self.current_indent}}{prog} "
        room = self.width - self.current_indent
        if room >= width(lead) + 20:  # the arguments to the right of the command
            lines = wrap(args, room - width(lead)) or [""]
            indent = " " * width(lead)
            self.write(lead + f"\n{indent}".join(lines) + "\n")
            return
        indent = " " * (max(self.current_indent, width(prefix or "")) + 4)
        lines = wrap(args, self.width - len(indent))
        self.write(lead.rstrip() + "".join(f"\n{indent}{line}" for line in lines) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", text.strip())]
        lines = [
            "\n".join(indent + line for line in wrap(paragraph, self.width - len(indent)))
            for paragraph in paragraphs
        ]
        self.write("\n\n".join(lines) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max(width(row[0]) for row in rows), col_max) + col_spacing
        room = self.width - first_col - self.current_indent
        # On a terminal too narrow for two columns, each text goes under its name.
        below = room < NARROWEST_TEXT
        hang = self.current_indent + (4 if below else first_col)
        if below:
            room = self.width - hang
        for first, second, *notes in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            lines = described(second, "".join(notes), room)
            if lines and not below and width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)) + lines.pop(0))
            self.write("".join(f"\n{'':>{hang}}{line}" for line in lines) + "\n")


def described(text: str, notes: str, room: int) -> list[str]:
    """A help text in lines of `room` cells, its notes after it on its last line when
    they fit there, else on a line of their own: `[default: 14]` is never cut."""
    lines = wrap(text, room) if text else []
    if notes and lines and width(lines[-1]) + 2 + width(notes) <= room:
        lines[-1] += "  " + notes
    elif notes:
        lines += wrap(notes, room)
    return lines


# The narrowest help is laid out for, and the narrowest a text column beside the names.
NARROWEST, NARROWEST_TEXT = 20, 16


def _columns() -> int:
    """COLUMNS, else the terminal's width, else 80, as shutil's rule; but asked of
    descriptor 1 itself, since the process's guarded streams have detached
    sys.__stdout__, where shutil would look and fall back to 80 on any terminal."""
    import os

    from plantrack.settings import current

    if current().columns:
        return current().columns
    try:
        return os.get_terminal_size(1).columns or 80
    except (OSError, ValueError):
        return 80


class HelpContext(Context):
    formatter_class = Formatter


class PlantrackCommand(TyperCommand):
    """A plantrack command: typer's, with its help in the user's language."""

    context_class = HelpContext

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return usage_pieces(self, ctx)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        format_usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_options(self, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return summary(self.name or "", self)


class HelpGroup(TyperGroup):
    """A group of plantrack commands (plantrack itself, `plantrack roles`), with its help in
    the user's language."""

    context_class = HelpContext

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [t("help.options_metavar"), t("help.command_metavar")]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        format_usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_options(self, ctx, formatter)
        format_commands(self, ctx, formatter)
