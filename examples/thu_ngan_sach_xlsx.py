"""Write examples/thu-ngan-sach.xlsx, the sheet that examples/thu-ngan-sach.yaml reads its
table rows from (``rows: {file: thu-ngan-sach.xlsx, sheet: Số liệu, range: A5:E12}``).

The workbook is committed; this script is how it was made (a spreadsheet would do as
well). Run ``python examples/thu_ngan_sach_xlsx.py`` to write it again.
"""

from __future__ import annotations

import datetime
import decimal
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

ROWS: list[list[object]] = [
    [1, "Sở Nội vụ", 1200, 1341, decimal.Decimal("1.1175")],
    [2, "Sở Tư pháp", 860, 802, decimal.Decimal("0.9326")],
    [3, "Sở Giáo dục và Đào tạo", 15400, 16012, decimal.Decimal("1.0397")],
    [4, "Thành phố Bắc Ninh", 45000, 47210, decimal.Decimal("1.0491")],
    [5, "Thị xã Từ Sơn", 38000, 36540, decimal.Decimal("0.9616")],
    [6, "Huyện Quế Võ", 21500, 22875, decimal.Decimal("1.064")],
    [7, "Huyện Tiên Du", 18200, 17930, decimal.Decimal("0.9852")],
    [8, "Huyện Yên Phong", 26300, 27640, decimal.Decimal("1.0510")],
]


def main() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(["THU NGÂN SÁCH NHÀ NƯỚC NĂM 2025"])
    sheet.append(["Đơn vị tính: triệu đồng"])
    sheet.append(["STT", "Đơn vị", "Năm 2025", None, "Tỷ lệ"])
    sheet.append([None, None, "Kế hoạch", "Thực hiện", None])
    for row in ROWS:
        sheet.append(row)
    for number in range(5, 5 + len(ROWS)):
        sheet[f"E{number}"].number_format = "0.00%"
    stamp = datetime.datetime(2026, 1, 15)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.save(HERE / "thu-ngan-sach.xlsx")


if __name__ == "__main__":
    main()
