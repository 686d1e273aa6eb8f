"""The two outputs (data to stdout, messages to stderr), colour, and text laid out by display width.

This is deliberately small: a status table of a few hundred rows must appear as fast
as a hello-world, so layout is done here instead of through rich's Table and Console,
which cost more to import than the whole budget. Colour follows the usual rules:
only on a terminal, never when NO_COLOR is set, always when FORCE_COLOR is.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import shutil
import sys
from dataclasses import dataclass
from typing import Any, TextIO

from plantrack.render.visible import visible
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
        """A line for a person, in the console's encoding."""
        self.file.write(text + "\n")

    def say(self, text: str) -> None:
        """A message, under the one rule for who speaks (see `message`)."""
        self.write(message(text))

    def data(self, text: str) -> None:
        """A line of data, in UTF-8 whatever the console's encoding."""
        write_data(text + "\n", self.file)

    def style(self, text: str, *styles: str) -> str:
        if not self.color or not styles or not text:
            return text
        codes = ";".join(STYLES[name] for name in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


_LOCATED = re.compile(r"[^\n]+?:\d+:\d+: ")


def message(text: str) -> str:
    """A message line as plantrack says it: a line that starts with `path:line:col:` stands
    as it is, for editors and CI to find the place; every other line says who speaks."""
    # Messages echo plan text and arguments: their control characters are shown, not obeyed.
    text = visible(text)
    return text if _LOCATED.match(text) else f"plantrack: {text}"


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
    return Stream(sys.stdout, wants_color(sys.stdout))


def stderr() -> Stream:
    return Stream(sys.stderr, wants_color(sys.stderr))


def write_data(text: str, file: TextIO | None = None) -> None:
    """Data (JSON, YAML, SARIF, CSV, the schema, a patch, a document) to stdout as UTF-8
    bytes, whatever the console's encoding: it is read by programs, not by the console."""
    file = sys.stdout if file is None else file
    file.flush()  # text already written for a person comes first
    buffer = getattr(file, "buffer", None)
    if buffer is None:  # a stream that takes only text (a test's capture)
        file.write(text)
        return
    buffer.write(text.encode("utf-8"))
    buffer.flush()


class _Guard(io.RawIOBase):
    """The bytes layer under stdout or stderr: remembers the first write that failed.

    For stdout a failure is raised (the command stops, and says why at the end); for
    stderr it is swallowed, since a message that cannot be shown must not change what
    the command did to the plan.
    """

    def __init__(self, raw: Any, *, swallow: bool, closed: bool) -> None:
        super().__init__()
        self.raw = raw
        self.swallow = swallow
        self.failure: OSError | None = (
            OSError(errno.EBADF, os.strerror(errno.EBADF)) if closed else None
        )

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.failure is not None:
            if self.swallow:
                return len(data)
            raise self.failure
        try:
            written: int | None = self.raw.write(data)
        except OSError as error:
            self.failure = error
            if self.swallow:
                return len(data)
            raise
        return len(data) if written is None else written

    def isatty(self) -> bool:
        return self.failure is None and bool(self.raw.isatty())

    def fileno(self) -> int:
        return int(self.raw.fileno())

    def close(self) -> None:
        # The descriptors belong to the process; Python closes them at exit.
        super().close()


@dataclass
class Outputs:
    """The guards under stdout and stderr, asked at exit what became of the output."""

    out: _Guard
    err: _Guard

    def stdout_failure(self) -> OSError | None:
        """Flush stdout and say how writing to it failed, if it did; silence it then, so
        that Python's own flush at exit has nothing more to say."""
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        failure = self.out.failure
        if failure is not None:
            self.out.swallow = True
        return failure


def install_outputs() -> Outputs:
    """Put guarded streams in place of sys.stdout and sys.stderr, for the life of the process.

    A closed descriptor 0, 1 or 2 is first filled with the null device, so that no file
    this process opens takes its number (and gets a command's output written into it);
    a closed stdout still fails every write. Text for a person is written in the
    console's encoding, and what that cannot show becomes '?', never a crash.
    """
    closed = {number: _fill_if_closed(number) for number in (0, 1, 2)}
    out = _guarded(sys.stdout, 1, swallow=False, closed=closed[1])
    err = _guarded(sys.stderr, 2, swallow=True, closed=closed[2])
    sys.stdout = _text(out, sys.stdout, line_buffering=False)
    sys.stderr = _text(err, sys.stderr, line_buffering=True)
    return Outputs(out, err)


def _fill_if_closed(number: int) -> bool:
    try:
        os.fstat(number)
        return False
    except OSError:
        pass
    with contextlib.suppress(OSError):
        descriptor = os.open(os.devnull, os.O_RDWR)
        if descriptor != number:  # a lower number was closed too and took it; filled later
            os.dup2(descriptor, number)
            os.close(descriptor)
    return True


def _guarded(stream: TextIO | None, number: int, *, swallow: bool, closed: bool) -> _Guard:
    raw: Any = None
    if stream is not None and not closed:
        with contextlib.suppress(AttributeError, ValueError):
            stream.flush()
            # The raw layer Python chose is kept (on Windows, the console's own), and its
            # old wrappers are detached so that they never close it.
            raw = stream.detach().detach()  # type: ignore[attr-defined]
    if raw is None:
        raw = io.FileIO(number, "w", closefd=False)
    return _Guard(raw, swallow=swallow, closed=closed)


def _text(guard: _Guard, before: TextIO | None, *, line_buffering: bool) -> TextIO:
    encoding = getattr(before, "encoding", None) or "utf-8"
    tty = guard.isatty()
    return io.TextIOWrapper(
        io.BufferedWriter(guard),
        encoding=encoding,
        errors="replace",
        line_buffering=line_buffering or tty,
    )


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
