"""Impossible periods: a PeriodError that says where the fault is and what was meant."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.periods import PeriodError, find_periods, parse


@pytest.mark.parametrize(("text", "hint", "position"), [
    ("Quý 10/2018", "không có quý 10; có phải là tháng 10/2018?", 0),
    ("Trong quý 10/2018", "không có quý 10; có phải là tháng 10/2018?", 6),
    ("Quý V/2019", "không có quý V; một năm chỉ có 4 quý (I, II, III, IV)", 0),
    ("Tháng 13/2018", "không có tháng 13", 0),
    ("Ngày 31/4/2019", "tháng 4/2019 chỉ có 30 ngày", 0),
    ("29/2/2019", "năm 2019 không nhuận, tháng 2/2019 chỉ có 28 ngày", 0),
    ("Hoàn thành trước ngày 32/1/2019", "không có ngày 32", len("Hoàn thành trước ")),
    ("", "chưa ghi thời gian thực hiện", 0),
    ("Từ tháng 10/2020 đến tháng 3/2020", "thời gian bắt đầu nằm sau thời gian kết thúc; có phải là đến tháng"
     " 3/2021?", 3),
    ("Tuần 5 tháng 2/2021", "tháng 2/2021 không có tuần thứ 5", 0),
    ("Năm học 2021-2020", "thời gian bắt đầu nằm sau thời gian kết thúc", 0),
    ("Tháng 01 năm sau đến Quý IV/2018", "thời gian bắt đầu nằm sau thời gian kết thúc", 0),  # a year back too
    ("13/2021", "không có tháng 13", 0),
    ("6/30/2025", "không có tháng 30; có phải là ngày 30/6/2025 (ngày trước, tháng sau)?", 0),  # month first
    ("Quý II/218", "năm “218” viết chưa đúng; có phải là năm 2018?", 0),
    ("Tháng 6/202", "năm “202” viết chưa đúng; có phải là năm 2020?", 0),  # (a plan of 2019: the nearest, not 2002)
    ("trước ngày 30/9/20188", "năm “20188” viết chưa đúng; có phải là năm 2018?", len("trước ngày ")),
    ("Tháng 6/20l8", "năm “20l8” viết chưa đúng; có phải là năm 2018?", 0),
    ("30/2 hằng năm", "tháng 2 không có ngày 30", 0),
    ("ngày 45 hằng tháng", "không có ngày 45", 0),
    ("Năm 20193", "năm “20193” viết chưa đúng; có phải là năm 2019?", 0),  # the nearest to the plan's year
    ("Tuần thứ 6 tháng 3/2019", "tháng 3/2019 không có tuần thứ 6", 0),
    ("tuần 4, 5 tháng 2/2019", "tháng 2/2019 không có tuần thứ 5", 0),
    ("tuần 3-1 tháng 6/2019", "tuần bắt đầu nằm sau tuần kết thúc", 0),
    ("Tháng 6/24", "năm “24” viết chưa đủ 4 chữ số; có phải là năm 2024?", 0),
    ("Tháng 6/24.", "năm “24” viết chưa đủ 4 chữ số; có phải là năm 2024?", 0),  # a full stop after it
    ("ngày 5/3/24", "năm “24” viết chưa đủ 4 chữ số; có phải là năm 2024?", len("ngày ")),
    ("Quý II/19", "năm “19” viết chưa đủ 4 chữ số; có phải là năm 2019?", 0),
    ("thứ Hai thứ 5 của tháng 2/2021", "không có thứ Hai thứ năm của tháng 2/2021", 0),
    ("Năm 2O25", "năm “2o25” viết chưa đúng; có phải là năm 2025?", 0),
    # four digits one slip from a year near the plan's, where a time is written
    ("Năm 1019", "năm “1019” viết chưa đúng; có phải là năm 2019?", 0),
    ("Từ năm 2019 đến năm 3021", "năm “3021” viết chưa đúng; có phải là năm 2021?", len("Từ năm 2019 đến ")),
    ("Tháng 6/2119", "năm “2119” viết chưa đúng; có phải là năm 2019?", 0),
    ("Năm 1289", "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)", 0),
    ("Tháng l0/2025", "tháng “l0” viết chưa đúng; có phải là tháng 10?", 0),  # OCR: a letter for a digit
    ("Hoàn thành trước 3O/6/2025", "ngày “3o” viết chưa đúng; có phải là ngày 30?", len("Hoàn thành trước ")),
    ("Trước ngày 3O/6/2025", "ngày “3o” viết chưa đúng; có phải là ngày 30?", len("Trước ngày ")),  # (after "ngày")
    ("trước 5-6 ngày", "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)", 0),
    ("40 ngày đầu tháng 7/2025", "tháng 7/2025 không có 40 ngày", 0),
    ("5 tuần đầu tháng 7/2025", "tháng 7/2025 không có 35 ngày", 0),
    # a weekday beside its date that is not its weekday: the plan must say which it means
    ("Thứ Ba, ngày 16/3/2026", "ngày 16/3/2026 là thứ Hai, không phải thứ Ba", 0),
    ("Họp trước ngày 16/3/2026 (Chủ nhật)", "ngày 16/3/2026 là thứ Hai, không phải Chủ nhật",
     len("Họp trước ngày 16/3/2026 (")),
    ("Tuần 53/2025", "năm 2025 chỉ có 52 tuần", 0),
    ("Hoàn thiện hệ thống pháp luật Việt Nam", "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, "
     "“Tháng 6/2018”, “30/9/2018”)", 0),
    # a cell that names no time says what it names instead
    ("Trong quý", "“quý” chưa nói quý nào: ghi rõ như “Quý II/2018”, hoặc “hằng quý” nếu làm mỗi quý",
     len("Trong ")),
    ("Đã hoàn thành.", "“Đã hoàn thành” là tình trạng công việc, chưa ghi thời gian (ví dụ đúng: “Quý II/2018”, "
     "“Tháng 6/2018”, “30/9/2018”)", 0),
    ("Đã ban hành", "“Đã ban hành” là tình trạng công việc, chưa ghi thời gian (ví dụ đúng: “Quý II/2018”, "
     "“Tháng 6/2018”, “30/9/2018”)", 0),
    ("Khẩn trương.", "“Khẩn trương” là yêu cầu làm sớm, chưa ghi hạn: ghi một ngày cụ thể (ví dụ đúng: "
     "“Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)", 0),
    ("Ngày", "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)", 0),
    ("Trong tháng tới", "“tháng” chưa nói tháng nào: ghi rõ như “Tháng 6/2018”, hoặc “hằng tháng” nếu làm mỗi tháng",
     len("Trong ")),
    ("Đầu năm học", "“năm học” chưa nói năm học nào: ghi rõ như “năm học 2025-2026”", len("Đầu ")),
    ("Học kỳ I", "“học kỳ” chưa nói của năm học nào: ghi rõ như “Học kỳ I năm học 2025-2026”", 0),
    ("Cuối học kỳ II", "“học kỳ” chưa nói của năm học nào: ghi rõ như “Học kỳ I năm học 2025-2026”", len("Cuối ")),
    ("Mua hệ thống phần mềm", "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, "
     "“30/9/2018”)", 0),  # "hệ", not "hè"
    ("Thực hiện", "không thấy thời gian nào (ví dụ đúng: “Quý II/2018”, “Tháng 6/2018”, “30/9/2018”)", 0),
])
def test_error_hint_and_position(text: str, hint: str, position: int) -> None:
    with pytest.raises(PeriodError) as caught:
        parse(text, context_year=2019)
    assert caught.value.hint == hint
    assert caught.value.position == position
    assert caught.value.text == text


def test_position_counts_characters_of_the_text_as_given_even_in_nfd() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Hoàn thành trong Quý 10/2018")
    with pytest.raises(PeriodError) as caught:
        parse(text, context_year=2018)
    assert text[caught.value.position:].startswith("Qu")


def test_text_without_any_time_is_an_error_with_an_example() -> None:
    with pytest.raises(PeriodError) as caught:
        parse("Báo cáo kết quả", context_year=2019)
    assert "Quý II/2018" in caught.value.hint


@pytest.mark.parametrize("text", ["13.2026", "1.500 người", "06.2026.1"])
def test_a_figure_with_a_dot_is_no_month(text: str) -> None:
    with pytest.raises(PeriodError, match="không thấy thời gian nào"):
        parse(text, context_year=2026)


def test_day_without_month_asks_which_month() -> None:
    with pytest.raises(PeriodError) as caught:
        parse("trước ngày 15", context_year=2019)
    assert caught.value.hint == "ngày 15 của tháng nào?"


def test_a_weekday_that_is_its_dates_own_or_is_no_neighbour_is_no_error() -> None:
    assert parse("Thứ Hai, ngày 16/3/2026", context_year=2026).due == dt.date(2026, 3, 16)
    assert parse("ngày 15/01/2026 (thứ Năm)", context_year=2026).due == dt.date(2026, 1, 15)
    assert parse("Thứ Ba hằng tuần, từ ngày 16/3/2026", context_year=2026).rrule == "FREQ=WEEKLY;BYDAY=TU"
    # (a cited document's date is not the plan's to check)
    assert parse("Theo Công văn số 12/UBND ngày 16/3/2026 (thứ Ba)", context_year=2026).kind == "event"
    with pytest.raises(PeriodError, match="là thứ Năm, không phải thứ Sáu"):
        find_periods("Họp vào Thứ Sáu, ngày 15/01/2026.", context_year=2026)


def test_error_survives_pickling() -> None:
    import pickle

    with pytest.raises(PeriodError) as caught:
        parse("Quý 10/2018", context_year=2018)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.hint, again.position) == (caught.value.hint, caught.value.position)


def test_a_year_of_history_is_no_slip() -> None:
    """"thành lập năm 1010" is one digit from 2010 but names history: the sentence keeps its deadline."""
    found = find_periods("Kỷ niệm thành lập năm 1010, tổ chức trước ngày 10/10/2019.", context_year=2019)
    assert [m.period.due for m in found] == [dt.date(2019, 10, 10)]
    with pytest.raises(PeriodError, match="có phải là năm 2019"):
        find_periods("Hoàn thành trong năm 1019.", context_year=2019)
