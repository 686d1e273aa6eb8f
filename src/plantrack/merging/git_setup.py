"""Telling git to merge plan files with plantrack: the .gitattributes lines and the config.

`survey` finds what is missing without changing anything; `apply` sets what it found
missing. Both ask git itself (`git rev-parse`, `git config`), so they see the config git
will use.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from dataclasses import dataclass

from plantrack.errors import PlantrackError, os_reason
from plantrack.i18n import t

DRIVER = "plantrack"
ATTRIBUTE = f"merge={DRIVER}"
CONFIG = {
    f"merge.{DRIVER}.name": "plantrack: merge plan files by meaning",
    f"merge.{DRIVER}.driver": "plantrack merge-driver %O %A %B %P",
}
ATTRIBUTES_FILE = ".gitattributes"


@dataclass(frozen=True)
class Setup:
    """Where the repository is, and what is not yet set there (or in the user's config)."""

    root: str
    patterns: tuple[str, ...]
    missing_patterns: tuple[str, ...]
    missing_config: tuple[str, ...]  # keys of CONFIG that git does not have as wanted
    user: bool  # the user's config (--global) rather than the repository's

    @property
    def complete(self) -> bool:
        return not self.missing_patterns and not self.missing_config


def survey(start: str, *, user: bool = False) -> Setup:
    """What `apply` would set for the repository that `start` is in."""
    root = repository_root(start)
    patterns = plan_patterns(root, start)
    present = _attributes(root)
    missing_patterns = tuple(p for p in patterns if p not in present)
    scope = ["--global"] if user else []
    missing_config = tuple(
        key
        for key, wanted in CONFIG.items()
        if _git(root, "config", *scope, "--get", key) != wanted
    )
    return Setup(root, patterns, missing_patterns, missing_config, user)


def needs_setup(folder: str) -> bool:
    """Whether `folder` is in a git repository that does not merge plans with plantrack yet."""
    try:
        return not survey(folder).complete
    except PlantrackError:  # not a repository, or no git at all: nothing to offer
        return False


def apply(setup: Setup) -> None:
    """Add the missing .gitattributes lines and set the missing config."""
    if setup.missing_patterns:
        _add_attributes(setup.root, setup.missing_patterns)
    scope = ["--global"] if setup.user else []
    for key in setup.missing_config:
        _git(setup.root, "config", *scope, key, CONFIG[key], check=True)


def repository_root(start: str) -> str:
    root = _git(start, "rev-parse", "--show-toplevel")
    if root is None:
        raise PlantrackError(t("git_setup.not_repository", folder=start))
    return root


def plan_patterns(root: str, start: str) -> tuple[str, ...]:
    """The .gitattributes patterns for the plans: `plans/*.yaml` and `*.yml` in the plans
    folder found as other commands find it, when it is in the repository."""
    from plantrack.reading.discovery import PLANS_FOLDER, nearest_plans_folder

    folder = PLANS_FOLDER
    found = nearest_plans_folder(start)
    with contextlib.suppress(ValueError):  # on another drive
        relative = os.path.relpath(found, root) if found is not None else os.pardir
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            folder = relative.replace(os.sep, "/")
    return (f"{folder}/*.yaml", f"{folder}/*.yml")


def _attributes(root: str) -> set[str]:
    """The patterns .gitattributes already gives merge=plantrack."""
    try:
        with open(os.path.join(root, ATTRIBUTES_FILE), encoding="utf-8") as file:
            lines = file.read().splitlines()
    except FileNotFoundError:
        return set()
    except (OSError, UnicodeDecodeError) as error:
        raise PlantrackError(
            t("git_setup.unreadable", path=ATTRIBUTES_FILE, reason=error)
        ) from None
    return {words[0] for line in lines if len(words := line.split()) > 1 and ATTRIBUTE in words[1:]}


def _add_attributes(root: str, patterns: tuple[str, ...]) -> None:
    from plantrack.writing.atomic import write_atomic

    path = os.path.join(root, ATTRIBUTES_FILE)
    try:
        with open(path, "rb") as file:
            old = file.read()
    except FileNotFoundError:
        old = b""
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    if old and not old.endswith(b"\n"):
        old += newline
    lines = b"".join(f"{pattern} {ATTRIBUTE}".encode() + newline for pattern in patterns)
    try:
        write_atomic(path, old + lines)
    except OSError as error:
        raise PlantrackError(t("write.failed", path=path, reason=os_reason(error))) from None


def _git(folder: str, *args: str, check: bool = False) -> str | None:
    """git's answer (stdout, stripped), or None when it says no (not a repository, not set)."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError as error:
        raise PlantrackError(t("merge.no_git", reason=os_reason(error))) from None
    if done.returncode != 0:
        if check:
            raise PlantrackError(
                t(
                    "git_setup.failed",
                    command=" ".join(["git", *args[:2]]),
                    reason=done.stderr.strip(),
                )
            )
        return None
    return done.stdout.strip()
