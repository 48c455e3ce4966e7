"""Plans whose tasks are a table: TT, task, agencies, product, time (seeds 000 and 002)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.importer.agencies import Known, Matcher
from bot.importer.common import finish, looks_like_time, set_agencies, set_time
from bot.importer.document import Block
from bot.importer.draft import DraftTask
from bot.periods.text import fold

_ROLES = [  # (role, pattern on the folded header cell); the first that matches wins
    ("tt", r"^(?:s\s*)?tt$|^so\s*tt$|^stt$"),
    ("task_lead", r"nhiem vu.*chu tri|noi dung.*chu tri"),
    ("start", r"bat dau"),
    ("finish", r"hoan thanh|ket thuc"),
    ("lead", r"chu tri"),
    ("coordinating", r"phoi hop"),
    ("executing", r"co quan thuc hien|don vi thuc hien"),
    ("product", r"san pham|ket qua"),
    ("time", r"thoi gian|thoi han|tien do"),
    ("budget", r"kinh phi|du toan"),
    ("note", r"ghi chu"),
    ("task", r"nhiem vu|noi dung|ten"),
]
_ROMAN = re.compile(r"^([IVXL]+)\b[.)]?\s*(.*)$")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)[.)]?(?:\s+(.*))?$")
_TIME_ROLES = ("time", "start", "finish")


def header(block: Block) -> list[str] | None:
    """Column roles when a row is a table header, else None."""
    if not block.is_row:
        return None
    roles = []
    for cell in block.cells:
        folded = fold(cell).text.strip()
        roles.append(next((r for r, rx in _ROLES if re.search(rx, folded)), ""))
    wanted = {"task", "task_lead"} & set(roles)
    times = set(_TIME_ROLES) & set(roles)
    return roles if wanted and times and len([r for r in roles if r]) >= 3 else None


@dataclass
class _State:
    section: str = ""  # roman numeral of the part ("II"), prefix of ids
    lead: list[Known] = field(default_factory=list)  # a section row naming the lead agency
    parent: str = ""  # a numbered row without data: its children are its sub-tasks
    children: int = 0
    used: set[str] = field(default_factory=set)


def read_table(blocks: list[Block], start: int, roles: list[str], matcher: Matcher, year: int) -> list[DraftTask]:
    """The tasks of a table whose header is blocks[start]."""
    rows = _merged(blocks[start + 1:], roles)
    state = _State()
    tasks: list[DraftTask] = []
    for block in rows:
        if not block.is_row:
            _paragraph(block, state)
            continue
        again = header(block)
        if again:  # a second table, or the header repeated on a new page: its columns from here on
            roles = again
            continue
        cells = _by_role(block.cells, roles)
        task = _row(cells, block, state, matcher, year, combined="task_lead" in roles)
        if task is not None:
            tasks.append(finish(task))
    return tasks


def _paragraph(block: Block, state: _State) -> None:
    """A paragraph inside a table is at most a part's title ("V", "ĐỘI NGŨ CBCCV")."""
    m = _ROMAN.match(block.text)
    if m and len(block.text) < 80:
        state.section, state.parent, state.children = m.group(1), "", 0


def _merged(blocks: list[Block], roles: list[str]) -> list[Block]:
    """Rows split by a page break joined back, cell by cell."""
    out: list[Block] = []
    for b in blocks:
        if out and out[-1].is_row and b.is_row and _continues(b, roles):
            prev = out[-1]
            width = max(len(prev.cells), len(b.cells))
            cells = tuple(" ".join(x for x in (_at(prev.cells, i), _at(b.cells, i)) if x) for i in range(width))
            out[-1] = Block(cells, prev.line, prev.after_gap, True)
        else:
            out.append(b)
    return out


def _at(cells: tuple[str, ...], i: int) -> str:
    return cells[i] if i < len(cells) else ""


def _continues(b: Block, roles: list[str]) -> bool:
    """A row that carries on the one before it across a page break."""
    if not b.after_gap or _at(b.cells, 0):
        return False
    if any(_at(b.cells, i) for i, r in enumerate(roles) if r in _TIME_ROLES):
        return False
    texts = [c for c in b.cells[1:] if c]
    if not texts:
        return False
    title = _at(b.cells, 1)
    starts_low = any(c[:1].islower() or c[:1] in "-–+" for c in texts)
    return not title or starts_low or title.count(")") > title.count("(")


