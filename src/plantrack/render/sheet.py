"""Tables as spreadsheets and their kin: CSV (UTF-8 with a BOM, safe from formula injection),
xlsx, a grid for Markdown, Word and the terminal, and JSON records."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

from plantrack.model import Status
from plantrack.render.blocks import Grid
from plantrack.render.views import describe_changes, status_word
from plantrack.reports.ledger import Cell, Table
from plantrack.text import width

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Supervision colours (ARGB): blue due soon, yellow behind, red overdue.
MARK_FILLS = {"due_soon": "FF9DC3E6", "behind": "FFFFE699", "overdue": "FFFF8080"}


def text(table: Table, col: int, cell: Cell) -> str:
    """A cell as text: dates in ISO form, percentages with %, nothing as empty."""
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, Status):
        return status_word(cell)
    if isinstance(cell, Mapping):
        return describe_changes(cell)
    if isinstance(cell, (int, float)) and col in table.percent:
        return f"{cell}%"
    return str(cell)


def safe(value: str) -> str:
    """A cell a spreadsheet shows as the text it is: a leading ' keeps =1+1 from running."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_bytes(table: Table) -> bytes:
    import csv

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe(h) for h in table.headers])
    # Column by column: each column's cells are mostly of one kind, worded without a call
    # for each cell (a 10,000-item 台账 has 110,000 of them).
    starts = _FORMULA_CHARACTERS
    columns = [
        [("'" + value) if value[:1] in starts else value for value in texts]
        for texts in _column_texts(table)
    ]
    writer.writerows(zip(*columns, strict=True))
    # The BOM is what makes Excel and WPS read the file as UTF-8 and show the Chinese.
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


_FORMULA_CHARACTERS = frozenset(FORMULA_STARTS)  # each is one character


def _column_texts(table: Table) -> list[list[str]]:
    """Each column's cells as `text` gives them: a text, a number not shown as a percentage,
    a date or a status is worded here, without a call for each cell; anything else by
    `text`."""
    return [
        _texts(table, col, [row[col] for row in table.rows]) for col in range(len(table.headers))
    ]


def _texts(table: Table, col: int, cells: list[Cell]) -> list[str]:
    percent = col in table.percent
    statuses: dict[Status, str] = {}
    texts: list[str] = []
    add = texts.append
    for cell in cells:
        if type(cell) is str:
            add(cell)
        elif cell is None:
            add("")
        elif type(cell) is int and not percent:
            add(str(cell))
        elif type(cell) is dt.date:
            add(cell.isoformat())
        elif type(cell) is Status:
            word = statuses.get(cell)
            if word is None:
                word = statuses[cell] = status_word(cell)
            add(word)
        else:
            add(text(table, col, cell))
    return texts


def grid(table: Table) -> Grid:
    numeric = frozenset(
        col for col in range(len(table.headers)) if col in table.percent or _numbers(table, col)
    )
    rows = [[text(table, col, cell) or "—" for col, cell in enumerate(row)] for row in table.rows]
    return Grid(list(table.headers), rows, numeric)


def _numbers(table: Table, col: int) -> bool:
    values = [row[col] for row in table.rows if row[col] is not None]
    return bool(values) and all(isinstance(value, (int, float)) for value in values)


def records(table: Table) -> list[dict[str, Any]]:
    """Rows as JSON objects by key; dates in ISO form, changes as {field: [old, new]}."""

    def value(cell: Cell) -> Any:
        if isinstance(cell, dt.date):
            return cell.isoformat()
        if isinstance(cell, Status):
            return cell.value
        if isinstance(cell, Mapping):
            return {name: [_json_value(old), _json_value(new)] for name, (old, new) in cell.items()}
        return cell

    return [dict(zip(table.keys, map(value, row), strict=True)) for row in table.rows]


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return getattr(value, "value", value)  # a Status as its word


def xlsx_bytes(sheets: list[Table]) -> bytes:
    """A workbook of one sheet per table: bold frozen header with an autofilter, columns as
    wide as their text (Chinese counted double), long text wrapped, dates as dates, status
    cells coloured by standing."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    for index, table in enumerate(sheets):
        _fill_sheet(book.create_sheet(_sheet_name(table.title), index), table, Font(bold=True))
    # The empty sheet a new workbook starts with, now after ours.
    book.remove(book.worksheets[-1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill_sheet(sheet: Any, table: Table, bold: Any) -> None:
    from copy import copy

    from openpyxl.cell import Cell as SheetCell
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widest = [_widest(header) for header in table.headers]
    # A column's width stops growing at its limit: text past it need not be measured.
    limits = [50 if col in table.wrap else 30 for col in range(len(table.headers))]
    columns = _column_texts(table)
    # Each cell's style is set once for each kind of cell (its column, what its value is,
    # its colour) and copied to the others: openpyxl hashes a style object every time one
    # is set, which for the 300,000 cells of a large plan's two sheets took most of a
    # minute. The first of each kind is set as before, so the workbook's styles are the
    # same ones in the same order; the others are made as openpyxl makes a cell given
    # such a value, without its checks of what the value is for each one.
    styles: dict[tuple[int, str, str | None], Any] = {}
    cells = sheet._cells
    for row_index, row in enumerate(table.rows, start=2):
        mark = table.marks[row_index - 2] if table.marks else None
        for col, value in enumerate(row):
            shown = columns[col][row_index - 2]
            if widest[col] + 2 < limits[col] and 2 * len(shown) > widest[col]:
                widest[col] = max(widest[col], _widest(shown))
            kind = _kind(value)
            marked = mark if col == table.mark_column else None
            style = styles.get((col, kind, marked))
            if style is not None and type(value) in _SET_DIRECTLY:
                made: Any = SheetCell(sheet, row=row_index, column=col + 1, style_array=style)
                if kind == "text":
                    made._value = made.check_string(shown)
                    made.data_type = "s"
                elif kind != "empty":
                    made._value = value
                    made.data_type = "d" if kind == "date" else "n"
                cells[(row_index, col + 1)] = made
                continue
            cell = sheet.cell(row=row_index, column=col + 1)
            if kind in ("date", "int", "float"):
                cell.value = value
            elif kind == "text":
                # openpyxl would take a leading = as a formula; text stays text.
                cell.value = shown
                cell.data_type = "s"
            if style is not None:
                cell._style = copy(style)
                continue
            if kind == "date":
                cell.number_format = "yyyy-mm-dd"
            elif kind in ("int", "float") and col in table.percent:
                cell.number_format = '0.0"%"' if kind == "float" else '0"%"'
            cell.alignment = Alignment(vertical="top", wrap_text=col in table.wrap)
            if marked is not None:
                cell.fill = PatternFill("solid", fgColor=MARK_FILLS[marked])
            styles[(col, kind, marked)] = copy(cell._style)
    sheet._current_row = max(sheet._current_row, len(table.rows) + 1)
    for col, size in enumerate(widest):
        limit = limits[col]
        sheet.column_dimensions[get_column_letter(col + 1)].width = max(6, min(size + 2, limit))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"


# The kinds of value whose cells are made directly once their kind's style is known.
_SET_DIRECTLY = frozenset({str, int, float, dt.date, Status, type(None)})


def _kind(value: Cell) -> str:
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, (int, float)):
        return "float" if isinstance(value, float) else "int"
    return "text" if value is not None else "empty"


def _widest(cell: str) -> int:
    return max(width(line) for line in (cell.splitlines() or [""]))


def _sheet_name(title: str) -> str:
    # Excel's limits: 31 characters, none of []:*?/\
    for mark in "[]:*?/\\":
        title = title.replace(mark, " ")
    return title[:31] or "Sheet"
