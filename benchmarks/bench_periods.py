"""Accuracy and speed of `bot.periods.parse` against dateparser, on the labelled dev set.

Run with `make bench` (installs dateparser). Both parsers read the same inputs in the same
process; every round shifts the years and the spacing of every text, so that no cache can
stand in for parsing. Prints our figures, dateparser's, and the ratio against the targets
(100% accuracy, at least 50 times dateparser's speed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateutil.rrule import rrulestr

from bot.periods import PeriodError, parse

ROOT = Path(__file__).resolve().parents[1]
DEV = Path(os.environ.get("NHACVIEC_SHARED", ROOT.parent / "shared")) / "periods" / "dev.jsonl"
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _rows() -> list[dict[str, Any]]:
    if not DEV.exists():
        sys.exit(f"{DEV} không có ở đây: bộ dữ liệu dev nằm cạnh kho mã (../shared/periods)")
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same_rule(a: str | None, b: str | None, year: int) -> bool:
    if a is None or b is None:
        return a == b
    start, end = dt.datetime(year, 1, 1), dt.datetime(year + 5, 12, 31)
    return list(rrulestr(a, dtstart=start).between(start, end, True)) == list(
        rrulestr(b, dtstart=start).between(start, end, True))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _ours_right(row: dict[str, Any]) -> bool:
    try:
        p = parse(row["text"], context_year=row["context_year"])
    except PeriodError:
        return row["kind"] == "invalid"
    return ((p.kind, _iso(p.start), _iso(p.due)) == (row["kind"], row["start"], row["due"])
            and _same_rule(p.rrule, row["rrule"], row["context_year"]))


def _dateparser_right(row: dict[str, Any], dateparser_parse: Callable[..., Any]) -> bool:
    """dateparser gives one datetime or None: right when it is the due date, or None where there is none."""
    got = dateparser_parse(row["text"], languages=["vi"])
    if row["due"] is None or row["kind"] == "invalid":
        return got is None
    return got is not None and got.date().isoformat() == row["due"]


def _varied(rows: list[dict[str, Any]], rounds: int) -> list[tuple[str, int]]:
    """The dev texts with years moved by k and spacing changed, k = 1..rounds."""
    out = []
    for k in range(1, rounds + 1):
        for row in rows:
            text = _YEAR.sub(lambda m, k=k: str(int(m.group()) + k), row["text"])
            out.append((" " * (k % 3) + text, row["context_year"] + k))
    return out


def _rate(inputs: list[tuple[str, int]], one: Callable[[str, int], object]) -> float:
    """Parses per second over the inputs (best of three passes: these machines are noisy)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text, year in inputs:
            one(text, year)
        best = min(best, time.perf_counter() - start)
    return len(inputs) / best


def _ours(text: str, year: int) -> object:
    try:
        return parse(text, context_year=year)
    except PeriodError as e:
        return e


def main() -> None:
    """Print the figures."""
    import dateparser

    rows = _rows()
    ours_acc = sum(map(_ours_right, rows)) / len(rows)
    dp_acc = sum(_dateparser_right(r, dateparser.parse) for r in rows) / len(rows)
    ours_rate = _rate(_varied(rows, 40), _ours)
    dp_rate = _rate(_varied(rows, 2), lambda text, year: dateparser.parse(text, languages=["vi"]))
    ratio = ours_rate / dp_rate
    print(f"dev set: {len(rows)} expressions ({DEV})")
    print(f"  nhacviec    accuracy {ours_acc:7.1%}   {ours_rate:10,.0f} parses/s")
    print(f"  dateparser  accuracy {dp_acc:7.1%}   {dp_rate:10,.0f} parses/s")
    print(f"  speed ratio {ratio:.1f}x")
    print(f"targets: accuracy 100% -> {'met' if ours_acc == 1 else 'MISSED'}; "
          f"speed >= 50x dateparser -> {'met' if ratio >= 50 else 'MISSED'}")


if __name__ == "__main__":
    main()
