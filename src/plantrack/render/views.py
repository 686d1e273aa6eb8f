"""The plan as people see it: the status table and its JSON, and the words and styles of
both views (render/item_view.py shows one item in full)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from plantrack.history import Schedule, Standing
from plantrack.history import completion as item_completion
from plantrack.i18n import CATALOGUE, listing, t
from plantrack.model import Item, Status, parse_status
from plantrack.numerals import part_marker
from plantrack.render.terminal import Stream

if TYPE_CHECKING:
    from plantrack.render.table import Row
from plantrack.render.status_json import write_json as write_json
from plantrack.render.visible import visible
from plantrack.render.wrapped import Wrapped
from plantrack.summary import StatusView

# The colours supervision offices use: blue due soon, yellow behind, red overdue.
STANDING_STYLE: dict[Standing | None, tuple[str, ...]] = {
    Standing.AHEAD: ("green",),
    Standing.ON_TRACK: (),
    Standing.BEHIND: ("yellow", "bold"),
    Standing.OVERDUE: ("red", "bold"),
    Standing.DONE: ("dim",),
    None: ("dim",),
}

STATUS_STYLE = {
    Status.TODO: "bright_black",
    Status.DOING: "cyan",
    Status.DONE: "green",
    Status.BLOCKED: "bold red",
}


def status_word(status: Status) -> str:
    return t("status." + status.value)


def standing_word(schedule: Schedule) -> str:
    """`behind`, `on track` … and `due soon`, in the user's language; — without a due date."""
    if schedule.standing is None:
        return "—"
    word = t("standing." + schedule.standing.value)
    return f"{word} · {t('standing.due_soon')}" if schedule.due_soon else word


def standing_style(schedule: Schedule) -> tuple[str, ...]:
    if schedule.due_soon and schedule.standing is not Standing.BEHIND:
        return ("blue", "bold")
    return STANDING_STYLE[schedule.standing]


# Each column of the status table: its header and how its text is aligned. On a narrow
# terminal the title is cut first, then the owner; numbers, statuses, progress and dates
# never are.
COLUMNS: tuple[tuple[str, Literal["left", "right"]], ...] = (
    ("col.number", "right"),
    ("col.title", "left"),
    ("col.owner", "left"),
    ("col.status", "left"),
    ("col.progress", "right"),
    ("col.due", "left"),
    ("col.schedule", "left"),
)
TITLE, OWNER, STATUS, SCHEDULE = 1, 2, 3, 6
# The narrowest a title or an owner is cut to before the table is let run past the edge.
TITLE_MIN, OWNER_MIN = 8, 4
BAR = 20  # cells of a completion bar; half on a terminal narrower than 80
GAP = 2  # cells between two columns


def render_status(view: StatusView, out: Stream) -> None:
    """Each section as a titled group (its completion as a bar) over a table of its items,
    then the whole plan's completion and counts; overdue items in red, and counted."""
    from rich.text import Text

    from plantrack.render.table import cell_width as cell_len

    room = out.console.width
    columns = list(COLUMNS)
    places = {n: p for s in view.plan.sections for n, p in s.part_places().items()}
    rows = _status_rows(view)
    # The schedule column goes first when the terminal is too narrow for every column with
    # a title of ten cells and an owner of twelve; --format json always has it.
    widest = _widest([t(key) for key, _ in columns], rows)
    fixed = [size for col, size in enumerate(widest) if col not in (TITLE, OWNER)]
    if sum(fixed) + 22 + GAP * len(columns) > room:
        # Each row keeps its schedule cell: a table shows only as many cells as it has columns.
        columns.pop(SCHEDULE)
        widest.pop(SCHEDULE)
    headers = [t(key) for key, _ in columns]
    widths, gap = _column_widths(headers, widest, room)
    bar = BAR if room >= 80 else BAR // 2
    headings = [
        f"{section.numeral}、{visible(section.title)}" if section.title is not None else ""
        for section in view.sections
    ]
    # The bars of every section (and the whole plan's) line up, at the tables' right edge
    # or after the longest heading, whichever is further, within the terminal.
    figures = len(f"{view.total}/{view.total} 100%")
    longest = max(map(cell_len, [*headings, t("status.overall")]))
    width = min(room, max(sum(widths) + gap * len(widths), longest + 2 * GAP + bar + figures))

    bars: dict[int, list[Any]] = {}

    def completion(heading: str, done: int, total: int, part: float) -> Any:
        return _completion_line(heading, done, total, part, bar, width, out, bars)

    day_text = view.today.isoformat()
    if view.as_of:
        day_text = t("status.as_of", date=day_text)
    day = Text(t("status.day", day=day_text), style="dim")
    out.show(Wrapped(Text.assemble(Text(visible(view.plan.title), style="bold"), day)))
    cells_of = iter(rows)
    for section, heading in zip(view.sections, headings, strict=True):
        # A flat plan's one section has no heading: the overall line says its completion.
        if section.title is not None:
            line = completion(heading, section.done, section.total, section.completion)
            out.lines(Text(), line)
        elif section.items:
            out.lines(Text())
        items = [next(cells_of) for _ in section.items]
        for line, part, with_header in _parts(items, places, gap):
            if line is not None:
                _part_line(out, line, width)
            if part or with_header:
                _items_table(out, columns, headers, widths, gap, part, with_header)
    if view.filtered and not view.total:
        out.show("", t("status.no_match"))
    out.lines(Text(), completion(t("status.overall"), view.done, view.total, view.completion))
    counts = Text("  ".join(f"{status_word(s)} {view.counts[s]}" for s in Status))
    if view.overdue:
        counts.append(f"  {t('status.overdue')} {view.overdue}", style="red")
    behind = view.behind()
    if behind:
        counts.append(f"  {t('standing.behind')} {behind}", style="yellow")
    out.show(counts)
    if view.unexplained:
        numbers = ", ".join(str(number) for number in view.unexplained)
        out.show(Wrapped(Text(t("history.unexplained_items", numbers=numbers), style="yellow")))


