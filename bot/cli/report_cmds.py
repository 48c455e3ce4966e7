"""`nhacviec status`, `ics` and `ics-url`: what the supervisors read, from what the bot keeps."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import config as config_mod

if TYPE_CHECKING:  # the heavy modules load only when a report is asked for (`nhacviec run` starts faster)
    from bot.reports.status import StatusReport
    from bot.store import Store


def register(sub: Any) -> None:
    """Add the commands to the parser."""
    c = sub.add_parser("status", help="tình hình thực hiện: đúng hạn, trễ hạn, quá hạn, sắp đến hạn")
    c.add_argument("--plan", help="mã hoặc số hiệu kế hoạch, ví dụ 300/KH-UBND")
    c.add_argument("--agency", help="mã hoặc tên cơ quan")
    c.add_argument("--as-of", type=dt.date.fromisoformat, default=None, metavar="NGÀY",
                   help="tính đến ngày (YYYY-MM-DD)")
    c.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    c.add_argument("-o", "--output", type=Path, default=None, help="ghi ra tệp (bắt buộc với xlsx)")
    c.set_defaults(func=_cmd_status)
    c = sub.add_parser("ics", help="lịch iCalendar các nhiệm vụ của một cơ quan")
    c.add_argument("--agency", required=True, help="mã hoặc tên cơ quan")
    c.add_argument("-o", "--output", type=Path, default=None)
    c.set_defaults(func=_cmd_ics)
    c = sub.add_parser("ics-url", help="địa chỉ bí mật để Google Calendar/Outlook đăng ký lịch của một cơ quan")
    c.add_argument("agency", help="mã hoặc tên cơ quan")
    c.set_defaults(func=_cmd_ics_url)


class Stop(Exception):
    """A message for the admin, and the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _agency(store: Store, written: str) -> str:
    from bot.cli.telegram_cmds import find_agency
    from bot.schedule.model import Agency

    found, suggestion = find_agency([Agency(i, n) for i, n in store.agency_names_all().items()], written)
    if found is None:
        hint = f' Có phải "{suggestion}"?' if suggestion else " (chạy nhacviec run để đồng bộ lịch)"
        raise Stop(f'không có cơ quan "{written}" trong cơ sở dữ liệu.{hint}')
    return found.id


def _plan(store: Store, written: str) -> str:
    plans = store.plan_numbers()
    for ident, number in plans.items():
        if written in (ident, number):
            return ident
    raise Stop(f'không có kế hoạch "{written}"; có: {", ".join(sorted(plans.values()))}')


def _open(args: argparse.Namespace) -> tuple[config_mod.Config, Store]:
    from bot.store import Store

    cfg = config_mod.load(args.config)
    store = Store(cfg.database)
    store.migrate()
    return cfg, store


def _run(args: argparse.Namespace, body: Any) -> int:
    cfg, store = _open(args)
    try:
        return int(body(cfg, store))
    except Stop as e:
        print(e, file=sys.stderr)
        return e.code
    finally:
        store.engine.dispose()


def _cmd_status(args: argparse.Namespace) -> int:
    from bot.reports.status import build

    def body(cfg: config_mod.Config, store: Store) -> int:
        plan = _plan(store, args.plan) if args.plan else None
        agency = _agency(store, args.agency) if args.agency else None
        tasks = store.task_statuses(plan=plan, agency=agency)
        if not tasks and not (plan or agency):
            raise Stop("chưa có nhiệm vụ nào trong cơ sở dữ liệu: chạy nhacviec run (hoặc nhacviec simulate) trước")
        as_of = args.as_of or args.clock.now().astimezone(cfg.tz).date()
        report = build(tasks, as_of, cfg.tz, cfg.calendar.calendar())
        scope = "".join(f" – {s}" for s in (args.plan, args.agency) if s)
        return _emit(report, args.format, args.output, scope)

    return _run(args, body)


def _emit(report: StatusReport, fmt: str, output: Path | None, scope: str) -> int:
    from bot.reports import xlsx

    if fmt == "xlsx":
        target = output or Path(f"tinh-hinh-{report.as_of:%Y-%m-%d}.xlsx")
        xlsx.write(report, target, scope)
        print(f"đã ghi {target}")
        return 0
    text = {"json": as_json, "csv": as_csv, "table": as_table}[fmt](report, scope)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")  # Excel reads the BOM
        print(f"đã ghi {output}")
    return 0


