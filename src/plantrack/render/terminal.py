"""The two outputs as rich consoles (text for people on stdout, messages on stderr), data
as UTF-8 bytes, colour, and the guarded streams of a command process.

rich is imported only when something is written for a person (JSON and other data never
touch it), and then only the modules the output needs: start-up is what a user waits for.
Colour follows the usual rules, from the settings: only on a terminal, never when NO_COLOR
is set or TERM is dumb, always when FORCE_COLOR is.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from plantrack.render.visible import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


@dataclass
class Stream:
    """One output stream, whether it takes colour, and the rich console that writes to it."""

    file: TextIO
    color: bool
    _console: Console | None = field(default=None, repr=False)

    @property
    def console(self) -> Console:
        if self._console is None:
            self._console = console_for(self.file, self.color)
        return self._console

    def write(self, text: str | Text = "") -> None:
        """A line for a person, in the console's encoding: as it is, never cut; the
        terminal wraps it if it must."""
        self.console.print(text, soft_wrap=True)

    def say(self, text: str) -> None:
        """A message, under the one rule for who speaks (see `message`). A line rich would
        write as it is goes straight to the stream: a writing command says one line, and
        laying it out would cost more than the write."""
        line = message(text)
        if self._console is None and not self.color and _as_rich_writes_it(line):
            self.file.write(line + "\n")
            self.file.flush()
            return
        self.write(line)

    def show(self, *renderables: Any) -> None:
        """Tables and text laid out to the console's width, each from a new line."""
        for renderable in renderables:
            self.console.print(renderable)

    def lines(self, *texts: Text) -> None:
        """Lines of text, each as `show` writes it, in one write: a line that needs none of
        rich's layout (no newline or tab in it, no wider than the console) is drawn from its
        styles directly, since a view of hundreds of such lines would spend most of its time
        laying each out."""
        from rich.cells import cell_len
        from rich.console import COLOR_SYSTEMS
        from rich.text import Text

        console = self.console
        system = COLOR_SYSTEMS.get(console.color_system or "")
        drawn: list[str] = []
        for text in texts:
            plain = text.plain
            if "\n" in plain or "\t" in plain or cell_len(plain) > console.width:
                self.file.write("".join(drawn))
                drawn = []
                self.show(text)
            elif not self.color:
                drawn.append(plain + "\n")
            else:
                # As rich prints it: the text's own style becomes a span of a joined text,
                # each run of one style is written in its codes.
                segments = Text("").join([text]).render(console, end="\n")
                drawn.extend(
                    style.render(part, color_system=system) if style else part
                    for part, style, _ in segments
                )
        self.file.write("".join(drawn))

    def data(self, text: str) -> None:
        """A line of data (JSON, annotations), in UTF-8 whatever the console's encoding,
        exactly as it is: never through rich."""
        write_data(text + "\n", self.file)

    def style(self, text: str, *styles: str) -> Text:
        """`text` in these styles (rich's names: "red", "bold" …) wherever it is shown."""
        from rich.text import Text

        return Text(text, style=" ".join(styles))


_LOCATED = re.compile(r"[^\n]+?:\d+:\d+: ")


def message(text: str) -> str:
    """A message line as plantrack says it: a line that starts with `path:line:col:` stands
    as it is, for editors and CI to find the place; every other line says who speaks."""
    # Messages echo plan text and arguments: their control characters are shown, not obeyed.
    text = visible(text)
    return text if _LOCATED.match(text) else f"plantrack: {text}"


def _as_rich_writes_it(line: str) -> bool:
    """Whether an uncoloured console writes `line` as it is: with no tab (rich expands it)
    and no line break in it. It never wraps one (see `write`), however wide; on Windows it
    writes to a console its own way."""
    return "\t" not in line and "\n" not in line and os.name != "nt"


def console_for(file: TextIO, color: bool) -> Console:
    """A rich console on `file`, told by plantrack's settings (not by the environment
    directly) whether to colour and how wide to lay out."""
    from rich.console import Console

    from plantrack.settings import current

    columns = current().columns
    console = Console(
        file=file,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        width=columns or None,
        markup=False,  # plan text is never read as [markup], :emoji: or highlighted
        emoji=False,
        highlight=False,
        _environ={},  # the environment is read once, by plantrack.settings
    )
    # Measured once: rich would ask the terminal its size again for every line it lays out.
    console.size = console.size
    return console


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
        return bool(file.isatty())
    except (AttributeError, ValueError):
        return False


def stdout() -> Stream:
    return Stream(sys.stdout, wants_color(sys.stdout))


def stderr() -> Stream:
    return Stream(sys.stderr, wants_color(sys.stderr))


def write_data(data: str | bytes, file: TextIO | None = None) -> None:
    """Data (JSON, YAML, SARIF, CSV, the schema, a patch, a document) to stdout as UTF-8
    bytes, whatever the console's encoding: it is read by programs, not by the console.
    Bytes (a CSV with its BOM, a .docx) go as they are."""
    file = sys.stdout if file is None else file
    file.flush()  # text already written for a person comes first
    buffer = getattr(file, "buffer", None)
    if buffer is None:  # a stream that takes only text (a test's capture)
        file.write(data if isinstance(data, str) else data.decode("utf-8", "replace"))
        return
    buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
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
        # What was written through, when it is to be kept (see plantrack.memo), and
        # whether anything was to be written at all, shown or not.
        self.copy: bytearray | None = None
        self.used = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.used = self.used or len(data) > 0
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
        written = len(data) if written is None else written
        if self.copy is not None:
            self.copy += memoryview(data)[:written]
        return written

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
            below = stream.detach()  # type: ignore[attr-defined]
            # Under `python -u` the layer below the text is the raw one already.
            raw = below if isinstance(below, io.RawIOBase) else below.detach()
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
