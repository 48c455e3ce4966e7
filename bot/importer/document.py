"""A plan document as a list of blocks: paragraphs, table rows and the blank lines between them."""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from bot.periods.legacy import legacy_reader


@dataclass(frozen=True)
class Block:
    """A paragraph (one cell) or a table row (several cells); `after_gap` marks a blank line before it."""

    cells: tuple[str, ...]
    line: int
    after_gap: bool = False
    is_row: bool = False

    @property
    def text(self) -> str:
        """All cells joined, for paragraphs and headings."""
        return " ".join(c for c in self.cells if c)


_MARKUP = re.compile(r"</?(?:i|b|u|em|strong|sup|sub)>|\*\*|(?<!\w)\*|\*(?!\w)|^#+\s*|^>\s*")


def clean(text: str) -> str:
    """Text without Markdown or HTML emphasis, with single spaces."""
    text = html.unescape(text)
    text = _MARKUP.sub("", text.strip())
    text = text.replace("*", "")
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def read(path: Path) -> list[Block]:
    """The blocks of a .txt, .md or .docx plan."""
    if path.suffix.lower() == ".docx":
        return _docx(path)
    return from_text(path.read_text(encoding="utf-8", errors="replace"))


# a Markdown table: "| 1 | Nhiệm vụ | … |" rows under a "|---|:--:|" line, which says nothing
_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def _cells(raw: str) -> list[str] | None:
    """The cells of a table row written with tabs or as a Markdown table, or None for a paragraph."""
    if "\t" in raw:
        return raw.rstrip("\n").split("\t")
    row = _PIPE_ROW.match(raw)
    if row:
        return [c.replace("\\|", "|") for c in _PIPE.split(row.group(1))]
    return None


def from_text(text: str) -> list[Block]:
    """Blocks of plain text or Markdown: tab-separated lines and Markdown table lines are rows."""
    blocks: list[Block] = []
    gap = False
    lines = text.splitlines()
    unicode = legacy_reader(lines)  # (a plan typed in the old TCVN3 or VNI fonts, "Th¸ng 6/2018")
    for n, raw in enumerate(_without_second_copy([unicode(line) for line in lines]), start=1):
        if not raw.strip():
            gap = True
            continue
        if _PIPE_RULE.match(raw):
            continue
        split = _cells(raw)
        if split is not None:
            cells = tuple(clean(c) for c in split)
            while cells and not cells[-1]:
                cells = cells[:-1]
            if any(cells):
                blocks.append(Block(cells, n, gap, True))
        else:
            blocks.append(Block((clean(raw),), n, gap))
        gap = False
    return blocks


def _docx(path: Path) -> list[Block]:
    """Paragraphs and table rows of a Word document, in reading order."""
    import docx  # python-docx, only needed for .docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[Block] = []
    n = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            n += 1
            if item.text.strip():
                blocks.append(Block((clean(item.text),), n))
        elif isinstance(item, Table):
            for row in item.rows:
                n += 1
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is returned once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    cells.append(clean(cell.text.replace("\n", " ")))
                while cells and not cells[-1]:
                    cells.pop()
                if any(cells):
                    blocks.append(Block(tuple(cells), n, False, True))
    unicode = legacy_reader(c for b in blocks for c in b.cells)  # (a plan typed in the old TCVN3 or VNI fonts)
    blocks = [dataclasses.replace(b, cells=tuple(unicode(c) for c in b.cells)) for b in blocks]
    keep = len(_without_second_copy([b.text for b in blocks]))
    return blocks[:keep]


def _without_second_copy(lines: list[str]) -> list[str]:
    """The lines up to where the whole document starts again, when it was pasted twice."""
    meaningful = [(i, _norm(x)) for i, x in enumerate(lines) if len(_norm(x)) > 20]
    if len(meaningful) < 20:
        return lines
    head = [t for _, t in meaningful[:10]]
    for k in range(10, len(meaningful) - 10):
        if meaningful[k][1] != head[0]:
            continue
        first = [t for _, t in meaningful[:k]]
        second = [t for _, t in meaningful[k:]]
        if difflib.SequenceMatcher(None, first, second, autojunk=False).ratio() > 0.8:
            cut = meaningful[k][0]
            opening = {_norm(x) for x in lines[:meaningful[0][0] + 1]}
            while cut > 0 and (not lines[cut - 1].strip() or _norm(lines[cut - 1]) in opening):
                cut -= 1  # the short title lines that open the second copy go with it
            return lines[:cut]
    return lines


def _norm(line: str) -> str:
    return re.sub(r"[\W_]+", " ", clean(line)).strip().lower()
