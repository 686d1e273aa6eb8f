"""Writing commands: assign, unassign, start, done, block, reopen, set-status, progress, note, due.

Each parses its arguments, asks `ops` what the change means and lets `writer` make it in
place under the plan's lock; every change adds an entry to the item's ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from plantrack.cli.options import PlanOption, plan_path
from plantrack.i18n import t

if TYPE_CHECKING:
    from pathlib import Path

    from plantrack.loader import LoadedPlan
    from plantrack.ops import PlanChange, Stamp

Numbers = Annotated[
    list[int], typer.Argument(metavar="N", help=t("help.item_numbers"), show_default=False)
]
Number = Annotated[int, typer.Argument(metavar="N", help=t("help.item_number"), show_default=False)]
ByOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
    typer.Option("--by", help=t("help.by"), metavar="NAME", show_default=False),
]
DateOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--date", help=t("help.entry_date"), metavar="DATE", show_default=False),
]
NoteOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--note", "-n", help=t("help.note_option"), metavar="TEXT", show_default=False),
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help=t("help.dry_run"))]


def assign(
    numbers: Numbers,
    to: Annotated[
        str, typer.Option("--to", help=t("help.to"), metavar="OWNER", show_default=False)
    ],
    new_role: Annotated[bool, typer.Option("--new-role", help=t("help.new_role"))] = False,
    note: NoteOption = None,
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    _run(
        plan,
        lambda loaded, when: ops.assign(loaded.plan, numbers, to, when, new_role=new_role),
        by=by,
        date=date,
        note=note,
        dry_run=dry_run,
    )


def unassign(
    numbers: Numbers,
    note: NoteOption = None,
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    _run(
        plan,
        lambda loaded, when: ops.unassign(loaded.plan, numbers, when),
        by=by,
        date=date,
        note=note,
        dry_run=dry_run,
    )


def _status_command(word: str) -> Callable[..., None]:
    def command(
        numbers: Numbers,
        note: NoteOption = None,
        by: ByOption = None,
        date: DateOption = None,
        dry_run: DryRunOption = False,
        plan: PlanOption = None,
    ) -> None:
        from plantrack import ops

        status = ops.status_named(word)
        _run(
            plan,
            lambda loaded, when: ops.set_status(loaded.plan, numbers, status, when),
            by=by,
            date=date,
            note=note,
            dry_run=dry_run,
        )

    return command


def reopen(
    numbers: Numbers,
    note: NoteOption = None,
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    _run(
        plan,
        lambda loaded, when: ops.reopen(loaded.plan, numbers, when),
        by=by,
        date=date,
        note=note,
        dry_run=dry_run,
    )


def block(
    numbers: Numbers,
    reason: Annotated[
        str, typer.Option("--reason", help=t("help.reason"), metavar="TEXT", show_default=False)
    ],
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    _run(
        plan,
        lambda loaded, when: ops.block(loaded.plan, numbers, reason, when),
        by=by,
        date=date,
        note=None,
        dry_run=dry_run,
    )


def set_status(
    numbers: Numbers,
    status: Annotated[
        str, typer.Argument(metavar="STATUS", help=t("help.status_word"), show_default=False)
    ],
    note: NoteOption = None,
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    new_status = ops.status_named(status)
    _run(
        plan,
        lambda loaded, when: ops.set_status(loaded.plan, numbers, new_status, when),
        by=by,
        date=date,
        note=note,
        dry_run=dry_run,
    )


def progress(
    number: Number,
    percent: Annotated[
        str, typer.Argument(metavar="PERCENT", help=t("help.percent"), show_default=False)
    ],
    note: NoteOption = None,
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    value = ops.percent(percent)
    _run(
        plan,
        lambda loaded, when: ops.set_progress(loaded.plan, number, value, when),
        by=by,
        date=date,
        note=note,
        dry_run=dry_run,
    )


def note(
    number: Number,
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help=t("help.note_text"), show_default=False)
    ],
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops

    _run(
        plan,
        lambda loaded, when: ops.note(loaded.plan, number, when),
        by=by,
        date=date,
        note=text,
        dry_run=dry_run,
    )


def due(
    arguments: Annotated[
        list[str], typer.Argument(metavar="N", help=t("help.due_args"), show_default=False)
    ],
    clear: Annotated[bool, typer.Option("--clear", help=t("help.clear"))] = False,
    note: NoteOption = None,
    by: ByOption = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
) -> None:
    from plantrack import ops
    from plantrack.dates import parse_deadline
    from plantrack.errors import ExitCode, PlantrackError

    words = list(arguments)
    deadline = None if clear else (words.pop() if len(words) > 1 else None)
    if not clear and deadline is None:
        raise PlantrackError(t("edit.due_needs_date"), exit_code=ExitCode.USAGE)
    numbers = []
    for word in words:
        if not (word.strip().isascii() and word.strip().isdigit()):  # not ①, ² or ３
            error = "edit.due_both" if clear and word == words[-1] else "edit.not_a_number"
            raise PlantrackError(t(error, value=word), exit_code=ExitCode.USAGE)
        numbers.append(int(word))

    def change(loaded: LoadedPlan, when: Stamp) -> PlanChange:
        when_due = parse_deadline(deadline, loaded.plan.year) if deadline is not None else None
        return ops.set_due(loaded.plan, numbers, when_due, when)

    _run(plan, change, by=by, date=date, note=note, dry_run=dry_run)


def _run(
    plan: Path | None,
    make: Callable[[LoadedPlan, Stamp], PlanChange],
    *,
    by: str | None,
    date: str | None,
    note: str | None,
    dry_run: bool,
) -> None:
    """Check the request, make the change under the lock, and say what was done."""
    import os

    from plantrack import ops
    from plantrack.dates import parse_iso, today
    from plantrack.errors import PlantrackError
    from plantrack.render.terminal import stderr, write_data
    from plantrack.render.views import describe_changes
    from plantrack.writer import change_plan

    path = plan_path(plan)
    now = today()
    when_date = parse_iso(date) if date is not None else now
    if when_date > now:  # a ledger records what was done
        raise PlantrackError(t("edit.future_date", date=when_date, today=now))
    who = by if by is not None else _author(os.path.dirname(os.path.abspath(path)))
    when = ops.stamp(when_date, who, note)
    edit = change_plan(path, lambda loaded: make(loaded, when), dry_run=dry_run)
    err = stderr()
    if dry_run:
        write_data(edit.diff())
    for number in edit.change.unchanged:
        err.say(t("edit.unchanged", path=path, number=number))
    for item in edit.change.items:
        if item.changes:
            text = describe_changes(item.changes)
            err.say(t("edit.changed", path=path, number=item.number, changes=text))
        else:
            err.say(t("edit.noted", path=path, number=item.number))
    for role in edit.change.roles:
        err.say(t("edit.role_added", path=path, role=role))
    if dry_run:
        err.say(t("edit.dry_run"))


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


def register(app: typer.Typer) -> None:
    commands: list[tuple[str, str, Callable[..., None]]] = [
        ("assign", "help.assign", assign),
        ("unassign", "help.unassign", unassign),
        ("start", "help.start", _status_command("doing")),
        ("done", "help.done", _status_command("done")),
        ("block", "help.block", block),
        ("reopen", "help.reopen", reopen),
        ("set-status", "help.set_status", set_status),
        ("progress", "help.progress", progress),
        ("note", "help.note", note),
        ("due", "help.due", due),
    ]
    for name, help_key, command in commands:
        # `progress 3 -5` must reach the percentage check, not be taken for an option.
        settings = {"ignore_unknown_options": True} if name == "progress" else None
        app.command(name, help=t(help_key), context_settings=settings)(command)
