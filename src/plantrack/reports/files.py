"""Which plan files a report or overview covers: files named, and the plan files under folders."""

from __future__ import annotations

import os

from plantrack.errors import ExitCode, PlantrackError
from plantrack.i18n import t


def is_plan_name(name: str) -> bool:
    """`2022.yaml` or `2022.yml`: how plan files are named in a folder of plans."""
    stem, dot, ext = name.partition(".")
    return bool(dot) and ext in ("yaml", "yml") and len(stem) == 4 and stem.isdigit()


def plans_under(paths: list[str]) -> list[str]:
    """The plan files of `paths`: a file as given, a folder searched through (hidden folders
    such as .git and .venv skipped) for files named by year. Each file once, in path order."""
    found: dict[str, str] = {}
    for path in paths:
        if os.path.isdir(path):
            for folder, folders, names in os.walk(path):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                for name in sorted(names):
                    if is_plan_name(name):
                        file = os.path.join(folder, name)
                        found.setdefault(os.path.realpath(file), file)
        elif os.path.exists(path):
            found.setdefault(os.path.realpath(path), path)
        else:
            raise PlantrackError(t("reports.no_path", path=path), exit_code=ExitCode.USAGE)
    return list(found.values())


def organisation(path: str) -> str:
    """Whom a plan file belongs to, from where it is kept: `depts/办公室/plans/2022.yaml` →
    办公室; a plan outside a `plans` folder is named by its own folder."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.basename(folder) == "plans":
        folder = os.path.dirname(folder)
    return os.path.basename(folder) or path