def as_json(report: StatusReport, scope: str = "") -> str:
    """The report as JSON (machine-readable figures, ISO dates)."""
    def counts(c: Any) -> dict[str, Any]:
        return {"total": c.total, "on_time": c.on_time, "late": c.late, "overdue": c.overdue, "not_due": c.not_due,
                "coming": c.coming, "rate": None if c.rate is None else round(c.rate, 4)}

    data = {
        "as_of": report.as_of.isoformat(), "total": counts(report.total),
        "by_agency": [{"agency": a, **counts(c)} for a, c in report.by_agency.items()],
        "by_plan": [{"plan": n, "title": t, **counts(c)} for (n, t), c in report.by_plan.items()],
        "overdue": [{"code": x.task.id, "plan": x.task.plan_number, "task": x.task.task_id, "title": x.task.task_title,
                     "agency": x.task.agency_name, "due": x.task.effective_due.isoformat(),
                     "late_working_days": x.late_days} for x in report.overdue],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def as_csv(report: StatusReport, scope: str = "") -> str:
    """One row per agency and plan, headers in Vietnamese, the rate in percent."""
    from bot.reports.status import HEADERS

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("Cơ quan", "Kế hoạch", *HEADERS[:-1], "Tỷ lệ hoàn thành (%)"))
    for (agency, plan), c in report.by_pair.items():
        *figures, rate = c.row()
        writer.writerow((agency, plan, *figures, "" if rate is None else f"{rate * 100:.1f}"))
    return out.getvalue()


SHORT = ("Tổng số", "Đúng hạn", "Trễ hạn", "Quá hạn", "Chưa đến hạn", "Trong 30 ngày tới", "Tỷ lệ xong")


def as_table(report: StatusReport, scope: str = "") -> str:
    """Tables for a terminal: by agency, by plan, then the overdue tasks."""
    from rich.console import Console
    from rich.table import Table

    from bot.reports.status import NOTE, percent

    buffer = io.StringIO()
    console = Console(file=buffer, width=140, force_terminal=False, color_system=None)
    console.print(f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ TÍNH ĐẾN NGÀY {report.as_of:%d/%m/%Y}{scope}")
    for title, rows in (("Theo cơ quan", [((a,), c) for a, c in report.by_agency.items()]),
                        ("Theo kế hoạch", [((n,), c) for (n, _), c in report.by_plan.items()])):
        table = Table(title=title, title_justify="left")
        table.add_column("Cơ quan" if title.endswith("cơ quan") else "Kế hoạch")
        for h in SHORT:
            table.add_column(h, justify="right")
        for (name,), c in rows:
            *figures, rate = c.row()
            table.add_row(name, *map(str, figures), percent(rate))
        *figures, rate = report.total.row()
        table.add_row("Tổng cộng", *map(str, figures), percent(rate), style="bold")
        console.print(table)
    overdue = Table(title=f"Nhiệm vụ quá hạn ({len(report.overdue)})", title_justify="left")
    for h in ("Mã", "Kế hoạch", "Nhiệm vụ", "Cơ quan", "Hạn", "Trễ (ngày làm việc)"):
        overdue.add_column(h, justify="right" if h.startswith(("Mã", "Trễ")) else "left")
    for x in report.overdue:
        t = x.task
        overdue.add_row(f"#{t.id}", t.plan_number, f"{t.task_id}. {t.task_title[:60]}", t.agency_name,
                        f"{t.effective_due:%d/%m/%Y}", str(x.late_days))
    console.print(overdue)
    console.print(NOTE.format(as_of=report.as_of))
    return buffer.getvalue()


def _cmd_ics(args: argparse.Namespace) -> int:
    from bot.reports import ics
    from bot.schedule import ScheduleKeeper

    def body(cfg: config_mod.Config, store: Store) -> int:
        agency = _agency(store, args.agency)
        keeper = ScheduleKeeper([cfg.schedules], cfg.reminders)
        if not keeper.reload(args.clock.today()):  # the alarm times come from the schedule's policies
            print(f"lịch trong {cfg.schedules} có lỗi (xem nhacviec check): các sự kiện sẽ không có lời nhắc",
                  file=sys.stderr)
        tasks = store.task_statuses(agency=agency, states=("open", "done", "cancelled"))
        data = ics.build(store.agency_names([agency])[agency], tasks,
                         ics.alarm_times(keeper.current, cfg.calendar.calendar(), cfg.tz), args.clock.now())
        if args.output is None:
            sys.stdout.buffer.write(data)
        else:
            args.output.write_bytes(data)
            print(f"đã ghi {args.output}: {len(tasks)} nhiệm vụ")
        return 0

    return _run(args, body)


def _cmd_ics_url(args: argparse.Namespace) -> int:
    from bot.web import feed_url

    def body(cfg: config_mod.Config, store: Store) -> int:
        agency = _agency(store, args.agency)
        print(feed_url(cfg, store, agency))
        print("Địa chỉ này là bí mật: ai có nó xem được lịch của cơ quan. Dán vào Google Calendar "
              "(Thêm lịch → Từ URL) hoặc Outlook (Thêm lịch → Đăng ký từ web).", file=sys.stderr)
        return 0

    return _run(args, body)
