"""A schedule draft read from a document, and how it is written as TOML for a person to read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.importer.agencies import Known


@dataclass
class DraftTask:
    """A task as the importer understood it; `review` lists what a person should check."""

    id: str
    title: str
    lead: list[str] = field(default_factory=list)  # official names
    coordinating: list[str] = field(default_factory=list)
    executing: list[str] = field(default_factory=list)
    product: str = ""
    time: str = ""
    start: str = ""
    finish: str = ""
    milestones: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    line: int = 0
    written_time: str = ""  # the time as the document wrote it, kept when it cannot be used

    def dated(self) -> bool:
        """Whether a usable time was read (a time, a start or finish, or milestones)."""
        return bool(self.time or self.start or self.finish or self.milestones)

    def key(self) -> tuple[str, str, str]:
        """What makes two tasks the same task (a document pasted twice)."""
        norm = re.sub(r"\W+", " ", self.title.lower()).strip()
        return norm, "|".join(self.lead), self.time + self.start + self.finish + "|".join(self.milestones)


@dataclass
class DraftPlan:
    """A plan as read from a document."""

    number: str
    title: str
    year: int
    issued: dt.date | None = None
    supervisor: str | None = None
    tasks: list[DraftTask] = field(default_factory=list)
    source: str = ""
    notes: list[str] = field(default_factory=list)
    new_agencies: list[Known] = field(default_factory=list)


def q(text: str) -> str:
    """A TOML basic string."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
               .replace("\r", ""))
    escaped = "".join(c if c >= " " or c in "\\" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _names(names: list[str]) -> str:
    return q(names[0]) if len(names) == 1 else "[" + ", ".join(q(n) for n in names) + "]"


def to_toml(plan: DraftPlan) -> str:
    """The draft as a schedule file, with comments where a person should look."""
    reviewed = sum(1 for t in plan.tasks if t.review)
    out = [
        f"# Bản nháp nhập từ {plan.source} bằng `nhacviec import`.",
        f"# {len(plan.tasks)} nhiệm vụ; {reviewed} nhiệm vụ có `review` cần người xem lại.",
        "# Sửa trực tiếp tệp này rồi chạy `nhacviec check` trước khi bot dùng.",
    ]
    out += [f"# {note}" for note in plan.notes]
    out += ["", "[plan]", f"number = {q(plan.number)}", f"title = {q(plan.title)}"]
    if plan.issued:
        out.append(f"issued = {plan.issued.isoformat()}")
    out.append(f"year = {plan.year}")
    if plan.supervisor:
        out.append(f"supervisor = {q(plan.supervisor)}")
    for t in plan.tasks:
        out += ["", f"# dòng {t.line} của văn bản" if t.line else "", "[[task]]"]
        out += [f"id = {q(t.id)}", f"title = {q(t.title)}", f"lead = {_names(t.lead)}"]
        if t.coordinating:
            out.append(f"coordinating = {_names(t.coordinating)}")
        if t.executing:
            out.append(f"executing = {_names(t.executing)}")
        if t.product:
            out.append(f"product = {q(t.product)}")
        if t.milestones:
            out.append("milestones = [")
            out += [f"    {q(m)}," for m in t.milestones]
            out.append("]")
        elif t.start and t.finish:
            out += [f"start = {q(t.start)}", f"finish = {q(t.finish)}"]
        elif t.time:
            out.append(f"time = {q(t.time)}")
        elif t.written_time:
            out.append(f"# thời gian trong văn bản: {t.written_time}")
        if t.review:
            out.append(f"review = {q('; '.join(dict.fromkeys(t.review)))}")
    return "\n".join(line for line in out if line is not None) + "\n"


def agencies_toml(new: list[Known], source: str) -> str:
    """New [[agency]] entries to append to agencies.toml."""
    if not new:
        return ""
    out = ["", f"# --- Thêm khi nhập {source}: kiểm tra tên, thêm telegram/email ---"]
    for k in new:
        out += ["", "[[agency]]", f"id = {q(k.id)}", f"name = {q(k.name)}", "telegram = []", "email = []"]
    return "\n".join(out) + "\n"
