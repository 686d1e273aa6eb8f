"""`plantrack merge-driver` (git's merge driver for plan files) and `plantrack git-setup`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from plantrack.i18n import t


def merge_driver(
    base: Annotated[
        Path, typer.Argument(metavar="BASE", help=t("help.merge_base"), show_default=False)
    ],
    ours: Annotated[
        Path, typer.Argument(metavar="OURS", help=t("help.merge_ours"), show_default=False)
    ],
    theirs: Annotated[
        Path, typer.Argument(metavar="THEIRS", help=t("help.merge_theirs"), show_default=False)
    ],
    path: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Argument(metavar="PATH", help=t("help.merge_path"), show_default=False),
    ] = None,
) -> None:
    import os

    from plantrack.merging.files import merge_files
    from plantrack.render.terminal import stderr

    name = path or os.fspath(ours)
    outcome = merge_files(os.fspath(base), os.fspath(ours), os.fspath(theirs), name)
    err = stderr()
    if outcome.line_merge:
        err.say(t("merge.by_lines", path=name, reason=outcome.line_merge))
    for conflict in outcome.conflicts:
        err.say(t("merge.conflict", path=name, where=conflict.where))
    if outcome.line_conflicts:
        err.say(t("merge.line_conflicts", path=name, count=outcome.line_conflicts))
    if not outcome.clean:
        raise typer.Exit(1)


def git_setup(
    user: Annotated[bool, typer.Option("--global", help=t("help.git_setup_global"))] = False,
    check: Annotated[bool, typer.Option("--check", help=t("help.git_setup_check"))] = False,
) -> None:
    import os

    from plantrack.merging import git_setup as setup
    from plantrack.render.terminal import stderr

    found = setup.survey(os.getcwd(), user=user)
    err = stderr()
    if check:
        for pattern in found.missing_patterns:
            err.say(t("git_setup.pattern_missing", pattern=pattern, attribute=setup.ATTRIBUTE))
        for key in found.missing_config:
            err.say(t("git_setup.config_missing", key=key))
        err.say(t("git_setup.is_set" if found.complete else "git_setup.not_set"))
        raise typer.Exit(0 if found.complete else 1)
    setup.apply(found)
    for pattern in found.missing_patterns:
        err.say(t("git_setup.pattern_added", pattern=pattern, attribute=setup.ATTRIBUTE))
    where = t("git_setup.user_config" if user else "git_setup.repository_config")
    for key in found.missing_config:
        err.say(t("git_setup.config_set", key=key, value=setup.CONFIG[key], where=where))
    if found.complete:
        err.say(t("git_setup.already_set"))


def register(app: typer.Typer) -> None:
    app.command("merge-driver", help=t("help.merge_driver"))(merge_driver)
    app.command("git-setup", help=t("help.git_setup"))(git_setup)