# An item's row: the item, and its line of the table (texts, styles, widths measured once).
_Row = tuple[Item, "Row"]


def _parts(
    rows: list[_Row], places: dict[int, tuple[int, str | None]], gap: int
) -> list[tuple[str | None, list[_Row], bool]]:
    """A section's rows as (line, rows, header) parts: under the column headers, each
    part at the （一） level under a line of its numeral and title (a sub-section's, or the
    item's own when it is a part by itself); a section without sub-sections is one table."""
    if not any(item.number in places for item, _ in rows):
        return [(None, rows, True)] if rows else []
    found: list[tuple[str | None, list[_Row], bool]] = [(None, [], True)]
    previous: int | None = None
    for item, cells in rows:
        index, subsection = places[item.number]
        if index != previous:
            title = visible(subsection if subsection is not None else item.title)
            found.append((" " * gap + part_marker(index) + title, [], False))
        found[-1][1].append((item, cells))
        previous = index
    return found


def _part_line(out: Stream, line: str, width: int) -> None:
    """A part's line, cut to the table's width; written as it is when plain, since a plan
    of thousands of sub-sections would spend seconds in rich for lines of plain text."""
    from plantrack.render.table import cell_width, cut

    if cell_width(line) > width:
        line = cut(line, width)
    out.lines(out.style(line, "bold"))


def _status_rows(view: StatusView) -> list[_Row]:
    """Every item's line of the table: what each cell says and its style, and how wide
    each cell is, measured once. The words and styles of a status or a standing are the
    same for every item that has it: each is looked up once."""
    from plantrack.render.table import Row, cell_width

    today = view.today
    overdue_word = t("status.overdue")
    words = {status: status_word(status) for status in Status}
    status_styles = {status: STATUS_STYLE[status] for status in Status}
    standings: dict[tuple[Standing | None, bool], tuple[str, str]] = {}
    days: dict[Any, str] = {}
    measure = _Measured().__getitem__
    unexplained = view.unexplained
    schedules = view.schedules
    rows = []
    for item in view.items():
        status = item.current_status
        if item.due is None:
            due = "—"
        else:
            due = days.get(item.due) or days.setdefault(item.due, item.due.isoformat())
        overdue = item.is_overdue(today)
        if overdue:
            due = f"{due} {overdue_word}"
        word = words[status]
        if item.number in unexplained:
            word += " ?"
        recorded = item.progress is not None or status is Status.DONE
        progress = f"{item_completion(item)}%" if recorded else "—"
        schedule = schedules[item.number]
        key = (schedule.standing, schedule.due_soon)
        standing = standings.get(key)
        if standing is None:
            standing = standings[key] = (
                standing_word(schedule),
                " ".join(standing_style(schedule)),
            )
        owner = visible(item.owner) if item.owner else "—"
        texts = [str(item.number), visible(item.title), owner, word, progress, due, standing[0]]
        # A number is ASCII, a title is its item's own: neither is worth remembering.
        sizes = [len(texts[0]), cell_width(texts[1]), *map(measure, texts[2:])]
        styles = ["", "", "", status_styles[status], "", "bold red" if overdue else "", standing[1]]
        rows.append((item, Row(texts, styles, "red" if overdue else "", sizes)))
    return rows


