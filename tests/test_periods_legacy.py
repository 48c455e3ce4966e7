"""Plans typed in the old TCVN3 (ABC) or VNI fonts, read without them: "Th¸ng 6/2018" and
"Thaùng 6/2018" are "Tháng 6/2018"."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.importer import import_plan, known_agencies, to_toml
from bot.periods import PeriodError, find_periods, parse
from bot.periods.legacy import from_tcvn3, legacy_reader, to_unicode
from tests import cases_calendar_words
from tests.conftest import ROOT, SHARED, tcvn3, vni
from tests.test_periods_families import CASES

D = dt.date


@pytest.mark.parametrize(("shown", "meant"), [
    # as converters' own pages show them
    ("Xin chµo tÊt c¶ mäi ng\u00adêi", "Xin chào tất cả mọi người"),
    ("hép møt tÕt", "hộp mứt tết"),
    ("Tr\u00adíc ngµy 30/6 vµ 30/11 hµng n¨m", "Trước ngày 30/6 và 30/11 hàng năm"),
    ("Thùc hiÖn sau khi cã h\u00adíng dÉn cña Trung \u00ad¬ng", "Thực hiện sau khi có hướng dẫn của Trung ương"),
    ("§Õn hÕt n¨m 2025", "Đến hết năm 2025"),
    ("III. Tæ CHøC THùC HIÖN", "III. TỔ CHỨC THỰC HIỆN"),  # a line in .VnTimeH, all capitals
    ("Sè: 300 /KH-UBND, n¨m 2018", "Số: 300 /KH-UBND, năm 2018"),  # (not capitals for "KH-UBND")
])
def test_tcvn3_text_reads_as_unicode(shown: str, meant: str) -> None:
    assert from_tcvn3(shown) == meant


@pytest.mark.parametrize("text", [
    "Quý II/2018", "Tháng 6 ÷ tháng 8/2025", "«Quý II/2018»", "Trước ngày 30/6 · 2018", "Sở Nội vụ®",
    "Ủy ban nhân dân tỉnh", "Müller", "", "Năm 2026",
])
def test_unicode_text_is_left_alone(text: str) -> None:
    """Signs that ordinary text uses between words, and Unicode's own letters, keep it as it is."""
    if text == "Müller":  # (a foreign name in a Unicode plan: only that word would be read as TCVN3)
        assert from_tcvn3("Ông Müller, Trưởng phòng") == "Ông Müller, Trưởng phòng".replace("Müller", "Mỹller")
        return
    assert from_tcvn3(text) == text


def _codes_only(written: str) -> bool:
    """Whether a TCVN3 text shows at least one code that is no Vietnamese letter (else, as "cuèi quý",
    nothing in it says it is not Unicode)."""
    for ch in written:
        if ch.isascii():
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        # (Vietnamese takes from Latin-1 only vowels with a grave, acute, circumflex or tilde)
        if base not in "aeiouyAEIOUY" or not set(marks) <= {"\u0300", "\u0301", "\u0302", "\u0303"}:
            return True
    return False


