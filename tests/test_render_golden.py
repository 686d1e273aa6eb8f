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


# A plan of three levels (一、 → （一） → 1., an item at the （一） level among them) and a
# flat plan with no sections: status groups items under their sub-sections' lines, and shows
# a flat plan without a section line.
LEVELS = [
    (plan, language, columns, colour)
    for plan in ("levels-plan", "flat-plan")
    for language in ("en", "zh")
    for columns in (60, 200)
    for colour in (False, True)
]


@pytest.mark.parametrize(
    ("plan", "language", "columns", "colour"),
    LEVELS,
    ids=[f"{p}-{lang}-{c}-{'colour' if k else 'plain'}" for p, lang, c, k in LEVELS],
)
def test_status_of_levels_matches_its_golden_file(
    environment: Environment, plan: str, language: str, columns: int, colour: bool
) -> None:
    environment(
        PLANTRACK_LANG=language,
        COLUMNS=str(columns),
        FORCE_COLOR="1" if colour else None,
        TERM="xterm-256color",
    )
    result = CliRunner().invoke(app, ["status", "--plan", str(GOLDEN / f"{plan}.yaml")])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"status-{plan}-{language}-{columns}-{'colour' if colour else 'plain'}.txt"
    if os.environ.get("PLANTRACK_WRITE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    plain = ANSI.sub("", result.stdout)
    assert max(cell_len(line) for line in plain.splitlines()) <= columns


def test_status_puts_each_item_under_its_subsection(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en", COLUMNS="200")
    result = CliRunner().invoke(app, ["status", "--plan", str(GOLDEN / "levels-plan.yaml")])
    lines = [line.strip() for line in result.stdout.splitlines()]
    starts = [line.split()[0] for line in lines if line]
    section_one = starts[starts.index("一、强化政治引领，推动理论武装和党的建设深度融合") :]
    assert section_one[:9] == [
        "一、强化政治引领，推动理论武装和党的建设深度融合",
        "No.",
        "（一）抓好理论学习，落实集中学习制度",
        "1",
        "2",
        "（二）严肃政治生活",
        "3",
        "（三）规范支部建设",
        "4",
    ]


def test_a_flat_plan_has_no_section_line(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en", COLUMNS="80")
    result = CliRunner().invoke(app, ["status", "--plan", str(GOLDEN / "flat-plan.yaml")])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[1].split() == ["No.", "Item", "Owner", "Status", "Progress", "Due", "Schedule"]
    assert "一、" not in result.stdout


def test_show_names_the_subsection_of_an_item(environment: Environment) -> None:
    environment(PLANTRACK_LANG="en", COLUMNS="80")
    result = CliRunner().invoke(app, ["show", "2", "--plan", str(GOLDEN / "levels-plan.yaml")])
    assert result.stdout.splitlines()[:3] == [
        "一、强化政治引领，推动理论武装和党的建设深度融合",
        "（一）抓好理论学习，落实集中学习制度",
        "2. 开展专题研讨",
    ]
    flat = CliRunner().invoke(app, ["show", "1", "--plan", str(GOLDEN / "flat-plan.yaml")])
    assert flat.stdout.splitlines()[0] == "1. 召开会员大会"
