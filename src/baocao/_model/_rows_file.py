"""Table rows from a CSV file or a sheet of an .xlsx workbook (issue 12, §2).

In the input, ``rows: {file: dulieu.xlsx, sheet: Sheet1, range: A3:F40}`` (or
``{file: dulieu.csv}``) reads the rows from the file, its path relative to the input
file and inside its folder (no absolute path, no ``..`` out of it, no link out of it: an
input must not make baocao read any file of the machine); a report given as a text or a
mapping reads no file. In Python, :func:`rows_from_file` and
:meth:`baocao.Table.from_file` read any path they are given.

What a cell becomes, exactly:

* .xlsx: a whole number stays a whole number; a number with a fraction becomes the exact
  decimal that the sheet stores as its shortest form (``0.1`` is ``Decimal("0.1")``,
  never ``0.1000000000000000055…``), and a number that needs more than 15 significant
  digits (float noise such as ``0.30000000000000004``) is refused with its cell: round it
  in the sheet (``=ROUND(…;2)``). The value is kept as the sheet stores it, not as its
  number format shows it; a cell formatted as a percentage (``0.00%``) becomes a percent
  (``0.4767`` → ``47,67%``, with the format's decimals). A formula gives the value the
  sheet saved with it (the cached value); a formula without one (a file never opened in a
  spreadsheet) is refused with its cell, as are dates, true/false and error values
  (``#DIV/0!``). An empty cell is an empty text.
* CSV (UTF-8, comma-separated unless ``delimiter`` says otherwise): a cell written as a
  whole number (``1234``, ``-5``) or the Vietnamese way (``4.607.678``, ``47,67``) is a
  number; every other cell is a text, printed as written (``12.5`` is not a Vietnamese
  number and stays the text "12.5").

Every error names the file and the cell: ``Sheet1!C7``, or ``line 7, column 3``.
"""

from __future__ import annotations

import csv
import decimal
import io
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .._errors import InvalidTypeError, ValidationError
from .._files import read_bounded
from .._text import check_text, nfc
from ._fields import MAX_DIGITS
from ._values import Percent

__all__ = ["MAX_ROWS_FILE_BYTES", "RowsFile", "read_rows", "rows_from_file", "table_from_file"]

MAX_ROWS_FILE_BYTES = 64 * 1024 * 1024
"""The largest CSV or .xlsx file read for a table's rows."""

_SIGNIFICANT = 15
_VI_NUMBER = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_RANGE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})")
_FILE_KEYS = ("file", "sheet", "range", "delimiter")


