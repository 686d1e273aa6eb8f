"""status and show as a person sees them, piped and coloured, against golden files.

The files are in tests/data/golden, one per view, language, width and colour; after an
intended change of layout, `PLANTRACK_WRITE_GOLDEN=1 pytest tests/test_render_golden.py`
writes them anew (and the diff is reviewed like code).
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import DATA, Environment
from rich.cells import cell_len
from typer.testing import CliRunner

from plantrack.cli import app

GOLDEN = DATA / "golden"
PLAN = GOLDEN / "plan.yaml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

CASES = [
    (view, language, columns, colour)
    for view in ("status", "show")
    for language in ("en", "zh")
    for columns in (60, 80, 200)
    for colour in (False, True)
]


@pytest.mark.parametrize(
    ("view", "language", "columns", "colour"),
    CASES,
    ids=[f"{v}-{lang}-{c}-{'colour' if k else 'plain'}" for v, lang, c, k in CASES],
)
def test_view_matches_its_golden_file(
    environment: Environment, view: str, language: str, columns: int, colour: bool
) -> None:
    environment(
        PLANTRACK_LANG=language,
        COLUMNS=str(columns),
        FORCE_COLOR="1" if colour else None,
        TERM="xterm-256color",
    )
    args = ["status"] if view == "status" else ["show", "2"]
    result = CliRunner().invoke(app, [*args, "--plan", str(PLAN)])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{view}-{language}-{columns}-{'colour' if colour else 'plain'}.txt"
    if os.environ.get("PLANTRACK_WRITE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    plain = ANSI.sub("", result.stdout)
    assert max(cell_len(line) for line in plain.splitlines()) <= columns
    if not colour:
        assert "\x1b" not in result.stdout
    if view == "status":  # one line per item, whatever the width: grep finds each whole
        rows = [line for line in plain.splitlines() if re.match(r"^\s+\d+\s", line)]
        assert [int(row.split()[0]) for row in rows] == [1, 2, 3, 4]
