"""Messages from Jinja2 templates, with the Vietnamese filters an office clerk would write.

Every message has a name (reminder_before, grouped, digest_weekly…) and, per channel, its files:
`telegram/<name>.html.j2` (Telegram's HTML subset), `email/<name>.txt.j2`, `email/<name>.html.j2`
and `email/<name>.subject.j2`. The console prints the email's plain text. An admin's folder
(`[bot] templates`) overrides any file of ours.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from bot.channels.base import Button, Message
from bot.wording import FILTERS

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
REMINDERS = {"before": "reminder_before", "due": "reminder_due", "overdue": "reminder_overdue",
             "snooze": "reminder_snooze", "escalation": "escalation"}
NAMES = (*REMINDERS.values(), "grouped", "done", "extension_request", "extension_answer", "digest_weekly",
         "digest_supervisor")


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


@dataclass(frozen=True)
class ItemView:
    """One task in a list (a grouped reminder, a digest): its code, its kind, when it is due."""

    code: int
    kind: str
    task: TaskView
    plan: PlanView
    agency: str
    effective_due: dt.date
    left: int


@dataclass(frozen=True)
class Section:
    """A part of a digest: overdue, due this week, due within 30 days."""

    icon: str
    title: str
    items: Sequence[ItemView]
    total: int


@dataclass(frozen=True)
class AgencyItems:
    """One agency's overdue tasks in the supervisor's digest."""

    name: str
    items: Sequence[ItemView]
    total: int


def reminder_buttons(code: int, kind: str) -> tuple[tuple[Button, ...], ...]:
    """Done, remind me later, ask for more time (callback data stays far under 64 bytes)."""
    done = (Button("✅ Đã hoàn thành", f"d:{code}"),)
    if kind == "escalation":
        return (done,)
    return (done, (Button("⏰ Nhắc lại sau 1 ngày", f"s:{code}:1"), Button("⏰ Sau 3 ngày", f"s:{code}:3")),
            (Button("📝 Xin gia hạn", f"x:{code}"),))


def item_buttons(items: Sequence[ItemView]) -> tuple[tuple[Button, ...], ...]:
    """A row per task under a grouped message."""
    rows = []
    for it in items:
        row = [Button(f"✅ Xong {it.task.id}"[:40], f"d:{it.code}")]
        if it.kind != "escalation":
            row += [Button("⏰ 1 ngày", f"s:{it.code}:1"), Button("📝 Gia hạn", f"x:{it.code}")]
        rows.append(tuple(row))
    return tuple(rows)


def one_line(text: str, limit: int = 200) -> str:
    """A subject: one line, not too long."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class Renderer:
    """Renders messages; an admin's folder of templates overrides ours, file by file."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        loaders = [FileSystemLoader(str(override))] if override else []
        loaders.append(FileSystemLoader(str(TEMPLATES)))
        self.env = SandboxedEnvironment(
            loader=ChoiceLoader(loaders), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
            keep_trailing_newline=False, auto_reload=False)  # no stat() of every template on every message
        self.env.filters.update(FILTERS)

    def render(self, name: str, **context: Any) -> str:
        """One template file with its context."""
        return self.env.get_template(name).render(**context).strip()

    @staticmethod
    def files(name: str, channel: str) -> list[str]:
        """The template files a message needs on a channel."""
        if channel == "telegram":
            return [f"telegram/{name}.html.j2"]
        if channel == "email":
            return [f"email/{name}.txt.j2", f"email/{name}.html.j2", f"email/{name}.subject.j2"]
        if channel == "all":
            return [f"telegram/{name}.html.j2", *Renderer.files(name, "email")]
        return [f"email/{name}.txt.j2"]

    def message(self, name: str, channel: str, *, buttons: tuple[tuple[Button, ...], ...] = (),
                thread: str | None = None, **context: Any) -> Message:
        """A message for one channel ('all': Telegram's HTML with the email's text and subject, for tests)."""
        html = text = subject = None
        if channel in ("telegram", "all"):
            html = self.render(f"telegram/{name}.html.j2", **context)
        elif channel == "email":
            html = self.render(f"email/{name}.html.j2", **context)
        if channel != "telegram":
            text = self.render(f"email/{name}.txt.j2", **context)
        if channel in ("email", "all"):
            subject = one_line(self.render(f"email/{name}.subject.j2", **context))
        return Message(text=text or "", html=html, subject=subject, thread=thread,
                       buttons=buttons if channel in ("telegram", "all") else ())

    def reminder(self, *, kind: str, task: TaskView, plan: PlanView, agency: str, recipient: str,
                 effective_due: dt.date, left: int, channel: str = "all", code: int | None = None) -> Message:
        """A reminder before, on or after the due date, a snooze, or an escalation to the supervisor.
        `code` is the occurrence's number: officers type it in /xong and the buttons carry it."""
        return self.message(
            REMINDERS.get(kind, "reminder_before"), channel,
            buttons=reminder_buttons(code, kind) if code is not None else (),
            thread=f"occ-{code}" if code is not None else f"{plan.number}|{task.id}|{agency}",
            kind=kind, task=task, plan=plan, agency=agency, recipient=recipient, effective_due=effective_due,
            left=left, code=code)

    def grouped(self, items: Sequence[ItemView], recipient: str, channel: str = "all") -> Message:
        """Several reminders for one place at one time, as one message with a button row per task."""
        return self.message("grouped", channel, buttons=item_buttons(items), items=list(items), recipient=recipient)