class _Measured(dict[str, int]):
    """Texts' widths in cells, each distinct text measured once (statuses, owners and
    dates repeat from row to row)."""

    def __missing__(self, text: str) -> int:
        from plantrack.render.table import cell_width

        width = self[text] = cell_width(text)
        return width


def _widest(headers: list[str], rows: list[_Row]) -> list[int]:
    """Each column's widest cell, its header's included."""
    from plantrack.render.table import cell_width

    widest = [cell_width(header) for header in headers]
    if rows:
        columns = zip(*[line.sizes or () for _, line in rows], strict=True)
        widest = list(map(max, widest, map(max, columns)))
    return widest


def _column_widths(headers: list[str], widest: list[int], room: int) -> tuple[list[int], int]:
    """Each column as wide as its widest cell, and the gap between columns. When the
    terminal is narrower than that, the title and the owner share what the other columns
    leave (the owner up to a third of it) and rich cuts them with an ellipsis; if even
    that does not fit, the gaps narrow to one cell."""
    from plantrack.render.table import cell_width as cell_len

    widths = list(widest)
    flexible = room - GAP * len(widths) - sum(widths) + widths[TITLE] + widths[OWNER]
    if widths[TITLE] + widths[OWNER] > flexible:
        least = max(OWNER_MIN, cell_len(headers[OWNER]))
        widths[OWNER] = min(widths[OWNER], max(least, flexible // 3))
        widths[TITLE] = max(TITLE_MIN, flexible - widths[OWNER])
    fits = sum(widths) + GAP * len(widths) <= room
    return widths, GAP if fits else 1


def _items_table(
    out: Stream,
    columns: list[tuple[str, Literal["left", "right"]]],
    headers: list[str],
    widths: list[int],
    gap: int,
    rows: list[_Row],
    with_header: bool = True,
) -> None:
    from plantrack.render.table import show_table

    justify = [side for _, side in columns]
    lines = [line for _, line in rows]
    show_table(out, justify, headers, widths, gap, lines, with_header=with_header)


def _completion_line(
    heading: str,
    done: int,
    total: int,
    completion: float,
    bar: int,
    width: int,
    out: Stream,
    bars: dict[int, list[Any]],
) -> Any:
    """`heading  ━━━━━━━━━━━━  2/4  50%` in `width` cells: the heading is cut (with an
    ellipsis) before the bar and the figures are. `bars` keeps each percentage's bar
    drawn, for the next line with the same."""
    from rich.progress_bar import ProgressBar
    from rich.text import Text

    percent = round(completion * 100)
    figures = Text(f"{done}/{total} {percent:>3}%", style="green" if percent == 100 else "")
    room = max(width - bar - figures.cell_len - 2 * GAP, 1)
    line = Text()
    line.append(heading, style="bold")
    line.truncate(room, overflow="ellipsis", pad=True)
    line.append(" " * GAP)
    # The bar is rich's own, drawn as it draws it for this console (plain, coloured, ASCII).
    if percent not in bars:
        console = out.console
        drawn = ProgressBar(
            total=100,
            completed=percent,
            width=bar,
            complete_style="magenta",
            finished_style="green",
            style="bright_black",
        )
        bars[percent] = list(console.render(drawn, console.options.update_width(bar)))
    for segment in bars[percent]:
        line.append(segment.text, segment.style)
    line.append(" " * (room + 2 * GAP + bar - line.cell_len))
    line.append_text(figures)
    return line


def describe_changes(changes: Mapping[str, tuple[Any, Any]]) -> str:
    """`owner: — → 纪检委员; status: doing → done`, field names and status words in the
    user's language (the ledger in the file always keeps the plan's own words)."""
    return t("change.separator").join(
        t(
            "change.field",
            field=field_label(name),
            old=field_value(name, old),
            new=field_value(name, new),
        )
        for name, (old, new) in changes.items()
    )


def field_label(name: str) -> str:
    return t("field." + name) if "field." + name in CATALOGUE else name


def field_value(field: str, value: Any) -> str:
    if value is None:
        return "—"
    if field == "status":
        status = value if isinstance(value, Status) else parse_status(str(value))
        if status is not None:
            return status_word(status)
    return visible(listing(value) if isinstance(value, list) else str(value))  # co-owners
