"""Reports: status figures in every format checked against the store, Excel opened back with
openpyxl, calendars parsed back with icalendar, the feed and /healthz over real HTTP."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import httpx
import openpyxl
import pytest
from icalendar import Calendar
from sqlalchemy import select

from bot.cli import main
from bot.clock import VIETNAM
from bot.config import Config, WebSettings
from bot.reports import ics
from bot.reports.status import build
from bot.store import Store
from bot.store.models import CompletionRow, OccurrenceRow
from bot.web import Web, feed_url
from tests.engine_harness import Harness, at, make

PLAN = '''
[plan]
number = "9/KH-UBND"
title = "Kế hoạch báo cáo"
year = 2018
supervisor = "UBND tỉnh"
''' + "".join(f'''
[[task]]
id = "T{i}"
title = "Việc {i}"
lead = "{lead}"
time = "ngày {day}"
''' for i, lead, day in [(1, "Sở Nội vụ", "01/10/2018"), (2, "Sở Nội vụ", "01/10/2018"), (3, "Sở Nội vụ", "01/10/2018"),
                         (4, "Sở Tài chính", "05/10/2018"), (5, "Sở Tài chính", "31/10/2018"),
                         (6, "Sở Tài chính", "31/12/2018"), (7, "Sở Nội vụ", "10/10/2018")])
AS_OF = dt.date(2018, 10, 15)


def _occ(store: Store, task: str) -> int:
    with store.session() as s:
        found = s.scalar(select(OccurrenceRow.id).where(OccurrenceRow.task_id == task))
        assert found is not None
        return found


def _fixture(tmp_path: Path, url: str) -> Harness:
    """T1 done on time, T2 done late, T3 open, T4 done after the as-of date, T5 and T6 not due, T7 undone."""
    h = make(tmp_path, url, start=at(2018, 9, 20, 7), plan=PLAN)
    assert h.engine.reload().applied
    store = h.store
    store.complete(_occ(store, "T1"), at(2018, 9, 28, 10), via="admin")
    store.complete(_occ(store, "T2"), at(2018, 10, 5, 16), via="admin")
    store.complete(_occ(store, "T4"), at(2018, 10, 16, 9), via="admin")
    store.complete(_occ(store, "T7"), at(2018, 10, 9, 9), via="button", chat_id=-1001)
    assert store.undo_last(-1001, at(2018, 10, 9, 8), at(2018, 10, 9, 9, 5)) == _occ(store, "T7")
    return h


EXPECTED = {  # agency: total, on time, late, overdue, not due, due within 30 days, rate
    "Sở Nội vụ": (4, 1, 1, 2, 0, 0, 0.5),
    "Sở Tài chính": (1, 0, 0, 1, 2, 1, 0.0),
}


def _expected_from_store(store: Store) -> dict[str, tuple[int, ...]]:
    """The same figures counted straight from the rows, as a person would with SQL."""
    with store.session() as s:
        occs = list(s.scalars(select(OccurrenceRow)))
        kept = s.scalars(select(CompletionRow).where(CompletionRow.undone_at.is_(None)))
        done = {c.occurrence_id: c.at for c in kept}
    names = store.agency_names([o.agency_id for o in occs])
    out: dict[str, list[int]] = {}
    for o in occs:
        row = out.setdefault(names[o.agency_id], [0] * 6)
        finished = done.get(o.id)
        day = finished.replace(tzinfo=dt.UTC).astimezone(VIETNAM).date() if finished else None
        if day is not None and day <= AS_OF:
            row[1 if day <= o.effective_due else 2] += 1
        elif o.effective_due < AS_OF:
            row[3] += 1
        else:
            row[4] += 1
            row[5] += int(o.effective_due <= AS_OF + dt.timedelta(days=30))
        row[0] = row[1] + row[2] + row[3]
    return {k: (*v,) for k, v in out.items()}


def test_the_figures(tmp_path: Path, db_url: str) -> None:
    h = _fixture(tmp_path, db_url)
    report = build(h.store.task_statuses(), AS_OF, VIETNAM, h.engine.calendar)
    assert {a: c.row() for a, c in report.by_agency.items()} == EXPECTED
    assert {a: c.row()[:6] for a, c in report.by_agency.items()} == _expected_from_store(h.store)
    assert [(x.task.task_id, x.late_days) for x in report.overdue] == [("T3", 10), ("T4", 6), ("T7", 3)]
    late = next(x for x in report.lines if x.task.task_id == "T2")
    assert late.verdict == "late" and late.late_days == 4 and late.done_on == dt.date(2018, 10, 5)
    # a day later T4's completion counts, late
    later = build(h.store.task_statuses(), dt.date(2018, 10, 16), VIETNAM, h.engine.calendar)
    assert later.by_agency["Sở Tài chính"].row()[:3] == (1, 0, 1)


def _cli(h: Harness, tmp_path: Path, *args: str) -> int:
    config = tmp_path / "etc" / "config.toml"  # not beside the schedules, where it would be read as a plan
    config.parent.mkdir(exist_ok=True)
    config.write_text(f'[bot]\nschedules = "{h.folder}"\ndatabase = "{h.store.url}"\n', encoding="utf-8")
    return main(["--config", str(config), *args], clock=h.clock)


def test_the_workbook(tmp_path: Path, db_url: str) -> None:
    h = _fixture(tmp_path, db_url)
    out = tmp_path / "bao-cao.xlsx"
    assert _cli(h, tmp_path, "status", "--as-of", "2018-10-15", "--format", "xlsx", "-o", str(out)) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Danh sách nhiệm vụ"]
    summary, tasks = wb["Tổng hợp"], wb["Danh sách nhiệm vụ"]
    assert summary["A1"].value == "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ TÍNH ĐẾN NGÀY 15/10/2018"
    assert [c.value for c in summary[4]] == ["Cơ quan", "Kế hoạch", "Tổng số", "Hoàn thành đúng hạn",
                                             "Hoàn thành trễ hạn", "Quá hạn", "Chưa đến hạn",
                                             "Đến hạn trong 30 ngày tới", "Tỷ lệ hoàn thành"]
    assert summary.freeze_panes == "A5" and summary.auto_filter.ref == "A4:I6"
    rows = {r[0]: r[2:] for r in summary.iter_rows(min_row=5, max_row=6, values_only=True)}
    assert rows == EXPECTED
    assert summary["I5"].number_format == "0.0%"
    assert [c.value for c in summary[8]][:2] == ["Tổng cộng", None] and summary["C8"].value == 5
    assert tasks.freeze_panes == "A5" and tasks.auto_filter.ref == "A4:I11"
    listed = {r[2]: r for r in tasks.iter_rows(min_row=5, values_only=True)}
    assert set(listed) == {f"T{i}" for i in range(1, 8)}
    t2 = listed["T2"]
    assert t2[5] == dt.datetime(2018, 10, 1) and t2[6] == "Hoàn thành trễ hạn" and t2[7] == dt.datetime(2018, 10, 5)
    assert t2[8] == 4 and listed["T3"][6] == "Quá hạn" and listed["T3"][8] == 10 and listed["T4"][7] is None
    assert tasks["F5"].number_format == "dd/mm/yyyy" and tasks["F5"].is_date
    assert [r[2] for r in tasks.iter_rows(min_row=5, max_row=7, values_only=True)] == ["T3", "T4", "T7"]


def test_json_csv_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = _fixture(tmp_path, f"sqlite:///{tmp_path / 'r.db'}")
    assert _cli(h, tmp_path, "status", "--as-of", "2018-10-15", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == {"total": 5, "on_time": 1, "late": 1, "overdue": 3, "not_due": 2, "coming": 1,
                             "rate": 0.4}
    assert [(o["task"], o["late_working_days"]) for o in data["overdue"]] == [("T3", 10), ("T4", 6), ("T7", 3)]
    out = tmp_path / "r.csv"
    assert _cli(h, tmp_path, "status", "--as-of", "2018-10-15", "--format", "csv", "-o", str(out)) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens Vietnamese CSV right with a BOM
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[1] == ["Sở Nội vụ", "9/KH-UBND", "4", "1", "1", "2", "0", "0", "50.0"]
    capsys.readouterr()
    assert _cli(h, tmp_path, "status", "--as-of", "2018-10-15", "--agency", "Sở Tài chính") == 0
    table = capsys.readouterr().out
    assert "Sở Tài chính" in table and "Sở Nội vụ" not in table and "0,0%" in table
    assert _cli(h, tmp_path, "status", "--plan", "99/KH") == 1
    assert "không có kế hoạch" in capsys.readouterr().err


def _events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_the_calendar_file(tmp_path: Path, db_url: str) -> None:
    h = _fixture(tmp_path, db_url)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert _cli(h, tmp_path, "ics", "--agency", "Sở Nội vụ", "-o", str(first)) == 0
    h.store.complete(_occ(h.store, "T3"), at(2018, 10, 20, 9), via="admin")
    h.engine.sync()
    assert _cli(h, tmp_path, "ics", "--agency", "snv", "-o", str(second)) == 0
    a, b = _events(first.read_bytes()), _events(second.read_bytes())
    assert len(a) == len(b) == 4
    uids_a = {str(e["uid"]) for e in a.values()}  # type: ignore[index]
    assert uids_a == {str(e["uid"]) for e in b.values()}  # type: ignore[index]
    t3 = next(e for s, e in a.items() if "] T3." in s)
    assert t3["dtstart"].dt == dt.date(2018, 10, 1) and t3["dtend"].dt == dt.date(2018, 10, 2)  # type: ignore[index]
    triggers = sorted(al["trigger"].dt for al in t3.walk("VALARM"))  # type: ignore[attr-defined]
    assert triggers == [at(2018, 9, 20), at(2018, 9, 26), at(2018, 9, 28), at(2018, 10, 1)]  # 7, 3, 1 days; due
    assert "Cơ quan chủ trì: Sở Nội vụ" in str(t3["description"])  # type: ignore[index]
    done = next(e for s, e in b.items() if "] T3." in s)
    assert str(done["summary"]).startswith("✅") and not done.walk("VALARM")  # type: ignore[index, attr-defined]


def test_the_feed_over_http(tmp_path: Path) -> None:
    h = _fixture(tmp_path, f"sqlite:///{tmp_path / 'f.db'}")
    cfg = Config(web=WebSettings(port=0))
    web = Web(cfg, h.store, h.clock, h.engine.calendar, lambda: h.engine.schedule)
    assert web.start()
    try:
        base = f"http://127.0.0.1:{web.port}"
        url = feed_url(Config(web=WebSettings(port=web.port)), h.store, "snv")
        assert url.startswith(f"{base}/lich/snv/")
        good = httpx.get(url)
        assert good.status_code == 200 and good.headers["content-type"].startswith("text/calendar")
        assert len(_events(good.content)) == 4
        token = url.rsplit("/", 1)[1].removesuffix(".ics")
        for bad in (f"{base}/lich/snv/{'0' * 32}.ics", f"{base}/lich/stc/{token}.ics", f"{base}/lich/snv/{token}",
                    f"{base}/lich/khong-co/{ics.feed_token(h.store.secret('ics'), 'khong-co')}.ics"):
            wrong = httpx.get(bad)
            assert wrong.status_code == 404 and wrong.content == b"Not Found", bad
    finally:
        web.stop()


def test_ics_url_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = _fixture(tmp_path, f"sqlite:///{tmp_path / 'u.db'}")
    assert _cli(h, tmp_path, "ics-url", "Sở Tài chính") == 0
    url = capsys.readouterr().out.strip()
    assert url == f"http://127.0.0.1:8080/lich/stc/{ics.feed_token(h.store.secret('ics'), 'stc')}.ics"
