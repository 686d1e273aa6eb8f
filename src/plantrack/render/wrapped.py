"""Text that rich lays out with plantrack's line breaking: by display width, and never a
line that starts with a closing mark (，。、）」 …) or ends with an opening one.

rich breaks CJK text between any two characters, so a comma that falls at the edge of a
line would start the next one; this renderable takes rich's place for the breaking only:
rich still measures it, places it in its table cell and draws its styles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plantrack.lines import line_spans

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.text import Text


class Wrapped:
    """`text` (a rich Text, with its styles) broken into lines of the width it is given."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.cells import cell_len
        from rich.text import Text

        lines = [
            paragraph[start:end]
            for paragraph in self.text.split("\n", allow_blank=True)
            for start, end in line_spans(paragraph.plain, options.max_width, cell_len)
        ]
        # joined, each line's own style becomes a span of the whole, as rich joins lines
        yield from Text("\n").join(lines).render(console, end="\n")
