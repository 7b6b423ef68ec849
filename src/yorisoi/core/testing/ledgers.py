"""Writing ledger files for import tests: real .xlsx and .csv files, as a center's would be."""

from openpyxl import Workbook


def write_xlsx(path, headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path, headers, rows, encoding="utf-8"):
    lines = [",".join(headers)] + [",".join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
