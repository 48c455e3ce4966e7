"""A plan's number, title, date of issue and supervising agency, from its first lines."""

from __future__ import annotations

import datetime as dt
import re

from bot.importer.agencies import Known, Matcher
from bot.importer.document import Block
from bot.periods.text import fold

_NUM = r"(\d[\w.]*)\s*/\s*([A-ZĐ][A-ZĐa-z0-9-]*(?:/[A-ZĐ][A-ZĐa-z0-9-]*)?)"
_NUMBER = re.compile(r"^\s*S[ốô]\s*:?\s*" + _NUM)  # the document's own "Số: 300/KH-UBND" line
_ATTACHED = re.compile(r"(?i)kèm theo\s+\S+(?:\s+\S+)?\s+số\s*:?\s*" + _NUM)  # "Kèm theo Quyết định số: …"
_ISSUED = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_TITLE_WORDS = ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH", "ĐỀ ÁN")
# the heading word in capitals, then the title on the same line ("KẾ HOẠCH Thực hiện …")
_INLINE_TITLE = re.compile(r"(?:" + "|".join(_TITLE_WORDS) + r")\s*:?\s+(\S.{4,200})$")
_SUPERVISES = re.compile(r"(?:đôn đốc|theo dõi|kiểm tra việc thực hiện|cơ quan thường trực)", re.IGNORECASE)


def number(blocks: list[Block]) -> str | None:
    """The document's number ("300/KH-UBND"), from the first lines or the decision it is attached to."""
    for rx in (_NUMBER, _ATTACHED):
        for b in blocks[:80]:
            m = rx.search(b.text)
            if m:
                return f"{m.group(1)}/{m.group(2)}"
    return None


def issued(blocks: list[Block]) -> dt.date | None:
    """The date of issue ("Đắk Nông, ngày 20 tháng 6 năm 2018")."""
    for b in blocks[:80]:
        text = b.text
        if "," in text.split("ngày")[0] if "ngày" in text else False:
            m = _ISSUED.search(text)
            if m:
                try:
                    return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                except ValueError:
                    return None
    for b in blocks[:80]:
        if re.search(r"(?i)kèm theo", b.text):
            m = _ISSUED.search(b.text)
            if m:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def title(blocks: list[Block]) -> str | None:
    """The line(s) after the heading "KẾ HOẠCH", or the rest of a heading line that holds both
    ("# KẾ HOẠCH Thực hiện chuyển đổi số năm 2025", as Markdown and short notes write it)."""
    for i, b in enumerate(blocks[:120]):
        text = b.text.strip()
        inline = _INLINE_TITLE.match(text) if not b.is_row and text.upper() not in _TITLE_WORDS else None
        if inline:
            rest = inline.group(1).strip(" *:")
            return rest[:1].upper() + rest[1:]
        if text.upper() in _TITLE_WORDS and i + 1 < len(blocks):
            words = [blocks[i + 1].text.strip()]
            for nxt in blocks[i + 2:i + 4]:
                t = nxt.text.strip()
                stop = (nxt.is_row or t.startswith(("Căn cứ", "Thực hiện", "Triển khai", "(", "-", "Số"))
                        or len(t) > 160)
                if stop or re.match(r"^[IVX]+[.)-]", t) or (t.upper() == t and len(t) < 40):
                    break
                words.append(t)
            joined = " ".join(w for w in words if w).strip(" *")
            return joined[:1].upper() + joined[1:]
    return None


def supervisor(blocks: list[Block], matcher: Matcher) -> Known | None:
    """The agency asked to follow up the plan ("Giao Sở Nội vụ … đôn đốc, kiểm tra")."""
    for b in reversed(blocks):
        text = re.sub(r"^\s*(?:\d+\s*[.)-]\s*|[-–]\s*)", "", b.text)
        if not _SUPERVISES.search(text):
            continue
        named, _ = matcher.at_start(text)
        if named is not None and not named.is_group:
            return named
    fallback = matcher.lookup("Sở Nội vụ", fuzzy=False)
    return fallback


def year_hint(blocks: list[Block]) -> int | None:
    """The year a plan names in its title ("… năm 2019"), if any."""
    t = title(blocks) or ""
    m = re.search(r"(?:năm|NĂM)\s*((?:19|20)\d\d)", t)
    return int(m.group(1)) if m else None


def is_heading(text: str) -> bool:
    """Whether a paragraph reads as a heading in capitals."""
    letters = [c for c in fold(text).text if c.isalpha()]
    return bool(letters) and text.upper() == text