def _cases(shared: Path | None) -> list[tuple[str, int]]:
    rows = [(text, year) for text, year, *_ in CASES + cases_calendar_words.CASES]
    if shared is not None and (shared / "dev.jsonl").exists():
        for line in (shared / "dev.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["text"], row["context_year"]))
    # (signs a TCVN3 font draws as letters cannot stand in a TCVN3 plan: "÷", "«")
    return [(t, y) for t, y in rows if not any("\u00a1" <= ch <= "\u00bf" or ch == "\u00f7" for ch in t)]


def test_every_family_reads_the_same_in_tcvn3() -> None:
    """Each labelled case typed in TCVN3 means what it means in Unicode, wherever the text shows
    a TCVN3 code that is no Vietnamese letter; and most do."""
    cases = _cases(SHARED / "periods")
    shown = [(t, y, tcvn3(t)) for t, y in cases if _codes_only(tcvn3(t))]
    assert len(shown) > 0.6 * len(cases), (len(shown), len(cases))
    for text, year, written in shown:
        try:
            expected = parse(text, context_year=year)
        except PeriodError as e:
            with pytest.raises(PeriodError) as caught:
                parse(written, context_year=year)
            assert (caught.value.hint, caught.value.position, caught.value.text) == (e.hint, e.position, written)
            continue
        got = parse(written, context_year=year)
        assert (got.kind, got.start, got.due, got.rrule) == (expected.kind, expected.start, expected.due,
                                                            expected.rrule), written
        assert got.text == written  # the text as given


def test_find_periods_in_tcvn3_gives_unicode_words() -> None:
    sentence = ("Hoµn thµnh §Ò ¸n tr×nh Ban Th\u00adêng vô TØnh ñy phª duyÖt trong th¸ng 6/2018, "
                "thùc hiÖn trong quý III/2018.")
    found = find_periods(sentence, context_year=2018)
    assert [m.period.due for m in found] == [D(2018, 6, 30), D(2018, 9, 30)]
    assert found[0].action == "Hoàn thành Đề án trình Ban Thường vụ Tỉnh ủy phê duyệt"
    assert found[0].text == "trong tháng 6/2018"
    # a TCVN3 passage pasted into a Unicode sentence
    mixed = "Hoàn thành trước ngày 30/6/2026; b¸o c¸o kÕt qu¶ tr\u00adíc ngµy 15/12/2026."
    assert [m.period.due for m in find_periods(mixed, context_year=2026)] == [D(2026, 6, 30), D(2026, 12, 15)]
    with pytest.raises(PeriodError) as caught:
        find_periods("Hoµn thµnh trong th¸ng 13/2018.", context_year=2018)
    assert caught.value.text == "Hoµn thµnh trong th¸ng 13/2018." and caught.value.position == len("Hoµn thµnh trong ")


def test_a_document_decides_for_its_short_cells() -> None:
    """"Cuèi quý IV" alone shows nothing of TCVN3; in a TCVN3 plan it is TCVN3 all the same."""
    assert from_tcvn3("Cuèi quý IV") == "Cuèi quý IV"
    read = legacy_reader(["KÕ ho¹ch c¶i c¸ch hµnh chÝnh", "Cuèi quý IV", "Th¸ng 6/2018"])
    assert read("Cuèi quý IV") == "Cuối quý IV"
    unicode = legacy_reader(["Kế hoạch cải cách hành chính", "Tháng 6/2018", "Tổ chức", "Müller"])
    assert unicode("Tháng 6/2018") == "Tháng 6/2018"  # (one foreign name makes no plan TCVN3)


def _drafts(seed: str, year: int, spell: Callable[[str], str], folder: Path) -> tuple[str, str]:
    """The draft of a seed typed in an old encoding, and of the seed itself."""
    found = sorted((SHARED / "seeds").glob(f"{seed}_*.txt")) if (SHARED / "seeds").exists() else []
    if not found:
        pytest.skip("../shared/seeds is not here")
    agencies = known_agencies(ROOT / "schedules" / "agencies.toml")
    legacy = folder / found[0].name
    legacy.write_text(spell(found[0].read_text(encoding="utf-8")), encoding="utf-8")
    return to_toml(import_plan(legacy, year, agencies)), to_toml(import_plan(found[0], year, agencies))


@pytest.mark.parametrize(("seed", "year"), [("000", 2018), ("001", 2018), ("002", 2019)])
def test_a_seed_in_tcvn3_imports_as_in_unicode(seed: str, year: int, tmp_path: Path) -> None:
    """The same plan typed in TCVN3 gives the same draft, but for the capital with a tone a word
    opens with ("Ủy ban" is "ủy ban": that font has no code for it)."""
    drafts = _drafts(seed, year, tcvn3, tmp_path)
    got, unicode = (tomllib.loads(d) for d in drafts)
    assert got["plan"] == unicode["plan"]
    assert len(got["task"]) == len(unicode["task"])
    for a, b in zip(got["task"], unicode["task"], strict=True):
        assert {k: str(v).lower() for k, v in a.items()} == {k: str(v).lower() for k, v in b.items()}


def test_a_docx_in_tcvn3(tmp_path: Path) -> None:
    """A Word plan typed in .VnTime, opened by python-docx: its table reads in Unicode."""
    import docx

    document = docx.Document()
    for line in ("Sè: 7/KH-UBND", "KÕ HO¹CH", "ChuyÓn ®æi sè n¨m 2022"):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=4)
    rows = [("TT", "NhiÖm vô", "C¬ quan chñ tr×", "Thêi gian thùc hiÖn"),
            ("1", "X©y dùng kho d÷ liÖu", "Së Th«ng tin vµ TruyÒn th«ng", "Cuèi quý III"),
            ("2", "§µo t¹o c¸n bé", "Së Néi vô", "Th¸ng 5 - Th¸ng 7")]
    for r in rows:
        for cell, text in zip(table.add_row().cells, r, strict=True):
            cell.text = text
    path = tmp_path / "kh.docx"
    document.save(str(path))
    plan = tomllib.loads(to_toml(import_plan(path, 2022, known_agencies(ROOT / "schedules" / "agencies.toml"))))
    assert plan["plan"]["number"] == "7/KH-UBND"
    tasks = {t["id"]: t for t in plan["task"]}
    assert (tasks["1"]["title"], tasks["1"]["lead"], tasks["1"]["time"]) == (
        "Xây dựng kho dữ liệu", "Sở Thông tin và Truyền thông", "Cuối quý III")
    assert (tasks["2"]["lead"], tasks["2"]["time"]) == ("Sở Nội vụ", "Tháng 5 - Tháng 7")
    assert parse(tasks["1"]["time"], context_year=2022).due == D(2022, 9, 30)