class RowsFile:
    """Where a table's rows come from: a file, and for an .xlsx its sheet and range."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        sheet: str | None = None,
        cell_range: str | None = None,
        delimiter: str | None = None,
        shown: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.shown = shown or str(path)
        self.sheet = sheet
        self.cell_range = cell_range
        self.delimiter = delimiter

    @classmethod
    def from_input(cls, value: Mapping[str, Any], base: Path | None, path: str) -> RowsFile:
        """The ``{file, sheet, range, delimiter}`` of the input, ``file`` relative to
        ``base`` (the folder of the input file; the current folder for a mapping)."""
        for key in value:
            if key not in _FILE_KEYS:
                raise ValidationError(
                    key,
                    "is not a key of rows from a file; expected " + ", ".join(_FILE_KEYS),
                    path=path,
                )
        options: dict[str, str | None] = {}
        for key in _FILE_KEYS:
            item = value.get(key)
            if item is not None or key == "file":
                check_text(item, path=f"{path}.{key}")
            options[key] = item
        name = options["file"]
        assert name is not None
        if base is None:
            raise ValidationError(
                name,
                "can be read only from a report loaded from a file (baocao.load(path)), "
                "relative to its folder; in Python, use baocao.Table.from_file",
                path=f"{path}.file",
            )
        full = base / name
        inside = base.resolve()
        if Path(name).is_absolute() or not full.resolve().is_relative_to(inside):
            raise ValidationError(
                name,
                "is outside the folder of the input file: rows are read from files in that "
                "folder or below it (a report must not read any file of the machine)",
                path=f"{path}.file",
            )
        return cls(
            full,
            sheet=options["sheet"],
            cell_range=options["range"],
            delimiter=options["delimiter"],
            shown=name,
        )


Origin = Callable[[int, "int | None"], str]
"""Where the cell at (row index, column index) of what was read sits in the file; with
no column index, where the row is."""


def _error(value: object, where: str, reason: str, path: str) -> ValidationError:
    return ValidationError(value, f"at {where} {reason}", path=path)


def read_rows(source: RowsFile, path: str = "rows") -> tuple[list[tuple[Any, ...]], Origin]:
    """The rows of ``source`` and where each cell is (for the errors of the table)."""
    suffix = source.path.suffix.lower()
    if suffix == ".csv":
        if source.sheet is not None or source.cell_range is not None:
            raise ValidationError(
                source.shown, "is a CSV file: it has no sheet and no range", path=path
            )
        return _read_csv(source, path)
    if suffix in (".xlsx", ".xlsm"):
        if source.delimiter is not None:
            raise ValidationError(source.shown, "is an .xlsx file: it has no delimiter", path=path)
        return _read_xlsx(source, path)
    raise ValidationError(
        source.shown, "is not a .csv or an .xlsx file (by its name)", path=f"{path}.file"
    )


def _read(source: RowsFile, path: str) -> bytes:
    return read_bounded(
        source.path,
        MAX_ROWS_FILE_BYTES,
        lambda reason: ValidationError(source.shown, reason, path=f"{path}.file"),
    )


# --------------------------------------------------------------------------- CSV


def _csv_cell(text: str) -> Any:
    text = nfc(text)
    if _VI_NUMBER.fullmatch(text) and len(text) <= 2 * MAX_DIGITS:
        number = decimal.Decimal(text.replace(".", "").replace(",", "."))
        return int(number) if "," not in text else number
    return text


def _read_csv(source: RowsFile, path: str) -> tuple[list[tuple[Any, ...]], Origin]:
    raw = _read(source, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            source.shown, f"is not UTF-8 text (byte {exc.start})", path=f"{path}.file"
        ) from None
    delimiter = source.delimiter or ","
    if len(delimiter) != 1:
        raise ValidationError(delimiter, "is not one character", path=f"{path}.delimiter")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[Any, ...]] = []
    lines: list[int] = []
    start = 1
    try:
        for record in reader:
            if record:  # a blank line is no row
                rows.append(tuple(_csv_cell(cell) for cell in record))
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _error(
            source.shown, f"{source.shown}, line {reader.line_num}", f"is not CSV: {exc}", path
        ) from None
    if not rows:
        raise ValidationError(source.shown, "holds no rows", path=f"{path}.file")

    def origin(row: int, column: int | None) -> str:
        if column is None:
            return f"{source.shown}, line {lines[row]}"
        return f"{source.shown}, line {lines[row]}, column {column + 1}"

    return rows, origin


# --------------------------------------------------------------------------- xlsx


def _column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _exact(value: float, where: str, path: str) -> int | decimal.Decimal:
    if value != value or value in (float("inf"), float("-inf")):
        raise _error(value, where, "is not a finite number", path)
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    exact = decimal.Decimal(repr(value))
    digits = len(exact.as_tuple().digits)
    if digits > _SIGNIFICANT:
        raise _error(
            value,
            where,
            f"is not an exact decimal (it needs {digits} significant digits, more than "
            f"the {_SIGNIFICANT} a spreadsheet keeps): round it in the sheet (=ROUND(…;2)) "
            "or write it as text",
            path,
        )
    return exact


def _percent_decimals(number_format: str) -> int:
    match = re.search(r"\.(0+)%", number_format)
    return len(match.group(1)) if match else 0


def _xlsx_cell(cell: Any, where: str, path: str, formula: Callable[[], str | None]) -> Any:
    value = cell.value
    kind = cell.data_type
    if kind == "e":
        raise _error(value, where, "is an error value of the sheet; correct the formula", path)
    if value is None:
        text = formula()
        if text is not None:
            raise _error(
                text,
                where,
                "is a formula with no saved value (the file was never opened in a "
                "spreadsheet): open and save it in Excel or LibreOffice, or write the value",
                path,
            )
        return ""
    if isinstance(value, bool):
        raise _error(value, where, "is true or false, not a number or a text", path)
    if isinstance(value, str):
        text = nfc(value)
        try:
            check_text(text, path=path, allow_empty=True)
        except ValidationError as exc:
            raise _error(text, where, exc.reason, path) from None
        return text
    if isinstance(value, (int, float, decimal.Decimal)):
        if isinstance(value, float):
            number: int | decimal.Decimal = _exact(value, where, path)
        elif isinstance(value, decimal.Decimal):
            if not value.is_finite():
                raise _error(value, where, "is not a finite number", path)
            number = value
        else:
            number = value
        if "%" in (cell.number_format or ""):
            scaled = decimal.Decimal(number) * 100
            whole = scaled == scaled.to_integral_value()
            return Percent(
                int(scaled) if whole else scaled.normalize(),
                decimals=_percent_decimals(cell.number_format),
            )
        return number
    raise _error(
        value,
        where,
        f"is a {type(value).__name__} (a date or a time): a table cell is a text or a "
        "number; format the cell as text in the sheet",
        path,
    )


class _Formula:
    """The formula of one cell, read only when its value is missing."""

    __slots__ = ("column", "read", "row")

    def __init__(self, read: Callable[[int, int], str | None], row: int, column: int) -> None:
        self.read, self.row, self.column = read, row, column

    def __call__(self) -> str | None:
        return self.read(self.row, self.column)


def _read_xlsx(source: RowsFile, path: str) -> tuple[list[tuple[Any, ...]], Origin]:
    import openpyxl  # on first use: a report without .xlsx rows never loads it

    raw = _read(source, path)
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors: the file is not one
        raise ValidationError(
            source.shown,
            f"is not an .xlsx workbook openpyxl can read ({type(exc).__name__}: {exc})",
            path=f"{path}.file",
        ) from None
    try:
        names = book.sheetnames
        name = source.sheet if source.sheet is not None else names[0]
        if name not in names:
            raise ValidationError(
                name,
                f"is not a sheet of {source.shown}; it has " + ", ".join(names),
                path=f"{path}.sheet",
            )
        sheet = book[name]
        bounds = _bounds(source, sheet, path)
        first_row, first_col, last_row, last_col = bounds
        formulas: dict[str, Any] = {}

        def formula_at(row: int, column: int) -> str | None:
            if "sheet" not in formulas:
                book_f = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
                formulas["sheet"] = book_f[name]
                formulas["book"] = book_f
            found = formulas["sheet"].cell(row=row, column=column).value
            return found if isinstance(found, str) and found.startswith("=") else None

        rows: list[tuple[Any, ...]] = []
        for r_offset, record in enumerate(
            sheet.iter_rows(
                min_row=first_row, max_row=last_row, min_col=first_col, max_col=last_col
            )
        ):
            row_number = first_row + r_offset
            cells = []
            for c_offset, cell in enumerate(record):
                column = first_col + c_offset
                where = f"{source.shown}, {name}!{_column_letters(column)}{row_number}"
                cells.append(
                    _xlsx_cell(cell, where, path, _Formula(formula_at, row_number, column))
                )
            width = last_col - first_col + 1
            cells.extend([""] * (width - len(cells)))  # read-only rows stop at their last cell
            rows.append(tuple(cells))
        if "book" in formulas:
            formulas["book"].close()
    finally:
        book.close()
    if not rows:
        raise ValidationError(source.shown, "holds no rows in that range", path=f"{path}.file")

    def origin(row: int, column: int | None) -> str:
        number = first_row + row
        if column is None:
            return (
                f"{source.shown}, {name}!{_column_letters(first_col)}{number}:"
                f"{_column_letters(last_col)}{number}"
            )
        return f"{source.shown}, {name}!{_column_letters(first_col + column)}{number}"

    return rows, origin


def _bounds(source: RowsFile, sheet: Any, path: str) -> tuple[int, int, int, int]:
    if source.cell_range is None:
        last_row = sheet.max_row or 0
        last_col = sheet.max_column or 0
        if not last_row or not last_col:
            raise ValidationError(source.shown, "has an empty sheet", path=f"{path}.sheet")
        return 1, 1, last_row, last_col
    match = _RANGE.fullmatch(source.cell_range.strip())
    if not match:
        raise ValidationError(
            source.cell_range, "is not a range of cells such as A3:F40", path=f"{path}.range"
        )
    first_col, last_col = _column_number(match[1]), _column_number(match[3])
    first_row, last_row = int(match[2]), int(match[4])
    if first_row < 1 or first_row > last_row or first_col > last_col:
        raise ValidationError(
            source.cell_range,
            "is not a range from its top-left to its bottom-right cell",
            path=f"{path}.range",
        )
    return first_row, first_col, last_row, last_col


# --------------------------------------------------------------------------- API


def rows_from_file(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    range: str | None = None,  # the word of the input
    delimiter: str | None = None,
) -> tuple[tuple[Any, ...], ...]:
    """The rows of a CSV file or of a sheet of an .xlsx workbook, as table rows (texts and
    numbers; the module documentation says what each cell becomes).

    ``sheet`` (the first sheet by default) and ``range`` (``"A3:F40"``; the whole used
    range by default) are for .xlsx files, ``delimiter`` (``","`` by default) for CSV.
    Every error names the file and the cell (``Sheet1!C7``, ``line 7, column 3``).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(path, "is not a path", path="path")
    rows, _origin = read_rows(
        RowsFile(path, sheet=sheet, cell_range=range, delimiter=delimiter), "rows"
    )
    return tuple(rows)


