"""Messages from Jinja2 templates, with the Vietnamese filters an office clerk would write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from bot.channels.base import Button, Message

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def ngay(day: dt.date) -> str:
    """A date with its weekday: "Thứ Hai, 01/10/2018"."""
    return f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"


def con_lai(days: int) -> str:
    """Time left in working days: "còn 3 ngày làm việc", "hôm nay là hạn chót", "quá hạn 5 ngày làm việc"."""
    if days > 0:
        return f"còn {days} ngày làm việc"
    if days == 0:
        return "hôm nay là hạn chót"
    return f"quá hạn {-days} ngày làm việc"


@dataclass(frozen=True)
class TaskView:
    """What a message says about a task."""

    id: str
    title: str
    lead: str
    coordinating: str = ""
    product: str = ""
    time_text: str = ""


@dataclass(frozen=True)
class PlanView:
    """What a message says about a plan."""

    number: str
    title: str = ""


class Renderer:
    """Renders messages; an admin's folder of templates overrides ours, file by file."""

    def __init__(self, override: Path | None = None) -> None:
        loaders = [FileSystemLoader(str(override))] if override else []
        loaders.append(FileSystemLoader(str(TEMPLATES)))
        self.env = SandboxedEnvironment(
            loader=ChoiceLoader(loaders), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
            keep_trailing_newline=False)
        self.env.filters.update(ngay=ngay, con_lai=con_lai)

    def render(self, name: str, **context: Any) -> str:
        """One template with its context."""
        return self.env.get_template(name).render(**context).strip()

    def reminder(self, *, kind: str, task: TaskView, plan: PlanView, agency: str, recipient: str,
                 effective_due: dt.date, left: int, channel: str = "all", code: int | None = None) -> Message:
        """A reminder before, on or after the due date, or an escalation to the supervisor.

        Only what the channel shows is rendered: HTML for Telegram, text, HTML and a subject for
        email, text elsewhere ("all" renders everything). `code` is the occurrence's number, which
        officers type in /xong and which the buttons carry."""
        context = {"kind": kind, "task": task, "plan": plan, "agency": agency, "recipient": recipient,
                   "effective_due": effective_due, "left": left, "code": code}
        wants_html = channel in ("telegram", "email", "all")
        wants_text = channel != "telegram"
        return Message(
            text=self.render("text/reminder.txt.j2", **context) if wants_text else "",
            html=self.render("telegram/reminder.html.j2", **context) if wants_html else None,
            subject=self.render("text/reminder_subject.txt.j2", **context) if channel in ("email", "all") else None,
            thread=f"{plan.number}|{task.id}|{agency}",
            buttons=reminder_buttons(code, kind) if code is not None and channel in ("telegram", "all") else ())


def reminder_buttons(code: int, kind: str) -> tuple[tuple[Button, ...], ...]:
    """Done, remind me later, ask for more time (callback data stays far under 64 bytes)."""
    done = (Button("✅ Đã hoàn thành", f"d:{code}"),)
    if kind == "escalation":
        return (done,)
    return (done, (Button("⏰ Nhắc lại sau 1 ngày", f"s:{code}:1"), Button("⏰ Sau 3 ngày", f"s:{code}:3")),
            (Button("📝 Xin gia hạn", f"x:{code}"),))
