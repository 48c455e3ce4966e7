"""Every labelled line of ../shared/periods passes (skipped where that folder is absent)."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from bot.periods import PeriodError, find_periods, parse
from tests.conftest import SHARED, damaged, same_days


def _lines(name: str) -> list[dict[str, Any]]:
    path = SHARED / "periods" / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@pytest.mark.parametrize("row", _lines("dev.jsonl"), ids=lambda r: r["text"][:40])
def test_dev_expression(row: dict[str, Any], shared_periods: Path) -> None:
    if row["kind"] == "invalid":
        with pytest.raises(PeriodError) as caught:
            parse(row["text"], context_year=row["context_year"])
        assert caught.value.hint
        return
    period = parse(row["text"], context_year=row["context_year"])
    assert (period.kind, _iso(period.start), _iso(period.due)) == (row["kind"], row["start"], row["due"])
    assert same_days(period.rrule, row["rrule"], row["context_year"])


@pytest.mark.parametrize("row", _lines("dev_milestones.jsonl"), ids=lambda r: r["text"][:40])
def test_dev_milestones(row: dict[str, Any], shared_periods: Path) -> None:
    found = find_periods(row["text"], context_year=row["context_year"])
    assert [_iso(m.period.due) for m in found] == row["dues"]


@pytest.mark.parametrize("row", [r for r in _lines("dev_milestones.jsonl") if len(r["text"]) > 60],
                         ids=lambda r: r["text"][:40])
def test_dev_milestones_wrapped_as_a_page_wraps_them(row: dict[str, Any], shared_periods: Path) -> None:
    """The sentence with its lines broken as a web page or a PDF breaks them reads the same."""
    for width in (40, 55, 70):
        wrapped = "\n".join(textwrap.wrap(row["text"], width))
        found = find_periods(wrapped, context_year=row["context_year"])
        assert [_iso(m.period.due) for m in found] == row["dues"], wrapped


def test_every_line_of_the_seeds_damaged_keeps_its_deadlines(shared_periods: Path) -> None:
    """Each word of the real plans losing a letter to U+FFFD: the same deadlines, no new ones."""
    def dues(text: str) -> list[tuple[str, dt.date | None]] | str:
        try:
            return [(m.period.kind, m.period.due) for m in find_periods(text, context_year=2018)]
        except PeriodError as e:
            return e.hint

    lines = [line.strip() for path in sorted((SHARED / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 500
    changed = [line for line in lines if dues(damaged(line)) != dues(line)]
    assert changed == []


def test_quarter_ten_suggests_the_month(shared_periods: Path) -> None:
    with pytest.raises(PeriodError) as caught:
        parse("Trong quý 10/2018", context_year=2018)
    assert "tháng 10/2018" in caught.value.hint
    assert caught.value.position == len("Trong ")
