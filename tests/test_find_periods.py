"""Deadlines found in whole sentences, with what must be done by each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from bot.periods import PeriodError, find_periods, parse
from bot.periods.text import fold
from tests.conftest import VARIANTS, damaged, strip_marks

D = dt.date


def _dues(text: str, year: int = 2018) -> list[dt.date | None]:
    return [m.period.due for m in find_periods(text, context_year=year)]


def test_two_milestones_with_their_actions() -> None:
    text = "Hoàn thành Đề án trình Ban Thường vụ Tỉnh ủy phê duyệt trong tháng 6/2018, thực hiện trong quý III/2018."
    found = find_periods(text, context_year=2018)
    assert [m.period.due for m in found] == [D(2018, 6, 30), D(2018, 9, 30)]
    assert found[0].action == "Hoàn thành Đề án trình Ban Thường vụ Tỉnh ủy phê duyệt"
    assert found[1].action == "thực hiện"
    assert text[found[0].span[0]:found[0].span[1]] == found[0].text == "trong tháng 6/2018"


def test_citations_are_not_deadlines() -> None:
    assert _dues("Triển khai thực hiện Nghị quyết số 10/NQ-CP ngày 03/02/2018 của Chính phủ") == []
    assert _dues("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;") == []
    assert _dues("Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ về việc ban hành "
                 "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011-2020;") == []


def test_a_citation_then_a_real_deadline() -> None:
    text = "Triển khai Nghị quyết số 10/NQ-CP ngày 03/02/2018 của Chính phủ trong quý III/2018"
    assert _dues(text) == [D(2018, 9, 30)]



@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_a_document_numbers_date_is_cited_whatever_names_it(spell: Callable[[str], str]) -> None:
    """ "QĐ số 1234/QĐ-UBND ngày 15/3/2026", "CV 1234/UBND-NC ngày …": an abbreviation, or nothing, before
    the number; the date after it is the document's."""
    for cited in ("Theo QĐ số 1234/QĐ-UBND ngày 15/3/2026", "Theo CV 1234/UBND-NC, ngày 15/3/2026",
                  "Theo số 1234/QĐ-UBND ngày 15/3/2026", "Thực hiện NQ 18-NQ/TW ngày 25/10/2017"):
        assert _dues(spell(cited + ", các đơn vị báo cáo trước 30/4/2026."), 2026) == [D(2026, 4, 30)], cited


def test_an_event_that_starts_the_work_and_a_date_that_ends_it() -> None:
    text = "Triển khai thực hiện từ ngày Kế hoạch có hiệu lực đến hết ngày 31/12/2025."
    found = find_periods(text, context_year=2025)
    assert [m.period.due for m in found] == [D(2025, 12, 31)]
    assert found[0].action == "Triển khai thực hiện từ ngày Kế hoạch có hiệu lực"
    assert _dues("Sau khi có hướng dẫn của Bộ, thực hiện đến hết năm 2025.", 2025) == []


def test_a_time_counted_from_an_event_is_whole_before_a_comma() -> None:
    """ "trong 15 ngày kể từ ngày họp" waits for the meeting; the duty after the comma does not."""
    assert _dues("Gửi hồ sơ trong 15 ngày kể từ ngày họp, hoàn thành trước 30/6/2025.", 2025) == [D(2025, 6, 30)]
    assert _dues("Sau khi có hướng dẫn của Bộ, hoàn thành trước 30/6/2025.", 2025) == []


def test_a_cycle_of_school_years_in_a_sentence() -> None:
    found = find_periods("Các trường học tổ chức tuyên truyền vào đầu mỗi năm học.", context_year=2025)
    assert [m.period.due for m in found] == [D(2025, 11, 30)]
    assert found[0].action == "Các trường học tổ chức tuyên truyền"  # "vào" belongs to the time


def test_a_lead_word_glued_to_its_date() -> None:
    text = "Hoàn thành Đề án trước30/6/2018, báo cáo đến30/9/2018."
    found = find_periods(text, context_year=2018)
    assert [(m.text, m.action, m.period.due) for m in found] == [
        ("trước30/6/2018", "Hoàn thành Đề án", D(2018, 6, 30)), ("đến30/9/2018", "báo cáo", D(2018, 9, 30))]
    assert _dues("Phòng chống dịch cúm H5N1, mã hồ sơ TU2018") == []


