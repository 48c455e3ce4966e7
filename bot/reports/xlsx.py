"""The status report as an Excel workbook a Sở Nội vụ officer can forward as is: a summary sheet
and a task list, Vietnamese headers, real dates, frozen header rows and auto-filters."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.reports.status import HEADERS, NOTE, VERDICTS, StatusReport

SUMMARY, TASKS = "Tổng hợp", "Danh sách nhiệm vụ"
TASK_HEADERS = ("Mã", "Kế hoạch", "Nhiệm vụ số", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Hạn hoàn thành",
                "Tình trạng", "Ngày hoàn thành", "Số ngày làm việc trễ hạn")
DATE = "dd/mm/yyyy"
_THIN = Side(style="thin", color="BBBBBB")
_HEAD = {"font": Font(bold=True), "fill": PatternFill("solid", fgColor="DDE5F0"),
         "alignment": Alignment(wrap_text=True, vertical="center", horizontal="center"),
         "border": Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)}


def _title(ws: Worksheet, text: str, note: str) -> None:
    ws["A1"] = text
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = note
    ws["A2"].font = Font(italic=True, color="555555")


def _header(ws: Worksheet, row: int, names: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for col, (name, width) in enumerate(zip(names, widths, strict=True), start=1):
        cell = ws.cell(row=row, column=col, value=name)
        for attr, value in _HEAD.items():
            setattr(cell, attr, value)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[row].height = 32
    ws.freeze_panes = f"A{row + 1}"


def _filter(ws: Worksheet, row: int, columns: int, last: int) -> None:
    ws.auto_filter.ref = f"A{row}:{get_column_letter(columns)}{max(last, row)}"


def _summary(ws: Worksheet, report: StatusReport, scope: str) -> None:
    _title(ws, f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ TÍNH ĐẾN NGÀY {report.as_of:%d/%m/%Y}{scope}",
           NOTE.format(as_of=report.as_of))
    names = ("Cơ quan", "Kế hoạch", *HEADERS)
    _header(ws, 4, names, (38, 18, 10, 12, 12, 10, 12, 14, 12))
    row = 4
    for (agency, plan), counts in report.by_pair.items():
        row += 1
        _values(ws, row, (agency, plan, *counts.row()))
    _filter(ws, 4, len(names), row)
    total = row + 2
    _values(ws, total, ("Tổng cộng", "", *report.total.row()))
    for col in range(1, len(names) + 1):
        ws.cell(row=total, column=col).font = Font(bold=True)


def _values(ws: Worksheet, row: int, values: tuple[Any, ...]) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        if col == len(values):
            cell.number_format = "0.0%"


def _tasks(ws: Worksheet, report: StatusReport, scope: str) -> None:
    _title(ws, f"DANH SÁCH NHIỆM VỤ TÍNH ĐẾN NGÀY {report.as_of:%d/%m/%Y}{scope}",
           "Nhiệm vụ đã đến hạn, đã hoàn thành hoặc sắp đến hạn; quá hạn lâu nhất ở trên.")
    _header(ws, 4, TASK_HEADERS, (8, 18, 11, 70, 34, 14, 20, 14, 12))
    order = {"overdue": 0, "late": 1, "not_due": 2, "on_time": 3}
    lines = sorted(report.lines, key=lambda x: (order[x.verdict], -x.late_days, x.task.agency_name,
                                                x.task.effective_due, x.task.task_id))
    row = 4
    for line in lines:
        t = line.task
        row += 1
        values = (t.id, t.plan_number, t.task_id, t.task_title, t.agency_name, t.effective_due, VERDICTS[line.verdict],
                  line.done_on, line.late_days or None)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if col in (6, 8):
                cell.number_format = DATE
            if col == 4:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    _filter(ws, 4, len(TASK_HEADERS), row)


def write(report: StatusReport, target: Path | IO[bytes], scope: str = "") -> None:
    """Write the workbook; `scope` names a plan or agency the report was limited to."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = SUMMARY
    _summary(summary, report, scope)
    _tasks(wb.create_sheet(TASKS), report, scope)
    wb.save(target)
