"""The two outputs (data to stdout, messages to stderr), colour, and text laid out by display width.

This is deliberately small: a status table of a few hundred rows must appear as fast
as a hello-world, so layout is done here instead of through rich's Table and Console,
which cost more to import than the whole budget. Colour follows the usual rules:
only on a terminal, never when NO_COLOR is set, always when FORCE_COLOR is.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from dataclasses import dataclass
from typing import TextIO

from plantrack.text import char_width, width

STYLES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
    "bright_black": "90",
    "reverse": "7",
}


@dataclass
class Stream:
    """One output stream and whether it takes colour."""

    file: TextIO
    color: bool

    def write(self, text: str = "") -> None:
        self.file.write(text + "\n")

    def style(self, text: str, *styles: str) -> str:
        if not self.color or not styles or not text:
            return text
        codes = ";".join(STYLES[name] for name in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def wants_color(file: TextIO) -> bool:
    from plantrack.settings import current

    settings = current()
    if settings.no_color:
        return False
    if settings.force_color:
        return True
    if settings.dumb_terminal:
        return False
    try:
        tty = file.isatty()
    except (AttributeError, ValueError):
        return False
    if tty and sys.platform == "win32":
        return _enable_windows_ansi()
    return tty


def _enable_windows_ansi() -> bool:  # pragma: no cover - Windows only
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.GetStdHandle(-11)
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))
    except (AttributeError, OSError):
        return False


def stdout() -> Stream:
    _never_crash_on_encoding(sys.stdout)
    return Stream(sys.stdout, wants_color(sys.stdout))


def stderr() -> Stream:
    _never_crash_on_encoding(sys.stderr)
    return Stream(sys.stderr, wants_color(sys.stderr))


def _never_crash_on_encoding(file: TextIO) -> None:
    # A Windows pipe may use the ANSI code page; a character it lacks becomes '?', not a crash.
    reconfigure = getattr(file, "reconfigure", None)
    if reconfigure is not None and (getattr(file, "errors", "") or "") == "strict":
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")


def terminal_width(default: int = 100) -> int:
    from plantrack.settings import current

    columns = current().columns
    if columns > 0:
        return columns
    return shutil.get_terminal_size((default, 24)).columns


def truncate(text: str, cells: int) -> str:
    """Cut `text` to at most `cells` display cells, marking the cut with …."""
    if width(text) <= cells:
        return text
    out = []
    used = 0
    for char in text:
        w = char_width(char)
        if used + w > cells - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def pad(text: str, cells: int, align: str = "left") -> str:
    return fit(text, width(text), cells, align)


def fit(text: str, text_width: int, cells: int, align: str = "left") -> str:
    """`text`, `text_width` cells wide, cut or padded to `cells`: a table that has measured
    its cells for the columns' widths lays them out without measuring them again."""
    if text_width > cells:
        text = truncate(text, cells)
        text_width = width(text)
    gap = max(0, cells - text_width)
    return " " * gap + text if align == "right" else text + " " * gap


def wrap(text: str, cells: int) -> list[str]:
    """Wrap text to `cells` display cells. Chinese breaks between any two characters;
    runs of Latin letters and digits are kept whole where they fit."""
    cells = max(cells, 8)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        used = 0
        for token in _tokens(paragraph):
            w = width(token)
            if used + w > cells and line:
                lines.append(line.rstrip())
                line, used = "", 0
                token = token.lstrip()
                w = width(token)
            while w > cells:  # a token longer than a line: hard-break it
                head = truncate(token, cells + 1)[:-1] or token[0]
                lines.append(head)
                token = token[len(head) :]
                w = width(token)
            line += token
            used += w
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for char in text:
        if char.isascii() and not char.isspace():
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    return tokens


def bar(fraction: float, cells: int, stream: Stream) -> str:
    """A progress bar in the style of rich's: a heavy line, done part coloured."""
    fraction = min(max(fraction, 0.0), 1.0)
    filled = round(fraction * cells)
    done = "━" * filled
    rest = "━" * (cells - filled)
    if stream.color:
        colour = "green" if fraction >= 1 else "magenta"
        return stream.style(done, colour) + stream.style(rest, "bright_black")
    return done + "─" * (cells - filled)
