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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_help_page_fits_a_narrow_terminal(
    help_pages: dict[tuple[str, int], dict[str, str]], lang: str
) -> None:
    pages = help_pages[lang, 60]
    assert list(pages) == ["", *COMMANDS]
    for name, page in pages.items():
        wide = [line for line in page.splitlines() if cell_len(line) > 60]
        assert wide == [], (name, wide)
    # On a wide terminal help keeps to 80 columns, as click's does, for reading.
    for page in help_pages[lang, 200].values():
        assert max(map(cell_len, page.splitlines())) <= 80


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", WIDTHS)
def test_help_matches_its_golden_file(
    help_pages: dict[tuple[str, int], dict[str, str]], lang: str, columns: int
) -> None:
    pages = help_pages[lang, columns]
    commands = {"plantrack --help": "", "plantrack status --help": "status"}
    commands["plantrack note --help"] = "note"
    shown = "".join(f"$ {command}\n{pages[name]}\n" for command, name in commands.items())
    golden = GOLDEN / f"help-{lang}-{columns}.txt"
    if os.environ.get("PLANTRACK_WRITE_GOLDEN"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


def test_chinese_help_breaks_between_characters_not_inside_words(
    help_pages: dict[tuple[str, int], dict[str, str]],
) -> None:
    page = help_pages["zh", 60]["status"]
    # `blocked` stays whole, and no line starts with a closing mark.
    assert "  -s, --status STATUS      只显示该状态的事项（todo、\n" in page
    assert "                           doing、done、blocked 或 未开\n" in page
    starts = [line.strip()[:1] for line in page.splitlines() if line.strip()]
    assert not set(starts) & set("，。、；：？！）」』》”’")
    # A note such as ［默认：14］ is never cut: it goes whole onto a line of its own.
    assert "  --soon DAYS              距完成时限多少天以内算作临期。\n" in page
    assert "\n                           ［默认：14］\n" in page


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX's")
def test_help_on_a_terminal_without_columns_fits_the_terminals_width() -> None:
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 60, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    environ["PLANTRACK_LANG"] = "zh"
    process = subprocess.Popen(
        [sys.executable, "-m", "plantrack", "import", "--help"],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=environ,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    lines = shown.decode("utf-8").splitlines()
    assert lines[0].startswith("用法：plantrack import")
    assert max(cell_len(line) for line in lines) <= 60
