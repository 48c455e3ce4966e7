"""Plans that assign duties in prose under "Tổ chức thực hiện" (seeds 003 and 004), or under
"Nhiệm vụ" where an item says when it is due."""

from __future__ import annotations

import re

from bot.importer.agencies import Known, Matcher
from bot.importer.common import finish, looks_like_time, time_from_sentence
from bot.importer.document import Block
from bot.importer.draft import DraftTask
from bot.periods.text import fold

_PART = re.compile(r"^([IVXL]+)\s*[.)/-]\s*(.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})\s*[.)-]\s*(.+)$")
_BULLET = re.compile(r"^[-–•+]\s*(.+)$")
_LEADS = re.compile(r"^(.{3,100}?)\s+(?:chủ trì|có trách nhiệm|là cơ quan)\b")
# "UBND huyện chỉ đạo…": the words before the first verb name who does it
_SUBJECT = re.compile(r"^(.{3,60}?)\s+(?:ban hành|chỉ đạo|chủ trì|xây dựng|thực hiện|tổ chức|phối hợp|"
                      r"hướng dẫn|tham mưu|triển khai|có trách nhiệm|căn cứ)\b")


def read_duties(blocks: list[Block], matcher: Matcher, year: int, by_part: bool = False) -> list[DraftTask]:
    """Each duty under "Tổ chức thực hiện": a task for the agency it is given to; under "Nhiệm vụ",
    each item that says when it is due (the rest of that part is aims and means, not tasks).
    With `by_part`, ids start with the part's numeral ("III.1"), beside a table's own "1", "2"…"""
    blocks = _wraps_joined(blocks, matcher)
    inside = timed_only = False
    numeral = ""
    agency: list[Known] = []
    number = ""
    tasks: list[DraftTask] = []
    count = 0
    for b in blocks:
        text = b.text.strip()
        part = _PART.match(text)
        if part:
            title = fold(part.group(2)).text
            timed_only = "to chuc thuc hien" not in title and title.startswith("nhiem vu")
            inside = "to chuc thuc hien" in title or timed_only
            agency, number = [], ""
            numeral = f"{part.group(1)}." if by_part else ""
            continue
        if not inside or b.is_row:
            continue
        m = _NUMBERED.match(text)
        if m:
            number, head = m.group(1), m.group(2)
            heading = _agencies_heading(head, matcher)
            if heading:  # "2. Sở Nội vụ": the duties below are its own
                agency, count = heading, 0
                continue
            agency, count = [], 0
            tasks.append(_duty(f"{numeral}{number}", head, _lead_of(head, matcher), b.line, year))
        else:
            m = _BULLET.match(text)
            if m and agency:
                count += 1
                tasks.append(_duty(f"{numeral}{number}.{count}", m.group(1), agency, b.line, year))
            elif agency and len(text) > 40:  # an agency's duty written without a bullet
                count += 1
                tasks.append(_duty(f"{numeral}{number}.{count}", text, agency, b.line, year))
            elif not m and not number and len(text) > 40:  # a paragraph giving a duty ("Sở Nội vụ tổng hợp, …")
                lead = _lead_of(text, matcher)
                if lead:
                    count += 1
                    tasks.append(_duty(f"{numeral}{count}", text, lead, b.line, year))
        if timed_only and tasks and tasks[-1].line == b.line and not tasks[-1].dated():
            tasks.pop()
    return tasks


_WRAPPED = 40  # (a line a page wrapped is a long one; headings and short lines keep their breaks)


def _wraps_joined(blocks: list[Block], matcher: Matcher) -> list[Block]:
    """Paragraph lines that only wrap a sentence (a plan copied from a web page or a PDF) joined to
    the line they go on from: no blank line between, the line before is long, no heading and ends
    no sentence, and the next starts no item, bullet, part or agency's duty of its own."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        text = b.text.strip()
        if (prev is not None and not prev.is_row and not b.is_row and not b.after_gap
                and len(prev.text) >= _WRAPPED and not prev.text.rstrip().endswith((".", ";", ":", "!", "?"))
                and not prev.text.isupper() and not _PART.match(prev.text.strip())
                and not (_PART.match(text) or _NUMBERED.match(text) or _BULLET.match(text))
                and not (_VERBS.search(text) and matcher.at_start(text)[0] is not None)):  # (an agency's own duty)
            out[-1] = Block((f"{prev.text.rstrip()} {text}",), prev.line, prev.after_gap)
        else:
            out.append(b)
    return out


_VERBS = re.compile(r"\b(?:chủ trì|phối hợp|xây dựng|thực hiện|triển khai|tham mưu|ban hành|chỉ đạo|"
                    r"hướng dẫn|tổ chức|rà soát|đề xuất|căn cứ)\b", re.IGNORECASE)


def _agencies_heading(head: str, matcher: Matcher) -> list[Known]:
    """The agencies a heading names, when it is nothing but agency names ("2. Sở Nội vụ")."""
    head = re.sub(r"\s*(?:có trách nhiệm|thực hiện)?\s*[:;.]?\s*$", "", head)
    if len(head.split()) > 40 or _VERBS.search(head):
        return []
    found, rest = matcher.find(head, learn=False)
    # ("2. Các sở, ban, ngành báo cáo … trước ngày 30/11/2026.": a duty with its time, no heading)
    return [] if any(looks_like_time(r) for r in rest) else found


def _lead_of(sentence: str, matcher: Matcher) -> list[Known]:
    """The agency a duty's sentence opens with ("Ban Tuyên giáo Huyện uỷ chủ trì, …")."""
    named, _ = matcher.at_start(sentence)
    if named is not None:
        return [named]
    for rx in (_LEADS, _SUBJECT):
        m = rx.match(sentence)
        if m:
            found, _ = matcher.find(m.group(1))
            if found:
                return found
    return []


def _duty(ident: str, sentence: str, agency: list[Known], line: int, year: int) -> DraftTask:
    task = DraftTask(ident, sentence.strip().rstrip(";"), [k.name for k in agency], line=line)
    for k in agency:
        if k.new:
            task.review.append(f"cơ quan mới \"{k.name}\" đã thêm vào agencies.toml")
    if not agency:
        task.review.append("chưa rõ cơ quan chủ trì")
    time_from_sentence(task, sentence, year)
    return finish(task)