@pytest.mark.parametrize(("shown", "meant"), [
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),  # as a converter's own page shows it
    ("Tröôùc ngaøy 30/6 vaø 30/11 haøng naêm", "Trước ngày 30/6 và 30/11 hàng năm"),
    ("Thöïc hieän sau khi coù höôùng daãn cuûa Trung öông", "Thực hiện sau khi có hướng dẫn của Trung ương"),
    ("ÑEÁN HEÁT NAÊM 2025", "ĐẾN HẾT NĂM 2025"),  # (VNI has its capitals)
    ("Theo quy ñònh", "Theo quy định"),
    ("Tõ ngµy NghÞ quyÕt cã hiÖu lùc", "Từ ngày Nghị quyết có hiệu lực"),  # (TCVN3's "uÕ" is no VNI)
])
def test_vni_text_reads_as_unicode(shown: str, meant: str) -> None:
    assert to_unicode(shown).text == meant


def test_every_family_reads_the_same_in_vni() -> None:
    """VNI marks nearly every word ("Quyù", "Cuoái"): each labelled case typed in it means what it means."""
    for text, year in _cases(SHARED / "periods"):
        written = vni(text)
        try:
            expected = parse(text, context_year=year)
        except PeriodError as e:
            with pytest.raises(PeriodError) as caught:
                parse(written, context_year=year)
            assert caught.value.hint == e.hint and caught.value.text == written, written
            continue
        got = parse(written, context_year=year)
        assert (got.kind, got.start, got.due, got.rrule) == (expected.kind, expected.start, expected.due,
                                                            expected.rrule), written


def test_vni_positions_are_in_the_text_as_given() -> None:
    """Two signs make one letter: an error's place and a milestone's span still point into the VNI text."""
    text = "Hoaøn thaønh tröôùc ngaøy 32/1/2019"
    with pytest.raises(PeriodError) as caught:
        parse(text, context_year=2019)
    assert caught.value.hint == "không có ngày 32" and caught.value.position == len("Hoaøn thaønh tröôùc ")
    sentence = "Hoaøn thaønh Ñeà aùn trong thaùng 6/2018, thöïc hieän trong quyù III/2018."
    found = find_periods(sentence, context_year=2018)
    assert [sentence[m.span[0]:m.span[1]] for m in found] == ["trong thaùng 6/2018", "trong quyù III/2018"]
    assert [(m.text, m.action) for m in found] == [("trong tháng 6/2018", "Hoàn thành Đề án"),
                                                  ("trong quý III/2018", "thực hiện")]
    sentence = "Baùo caùo haèng quyù."  # (a span that ends on a letter of two signs ends after both)
    assert [sentence[slice(*m.span)] for m in find_periods(sentence, context_year=2018)] == ["haèng quyù"]


@pytest.mark.parametrize(("seed", "year"), [("000", 2018), ("002", 2019)])
def test_a_seed_in_vni_imports_as_in_unicode(seed: str, year: int, tmp_path: Path) -> None:
    """VNI has its capitals: the same draft, byte for byte."""
    got, unicode = _drafts(seed, year, vni, tmp_path)
    assert got == unicode