def test_a_phase_word_names_the_work_unless_its_years_follow() -> None:
    found = find_periods("Tổ chức Hội nghị sơ kết giữa nhiệm kỳ vào Quý III/2028; tổng kết vào Quý IV/2030.",
                         context_year=2025)
    assert [m.action for m in found] == ["Tổ chức Hội nghị sơ kết giữa nhiệm kỳ", "tổng kết"]
    assert [m.action for m in find_periods("Thực hiện trong giai đoạn 2021-2025.", context_year=2021)] == ["Thực hiện"]
    # the phase of a document names it where its clause says when
    found = find_periods("Chương trình hành động giai đoạn 2021-2025 được tổng kết trong quý I/2026.",
                         context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [
        ("Chương trình hành động giai đoạn 2021-2025 được tổng kết", D(2026, 3, 31))]
    assert _dues("Thực hiện Kế hoạch giai đoạn 2026-2030.", 2025) == [D(2030, 12, 31)]
    # any phase after the words it belongs to names the work, where a finer time says when
    found = find_periods("Đánh giá kết quả giai đoạn 2021-2025, đề xuất giai đoạn 2026-2030 trong quý I/2026.",
                         context_year=2026)
    assert [(m.action, m.period.due) for m in found] == [
        ("Đánh giá kết quả giai đoạn 2021-2025, đề xuất giai đoạn 2026-2030", D(2026, 3, 31))]
    assert _dues("Tổng kết nhiệm kỳ 2021-2026 trong tháng 5/2026.", 2026) == [D(2026, 5, 31)]
    assert _dues("Thực hiện trong giai đoạn 2026-2030, sơ kết vào tháng 6/2028.", 2026) == [
        D(2030, 12, 31), D(2028, 6, 30)]  # "trong" leads it


def test_a_time_then_a_yearly_cycle_is_that_time_each_year_from_then_on() -> None:
    """As in a cell: "vào tháng 4/2026 hằng năm" is each April from 2026, not April 2026 and each 31/12."""
    for text, rule in [("Tổ chức kiểm tra vào tháng 4/2025 hằng năm.", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=-1"),
                       ("Tổ chức kiểm tra vào tháng 4 và tháng 10/2025 hằng năm.",
                        "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1"),
                       ("Báo cáo trước ngày 30/6 và 30/11/2025 hằng năm.", "FREQ=YEARLY;BYMONTH=6,11;BYMONTHDAY=30"),
                       ("Tổ chức tổng kết vào quý I/2025 và hằng năm.", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1")]:
        found = find_periods(text, context_year=2025)
        assert [(m.period.kind, m.period.rrule) for m in found] == [("recurring", rule)], text
        assert found[0].period.start == D(2025, 1, 1)
    # (a cycle in a clause of its own is another duty)
    assert len(find_periods("Kiểm tra vào tháng 4/2025; báo cáo hằng năm.", context_year=2025)) == 2


def test_a_monthly_cycle_carries_past_a_semicolon_to_a_day_with_no_month() -> None:
    text = ("Hằng tháng, trước ngày 20, UBND các xã báo cáo UBND huyện; UBND huyện tổng hợp báo cáo Sở Nội vụ"
            " trước ngày 25.")
    found = find_periods(text, context_year=2025)
    assert [(m.action, m.period.rrule) for m in found] == [
        ("UBND các xã báo cáo UBND huyện", "FREQ=MONTHLY;BYMONTHDAY=20"),
        ("UBND huyện tổng hợp báo cáo Sở Nội vụ", "FREQ=MONTHLY;BYMONTHDAY=25")]
    with pytest.raises(PeriodError, match="tháng nào"):  # (not past the end of the sentence)
        find_periods("Báo cáo hằng tháng. Tổng hợp trước ngày 25.", context_year=2025)
    # (and so does a quarterly one, to the same day of each quarter's last month as in a cell)
    found = find_periods("Hằng quý, các sở báo cáo trước ngày 20; Sở Nội vụ tổng hợp trước ngày 25.", context_year=2025)
    assert [m.period.rrule for m in found] == ["FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
                                               "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=25"]


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_a_month_of_each_quarter_carries_to_a_day_with_no_month_in_its_sentence(spell: Callable[[str], str]) -> None:
    text = ("Các sở báo cáo về Sở Nội vụ trước ngày 10 của tháng cuối quý để tổng hợp, báo cáo UBND tỉnh"
            " trước ngày 15; Sở Tài chính báo cáo trước ngày 20.")
    found = find_periods(spell(text), context_year=2025)
    assert [(m.period.kind, m.period.rrule) for m in found] == [
        ("recurring", f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={day}") for day in (10, 15, 20)]
    found = find_periods(spell("Báo cáo trước ngày 25 tháng đầu quý sau, tổng hợp trước ngày 28."), context_year=2025)
    assert [m.period.rrule for m in found] == [
        f"FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY={day}" for day in (25, 28)]
    with pytest.raises(PeriodError, match="tháng nào"):  # (not past the end of the sentence)
        find_periods(spell("Báo cáo trước ngày 10 tháng cuối quý. Tổng hợp trước ngày 15."), context_year=2025)
    with pytest.raises(PeriodError, match="không có ngày 35"):
        find_periods(spell("Báo cáo trước ngày 10 tháng cuối quý, tổng hợp trước ngày 35."), context_year=2025)


def test_a_time_inside_a_note_leaves_the_words_before_the_note() -> None:
    found = find_periods("Kiện toàn Ban Chỉ đạo (xong trong tháng 3/2025), ban hành Quy chế (tháng 4/2025).",
                         context_year=2025)
    assert [m.action for m in found] == ["Kiện toàn Ban Chỉ đạo", "ban hành Quy chế"]
    found = find_periods("Tổ chức tập huấn (lớp 1 vào tháng 5/2025, lớp 2 vào tháng 9/2025).", context_year=2025)
    assert [m.action for m in found] == ["Tổ chức tập huấn (lớp 1)", "lớp 2"]
    found = find_periods("Rà soát văn bản (*hoàn thành trong tháng 02/2025*).", context_year=2025)
    assert [m.action for m in found] == ["Rà soát văn bản"]


def test_the_years_a_clause_opens_with_bound_its_cycle_or_date_its_times() -> None:
    """ "Giai đoạn 2026-2030, báo cáo trước 15/12 hằng năm" is each 15/12 up to 2030, as in a cell."""
    found = find_periods("Giai đoạn 2025-2030, báo cáo trước 15/12 hằng năm.", context_year=2025)
    assert [(m.action, m.period.rrule) for m in found] == [
        ("báo cáo", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15;UNTIL=20301231")]
    found = find_periods("Từ năm 2026, định kỳ hằng năm báo cáo UBND tỉnh.", context_year=2025)
    assert [(m.action, m.period.start, m.period.due) for m in found] == [
        ("báo cáo UBND tỉnh", D(2026, 1, 1), D(2026, 12, 31))]
    # a year that opens a clause with a finer time in it only says which year that time is in
    found = find_periods("Năm 2026, tập huấn trong tháng 6; báo cáo hằng quý.", context_year=2025)
    assert [m.period.due for m in found] == [D(2026, 6, 30), D(2025, 3, 31)]
    # (alone in its clause, or before a colon, it is the time of its words)
    assert _dues("Năm 2025, hoàn thành 50%; năm 2026, hoàn thành 100%.", 2025) == [D(2025, 12, 31), D(2026, 12, 31)]
    assert _dues("Năm 2025: tập huấn 2 lớp; tháng 6/2026: sơ kết.", 2025) == [D(2025, 12, 31), D(2026, 6, 30)]
    found = find_periods("Năm 2025 (trước 30/6)", context_year=2025)  # (its note refines it)
    assert [(m.period.start, m.period.due) for m in found] == [(D(2025, 1, 1), D(2025, 6, 30))]


def test_the_words_of_a_list_of_cycles_and_of_the_report_each_names() -> None:
    text = "Định kỳ 6 tháng, năm, các sở báo cáo kết quả về UBND tỉnh trước ngày 15/6 và 15/12."
    assert [m.action for m in find_periods(text, context_year=2025)] == ["các sở báo cáo kết quả về UBND tỉnh"]
    text = "Các đơn vị gửi báo cáo quý trước ngày 15 của tháng cuối quý, báo cáo năm trước ngày 15/11."
    assert [m.action for m in find_periods(text, context_year=2025)] == [
        "Các đơn vị gửi báo cáo quý", "Các đơn vị gửi báo cáo năm"]


def test_a_list_mark_and_a_time_heading_are_no_part_of_the_words() -> None:
    text = "a) Xây dựng dự thảo, lấy ý kiến trước ngày 15/3/2025; b) Hoàn thiện, trình UBND tỉnh trước ngày 30/4/2025."
    assert [m.action for m in find_periods(text, context_year=2025)] == [
        "Xây dựng dự thảo, lấy ý kiến", "Hoàn thiện, trình UBND tỉnh"]
    text = "Tuyên truyền trên các phương tiện thông tin đại chúng, thời gian: cả năm 2025."
    assert [m.action for m in find_periods(text, context_year=2025)] == [
        "Tuyên truyền trên các phương tiện thông tin đại chúng"]


def test_a_documents_own_dates_are_no_deadlines() -> None:
    """Its place and date line, and the dates a legal portal lists it with."""
    assert _dues("Đắk Nông, ngày 20 tháng 6 năm 2018", 2018) == []
    assert _dues("TP. Hồ Chí Minh, ngày 05/3/2025", 2025) == []
    assert _dues(damaged("Đắk Nông, ngày 20 tháng 6 năm 2018"), 2018) == []  # ("�ắk N�ng": a damaged capital)
    assert _dues("Đắk Nông, ngày       tháng 11 năm 2022", 2022) == []  # (a draft's day left blank)
    found = find_periods("Tổ chức kỳ thi theo lịch của Bộ (dự kiến ngày 25-27/6/2027).", context_year=2027)
    assert [m.action for m in found] == ["Tổ chức kỳ thi theo lịch của Bộ"]  # ("ngày" is the time's word)
    found = find_periods("Tập huấn 02 ngày (ngày 12 và 13/3/2025).", context_year=2025)
    assert [m.action for m in found] == ["Tập huấn 02 ngày"]  # (a count of days keeps its "ngày")
    assert _dues("Ngày ban hành: 31/10/2017 | Ngày có hiệu lực: 15/11/2017", 2017) == []
    assert _dues("Thứ Sáu, ngày 20/11/2026", 2026) == [D(2026, 11, 20)]  # (a weekday is no place)
    assert _dues("Tổ chức Hội nghị, ngày 30/6/2025", 2025) == [D(2025, 6, 30)]


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_days_counted_to_a_time_are_part_of_its_deadline(spell: Callable[[str], str]) -> None:
    found = find_periods(spell("Các cơ quan gửi hồ sơ chậm nhất 30 ngày trước ngày 01/7/2026."), context_year=2026)
    assert [(fold(m.action).text.strip(" ."), m.period.due) for m in found] == [
        (fold(spell("Các cơ quan gửi hồ sơ")).text.strip(" ."), D(2026, 6, 1))]
    found = find_periods(spell("Chậm nhất 10 ngày sau khi kết thúc Quý III/2026, các sở báo cáo."), context_year=2026)
    assert [m.period.due for m in found] == [D(2026, 10, 10)]
    # (a length of time is none: "Tập huấn 3 ngày" is three days of training)
    assert _dues(spell("Tập huấn 3 ngày trước ngày 01/7/2026."), 2026) == [D(2026, 7, 1)]


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_a_yearly_cycle_at_the_head_of_a_clause_falls_in_the_months_after_it(spell: Callable[[str], str]) -> None:
    """ "Hằng năm, … sơ kết vào tháng 5": each May (was each 31/12, and May of the plan's year once)."""
    found = find_periods(spell("Hằng năm, Sở Nội vụ tổ chức sơ kết vào tháng 5 và tổng kết vào quý IV."),
                         context_year=2026)
    assert [(m.period.kind, m.period.due, m.period.rrule) for m in found] == [
        ("recurring", D(2026, 5, 31), "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=-1"),
        ("recurring", D(2026, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1")]
    # (months that bound the cycle stay its bounds; a month of another clause stays once)
    assert [m.period.rrule for m in find_periods(spell("Hằng năm, từ tháng 3 đến tháng 5 tổ chức kiểm tra."),
                                                  context_year=2026)] == ["FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=-1"]
    found = find_periods(spell("Hằng năm, các sở báo cáo; riêng năm 2026 báo cáo trong tháng 5."), context_year=2026)
    assert [(m.period.kind, m.period.due) for m in found] == [("recurring", D(2026, 12, 31)),
                                                             ("window", D(2026, 5, 31))]


def test_giving_an_opinion_is_part_of_the_action_not_a_wait() -> None:
    found = find_periods("Dự thảo Kế hoạch báo cáo Ban Thường vụ Tỉnh ủy cho ý kiến trong tháng 4/2018.",
                         context_year=2018)
    assert [(m.action, m.period.due) for m in found] == [
        ("Dự thảo Kế hoạch báo cáo Ban Thường vụ Tỉnh ủy cho ý kiến", D(2018, 4, 30))]


@pytest.mark.parametrize("spell", [v for v in VARIANTS if v is not strip_marks] + [damaged])
def test_a_date_that_tells_when_something_was_done_is_no_deadline(spell: Callable[[str], str]) -> None:
    text = ("Ngày 20/01/2026, Sở Nội vụ đã có Công văn số 15/SNV-TCBC đề nghị các cơ quan báo cáo"
            " trước ngày 30/01/2026.")
    found = find_periods(spell(text), context_year=2026)
    assert [m.period.due for m in found] == [D(2026, 1, 30)]
    action = fold(found[0].action).text  # (its words start after the date)
    assert action.startswith("so noi vu") and action.endswith("de nghi cac co quan bao cao"), action
    assert _dues(spell("a) Ngày 16/3/2026 (thứ Hai), UBND tỉnh đã ban hành Kế hoạch."), 2026) == []
    # (what is to be done on a day, a figure "tối đa", a condition met before it: deadlines)
    for todo in ("Ngày 20/01/2026, Sở Nội vụ tổ chức hội nghị.", "Ngày 15/3/2026, tối đa 30 người dự.",
                 "Ngày 15/3/2026, sau khi đã có ý kiến của Bộ, tổ chức hội nghị."):
        assert _dues(spell(todo), 2026) != [], todo


def test_a_line_break_that_only_wraps_a_sentence_is_a_space() -> None:
    """Text copied from a web page or a PDF breaks its lines inside sentences."""
    text = "Các sở, ngành báo cáo kết quả về UBND tỉnh trước\nngày 15/12/2025 để tổng hợp."
    assert [(m.action, m.period.due) for m in find_periods(text, context_year=2025)] == [
        ("Các sở, ngành báo cáo kết quả về UBND tỉnh", D(2025, 12, 15))]
    cited = ("Căn cứ Kế hoạch số 18/KH-UBND ngày\n29/3/2024 của UBND tỉnh về cải cách hành chính tỉnh Tuyên\n"
             "Quang giai đoạn 2021 - 2025,\nỦy ban nhân dân tỉnh ban hành kế hoạch")
    assert _dues(cited, 2025) == []
    assert _dues("Tổ chức kiểm tra trong quý\nII/2025 tại các huyện.", 2025) == [D(2025, 6, 30)]
    # (the lines of a cell stay lines: each heads its own words)
    assert _dues("Năm 2025\nQuý I: xây dựng\nQuý IV: sơ kết", 2025) == [D(2025, 3, 31), D(2025, 12, 31)]


def test_days_then_the_cycle_of_the_report_they_are_for() -> None:
    """A reporting regime names the day first, the report's cycle after it, a number in words too."""
    cases = [("Chậm nhất ngày 20 (hai mươi) của tháng báo cáo đối với báo cáo định kỳ hằng tháng.",
              "FREQ=MONTHLY;BYMONTHDAY=20"),
             ("Chậm nhất ngày 10 (mười) của tháng cuối quý đối với báo cáo định kỳ hằng quý.",
              "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10"),
             ("Chậm nhất ngày 30 (ba mươi) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.",
              "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30")]
    for text, rule in cases:
        found = find_periods(text, context_year=2025)
        assert [(m.period.kind, m.period.rrule) for m in found] == [("recurring", rule)], text
        assert found[0].action.startswith("đối với báo cáo định kỳ"), found[0].action
    # (and a day with no month before a monthly cycle later in its clause)
    found = find_periods("Gửi trước ngày 15 cho Sở Nội vụ theo chế độ báo cáo hằng tháng.", context_year=2025)
    assert [m.period.rrule for m in found] == ["FREQ=MONTHLY;BYMONTHDAY=15"]


def test_a_reports_name_and_a_time_of_day_in_the_words() -> None:
    text = "Báo cáo tuần gửi trước 16 giờ thứ Năm hằng tuần; báo cáo tháng gửi trước ngày 20 hằng tháng."
    assert [m.action for m in find_periods(text, context_year=2025)] == ["Báo cáo tuần gửi", "báo cáo tháng gửi"]
    found = find_periods("Họp vào chiều thứ Sáu tuần cuối cùng của tháng.", context_year=2025)
    assert [(m.action, m.period.rrule) for m in found] == [("Họp", "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1")]


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_a_purpose_that_opens_the_sentence_ends_at_its_comma(spell: Callable[[str], str]) -> None:
    """ "Để chuẩn bị cho Tết …, các đơn vị … trước ngày 10/02/2026": due 10/02 (parse found no time);
    the occasion is no deadline of its own; a purpose after the duty is still another body's."""
    text = "Để chuẩn bị cho Tết Nguyên đán 2026, các đơn vị hoàn thành chi trả lương trước ngày 10/02/2026."
    assert parse(spell(text), context_year=2026).due == D(2026, 2, 10)
    assert _dues(spell(text), 2026) == [D(2026, 2, 10)]
    assert parse(spell("Để tổng hợp báo cáo UBND tỉnh, các đơn vị gửi trước 15/6/2026"), context_year=2026).due == D(
        2026, 6, 15)
    assert parse(spell("Gửi trước 15/6/2026 để tổng hợp báo cáo Bộ trước 30/6/2026"), context_year=2026).due == D(
        2026, 6, 15)
    assert _dues(spell("Chuẩn bị cho Tết Nguyên đán 2026."), 2026) == [D(2026, 2, 17)]  # (alone, it is the day)


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_months_a_cycle_skips_are_no_milestones(spell: Callable[[str], str]) -> None:
    """ "hằng tháng (trừ tháng 6, 7, 8)": each month but those (the months were a window of their own)."""
    found = find_periods(spell("Các trường sinh hoạt chuyên môn hằng tháng (trừ tháng 6, 7, 8)."), context_year=2026)
    assert [m.period.rrule for m in found] == ["FREQ=YEARLY;BYMONTH=1,2,3,4,5,9,10,11,12;BYMONTHDAY=-1"]
    found = find_periods(spell("Hằng tháng (trừ tháng 1, tháng 2)"), context_year=2026)
    assert [(m.period.kind, m.period.due) for m in found] == [("recurring", D(2026, 3, 31))]


def test_a_count_after_a_quarter_or_month_is_none() -> None:
    """ "quý II và 25 xã": the 25 communes, not a quarter 25 (an error that lost the sentence)."""
    assert _dues("Trong quý II/2026 và 25 xã đạt chuẩn.", 2026) == [D(2026, 6, 30)]
    assert _dues("Quý I và 10 đơn vị hoàn thành.", 2026) == [D(2026, 3, 31)]
    assert _dues("Quý II và 3 đơn vị hoàn thành.", 2026) == [D(2026, 6, 30)]
    # (and months: "tháng 6 và 25 xã" was "không có tháng 25")
    assert _dues("Trong tháng 6/2026 và 25 xã đạt chuẩn.", 2026) == [D(2026, 6, 30)]
    assert _dues("Trong tháng 6, 10 xã hoàn thành.", 2026) == [D(2026, 6, 30)]
    assert _dues("Trong tháng 11 và 12/2026, 5 xã hoàn thành.", 2026) == [D(2026, 12, 31)]
    # (nor a month after a day and a dash: "ngày 15 - 16 hằng tháng" was "không có tháng 16")
    assert _dues("Tổ chức tiêm chủng vào ngày 15 - 16 hằng tháng tại trạm y tế.", 2026) == [D(2026, 1, 16)]
    with pytest.raises(PeriodError, match="không có quý 10"):
        find_periods("Quý 1 và quý 10/2026", context_year=2026)


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_striving_is_no_beginning(spell: Callable[[str], str]) -> None:
    """ "đấu" folds to "đầu": "Phấn đấu năm 2026, …" is the year 2026, not its first quarter."""
    found = find_periods(spell("Phấn đấu năm 2026, Chỉ số CCHC của tỉnh xếp trong nhóm 20 tỉnh dẫn đầu."),
                         context_year=2026)
    assert [(m.period.start, m.period.due) for m in found] == [(D(2026, 1, 1), D(2026, 12, 31))]
    assert [m.period.due for m in find_periods(spell("Đầu năm 2026 tổ chức hội nghị."), context_year=2026)] == [
        D(2026, 3, 31)]


def test_a_victory_is_no_month_and_names_the_day_it_celebrates() -> None:
    """ "thắng" folds to "tháng": "Chiến thắng 30/4" is no month 30, and, celebrated, names its day."""
    found = find_periods("Tổ chức các hoạt động mừng Chiến thắng 30/4 trong tháng 4/2025.", context_year=2025)
    assert [m.period.due for m in found] == [D(2025, 4, 30)]
    assert found[0].period.kind == "window"
    assert _dues("Chào mừng Ngày Quốc khánh 2/9, tổ chức vào ngày 01/9/2025.", 2025) == [D(2025, 9, 1)]
    assert _dues("Dâng hương mùng 10 tháng Giêng.", 2025) == [D(2025, 2, 7)]  # ("mùng" is no "mừng")


def test_a_day_takes_the_month_before_it_only_in_its_clause() -> None:
    text = "Từ tháng 01/2025, thực hiện chế độ báo cáo trực tuyến; báo cáo tháng gửi trước ngày 25 hằng tháng."
    assert [m.period.rrule for m in find_periods(text, context_year=2025)] == ["FREQ=MONTHLY;BYMONTHDAY=25"]
    assert _dues("Tháng 6/2025, trước ngày 20.", 2025) == [D(2025, 6, 20)]


def test_a_cycle_over_years_is_one_milestone() -> None:
    """A cycle beside a span of years is each year of it, once ("Năm 2026 - 2030 (hằng năm)" was the
    span and an unbounded cycle over the same words)."""
    for text in ("Năm 2025 - 2030 (hằng năm)", "Hằng năm, giai đoạn 2025-2030", "Hằng năm trong giai đoạn 2025-2030"):
        found = find_periods(text, context_year=2025)
        assert [(m.period.kind, m.period.rrule) for m in found] == [
            ("recurring", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31;UNTIL=20301231")], text
    assert len(find_periods("2 năm 1 lần (2026, 2028, 2030)", context_year=2025)) == 1
    # (and the times in a note read with the span before it are not read again)
    found = find_periods("Triển khai năm 2025 - 2026 (năm 2025 thí điểm, năm 2026 nhân rộng).", context_year=2025)
    assert [m.period.due for m in found] == [D(2026, 12, 31)]


def test_a_day_named_then_written_out_is_one_deadline() -> None:
    found = find_periods("Trực Tết Nguyên đán Ất Tỵ từ ngày 25/01/2025 đến hết ngày 02/02/2025.", context_year=2025)
    assert [(m.period.start, m.period.due) for m in found] == [(D(2025, 1, 25), D(2025, 2, 2))]
    text = "Hoàn thành tuyển sinh trước ngày 31/7/2025 để khai giảng năm học 2025-2026 vào ngày 05/9/2025."
    assert _dues(text, 2025) == [D(2025, 7, 31), D(2025, 9, 5)]


def test_the_years_of_a_season_name_it() -> None:
    """ "mùa khô 2025-2026" falls on days that differ by region: a time word after it says when."""
    found = find_periods("Tuần tra phòng cháy rừng trong mùa khô 2025-2026, tổng kết vào tháng 5/2026.",
                         context_year=2025)
    assert [m.period.due for m in found] == [D(2026, 5, 31)]
    assert _dues("Kiểm tra hồ đập trước mùa mưa bão năm 2025; báo cáo trước 30/11/2025.", 2025) == [
        D(2025, 11, 30)]
    found = find_periods("Nạo vét kênh mương trước mùa mưa bão (trước ngày 30/6/2025).", context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [("Nạo vét kênh mương", D(2025, 6, 30))]


def test_a_year_over_before_the_plan_names_the_work() -> None:
    """ "công tác CCHC năm 2018" in a plan of 2019 says which year's work, not when it is due."""
    text = "Khắc phục những tồn tại, hạn chế về công tác CCHC năm 2018; triển khai toàn diện công tác CCHC."
    assert _dues(text, 2019) == []
    assert _dues("Tổng kết công tác CCHC năm 2019.", 2019) == [D(2019, 12, 31)]  # the plan's own year still counts
    assert _dues("Khắc phục tồn tại trong năm 2018.", 2019) == [D(2018, 12, 31)]  # a time word leads it


def test_a_sentence_reads_a_cell_time_as_parse_does() -> None:
    """The days of a duration written out, and a time again each year after it, as in a cell."""
    found = find_periods("Tổ chức cao điểm trong 100 ngày (từ 01/9 đến 10/12/2025).", context_year=2025)
    assert [(m.action, m.period.start, m.period.due) for m in found] == [
        ("Tổ chức cao điểm", D(2025, 9, 1), D(2025, 12, 10))]
    # counted from a day written out: 15 days after it (as in a cell)
    assert _dues("Gửi báo cáo trong thời hạn 15 ngày (kể từ ngày 01/7/2025).", 2025) == [D(2025, 7, 16)]
    found = find_periods("Tổng kết vào Quý IV/2025 và những năm tiếp theo.", context_year=2025)
    assert [(m.period.kind, m.period.rrule) for m in found] == [("recurring", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31")]
    again = find_periods("Báo cáo trước 31/12/2020 và các năm tiếp theo.", context_year=2020)
    assert [(m.period.kind, m.period.due) for m in again] == [("recurring", D(2020, 12, 31))]

    # half a month, as in a cell
    found = find_periods("Tổ chức hội nghị trong nửa cuối tháng 6/2026.", context_year=2025)
    assert [(m.period.start, m.period.due) for m in found] == [(D(2026, 6, 16), D(2026, 6, 30))]

    # phases in the parenthesis after a year: each with its words, in that year
    found = find_periods("Năm 2026 (Quý I: xây dựng kế hoạch; Quý II-III: triển khai; Quý IV: sơ kết)",
                         context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [
        ("xây dựng kế hoạch", D(2026, 3, 31)), ("triển khai", D(2026, 9, 30)), ("sơ kết", D(2026, 12, 31))]
    # and so do lines under a year alone on its line; a deadline before them stays one
    found = find_periods("Năm 2026\nQuý I: xây dựng kế hoạch\nQuý IV: sơ kết", context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [
        ("xây dựng kế hoạch", D(2026, 3, 31)), ("sơ kết", D(2026, 12, 31))]
    assert _dues("Trước 30/6/2026\nQuý III: kiểm tra\nQuý IV: sơ kết", 2025) == [
        D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)]


def test_the_heading_of_the_time_column_is_not_an_action() -> None:
    found = find_periods("- *Thời gian thực hiện:* Báo cáo kết quả rà soát trong tháng 6/2018.", context_year=2018)
    assert [m.action for m in found] == ["Báo cáo kết quả rà soát"]
    assert [m.action for m in find_periods("Thoi gian thuc hien: bao cao truoc 30/6/2026", context_year=2026)] == [
        "bao cao"]


def test_the_year_a_sentence_opens_with_is_the_year_of_the_times_after_it() -> None:
    text = "Năm 2026, tổ chức tập huấn trong tháng 6; năm 2027 tổ chức sơ kết trong tháng 3."
    assert _dues(text, 2025) == [D(2026, 6, 30), D(2027, 3, 31)]  # (the years only say which June, March)
    assert _dues("Năm 2026 hoàn thành 50%. Tháng 6 tổ chức sơ kết.", 2025) == [D(2026, 12, 31), D(2025, 6, 30)]


def test_a_connective_is_not_an_action_and_a_budget_year_names_the_budget() -> None:
    found = find_periods("Hoàn thành 100% trước năm 2030, trong đó năm 2026 hoàn thành 30%.", context_year=2025)
    assert [m.action for m in found] == ["Hoàn thành 100%", "hoàn thành 30%"]
    assert _dues("Sở Tài chính bố trí kinh phí trong dự toán ngân sách năm sau.", 2025) == []


def test_lead_words_and_notes_that_are_no_action() -> None:
    found = find_periods("Thời gian tổ chức: dự kiến ngày 15/10/2025 (thứ Tư), tại Hội trường UBND tỉnh.",
                         context_year=2025)
    assert [m.action for m in found] == ["tại Hội trường UBND tỉnh"]
    found = find_periods("Trong thời gian từ ngày 01/11/2025 đến ngày 30/11/2025, các đơn vị tự kiểm tra.",
                         context_year=2025)
    assert [m.action for m in found] == ["các đơn vị tự kiểm tra"]
    found = find_periods("Các đơn vị báo cáo quý trước ngày 10 tháng cuối quý; báo cáo năm trước ngày 10/12.",
                         context_year=2025)
    assert [(m.text, m.action) for m in found][-1] == ("trước ngày 10/12", "báo cáo năm")


def test_a_cycle_given_as_the_other_way_after_an_event_falls_due() -> None:
    found = find_periods("Các đơn vị báo cáo khi có yêu cầu hoặc định kỳ hằng năm.", context_year=2025)
    assert [m.period.rrule for m in found] == ["FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"]
    assert _dues("Triển khai sau khi có hướng dẫn của Bộ và Sở Nội vụ hằng năm.", 2025) == []


def test_lunar_days_and_festivals_in_a_sentence_read_as_in_a_cell() -> None:
    found = find_periods("Tổ chức Lễ giỗ Tổ Hùng Vương ngày 10/3 âm lịch hằng năm.", context_year=2025)
    assert [(m.text, m.action) for m in found] == [("giỗ Tổ Hùng Vương ngày 10/3 âm lịch hằng năm", "Tổ chức Lễ")]
    assert found[0].period.dues_between(D(2025, 1, 1), D(2026, 12, 31)) == [D(2025, 4, 7), D(2026, 4, 26)]
    # "trật tự" is no "từ"
    found = find_periods("Bảo đảm trật tự trước Tết.", context_year=2025)
    assert [(m.text, m.action) for m in found] == [("trước Tết", "Bảo đảm trật tự")]


def test_a_weekly_cycle_owns_the_weekday_later_in_its_clause() -> None:
    found = find_periods("Các đơn vị báo cáo hằng tuần vào ngày thứ Năm.", context_year=2025)
    assert [(m.text, m.action, m.period.rrule) for m in found] == [
        ("hằng tuần vào ngày thứ Năm", "Các đơn vị báo cáo", "FREQ=WEEKLY;BYDAY=TH")]


def test_the_mark_of_a_list_item_is_not_an_action() -> None:
    found = find_periods("a) Năm 2026: hoàn thành sắp xếp 50% đơn vị; b) Năm 2027: hoàn thành 100%.", context_year=2025)
    assert [m.action for m in found] == ["hoàn thành sắp xếp 50% đơn vị", "hoàn thành 100%"]
    found = find_periods("1. Quý I/2026: xây dựng kế hoạch. 2. Quý II/2026: triển khai.", context_year=2025)
    assert [m.action for m in found] == ["xây dựng kế hoạch", "triển khai"]


def test_a_named_day_beside_its_dates_is_one_deadline() -> None:
    """ "Tháng hành động …" names the days that follow it, in the year they give."""
    found = find_periods("Triển khai Tháng hành động vì an toàn thực phẩm từ ngày 15/4 đến ngày 15/5/2026.",
                         context_year=2025)
    assert [(m.period.start, m.period.due) for m in found] == [(D(2026, 4, 15), D(2026, 5, 15))]
    assert _dues("Tổ chức Ngày Pháp luật Việt Nam.", 2025) == [D(2025, 11, 9)]  # alone, it is the day


def test_document_numbers_are_not_dates() -> None:
    assert _dues("Thực hiện theo Nghị định số 24/2014/NĐ-CP và 37/2014/NĐ-CP") == []


def test_recurring_milestone_is_its_first_occurrence() -> None:
    text = "hàng tháng báo cáo Thường trực Tỉnh ủy tiến độ; kiểm tra trong quý III/2018"
    found = find_periods(text, context_year=2018)
    assert [m.period.due for m in found] == [D(2018, 1, 31), D(2018, 9, 30)]
    assert found[0].action == "báo cáo Thường trực Tỉnh ủy tiến độ"


def test_a_list_of_cycles_is_one_milestone() -> None:
    found = find_periods("Định kỳ hàng quý, 6 tháng, hàng năm báo cáo kết quả", context_year=2022)
    assert len(found) == 1
    assert found[0].period.rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"


def test_days_of_a_cycle_stay_with_it() -> None:
    found = find_periods("Báo cáo trước ngày 30/6 và 30/11 hàng năm", context_year=2018)
    assert len(found) == 1 and found[0].period.kind == "recurring"


def test_dates_after_an_event_are_hints_not_deadlines() -> None:
    assert _dues("Thực hiện sau khi Nghị quyết được ban hành (trong tháng 7/2018)") == []


def test_bare_years_need_a_time_word() -> None:
    assert _dues("Xây dựng Kế hoạch giai đoạn 2021-2025") == [D(2025, 12, 31)]
    assert _dues("hỗ trợ 2020 hộ dân") == []


def test_numbers_that_are_not_days() -> None:
    assert _dues("Triển khai dịch vụ công trực tuyến mức độ 2,3 và 4") == []
    assert _dues("Căn cứ Kế hoạch này, các cơ quan triển khai") == []


def test_bullets_each_hold_a_milestone() -> None:
    text = "+ Hoàn thành Đề án trong quý II/2018;\n\n+ Bắt đầu thực hiện trong tháng 7/2018."
    found = find_periods(text, context_year=2018)
    assert [m.action for m in found] == ["Hoàn thành Đề án", "Bắt đầu thực hiện"]


def test_no_time_no_milestone() -> None:
    assert find_periods("Báo cáo kết quả thực hiện", context_year=2018) == []
    assert find_periods("", context_year=2018) == []


def test_the_year_before_a_date_is_not_last_year() -> None:
    text = ("Các sở báo cáo kết quả 6 tháng trước ngày 15/6/2021 và báo cáo năm trước ngày 15/12/2021 "
            "về Sở Nội vụ.")
    found = find_periods(text, context_year=2021)
    assert [m.period.due for m in found] == [D(2021, 6, 15), D(2021, 12, 15)]
    assert found[1].action == "báo cáo năm"


def test_a_week_of_a_month_in_a_sentence() -> None:
    assert _dues("Tổ chức Hội nghị tổng kết vào tuần cuối tháng 12/2021.", 2021) == [D(2021, 12, 31)]


def test_a_numbered_form_is_not_a_month() -> None:
    text = "Sử dụng Mẫu số 01/2021 ban hành kèm theo Quyết định; nộp trước 15/10/2021."
    assert _dues(text, 2021) == [D(2021, 10, 15)]
    assert _dues("Triển khai Nghị quyết 06/2021 của HĐND tỉnh trong quý III/2021.", 2021) == [D(2021, 9, 30)]


def test_a_date_for_another_body_still_counts_in_a_sentence() -> None:
    text = ("Các cơ quan gửi báo cáo về Sở Tài chính trước ngày 20/11 hằng năm để tổng hợp, "
            "trình UBND tỉnh trước ngày 10/12.")
    assert _dues(text, 2021) == [D(2021, 11, 20), D(2021, 12, 10)]


def test_times_that_lead_their_words() -> None:
    found = find_periods("Năm 2022 đạt 50%, năm 2023 đạt 80% và đến năm 2025 đạt 100%.", context_year=2022)
    assert [(m.text, m.action) for m in found] == [
        ("Năm 2022", "đạt 50%"), ("năm 2023", "đạt 80%"), ("đến năm 2025", "đạt 100%")]
    assert [m.period.due for m in found] == [D(2022, 12, 31), D(2023, 12, 31), D(2025, 12, 31)]


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
def test_the_months_a_cycle_skips_are_its_own_words(spell: Callable[[str], str]) -> None:
    """ "(trừ quý I)" after a cycle, or "Ngoại trừ quý I," before it, is neither a time nor the action."""
    for text in ("Hằng quý (trừ quý I), các đơn vị báo cáo UBND tỉnh.",
                 "Ngoại trừ quý I, hằng quý các đơn vị báo cáo UBND tỉnh."):
        found = find_periods(spell(text), context_year=2026)
        assert [(m.period.due, m.period.rrule) for m in found] == [
            (D(2026, 6, 30), "FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=-1")]
        action = fold(found[0].action).text  # (damaged: "c�c �ơn v� …" folds to "cac _on v? …")
        assert action.startswith("cac ") and action.endswith("bao cao ubnd tinh"), action
    found = find_periods(spell("Họp giao ban vào sáng thứ Hai hằng tuần (trừ tháng 7)."), context_year=2026)
    assert [(fold(m.text).text, m.period.due) for m in found] == [
        ("vao sang thu hai hang tuan (tru thang 7)", D(2026, 1, 5))]


@pytest.mark.parametrize(("text", "expected"), [
    # "tiếp tục thực hiện" is what is done, not part of when
    ("Tiếp tục thực hiện trong năm 2027, báo cáo trước 15/12/2027.",
     [("trong năm 2027", "Tiếp tục thực hiện"), ("trước 15/12/2027", "báo cáo")]),
    # after a connective each time leads its words
    ("Tiếp tục thực hiện trong giai đoạn 2026 - 2030, trong đó năm 2026 hoàn thành 30%, năm 2027 hoàn thành 60%.",
     [("trong giai đoạn 2026 - 2030", "Tiếp tục thực hiện"), ("năm 2026", "hoàn thành 30%"),
      ("năm 2027", "hoàn thành 60%")]),
    ("Trước mắt, trong năm 2026 tập trung hoàn thành; lâu dài, đến năm 2030 hoàn thiện.",
     [("trong năm 2026", "tập trung hoàn thành"), ("đến năm 2030", "hoàn thiện")]),
    # a list of cycles with nothing before it: the words after it are each one's
    ("Gửi Sở Nội vụ trước ngày 15/01/2027; định kỳ 6 tháng (trước ngày 10/6) và năm (trước ngày 10/12) báo cáo "
     "kết quả thực hiện.",
     [("trước ngày 15/01/2027", "Gửi Sở Nội vụ"), ("định kỳ 6 tháng (trước ngày 10/6)", "báo cáo kết quả thực hiện"),
      ("trước ngày 10/12", "báo cáo kết quả thực hiện")]),
    # (a report named before the list stays each one's words)
    ("Báo cáo quý (trước ngày 20 tháng cuối quý), năm (trước 15/12) gửi Sở Nội vụ.",
     [("trước ngày 20 tháng cuối quý", "Báo cáo quý"), ("trước 15/12", "Báo cáo năm")]),
    # the notes after a time: weekdays, an anniversary, a note with more words after it
    ("Họp từ ngày 15 - 16/6/2026 (Thứ Hai, Thứ Ba), tại Hội trường.", [("từ ngày 15 - 16/6/2026", "Họp")]),
    ("Thời gian: từ ngày 15 - 16/6/2026 (Thứ Hai, Thứ Ba).", [("từ ngày 15 - 16/6/2026", "")]),
    ("Ngày 03/02/2027 (kỷ niệm 97 năm Ngày thành lập Đảng) tổ chức lễ mít tinh.",
     [("Ngày 03/02/2027", "tổ chức lễ mít tinh")]),
    ("Ngày 15/6/2026 (họp giao ban)", [("Ngày 15/6/2026", "họp giao ban")]),
    ("Hạn nộp hồ sơ: trước 17 giờ 00 ngày 30/6/2026 (theo dấu bưu điện).",
     [("trước 17 giờ 00 ngày 30/6/2026", "Hạn nộp hồ sơ")]),
    # a heading that opens the time's own clause: the duty is the clause before it (not a field line)
    ("Giao Sở Nội vụ chủ trì xây dựng Đề án; thời gian hoàn thành: trước 30/6/2026.",
     [("trước 30/6/2026", "Giao Sở Nội vụ chủ trì xây dựng Đề án")]),
    ("Xây dựng Đề án. Thời gian hoàn thành: trước 30/6/2026.", [("trước 30/6/2026", "Xây dựng Đề án")]),
    ("Xây dựng Đề án, thời hạn: Quý II/2026.", [("Quý II/2026", "Xây dựng Đề án")]),
    ("1. Xây dựng Đề án\n- Cơ quan chủ trì: Sở Nội vụ\n- Thời gian thực hiện: Quý II/2026",
     [("Quý II/2026", "")]),
    ("Hoàn thành trước 30/6/2026; thời gian hoàn thành: trước 30/9/2026.",
     [("trước 30/6/2026", "Hoàn thành"), ("trước 30/9/2026", "")]),
    # a connective after a time is no words of it; the words of a list of cycles are those before it
    ("Thời gian thực hiện: từ tháng 7/2026 đến tháng 12/2026, trong đó: tháng 7 - 8/2026 khảo sát.",
     [("từ tháng 7/2026 đến tháng 12/2026", ""), ("tháng 7 - 8/2026", "khảo sát")]),
    ("Báo cáo định kỳ hằng quý (trước ngày 15 của tháng cuối quý), năm (trước ngày 15/12) và đột xuất.",
     [("định kỳ hằng quý (trước ngày 15 của tháng cuối quý)", "Báo cáo"), ("trước ngày 15/12", "Báo cáo năm")]),
    # (the period each report covers after the words they share)
    ("Báo cáo tình hình thực hiện định kỳ hằng quý (trước ngày 15 của tháng cuối quý), 6 tháng (trước ngày "
     "15/6), năm (trước ngày 15/12).",
     [("định kỳ hằng quý (trước ngày 15 của tháng cuối quý)", "Báo cáo tình hình thực hiện"),
      ("trước ngày 15/6", "Báo cáo tình hình thực hiện 6 tháng"),
      ("trước ngày 15/12", "Báo cáo tình hình thực hiện năm")]),
    # "Thời hạn gửi báo cáo:" heads the words; "để" opens a purpose that is the duty
    ("Thời hạn gửi báo cáo: Báo cáo quý gửi trước ngày 20 tháng cuối quý.",
     [("trước ngày 20 tháng cuối quý", "Báo cáo quý gửi")]),
    ("Gửi Sở Nội vụ trước ngày 15/10/2026 để tổng hợp, báo cáo UBND tỉnh trước ngày 31/10/2026.",
     [("trước ngày 15/10/2026", "Gửi Sở Nội vụ"), ("trước ngày 31/10/2026", "tổng hợp, báo cáo UBND tỉnh")]),
])
def test_the_words_of_each_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.action) for m in find_periods(text, context_year=2026)] == expected


@pytest.mark.parametrize(("text", "words", "action"), [
    ("Các sở báo cáo trước 30/6 hằng năm; riêng năm 2026 trước 31/8/2026.",
     "trước 30/6 hằng năm; riêng năm 2026 trước 31/8/2026", "Các sở báo cáo"),
    ("Các sở báo cáo trước 30/6 hằng năm, riêng năm 2026 báo cáo trước 31/8/2026.",
     "trước 30/6 hằng năm, riêng năm 2026 báo cáo trước 31/8/2026", "Các sở báo cáo"),
    ("Hằng năm, trước 30/6 (riêng năm 2026 trước ngày 31/8/2026), các sở báo cáo.",
     "Hằng năm, trước 30/6 (riêng năm 2026 trước ngày 31/8/2026)", "các sở báo cáo"),
])
def test_the_one_year_a_yearly_deadline_moves_is_part_of_it(text: str, words: str, action: str) -> None:
    found = find_periods(text, context_year=2026)
    assert [(m.text, m.action) for m in found] == [(words, action)]
    assert found[0].period.dues_between(D(2026, 1, 1), D(2027, 12, 31)) == [D(2026, 8, 31), D(2027, 6, 30)]


@pytest.mark.parametrize(("text", "rules"), [
    # each cycle its own months skipped, the ones right beside it
    ("Hằng quý (trừ quý I), thứ Hai hằng tuần (trừ tháng 7), báo cáo.",
     ["FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=-1", "FREQ=WEEKLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYDAY=MO"]),
    ("Hằng quý (trừ quý I), thứ Hai hằng tuần, báo cáo.",
     ["FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=-1", "FREQ=WEEKLY;BYDAY=MO"]),
    ("Thứ Hai hằng tuần, hằng quý (trừ quý I), báo cáo.",
     ["FREQ=WEEKLY;BYDAY=MO", "FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=-1"]),
    ("Ngoại trừ quý I, hằng quý báo cáo; trừ tháng 7, hằng tháng họp.",
     ["FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=-1", "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYMONTHDAY=-1"]),
    ("Cập nhật dữ liệu hằng ngày, trừ ngày nghỉ.", ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"]),
    # (a cycle word before the months it skips still owns the days later in its clause)
    ("Hằng quý (trừ quý I), các sở báo cáo trước ngày 20 tháng cuối quý.",
     ["FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=20"]),
    ("Trực cơ quan hằng ngày (trừ thứ Bảy, Chủ nhật), báo cáo lãnh đạo.", ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"]),
    # (one in the clause, away from its cycle, is still that cycle's)
    ("Hằng tháng các xã báo cáo (trừ tháng 1)", ["FREQ=YEARLY;BYMONTH=2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=-1"]),
])
def test_the_months_each_cycle_skips(text: str, rules: list[str]) -> None:
    assert [m.period.rrule for m in find_periods(text, context_year=2026)] == rules


def test_a_cycle_that_skips_the_plans_year_starts_after_it() -> None:
    found = find_periods("Ngoại trừ năm 2026, hằng năm các sở báo cáo trước 15/12.", context_year=2026)
    assert [(m.action, m.period.due) for m in found] == [("các sở báo cáo", D(2027, 12, 15))]


@pytest.mark.parametrize("spell", VARIANTS)
def test_a_lead_in_before_a_colon_opens_each_time_that_leads_its_words(spell: Callable[[str], str]) -> None:
    found = find_periods(spell("Thực hiện theo lộ trình: năm 2026 đạt 50%, năm 2027 đạt 80%."), context_year=2026)
    assert [fold(m.action).text for m in found] == [
        "thuc hien theo lo trinh: dat 50%", "thuc hien theo lo trinh: dat 80%"]
    # (a lead-in with nothing after the time is the time's own words)
    found = find_periods(spell("Xây dựng Kế hoạch: Tháng 3/2026"), context_year=2026)
    assert [fold(m.action).text for m in found] == ["xay dung ke hoach"]


def test_a_cycle_word_owns_the_days_later_in_its_clause() -> None:
    found = find_periods("Từ năm 2022 trở đi, hằng năm báo cáo trước 15/12.", context_year=2022)
    assert [(m.period.kind, m.period.due, m.action) for m in found] == [("recurring", D(2022, 12, 15), "báo cáo")]
    found = find_periods("Hằng tháng, các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 20.", context_year=2022)
    assert [(m.period.rrule, m.action) for m in found] == [
        ("FREQ=MONTHLY;BYMONTHDAY=20", "các đơn vị gửi báo cáo về Sở Nội vụ")]
    found = find_periods("Định kỳ hằng quý, báo cáo UBND tỉnh trước ngày 25 của tháng cuối quý.", context_year=2022)
    assert [m.period.rrule for m in found] == ["FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=25"]
    # not across clauses, and not a date with its own year
    assert _dues("Hằng năm, các sở báo cáo; Sở Nội vụ tổng hợp trước 20/12.", 2022) == [D(2022, 12, 31),
                                                                                       D(2022, 12, 20)]
    assert _dues("Hằng năm, tổ chức hội nghị; báo cáo trước 15/12/2022.", 2022) == [D(2022, 12, 31), D(2022, 12, 15)]


def test_new_families_in_a_sentence() -> None:
    found = find_periods("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh vào ngày làm việc cuối cùng của tháng 6/2024.",
                         context_year=2024)
    assert [(m.period.due, m.period.policy) for m in found] == [(D(2024, 6, 30), "previous_working_day")]
    found = find_periods("Tổ chức hội nghị trong Trung tuần tháng 7/2024; sơ kết trong học kỳ I năm học 2024-2025.",
                         context_year=2024)
    assert [(m.action, m.period.start, m.period.due) for m in found] == [
        ("Tổ chức hội nghị", D(2024, 7, 11), D(2024, 7, 20)), ("sơ kết", D(2024, 9, 1), D(2025, 1, 15))]


def test_a_mistyped_date_in_a_cited_document_is_not_an_error() -> None:
    assert _dues("Thực hiện Công văn số 123/UBND-NC ngày 5/3/24 của UBND tỉnh, báo cáo trước 30/6/2024.",
                 2024) == [D(2024, 6, 30)]
    assert _dues("Triển khai Kế hoạch số 12/KH-UBND ngày 5/3/218; hoàn thành trong quý II/2024.", 2024) == [
        D(2024, 6, 30)]


def test_the_figures_a_report_covers_are_not_deadlines() -> None:
    assert _dues("Các sở báo cáo UBND tỉnh trước ngày 15/12/2024 (số liệu tính đến ngày 30/11/2024).", 2024) == [
        D(2024, 12, 15)]
    assert _dues("Các đơn vị cập nhật số liệu trước 30/6/2024.", 2024) == [D(2024, 6, 30)]


def test_two_dates_of_one_duty_share_its_words() -> None:
    text = ("Các sở báo cáo kết quả về Sở Nội vụ trước ngày 15/6 (báo cáo 6 tháng) và trước ngày 15/12 "
            "(báo cáo năm) để tổng hợp.")
    found = find_periods(text, context_year=2025)
    assert [m.period.due for m in found] == [D(2025, 6, 15), D(2025, 12, 15)]
    assert [m.action for m in found] == ["Các sở báo cáo kết quả về Sở Nội vụ"] * 2


def test_an_action_keeps_its_closing_parenthesis() -> None:
    found = find_periods("Báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 25/11 hằng năm.", context_year=2025)
    assert [m.action for m in found] == ["Báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)"]


def test_the_year_of_a_plan_or_report_names_it() -> None:
    found = find_periods("Xây dựng Kế hoạch năm 2026, hoàn thành trước 31/01/2026.", context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [("Xây dựng Kế hoạch năm 2026, hoàn thành", D(2026, 1, 31))]
    assert _dues("Xây dựng Kế hoạch năm 2026 trong tháng 12/2025.", 2025) == [D(2025, 12, 31)]
    assert _dues("Gửi báo cáo tổng kết năm 2025 trước ngày 15/01/2026.", 2025) == [D(2026, 1, 15)]
    assert _dues("Hoàn thành báo cáo trong năm 2025.", 2025) == [D(2025, 12, 31)]


def test_each_cycle_of_a_reporting_regime_with_the_words_for_them_all() -> None:
    text = ("Định kỳ hằng tháng (trước ngày 25), hằng quý (trước ngày 20 tháng cuối quý), 6 tháng "
            "(trước ngày 15/6), năm (trước ngày 15/12) báo cáo UBND tỉnh.")
    found = find_periods(text, context_year=2025)
    assert [m.period.rrule for m in found] == [
        "FREQ=MONTHLY;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
        "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"]
    assert {m.action for m in found} == {"báo cáo UBND tỉnh"}
    assert found[0].text == "Định kỳ hằng tháng (trước ngày 25)"


def test_a_day_without_a_year_after_a_cycle_word_comes_back_each_year() -> None:
    text = "Các cơ quan báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Sở Nội vụ."
    found = find_periods(text, context_year=2025)
    assert [(m.period.rrule, m.action) for m in found] == [
        ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15", "Các cơ quan báo cáo"),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", "Các cơ quan báo cáo năm")]  # (the report each one is)


def test_a_word_of_aim_does_not_take_the_figure_of_the_next_time() -> None:
    found = find_periods("Phấn đấu đến hết năm 2025 đạt 80%, đến năm 2030 đạt 100% số xã đạt chuẩn.", context_year=2025)
    assert [m.action for m in found] == ["đạt 80%", "đạt 100% số xã đạt chuẩn"]


def test_a_time_in_the_parenthesis_after_a_deadline_is_read_with_it() -> None:
    found = find_periods("Tổ chức hội nghị dự kiến ngày 10/6/2024 (chậm nhất ngày 15/6/2024).", context_year=2024)
    assert [(m.text, m.action, m.period.due) for m in found] == [
        ("dự kiến ngày 10/6/2024 (chậm nhất ngày 15/6/2024)", "Tổ chức hội nghị", D(2024, 6, 15))]
    found = find_periods("Trình UBND tỉnh trong quý II/2023 (trình HĐND tỉnh tại kỳ họp giữa năm).", context_year=2025)
    assert [m.period.due for m in found] == [D(2023, 6, 30)]


def test_a_latest_day_after_a_comma_tightens_the_window_before_it() -> None:
    found = find_periods("Sở Nội vụ hướng dẫn trong tháng 3/2025, chậm nhất ngày 25/3/2025.", context_year=2025)
    assert [(m.text, m.action, m.period.start, m.period.due) for m in found] == [
        ("trong tháng 3/2025, chậm nhất ngày 25/3/2025", "Sở Nội vụ hướng dẫn", D(2025, 3, 1), D(2025, 3, 25))]
    assert _dues("Hoàn thành trong tháng 6/2026, trước ngày 20.", 2025) == [D(2026, 6, 20)]
    # a day outside the window, or another duty's, is a deadline of its own
    assert _dues("Hoàn thành trong quý I/2026, chậm nhất ngày 15/5/2026.", 2025) == [D(2026, 3, 31), D(2026, 5, 15)]
    assert _dues("Hoàn thành trong quý I/2026; chậm nhất ngày 15/3/2026 báo cáo UBND tỉnh.", 2025) == [
        D(2026, 3, 31), D(2026, 3, 15)]


def test_the_period_a_report_covers_is_not_its_deadline() -> None:
    assert _dues("Sở Nội vụ tổng hợp báo cáo 6 tháng đầu năm gửi UBND tỉnh trước ngày 20/6.", 2025) == [
        D(2025, 6, 20)]
    assert _dues("Báo cáo sơ kết quý I/2025 trước ngày 15/3/2025.", 2025) == [D(2025, 3, 15)]
    assert _dues("Ngày 15/6 (báo cáo 6 tháng đầu năm) và ngày 15/12 (báo cáo năm)", 2025) == [
        D(2025, 6, 15), D(2025, 12, 15)]
    # a reporting regime is still a cycle
    assert [m.period.rrule for m in find_periods("Báo cáo 6 tháng, năm", context_year=2025)] == [
        "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"]


def test_an_event_in_one_cell_of_a_row_leaves_the_others_alone() -> None:
    row = ("5.1\tQuán triệt, triển khai theo Nghị quyết số 18-NQ/TW\tCác cơ quan, đơn vị có liên quan\t"
           "Báo cáo của các cơ quan, đơn vị\tTháng 6/2018\tTháng 6/2018")
    assert _dues(row, 2018) == [D(2018, 6, 30), D(2018, 6, 30)]
    assert parse(row, context_year=2018).due == D(2018, 6, 30)


def test_a_year_that_names_what_a_clause_speaks_of_is_not_its_deadline() -> None:
    text = "Tổ chức Hội nghị tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026 vào tuần đầu tháng 01/2026."
    assert _dues(text, 2025) == [D(2026, 1, 7)]
    assert _dues("Các đơn vị gửi dự toán ngân sách năm 2026 về Sở Tài chính trước ngày 20/7/2025.", 2025) == [
        D(2025, 7, 20)]
    # a year led by a time word, or standing alone, still counts
    assert _dues("Hoàn thành báo cáo trong năm 2025, gửi Sở Nội vụ trước ngày 15/12/2025.", 2025) == [
        D(2025, 12, 31), D(2025, 12, 15)]
    assert _dues("Triển khai nhiệm vụ năm 2026.", 2025) == [D(2026, 12, 31)]


def test_a_numbered_phase_leads_its_years() -> None:
    text = ("Giai đoạn 1 (2024-2025): hoàn thành sắp xếp; giai đoạn II: 2026-2030: duy trì và nâng cao "
            "chất lượng.")
    found = find_periods(text, context_year=2024)
    assert [(m.text, m.action, m.period.start, m.period.due) for m in found] == [
        ("Giai đoạn 1 (2024-2025)", "hoàn thành sắp xếp", D(2024, 1, 1), D(2025, 12, 31)),
        ("giai đoạn II: 2026-2030", "duy trì và nâng cao chất lượng", D(2026, 1, 1), D(2030, 12, 31))]
    # a phase's number is not a month or a day of the years after it
    assert parse("Giai đoạn 2 (2026-2030)", context_year=2024).due == D(2030, 12, 31)


def test_a_cited_document_before_a_time_belongs_to_the_action() -> None:
    text = "Tổ chức Hội nghị sơ kết 3 năm thực hiện Nghị quyết số 18-NQ/TW vào tháng 11/2024."
    found = find_periods(text, context_year=2024)
    assert [(m.text, m.action) for m in found] == [
        ("vào tháng 11/2024", "Tổ chức Hội nghị sơ kết 3 năm thực hiện Nghị quyết số 18-NQ/TW")]


def test_cycles_joined_after_a_parenthesis_share_the_words_before_them() -> None:
    text = ("Các sở, ngành báo cáo định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12) "
            "gửi Sở Nội vụ tổng hợp.")
    found = find_periods(text, context_year=2024)
    assert [(m.period.due, m.action) for m in found] == [
        (D(2024, 6, 10), "Các sở, ngành báo cáo"), (D(2024, 12, 10), "Các sở, ngành báo cáo")]


def test_a_round_names_what_is_due_not_when() -> None:
    found = find_periods("Tổ chức tập huấn đợt 1 vào tháng 5/2025, đợt 2 vào tháng 10/2025.", context_year=2025)
    assert [(m.text, m.action, m.period.due) for m in found] == [
        ("vào tháng 5/2025", "Tổ chức tập huấn đợt 1", D(2025, 5, 31)),
        ("vào tháng 10/2025", "Tổ chức tập huấn đợt 2", D(2025, 10, 31))]
    found = find_periods("Tổ chức kiểm tra lần 1 trong tháng 5/2026; lần 2 trong tháng 10/2026", context_year=2026)
    assert [m.action for m in found] == ["Tổ chức kiểm tra lần 1", "Tổ chức kiểm tra lần 2"]
    found = find_periods("Triển khai phần mềm: cấp tỉnh trong quý I/2025; cấp huyện trong quý II/2025.",
                         context_year=2025)
    assert [m.action for m in found] == ["Triển khai phần mềm: cấp tỉnh", "Triển khai phần mềm: cấp huyện"]


def test_the_day_a_commemoration_names_is_not_the_day_it_is_held() -> None:
    text = ("Tổ chức Lễ kỷ niệm 80 năm Ngày Cách mạng tháng Tám và Quốc khánh 2/9 (1945-2025) "
            "vào ngày 02/9/2025.")
    found = find_periods(text, context_year=2025)
    assert [(m.text, m.period.due) for m in found] == [("vào ngày 02/9/2025", D(2025, 9, 2))]
    assert found[0].action.endswith("Quốc khánh 2/9 (1945-2025)")
    assert parse(text, context_year=2025).due == D(2025, 9, 2)
    # said alone, the named day is the day
    assert [(m.text, m.period.due) for m in find_periods("Tổ chức kỷ niệm Quốc khánh 2/9", context_year=2025)] == [
        ("Quốc khánh 2/9", D(2025, 9, 2))]


def test_an_anniversary_is_due_on_its_day_not_over_the_years_since() -> None:
    found = find_periods("Tổ chức Lễ kỷ niệm 95 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2025).", context_year=2025)
    assert [(m.action, m.text, m.period.kind, m.period.due) for m in found] == [
        ("Tổ chức Lễ kỷ niệm 95 năm", "Ngày thành lập Đảng (03/02/1930 - 03/02/2025)", "deadline", D(2025, 2, 3))]
    text = "Tổ chức Lễ kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025) vào ngày 18/5/2025."
    assert _dues(damaged(text), 2025) == _dues(text, 2025) == [D(2025, 5, 18)]


def test_a_named_day_and_its_own_date_are_one_day() -> None:
    assert _dues("Tổ chức mít tinh dịp Quốc khánh 2/9/2025.", 2024) == [D(2025, 9, 2)]
    assert parse("Dịp Quốc khánh 2/9/2025", context_year=2024).dates == ()
    assert parse("Dịp Quốc khánh 2/9/2025", context_year=2024).due == D(2025, 9, 2)


def test_the_year_of_a_budget_names_it() -> None:
    assert _dues("Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước năm 2025 theo phân cấp.", 2025) == []
    assert _dues("Bố trí kinh phí năm 2026 cho các nhiệm vụ, hoàn thành trước ngày 15/12/2025.", 2025) == [
        D(2025, 12, 15)]


def test_steps_in_one_parenthesis_share_the_words_before_it() -> None:
    found = find_periods("Xây dựng cơ sở dữ liệu (giai đoạn 1: năm 2025; giai đoạn 2: năm 2026 - 2027).",
                         context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [
        ("Xây dựng cơ sở dữ liệu", D(2025, 12, 31)), ("Xây dựng cơ sở dữ liệu", D(2027, 12, 31))]
    # outside a parenthesis, a time with no words of its own keeps none
    assert [m.action for m in find_periods("Tháng 6/2025: tập huấn; tháng 9/2025.", context_year=2025)] == [
        "tập huấn", ""]


def test_the_results_a_report_covers_are_not_its_deadline() -> None:
    text = "Báo cáo UBND tỉnh kết quả thực hiện 6 tháng đầu năm trước ngày 15/6 và cả năm trước ngày 15/12."
    assert _dues(text, 2025) == [D(2025, 6, 15), D(2025, 12, 15)]


def test_a_time_in_each_of_the_years_after_it_in_a_sentence() -> None:
    found = find_periods("Báo cáo trước ngày 31/3 các năm 2026, 2027; tổng kết năm 2028.", context_year=2025)
    assert [(m.text, m.action, m.period.dates or (m.period.due,)) for m in found] == [
        ("trước ngày 31/3 các năm 2026, 2027", "Báo cáo", (D(2026, 3, 31), D(2027, 3, 31))),
        ("năm 2028", "tổng kết", (D(2028, 12, 31),))]


def test_the_document_a_duty_rests_on_is_not_its_action() -> None:
    text = ("Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/3/2024 của UBND tỉnh, Sở Nội vụ xây dựng Kế hoạch, "
            "trình UBND tỉnh trước ngày 30/4/2024.")
    assert [m.action for m in find_periods(text, context_year=2024)] == ["Sở Nội vụ xây dựng Kế hoạch, trình UBND tỉnh"]
    # carrying out a document is the action itself
    assert [m.action for m in find_periods("Thực hiện Quyết định số 123/QĐ-UBND trước ngày 30/6/2024",
                                           context_year=2024)] == ["Thực hiện Quyết định số 123/QĐ-UBND"]


@pytest.mark.parametrize("text", [
    "- Làm tốt công tác tuyên truyền, giáo dục chính trị, tư tưởng, tạo sự thống nhất nhận thức.",
    "Rà soát, đánh giá tổ chức, hoạt động của các Chi cục\tCác đơn vị có liên quan\tBáo cáo\tTháng 6/2018"
    "\tTháng 7/2018",
    "Căn cứ Quyết định số 225/QĐ-TTg ngày 04 tháng 02 năm 2016 của Thủ tướng Chính phủ về việc phê duyệt "
    "Kế hoạch cải cách hành chính nhà nước giai đoạn 2016-2020;",
    "1. Rà soát, đề xuất bổ sung, sửa đổi Quy định chức năng, nhiệm vụ, quyền hạn của Đảng ủy Khối.",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Các cơ quan, đơn vị, địa phương thực hiện tốt chức năng, nhiệm vụ được giao.",
    "Thực hiện theo Nghị quyết số 10/NQ-CP ngày 03/02/2018 của Chính phủ và Chương trình hành động số 26-CTr/TU",
    # (a lost letter was not ASCII: "�ầu" is "đầu", never "sau"; "hành động" stays a citation's name)
    "Tiếp tục cải cách hành chính; Chương trình hành động số 26-CTr/TU ngày 08/3/2018 của Ban Thường vụ Tỉnh ủy.",
    "Các trường học tổ chức tuyên truyền vào đầu mỗi năm học.",
    "Xây dựng Kế hoạch năm 2025 và duy trì các năm tiếp theo.",
    "Sở Nội vụ hoàn thành Dự thảo trước 15/12/2025 (để tổng hợp báo cáo Bộ Nội vụ trước 31/12/2025).",
    # ("Chi�n th�ng" is the victory, not a month; "th� �iểm" is "thí điểm", not a weekday)
    "Tổ chức các hoạt động chào mừng 70 năm Chiến thắng Điện Biên Phủ (1954 - 2024).",
    "Năm 2026 (thí điểm); năm 2027 (nhân rộng)",
])
def test_a_damaged_sentence_keeps_its_deadlines(text: str) -> None:
    """Each word losing a letter to U+FFFD: no deadline appears from "tốt" read as "Tết", "Rà" as
    "rằm", "sửa đổi Quy định" as "mỗi quý", and a damaged citation stays one."""
    clean = [(m.period.kind, m.period.due) for m in find_periods(text, context_year=2018)]
    assert [(m.period.kind, m.period.due) for m in find_periods(damaged(text), context_year=2018)] == clean


def test_a_year_compared_with_is_no_deadline() -> None:
    text = ("Triển khai tinh giản biên chế, đến năm 2021 giảm tối thiểu 10% so với biên chế được giao "
            "so với năm 2015.")
    assert _dues(text, 2018) == [D(2021, 12, 31)]
    assert _dues("Thu ngân sách tăng 20% so với cùng kỳ năm 2024", 2025) == []
    assert _dues("Giảm 10% so với giai đoạn 2016-2020, hoàn thành năm 2025.", 2025) == [D(2025, 12, 31)]
    assert _dues("Phấn đấu nâng thứ hạng Chỉ số CCHC cao hơn năm 2018.", 2019) == []


def test_markdown_emphasis_does_not_split_a_date() -> None:
    text = "(*Kèm theo Quyết định số: **2070/QĐ-UBND** ngày **13** tháng **12** năm 2018 của UBND tỉnh*)"
    assert _dues(text, 2019) == []  # a cited document's date, read whole
    assert [(m.text, m.period.due) for m in find_periods("**Quý II/2018**", context_year=2018)] == [
        ("Quý II/2018", D(2018, 6, 30))]


def test_the_next_report_takes_the_words_of_the_one_before() -> None:
    text = ("Các sở báo cáo kết quả thực hiện 6 tháng (trước ngày 10/6/2025) và năm (trước ngày 10/12/2025) "
            "về Sở Nội vụ.")
    assert [m.action for m in find_periods(text, context_year=2025)] == [
        "Các sở báo cáo kết quả thực hiện 6 tháng", "Các sở báo cáo kết quả thực hiện năm"]


def test_a_cycle_with_no_days_keeps_the_time_word_before_it() -> None:
    """ "trong 10 ngày đầu tháng", "vào cuối quý": a cycle as a cell reads it, its lead word with it."""
    found = find_periods("Các xã báo cáo trong 10 ngày đầu tháng.", context_year=2025)
    assert [(m.text, m.action, m.period.rrule) for m in found] == [
        ("trong 10 ngày đầu tháng", "Các xã báo cáo", "FREQ=MONTHLY;BYMONTHDAY=10")]
    found = find_periods("Các sở báo cáo vào cuối quý.", context_year=2025)
    assert [(m.text, m.action, m.period.due) for m in found] == [("vào cuối quý", "Các sở báo cáo", D(2025, 3, 31))]
    found = find_periods("Cập nhật trong 05 ngày làm việc đầu tháng.", context_year=2025)
    assert [(m.text, m.period.workdays_after) for m in found] == [("trong 05 ngày làm việc đầu tháng", 4)]
    # where the clause has its own time, "cuối quý" is a part of it, not a cycle
    assert _dues("Báo cáo tháng 6/2025 (cuối quý).", 2025) == [D(2025, 6, 30)]


def test_a_heading_before_a_time_is_no_action() -> None:
    for text in ("Thời gian: từ ngày 15/7/2025 đến ngày 15/8/2025.", "Thời gian thực hiện: Quý III/2025.",
                 "Thời hạn hoàn thành: trước 30/9/2025"):
        assert [m.action for m in find_periods(text, context_year=2025)] == [""], text
    found = find_periods("Thời gian thực hiện: Quý III/2025, Sở Nội vụ chủ trì.", context_year=2025)
    assert [m.action for m in found] == ["Sở Nội vụ chủ trì"]


def test_the_document_a_duty_rests_on_with_its_date_after_a_comma() -> None:
    text = ("Thực hiện theo Thông báo kết luận số 12-TB/TU, ngày 15/3/2025 của Ban Thường vụ Tỉnh ủy, hoàn thành "
            "trước 30/6/2025.")
    assert [(m.action, m.period.due) for m in find_periods(text, context_year=2025)] == [("hoàn thành", D(2025, 6, 30))]
    found = find_periods("Theo Kế hoạch 45/KH-UBND, ngày 12 tháng 3 năm 2024, triển khai trong năm 2025.",
                         context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [("triển khai", D(2025, 12, 31))]


@pytest.mark.parametrize(("text", "start", "due", "rrule"), [
    ("Báo cáo hằng năm, từ năm 2026.", D(2026, 1, 1), D(2026, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Hằng tháng kể từ tháng 7/2025, các xã báo cáo.", D(2025, 7, 1), D(2025, 7, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Cập nhật hằng tháng (từ tháng 7 đến tháng 12/2025).", D(2025, 7, 1), D(2025, 7, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20251231"),
    ("Báo cáo trước ngày 30/6 hằng năm, bắt đầu từ năm 2026.", D(2026, 1, 1), D(2026, 6, 30),
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30"),
])
def test_a_cycle_in_a_sentence_keeps_the_time_that_bounds_it(text: str, start: dt.date, due: dt.date,
                                                             rrule: str) -> None:
    """As in a cell: one milestone, the cycle from (and to) the time beside it."""
    found = find_periods(text, context_year=2025)
    assert [(m.period.start, m.period.due, m.period.rrule) for m in found] == [(start, due, rrule)]


def test_years_after_their_count_or_an_abbreviated_phase_are_a_time() -> None:
    assert _dues("Thực hiện trong 5 năm (2026-2030).", 2026) == [D(2030, 12, 31)]
    assert _dues("Triển khai GĐ 2026-2030", 2026) == [D(2030, 12, 31)]
    assert _dues("Sở GD&ĐT 2025 tổ chức", 2026) == []
    # days with no month beside a cycle are no bound of it ("Từ 03 - 04 Bản tin/01 tháng")
    assert len(find_periods("Phát sóng Bản tin hàng tuần\tTừ 03 - 04 Bản tin/01 tháng", context_year=2019)) == 1


def test_a_time_counted_from_a_day_in_a_sentence() -> None:
    found = find_periods("Các xã nộp hồ sơ trong 30 ngày kể từ ngày 01/7/2025.", context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [("Các xã nộp hồ sơ", D(2025, 7, 31))]
    assert _dues("Trong thời hạn 15 ngày kể từ ngày nhận được văn bản này, các sở báo cáo.", 2025) == []


def test_a_second_duty_after_an_event_that_conditions_the_first() -> None:
    """ "… ngay sau khi nhận được Kế hoạch này và báo cáo kết quả trước ngày 15/12/2025": the report
    is due; "Kế hoạch này" is this document, not "now"; "và" inside the event's own words is not."""
    text = ("Đề nghị các cơ quan, đơn vị triển khai thực hiện ngay sau khi nhận được Kế hoạch này và báo cáo kết "
            "quả trước ngày 15/12/2025.")
    assert _dues(text, 2025) == [D(2025, 12, 15)]
    assert _dues("Thực hiện sau khi có hướng dẫn của Bộ Nội vụ và Bộ Tài chính (trong tháng 7/2018).") == []
    assert _dues("Sau khi có hướng dẫn của Bộ, thực hiện và báo cáo trước 30/6/2025.", 2025) == []


def test_the_data_a_duty_updates_is_part_of_its_words() -> None:
    found = find_periods("Các sở, ngành cập nhật số liệu hằng tháng (trước ngày 20), gửi Sở Kế hoạch và Đầu tư.",
                         context_year=2025)
    assert [(m.text, m.action, m.period.due) for m in found] == [
        ("hằng tháng (trước ngày 20)", "Các sở, ngành cập nhật số liệu", D(2025, 1, 20))]
