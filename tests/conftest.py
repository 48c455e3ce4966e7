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


# the TCVN3 (ABC) code of each letter with marks, as the Latin-1 sign it shows as when the old
# .VnTime fonts are missing (byte 0xA1 onwards); a capital with a tone has no code of its own
# (.VnTimeH draws the small letter's code as a capital)
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ", 0xA8: "ă", 0xA9: "â",
    0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á",
    0xB9: "ạ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ",
    0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể",
    0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò",
    0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú",
    0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ",
    0xFD: "ý", 0xFE: "ỵ",
}
_TO_TCVN3 = {letter: chr(code) for code, letter in _TCVN3_BYTES.items()}


def tcvn3(text: str) -> str:
    """The text as a plan typed in the TCVN3 fonts shows without them ("Th¸ng 6/2018")."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = _TO_TCVN3.get(ch) or _TO_TCVN3.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


# how the VNI fonts write each letter with marks: the plain letter and a sign (or a sign alone)
_VNI_LETTERS = {
    "á": "aù", "à": "aø", "ả": "aû", "ã": "aõ", "ạ": "aï", "ă": "aê", "ắ": "aé", "ằ": "aè", "ẳ": "aú", "ẵ": "aü",
    "ặ": "aë", "â": "aâ", "ấ": "aá", "ầ": "aà", "ẩ": "aå", "ẫ": "aã", "ậ": "aä", "đ": "ñ", "é": "eù", "è": "eø",
    "ẻ": "eû", "ẽ": "eõ", "ẹ": "eï", "ê": "eâ", "ế": "eá", "ề": "eà", "ể": "eå", "ễ": "eã", "ệ": "eä", "í": "í",
    "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ó": "où", "ò": "oø", "ỏ": "oû", "õ": "oõ", "ọ": "oï", "ô": "oâ",
    "ố": "oá", "ồ": "oà", "ổ": "oå", "ỗ": "oã", "ộ": "oä", "ơ": "ô", "ớ": "ôù", "ờ": "ôø", "ở": "ôû", "ỡ": "ôõ",
    "ợ": "ôï", "ú": "uù", "ù": "uø", "ủ": "uû", "ũ": "uõ", "ụ": "uï", "ư": "ö", "ứ": "öù", "ừ": "öø", "ử": "öû",
    "ữ": "öõ", "ự": "öï", "ý": "yù", "ỳ": "yø", "ỷ": "yû", "ỹ": "yõ", "ỵ": "î",
}
_TO_VNI = {**_VNI_LETTERS, **{k.upper(): v.upper() for k, v in _VNI_LETTERS.items()}}


def vni(text: str) -> str:
    """The text as a plan typed in the VNI fonts shows without them ("Thaùng 6/2018")."""
    return "".join(_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


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
