"""Where each key of a TOML file is written, so that errors can say file:line:col.

`tomllib` parses values but forgets positions. Schedules are simple TOML (tables, arrays of
tables, `key = value` lines, inline arrays and tables), so one pass over the lines recovers
the position of each value. Multi-line strings and arrays are skipped as wholes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_PART = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY = re.compile(rf"\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=\s*")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass
class Index:
    """Positions of tables and values, by their path ("task", 3, "lead")."""

    places: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, tuple[int, str]] = field(default_factory=dict)  # raw value text and its column

    def at(self, path: Path) -> Position:
        """The position of a value, else of the nearest enclosing table, else the file's start."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.places:
                return self.places[path[:n]]
        return Position(1, 1)

    def item(self, path: Path, index: int) -> Position:
        """The position of the index-th element of a one-line array value."""
        base = self.at(path)
        if path not in self.values:
            return base
        col, raw = self.values[path]
        starts = [m.start() for m in re.finditer(r"(?<=[\[,])\s*(?=\S)", raw)]
        if index < len(starts):
            offset = starts[index] + len(raw[starts[index]:]) - len(raw[starts[index]:].lstrip())
            return Position(base.line, col + offset)
        return base


def _key_parts(key: str) -> list[str]:
    return [p.strip().strip("\"'") for p in re.split(r"\.(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", key)]


def index(text: str) -> Index:
    """Scan TOML text for the position of each table and key."""
    idx = Index()
    counts: dict[tuple[str, ...], int] = {}
    table: tuple[str | int, ...] = ()
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = tuple(_key_parts(header.group(2)))
            if header.group(1) == "[[":
                n = counts.get(names, -1) + 1
                counts[names] = n
                table = (*names[:-1], names[-1], n)
            else:
                table = names
            idx.places[table] = Position(i + 1, line.index("[") + 1)
            i += 1
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, *_key_parts(key.group(1)))
            col = key.end() + 1
            idx.places[path] = Position(i + 1, col)
            idx.values[path] = (col, line[key.end():])
            i += _value_lines(lines, i, key.end())
            continue
        i += 1
    return idx


def _value_lines(lines: list[str], i: int, start: int) -> int:
    """How many lines a value starting at lines[i][start:] spans."""
    rest = lines[i][start:]
    for quote in ('"""', "'''"):
        if rest.startswith(quote) and rest.count(quote) == 1:
            j = i + 1
            while j < len(lines) and quote not in lines[j]:
                j += 1
            return j - i + 1
    depth = _depth(rest)
    j = i
    while depth > 0 and j + 1 < len(lines):
        j += 1
        depth += _depth(lines[j])
    return j - i + 1


def _depth(text: str) -> int:
    """Open minus closed brackets outside strings and comments."""
    depth, quote, escaped = 0, "", False
    for ch in text:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return depth
