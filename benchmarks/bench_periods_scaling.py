"""How the period parser's time grows with the length of its input (bad input must not hang the bot).

A schedule cell or a pasted paragraph can be as long as anyone makes it. For each shape of text
below (lists of cycles, dates with notes in parentheses, figures a report covers, table rows…)
this reads the shape repeated n times and 8n times, with `parse` and `find_periods`, and prints
the ratio of the two times: about 8 for a parser linear in its input, about 64 for a quadratic one.
The baseline is the same shape in the same run, so the machine's speed does not matter.
"""

from __future__ import annotations

import contextlib
import time

from bot.periods import PeriodError, find_periods, parse

SHAPES = [
    "tháng 1, ",
    "Năm 2020 (trước 30/11/2020), ",
    "Quý II/2023 (giữa năm 2023), ",
    "định kỳ hằng quý (trước ngày 20 tháng cuối quý), ",
    "hằng năm, báo cáo trước 15/12; ",
    "kỳ báo cáo năm 2024 ",
    "theo Nghị quyết\tTháng 6/2018\t",
    "trước ngày 15/6 (báo cáo), ",
    "Nghị quyết số 10/NQ-CP ngày 03/02/2018, ",
    "(",
    " ",
    "(giai đoạn 1: năm 2025; ",  # steps in a parenthesis that never closes
    "kỷ niệm Quốc khánh 2/9 (1945-2025) ",
    "s\ufffda \ufffdổi Quy \ufffdịnh ng\ufffdy 5/9, ",  # damaged words, mended with their neighbours
    "Thực hiện văn bản 3/2025/QĐ số 5 ngày 7 ",  # the document a duty rests on, with no comma to end it
    "hằng tháng, từ năm 2026 ",  # cycles and the times that bound them
    "ngày 20 (nếu trùng ngày nghỉ thì ngày làm việc liền trước) ",  # a working-day rule in words
    "Tháng Tư năm 2025, ngày 5 tháng Hai ",  # months named in words
    "Năm 2025 (hằng quý, ",  # cycles in the note of a time
    "dịp Tết (từ 14/2 đến 22/2/2026) ",  # an occasion and its days
    ", , , , sau khi ",  # a long run of marks and event words with no time between them
    "Năm 2026\nQuý I: a\n",  # a year alone on its line over the phases under it
    "Năm 2026 (Quý I: a; Quý IV: b) ",  # phases in the note of a year
    "trong tháng 3/2025, chậm nhất ngày 25/3/2025, ",  # a latest day inside the window before it
    "Trước Tết 15 ngày, ",  # days before a named time
    "mùng 1 và rằm hằng tháng, ",  # lunar days of each lunar month, listed
    "trước ngày 10 tháng cuối quý, tổng hợp trước ngày 15, ",  # bare days in each quarter's month before them
    "Ngày 20/01/2026, Sở đã có (thứ Hai) văn bản; ",  # dates telling when something was done
    "Th¸ng 6/2026, tr\u00adíc ngµy 30/6, cuèi quý; ",  # text typed in the old TCVN3 fonts
    "Thaùng 6/2026, tröôùc ngaøy 30/6, cuoái quyù; ",  # and in the VNI fonts
    "Hằng năm, họp vào tháng 5, sau khi có năm 1026; ",  # a yearly cycle's months; a slip of a year
    "QĐ số 1/QĐ-UBND ngày 2/3/2026, bắt đầu từ 14 giờ ngày 5/3/2026; ",  # a number's date; an hour to start at
    "Trước 30/6 hằng năm; riêng năm 2026 trước 31/8/2026; ",  # one year's own day of a yearly cycle
    "Hằng quý (trừ quý I), thứ Hai hằng tuần (trừ tháng 7), ",  # what cycles skip
    "Lộ trình: năm 2026 đạt 50%, trong đó quý I các năm, IV/2026 ",  # a lead-in; "các năm"; a bare quarter
    "Xây dựng Đề án; thời hạn: quý I năm kế hoạch; thứ 2, 4, 6 hằng tuần, trừ ngày nghỉ; ",  # a heading's clause
]
SMALL, FACTOR = 500, 8


def _seconds(text: str) -> float:
    """Best of three: parse and find_periods on one text."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for read in (parse, find_periods):
            with contextlib.suppress(PeriodError):  # an impossible text still costs its reading
                read(text, context_year=2025)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the growth ratio of each shape."""
    print(f"time for {SMALL * FACTOR} repeats / time for {SMALL} (linear ≈ {FACTOR}, quadratic ≈ {FACTOR ** 2})")
    worst = 0.0
    for shape in SHAPES:
        small, large = _seconds(shape * SMALL + "x"), _seconds(shape * SMALL * FACTOR + "x")
        ratio = large / small
        worst = max(worst, ratio)
        print(f"  {ratio:6.1f}x  {large * 1000:8.1f} ms  {shape!r}")
    print(f"worst growth {worst:.1f}x for {FACTOR}x the text")


if __name__ == "__main__":
    main()