def _by_role(cells: tuple[str, ...], roles: list[str]) -> dict[str, str]:
    """Cells by role. A row with a cell too many or too few keeps its time where it reads as one."""
    row_roles = list(roles)
    if "time" in roles:
        t = roles.index("time")
        j = _time_cell(cells, t)
        if j is not None and j > t:  # extra agencies pushed the time right: they coordinate
            row_roles = roles[:t] + ["coordinating"] * (j - t) + roles[t:]
        elif j is not None and j < t:
            row_roles = roles[:j] + roles[t:]
    out: dict[str, str] = {}
    for role, cell in zip(row_roles, cells, strict=False):
        if role and cell:
            out[role] = f"{out[role]}; {cell}" if role in out else cell
    return out


def _time_cell(cells: tuple[str, ...], t: int) -> int | None:
    """Where the time is in a row whose time column holds something else."""
    here = cells[t] if t < len(cells) else ""
    if (here and looks_like_time(here)) or (not here and len(cells) <= t + 2):
        return None
    candidates = [i for i in range(2, len(cells)) if i != t and cells[i] and looks_like_time(cells[i])]
    return min(candidates, key=lambda i: (abs(i - t), -i)) if candidates else None


def _row(cells: dict[str, str], block: Block, state: _State, matcher: Matcher, year: int,
         combined: bool) -> DraftTask | None:
    tt, title = _numbered(cells.get("tt", ""), cells.get("task_lead") or cells.get("task") or "")
    roman = _ROMAN.match(tt)
    if roman:  # "II  CẢI CÁCH THỂ CHẾ": a part of the plan; numbering starts again in it
        state.section, state.parent, state.children = roman.group(1), "", 0
        return None
    data = {k: v for k, v in cells.items() if k not in ("tt", "task", "task_lead", "note", "budget") and v}
    if not data and title:
        found = matcher.lookup(title) if combined else None
        if found is not None:  # "1  Các Sở, Ban, ngành": the lead of the rows below
            state.lead = [found]
        state.parent, state.children = tt or state.parent, 0  # "1.2  Rà soát…": rows below are its parts
        return None
    if not title:
        return None
    task = DraftTask(_id(tt, state), title, line=block.line)
    _lead(task, cells, state, matcher, combined)
    if cells.get("coordinating"):
        set_agencies(task, cells["coordinating"], matcher, "coordinating")
    if cells.get("executing"):
        set_agencies(task, cells["executing"], matcher, "executing")
    task.product = cells.get("product", "")
    for role in _TIME_ROLES:
        if cells.get(role):
            set_time(task, cells[role], year, role=role)
    note = cells.get("note", "")
    if note and looks_like_time(note):  # ("Ghi chú: chậm nhất 15/12/2026"): a person decides which time holds
        task.review.append(f"ghi chú có nói thời gian (\"{note}\"): xem lại hạn")
    return task


def _numbered(tt: str, title: str) -> tuple[str, str]:
    """The row's number and title, also when one cell holds both ("1.3 Rà soát…", "1 Kiểm soát TTTC")."""
    m = _NUMBER.match(tt)
    if m and m.group(2) and not title:
        return m.group(1), m.group(2)
    if not tt:
        m = _NUMBER.match(title)
        if m and m.group(2):
            return m.group(1), m.group(2)
    return tt, title


def _id(tt: str, state: _State) -> str:
    """The task's number as the plan writes it (rows without one count under the last number)."""
    if tt:
        state.parent, state.children = tt, 0
        base = tt
    else:
        state.children += 1
        base = f"{state.parent}.{state.children}" if state.parent else str(state.children)
    ident = candidate = f"{state.section}.{base}" if state.section else base
    n = 2
    while candidate in state.used:
        candidate, n = f"{ident}-{n}", n + 1
    state.used.add(candidate)
    return candidate


def _lead(task: DraftTask, cells: dict[str, str], state: _State, matcher: Matcher, combined: bool) -> None:
    """The lead column, else an agency opening the task's name, else the section's lead, else the
    executing column (taken out of `cells`: those agencies lead, they are not listed twice)."""
    if cells.get("lead"):
        set_agencies(task, cells["lead"], matcher, "lead")
        if task.lead:
            return
    if combined:
        named, _ = matcher.at_start(task.title)
        if named is not None:
            task.lead.append(named.name)
            return
    if state.lead:
        task.lead.extend(k.name for k in state.lead)
        return
    if cells.get("executing"):  # a table with only "Cơ quan thực hiện": those who do it lead it
        set_agencies(task, cells.pop("executing"), matcher, "lead")
        if task.lead:
            task.review.append("văn bản không ghi cơ quan chủ trì cho mục này; đã lấy cơ quan thực hiện")
            return
    task.review.append("chưa rõ cơ quan chủ trì")
