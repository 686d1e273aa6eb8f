"""Help laid out by display width: within the terminal in Chinese as in English.

A CJK character takes two cells. The golden files are in tests/data/golden; after an
intended change, `PLANTRACK_WRITE_GOLDEN=1 pytest tests/test_help_layout.py` writes them
anew.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import DATA
from rich.cells import cell_len

from plantrack.cli import COMMANDS

GOLDEN = DATA / "golden"
WIDTHS = (60, 200)
# Prints the help of plantrack and of every command at each width, in the language given.
ALL_HELP = """
import os, sys
os.environ["PLANTRACK_LANG"] = sys.argv[1]
from typer.testing import CliRunner
from plantrack.cli import COMMANDS, app
# Every page at the narrow width; at the wide one, the pages of the golden files.
for columns, names in (("60", ["", *COMMANDS]), ("200", ["", "status", "note"])):
    for name in names:
        args = [name, "--help"] if name else ["--help"]
        result = CliRunner().invoke(app, args, env={"COLUMNS": columns})
        sys.stdout.write(f"=== {columns} {name}\\n{result.stdout}")
"""


@pytest.fixture(scope="module")
def helps() -> dict[tuple[str, int], dict[str, str]]:
    running = {
        lang: subprocess.Popen([sys.executable, "-c", ALL_HELP, lang], stdout=subprocess.PIPE)
        for lang in ("en", "zh")
    }
    found: dict[tuple[str, int], dict[str, str]] = {}
    for lang, process in running.items():
        out, _ = process.communicate(timeout=60)
        for page in out.decode("utf-8").split("=== ")[1:]:
            title, text = page.split("\n", 1)
            columns, _, name = title.partition(" ")
            found.setdefault((lang, int(columns)), {})[name] = text
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_help_page_fits_a_narrow_terminal(
    helps: dict[tuple[str, int], dict[str, str]], lang: str
) -> None:
    pages = helps[lang, 60]
    assert list(pages) == ["", *COMMANDS]
    for name, page in pages.items():
        wide = [line for line in page.splitlines() if cell_len(line) > 60]
        assert wide == [], (name, wide)
    # On a wide terminal help keeps to 80 columns, as click's does, for reading.
    for page in helps[lang, 200].values():
        assert max(map(cell_len, page.splitlines())) <= 80


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", WIDTHS)
def test_help_matches_its_golden_file(
    helps: dict[tuple[str, int], dict[str, str]], lang: str, columns: int
) -> None:
    pages = helps[lang, columns]
    commands = {"plantrack --help": "", "plantrack status --help": "status"}
    commands["plantrack note --help"] = "note"
    shown = "".join(f"$ {command}\n{pages[name]}\n" for command, name in commands.items())
    golden = GOLDEN / f"help-{lang}-{columns}.txt"
    if os.environ.get("PLANTRACK_WRITE_GOLDEN"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


def test_chinese_help_breaks_between_characters_not_inside_words(
    helps: dict[tuple[str, int], dict[str, str]],
) -> None:
    page = helps["zh", 60]["status"]
    # `blocked` stays whole, and no line starts with a closing mark.
    assert "  -s, --status STATUS      只显示该状态的事项（todo、\n" in page
    assert "                           doing、done、blocked 或 未开\n" in page
    starts = [line.strip()[:1] for line in page.splitlines() if line.strip()]
    assert not set(starts) & set("，。、；：？！）」』》”’")
    # A note such as ［默认：14］ is never cut: it goes whole onto a line of its own.
    assert "  --soon DAYS              距完成时限多少天以内算作临期。\n" in page
    assert "\n                           ［默认：14］\n" in page
