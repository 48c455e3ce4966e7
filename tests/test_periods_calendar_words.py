"""Beyond the table of cases (tests/cases_calendar_words.py, checked in test_periods_families):
words that are not months, working-day policies, n-th weekdays, labels, damaged new words."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.periods import PeriodError, parse
from tests.conftest import damaged

D = dt.date


@pytest.mark.parametrize(("text", "kind", "start"), [
    ("6 tháng từ năm 2020", "continuous", D(2020, 1, 1)),  # "tư" and "từ" fold alike: not April
    ("một tháng một lần", "recurring", None),
    ("báo cáo tháng năm 2020", "window", D(2020, 1, 1)),  # "tháng năm" without a separator: not May
])
def test_words_that_are_not_months(text: str, kind: str, start: dt.date | None) -> None:
    p = parse(text, context_year=2020)
    assert (p.kind, p.start) == (kind, start), p.label


@pytest.mark.parametrize("text", ["tháng sau", "quý sau", "kỳ sau",
                                  "Kỷ niệm Ngày thành lập Đảng bộ tỉnh"])  # (each province's own day)
def test_words_that_name_no_time(text: str) -> None:
    with pytest.raises(PeriodError):
        parse(text, context_year=2020)


def test_a_working_day_carries_its_policy() -> None:
    before = parse("trước ngày làm việc cuối cùng của tháng 9/2023", context_year=2023)
    assert (before.due, before.policy) == (D(2023, 9, 30), "previous_working_day")  # a day, not a month
    last = parse("ngày làm việc cuối cùng của tháng 4/2021", context_year=2021)
    first = parse("ngày làm việc đầu tiên hằng tháng", context_year=2021)
    assert (last.policy, first.policy) == ("previous_working_day", "next_working_day")
    assert parse("Thứ Hai đầu tiên của tháng", context_year=2021).policy is None
    assert "lùi về ngày làm việc liền trước" in last.describe()


def test_the_eve_of_tet_moves_back_off_the_holiday() -> None:
    """ "Trước Tết" must be done before the holiday: a day off moves it back, not past Tết."""
    from bot.workdays import WorkCalendar

    cal = WorkCalendar()
    for text in ("trước Tết Nguyên đán 2026", "Trước kỳ nghỉ Tết Nguyên đán 2026", "Quý I/2026 (trước Tết)",
                 "Quý I/2026, trước Tết"):
        p = parse(text, context_year=2025)
        assert (p.due, p.policy) == (D(2026, 2, 16), "previous_working_day"), text
        assert p.due is not None and cal.effective_due(p.due, p.policy) == D(2026, 2, 13)  # the Friday before
    assert parse("Trước Tết Nguyên đán hằng năm", context_year=2025).policy == "previous_working_day"
    new_year = parse("Trước Tết Dương lịch", context_year=2028)  # 31/12/2028 is a Sunday
    assert new_year.due is not None and cal.effective_due(new_year.due, new_year.policy) == D(2028, 12, 29)
    assert parse("Quý I/2026", context_year=2025).policy is None


def test_working_days_after_each_period_are_carried() -> None:
    p = parse("Chậm nhất 05 ngày làm việc sau khi kết thúc quý", context_year=2024)
    assert (p.workdays_after, p.policy) == (5, None)
    assert p.describe().startswith("định kỳ hằng quý, vào ngày cuối quý, hạn 5 ngày làm việc sau đó")


@pytest.mark.parametrize("text", ["Trong 05 ngày làm việc đầu tháng", "05 ngày làm việc đầu tiên hằng tháng",
                                  "trong vòng 5 ngày làm việc đầu của tháng"])
def test_the_nth_working_day_of_each_month(text: str) -> None:
    p = parse(text, context_year=2024)
    assert (p.kind, p.rrule, p.policy, p.workdays_after) == ("recurring", "FREQ=MONTHLY;BYMONTHDAY=1",
                                                            "next_working_day", 4)
    assert p.describe() == "định kỳ ngày làm việc thứ 5 của tháng, hằng tháng"


def test_the_last_working_days_end_on_the_last_one() -> None:
    p = parse("05 ngày làm việc cuối tháng", context_year=2024)
    assert (p.rrule, p.policy, p.workdays_after) == ("FREQ=MONTHLY;BYMONTHDAY=-1", "previous_working_day", 0)


def test_nth_weekday_dues_between_follow_the_rule() -> None:
    p = parse("Thứ Hai đầu tiên của tháng", context_year=2024)
    assert p.dues_between(D(2024, 1, 1), D(2024, 4, 30)) == [D(2024, 1, 1), D(2024, 2, 5), D(2024, 3, 4),
                                                            D(2024, 4, 1)]


def test_a_month_without_the_weekday_asked_for_is_an_error() -> None:
    with pytest.raises(PeriodError) as e:
        parse("thứ Hai thứ 5 của tháng 2/2021", context_year=2021)
    assert "không có thứ Hai thứ năm của tháng 2/2021" in e.value.hint


def test_labels_say_what_was_read() -> None:
    assert parse("Tháng Giêng năm 2022", context_year=2022).label == "tháng Giêng âm lịch năm 2022"
    assert parse("Thứ Hai đầu tiên của tháng 3/2022", context_year=2022).label == \
        "thứ Hai đầu tiên của tháng 3/2022"
    assert parse("thứ Năm tuần thứ 2 hằng tháng", context_year=2021).label == \
        "thứ Năm thứ hai của tháng, hằng tháng"
    assert parse("Sau tháng 9/2021", context_year=2021).label == "sau tháng 9/2021"
    assert parse("Năm học 2020-2021", context_year=2021).label == "năm học 2020-2021"
    assert parse("học kỳ 1 năm học 2023-2024", context_year=2023).label == "học kỳ I năm học 2023-2024"
    assert parse("Từ nay đến cuối năm 2022", context_year=2022).label == "đến cuối năm 2022"
    assert parse("Hằng tháng (trước ngày 25) và hằng năm (trước ngày 15/12)", context_year=2024).label == \
        "hằng tháng, vào ngày 25; và ngày 15/12"


@pytest.mark.parametrize("text", [
    "Thứ Hai đầu tiên của tháng", "ngày làm việc cuối cùng của tháng", "Tháng Mười năm 2021",
    "Học kỳ I năm học 2023-2024", "Trung tuần tháng 6/2023", "Trong cả giai đoạn",
    # seasons, festivals, the budget year, and the words beside them ("năm t�i chính" is no "năm tới")
    "Trước mùa mưa bão năm 2021", "Trước vụ Đông Xuân 2021-2022", "Lễ Vu Lan năm 2021", "Tết ông Công ông Táo",
    "Năm tài chính 2021", "Phục vụ lúa gạo năm 2021", "Tháng hành động vì bình đẳng giới",
    "Cấp phát quà Tết xong trước ngày 25 tháng Chạp",
    # waits, commemorations, lunar months by number, days counted ahead of a time
    "Chờ hướng dẫn của Bộ Nội vụ", "Chào mừng 70 năm Chiến thắng Điện Biên Phủ (1954 - 2024)",
    "Tháng 7 âm lịch hằng năm", "Chậm nhất 10 ngày sau khi kết thúc Quý III/2021", "30 ngày trước ngày 01/7/2021",
    # months of action, told apart by the words after "vì"/"về" (damaged, either may read as the other)
    "Tháng hành động vì an toàn thực phẩm", "Tháng hành động về an toàn, vệ sinh lao động", "Tháng Công nhân",
    "Ngày Thầy thuốc Việt Nam", "Hằng quý (trừ quý I)", "Thứ Hai, Tư, Sáu hằng tuần", "Hằng năm (trừ năm 2021)",
    "Hằng ngày (trừ thứ Bảy, Chủ nhật)", "Hằng ngày (trừ ngày nghỉ, ngày lễ)",
])
def test_damaged_new_words_are_mended(text: str) -> None:
    expected = parse(text, context_year=2021)
    got = parse(damaged(text), context_year=2021)
    assert (got.kind, got.start, got.due, got.rrule) == (expected.kind, expected.start, expected.due,
                                                        expected.rrule), damaged(text)


def test_every_day_the_state_names_is_read_by_its_name() -> None:
    """Each name the table knows, written as people write it, gives the table's date."""
    from bot.periods.named_days import NAMES, NATIONAL_DAYS

    for key, name in NAMES.items():
        period = parse(name, context_year=2025)
        day, month = NATIONAL_DAYS[key][-1]
        assert period.due == dt.date(2025, month, day), name


