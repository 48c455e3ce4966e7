"""Plans written as numbered items with "Cơ quan chủ trì:", "Thời gian thực hiện:" lines (seed 001)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.importer.agencies import Matcher
from bot.importer.common import finish, set_agencies, set_time
from bot.importer.document import Block
from bot.importer.draft import DraftTask
from bot.periods.text import fold

_SECTION = re.compile(r"^([IVXL]+|[A-Đ])\s*[.)/-]\s+(\S.*)$")
_ITEM = re.compile(r"^(\d{1,2})\s*[.)-]\s+(\S.*)$")
_BULLET = re.compile(r"^[-–•]\s+(\S.*)$")
_MILESTONE = re.compile(r"^\+\s+(\S.*)$")
_FIELD = re.compile(r"^[-+•]?\s*((?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Sản phẩm)[^:]{0,60}?)\s*:\s*(.*)$", re.IGNORECASE)
_SECTION_LEAD = re.compile(r"^(.{3,120}?)\s+chủ trì\b")


def has_fields(blocks: list[Block]) -> bool:
    """Whether a document writes its tasks with "Thời gian thực hiện:" lines."""
    return sum(1 for b in blocks if not b.is_row and _field_role(b.text)) >= 3


def _field_role(text: str) -> tuple[str, str] | None:
    m = _FIELD.match(text)
    if not m:
        return None
    name = fold(m.group(1)).text
    if "thoi gian" in name or "thoi han" in name:
        return "time", m.group(2)
    if "chu tri" in name:
        return "lead", m.group(2)
    if "phoi hop" in name or "tham dinh" in name:
        return "coordinating", m.group(2)
    if "thuc hien" in name:
        return "executing", m.group(2)
    if name.startswith("san pham"):
        return "product", m.group(2)
    return None


@dataclass
class _Item:
    """A numbered item or a bullet under it, collecting its fields."""

    id: str
    title: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    milestones: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    parent: _Item | None = None


@dataclass
class _Section:
    id: str = ""
    lead: str = ""


def read_items(blocks: list[Block], matcher: Matcher, year: int) -> list[DraftTask]:
    """The tasks of a plan written as items with field lines."""
    sections: list[tuple[_Section, list[_Item]]] = [(_Section(), [])]
    current: _Item | None = None
    last_field = ""
    for b in blocks:
        if b.is_row:
            continue
        text = b.text.strip()
        role = _field_role(text)
        if role and current is not None:
            current.fields[role[0]] = role[1].strip().rstrip(";.") if role[0] != "time" else role[1].strip()
            last_field = role[0]
            continue
        m = _MILESTONE.match(text)
        if m and current is not None and last_field == "time":
            current.milestones.append(m.group(1).rstrip(";"))
            continue
        if _SECTION.match(text) and (text.isupper() or (len(text) < 120 and _looks_heading(text))):
            sm = _SECTION.match(text)
            assert sm is not None
            sid = sm.group(1) if re.fullmatch(r"[IVXL]+", sm.group(1)) else ""
            sections.append((_Section(sid), []))
            current, last_field = None, ""
            continue
        m = _ITEM.match(text)
        if m:
            current = _Item(m.group(1), m.group(2), b.line)
            sections[-1][1].append(current)
            last_field = ""
            continue
        m = _BULLET.match(text)
        if m and current is not None:
            parent = current.parent or current
            child = _Item(f"{parent.id}.{len(parent.children) + 1}", m.group(1), b.line, parent=parent)
            parent.children.append(child)
            current, last_field = child, ""
            continue
        section = sections[-1][0]
        lead = _SECTION_LEAD.match(text)
        if lead and not sections[-1][1] and not section.lead:
            section.lead = lead.group(1)  # "Ban Cán sự đảng UBND tỉnh chủ trì, phối hợp…"
        elif current is not None and not current.fields and not last_field and current.parent is None:
            current.title = f"{current.title} {text}"  # the item's sentence goes on
    tasks: list[DraftTask] = []
    for section, items in sections:
        for item in items:
            tasks += _tasks(item, section, matcher, year)
    return tasks


def _looks_heading(text: str) -> bool:
    head = re.sub(r"^\S+\s+", "", text)
    return head[:1].isupper() and (head.upper() == head or len(head.split()) <= 12)


def _tasks(item: _Item, section: _Section, matcher: Matcher, year: int) -> list[DraftTask]:
    """An item with a time is a task; an item whose bullets have times is their parent."""
    timed = [c for c in item.children if "time" in c.fields or c.milestones]
    if timed:
        out = []
        for child in timed:
            inherited = {k: v for k, v in item.fields.items() if k != "time"}
            child.fields = {**inherited, **child.fields}
            out.append(_task(child, section, matcher, year))
        return out
    if "time" in item.fields or item.milestones or item.fields:
        return [_task(item, section, matcher, year)]
    return []


def _task(item: _Item, section: _Section, matcher: Matcher, year: int) -> DraftTask:
    ident = f"{section.id}.{item.id}" if section.id else item.id
    task = DraftTask(ident, item.title.strip().rstrip(":"), line=item.line, product=item.fields.get("product", ""))
    for role in ("lead", "coordinating", "executing"):
        if item.fields.get(role):
            set_agencies(task, item.fields[role], matcher, role)
    if not task.lead:
        fallback = section.lead or item.fields.get("executing", "")
        if fallback:
            set_agencies(task, fallback, matcher, "lead")
            task.review.append("văn bản không ghi cơ quan chủ trì cho mục này; đã lấy "
                               + ("cơ quan chủ trì của phần" if section.lead else "cơ quan thực hiện"))
    if not task.lead:
        task.review.append("chưa rõ cơ quan chủ trì")
    if item.milestones:
        for text in item.milestones:
            probe = DraftTask("", "")
            set_time(probe, text, year)
            if probe.time:
                task.milestones.append(probe.time)
            task.review += probe.review
    elif item.fields.get("time"):
        set_time(task, item.fields["time"], year)
    return finish(task)
