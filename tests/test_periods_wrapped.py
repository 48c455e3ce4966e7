"""A sentence copied from a web page or a PDF arrives with its lines broken wherever the page
ran out: find_periods reads it as it reads the sentence on one line."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from bot.periods import find_periods

D = dt.date

SENTENCES = [
    "Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh ban hành Kế hoạch trước ngày"
    " 30/6/2026; tổ chức triển khai thực hiện trong quý III/2026 và báo cáo kết quả về UBND tỉnh trước ngày"
    " 15/12/2026.",
    "Các sở, ban, ngành báo cáo định kỳ hằng quý (trước ngày 15 của tháng cuối quý) và báo cáo năm (trước ngày"
    " 10/12) gửi Sở Kế hoạch và Đầu tư tổng hợp.",
    "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/3/2026 của UBND tỉnh, các đơn vị hoàn thành việc rà soát trong"
    " tháng 5/2026.",
    "Căn cứ Quyết định số 963/QĐ-UBND ngày 17 tháng 6 năm 2016 của UBND tỉnh ban hành Kế hoạch cải cách hành"
    " chính tỉnh Đắk Nông giai đoạn 2016-2020;",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2020-2025; hoàn thành trong năm 2026.",
    "Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan theo dõi, đôn đốc, kiểm tra việc thực hiện"
    " Kế hoạch này; định kỳ hằng năm tổng hợp, báo cáo UBND tỉnh trước ngày 10/12.",
    "Hằng tháng, trước ngày 20, UBND các xã báo cáo tình hình về UBND huyện; UBND huyện tổng hợp báo cáo Sở"
    " Nội vụ trước ngày 25.",
    "Định kỳ 6 tháng, năm, các sở, ban, ngành, UBND các huyện báo cáo kết quả thực hiện về UBND tỉnh (qua Sở"
    " Nội vụ) trước ngày 15/6 và 15/12 để tổng hợp, báo cáo.",
    "Các đơn vị gửi báo cáo quý trước ngày 15 của tháng cuối quý, báo cáo năm trước ngày 15/11.",
    "Giao Sở Tư pháp tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh trong tháng 12 hằng năm.",
    "Thời gian tổ chức: dự kiến trong 02 ngày, từ ngày 20 đến ngày 21/5/2027.",
    "Hằng năm, các cơ quan rà soát, cập nhật danh mục trước ngày 31/01 năm sau.",
    "Đánh giá kết quả giai đoạn 2021-2025, đề xuất giai đoạn 2026-2030 trong quý I/2026.",
    "Tổ chức sơ kết 03 năm thực hiện Nghị quyết vào quý IV/2028 và tổng kết vào quý IV/2030.",
]


def _dues(text: str) -> list[tuple[str, dt.date | None, str | None]]:
    return [(m.period.kind, m.period.due, m.period.rrule) for m in find_periods(text, context_year=2026)]


@pytest.mark.parametrize("width", [40, 55, 70])
@pytest.mark.parametrize("sentence", SENTENCES, ids=[s[:30] for s in SENTENCES])
def test_a_sentence_wrapped_at_any_width_reads_as_on_one_line(sentence: str, width: int) -> None:
    wrapped = "\n".join(textwrap.wrap(sentence, width))
    assert "\n" in wrapped
    assert _dues(wrapped) == _dues(sentence)


def test_a_page_wrapped_unevenly_keeps_its_citations_whole() -> None:
    text = ("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách"
            " hành chính nhà\nnước giai đoạn 2021 - 2030; Kế hoạch số 12/KH-UBND ngày 10/01/2022 về việc đẩy mạnh\n"
            "thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 -\n2030;")
    assert _dues(text) == []


def test_the_lines_of_a_cell_are_not_a_wrapped_sentence() -> None:
    """Short lines, a list, or a time heading each line keep their breaks."""
    assert _dues("Năm 2026\nQuý I: xây dựng\nQuý IV: sơ kết") == [
        ("window", D(2026, 3, 31), None), ("window", D(2026, 12, 31), None)]
    found = find_periods("Quý I/2026: xây dựng kế hoạch chi tiết cho các đơn vị\nQuý IV/2026: sơ kết",
                         context_year=2026)
    assert [m.action for m in found] == ["xây dựng kế hoạch chi tiết cho các đơn vị", "sơ kết"]
    found = find_periods("Các nội dung sau đây cần được các đơn vị triển khai thực hiện\n- Tập huấn trong quý I/2027",
                         context_year=2026)
    assert [m.action for m in found] == ["Tập huấn"]


def test_a_note_alone_on_the_next_line_is_of_the_line_before() -> None:
    """ "Năm 2026\n(Quý II)" is the cell "Năm 2026 (Quý II)"; "(1)" opening a line is an item's mark."""
    from bot.periods import parse

    for text in ("Năm 2026\n(Quý II)", "Năm 2026 (Quý II)", "Năm 2026\r\n  (Quý II).\n"):
        got = parse(text, context_year=2026)
        assert (got.kind, got.start, got.due) == ("window", D(2026, 4, 1), D(2026, 6, 30)), text
    both = parse("Tháng 6/2026\n(sơ kết)\nTháng 12/2026\n(tổng kết)", context_year=2026)
    assert both.dates == (D(2026, 6, 30), D(2026, 12, 31))
    assert _dues("Sở Nội vụ báo cáo trong quý II/2026\n(1) Sở Tư pháp rà soát trong quý III/2026") == [
        ("window", D(2026, 6, 30), None), ("window", D(2026, 9, 30), None)]
