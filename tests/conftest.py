"""Shared test helpers: where the labelled data lives, and comparing recurrence rules."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr

ROOT = Path(__file__).resolve().parents[1]


def wait_until(predicate: Callable[[], object], timeout: float = 30.0, step: float = 0.02) -> None:
    """Block until predicate() holds (another thread or process is doing the work)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(step)
    raise AssertionError("timed out")


async def until(predicate: Callable[[], object], timeout: float = 10.0) -> None:
    """The same without blocking the event loop the bot runs in."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the bot did not do it in time")
SHARED = Path(os.environ.get("NHACVIEC_SHARED", ROOT.parent / "shared"))


def same_days(rule_a: str | None, rule_b: str | None, year: int, years: int = 6) -> bool:
    """Two RRULEs (read from 1 January of `year`) are the same when they give the same days."""
    if rule_a is None or rule_b is None:
        return rule_a == rule_b
    start = dt.datetime(year, 1, 1)
    end = dt.datetime(year + years, 12, 31)
    days_a = rrulestr(rule_a, dtstart=start).between(start, end, inc=True)
    days_b = rrulestr(rule_b, dtstart=start).between(start, end, inc=True)
    return list(days_a) == list(days_b)


def strip_marks(text: str) -> str:
    """Vietnamese typed without diacritics ("Quy II/2018")."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d").replace("Đ", "D")


def roman_characters(text: str) -> str:
    """Roman numerals as the one-character forms some converters leave ("Quý Ⅳ/2018")."""
    romans = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ", "VII": "Ⅶ", "VIII": "Ⅷ",
              "IX": "Ⅸ", "X": "Ⅹ", "XI": "Ⅺ", "XII": "Ⅻ"}
    return re.sub(r"\b[IVX]+\b", lambda m: romans.get(m.group(), m.group()), text)


# ways officers write the same period text
VARIANTS: list[Callable[[str], str]] = [
    lambda t: t,
    strip_marks,
    lambda t: unicodedata.normalize("NFD", t),
    str.upper,
    str.lower,
    lambda t: t.replace("hàng", "hằng").replace("Hàng", "Hằng"),
    lambda t: t.replace(" - ", " – ").replace("-", "–"),
    lambda t: f"  {t}.  ",
    lambda t: t.replace("Quý", "Qúy").replace("quý", "qúy"),
    roman_characters,
]


def damaged(text: str) -> str:
    """Each word loses its first non-ASCII letter to U+FFFD, as a bad conversion leaves it."""
    return re.sub(r"\w+", lambda m: re.sub(r"[^\x00-\x7f]", "\ufffd", m.group(), count=1), text)


@pytest.fixture
def shared_periods() -> Path:
    """The labelled period files beside the repository, or skip when they are absent."""
    folder = SHARED / "periods"
    if not (folder / "dev.jsonl").exists():
        pytest.skip(f"{folder} is not here (it lives beside the repository)")
    return folder


PG_URL = os.environ.get("NHACVIEC_TEST_PG")


def _pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database on SQLite and, when NHACVIEC_TEST_PG is set, on PostgreSQL (a schema of its own)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    yield from _pg_schema()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema on the PostgreSQL of NHACVIEC_TEST_PG (for what only a server can show)."""
    yield from _pg_schema()


def _pg_schema() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("NHACVIEC_TEST_PG is not set")
    import uuid

    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(PG_URL, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