def located(exc: ValidationError, origin: Origin, path: str = "rows") -> ValidationError:
    """``exc``, raised by a table for ``rows[i][j]`` (or ``rows[i]``), naming the file and
    the cell of that value instead."""
    match = re.match(rf"^{re.escape(path)}\[(\d+)\](?:\[(\d+)\])?", exc.path)
    if match is None:
        return exc
    row = int(match[1])
    where = origin(row, int(match[2]) if match[2] is not None else None)
    rest = exc.path[match.end() :]
    return type(exc)(exc.value, f"at {where}{rest} {exc.reason}", path=path)


def table_from_file(
    cls: Any,
    path: str | os.PathLike[str],
    *,
    sheet: str | None,
    cell_range: str | None,
    fields: dict[str, Any],
) -> Any:
    """``Table.from_file``: a table of the rows of ``path`` and the other ``fields``."""
    if "rows" in fields:
        raise ValidationError(fields["rows"], "is given with a file of rows", path="rows")
    delimiter = fields.pop("delimiter", None)
    source = RowsFile(path, sheet=sheet, cell_range=cell_range, delimiter=delimiter)
    rows, origin = read_rows(source)
    try:
        return cls(rows=rows, **fields)
    except ValidationError as exc:
        raise located(exc, origin) from None
