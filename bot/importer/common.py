"""What every layout does with a task: its agencies, its time, and the reasons for review."""

from __future__ import annotations

import re

from bot.importer.agencies import Matcher
from bot.importer.draft import DraftTask
from bot.periods import PeriodError, find_periods, parse
from bot.periods.lexer import tokens
from bot.periods.text import fold

_TIME_KINDS = frozenset({"month", "quarter", "year", "dmy", "vdate", "dm", "dmb", "recur", "recurn", "recurl",
                         "recurd", "half", "cont", "byear", "yrel", "pyn", "lunar", "tet", "periodic"})


def looks_like_time(cell: str) -> bool:
    """Whether a cell holds a time ("Tháng 01 - Tháng 12", "Quý I", "Hàng năm", "Theo Kế hoạch…")."""
    folded = fold(cell).text
    if re.match(r"\s*(?:thuc hien\s+)?(?:sau khi|theo\b|khi co|dot xuat|thuong xuyen)", folded):
        return True
    return any(t.kind in _TIME_KINDS for t in tokens(folded))


def set_agencies(task: DraftTask, cell: str, matcher: Matcher, role: str) -> None:
    """Put the agencies a cell names into a role; note the new ones and what named none."""
    found, unknown = matcher.find(cell)
    names = [k.name for k in found]
    getattr(task, role).extend(n for n in names if n not in getattr(task, role))
    for k in found:
        if k.new:
            task.review.append(f"cơ quan mới \"{k.name}\" đã thêm vào agencies.toml")
    if role == "lead" and unknown and not found:
        task.review.append(f"không nhận ra cơ quan chủ trì trong \"{cell}\"")
    elif unknown:  # (kept in the review, not dropped: the admin adds them to agencies.toml or deletes them)
        what = "chủ trì" if role == "lead" else "phối hợp"
        task.review.append(f"không nhận ra cơ quan {what} " + ", ".join(f"\"{u}\"" for u in unknown))


def set_time(task: DraftTask, text: str, year: int, *, role: str = "time") -> None:
    """Keep a time text when it reads; otherwise keep it aside and say why."""
    text = text.strip().rstrip(";,")
    if not text:
        return
    try:
        period = parse(text, context_year=year)
    except PeriodError as e:
        task.written_time = text
        task.review.append(f"thời gian \"{text}\" không đọc được: {e.hint}")
        return
    setattr(task, role, text)
    if period.kind == "event":
        task.review.append(f"thời gian phụ thuộc sự kiện (\"{text}\"): đặt hạn khi sự kiện xảy ra")


def time_from_sentence(task: DraftTask, sentence: str, year: int) -> None:
    """The deadlines written inside a duty's sentence, or a note that it has none."""
    try:
        found = find_periods(sentence, context_year=year)
    except PeriodError as e:
        task.review.append(f"thời gian trong câu không đọc được: {e.hint}")
        return
    if len(found) == 1:
        set_time(task, found[0].text, year)
    elif found:
        task.milestones = [f"{m.action} {m.text}".strip() if len(m.action) < 80 else m.text for m in found]
    else:
        task.review.append("văn bản không ghi thời gian thực hiện")


def finish(task: DraftTask) -> DraftTask:
    """Last checks before a task is written: a time and a lead, or a note that one is missing."""
    has_time = task.dated() or task.written_time
    if not has_time and not any("thời gian" in r for r in task.review):
        task.review.append("văn bản không ghi thời gian thực hiện")
    if task.start and not task.finish:
        task.time, task.start = task.start, ""
    if task.finish and not task.start:
        task.time, task.finish = task.finish, ""
    return task
