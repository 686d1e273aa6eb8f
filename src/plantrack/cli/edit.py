"""Writing commands: assign, unassign, start, done, block, reopen, set-status, progress, note, due.

Each parses its own arguments and says which change `ops` makes of them; what they all
share is here once: the options every writing command takes, the plan read under its
lock, the change made in place and what was done handed to render.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Optional, get_args

import typer

from plantrack.cli import completion
from plantrack.cli.help import PlantrackCommand
from plantrack.cli.options import (
    ByOption,
    DateOption,
    DryRunOption,
    EditFormat,
    EditFormatOption,
    NoteOption,
    Number,
    Numbers,
    NumbersThenStatus,
    PlanOption,
    plan_path,
)
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.model import Plan
    from plantrack.ops import PlanChange, Stamp

# What a command's own arguments come to: the change to make, once the plan is read.
Change = Callable[["Plan", "Stamp"], "PlanChange"]


def _shared(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


# The options every writing command takes, after its own arguments (`--note` aside for
# `block`, which takes `--reason`, and `note`, which takes the text itself).
_NOTE = _shared("note", NoteOption, None)
_SHARED = [
    _shared("by", ByOption, None),
    _shared("date", DateOption, None),
    _shared("dry_run", DryRunOption, False),
    _shared("format", EditFormatOption, EditFormat.text),
    _shared("plan", PlanOption, None),
]


def _writing_command(own: Callable[..., Change], *, note: bool = True) -> Callable[..., None]:
    """The typer command for `own`, a function of the command's own arguments that returns
    the change to make: the shared options are added to its parameters here."""

    def command(**arguments: Any) -> None:
        _check_text(arguments, shown)
        shared = {p.name: arguments.pop(p.name) for p in [_NOTE, *_SHARED] if p.name in arguments}
        _run(own(**arguments), **shared)

    signature = inspect.signature(own, eval_str=True)
    parameters = [*signature.parameters.values(), *([_NOTE] if note else []), *_SHARED]
    # The plan's path may hold any bytes the file system allows.
    shown = {p.name: _shown_name(p) for p in parameters if p.name != "plan"}
    command.__name__ = own.__name__
    command.__doc__ = own.__doc__
    setattr(command, "__signature__", signature.replace(parameters=parameters))  # noqa: B010
    return command


def _check_text(arguments: dict[str, Any], shown: dict[str, str]) -> None:
    """Every text argument must be text: bytes that are not UTF-8 reach Python as lone
    surrogates, which no file can hold; the argument is named, not the plan blamed."""
    from plantrack.errors import ExitCode, PlantrackError

    for name, value in arguments.items():
        words = value if isinstance(value, list) else [value]
        if name in shown and any(isinstance(w, str) and not _encodable(w) for w in words):
            raise PlantrackError(
                t("edit.argument_not_utf8", argument=shown[name]), exit_code=ExitCode.USAGE
            )


def _shown_name(parameter: inspect.Parameter) -> str:
    """A parameter as the user writes it: `--to` for an option, `TEXT` for an argument."""
    from typer.models import OptionInfo

    for info in get_args(parameter.annotation)[1:]:
        if isinstance(info, OptionInfo):
            declared = [info.default, *(info.param_decls or ())]
            return next(d for d in declared if isinstance(d, str) and d.startswith("--"))
        metavar = getattr(info, "metavar", None)
        if metavar:
            return str(metavar)
    return parameter.name.upper()


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def assign(
    numbers: Numbers,
    to: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option("--to", help=t("help.to"), metavar="OWNER", autocompletion=completion.owners),
    ] = None,
    co_owners: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--with", help=t("help.with"), metavar="CO-OWNER", autocompletion=completion.owners
        ),
    ] = None,
    new_role: Annotated[bool, typer.Option("--new-role", help=t("help.new_role"))] = False,
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_numbers

    items = item_numbers(numbers)
    return lambda plan, when: ops.assign(
        plan, items, to, when, co_owners=co_owners, new_role=new_role
    )


def unassign(
    numbers: Numbers,
    co_owners: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--with",
            help=t("help.unassign_with"),
            metavar="CO-OWNER",
            autocompletion=completion.owners,
        ),
    ] = None,
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_numbers

    items = item_numbers(numbers)
    return lambda plan, when: ops.unassign(plan, items, when, co_owners=co_owners)


def _status_command(word: str) -> Callable[..., Change]:
    def command(numbers: Numbers) -> Change:
        from plantrack import ops
        from plantrack.arguments import item_numbers

        items = item_numbers(numbers)

        status = ops.status_named(word)
        return lambda plan, when: ops.set_status(plan, items, status, when)

    command.__name__ = word
    return command


def reopen(numbers: Numbers) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_numbers

    items = item_numbers(numbers)
    return lambda plan, when: ops.reopen(plan, items, when)


def block(
    numbers: Numbers,
    reason: Annotated[
        str, typer.Option("--reason", help=t("help.reason"), metavar="TEXT", show_default=False)
    ],
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_numbers

    items = item_numbers(numbers)
    return lambda plan, when: ops.block(plan, items, reason, when)


def set_status(
    numbers: NumbersThenStatus,
    status: Annotated[
        str,
        typer.Argument(
            metavar="STATUS",
            help=t("help.status_word"),
            show_default=False,
            autocompletion=completion.statuses,
        ),
    ],
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_numbers
    from plantrack.errors import PlantrackError
    from plantrack.model import Status

    items = item_numbers(numbers)

    new_status = ops.status_named(status)

    def change(plan: Plan, when: Stamp) -> PlanChange:
        if new_status is Status.BLOCKED and when.note is None:
            # as `block` requires --reason: a lagging item must say why
            raise PlantrackError(t("edit.blocked_needs_note"))
        return ops.set_status(plan, items, new_status, when)

    return change


def progress(
    number: Number,
    percent: Annotated[
        str, typer.Argument(metavar="PERCENT", help=t("help.percent"), show_default=False)
    ],
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_number

    item = item_number(number)

    value = ops.percent(percent)
    return lambda plan, when: ops.set_progress(plan, item, value, when)


def note(
    number: Number,
    text: Annotated[
        list[str], typer.Argument(metavar="TEXT", help=t("help.note_text"), show_default=False)
    ],
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_number, joined

    item = item_number(number)

    what = ops.checked_note(joined(text))

    def change(plan: Plan, when: Stamp) -> PlanChange:
        return ops.note(plan, item, ops.Stamp(when.date, when.by, what))

    return change


def due(
    arguments: Annotated[
        list[str],
        typer.Argument(
            metavar="N… [DATE]", help=t("help.due_args"), autocompletion=completion.item_numbers
        ),
    ],
    clear: Annotated[bool, typer.Option("--clear", help=t("help.clear"))] = False,
) -> Change:
    from plantrack import ops
    from plantrack.arguments import item_numbers
    from plantrack.dates import parse_deadline
    from plantrack.errors import ExitCode, PlantrackError

    words = list(arguments)
    deadline = None if clear else (words.pop() if len(words) > 1 else None)
    if not clear and deadline is None:
        raise PlantrackError(t("edit.due_needs_date"), exit_code=ExitCode.USAGE)
    try:
        numbers = item_numbers(words)
    except PlantrackError:
        if clear and words and not _numbers_only(words[-1]):
            raise PlantrackError(t("edit.due_both"), exit_code=ExitCode.USAGE) from None
        raise

    def change(plan: Plan, when: Stamp) -> PlanChange:
        when_due = parse_deadline(deadline, plan.year) if deadline is not None else None
        return ops.set_due(plan, numbers, when_due, when)

    return change


def _numbers_only(word: str) -> bool:
    from plantrack.arguments import item_numbers
    from plantrack.errors import PlantrackError

    try:
        item_numbers([word])
    except PlantrackError:
        return False
    return True


def _run(
    make: Change,
    *,
    note: str | None = None,
    by: str | None,
    date: str | None,
    dry_run: bool,
    format: EditFormat,
    plan: Any,
) -> None:
    """Check the request, make the change under the lock, and hand what was done to render."""
    import os

    from plantrack import ops
    from plantrack.dates import parse_day, today
    from plantrack.errors import PlantrackError
    from plantrack.render import terminal
    from plantrack.render.edits import render_edit
    from plantrack.writing.plan_file import open_for_edit

    path = plan_path(plan)
    now = today()
    who = by if by is not None else _author(os.path.dirname(os.path.abspath(path)))

    def stamped(year: int) -> Stamp:
        # 3月15日 is read in the plan's year, so the date waits for the plan
        when_date = parse_day(date, year) if date is not None else now
        if when_date > now:  # a ledger records what was done
            raise PlantrackError(t("edit.future_date", date=when_date, today=now))
        return ops.stamp(when_date, who, note)

    def waiting() -> None:
        terminal.stderr().say(t("write.waiting", path=path))

    with open_for_edit(path, dry_run=dry_run, on_wait=waiting) as edit:
        edited = edit.apply(make(edit.plan, stamped(edit.plan.year)))
    render_edit(edited, format is EditFormat.json, terminal.stdout(), terminal.stderr())


def _author(folder: str) -> str:
    """git's user.name for the plan's folder, else the login name."""
    import subprocess

    try:
        found = subprocess.run(
            ["git", "config", "user.name"],
            cwd=folder,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=3,
            check=False,
        )
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        from plantrack.errors import PlantrackError

        raise PlantrackError(t("edit.no_author")) from None


# Options whose value is a text: the words after them, up to the next option, are one text.
_TEXT_OPTIONS = ("--reason", "--note", "-n")


class _WordsCommand(PlantrackCommand):
    """A writing command that reads texts as people type them: `--reason 等待 上级 文件`
    is one reason, and `note 3 - 列表` is told to put `--` before a text starting with '-'."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        options = {"--help", *(name for p in self.params for name in p.opts)}
        from plantrack.arguments import joined_options

        text_options = options if self.name == "note" else None
        return super().parse_args(ctx, joined_options(args, _TEXT_OPTIONS, text_options))


def register(app: typer.Typer) -> None:
    commands: list[tuple[str, str, Callable[..., Change], bool]] = [
        ("assign", "help.assign", assign, True),
        ("unassign", "help.unassign", unassign, True),
        ("start", "help.start", _status_command("doing"), True),
        ("done", "help.done", _status_command("done"), True),
        ("block", "help.block", block, False),
        ("reopen", "help.reopen", reopen, True),
        ("set-status", "help.set_status", set_status, True),
        ("progress", "help.progress", progress, True),
        ("note", "help.note", note, False),
        ("due", "help.due", due, True),
    ]
    for name, help_key, own, takes_note in commands:
        # `progress 3 -5` must reach the percentage check, not be taken for an option.
        settings = {"ignore_unknown_options": True} if name == "progress" else None
        command = _writing_command(own, note=takes_note)
        app.command(name, help=t(help_key), context_settings=settings, cls=_WordsCommand)(command)
