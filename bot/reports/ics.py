"""An agency's tasks as an iCalendar feed: one all-day event per occurrence on its effective due
date, alarms when the bot's reminders go out, stable UIDs so that importing again updates."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Iterable

from icalendar import Alarm, Calendar, Event

from bot import planner
from bot.schedule.model import Schedule
from bot.store import TaskStatus
from bot.wording import ngay, rut_gon
from bot.workdays import WorkCalendar

Alarms = Callable[[TaskStatus], list[dt.datetime]]


def uid(task: TaskStatus) -> str:
    """The same UID for the same occurrence in every export (its key names plan, task, agency, due)."""
    return f"{hashlib.sha256(task.key.encode()).hexdigest()[:32]}@nhacviec"


def feed_token(secret: str, agency: str) -> str:
    """The secret part of an agency's feed URL (an HMAC: knowing one agency's gives no other's)."""
    return hmac.new(secret.encode(), f"ics|{agency}".encode(), hashlib.sha256).hexdigest()[:32]


def alarm_times(schedule: Schedule | None, calendar: WorkCalendar, tz: dt.tzinfo) -> Alarms:
    """When the bot reminds about an occurrence before and on its due date, under its task's policy."""
    policies = {(p.id, t.id): t.reminders for p in schedule.plans for t in p.tasks} if schedule else {}

    def times(task: TaskStatus) -> list[dt.datetime]:
        policy = policies.get((task.plan_id, task.task_id))
        if policy is None:
            return []
        occ = planner.Occurrence(task.plan_id, task.task_id, task.agency, task.due, task.effective_due,
                                 task.deadline)
        return [r.send_at for r in planner.reminders(occ, policy, calendar, tz) if r.kind in ("before", "due")]

    return times


def _description(t: TaskStatus) -> str:
    lines = [f"Nhiệm vụ {t.task_id}: {t.task_title}", f"Kế hoạch {t.plan_number}: {t.plan_title}".rstrip(": "),
             f"Cơ quan chủ trì: {t.lead_text or t.agency_name}"]
    if t.coordinating:
        lines.append(f"Cơ quan phối hợp: {t.coordinating}")
    if t.product:
        lines.append(f"Sản phẩm: {t.product}")
    if t.time_text:
        lines.append(f"Thời gian theo kế hoạch: {t.time_text}")
    lines.append(f"Hạn hoàn thành: {ngay(t.effective_due)}")
    if t.state == "done":
        lines.append("Tình trạng: đã hoàn thành")
    lines.append(f"Mã nhiệm vụ: #{t.id} (gõ /xong {t.id} trong nhóm Telegram khi hoàn thành)")
    return "\n".join(lines)


def build(name: str, tasks: Iterable[TaskStatus], alarms: Alarms, now: dt.datetime) -> bytes:
    """The calendar of one agency; cancelled occurrences stay as cancelled events so clients drop them."""
    cal = Calendar()
    cal.add("prodid", "-//nhacviec//Nhac viec//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Nhắc việc – {name}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for t in tasks:
        ev = Event()
        ev.add("uid", uid(t))
        ev.add("dtstamp", now.astimezone(dt.UTC))
        ev.add("last-modified", t.updated_at)
        ev.add("dtstart", t.effective_due)
        ev.add("dtend", t.effective_due + dt.timedelta(days=1))
        mark = "✅ " if t.state == "done" else ""
        ev.add("summary", f"{mark}[{t.plan_number}] {t.task_id}. {rut_gon(t.task_title, 120)}")
        ev.add("description", _description(t))
        ev.add("status", "CANCELLED" if t.state == "cancelled" else "CONFIRMED")
        ev.add("transp", "TRANSPARENT")  # a deadline does not make the office busy all day
        ev.add("categories", ["Nhắc việc", t.plan_number])
        if t.state == "open":
            for at in alarms(t):
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", f"Nhắc việc: {t.task_id}. {rut_gon(t.task_title, 80)}")
                alarm.add("trigger", at.astimezone(dt.UTC))
                ev.add_component(alarm)
        cal.add_component(ev)
    return bytes(cal.to_ical())
