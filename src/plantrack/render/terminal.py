"""The two outputs as rich consoles: text for people on stdout, messages on stderr; colour.

rich is imported only when something is written for a person (JSON and other data never
touch it), and then only the modules the output needs: start-up is what a user waits for.
Colour follows the usual rules, from the settings: only on a terminal, never when NO_COLOR
is set or TERM is dumb, always when FORCE_COLOR is.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

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
        """A line for a person: as it is, never cut; the terminal wraps it if it must."""
        self.console.print(text, soft_wrap=True)

    def show(self, *renderables: Any) -> None:
        """Tables and text laid out to the console's width, each from a new line."""
        for renderable in renderables:
            self.console.print(renderable)

    def data(self, text: str) -> None:
        """A line of data (JSON, annotations) exactly as it is: never through rich."""
        self.file.write(text + "\n")

    def style(self, text: str, *styles: str) -> Text:
        """`text` in these styles (rich's names: "red", "bold" …) wherever it is shown."""
        from rich.text import Text

        return Text(text, style=" ".join(styles))


def console_for(file: TextIO, color: bool) -> Console:
    """A rich console on `file`, told by plantrack's settings (not by the environment
    directly) whether to colour and how wide to lay out."""
    from rich.console import Console

    from plantrack.settings import current

    columns = current().columns
    return Console(
        file=file,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        width=columns or None,
        markup=False,  # plan text is never read as [markup], :emoji: or highlighted
        emoji=False,
        highlight=False,
    )


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
