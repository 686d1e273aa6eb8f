"""Where a report's output goes: stdout, or a new file (-o) that is never a plan."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from plantrack.errors import PlantrackError, os_reason, shown_path
from plantrack.i18n import t
from plantrack.model import Plan
from plantrack.render.blocks import Block


def check_target(output: Path | None, force: bool) -> str | None:
    """The file to write, checked before any work: its folder exists, and it does not
    exist unless --force. None (or -) means stdout."""
    if output is None or str(output) == "-":
        return None
    path = os.fspath(output)
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        raise PlantrackError(t("write.no_folder", folder=folder))
    if os.path.exists(path) and not force:
        raise PlantrackError(t("write.exists", path=path))
    return path


def refuse_plan_as_target(target: str | None, plans: list[str]) -> None:
    """A report never changes a plan file, not even with --force."""
    if target is None or not os.path.exists(target):
        return
    for plan in plans:
        if os.path.exists(plan) and os.path.samefile(target, plan):
            raise PlantrackError(t("write.same_file", path=target))


def load_plans(paths: list[Path] | None) -> list[tuple[str, Plan]]:
    """The plans named by --plan (files, or folders searched for plan files), else the one
    plan the other commands use."""
    from plantrack.cli.options import plan_path
    from plantrack.reading import read_plan
    from plantrack.reading.discovery import plans_under

    if not paths:
        files = [plan_path(None)]
    else:
        files = plans_under([os.fspath(path) for path in paths])
        if not files:
            raise PlantrackError(
                t("reports.no_plans", paths=", ".join(os.fspath(p) for p in paths))
            )
    return [(shown_path(file), read_plan(file)) for file in files]


def json_text(data: Any) -> str:
    from plantrack.render.indented_json import dumps
    from plantrack.render.visible import json_escaped

    # Control characters from a plan are escaped in JSON as everywhere else (\u001b).
    return json_escaped(dumps(data)) + "\n"


def write_text(target: str | None, text: str) -> None:
    if target is None:
        from plantrack.render.terminal import write_data

        write_data(text)
        return
    _write(target, text.encode("utf-8"))


def message(text: str) -> None:
    from plantrack.render.terminal import stderr

    stderr().say(text)


def write_binary(target: str | None, data: bytes, *, text: bool = False) -> None:
    """Bytes to -o or to stdout. A binary file (docx, xlsx) goes to stdout only when that
    is not a terminal; `text` bytes (CSV with its BOM) go anywhere."""
    if target is None:
        if not text and sys.stdout.isatty():
            raise PlantrackError(t("reports.binary_tty"))
        from plantrack.render.terminal import write_data

        write_data(data)
        return
    _write(target, data)


def write_terminal(target: str | None, blocks: list[Block]) -> None:
    """Blocks laid out for the terminal; in a file, plain text without colour."""
    import io

    from plantrack.render.blocks import terminal
    from plantrack.render.terminal import stdout

    if target is None:
        terminal(blocks, stdout().file)
        return
    text = io.StringIO()
    terminal(blocks, text)
    _write(target, text.getvalue().encode("utf-8"))


def _write(path: str, data: bytes) -> None:
    from plantrack.render.terminal import stderr
    from plantrack.writing.atomic import write_atomic

    try:
        write_atomic(path, data)
    except OSError as error:
        raise PlantrackError(
            t("document.write_failed", path=path, reason=os_reason(error))
        ) from None
    stderr().say(t("render.done", path=path))
