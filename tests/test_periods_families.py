"""Each family of period expressions, as plans across the country write them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

import pytest

from bot.periods import PeriodError, find_periods, parse
from tests import cases_calendar_words
from tests.conftest import VARIANTS, damaged, same_days

D = dt.date

# text, plan year, kind, start, due, rrule
CASES: list[tuple[str, int, str, dt.date | None, dt.date | None, str | None]] = [
    # months
    ("Tháng 6/2018", 2018, "window", D(2018, 6, 1), D(2018, 6, 30), None),
    ("Tháng 02/2020", 2020, "window", D(2020, 2, 1), D(2020, 2, 29), None),
    ("tháng 7 năm 2018", 2018, "window", D(2018, 7, 1), D(2018, 7, 31), None),
    ("tháng 7, năm 2018", 2018, "window", D(2018, 7, 1), D(2018, 7, 31), None),
    ("tháng 6-2018", 2018, "window", D(2018, 6, 1), D(2018, 6, 30), None),
    ("T6/2018", 2018, "window", D(2018, 6, 1), D(2018, 6, 30), None),
    ("T.6/2018", 2018, "window", D(2018, 6, 1), D(2018, 6, 30), None),
    ("tháng 11", 2021, "window", D(2021, 11, 1), D(2021, 11, 30), None),
    # months named in words: after a day even "Hai", "Tư", "Năm"; "Bốn" anywhere
    ("ngày 5 tháng Tư năm 2025", 2025, "deadline", None, D(2025, 4, 5), None),
    ("Tháng Tư năm 2025", 2025, "window", D(2025, 4, 1), D(2025, 4, 30), None),  # ("6 tháng từ năm 2020": from)
    ("trước ngày 5 tháng Hai", 2025, "deadline", None, D(2025, 2, 5), None),
    ("trước ngày 10 tháng Năm", 2025, "deadline", None, D(2025, 5, 10), None),
    ("Tháng Bốn năm 2025", 2025, "window", D(2025, 4, 1), D(2025, 4, 30), None),
    ("Bốn tháng đầu năm", 2025, "window", D(2025, 1, 1), D(2025, 4, 30), None),
    ("Tháng Chạp năm 2025", 2025, "window", D(2026, 1, 19), D(2026, 2, 16), None),  # the lunar year's, as its days
    ("Hoàn thành trong tháng 5/2019.", 2019, "window", D(2019, 5, 1), D(2019, 5, 31), None),
    # quarters
    ("Quý II/2018", 2018, "window", D(2018, 4, 1), D(2018, 6, 30), None),
    ("quý 3/2019", 2019, "window", D(2019, 7, 1), D(2019, 9, 30), None),
    ("quý IV năm 2020", 2020, "window", D(2020, 10, 1), D(2020, 12, 31), None),
    ("Quý II – năm 2025", 2025, "window", D(2025, 4, 1), D(2025, 6, 30), None),  # a dash before its year
    ("Quý I", 2021, "window", D(2021, 1, 1), D(2021, 3, 31), None),
    ("Q2/2018", 2018, "window", D(2018, 4, 1), D(2018, 6, 30), None),
    ("quý hai năm 2020", 2020, "window", D(2020, 4, 1), D(2020, 6, 30), None),
    ("Đợt 2/2025", 2025, "window", D(2025, 1, 1), D(2025, 12, 31), None),  # a round of the year, not February
    ("Tuyển dụng đợt 2/2025 trong Quý III/2025", 2025, "window", D(2025, 7, 1), D(2025, 9, 30), None),
    ("Quý 1I/2025", 2025, "window", D(2025, 4, 1), D(2025, 6, 30), None),  # OCR: 1 for a roman I
    ("Quý 1V/2025", 2025, "window", D(2025, 10, 1), D(2025, 12, 31), None),
    ("quý I, 1I/2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    # years and spans of years
    ("Năm 2019", 2019, "window", D(2019, 1, 1), D(2019, 12, 31), None),
    ("Trong năm 2020;", 2019, "window", D(2020, 1, 1), D(2020, 12, 31), None),
    ("2019", 2019, "window", D(2019, 1, 1), D(2019, 12, 31), None),
    ("năm 2019 - 2020", 2019, "window", D(2019, 1, 1), D(2020, 12, 31), None),
    ("giai đoạn 2021-2025", 2021, "window", D(2021, 1, 1), D(2025, 12, 31), None),
    ("Từ năm 2021 đến năm 2025", 2021, "window", D(2021, 1, 1), D(2025, 12, 31), None),
    ("nhiệm kỳ 2020–2025", 2020, "window", D(2020, 1, 1), D(2025, 12, 31), None),
    ("giai đoạn 2016-2020, tầm nhìn đến năm 2030", 2016, "window", D(2016, 1, 1), D(2020, 12, 31), None),
    ("Đến năm 2025", 2022, "deadline", None, D(2025, 12, 31), None),
    ("Từ nay đến năm 2025", 2022, "deadline", None, D(2025, 12, 31), None),
    ("từ nay đến hết 30/6/2023", 2022, "deadline", None, D(2023, 6, 30), None),
    ("Đến năm 2025, định hướng đến năm 2030", 2022, "deadline", None, D(2025, 12, 31), None),
    ("tầm nhìn đến năm 2030", 2022, "deadline", None, D(2030, 12, 31), None),
    # relative years
    ("năm nay", 2020, "window", D(2020, 1, 1), D(2020, 12, 31), None),
    ("Trong năm sau", 2020, "window", D(2021, 1, 1), D(2021, 12, 31), None),
    ("năm tới", 2020, "window", D(2021, 1, 1), D(2021, 12, 31), None),
    ("năm sau nữa", 2020, "window", D(2022, 1, 1), D(2022, 12, 31), None),  # the year after next
    ("Quý I năm sau nữa", 2020, "window", D(2022, 1, 1), D(2022, 3, 31), None),
    # ranges of months and quarters
    ("Tháng 5 - Tháng 7", 2019, "window", D(2019, 5, 1), D(2019, 7, 31), None),
    ("Tháng 5 – tháng 7", 2019, "window", D(2019, 5, 1), D(2019, 7, 31), None),
    ("Tháng 6 → tháng 8/2025", 2025, "window", D(2025, 6, 1), D(2025, 8, 31), None),  # arrows, "÷"
    ("Tháng 6 -> tháng 8/2025", 2025, "window", D(2025, 6, 1), D(2025, 8, 31), None),
    ("Tháng 6 ÷ tháng 8/2025", 2025, "window", D(2025, 6, 1), D(2025, 8, 31), None),
    ("từ tháng 3 đến tháng 10/2019", 2019, "window", D(2019, 3, 1), D(2019, 10, 31), None),
    ("tháng 6-8/2020", 2020, "window", D(2020, 6, 1), D(2020, 8, 31), None),
    ("Từ tháng 10/2019 đến tháng 3/2020", 2019, "window", D(2019, 10, 1), D(2020, 3, 31), None),
    ("tháng 10 - tháng 3/2020", 2020, "window", D(2019, 10, 1), D(2020, 3, 31), None),
    ("Quý II - Quý III/2019", 2019, "window", D(2019, 4, 1), D(2019, 9, 30), None),
    ("quý I-III/2020", 2020, "window", D(2020, 1, 1), D(2020, 9, 30), None),
    ("Trong tháng 6 và tháng 7/2019", 2019, "window", D(2019, 6, 1), D(2019, 7, 31), None),
    # halves, the year so far, parts of a period
    ("6 tháng đầu năm 2019", 2019, "window", D(2019, 1, 1), D(2019, 6, 30), None),
    ("6 tháng cuối năm", 2019, "window", D(2019, 7, 1), D(2019, 12, 31), None),
    ("nửa đầu năm 2020", 2020, "window", D(2020, 1, 1), D(2020, 6, 30), None),
    ("9 tháng đầu năm 2020", 2020, "window", D(2020, 1, 1), D(2020, 9, 30), None),
    ("tháng 8 và 8 tháng năm 2020", 2020, "window", D(2020, 1, 1), D(2020, 8, 31), None),
    ("đầu tháng 3/2021", 2021, "window", D(2021, 3, 1), D(2021, 3, 10), None),
    ("giữa tháng 3", 2021, "window", D(2021, 3, 11), D(2021, 3, 20), None),
    ("cuối tháng 6", 2021, "window", D(2021, 6, 21), D(2021, 6, 30), None),
    ("cuối tháng 2/2024", 2024, "window", D(2024, 2, 21), D(2024, 2, 29), None),
    ("đầu năm", 2021, "window", D(2021, 1, 1), D(2021, 3, 31), None),
    ("cuối năm 2020", 2021, "window", D(2020, 10, 1), D(2020, 12, 31), None),
    ("cuối quý II/2020", 2020, "window", D(2020, 6, 1), D(2020, 6, 30), None),
    # single days and deadlines
    ("30/9/2018", 2018, "deadline", None, D(2018, 9, 30), None),
    ("ngày 30 tháng 9 năm 2018", 2018, "deadline", None, D(2018, 9, 30), None),
    ("vào ngày 7/11/2019", 2019, "deadline", None, D(2019, 11, 7), None),
    ("ngày 12/3", 2020, "deadline", None, D(2020, 3, 12), None),
    ("ngày 3-2-2021", 2021, "deadline", None, D(2021, 2, 3), None),
    ("10.10.2019", 2019, "deadline", None, D(2019, 10, 10), None),
    ("2025/06/30", 2025, "deadline", None, D(2025, 6, 30), None),  # as a spreadsheet writes it
    ("2025-06-30 00:00:00", 2025, "deadline", None, D(2025, 6, 30), None),
    ("trước ngày 15-8", 2020, "deadline", None, D(2020, 8, 15), None),
    ("Trước ngày 15/12/2019", 2019, "deadline", None, D(2019, 12, 15), None),
    ("Phê duyệt Đề án trước 30/9/2018.", 2018, "deadline", None, D(2018, 9, 30), None),
    ("chậm nhất ngày 20/10/2019", 2019, "deadline", None, D(2019, 10, 20), None),
    ("chậm nhất là ngày 20/10/2019", 2019, "deadline", None, D(2019, 10, 20), None),
    ("không quá ngày 30/6/2019", 2019, "deadline", None, D(2019, 6, 30), None),
    ("Hạn chót: 30/6", 2019, "deadline", None, D(2019, 6, 30), None),
    ("Trước tháng 9/2021", 2021, "deadline", None, D(2021, 8, 31), None),
    ("trước quý III/2019", 2019, "deadline", None, D(2019, 6, 30), None),
    ("Trước năm 2020", 2019, "deadline", None, D(2019, 12, 31), None),
    ("Đến hết tháng 6/2020", 2020, "deadline", None, D(2020, 6, 30), None),
    ("chậm nhất trong tháng 6/2018", 2018, "deadline", None, D(2018, 6, 30), None),
    ("Thứ Hai, ngày 01/10/2018", 2018, "deadline", None, D(2018, 10, 1), None),
    # days that share a month or a year
    ("từ ngày 5 đến hết ngày 9/10/2020", 2020, "window", D(2020, 10, 5), D(2020, 10, 9), None),
    ("từ 12 - 16/4/2021", 2021, "window", D(2021, 4, 12), D(2021, 4, 16), None),
    ("các ngày 7, 8 và 9/3/2022", 2022, "window", D(2022, 3, 7), D(2022, 3, 9), None),
    ("từ ngày 1/3 đến ngày 15/4/2021", 2021, "window", D(2021, 3, 1), D(2021, 4, 15), None),
    # planned and hard dates, dates moved off a weekend
    ("Dự kiến ngày 10/6/2024 (chậm nhất ngày 15/6/2024)", 2024, "deadline", None, D(2024, 6, 15), None),
    ("23/9/2019 (do ngày 21/9/2019 rơi vào Thứ Bảy)", 2019, "deadline", None, D(2019, 9, 23), None),
    # an occasion and the days it lasts, written out after it
    ("Trong dịp Tết Nguyên đán Bính Ngọ năm 2026 (từ ngày 14/2 đến 22/2/2026)", 2026, "window", D(2026, 2, 14),
     D(2026, 2, 22), None),
    ("Dịp Quốc khánh 2/9/2025 (từ 28/8 đến 5/9/2025)", 2025, "window", D(2025, 8, 28), D(2025, 9, 5), None),
    ("Trước 30/11/2025 (năm 2025)", 2025, "deadline", None, D(2025, 11, 30), None),  # the year only places it
    ("Năm 2025 (từ tháng 3 đến tháng 11)", 2025, "window", D(2025, 3, 1), D(2025, 11, 30), None),  # spelled out
    ("Trước 30/11/2025 (Quý IV/2025)", 2025, "deadline", None, D(2025, 11, 30), None),
    # times of day
    ("17 giờ ngày 30/9/2020", 2020, "deadline", None, D(2020, 9, 30), None),
    ("trước 16h30 ngày 5/10/2020", 2020, "deadline", None, D(2020, 10, 5), None),
    ("sáng 5/10", 2020, "deadline", None, D(2020, 10, 5), None),
    # open starts and ongoing work
    ("Thực hiện từ năm 2018", 2018, "continuous", D(2018, 1, 1), None, None),
    ("từ quý III/2016 trở đi", 2016, "continuous", D(2016, 7, 1), None, None),
    ("năm 2015 và những năm tiếp theo", 2015, "continuous", D(2015, 1, 1), None, None),
    ("Năm 2025 và năm tiếp theo", 2025, "window", D(2025, 1, 1), D(2026, 12, 31), None),  # one more year
    # "mồng" before a day the state names is that solar day; a lunar one needs its cue
    ("Ngày mồng 2 tháng 9 năm 2025", 2025, "deadline", None, D(2025, 9, 2), None),
    ("mùng 10 tháng 3", 2025, "deadline", None, D(2025, 4, 7), None),  # Giỗ Tổ, lunar
    ("mồng 2 tháng 9 âm lịch", 2025, "deadline", None, D(2025, 10, 22), None),
    ("Tết Thiếu nhi", 2025, "deadline", None, D(2025, 6, 1), None),
    ("Năm 2025 và duy trì các năm tiếp theo", 2025, "continuous", D(2025, 1, 1), None, None),
    ("Năm 2025 và tiếp tục thực hiện trong các năm tiếp theo", 2025, "continuous", D(2025, 1, 1), None, None),
    ("Kể từ ngày 01/7/2021", 2021, "continuous", D(2021, 7, 1), None, None),
    ("Thường xuyên", 2019, "continuous", None, None, None),
    ("Thường xuyên, liên tục", 2019, "continuous", None, None, None),
    ("Trước ngày khai giảng năm học mới", 2025, "deadline", None, D(2025, 9, 5), None),  # the coming one
    ("Trước bế giảng năm học", 2025, "deadline", None, D(2025, 5, 31), None),  # the one ending this year
    ("Trong suốt thời gian thực hiện Kế hoạch", 2019, "continuous", None, None, None),
    ("Trong quá trình triển khai Đề án", 2019, "continuous", None, None, None),
    ("Trong thời gian thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2019", 2019, "continuous", None, None, None),
    # recurring duties
    ("Hàng năm", 2018, "recurring", None, D(2018, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("thường niên", 2018, "recurring", None, D(2018, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("định kỳ hàng quý", 2019, "recurring", None, D(2019, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("mỗi quý một lần", 2019, "recurring", None, D(2019, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("định kỳ 6 tháng", 2022, "recurring", None, D(2022, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("6 tháng/lần", 2022, "recurring", None, D(2022, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Sơ kết 6 tháng, tổng kết năm", 2022, "recurring", None, D(2022, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Báo cáo 6 tháng, hằng năm", 2022, "recurring", None, D(2022, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    # so many days at the start of each period end on the last of them; "đầu năm" is quarter I
    ("Trong 15 ngày đầu tháng", 2022, "recurring", None, D(2022, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("05 ngày đầu mỗi quý", 2022, "recurring", None, D(2022, 1, 5), "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5"),
    ("Trong 20 ngày đầu mỗi năm", 2022, "recurring", None, D(2022, 1, 20), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=20"),
    ("10 ngày cuối tháng", 2022, "recurring", None, D(2022, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Đầu năm hằng năm", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
    ("Trong 30 ngày đầu năm", 2022, "window", D(2022, 1, 1), D(2022, 1, 30), None),
    ("Trong 30 ngày đầu năm hằng năm", 2022, "recurring", None, D(2022, 1, 30), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=30"),
    ("Tuần đầu năm hằng năm", 2022, "recurring", None, D(2022, 1, 7), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=7"),
    ("Đầu tháng 6, tháng 12 hằng năm", 2022, "recurring", None, D(2022, 6, 10),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=10"),
    # "từng quý", "theo quý", "quý một lần": each quarter ("quý một" alone is quarter I)
    ("Từng quý", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Báo cáo theo quý", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Quý một lần", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Tháng một lần", 2022, "recurring", None, D(2022, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    # a cycle within a year named beside it runs through that year only; in the note after a time
    # as long as its period or shorter, it starts there and goes on; the reports a note names are
    # those held in its time
    ("Hằng quý năm 2025", 2025, "recurring", D(2025, 1, 1), D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1;UNTIL=20251231"),
    ("Hằng tháng (năm 2025)", 2025, "recurring", D(2025, 1, 1), D(2025, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20251231"),
    ("Năm 2025 (hằng quý)", 2025, "recurring", D(2025, 1, 1), D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1;UNTIL=20251231"),
    ("Quý I/2026 (định kỳ hằng quý)", 2025, "recurring", D(2026, 1, 1), D(2026, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Tháng 6/2025 (hằng năm)", 2025, "recurring", D(2025, 1, 1), D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1"),
    ("Tháng 12/2025 (sơ kết 6 tháng, tổng kết năm)", 2025, "recurring", D(2025, 12, 1), D(2025, 12, 31),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1;UNTIL=20251231"),
    ("Quý II hằng năm 2025-2030", 2025, "recurring", D(2025, 1, 1), D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1;UNTIL=20301231"),  # "hằng năm" before a span of years
    ("Từng năm 2026-2030", 2026, "recurring", D(2026, 1, 1), D(2026, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31;UNTIL=20301231"),
    ("Mỗi năm trong giai đoạn 2026 - 2030", 2026, "recurring", D(2026, 1, 1), D(2026, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31;UNTIL=20301231"),
    ("Theo quý I/2022", 2022, "window", D(2022, 1, 1), D(2022, 3, 31), None),
    ("Theo quy định", 2022, "event", None, None, None),
    # "3 tháng 1 lần" is a cycle, not the 3rd of January
    ("3 tháng 1 lần", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("02 tháng 01 lần", 2022, "recurring", None, D(2022, 2, 28), "FREQ=YEARLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=-1"),
    ("6 tháng/đợt", 2022, "recurring", None, D(2022, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("hàng tháng", 2019, "recurring", None, D(2019, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("2 năm một lần", 2020, "recurring", None, D(2020, 12, 31), "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=31"),
    ("Trước ngày 30/6 và 30/11 hàng năm", 2018, "recurring", None, D(2018, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,11;BYMONTHDAY=30"),
    ("trước ngày 15/12 hằng năm", 2019, "recurring", None, D(2019, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    ("ngày 22 hằng tháng", 2020, "recurring", None, D(2020, 1, 22), "FREQ=MONTHLY;BYMONTHDAY=22"),
    ("trước ngày 5 hàng tháng", 2020, "recurring", None, D(2020, 1, 5), "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("chậm nhất ngày 15 của tháng cuối quý", 2020, "recurring", None, D(2020, 3, 15),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"),
    ("ngày 25 của tháng đầu quý sau", 2020, "recurring", None, D(2020, 1, 25),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=25"),
    # so many days at one end of a quarter's month: up to its day, or with the month
    ("Trong 10 ngày đầu của tháng đầu quý sau", 2020, "recurring", None, D(2020, 1, 10),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"),
    ("hai tuần đầu tháng cuối mỗi quý", 2020, "recurring", None, D(2020, 3, 14),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=14"),
    ("5 ngày cuối của tháng cuối quý", 2020, "recurring", None, D(2020, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    # a week or a third of a quarter's month, each quarter
    ("Vào tuần thứ 2 của tháng đầu mỗi quý", 2020, "recurring", None, D(2020, 1, 14),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=14"),
    ("tuần cuối của tháng cuối quý", 2020, "recurring", None, D(2020, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("giữa tháng thứ hai của mỗi quý", 2020, "recurring", None, D(2020, 2, 20),
     "FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=20"),
    ("tuần đầu của tháng thứ 2 của quý", 2020, "recurring", None, D(2020, 2, 7),
     "FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=7"),
    ("đầu tháng cuối quý", 2020, "recurring", None, D(2020, 3, 10), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10"),
    ("tuần 2 tháng cuối quý IV/2020", 2020, "window", D(2020, 12, 1), D(2020, 12, 31), None),  # (no cycle)
    ("Quý I hằng năm", 2020, "recurring", None, D(2020, 3, 31), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1"),
    ("Tháng 12 hằng năm", 2020, "recurring", None, D(2020, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Báo cáo định kỳ 6 tháng (trước ngày 15/6) và hàng năm (trước ngày 15/12)", 2020, "recurring", None,
     D(2020, 6, 15), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15"),
    ("định kỳ 6 tháng và hằng năm", 2020, "recurring", None, D(2020, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("thứ Sáu hằng tuần", 2020, "recurring", None, D(2020, 1, 3), "FREQ=WEEKLY;BYDAY=FR"),
    # twice a month: the 15th and the month's last day, or the days it names
    ("2 lần/tháng", 2020, "recurring", None, D(2020, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=15,-1"),
    ("Nửa tháng một lần", 2020, "recurring", None, D(2020, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=15,-1"),
    ("Mỗi tháng 2 lần (ngày 15 và ngày 30)", 2020, "recurring", None, D(2020, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=15,30"),
    ("Hằng tháng vào ngày 10 và 25", 2020, "recurring", None, D(2020, 1, 10), "FREQ=MONTHLY;BYMONTHDAY=10,25"),
    # a dash before a number that is no month joins two days ("ngày 15 - 8" stays 15 August)
    ("Tiêm chủng vào ngày 15 - 16 hằng tháng", 2020, "recurring", None, D(2020, 1, 16), "FREQ=MONTHLY;BYMONTHDAY=16"),
    ("ngày 15 - 8", 2020, "deadline", None, D(2020, 8, 15), None),
    ("Ngày 15 và ngày cuối tháng hằng tháng", 2020, "recurring", None, D(2020, 1, 15),
     "FREQ=MONTHLY;BYMONTHDAY=15,-1"),
    ("Nửa năm một lần", 2020, "recurring", None, D(2020, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    # months a monthly cycle skips ("trừ": not "trụ sở")
    ("Hằng tháng (trừ tháng 6, 7, 8)", 2020, "recurring", None, D(2020, 1, 31),
     "FREQ=YEARLY;BYMONTH=1,2,3,4,5,9,10,11,12;BYMONTHDAY=-1"),
    ("Ngày 20 hằng tháng, trừ tháng 1", 2020, "recurring", None, D(2020, 2, 20),
     "FREQ=YEARLY;BYMONTH=2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=20"),
    ("Họp tại trụ sở UBND tháng 6/2020", 2020, "window", D(2020, 6, 1), D(2020, 6, 30), None),
    # "năm trước" after a part of a year is last year's ("cuối năm trước ngày 15/12" stays before a day)
    ("Cuối năm trước", 2020, "window", D(2019, 10, 1), D(2019, 12, 31), None),
    ("Cuối năm trước ngày 15/12", 2020, "window", D(2020, 10, 1), D(2020, 12, 15), None),
    ("Tháng 6 và tháng 12/2019", 2019, "recurring", None, D(2019, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1;UNTIL=20191231"),
    # lunar dates
    ("mùng 10 tháng Giêng", 2019, "deadline", None, D(2019, 2, 14), None),
    ("rằm tháng Giêng", 2019, "deadline", None, D(2019, 2, 19), None),
    ("từ 27 Tết đến mùng 6 Tết", 2021, "window", D(2021, 2, 8), D(2021, 2, 17), None),
    ("ngày 10/3 âm lịch", 2021, "deadline", None, D(2021, 4, 21), None),
    ("trước Tết Nguyên đán 2021", 2021, "deadline", None, D(2021, 2, 11), None),
    ("Trước kỳ nghỉ Tết Nguyên đán", 2025, "deadline", None, D(2025, 1, 28), None),
    ("Sau kỳ nghỉ Tết", 2025, "continuous", D(2025, 1, 30), None, None),
    ("Rằm tháng Bảy", 2023, "deadline", None, D(2023, 8, 30), None),
    # a lunar day with its lunar year, by number or by name (Chạp lies before the next Tết)
    ("mùng 10 tháng Giêng năm 2026", 2025, "deadline", None, D(2026, 2, 26), None),
    ("Rằm tháng Giêng năm Bính Ngọ", 2018, "deadline", None, D(2026, 3, 3), None),
    ("ngày 23 tháng Chạp năm Ất Tỵ", 2026, "deadline", None, D(2026, 2, 10), None),
    ("23 tháng Chạp năm 2026", 2026, "deadline", None, D(2027, 1, 30), None),
    ("ngày 10 tháng 3 âm lịch năm 2026", 2025, "deadline", None, D(2026, 4, 26), None),
    # a month by its number and "âm lịch" is the lunar month (13/8 – 10/9/2026), the Chạp of a lunar
    # year before the next Tết, and each year's, listed
    ("Tháng 7 âm lịch năm 2026", 2025, "window", D(2026, 8, 13), D(2026, 9, 10), None),
    ("Trong tháng 7 (âm lịch)", 2026, "window", D(2026, 8, 13), D(2026, 9, 10), None),
    ("Tháng 12/2026 âm lịch", 2026, "window", D(2027, 1, 8), D(2027, 2, 5), None),
    ("Tháng 7 âm lịch hằng năm", 2026, "recurring", None, D(2026, 9, 10), None),
    # "trước 23 tháng Chạp" is a lunar day, not 23 months before something
    ("Trước 23 tháng Chạp", 2026, "deadline", None, D(2026, 2, 10), None),
    ("Tết Trung thu năm 2024", 2023, "deadline", None, D(2024, 9, 17), None),
    ("Giỗ Tổ Hùng Vương", 2023, "deadline", None, D(2023, 4, 29), None),
    ("Tết Đoan Ngọ", 2023, "deadline", None, D(2023, 6, 22), None),
    # events
    ("Thực hiện sau khi có hướng dẫn của Trung ương", 2018, "event", None, None, None),
    ("Theo Kế hoạch của Bộ Nội vụ", 2019, "event", None, None, None),
    ("Khi có yêu cầu", 2019, "event", None, None, None),
    ("Chờ hướng dẫn của Bộ Nội vụ", 2019, "event", None, None, None),  # (waits for it)
    ("Đột xuất", 2019, "event", None, None, None),
    ("trong thời hạn 15 ngày kể từ ngày ký", 2020, "event", None, None, None),
    ("Trong năm ngày làm việc kể từ ngày nhận hồ sơ", 2025, "event", None, None, None),  # five days, not the year
    # years counted from an event, like months ("trong vòng 6 tháng"); not years that follow them
    # a time counted from a day written out ends so long after it (Bộ luật Dân sự, Điều 147-148)
    ("Trong 30 ngày kể từ ngày 01/7/2025", 2025, "deadline", None, D(2025, 7, 31), None),
    ("90 ngày kể từ 15/3/2025", 2025, "deadline", None, D(2025, 6, 13), None),
    ("Trong thời hạn 06 tháng kể từ ngày 31/8/2025", 2025, "deadline", None, D(2026, 2, 28), None),
    ("Trong 2 tuần kể từ 01/7/2025", 2025, "deadline", None, D(2025, 7, 15), None),
    ("Trong mười lăm ngày kể từ ngày 01/7/2025", 2025, "deadline", None, D(2025, 7, 16), None),
    ("30 ngày kể từ ngày ký", 2025, "event", None, None, None),
    ("Trong vòng 01 năm", 2025, "event", None, None, None),
    ("Cùng thời điểm báo cáo năm", 2025, "event", None, None, None),  # tied to another duty
    ("Song song với việc triển khai Đề án", 2025, "event", None, None, None),
    ("Trước khi trình UBND tỉnh", 2025, "event", None, None, None),
    ("Không xác định thời hạn", 2025, "event", None, None, None),
    ("Không thời hạn", 2025, "continuous", None, None, None),
    ("Lồng ghép trong báo cáo quý", 2025, "event", None, None, None),
    ("Sau 2 năm thực hiện", 2025, "event", None, None, None),
    ("Trong 1 năm, kể từ ngày Quyết định có hiệu lực", 2025, "event", None, None, None),
    ("Trong 5 năm 2021-2025", 2021, "window", D(2021, 1, 1), D(2025, 12, 31), None),
    ("Chậm nhất ba ngày trước khi khai mạc", 2025, "event", None, None, None),
    ("Sau 30 ngày kể từ ngày Kế hoạch được ban hành", 2020, "event", None, None, None),
    ("Thực hiện từ năm 2019 theo lộ trình của Trung ương", 2018, "continuous", D(2019, 1, 1), None, None),
    ("Thực hiện sau khi có Nghị định thay thế Nghị định số 24/2014/NĐ-CP", 2018, "event", None, None, None),
    ("Từ khi có hướng dẫn đến khi hoàn thành", 2025, "event", None, None, None),
    ("Sau khi có hướng dẫn, thực hiện đến hết năm 2025", 2025, "event", None, None, None),
    ("Trong 15 ngày, kể từ ngày nhận được văn bản", 2025, "event", None, None, None),
    # "chậm nhất" is a limit whatever happens first
    ("Khi có hướng dẫn, chậm nhất Quý IV/2025", 2025, "deadline", None, D(2025, 12, 31), None),
    ("Sau khi có hướng dẫn của Bộ Nội vụ; chậm nhất trong Quý IV/2025", 2025, "deadline", None, D(2025, 12, 31),
     None),  # (a limit in the next clause too)
    # the term of a congress names it: before or after the congress is an event
    ("Trước Đại hội Đảng bộ tỉnh lần thứ XIII, nhiệm kỳ 2025 - 2030", 2025, "event", None, None, None),
    ("Sau Đại hội Đảng bộ các cấp nhiệm kỳ 2025-2030", 2025, "event", None, None, None),
    ("Tổ chức Đại hội nhiệm kỳ 2025-2030 trong Quý III/2025", 2025, "window", D(2025, 7, 1), D(2025, 9, 30), None),
    ("Sau khi có hướng dẫn của Bộ, chậm nhất ngày 30/6/2025", 2025, "deadline", None, D(2025, 6, 30), None),
    # an event that only starts the work, and a date that ends it: due on that date
    ("Từ khi ban hành đến 31/12/2025", 2025, "deadline", None, D(2025, 12, 31), None),
    ("Từ ngày Kế hoạch có hiệu lực đến hết ngày 31/12/2025", 2025, "deadline", None, D(2025, 12, 31), None),
    ("Kể từ ngày ban hành Kế hoạch đến năm 2030", 2025, "deadline", None, D(2030, 12, 31), None),
    # spellings and shapes met in other provinces' plans
    ("Quí II/2020", 2020, "window", D(2020, 4, 1), D(2020, 6, 30), None),
    ("Quý ll/2018", 2018, "window", D(2018, 4, 1), D(2018, 6, 30), None),  # OCR: l for I
    # a space lost between a lead word and its number
    ("Trước30/6/2018", 2018, "deadline", None, D(2018, 6, 30), None),
    ("Từ1/6 đến30/6/2018", 2018, "window", D(2018, 6, 1), D(2018, 6, 30), None),
    ("Chậm nhất30/6/2018", 2018, "deadline", None, D(2018, 6, 30), None),
    ("Quý lV/2018", 2018, "window", D(2018, 10, 1), D(2018, 12, 31), None),
    ("Qúi III năm 2020", 2020, "window", D(2020, 7, 1), D(2020, 9, 30), None),
    ("Tháng 1 năm sau", 2020, "window", D(2021, 1, 1), D(2021, 1, 31), None),
    ("tháng 9 năm nay", 2020, "window", D(2020, 9, 1), D(2020, 9, 30), None),
    ("Quý I năm sau", 2020, "window", D(2021, 1, 1), D(2021, 3, 31), None),
    ("tháng 10 - tháng 3 năm sau", 2020, "window", D(2020, 10, 1), D(2021, 3, 31), None),
    # a cycle's day in the year after each one: the first is in the plan's next year
    ("Hằng năm, trong tháng 01 năm sau", 2020, "recurring", D(2021, 1, 1), D(2021, 1, 31),
     "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=-1"),
    ("6/2021", 2020, "window", D(2021, 6, 1), D(2021, 6, 30), None),
    ("06.2021", 2020, "window", D(2021, 6, 1), D(2021, 6, 30), None),  # (with a dot: a month that is one)
    ("Từ 01.2021 đến 06.2021", 2020, "window", D(2021, 1, 1), D(2021, 6, 30), None),
    ("Tháng 11/2020 - 3/2021", 2020, "window", D(2020, 11, 1), D(2021, 3, 31), None),
    ("Ngày 15 và 30 hàng tháng", 2020, "recurring", None, D(2020, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=15,30"),
    ("Trước Tết Nguyên đán Tân Sửu", 2020, "deadline", None, D(2021, 2, 11), None),
    ("Tết Canh Tý", 2020, "deadline", None, D(2020, 1, 25), None),
    ("Năm học 2020-2021", 2020, "window", D(2020, 9, 1), D(2021, 5, 31), None),
    ("Tuần 1 tháng 10/2020", 2020, "window", D(2020, 10, 1), D(2020, 10, 7), None),
    ("trong tuần thứ hai của tháng 10/2020", 2020, "window", D(2020, 10, 8), D(2020, 10, 14), None),
    ("Tuần cuối tháng 2/2020", 2020, "window", D(2020, 2, 23), D(2020, 2, 29), None),
    ("đầu tháng 6 hằng năm", 2020, "recurring", None, D(2020, 6, 10), "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=10"),
    ("cuối tháng 6 và cuối tháng 12 hằng năm", 2020, "recurring", None, D(2020, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("từ đầu tháng 3 đến cuối tháng 5/2020", 2020, "window", D(2020, 3, 1), D(2020, 5, 31), None),
    ("2 lần/năm", 2020, "recurring", None, D(2020, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Mỗi quý 1 lần", 2020, "recurring", None, D(2020, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Hai năm một lần", 2020, "recurring", None, D(2020, 12, 31),
     "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=31"),
    ("Mỗi năm 02 lần (tháng 6 và tháng 12)", 2020, "recurring", None, D(2020, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Định kỳ hằng năm và đột xuất khi có yêu cầu", 2020, "recurring", None, D(2020, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Năm 2020 (hoàn thành trước 30/11/2020)", 2020, "window", D(2020, 1, 1), D(2020, 11, 30), None),
    ("Quý III/2020 (trước ngày 15/9/2020)", 2020, "window", D(2020, 7, 1), D(2020, 9, 15), None),
    ("Tháng 11/2020, báo cáo trước 15/12/2020", 2020, "window", D(2020, 11, 1), D(2020, 12, 15), None),
    ("Trước ngày 10 của tháng sau", 2021, "recurring", None, D(2021, 1, 10), "FREQ=MONTHLY;BYMONTHDAY=10"),
    ("Trước ngày 15 tháng 01 năm sau", 2021, "deadline", None, D(2022, 1, 15), None),
    ("Hàng năm (trước 15/01 năm sau)", 2021, "recurring", D(2022, 1, 1), D(2022, 1, 15),
     "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
    ("T7-T12/2021", 2021, "window", D(2021, 7, 1), D(2021, 12, 31), None),
    ("T9 - 10/2026", 2026, "window", D(2026, 9, 1), D(2026, 10, 31), None),  # (the second "T" left out)
    ("Th.10/2024", 2024, "window", D(2024, 10, 1), D(2024, 10, 31), None),
    ("Q2 2025", 2025, "window", D(2025, 4, 1), D(2025, 6, 30), None),
    ("Q3-2025", 2025, "window", D(2025, 7, 1), D(2025, 9, 30), None),
    ("Q1+Q2/2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    ("Q1, Q2/2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    ("Th10 - Th12/2024", 2024, "window", D(2024, 10, 1), D(2024, 12, 31), None),
    ("Giai đoạn 2 (2026-2030)", 2024, "window", D(2026, 1, 1), D(2030, 12, 31), None),
    ("Q3-Q4/2021", 2021, "window", D(2021, 7, 1), D(2021, 12, 31), None),
    ("trong 6 tháng cuối năm", 2021, "window", D(2021, 7, 1), D(2021, 12, 31), None),
    ("Trước 31/3 năm 2023", 2022, "deadline", None, D(2023, 3, 31), None),
    ("Đầu mỗi năm", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
    ("Cuối mỗi quý", 2022, "recurring", None, D(2022, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Đầu hằng tháng", 2022, "recurring", None, D(2022, 1, 10), "FREQ=MONTHLY;BYMONTHDAY=10"),
    ("Từ năm 2018 đến nay", 2020, "continuous", D(2018, 1, 1), None, None),
    ("Tháng 6/2018 - nay", 2020, "continuous", D(2018, 6, 1), None, None),
    ("Quý I năm 2021 và hằng năm", 2020, "recurring", D(2021, 1, 1), D(2021, 3, 31),
     "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1"),
    ("Trước ngày 31/3/2023 và hằng năm", 2020, "recurring", D(2023, 1, 1), D(2023, 3, 31),
     "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
    # the cycle after a clause of its own keeps the time before it as its first
    ("Tháng 6/2025; cập nhật hằng quý", 2025, "recurring", D(2025, 6, 1), D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Báo cáo định kỳ 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12", 2020, "recurring", None,
     D(2020, 6, 15), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15"),
    # one year's exception in parentheses keeps the cycle and moves that year's day (Period.moved)
    ("Tháng 12 hằng năm (năm 2025: tháng 11)", 2025, "recurring", None, D(2025, 11, 30),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    # a day of each quarter beside a day of the year: both ("ngày 25" is no 25 December)
    ("ngày 25 tháng cuối quý và 15/12", 2025, "recurring", None, D(2025, 3, 25),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15,25;BYSETPOS=2,4,6,7,8"),
    ("Trước ngày 20 tháng cuối quý và trước ngày 15/12 đối với báo cáo năm", 2025, "recurring", None,
     D(2025, 3, 20), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15,20;BYSETPOS=2,4,6,7,8"),
    # months listed after a day share it, once as in a cycle
    ("ngày 20 tháng 6 và tháng 12", 2025, "recurring", None, D(2025, 6, 20),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=20;UNTIL=20251220"),
    ("ngày 15/6 và tháng 7 - tháng 8", 2025, "window", D(2025, 6, 15), D(2025, 8, 31), None),
    # a cycle word ends its chain: the day after "và" belongs to the next cycle
    ("Ngày 10 hằng tháng và ngày 25/12 hằng năm", 2025, "recurring", None, D(2025, 1, 10),
     "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=10,25;"
     "BYSETPOS=1,3,5,7,9,11,13,15,17,19,21,23,24"),
    ("Ngày 20 tháng 6 và tháng 12 hằng năm", 2020, "recurring", None, D(2020, 6, 20),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=20"),
    ("từ tháng 7/2022 đến hết năm 2022", 2022, "window", D(2022, 7, 1), D(2022, 12, 31), None),
    ("Từ năm 2022 đến hết quý I/2023", 2022, "window", D(2022, 1, 1), D(2023, 3, 31), None),
    ("Trước ngày 20/10/2021 (để tổng hợp báo cáo Bộ trước 30/10/2021)", 2021, "deadline", None,
     D(2021, 10, 20), None),
    ("Trước ngày 20/10/2021 để tổng hợp báo cáo Bộ trước 30/10/2021", 2021, "deadline", None,
     D(2021, 10, 20), None),
    ("Tuần đầu tiên của tháng 3/2021", 2021, "window", D(2021, 3, 1), D(2021, 3, 7), None),
    ("Trong năm", 2021, "window", D(2021, 1, 1), D(2021, 12, 31), None),
    ("Cả năm", 2021, "window", D(2021, 1, 1), D(2021, 12, 31), None),
    ("Trước 25 tháng cuối quý", 2023, "recurring", None, D(2023, 3, 25), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=25"),
    ("Trước ngày 5 tháng 1, 4, 7, 10 hằng năm", 2023, "recurring", None, D(2023, 1, 5),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5"),
    ("Quý IV (năm 2019)", 2018, "window", D(2019, 10, 1), D(2019, 12, 31), None),
    ("Năm 2019 (Quý IV)", 2018, "window", D(2019, 10, 1), D(2019, 12, 31), None),
    ("Tháng 5 - Tháng 7 (năm 2019)", 2018, "window", D(2019, 5, 1), D(2019, 7, 31), None),
    ("Ngày 15 (tháng 6/2019)", 2018, "deadline", None, D(2019, 6, 15), None),
    ("23/9/2019 (ngày 21/9/2019 là Thứ Bảy)", 2019, "deadline", None, D(2019, 9, 23), None),
    ("Ngày 02/01/2020 (ngày 01/01/2020 nghỉ Tết Dương lịch)", 2020, "deadline", None, D(2020, 1, 2), None),
    ("Quý III và 9 tháng năm 2020", 2020, "window", D(2020, 1, 1), D(2020, 9, 30), None),
    ("Ngày 10 của tháng đầu tiên quý sau", 2024, "recurring", None, D(2024, 1, 10),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"),
    ("Định kỳ trước ngày 15 tháng 6 và ngày 15 tháng 12", 2024, "recurring", None, D(2024, 6, 15),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15"),
    # the first, middle and last three months of a school year
    ("Đầu năm học 2025-2026", 2025, "window", D(2025, 9, 1), D(2025, 11, 30), None),
    ("Giữa năm học 2023-2024", 2024, "window", D(2023, 12, 1), D(2024, 2, 29), None),
    ("Cuối năm học 2024-2025", 2025, "window", D(2025, 3, 1), D(2025, 5, 31), None),
    ("Trước năm học 2025-2026", 2025, "deadline", None, D(2025, 8, 31), None),
    ("Từ năm học 2025-2026", 2025, "continuous", D(2025, 9, 1), None, None),
    ("Năm học 2025 - 2026 và các năm học tiếp theo", 2025, "continuous", D(2025, 9, 1), None, None),
    # a cycle of school years: due at the end of each (31 May), or of the third it names
    ("Hằng năm học", 2026, "recurring", None, D(2026, 5, 31), "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31"),
    ("Đầu mỗi năm học", 2026, "recurring", None, D(2026, 11, 30), "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"),
    ("Giữa mỗi năm học", 2026, "recurring", None, D(2026, 2, 28), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
    ("Cuối năm học (hằng năm)", 2026, "recurring", None, D(2026, 5, 31), "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31"),
    # the summer holidays, June to August
    ("Hè 2025", 2025, "window", D(2025, 6, 1), D(2025, 8, 31), None),
    ("Trong kỳ nghỉ hè năm 2025", 2025, "window", D(2025, 6, 1), D(2025, 8, 31), None),
    ("Trước mùa hè", 2025, "deadline", None, D(2025, 5, 31), None),
    ("Sau hè 2025", 2025, "continuous", D(2025, 9, 1), None, None),
    # quarters are the rounds of a yearly cycle, as months are
    ("Giai đoạn 2026 - 2030, mỗi năm tổ chức 01 lần vào Quý III", 2025, "recurring", D(2026, 1, 1),
     D(2026, 9, 30), "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=-1;UNTIL=20301231"),
    ("Quý I/năm sau", 2025, "window", D(2026, 1, 1), D(2026, 3, 31), None),
    ("Năm 2025 và năm sau", 2025, "window", D(2025, 1, 1), D(2026, 12, 31), None),  # one more year
    ("Năm 2025 và những năm sau", 2025, "continuous", D(2025, 1, 1), None, None),  # all of them
    ("Trước Đại hội Đảng bộ tỉnh lần thứ XII", 2025, "event", None, None, None),
    ("Trước ít nhất 15 ngày so với ngày tổ chức", 2025, "event", None, None, None),  # counted back from it
    ("Trước 15 tháng 12", 2025, "deadline", None, D(2025, 12, 15), None),  # a date, not 15 months
    # "trước Tết" in a parenthesis is a hard date that ends the window before it
    ("Quý I/2026 (trước Tết)", 2025, "window", D(2026, 1, 1), D(2026, 2, 16), None),
    # … and so it does after a comma, where it stands in a list with the time it ends
    ("Quý I/2026, trước Tết Nguyên đán", 2025, "window", D(2026, 1, 1), D(2026, 2, 16), None),
    # a hard date in the parenthesis right after another says which day that is
    ("Trước Tết Nguyên đán Bính Ngọ 2026 (trước ngày 10/02/2026)", 2025, "deadline", None, D(2026, 2, 10), None),
    ("Trước 30/6/2025 (chậm nhất 25/6/2025)", 2025, "deadline", None, D(2025, 6, 25), None),
    ("Tháng 1, 2/2026, trước Tết", 2025, "window", D(2026, 1, 1), D(2026, 2, 16), None),
    # a dated period after "trong" bounds a cycle shorter than a year
    ("Hằng ngày trong tháng 9/2025", 2025, "recurring", D(2025, 9, 1), D(2025, 9, 1), "FREQ=DAILY;UNTIL=20250930"),
    ("Hằng tháng trong năm 2026", 2025, "recurring", D(2026, 1, 1), D(2026, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231"),
    # periods with a gap between them each fall due; periods that meet are one span
    ("Tháng 9/2025 (tổ chức Hội nghị); Tháng 12/2025 (báo cáo kết quả)", 2025, "recurring", None,
     D(2025, 9, 30), "FREQ=YEARLY;BYMONTH=9,12;BYMONTHDAY=-1;UNTIL=20251231"),
    ("Bước 1: tháng 3/2025; bước 2: tháng 6/2025", 2025, "recurring", None, D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=-1;UNTIL=20250630"),
    ("Tháng 8/2025; tháng 9/2025", 2025, "window", D(2025, 8, 1), D(2025, 9, 30), None),
    ("Bước 1: Quý I/2025; bước 2: Quý II/2025", 2025, "recurring", None, D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=-1;UNTIL=20250630"),
    ("Hoàn thành trong tháng 10/2025 (riêng cấp xã hoàn thành trong tháng 11/2025)", 2025, "recurring", None,
     D(2025, 10, 31), "FREQ=YEARLY;BYMONTH=10,11;BYMONTHDAY=-1;UNTIL=20251130"),
    ("Quý I + II/2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    # a tilde is a range mark too
    ("Tháng 5 ~ Tháng 7/2023", 2023, "window", D(2023, 5, 1), D(2023, 7, 31), None),
    ("01/7~31/12/2023", 2023, "window", D(2023, 7, 1), D(2023, 12, 31), None),
    # a cycle of several years with its years written out falls due in those years
    ("03 năm/lần (năm 2026, 2029)", 2025, "recurring", None, D(2026, 12, 31), None),
    ("Định kỳ 02 năm/lần, trước ngày 30/6 (năm 2026, 2028)", 2025, "recurring", None, D(2026, 6, 30), None),
    # a time with no year in each of the years listed after it
    ("Trước ngày 31/3 các năm 2026, 2027", 2025, "recurring", None, D(2026, 3, 31), None),
    ("Quý III các năm 2026 - 2030", 2025, "recurring", None, D(2026, 9, 30), None),
    ("Tháng 6 của các năm 2025 và 2026", 2025, "recurring", None, D(2025, 6, 30), None),
    ("Quý IV các năm 2025", 2025, "window", D(2025, 10, 1), D(2025, 12, 31), None),
    # rounds of one task: each round falls due at its own end, however long it is
    ("Đợt 1: tháng 5/2025; đợt 2: tháng 10/2025", 2025, "recurring", None, D(2025, 5, 31),
     "FREQ=YEARLY;BYMONTH=5,10;BYMONTHDAY=-1;UNTIL=20251031"),
    ("Lần 1: Quý II; lần 2: Quý IV", 2025, "recurring", None, D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1;UNTIL=20251231"),
    # and so does each time that heads its own words, even where the times meet
    ("Năm 2025: hoàn thành 50%; năm 2026: hoàn thành 100%", 2025, "recurring", None, D(2025, 12, 31), None),
    ("Tháng 8/2025: chuẩn bị; tháng 9/2025: tổ chức", 2025, "recurring", None, D(2025, 8, 31),
     "FREQ=YEARLY;BYMONTH=8,9;BYMONTHDAY=-1;UNTIL=20250930"),
    # and so does each level of government's time
    ("Cấp tỉnh: Quý I/2025; cấp huyện: Quý II/2025", 2025, "recurring", None, D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=-1;UNTIL=20250630"),
    ("Quý II/2025 (cấp tỉnh); Quý III/2025 (cấp huyện, xã)", 2025, "recurring", None, D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,9;BYMONTHDAY=-1;UNTIL=20250930"),
    # and so does each time with a note of its own, naming its work or its share
    ("Tháng 8/2025 (khảo sát), tháng 9/2025 (tổng hợp báo cáo)", 2025, "recurring", None, D(2025, 8, 31),
     "FREQ=YEARLY;BYMONTH=8,9;BYMONTHDAY=-1;UNTIL=20250930"),
    ("Năm 2025 (02 lớp); năm 2026 (03 lớp)", 2025, "recurring", None, D(2025, 12, 31), None),
    ("Năm 2025 (50%); năm 2026 (100%)", 2025, "recurring", None, D(2025, 12, 31), None),
    # (not where the notes say the same, or say how sure the time is: one span)
    ("Năm 2025 (xây dựng); năm 2026 (xây dựng)", 2025, "window", D(2025, 1, 1), D(2026, 12, 31), None),
    ("Quý II/2025 (dự kiến); Quý III/2025 (chính thức)", 2025, "window", D(2025, 4, 1), D(2025, 9, 30), None),
    # a season of the weather or the crops falls on days that differ by region: the years after
    # it name it, and the work waits for it, unless a date says when
    ("Trước mùa mưa bão năm 2025", 2025, "event", None, None, None),
    ("Trong mùa khô 2025-2026", 2025, "event", None, None, None),
    ("Trước vụ Đông Xuân 2025-2026", 2025, "event", None, None, None),
    ("Sau thu hoạch vụ Hè Thu 2025", 2025, "event", None, None, None),
    ("Trước mùa mưa lũ", 2025, "event", None, None, None),
    ("Trước mùa mưa bão (trước ngày 30/6/2025)", 2025, "deadline", None, D(2025, 6, 30), None),
    ("Mùa hè năm 2025", 2025, "window", D(2025, 6, 1), D(2025, 8, 31), None),  # (summer is June to August)
    # a month written short, its year after a space or a dash as after a slash
    ("T6 2025", 2025, "window", D(2025, 6, 1), D(2025, 6, 30), None),
    ("T10-2025", 2025, "window", D(2025, 10, 1), D(2025, 10, 31), None),
    # half a year with the half after "năm"
    ("Nửa năm đầu 2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    ("Nửa năm cuối năm 2025", 2025, "window", D(2025, 7, 1), D(2025, 12, 31), None),
    ("Nửa năm sau khi Kế hoạch ban hành", 2025, "event", None, None, None),
    # a range whose end has no year runs into the next year rather than backwards
    ("Tháng 10/2025 - tháng 3", 2025, "window", D(2025, 10, 1), D(2026, 3, 31), None),
    ("Từ 15/12/2025 đến 15/01", 2025, "window", D(2025, 12, 15), D(2026, 1, 15), None),
    # lunar festivals by name, each on its lunar day
    ("Lễ Vu Lan năm 2025", 2025, "deadline", None, D(2025, 9, 6), None),
    ("Tết ông Công ông Táo", 2025, "deadline", None, D(2025, 1, 22), None),
    ("Trước ngày ông Công ông Táo", 2025, "deadline", None, D(2025, 1, 22), None),
    ("Lễ hội Đền Hùng năm 2025", 2025, "deadline", None, D(2025, 4, 7), None),
    # after a lunar day: from the day after it on
    ("Sau Rằm tháng Giêng", 2025, "continuous", D(2025, 2, 13), None, None),
    ("Sau mùng 10 Tết", 2025, "continuous", D(2025, 2, 8), None, None),
    ("Tết Thượng nguyên", 2025, "deadline", None, D(2025, 2, 12), None),
    ("Trước Tết ông Công ông Táo", 2025, "deadline", None, D(2025, 1, 22), None),  # (not the eve of Tết)
    ("Phục vụ lần đầu trong quý III/2025", 2025, "window", D(2025, 7, 1), D(2025, 9, 30), None),  # ("vụ lần")
    ("Vu Lan báo hiếu 2025", 2025, "deadline", None, D(2025, 9, 6), None),
    # (the "vụ" of "phục vụ", "nhiệm vụ" names no crop season)
    ("Phục vụ sản xuất nông nghiệp trong quý II/2025", 2025, "window", D(2025, 4, 1), D(2025, 6, 30), None),
    ("Nhiệm vụ mùa thi năm 2025", 2025, "window", D(2025, 1, 1), D(2025, 12, 31), None),
    ("Trước\nngày 30/6/2025", 2025, "deadline", None, D(2025, 6, 30), None),  # (a wrapped line)
    # a number written again in words after its digits
    ("Chậm nhất ngày 06 (sáu) tháng 06 (sáu) hằng năm", 2025, "recurring", None, D(2025, 6, 6),
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6"),
    ("Trước ngày 25 (hai mươi lăm) tháng 11 năm 2025", 2025, "deadline", None, D(2025, 11, 25), None),
    # a date a purpose names is not this task's ("để khai giảng năm học … vào ngày 05/9")
    ("Hoàn thành tuyển sinh trước ngày 31/7/2025 để khai giảng năm học 2025-2026 vào ngày 05/9/2025", 2025,
     "deadline", None, D(2025, 7, 31), None),
    ("Hoàn thành trước ngày 15/6/2025 để tổ chức Hội nghị vào ngày 30/6/2025", 2025, "deadline", None,
     D(2025, 6, 15), None),
    ("Giải quyết các vấn đề tổ chức bộ máy trong quý II/2025", 2025, "window", D(2025, 4, 1), D(2025, 6, 30),
     None),  # (the "đề" of "vấn đề" is no "để")
    ("Chiến thắng 30/4", 2025, "deadline", None, D(2025, 4, 30), None),  # (no month 30: "thắng")
    ("Đánh giá, xếp hạng tháng 12/2025", 2025, "window", D(2025, 12, 1), D(2025, 12, 31), None),  # ("hạng")
    ("Bình ổn giá các mặt hàng năm 2025 trong quý IV/2025", 2025, "window", D(2025, 1, 1), D(2025, 12, 31),
     None),  # (no "hằng năm": "mặt hàng")
    ("Ngày Chiến thắng 30/4 hằng năm", 2025, "recurring", None, D(2025, 4, 30), "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30"),
    # a lunar day whose month comes after it; "quà Tết", "hàng Tết" are things, no time
    ("Từ mùng 8 đến mùng 10 tháng 3 âm lịch năm 2025", 2025, "window", D(2025, 4, 5), D(2025, 4, 7), None),
    ("Cấp phát quà Tết xong trước ngày 25 tháng Chạp", 2025, "deadline", None, D(2025, 1, 24), None),
    ("Chuẩn bị hàng Tết trong tháng 01/2026", 2025, "window", D(2026, 1, 1), D(2026, 1, 31), None),
    # work that goes on until something ends it
    ("Cho đến khi hoàn thành", 2025, "continuous", None, None, None),
    ("Thực hiện từ năm 2025 cho đến khi có văn bản thay thế", 2025, "continuous", D(2025, 1, 1), None, None),
    # a list of times of one year, then a yearly cycle: each of them every year from that one on
    ("Năm 2025 (tháng 4 và tháng 10 hằng năm)", 2025, "recurring", D(2025, 1, 1), D(2025, 4, 30),
     "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1"),
    ("Quý I, quý III/2025 hằng năm", 2025, "recurring", D(2025, 1, 1), D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1"),
    ("Ngày 30/6 và 30/11/2025 hằng năm", 2025, "recurring", D(2025, 1, 1), D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,11;BYMONTHDAY=30"),
    # "ngày 27 Tết" as "27 Tết"; "30 Tết" is the year's last day, the 29th of a short tháng Chạp
    ("Ngày 27 Tết", 2021, "deadline", None, D(2021, 2, 8), None),
    ("Ngày 30 Tết", 2021, "deadline", None, D(2021, 2, 11), None),
    ("30 Tết", 2025, "deadline", None, D(2025, 1, 28), None),
    ("Trước 30 tháng Chạp", 2025, "deadline", None, D(2025, 1, 28), None),
    # "các tháng" after a day is each month, as "hằng tháng" is
    ("Ngày 15 các tháng", 2025, "recurring", None, D(2025, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("Ngày 25 của các tháng trong năm", 2025, "recurring", None, D(2025, 1, 25), "FREQ=MONTHLY;BYMONTHDAY=25"),
    ("Trước ngày 20 các tháng cuối quý", 2025, "recurring", None, D(2025, 3, 20),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
    # quarters and months a cycle skips, whatever the cycle
    ("Hằng quý (trừ quý I)", 2025, "recurring", None, D(2025, 6, 30), "FREQ=YEARLY;BYMONTH=6,9,12;BYMONTHDAY=-1"),
    ("Ngày 20 tháng cuối quý, trừ quý IV", 2025, "recurring", None, D(2025, 3, 20),
     "FREQ=YEARLY;BYMONTH=3,6,9;BYMONTHDAY=20"),
    ("Hằng tháng (ngoại trừ quý I)", 2025, "recurring", None, D(2025, 4, 30),
     "FREQ=YEARLY;BYMONTH=4,5,6,7,8,9,10,11,12;BYMONTHDAY=-1"),
    ("Thứ Hai hằng tuần (trừ các tháng 7, 8)", 2025, "recurring", None, D(2025, 1, 6),
     "FREQ=WEEKLY;BYMONTH=1,2,3,4,5,6,9,10,11,12;BYDAY=MO"),
    ("Thứ Hai đầu tiên hằng tháng (trừ tháng 1)", 2025, "recurring", None, D(2025, 2, 3),
     "FREQ=MONTHLY;BYMONTH=2,3,4,5,6,7,8,9,10,11,12;BYDAY=MO;BYSETPOS=1"),
    ("Hằng ngày (trừ tháng 1)", 2025, "recurring", None, D(2025, 2, 1),
     "FREQ=DAILY;BYMONTH=2,3,4,5,6,7,8,9,10,11,12"),
    # the plan's own year skipped: the cycle starts after it (a later year is not left out: no RRULE says so)
    ("Hằng năm (trừ năm 2026)", 2026, "recurring", D(2027, 1, 1), D(2027, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Trước 15/12 hằng năm, trừ năm 2026 và 2027", 2026, "recurring", D(2028, 1, 1), D(2028, 12, 15),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    # and the weekdays it skips, or its days off: a daily cycle becomes a weekly one on the others
    ("Hằng ngày (trừ thứ Bảy, Chủ nhật)", 2026, "recurring", None, D(2026, 1, 1), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("Hằng ngày (trừ ngày nghỉ, ngày lễ)", 2026, "recurring", None, D(2026, 1, 1), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("Hằng ngày, trừ Chủ nhật", 2026, "recurring", None, D(2026, 1, 1), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"),
    ("Thứ 2, 4, 6 hằng tuần (trừ thứ 6)", 2026, "recurring", None, D(2026, 1, 5), "FREQ=WEEKLY;BYDAY=MO,WE"),
    # a roman number up to four before a year, alone, is a quarter (a column headed "Quý")
    ("IV/2026", 2026, "window", D(2026, 10, 1), D(2026, 12, 31), None),
    ("II - III/2026", 2026, "window", D(2026, 4, 1), D(2026, 9, 30), None),
    # "năm kế hoạch": the plan's year, alone or after a time ("Kế hoạch 2027" stays a document's name)
    ("Năm kế hoạch 2027", 2026, "window", D(2027, 1, 1), D(2027, 12, 31), None),
    ("Trong năm kế hoạch", 2026, "window", D(2026, 1, 1), D(2026, 12, 31), None),
    ("Quý I năm kế hoạch", 2026, "window", D(2026, 1, 1), D(2026, 3, 31), None),
    ("Trước 31/3 năm kế hoạch", 2026, "deadline", None, D(2026, 3, 31), None),
    # weekdays listed after one "thứ", before the week's cycle
    ("Thứ 2, 4, 6 hằng tuần", 2026, "recurring", None, D(2026, 1, 2), "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    ("Thứ Hai, Tư và Sáu hằng tuần", 2026, "recurring", None, D(2026, 1, 2), "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    # months of action the state names
    ("Tháng Thanh niên", 2026, "window", D(2026, 3, 1), D(2026, 3, 31), None),
    ("Tháng Công nhân năm 2027", 2026, "window", D(2027, 5, 1), D(2027, 5, 31), None),
    ("Tháng hành động về an toàn, vệ sinh lao động", 2026, "window", D(2026, 5, 1), D(2026, 5, 31), None),
    # "các năm" after a time, with no years named, is each year
    ("Quý I các năm", 2025, "recurring", None, D(2025, 3, 31), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1"),
    ("Trước ngày 15/12 các năm", 2025, "recurring", None, D(2025, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
]


ALL = CASES + cases_calendar_words.CASES


@pytest.mark.parametrize(("text", "year", "kind", "start", "due", "rrule"), ALL, ids=[c[0][:40] for c in ALL])
def test_family(text: str, year: int, kind: str, start: dt.date | None, due: dt.date | None,
                rrule: str | None) -> None:
    period = parse(text, context_year=year)
    assert (period.kind, period.start, period.due) == (kind, start, due), period.label
    assert same_days(period.rrule, rrule, year), period.rrule


@pytest.mark.parametrize(("text", "year"), [c[:2] for c in ALL], ids=[c[0][:40] for c in ALL])
def test_spelling_does_not_change_the_meaning(text: str, year: int) -> None:
    expected = parse(text, context_year=year)
    for variant in VARIANTS:
        written = variant(text)
        got = parse(written, context_year=year)
        assert (got.kind, got.start, got.due, got.rrule) == (expected.kind, expected.start, expected.due,
                                                            expected.rrule), written


# words officers put around a time: a heading before it, who gathers the reports after it
SURROUNDINGS: list[tuple[str, str]] = [("Thời gian: ", ""), ("", " (Sở Nội vụ tổng hợp)"), ("- ", "."),
                                       ("", "; báo cáo UBND tỉnh"), ("(", ")"), ("Dự kiến ", ""),
                                       ("", " – Sở Nội vụ"), ("", " (theo Kế hoạch số 12/KH-UBND ngày 05/3/2025)"),
                                       ("Thời hạn: ", ""), ("Hoàn thành ", ""), ("", " tại Hội trường UBND tỉnh")]


@pytest.mark.parametrize(("text", "year", "kind", "start", "due", "rrule"),
                         [c for c in ALL if c[2] != "event"], ids=[c[0][:40] for c in ALL if c[2] != "event"])
def test_words_around_a_time_do_not_change_it(text: str, year: int, kind: str, start: dt.date | None,
                                              due: dt.date | None, rrule: str | None) -> None:
    expected = parse(text, context_year=year)
    for before, after in SURROUNDINGS:
        got = parse(before + text + after, context_year=year)
        assert (got.kind, got.start, got.due, got.rrule) == (expected.kind, expected.start, expected.due,
                                                            expected.rrule), before + text + after


@pytest.mark.parametrize(("prefix"), ["Trong ", "Hoàn thành trong ", "Thời gian thực hiện: ", "- "])
def test_common_prefixes(prefix: str) -> None:
    assert parse(prefix + "quý III/2019", context_year=2019).due == D(2019, 9, 30)


@pytest.mark.parametrize("write", [lambda t: t, str.upper, str.lower, lambda t: unicodedata.normalize("NFD", t)])
def test_a_month_name_told_by_its_marks(write: Callable[[str], str]) -> None:
    """ "tháng Tư" is April and "tháng Sáu" June, where "từ" (from) and "sau" (next) differ only by
    their marks: without them "sau" keeps its other meaning."""
    assert parse(write("Tháng Tư năm 2025"), context_year=2025).due == D(2025, 4, 30)
    assert parse(write("ngày 15 tháng Sáu"), context_year=2025).due == D(2025, 6, 15)
    assert parse(write("6 tháng từ năm 2020"), context_year=2025).kind == "continuous"
    assert parse(write("trước ngày 15 tháng sau"), context_year=2025).rrule == "FREQ=MONTHLY;BYMONTHDAY=15"


def test_roman_and_arabic_quarters_agree() -> None:
    for roman, arabic in (("I", "1"), ("II", "2"), ("III", "3"), ("IV", "4")):
        by_roman = parse(f"Quý {roman}/2020", context_year=2020)
        by_number = parse(f"Quý {arabic}/2020", context_year=2020)
        assert (by_roman.start, by_roman.due, by_roman.label) == (by_number.start, by_number.due, by_number.label)


def test_several_deadlines_in_one_cell_each_fall_due() -> None:
    period = parse("Đợt 1: trước 30/4/2022; Đợt 2: trước 30/9/2022", context_year=2022)
    assert period.kind == "recurring"
    assert period.dates == (D(2022, 4, 30), D(2022, 9, 30))
    assert period.dues_between(D(2022, 1, 1), D(2022, 12, 31)) == [D(2022, 4, 30), D(2022, 9, 30)]
    # a year before a hard date only says which year the date is in
    period = parse("Trước 30/9/2024; năm 2025 trước 30/6/2025", context_year=2024)
    assert period.dates == (D(2024, 9, 30), D(2025, 6, 30))
    # times listed where one ends inside another: each report falls due ("tháng 8 và 8 tháng", ending
    # together, stay one span)
    for spell in [*VARIANTS, damaged]:
        assert parse(spell("6 tháng đầu năm và cả năm"), context_year=2026).dates == (D(2026, 6, 30), D(2026, 12, 31))
        assert parse(spell("Quý I và cả năm 2026"), context_year=2026).dates == (D(2026, 3, 31), D(2026, 12, 31))
        period = parse(spell("tháng 8 và 8 tháng năm 2020"), context_year=2020)
        assert (period.kind, period.start, period.due) == ("window", D(2020, 1, 1), D(2020, 8, 31))
    # a part that the time says is of it ("trong đó") falls due, and so does the time: it ends no time
    for spell in [*VARIANTS, damaged]:
        period = parse(spell("Từ ngày 01/01/2026 đến ngày 31/12/2026 (trong đó, báo cáo sơ kết trước ngày 15/6/2026)"),
                       context_year=2026)
        assert period.dates == (D(2026, 6, 15), D(2026, 12, 31)), spell
        assert parse(spell("Năm 2026 (trong đó sơ kết trước 30/6/2026)"), context_year=2026).dates == (
            D(2026, 6, 30), D(2026, 12, 31))
        assert parse(spell("Năm 2026 (hoàn thành trước 30/11/2026)"), context_year=2026).due == D(2026, 11, 30)


def test_a_yearly_lunar_day_lists_its_dates() -> None:
    period = parse("Trước Tết Nguyên đán hằng năm", context_year=2024)
    assert (period.kind, period.rrule, period.due) == ("recurring", None, D(2024, 2, 9))
    assert period.dues_between(D(2025, 1, 1), D(2026, 12, 31)) == [D(2025, 1, 28), D(2026, 2, 16)]
    window = parse("từ 27 Tết đến mùng 6 Tết hằng năm", context_year=2024)
    assert window.dues_between(D(2025, 1, 1), D(2025, 12, 31)) == [D(2025, 2, 3)]
    assert parse("mùng 10 tháng 3 âm lịch hằng năm", context_year=2024).due == D(2024, 4, 18)


def test_full_width_digits_read_as_digits() -> None:
    assert parse("Quý II/２０１８", context_year=2018).due == D(2018, 6, 30)
    # and full-width letters and marks
    assert parse("Quý ＩＩ/２０２６", context_year=2025).due == D(2026, 6, 30)
    assert parse("Trước ngày ３０．６．２０２６", context_year=2025).due == D(2026, 6, 30)


def test_a_spreadsheets_midnight_is_no_time_of_day() -> None:
    assert parse("30/06/2025 00:00:00", context_year=2025).time is None
    assert parse("30/06/2025 17:00:00", context_year=2025).time == dt.time(17, 0)


def test_a_time_after_its_day_is_kept() -> None:
    assert parse("Ngày 20/3/2022, lúc 8 giờ", context_year=2022).time == dt.time(8, 0)


def test_damaged_text_is_mended() -> None:
    assert parse("ng\ufffdy 5/9", context_year=2020).due == D(2020, 9, 5)
    assert parse("Qu\ufffd II/2018", context_year=2018).due == D(2018, 6, 30)
    assert parse("Th\ufffd\ufffdng 7/2018", context_year=2018).due == D(2018, 7, 31)


@pytest.mark.parametrize("text", [
    "Dự kiến ngày 10/6/2024 (chậm nhất ngày 15/6/2024)", "thứ Sáu hằng tuần", "Đột xuất",
    "trước Tết Nguyên đán 2021", "ngày 10/3 âm lịch", "Khi có yêu cầu", "thường niên",
    "trong tuần thứ hai của tháng 10/2020", "Năm học 2020-2021", "Quí III năm 2020",
    "chậm nhất 90 ngày kể từ ngày kết thúc năm", "Trước Tết Dương lịch", "Ngày Pháp luật Việt Nam",
    "2 đợt/năm", "Cả năm", "Tại kỳ họp giữa năm 2026", "Trong vòng 10 ngày",
    "Xây dựng Kế hoạch năm 2026 trong tháng 12/2025",
    # two damaged neighbours that only make sense together ("�ại h�i"), a round before its number,
    # and words that keep a damaged one from becoming a time word ("�n" is not "đến")
    "Trước Đại hội Đảng bộ tỉnh lần thứ XII", "Đợt 1: tháng 5/2025; đợt 2: tháng 10/2025", "Dịp hè 2025",
    "Hằng năm, bắt đầu từ năm 2026", "Trước Tết Nguyên đán Ất Tỵ 2025", "Tết Đoan Ngọ",
    "Báo cáo về đề xuất phương án trong quý II/2018", "Kỷ niệm Quốc khánh 2/9 (1945-2025) vào ngày 02/9/2025",
    "Thực hiện theo Thông tư số 01/2024/TT-BNV ngày 10/01/2024 của Bộ Nội vụ",
    "Kinh phí từ ngân sách nhà nước năm 2025 theo phân cấp",
    # this session's families
    "Cùng thời điểm báo cáo năm", "Trong 05 ngày làm việc đầu tháng", "Sơ kết 6 tháng, tổng kết năm",
    "Trước ngày khai giảng năm học mới", "Trong suốt thời gian thực hiện Kế hoạch", "Tháng Bốn năm 2025",
    "Dịp Quốc khánh 2/9/2025 (từ 28/8 đến 5/9/2025)", "Đầu tháng 6, tháng 12 hằng năm",
    "Tổ chức 2 lớp: lớp 1 tháng 6/2025, lớp 2 tháng 9/2025", "Căn cứ tình hình thực tế", "Nửa cuối tháng 6/2026",
    "Báo cáo tháng trước ngày 20",
])
def test_each_damaged_word_is_read_from_its_letters_and_neighbours(text: str) -> None:
    expected = parse(text, context_year=2020)
    got = parse(damaged(text), context_year=2020)
    assert (got.kind, got.start, got.due, got.rrule) == (expected.kind, expected.start, expected.due,
                                                        expected.rrule)


def test_time_of_day_is_kept() -> None:
    assert parse("17 giờ ngày 30/9/2020", context_year=2020).time == dt.time(17, 0)
    assert parse("trước 16h30 ngày 5/10/2020", context_year=2020).time == dt.time(16, 30)
    assert parse("08g00 ngày 15/3/2024", context_year=2024).time == dt.time(8, 0)
    # a range is due at its end's time, whichever side of its day that is written on
    for spell in [*VARIANTS, damaged]:
        for text in ("Từ 8h00 ngày 01/3/2026 đến 17h00 ngày 15/3/2026", "Từ ngày 01/3/2026 đến 17 giờ ngày 15/3/2026",
                     "Từ ngày 01/3/2026 đến ngày 15/3/2026, lúc 17 giờ"):
            assert parse(spell(text), context_year=2026).time == dt.time(17, 0), spell(text)
        assert parse(spell("Từ 8h00 ngày 01/3/2026 đến ngày 15/3/2026"), context_year=2026).time is None
    assert parse("7:30 ngày 5/10/2024", context_year=2024).time == dt.time(7, 30)
    assert parse("ngày 5/10/2024 lúc 07:30", context_year=2024).time == dt.time(7, 30)
    assert parse("25:30 ngày 5/10/2024", context_year=2024).time is None  # no such hour


def test_an_hour_to_start_at_is_that_day() -> None:
    """ "bắt đầu từ 14 giờ ngày 10/4/2026" is a meeting that day, not work from then on; "từ 0 giờ"
    (a rule taking effect) and "từ … đến …" keep their spans."""
    for spell in [*VARIANTS, damaged]:
        got = parse(spell("Thời gian: 01 buổi, bắt đầu từ 14 giờ 00, ngày 10/4/2026 (chiều thứ Sáu)."),
                    context_year=2026)
        assert (got.kind, got.due, got.time) == ("deadline", dt.date(2026, 4, 10), dt.time(14, 0)), spell
        assert parse(spell("Từ 0 giờ ngày 01/7/2026"), context_year=2026).kind == "continuous", spell
        span = parse(spell("Từ 14h00 ngày 10/4/2026 đến hết ngày 12/4/2026"), context_year=2026)
        assert (span.kind, span.start, span.due) == ("window", dt.date(2026, 4, 10), dt.date(2026, 4, 12)), spell
    found = find_periods("Hội nghị bắt đầu lúc 14 giờ 00, ngày 10/4/2026.", context_year=2026)
    assert [(m.period.due, m.period.time) for m in found] == [(dt.date(2026, 4, 10), dt.time(14, 0))]


def test_an_event_word_is_read_whole() -> None:
    """ "kể từ ngày ký" is an event, not "kể từ" and a day: the lexer tries longer words first."""
    assert parse("Quyết định này có hiệu lực thi hành kể từ ngày ký.", context_year=2020).kind == "event"


def test_event_keeps_the_date_it_mentions_as_a_hint() -> None:
    period = parse("Thực hiện sau khi Nghị quyết được ban hành (trong tháng 7/2018)", context_year=2018)
    assert period.kind == "event"
    assert period.hint is not None and period.hint.due == D(2018, 7, 31)


def test_finite_list_lists_every_due_date() -> None:
    period = parse("ngày 5 và 20/3/2022", context_year=2022)
    assert period.dues_between(D(2022, 1, 1), D(2022, 12, 31)) == [D(2022, 3, 5), D(2022, 3, 20)]


def test_recurring_dues_between() -> None:
    period = parse("Trước ngày 30/6 và 30/11 hàng năm", context_year=2018)
    assert period.dues_between(D(2018, 1, 1), D(2019, 12, 31)) == [
        D(2018, 6, 30), D(2018, 11, 30), D(2019, 6, 30), D(2019, 11, 30)]
    assert period.dues_between(D(2019, 7, 1), D(2019, 7, 31)) == []


@pytest.mark.parametrize("spell", [*VARIANTS, damaged])
@pytest.mark.parametrize(("text", "year", "dues"), [
    ("Trước 30/6 hằng năm; riêng năm 2026 trước 31/8/2026", 2026, [D(2026, 8, 31), D(2027, 6, 30), D(2028, 6, 30)]),
    ("Hằng năm, trước 15/12 (riêng năm 2027 trước ngày 20/12/2027)", 2026,
     [D(2026, 12, 15), D(2027, 12, 20), D(2028, 12, 15)]),
    ("Trước ngày 15/12 hằng năm (riêng năm 2026: trước 31/12)", 2026,
     [D(2026, 12, 31), D(2027, 12, 15), D(2028, 12, 15)]),
    ("Tháng 12 hằng năm (năm 2026: tháng 11)", 2026, [D(2026, 11, 30), D(2027, 12, 31), D(2028, 12, 31)]),
    # (a cycle with more days a year keeps them all, and is not bounded by that year)
    ("Hằng quý (riêng năm 2026 trước 31/12)", 2026, [D(y, m, d) for y in (2026, 2027, 2028)
                                                     for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))]),
])
def test_a_yearly_cycle_keeps_another_day_one_year(spell: Callable[[str], str], text: str, year: int,
                                                   dues: list[dt.date]) -> None:
    period = parse(spell(text), context_year=year)
    assert period.dues_between(D(2026, 1, 1), D(2028, 12, 31)) == dues
    assert period.due == dues[0]
    # (the day moved away is gone whatever the range, and the day instead is there only in its own)
    autumn = (D(2026, 9, 1), D(2026, 12, 31))
    assert period.dues_between(*autumn) == [d for d in dues if autumn[0] <= d <= autumn[1]]


def test_window_and_event_dues_between() -> None:
    assert parse("Quý II/2018", context_year=2018).dues_between(D(2018, 1, 1), D(2018, 12, 31)) == [D(2018, 6, 30)]
    assert parse("Quý II/2018", context_year=2018).dues_between(D(2019, 1, 1), D(2019, 12, 31)) == []
    assert parse("Khi có yêu cầu", context_year=2018).dues_between(D(2000, 1, 1), D(2100, 1, 1)) == []


def test_period_is_immutable() -> None:
    period = parse("Quý II/2018", context_year=2018)
    with pytest.raises(AttributeError):
        period.due = D(2020, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), [
    ("Quý II/2018", "hạn chót 30/06/2018 (cuối quý II/2018)"),
    ("Trước ngày 30/6 và 30/11 hàng năm", "định kỳ hằng năm, vào ngày 30/6 và 30/11; lần đầu 30/06/2018"),
    ("Thường xuyên", "thực hiện thường xuyên, không có hạn chót"),
    ("30/9/2018", "hạn chót 30/09/2018"),
    ("Mùng 6 Tết", "hạn chót 21/02/2018 (ngày 6/1 âm lịch)"),  # (a lunar day says which it is)
    ("Hằng quý (trừ quý I)", "định kỳ hằng quý, trừ quý I, vào ngày cuối quý; lần đầu 30/06/2018"),
    ("Thứ Hai hằng tuần (trừ tháng 7, 8)", "định kỳ thứ Hai hằng tuần, trừ tháng 7 và 8; lần đầu 01/01/2018"),
    ("Trước 30/6 hằng năm; riêng năm 2018 trước 31/8/2018",
     "định kỳ hằng năm, vào ngày 30/6; riêng năm 2018 vào ngày 31/08/2018; lần đầu 31/08/2018"),
    ("Trước tháng 9/2018", "hạn chót 31/08/2018 (trước tháng 9/2018)"),
    ("Hằng tháng, từ tháng 3 đến tháng 10", "định kỳ hằng tháng, vào ngày cuối tháng; lần đầu 31/03/2018, "
                                            "lần cuối 31/10/2018"),
    ("Tháng 12/2018 (sơ kết 6 tháng, tổng kết năm)", "hạn chót 31/12/2018"),  # a cycle bounded to one day
    ("Trong 30 ngày kể từ ngày 01/7/2018", "hạn chót 31/07/2018 (trong 30 ngày kể từ ngày 1/7/2018)"),
    ("Trong 15 ngày làm việc kể từ ngày 01/7/2018",
     "hạn chót ngày làm việc thứ 15 sau 01/07/2018 (trong 15 ngày làm việc kể từ ngày 1/7/2018)"),
    ("Trong 05 ngày làm việc đầu tháng", "định kỳ ngày làm việc thứ 5 của tháng, hằng tháng"),
])
def test_description(text: str, expected: str) -> None:
    assert parse(text, context_year=2018).describe() == expected


def test_errors_are_period_errors_and_value_errors() -> None:
    with pytest.raises(ValueError):
        parse("Tháng 13/2018", context_year=2018)
    with pytest.raises(PeriodError):
        parse("không có gì", context_year=2018)


def test_a_year_before_a_colon_gives_its_year_to_the_days_after_it() -> None:
    period = parse("Năm 2025: trước 30/6; năm 2026: trước 30/6", context_year=2025)
    assert period.kind == "recurring"
    assert period.dates == (D(2025, 6, 30), D(2026, 6, 30))
    assert period.dues_between(D(2025, 1, 1), D(2026, 12, 31)) == [D(2025, 6, 30), D(2026, 6, 30)]


def test_a_time_falls_due_in_each_of_the_years_listed_after_it() -> None:
    period = parse("Quý III các năm 2026 - 2030", context_year=2025)
    assert period.dates == tuple(D(y, 9, 30) for y in range(2026, 2031))
    assert period.dues_between(D(2025, 1, 1), D(2031, 12, 31)) == list(period.dates)
    assert parse("Trước ngày 31/3 các năm 2026, 2028", context_year=2025).dates == (D(2026, 3, 31), D(2028, 3, 31))
    assert parse("Tháng 3 và tháng 9 các năm 2026-2027", context_year=2025).dates == (
        D(2026, 3, 31), D(2026, 9, 30), D(2027, 3, 31), D(2027, 9, 30))


def test_lunar_days_of_each_lunar_month_are_listed() -> None:
    period = parse("Mùng 1 và rằm hằng tháng", context_year=2025)
    # (2025 has a leap sixth month: its full moon on 8 August; Tết on 29 January)
    assert period.dues_between(D(2025, 1, 1), D(2025, 3, 1)) == [
        D(2025, 1, 14), D(2025, 1, 29), D(2025, 2, 12), D(2025, 2, 28)]
    assert D(2025, 8, 8) in period.dates and D(2026, 2, 17) in period.dates
    assert period.describe().startswith("định kỳ hằng tháng âm lịch, mùng 1 và rằm; lần đầu 14/01/2025")
    found = find_periods("Bố trí lực lượng bảo vệ vào mùng 1 và rằm hằng tháng.", context_year=2025)
    assert [(m.action, m.period.due) for m in found] == [("Bố trí lực lượng bảo vệ", D(2025, 1, 14))]


def test_a_bounded_cycle_of_years_counts_from_its_first_year() -> None:
    period = parse("Giai đoạn 2026-2030 (định kỳ 02 năm/lần)", context_year=2025)
    assert period.dues_between(D(2025, 1, 1), D(2031, 12, 31)) == [D(2026, 12, 31), D(2028, 12, 31), D(2030, 12, 31)]


def test_a_cycle_of_years_falls_due_in_the_years_it_names() -> None:
    period = parse("Định kỳ 3 năm một lần (năm 2026, 2029)", context_year=2025)
    assert period.dates == (D(2026, 12, 31), D(2029, 12, 31))
    assert period.dues_between(D(2025, 1, 1), D(2030, 12, 31)) == [D(2026, 12, 31), D(2029, 12, 31)]
    assert parse("Định kỳ 2 năm, trước ngày 15/6 và 15/12 (năm 2026, 2028)", context_year=2025).dates == (
        D(2026, 6, 15), D(2026, 12, 15), D(2028, 6, 15), D(2028, 12, 15))


def test_each_numbered_phase_falls_due() -> None:
    p = parse("Giai đoạn 1: 2026 - 2027; giai đoạn 2: 2028 - 2030", context_year=2026)
    assert p.dates == (D(2027, 12, 31), D(2030, 12, 31))
    assert parse("Giai đoạn I (2026 - 2027)", context_year=2026).due == D(2027, 12, 31)


def test_a_cycle_of_two_months_says_so() -> None:
    """ "2 tháng 1 lần" is described as such, not as six yearly days."""
    described = parse("02 tháng 01 lần", context_year=2022).describe()
    assert described.startswith("định kỳ 2 tháng một lần, vào ngày cuối các tháng 2, 4, 6, 8, 10 và 12")
