"""`show` wraps Chinese text by the line-start rule: no line starts with a closing mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Environment
from rich.cells import cell_len
from typer.testing import CliRunner

from plantrack.cli import app
from plantrack.lines import NO_LINE_START

# At 60 columns the item's text takes 30 characters a line and the ledger's note 20
# (60 less the indent, the date, 王芳 and the gaps): each is written so that its comma
# is the 31st or the 21st character, where rich alone would start a line with it.
TEXT = "甲" * 29 + "乙，丙丁戊。"
NOTE = "子" * 19 + "丑、寅卯。"
PLAN = f"""\
title: 测试计划
year: 2022
sections:
  - title: 政治建设
    items:
      - number: 1
        title: 理论学习
        text: {TEXT}
        log:
          - date: 2022-03-15
            by: 王芳
            note: {NOTE}
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_show_never_starts_a_line_with_a_closing_mark(
    tmp_path: Path, environment: Environment, lang: str
) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(PLAN, encoding="utf-8")
    environment(COLUMNS="60", PLANTRACK_LANG=lang)
    result = CliRunner().invoke(app, ["show", "1", "--plan", str(path)])
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    # The comma's character goes down with it (the line above stays within 60 columns).
    assert "甲" * 29 in lines
    assert "乙，丙丁戊。" in lines
    assert "  2022-03-15  王芳  " + "子" * 19 in lines
    assert " " * 20 + "丑、寅卯。" in lines
    assert not [line for line in lines if line.strip()[:1] in NO_LINE_START]
    assert max(map(cell_len, lines)) <= 60
