"""Properties over any input: a Period or a PeriodError, never anything else."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.periods import Period, PeriodError, find_periods, parse
from bot.periods.legacy import to_unicode

WORDS = ["tháng", "quý", "năm", "ngày", "trước", "từ", "đến", "hết", "và", "hàng", "hằng", "định kỳ",
         "đầu", "giữa", "cuối", "Tết", "mùng", "chậm nhất", "sau khi", "trở đi", "giai đoạn", "-", "/",
         ",", "(", ")", ".", "II", "IV", "V", "âm lịch", "giờ", "thứ", "Sáu", "tuần", "lần", "\ufffd",
         "lần/năm", "mỗi", "năm sau", "tháng sau", "năm học", "tiên", "số", "để tổng hợp", "rằm", "Giêng",
         "Tân Sửu", "trung thu", "218", "20l8", "trong năm", "nay", "của", "T7", "Q3", "dự kiến", "tầm nhìn",
         "Mười Hai", "Chạp", "XII", "thứ Hai", "đầu tiên", "cuối cùng", "ngày làm việc", "sau",
         "các năm tiếp theo", "Chủ nhật", "học kỳ", "hạ tuần", "hết", "các tháng",
         "số liệu tính đến", "kỳ báo cáo", "ngày cuối", "giai đoạn", "7:30", "Ⅳ", "\t", "Tết Dương lịch",
         "Ngày Pháp luật Việt Nam", "Tháng hành động vì trẻ em", "báo cáo", "sơ kết", "phấn đấu", "theo",
         "kỳ họp", "đợt", "sáu", "chín", "ngày đầu", "30-6", "15.8", "của tháng", "Q.", "quanh năm",
         "Tuần 50/2025", "Kế hoạch năm", "đầu năm", "tuần cuối", "năm sau", "đến", "Đại hội", "nhiệm kỳ",
         "mỗi năm học", "trước Tết", "kỳ nghỉ", "→", "kể từ khi", "tháng Chạp", "mùng", "Q1+Q2", "1 lần",
         # this session's families
         "05 ngày làm việc", "ngày làm việc thứ 5", "tháng đầu quý sau", "15 ngày đầu", "kể từ ngày",
         "tháng Tư", "tháng Hai", "mồng", "liền trước", "nếu trùng ngày nghỉ", "khai giảng năm học mới",
         "cùng thời điểm", "trước khi", "từng năm", "GĐ", "tổng kết năm", "00:00:00", "2025/06/30", "năm sau nữa",
         # and the next session's
         "nửa đầu", "nửa tháng cuối", "quý thứ ba", "báo cáo tháng", "báo cáo năm", "liền kề", "lớp 1", "khóa",
         "trong đó", "Thời hạn:", "khi", "căn cứ tình hình", "tiếp tục thực hiện", "từ nay", "(để", "15 ngày",
         "mùng 1 và rằm hằng tháng", "năm tới", "những năm tới", "\n", "Quý I:", "//", "a)", "ＩＩ", "hoặc"]
pieces = st.one_of(st.sampled_from(WORDS), st.integers(0, 2100).map(str), st.text(max_size=4))
phrases = st.lists(pieces, max_size=12).map(" ".join)
years = st.integers(1990, 2060)


def _check(period: Period) -> None:
    assert period.kind in ("window", "deadline", "recurring", "continuous", "event")
    if period.kind == "window":
        assert period.start is not None and period.due is not None and period.start <= period.due
    if period.kind == "deadline":
        assert period.due is not None
    if period.kind == "recurring":
        assert period.rrule is not None or period.dates
    if period.rrule:
        rule = rrulestr(period.rrule, dtstart=dt.datetime(period.context_year, 1, 1))  # valid RFC 5545
        if period.kind == "recurring" and not period.dates:  # our due is the rule's first day
            lower = max(dt.date(period.context_year, 1, 1), period.start or dt.date.min)
            after = dt.timedelta(days=period.days_after)  # (so many days after each of its days)
            if after:
                rule = rrulestr(period.rrule, dtstart=dt.datetime((lower - after).year, 1, 1))
            first = rule.after(dt.datetime.combine(lower - after, dt.time()), inc=True)
            assert period.due == (first.date() + after if first else None), period.rrule
    assert isinstance(period.describe(), str)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80), years)
def test_any_text_gives_a_period_or_a_period_error(text: str, year: int) -> None:
    try:
        _check(parse(text, context_year=year))
    except PeriodError as e:
        assert 0 <= e.position <= len(text) and e.hint


@settings(max_examples=600, deadline=None)
@given(phrases, years)
def test_time_words_in_any_order(text: str, year: int) -> None:
    try:
        _check(parse(text, context_year=year))
    except PeriodError as e:
        assert 0 <= e.position <= e.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(phrases, years)
def test_find_periods_spans_point_into_the_text_in_order_apart(text: str, year: int) -> None:
    try:
        found = find_periods(text, context_year=year)
    except PeriodError:
        return
    last = 0
    for m in found:
        assert last <= m.span[0] <= m.span[1] <= len(text)
        # (the words as given; of a text in an old Vietnamese encoding, their Unicode as the whole text
        # is decoded: "quý Ü" is TCVN3's "quý ĩ")
        assert m.text == text[m.span[0]:m.span[1]] or m.text in to_unicode(text).text
        assert m.period.due is not None
        last = m.span[1]  # (in order, and no two over the same words)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(2000, 2050), st.integers(1990, 2060))
def test_month_is_its_whole_month(month: int, year: int, context: int) -> None:
    period = parse(f"tháng {month}/{year}", context_year=context)
    assert period.start == dt.date(year, month, 1)
    assert period.due is not None and (period.due + dt.timedelta(days=1)).day == 1


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)))
def test_any_real_date_reads_back(day: dt.date) -> None:
    for text in (f"{day.day}/{day.month}/{day.year}", f"ngày {day.day} tháng {day.month} năm {day.year}",
                 f"{day.day:02d}.{day.month:02d}.{day.year}", f"ngày {day.day}-{day.month}-{day.year}"):
        assert parse(text, context_year=2000).due == day, text


@pytest.mark.parametrize("text", [
    "6 lần/năm 218 15 / 20l8", "99 lần/năm từ 13 tháng 29 12 đến năm", ", Giêng trung thu chậm nhất 15 lần/năm 5 / 15",
])
def test_impossible_days_of_a_cycle_are_period_errors(text: str) -> None:
    for read in (parse, find_periods):
        with pytest.raises(PeriodError):
            read(text, context_year=2020)


def test_a_planned_hard_date_alone_is_still_read() -> None:
    assert parse("dự kiến chậm nhất 2018 tầm nhìn cuối", context_year=2020).due is not None


def test_29_february_in_a_list_of_a_leap_year() -> None:
    period = parse("ngày 12/1 và 29/2", context_year=2020)
    assert period.dates == (dt.date(2020, 1, 12), dt.date(2020, 2, 29))
    assert period.dues_between(dt.date(2020, 1, 1), dt.date(2020, 12, 31)) == list(period.dates)


def test_every_lexer_alternative_but_a_few_starts_with_a_plain_character() -> None:
    """An alternative that starts with no plain character is tried at every word and, placed last,
    loses to longer words at the same place: only these may (see lexer._grouped)."""
    from bot.periods import lexer

    headless = {kind for kind, pattern in lexer._WORDS
                for alt in lexer._expand(lexer._NAMED.sub("(?:", pattern)) if not lexer._head(alt)[0]}
    assert headless == {"school", "school2", "byear", "recurm", "tu"}


def test_no_lexer_alternative_has_a_bar_outside_its_groups() -> None:
    """"(?:a|b)c|d" would be split as "ac|d" and "bc|d": the lexer expands a leading group only."""
    from bot.periods import lexer

    split = [kind for kind, pattern in lexer._WORDS
             if any(c == "|" and depth == 0 for _, c, depth in lexer._scan(lexer._NAMED.sub("(?:", pattern)))]
    assert split == []
