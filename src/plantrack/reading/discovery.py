"""Finding the plan files a command acts on: the `plans/` folder, a year's plan, lint's files."""

from __future__ import annotations

import os

from plantrack.errors import ExitCode, PlantrackError, os_reason
from plantrack.i18n import t

PLANS_FOLDER = "plans"


def nearest_plans_folder(start: str) -> str | None:
    """The `plans/` folder of `start` or of its nearest parent that has one, or None.

    The one search every command makes; the functions below say what to do without one.
    """
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, PLANS_FOLDER)
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def find_plans_folder(start: str) -> str:
    """The nearest `plans/` folder, or PlantrackError saying there is none."""
    folder = nearest_plans_folder(start)
    if folder is None:
        raise PlantrackError(t("plan.none_found"))
    return folder


def find_plan(explicit: str | os.PathLike[str] | None, start: str, year: int) -> str:
    """The plan file to use.

    `explicit` (from --plan or PLANTRACK_PLAN) wins; a folder there means the plan in it.
    Otherwise the `plans/` folder of `start` or of its nearest parent that has one.
    In a folder, the plan of `year` (the current year) when there is one, else the latest.
    """
    if explicit is not None and os.fspath(explicit) != "":
        name = os.fspath(explicit)
        return _plan_in(name, year) if os.path.isdir(name) else name
    return _plan_in(find_plans_folder(start), year)


def new_plan_path(start: str, year: int) -> str:
    """Where a new plan of `year` goes (import, init): the year's file in the nearest
    `plans/` folder (the existing `.yml` one if there is one), or `plans/<year>.yaml`
    under `start` when there is no such folder yet. Relative to `start`."""
    folder = nearest_plans_folder(start)
    if folder is None:
        return os.path.join(PLANS_FOLDER, f"{year}.yaml")
    path = plan_files(folder).get(year) or os.path.join(folder, f"{year}.yaml")
    return os.path.relpath(path, start)


def plan_year(name: str) -> int | None:
    """The year a plan file is named for (`2022.yaml`, `2022.yml`), or None for other names."""
    stem, dot, ext = name.partition(".")
    if dot and ext in ("yaml", "yml") and len(stem) == 4 and stem.isascii() and stem.isdigit():
        return int(stem)
    return None


def plan_files(folder: str) -> dict[int, str]:
    """The `<year>.yaml` / `<year>.yml` files of a folder, by year."""
    found: dict[int, str] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for name in names:
        year = plan_year(name)
        if year is not None:
            found.setdefault(year, os.path.join(folder, name))
    return found


def plans_under(paths: list[str]) -> list[str]:
    """The plan files of many plans (report, overview): a file as given, and in a folder,
    searched through, every file named by year; hidden folders (.git, .venv) are skipped.
    Each file once, in path order; a path that does not exist is a usage error."""
    found: dict[str, str] = {}
    for path in paths:
        if os.path.isdir(path):
            for folder, folders, names in os.walk(path):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                for name in sorted(names):
                    if plan_year(name) is not None:
                        file = os.path.join(folder, name)
                        found.setdefault(os.path.normcase(os.path.realpath(file)), file)
        elif os.path.exists(path):
            found.setdefault(os.path.normcase(os.path.realpath(path)), path)
        else:
            raise PlantrackError(t("reports.no_path", path=path), exit_code=ExitCode.USAGE)
    return list(found.values())


def _plan_in(folder: str, year: int) -> str:
    plans = plan_files(folder)
    if not plans:
        raise PlantrackError(t("plan.empty_folder", folder=folder))
    return plans.get(year) or plans[max(plans)]


def lint_paths(paths: list[str], start: str) -> tuple[list[str], list[str]]:
    """The paths searched and the files to check in them: each file given, and every
    *.yaml / *.yml of each folder given, each file once.

    With no paths, the discovered `plans/` folder. A path that does not exist is a
    usage error.
    """
    if not paths:
        try:
            paths = [os.path.relpath(find_plans_folder(start), start)]
        except PlantrackError as error:
            raise PlantrackError(error.message, exit_code=ExitCode.USAGE) from None
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            try:
                names = sorted(os.listdir(path))
            except OSError as error:
                reason = t("file.unreadable", reason=os_reason(error))
                raise PlantrackError(f"{path}: {reason}") from None
            files.extend(
                os.path.join(path, name)
                for name in names
                # A broken link is kept, to be reported as unreadable rather than skipped.
                if name.endswith((".yaml", ".yml")) and not os.path.isdir(os.path.join(path, name))
            )
        elif os.path.lexists(path):
            files.append(path)
        else:
            raise PlantrackError(t("lint.no_path", path=path), exit_code=ExitCode.USAGE)
    once: dict[str, str] = {}
    for file in files:
        once.setdefault(os.path.normcase(os.path.abspath(file)), file)
    return paths, list(once.values())