def test_a_label_said_twice_is_said_once() -> None:
    assert parse("Năm 2025 (cả năm)", context_year=2025).describe() == "hạn chót 31/12/2025 (cuối năm 2025)"


@pytest.mark.parametrize(("text", "policy"), [
    ("Trước ngày 20 hằng tháng (nếu trùng ngày nghỉ thì báo cáo vào ngày làm việc liền trước)", "previous_working_day"),
    ("Trước 30/6/2025 (nếu rơi vào thứ Bảy, Chủ nhật thì nộp vào ngày làm việc trước đó)", "previous_working_day"),
    ("Ngày 20 hằng tháng (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo)", "next_working_day"),
    ("Trước ngày 20 hằng tháng", None),
])
def test_the_working_day_rule_the_text_states(text: str, policy: str | None) -> None:
    assert parse(text, context_year=2025).policy == policy


def test_a_stated_working_day_rule_in_a_sentence_belongs_to_the_deadline_before_it() -> None:
    from bot.periods import find_periods

    text = ("Các xã báo cáo trước ngày 20 hằng tháng (nếu trùng ngày nghỉ thì báo cáo vào ngày làm việc liền "
            "trước); Sở tổng hợp trước ngày 25 hằng tháng.")
    assert [m.period.policy for m in find_periods(text, context_year=2025)] == ["previous_working_day", None]


@pytest.mark.parametrize(("text", "rrule", "nth"), [
    ("Chậm nhất vào ngày làm việc thứ 5 của tháng đầu quý sau", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1", 5),
    ("Ngày làm việc thứ 3 của tháng", "FREQ=MONTHLY;BYMONTHDAY=1", 3),
    ("Ngày làm việc đầu tiên của tháng đầu quý", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1", 1),
])
def test_the_nth_working_day_named_by_its_place(text: str, rrule: str, nth: int) -> None:
    p = parse(text, context_year=2025)
    assert (p.rrule, p.policy, p.workdays_after) == (rrule, "next_working_day", nth - 1)
