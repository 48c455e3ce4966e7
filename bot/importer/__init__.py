"""Plan documents (text, Markdown, .docx) turned into schedule drafts a person reads and corrects.

Nothing is guessed in silence: whatever the importer is unsure of (an impossible period, an
event, an unknown agency, a row without a time) is imported with `review` saying why.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from bot.importer import meta
from bot.importer.agencies import Known, Matcher
from bot.importer.document import Block, read
from bot.importer.draft import DraftPlan, DraftTask, agencies_toml, to_toml
from bot.importer.duties import read_duties
from bot.importer.items import has_fields, read_items
from bot.importer.tables import header, read_table

__all__ = ["DraftPlan", "DraftTask", "agencies_toml", "import_plan", "known_agencies", "to_toml"]


def known_agencies(path: Path | None) -> list[Known]:
    """The agencies and groups of an agencies.toml (none when there is no such file)."""
    if path is None or not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = [Known(a["id"], a["name"], tuple(a.get("aliases", ()))) for a in data.get("agency", [])]
    out += [Known(g["id"], g["name"], tuple(g.get("aliases", ())), is_group=True) for g in data.get("group", [])]
    return out


def import_plan(path: Path, year: int, agencies: list[Known]) -> DraftPlan:
    """Read a plan document into a draft; new agencies it names are in `new_agencies`."""
    blocks = read(path)
    matcher = Matcher(list(agencies))
    tasks, layout = _tasks(blocks, matcher, year)
    plan = DraftPlan(meta.number(blocks) or "", meta.title(blocks) or path.stem, year, meta.issued(blocks),
                     source=path.name)
    if not plan.number:
        plan.number = f"{path.stem} (chưa rõ số)"
        plan.notes.append("Không thấy số văn bản: điền `number` cho đúng.")
    boss = meta.supervisor(blocks, matcher)
    plan.supervisor = boss.name if boss else None
    if boss is None:
        plan.notes.append("Không thấy cơ quan giám sát: điền `supervisor`.")
    plan.tasks = _unique(tasks, plan)
    for t in plan.tasks:
        if not t.lead:
            t.lead = [plan.supervisor] if plan.supervisor else []
            t.review.append("tạm giao cho cơ quan giám sát")
    plan.notes.append(f"Cách trình bày nhận ra: {layout}.")
    plan.new_agencies = matcher.new
    return plan


def _tasks(blocks: list[Block], matcher: Matcher, year: int) -> tuple[list[DraftTask], str]:
    tasks, layout = [], ""
    for i, b in enumerate(blocks):
        roles = header(b)
        if roles:
            tasks, layout = read_table(blocks, i, roles, matcher, year), "bảng nhiệm vụ"
            break
    else:
        if not has_fields(blocks):
            return read_duties(blocks, matcher, year), "nhiệm vụ giao trong phần “Tổ chức thực hiện”"
        tasks, layout = read_items(blocks, matcher, year), "danh sách mục có “Cơ quan chủ trì”, “Thời gian thực hiện”"
    # a duty with a deadline in "Tổ chức thực hiện" too ("Sở Nội vụ … báo cáo UBND tỉnh trước ngày
    # 15/12"): the table or the items are not always all there is to remind
    duties = [t for t in read_duties(blocks, matcher, year, by_part=True) if t.dated()]
    return tasks + duties, layout + (", và nhiệm vụ có thời hạn trong phần “Tổ chức thực hiện”" if duties else "")


def _unique(tasks: list[DraftTask], plan: DraftPlan) -> list[DraftTask]:
    """Tasks once each, even from a document pasted twice; ids unique."""
    out: list[DraftTask] = []
    seen: set[tuple[str, str, str]] = set()
    ids: set[str] = set()
    dropped = 0
    for t in tasks:
        if t.key() in seen:
            dropped += 1
            continue
        seen.add(t.key())
        base, n = t.id, 2
        while t.id in ids:
            t.id, n = f"{base}-{n}", n + 1
        ids.add(t.id)
        out.append(t)
    if dropped:
        plan.notes.append(f"Bỏ {dropped} nhiệm vụ trùng lặp (văn bản có phần lặp lại).")
    return out
