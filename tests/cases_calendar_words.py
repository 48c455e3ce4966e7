"""Period texts of the families beyond the seeds: months in words and roman numerals, weekdays
and weeks of a month, working days, open starts, school terms, the figures a report covers.

Data only: `test_periods_families` reads each case and checks it in every spelling.
"""

from __future__ import annotations

import datetime as dt

D = dt.date

# text, plan year, kind, start, due, rrule
CASES: list[tuple[str, int, str, dt.date | None, dt.date | None, str | None]] = [
    # ISO dates; "tháng 5-12" is a range of months, not a year cut short
    ("Từ 2024-03-05 đến 2024-03-10", 2024, "window", D(2024, 3, 5), D(2024, 3, 10), None),
    ("Tháng 5-12", 2023, "window", D(2023, 5, 1), D(2023, 12, 31), None),
    # months in roman numerals
    ("Tháng VI/2022", 2022, "window", D(2022, 6, 1), D(2022, 6, 30), None),
    ("tháng XII", 2021, "window", D(2021, 12, 1), D(2021, 12, 31), None),
    ("Tháng VI - Tháng IX/2022", 2022, "window", D(2022, 6, 1), D(2022, 9, 30), None),
    ("trong tháng IV năm 2023", 2023, "window", D(2023, 4, 1), D(2023, 4, 30), None),
    # solar months in words; the short words only before a year
    ("tháng Mười Hai", 2021, "window", D(2021, 12, 1), D(2021, 12, 31), None),
    ("Tháng Mười năm 2021", 2021, "window", D(2021, 10, 1), D(2021, 10, 31), None),
    ("trong tháng Mười Một/2020", 2020, "window", D(2020, 11, 1), D(2020, 11, 30), None),
    ("tháng Năm năm 2021", 2021, "window", D(2021, 5, 1), D(2021, 5, 31), None),
    ("tháng Sáu năm sau", 2021, "window", D(2022, 6, 1), D(2022, 6, 30), None),
    ("tháng Một năm 2022", 2022, "window", D(2022, 1, 1), D(2022, 1, 31), None),
    ("ngày 15 tháng Tám năm 2021", 2021, "deadline", None, D(2021, 8, 15), None),
    # lunar months by name: "tháng Chạp" is the one before this year's Tết
    ("Tháng Giêng năm 2022", 2022, "window", D(2022, 2, 1), D(2022, 3, 2), None),
    ("trong tháng Chạp", 2021, "window", D(2021, 1, 13), D(2021, 2, 11), None),
    ("ngày 15 tháng Bảy âm lịch", 2021, "deadline", None, D(2021, 8, 22), None),
    ("cuối tháng Chạp", 2021, "window", D(2021, 2, 2), D(2021, 2, 11), None),  # its last 10 days
    ("đầu tháng VI/2022", 2022, "window", D(2022, 6, 1), D(2022, 6, 10), None),
    # the n-th weekday of each month, or of one month
    ("Thứ Hai đầu tiên của tháng", 2021, "recurring", None, D(2021, 1, 4), "FREQ=MONTHLY;BYDAY=1MO"),
    ("thứ Năm tuần thứ 2 hằng tháng", 2021, "recurring", None, D(2021, 1, 14), "FREQ=MONTHLY;BYDAY=2TH"),
    ("họp vào thứ Sáu cuối cùng của mỗi tháng", 2021, "recurring", None, D(2021, 1, 29),
     "FREQ=MONTHLY;BYDAY=-1FR"),
    ("thứ 6 tuần cuối cùng của tháng", 2021, "recurring", None, D(2021, 1, 29), "FREQ=MONTHLY;BYDAY=-1FR"),
    ("Chủ nhật thứ ba hằng tháng", 2021, "recurring", None, D(2021, 1, 17), "FREQ=MONTHLY;BYDAY=3SU"),
    ("Thứ Hai đầu tiên của tháng 3/2022", 2022, "deadline", None, D(2022, 3, 7), None),
    ("thứ Hai tuần đầu tiên của tháng 10/2021", 2021, "deadline", None, D(2021, 10, 4), None),
    ("Thứ Sáu cuối cùng của tháng 12", 2021, "deadline", None, D(2021, 12, 31), None),
    # a week of each month falls due on its last day
    ("tuần đầu tiên của tháng", 2021, "recurring", None, D(2021, 1, 7), "FREQ=MONTHLY;BYMONTHDAY=7"),
    ("Tuần lễ thứ 2 hằng tháng", 2021, "recurring", None, D(2021, 1, 14), "FREQ=MONTHLY;BYMONTHDAY=14"),
    ("tuần cuối mỗi tháng", 2021, "recurring", None, D(2021, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    # the first or last day of each month, quarter or year, or of one; "những ngày cuối" is a part
    ("Ngày cuối cùng của tháng", 2024, "recurring", None, D(2024, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Ngày cuối quý", 2024, "recurring", None, D(2024, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Ngày đầu tiên của mỗi quý", 2024, "recurring", None, D(2024, 1, 1), "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1"),
    ("ngày cuối cùng của năm", 2024, "recurring", None, D(2024, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("ngày cuối tháng 6/2024", 2024, "deadline", None, D(2024, 6, 30), None),
    ("ngày cuối cùng của quý III/2024", 2024, "deadline", None, D(2024, 9, 30), None),
    ("những ngày cuối tháng 6/2024", 2024, "window", D(2024, 6, 21), D(2024, 6, 30), None),
    ("Trong những ngày cuối năm", 2024, "window", D(2024, 10, 1), D(2024, 12, 31), None),
    # a part of a month or quarter with no number: of each one, unless the cell names another time
    ("Cuối quý", 2024, "recurring", None, D(2024, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Cuối quý hằng năm", 2024, "recurring", None, D(2024, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("định kỳ giữa tháng", 2024, "recurring", None, D(2024, 1, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Tháng 6 (cuối quý)", 2024, "window", D(2024, 6, 1), D(2024, 6, 30), None),
    ("đầu tháng hai năm 2021", 2021, "window", D(2021, 2, 1), D(2021, 2, 10), None),
    # a week of each quarter or year; the first or last month of a year
    ("Vào tuần đầu tiên của mỗi quý", 2024, "recurring", None, D(2024, 1, 7),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=7"),
    ("Tuần cuối cùng của mỗi năm", 2024, "recurring", None, D(2024, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("tuần thứ 5 hằng tháng", 2024, "recurring", None, D(2024, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("tuần thứ 5 của mỗi quý", 2024, "recurring", None, D(2024, 2, 4),
     "FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=4,5;BYSETPOS=1,4,5,7"),
    ("Trước ngày 10 của tháng đầu năm sau", 2024, "deadline", None, D(2025, 1, 10), None),
    ("Tháng cuối năm 2024", 2024, "window", D(2024, 12, 1), D(2024, 12, 31), None),
    ("Những tháng cuối năm 2024", 2024, "window", D(2024, 10, 1), D(2024, 12, 31), None),
    # some days after each period ends: a day of the next one; working days are counted by the planner
    ("Trong 15 ngày sau khi kết thúc năm", 2024, "recurring", None, D(2024, 1, 15),
     "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
    ("trong 30 ngày sau khi kết thúc quý", 2024, "recurring", None, D(2024, 1, 30),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=30"),
    ("Trong vòng 10 ngày kể từ khi kết thúc tháng", 2024, "recurring", None, D(2024, 1, 10),
     "FREQ=MONTHLY;BYMONTHDAY=10"),
    ("Báo cáo 6 tháng trong 10 ngày sau khi kết thúc 6 tháng", 2024, "recurring", None, D(2024, 1, 10),
     "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=10"),
    # 60 days after 31/12 is 1/3, or 29/2 in a leap year: the year's end, and the days after it
    ("trong 60 ngày sau khi kết thúc năm", 2024, "recurring", None, D(2024, 2, 29),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("chậm nhất 90 ngày kể từ ngày kết thúc năm", 2025, "recurring", None, D(2025, 3, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("trong 30 ngày sau khi kết thúc tháng", 2025, "recurring", None, D(2025, 1, 30), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Chậm nhất 05 ngày làm việc sau khi kết thúc quý", 2024, "recurring", None, D(2024, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    # the wording of Nghị định 09/2019/NĐ-CP on periodic reports
    ("Thời gian chốt số liệu từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo; thời hạn gửi báo "
     "cáo chậm nhất ngày 20 của tháng thuộc kỳ báo cáo", 2024, "recurring", None, D(2024, 1, 20),
     "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Báo cáo quý gửi chậm nhất ngày 20 của tháng cuối quý thuộc kỳ báo cáo", 2024, "recurring", None,
     D(2024, 3, 20), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
    # every working day: Monday to Friday (the planner moves a holiday's one to the next working day)
    ("Mỗi ngày làm việc", 2024, "recurring", None, D(2024, 1, 1), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("Thứ 2, thứ 4, thứ 6 hằng tuần", 2024, "recurring", None, D(2024, 1, 1), "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    # "năm liền kề", "năm liền sau": the next year
    ("Trước ngày 15/01 của năm liền kề", 2024, "deadline", None, D(2025, 1, 15), None),
    ("Tháng 01 năm liền sau", 2024, "window", D(2025, 1, 1), D(2025, 1, 31), None),
    # 29 February comes back every fourth year
    ("29/2 hằng năm", 2021, "recurring", None, D(2024, 2, 29), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
    # several weeks of one month
    ("Tuần 1, 2 tháng 6/2024", 2024, "window", D(2024, 6, 1), D(2024, 6, 14), None),
    ("tuần 3 và tuần 4 tháng 6/2024", 2024, "window", D(2024, 6, 15), D(2024, 6, 28), None),
    ("Tuần 2, tháng 8/2024", 2024, "window", D(2024, 8, 8), D(2024, 8, 14), None),  # a comma before the month
    ("Từ tuần 2 đến tuần 4 tháng 8/2024", 2024, "window", D(2024, 8, 8), D(2024, 8, 28), None),
    ("Từ tuần 2 tháng 8/2024", 2024, "continuous", D(2024, 8, 8), None, None),
    # working days: the month's first or last day, which the planner moves by the real calendar
    ("ngày làm việc cuối cùng của tháng", 2021, "recurring", None, D(2021, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("ngày làm việc đầu tiên hằng tháng", 2021, "recurring", None, D(2021, 1, 1), "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("ngày làm việc cuối cùng của năm", 2021, "recurring", None, D(2021, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("ngày làm việc cuối cùng của quý", 2021, "recurring", None, D(2021, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Ngày làm việc cuối cùng của tháng 4/2021", 2021, "deadline", None, D(2021, 4, 30), None),
    ("ngày làm việc cuối cùng của tháng Mười năm 2021", 2021, "deadline", None, D(2021, 10, 31), None),
    ("Ngày làm việc đầu tiên của năm 2022", 2022, "deadline", None, D(2022, 1, 1), None),
    # after a time: from the next day on, with no end
    ("Sau tháng 9/2021", 2021, "continuous", D(2021, 10, 1), None, None),
    ("sau ngày 15/10/2021", 2021, "continuous", D(2021, 10, 16), None, None),
    ("Sau quý II/2021", 2021, "continuous", D(2021, 7, 1), None, None),
    ("Sau năm 2025", 2021, "continuous", D(2026, 1, 1), None, None),
    ("sau 30 ngày kể từ ngày ký", 2021, "event", None, None, None),
    # a time and "the following years": again each year (a year itself goes on: continuous)
    ("Trước 31/12/2020 và các năm tiếp theo", 2020, "recurring", D(2020, 1, 1), D(2020, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Quý I/2021 và các năm tiếp theo", 2021, "recurring", D(2021, 1, 1), D(2021, 3, 31),
     "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1"),
    ("trước tháng 6/2021 và những năm sau", 2021, "recurring", D(2021, 1, 1), D(2021, 5, 31),
     "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=-1"),
    ("ngày 15/3/2021 và các tháng tiếp theo", 2021, "recurring", D(2021, 3, 1), D(2021, 3, 15),
     "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("năm 2015 và những năm tiếp theo", 2015, "continuous", D(2015, 1, 1), None, None),
    ("6 tháng đầu năm 2025 và các năm tiếp theo", 2025, "recurring", D(2025, 1, 1), D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1"),
    ("Trước ngày 30/6/2024 và trước ngày 30/6 các năm tiếp theo", 2024, "recurring", D(2024, 1, 1),
     D(2024, 6, 30), "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30"),
    # a time and a cycle joined: the cycle from that time on; not across clauses
    ("Quý II/2024 và định kỳ hằng quý", 2024, "recurring", D(2024, 4, 1), D(2024, 6, 30),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("ngày 15/6/2024 và hằng tháng", 2024, "recurring", D(2024, 6, 1), D(2024, 6, 15), "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("hàng tháng báo cáo tiến độ; kiểm tra trong quý III/2024", 2024, "recurring", None, D(2024, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1"),
    # a day named by an event, not by a date
    ("Từ ngày Nghị quyết có hiệu lực", 2025, "event", None, None, None),
    ("Từ ngày mùng 10 tháng Giêng", 2025, "continuous", D(2025, 2, 7), None, None),
    ("Năm 2024, các năm tiếp theo thực hiện thường xuyên", 2024, "continuous", D(2024, 1, 1), None, None),
    # all through the plan's own period; a length of time with nothing to count from
    ("Trong cả giai đoạn", 2024, "continuous", None, None, None),
    ("Thời gian thực hiện: 12 tháng", 2024, "event", None, None, None),
    ("quý I năm 2022 và quý I các năm tiếp theo", 2022, "recurring", D(2022, 1, 1), D(2022, 3, 31),
     "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1"),
    ("Tháng 6/2022 và tháng 12/2022 và các năm tiếp theo", 2022, "recurring", D(2022, 1, 1), D(2022, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    # "sau" beside another time only says when the work may start; "trước, trong và sau" is no start
    ("Trước ngày 30/01/2023 (sau Tết Nguyên đán)", 2023, "deadline", None, D(2023, 1, 30), None),
    ("Trước, trong và sau Tết Nguyên đán Quý Mão 2023", 2023, "deadline", None, D(2023, 1, 22), None),
    # thượng/trung/hạ tuần: the first, middle and last ten days
    ("Thượng tuần tháng 7/2023", 2023, "window", D(2023, 7, 1), D(2023, 7, 10), None),
    ("Trung tuần tháng 6/2023", 2023, "window", D(2023, 6, 11), D(2023, 6, 20), None),
    ("hạ tuần tháng 8", 2023, "window", D(2023, 8, 21), D(2023, 8, 31), None),
    # a day of several months; a day of each quarter beside a day of the year
    ("Trước ngày 20 các tháng 3, 6, 9, 12 hằng năm", 2023, "recurring", None, D(2023, 3, 20),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
    ("Trước ngày 25 tháng cuối quý và trước ngày 15/12 hằng năm", 2023, "recurring", None, D(2023, 3, 25),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15,25;BYSETPOS=2,4,6,7,8"),
    # days of each month beside days of another cycle: every one of them
    ("Báo cáo tháng: trước ngày 20 hằng tháng; báo cáo quý: trước ngày 20 của tháng cuối quý; "
     "báo cáo năm: trước 15/12", 2024, "recurring", None, D(2024, 1, 20),
     "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=15,20;BYSETPOS=2,4,6,8,10,12,14,16,18,20,22,23,24"),
    ("Hằng tháng (trước ngày 25) và hằng năm (trước ngày 15/12)", 2024, "recurring", None, D(2024, 1, 25),
     "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=15,25;BYSETPOS=2,4,6,8,10,12,14,16,18,20,22,23,24"),
    # the figures a report covers are no deadline; "cập nhật số liệu trước 30/6" still is one
    ("Trước ngày 20/12/2024 (số liệu tính đến 15/12/2024)", 2024, "deadline", None, D(2024, 12, 20), None),
    ("Trước 15/12 hằng năm (số liệu tính đến 30/11)", 2024, "recurring", None, D(2024, 12, 15),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    ("Hằng quý, trước ngày 20 của tháng cuối quý (số liệu tính từ ngày 15 tháng trước đến ngày 14 của tháng "
     "cuối quý)", 2024, "recurring", None, D(2024, 3, 20), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"),
    ("Chốt số liệu ngày 30/11/2024, báo cáo trước 15/12/2024", 2024, "deadline", None, D(2024, 12, 15), None),
    ("Gửi trước ngày 10/01/2025 (kỳ báo cáo năm 2024)", 2024, "deadline", None, D(2025, 1, 10), None),
    ("Cập nhật số liệu trước 30/6/2024", 2024, "deadline", None, D(2024, 6, 30), None),
    # school terms: the first ends on 15 January, the second runs to the end of May
    ("Học kỳ I năm học 2023-2024", 2023, "window", D(2023, 9, 1), D(2024, 1, 15), None),
    ("học kỳ 2, năm học 2023 - 2024", 2023, "window", D(2024, 1, 16), D(2024, 5, 31), None),
    ("Trước ngày khai giảng năm học 2024 - 2025", 2024, "deadline", None, D(2024, 9, 5), None),
    ("Kết thúc năm học 2024-2025", 2024, "deadline", None, D(2025, 5, 31), None),
    # "Cách mạng tháng Tám" is a name, not August
    ("Kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9", 2025, "deadline", None, D(2025, 9, 2), None),
    # an anniversary's span runs from the day remembered: the anniversary is the day (or year) it names
    ("Kỷ niệm 95 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2025)", 2026, "deadline", None, D(2025, 2, 3), None),
    ("Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)", 2026, "deadline", None,
     D(2025, 5, 19), None),
    ("Dịp kỷ niệm 80 năm Ngày Quốc khánh (02/9/1945 - 02/9/2025)", 2026, "deadline", None, D(2025, 9, 2), None),
    ("Kỷ niệm 80 năm Quốc khánh 2/9 (1945-2025)", 2026, "deadline", None, D(2025, 9, 2), None),
    ("Chào mừng 70 năm Chiến thắng Điện Biên Phủ (1954 - 2024)", 2026, "deadline", None, D(2024, 5, 7), None),
    ("Kỷ niệm 30 năm thành lập tỉnh (1995 - 2025)", 2026, "window", D(2025, 1, 1), D(2025, 12, 31), None),
    ("Từ 01/01/2021 đến 01/01/2026", 2026, "window", D(2021, 1, 1), D(2026, 1, 1), None),  # (no anniversary)
    ("Tổ chức giai đoạn 2016 - 2026 (10 năm)", 2026, "window", D(2016, 1, 1), D(2026, 12, 31), None),
    ("Ngày 2/9 (năm 2025)", 2026, "deadline", None, D(2025, 9, 2), None),  # (a year in a note dates the day)
    # days counted before or after a time, ahead of it at the head of the cell
    ("30 ngày trước ngày 01/7/2026", 2026, "deadline", None, D(2026, 6, 1), None),
    ("Chậm nhất 30 ngày trước ngày 01/7/2026", 2026, "deadline", None, D(2026, 6, 1), None),
    ("Trong 15 ngày sau ngày 01/7/2026", 2026, "deadline", None, D(2026, 7, 16), None),
    ("Chậm nhất 10 ngày sau khi kết thúc Quý III/2026", 2026, "deadline", None, D(2026, 10, 10), None),
    ("15 ngày trước Tết Nguyên đán", 2026, "deadline", None, D(2026, 2, 2), None),
    ("Sau khi kết thúc Quý III/2026", 2026, "continuous", D(2026, 10, 1), None, None),
    ("Tập huấn 3 ngày trước ngày 01/7/2026", 2026, "deadline", None, D(2026, 7, 1), None),  # (three days long)
    # a weekday before a date only names it: "từ thứ Hai 16/3 đến thứ Sáu 20/3" is one range of days
    ("Từ thứ Hai 16/3 đến thứ Sáu 20/3/2026", 2026, "window", D(2026, 3, 16), D(2026, 3, 20), None),
    ("Thứ Hai, 16/3/2026 - Thứ Sáu, 20/3/2026", 2026, "window", D(2026, 3, 16), D(2026, 3, 20), None),
    ("Từ thứ Hai, ngày 16/3/2026 đến thứ Sáu, ngày 20/3/2026", 2026, "window", D(2026, 3, 16), D(2026, 3, 20), None),
    # a time in parentheses that only spans the one before it adds nothing
    ("Quý II/2023 (trình HĐND tỉnh tại kỳ họp giữa năm)", 2023, "window", D(2023, 4, 1), D(2023, 6, 30), None),
    ("Tháng 12/2023 (kỳ họp cuối năm)", 2023, "window", D(2023, 12, 1), D(2023, 12, 31), None),
    # "hết …": by the end of it
    ("Hết quý III/2022", 2022, "deadline", None, D(2022, 9, 30), None),
    ("hết năm 2022", 2022, "deadline", None, D(2022, 12, 31), None),
    ("Từ nay đến hết năm", 2023, "deadline", None, D(2023, 12, 31), None),
    # so many months in words: "sáu tháng đầu năm" is the first half, not January
    ("Sáu tháng đầu năm 2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    ("báo cáo chín tháng đầu năm 2025", 2025, "window", D(2025, 1, 1), D(2025, 9, 30), None),
    ("Ba tháng đầu năm 2025", 2025, "window", D(2025, 1, 1), D(2025, 3, 31), None),
    ("định kỳ sáu tháng", 2024, "recurring", None, D(2024, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    # days after one half of the year ends: that half only
    ("45 ngày kể từ ngày kết thúc 6 tháng đầu năm", 2024, "recurring", None, D(2024, 8, 14),
     "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=14"),
    ("chậm nhất 30 ngày sau khi kết thúc sáu tháng cuối năm", 2024, "recurring", None, D(2024, 1, 30),
     "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=30"),
    ("trong 15 ngày kể từ ngày kết thúc 6 tháng", 2024, "recurring", None, D(2024, 1, 15),
     "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=15"),
    # a time limit with no day it counts from waits for that day
    ("Chậm nhất 05 ngày làm việc", 2024, "event", None, None, None),
    ("Không quá 10 ngày", 2024, "event", None, None, None),
    ("Q.II/2025", 2025, "window", D(2025, 4, 1), D(2025, 6, 30), None),
    # a bare number beside a month is a month too
    ("8-12/2025", 2025, "window", D(2025, 8, 1), D(2025, 12, 31), None),
    ("5, 6/2025", 2025, "window", D(2025, 5, 1), D(2025, 6, 30), None),
    # the reports of a reporting regime: each half-year and year ("báo cáo 6" is no document number)
    ("6 tháng, năm", 2025, "recurring", None, D(2025, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Báo cáo 6 tháng và năm", 2025, "recurring", None, D(2025, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("báo cáo 6 tháng, năm: trước 15/6 và 15/12", 2025, "recurring", None, D(2025, 6, 15),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15"),
    ("6 tháng, năm 2025", 2025, "window", D(2025, 1, 1), D(2025, 12, 31), None),
    ("Quanh năm", 2025, "window", D(2025, 1, 1), D(2025, 12, 31), None),
    # a day with a dash or a dot right after a time word ("30-6" alone may be a range)
    ("trước 30-6", 2025, "deadline", None, D(2025, 6, 30), None),
    ("Chậm nhất 15.8 năm 2025", 2025, "deadline", None, D(2025, 8, 15), None),
    ("đến hết 31-12", 2025, "deadline", None, D(2025, 12, 31), None),
    # a range in a cycle falls due at its end
    ("Từ ngày 10/11 đến ngày 10/12 hằng năm", 2025, "recurring", None, D(2025, 12, 10),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10"),
    ("Từ ngày 10 đến ngày 20 hằng tháng", 2025, "recurring", None, D(2025, 1, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    # "của tháng" right after a day, with nothing saying which month: each month
    ("Trước ngày 25 của tháng", 2025, "recurring", None, D(2025, 1, 25), "FREQ=MONTHLY;BYMONTHDAY=25"),
    ("ngày 20 của tháng báo cáo", 2025, "recurring", None, D(2025, 1, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    # so many days at one end of a month or quarter
    ("15 ngày đầu tháng 7/2025", 2025, "window", D(2025, 7, 1), D(2025, 7, 15), None),
    ("Hai tuần đầu tháng 6/2025", 2025, "window", D(2025, 6, 1), D(2025, 6, 14), None),  # (weeks of days)
    ("02 tuần cuối quý III/2025", 2025, "window", D(2025, 9, 17), D(2025, 9, 30), None),
    ("10 ngày cuối quý IV/2025", 2025, "window", D(2025, 12, 22), D(2025, 12, 31), None),
    ("15 ngày đầu tháng 7 hằng năm", 2025, "recurring", None, D(2025, 7, 15), "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=15"),
    # a part of the year in parentheses belongs to the year before it
    ("Năm 2025 (cuối năm)", 2025, "window", D(2025, 10, 1), D(2025, 12, 31), None),
    # a time with no year in a parenthesis after a dated one: a note, unless it falls inside it
    ("Quý II/2023 (trình HĐND tỉnh tại kỳ họp giữa năm)", 2025, "window", D(2023, 4, 1), D(2023, 6, 30), None),
    ("Tháng 3/2025 (trình HĐND tỉnh tại kỳ họp thường lệ giữa năm)", 2025, "window", D(2025, 3, 1),
     D(2025, 3, 31), None),
    ("Quý III/2020 (trước ngày 15/9)", 2025, "window", D(2020, 7, 1), D(2020, 9, 15), None),
    # so many rounds a year; a session of the council with no date is an event
    ("2 đợt/năm", 2025, "recurring", None, D(2025, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Trước kỳ họp thứ 10 HĐND tỉnh", 2025, "event", None, None, None),
    # New Year's Day: the one that ends the plan's year; "trước" it is its eve
    ("Trước Tết Dương lịch", 2025, "deadline", None, D(2025, 12, 31), None),
    ("Tết Dương lịch 2026", 2025, "deadline", None, D(2026, 1, 1), None),
    # a week of the year (ISO 8601: Monday to Sunday; week 1 holds the year's first Thursday)
    ("Tuần 50/2025", 2025, "window", D(2025, 12, 8), D(2025, 12, 14), None),
    ("tuần thứ 1 năm 2026", 2025, "window", D(2025, 12, 29), D(2026, 1, 4), None),
    # days and months the state names
    ("Hưởng ứng Ngày Pháp luật Việt Nam", 2025, "deadline", None, D(2025, 11, 9), None),
    ("Trước Ngày Nhà giáo Việt Nam năm 2025", 2025, "deadline", None, D(2025, 11, 20), None),
    ("Dịp Quốc khánh", 2025, "deadline", None, D(2025, 9, 2), None),
    ("Tháng hành động vì trẻ em", 2025, "window", D(2025, 6, 1), D(2025, 6, 30), None),
    ("Hằng năm, hưởng ứng Ngày Pháp luật Việt Nam", 2025, "recurring", None, D(2025, 11, 9),
     "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=9"),
    ("Ngày hội Quốc phòng toàn dân", 2025, "deadline", None, D(2025, 12, 22), None),
    ("Trước Ngày truyền thống Công an nhân dân", 2025, "deadline", None, D(2025, 8, 19), None),
    ("Ngày truyền thống ngành Nội vụ", 2025, "deadline", None, D(2025, 8, 28), None),
    ("Ngày Quốc tế Người khuyết tật (3/12)", 2025, "deadline", None, D(2025, 12, 3), None),
    ("Ngày Người khuyết tật Việt Nam", 2025, "deadline", None, D(2025, 4, 18), None),
    ("Ngày Thế giới phòng, chống AIDS năm 2025", 2025, "deadline", None, D(2025, 12, 1), None),
    ("Ngày Sức khỏe toàn dân", 2025, "deadline", None, D(2025, 4, 7), None),
    ("Hằng năm, Ngày Đổi mới sáng tạo Việt Nam", 2025, "recurring", None, D(2025, 10, 1),
     "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1"),
    ("Ngày Du lịch Việt Nam", 2025, "deadline", None, D(2025, 7, 9), None),
    ("Ngày Quốc tế Hạnh phúc", 2025, "deadline", None, D(2025, 3, 20), None),
    # the first or last week of a year: its first or last seven days, as with a month's
    ("Tuần cuối năm 2025", 2025, "window", D(2025, 12, 25), D(2025, 12, 31), None),
    ("tuần đầu tiên của năm sau", 2025, "window", D(2026, 1, 1), D(2026, 1, 7), None),
    ("Tổng kết vào tuần cuối cùng của năm", 2025, "window", D(2025, 12, 25), D(2025, 12, 31), None),
    # the period a report covers is not its deadline; alone in a cell it is all there is
    ("Báo cáo quý I/2025 trước ngày 15/3/2025", 2025, "deadline", None, D(2025, 3, 15), None),
    ("Báo cáo 6 tháng đầu năm 2025", 2025, "window", D(2025, 1, 1), D(2025, 6, 30), None),
    ("trước 30-6, 30-12 hằng năm", 2025, "recurring", None, D(2025, 6, 30), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=30"),
    # a cycle written "quý/lần", and the reports of a regime named without "hằng"
    ("quý/lần", 2025, "recurring", None, D(2025, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Báo cáo tháng, quý, năm", 2025, "recurring", None, D(2025, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("quý và năm", 2025, "recurring", None, D(2025, 3, 31), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    # the months of the rounds of a yearly cycle, even apart from it
    ("02 đợt/năm (đợt 1: tháng 3-4; đợt 2: tháng 9-10)", 2025, "recurring", None, D(2025, 4, 30),
     "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1"),
    # months or quarters only bound a cycle as short as they are
    ("Hằng tháng, từ tháng 3", 2025, "recurring", D(2025, 3, 1), D(2025, 3, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Hằng tháng, từ tháng 3 đến tháng 10", 2025, "recurring", D(2025, 3, 1), D(2025, 3, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20251031"),
    ("Hằng quý, từ quý II", 2025, "recurring", D(2025, 4, 1), D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("Mỗi tháng 1 chuyên mục; tháng 01 - tháng 12", 2025, "recurring", None, D(2025, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1"),
    # a week of the month just named, in its parenthesis
    ("Tháng 7/2025 (tuần 2)", 2025, "window", D(2025, 7, 8), D(2025, 7, 14), None),
    ("Tháng 7/2025 (tuần cuối)", 2025, "window", D(2025, 7, 25), D(2025, 7, 31), None),
    # a duration after "thời gian" waits for its event; a date or a cycle after it does not
    ("Thời gian thực hiện: 15 ngày", 2025, "event", None, None, None),
    ("Thời gian: 15 tháng 6, 2025", 2025, "deadline", None, D(2025, 6, 15), None),
    # the first or last quarter of a year
    ("quý đầu tiên của năm 2026", 2025, "window", D(2026, 1, 1), D(2026, 3, 31), None),
    ("Quý cuối cùng của năm 2025", 2025, "window", D(2025, 10, 1), D(2025, 12, 31), None),
    # halves: of a month at its 15th, of a quarter at its middle month's 15th, of a year at June;
    # "nửa tháng" of a quarter is fifteen days
    ("Nửa đầu tháng 6/2026", 2025, "window", D(2026, 6, 1), D(2026, 6, 15), None),
    ("nửa cuối tháng 2/2026", 2025, "window", D(2026, 2, 16), D(2026, 2, 28), None),
    ("Nửa sau tháng 6", 2025, "window", D(2025, 6, 16), D(2025, 6, 30), None),
    ("Nửa tháng đầu tháng 6/2026", 2025, "window", D(2026, 6, 1), D(2026, 6, 15), None),
    ("Nửa đầu quý III/2026", 2025, "window", D(2026, 7, 1), D(2026, 8, 15), None),
    ("Nửa tháng cuối quý IV/2026", 2025, "window", D(2026, 12, 17), D(2026, 12, 31), None),
    ("Nửa sau năm 2026", 2025, "window", D(2026, 7, 1), D(2026, 12, 31), None),
    ("Trước nửa cuối tháng 6/2026", 2025, "deadline", None, D(2026, 6, 15), None),
    ("Nửa đầu tháng 6 hằng năm", 2025, "recurring", None, D(2025, 6, 15), "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15"),
    # the monthly report of a reporting regime, with a day and no month: that day of each month
    ("Báo cáo tháng trước ngày 20", 2025, "recurring", None, D(2025, 1, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Báo cáo tháng: chậm nhất ngày 25", 2025, "recurring", None, D(2025, 1, 25), "FREQ=MONTHLY;BYMONTHDAY=25"),
    ("Báo cáo tháng trước ngày 20; báo cáo quý trước ngày 20 tháng cuối quý", 2025, "recurring", None,
     D(2025, 1, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Báo cáo tháng trước ngày 20/12/2025", 2025, "deadline", None, D(2025, 12, 20), None),
    # a quarter by its ordinal
    ("Quý thứ ba năm 2026", 2025, "window", D(2026, 7, 1), D(2026, 9, 30), None),
    ("Quý thứ tư/2026", 2025, "window", D(2026, 10, 1), D(2026, 12, 31), None),
    ("Trước quý thứ 2 năm nay", 2025, "deadline", None, D(2025, 3, 31), None),
    # the day of "the month right after": of each month
    ("Trước ngày 05 của tháng liền kề", 2025, "recurring", None, D(2025, 1, 5), "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("Trước ngày 10 tháng tiếp sau", 2025, "recurring", None, D(2025, 1, 10), "FREQ=MONTHLY;BYMONTHDAY=10"),
    ("Trong 10 ngày đầu của tháng sau", 2025, "recurring", None, D(2025, 1, 10), "FREQ=MONTHLY;BYMONTHDAY=10"),
    ("Trong 15 ngày đầu của quý sau", 2025, "recurring", None, D(2025, 1, 15),
     "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15"),
    # typing slips: a slash typed twice, spaced dashes after "ngày", a date written year first with dots
    ("Quý II//2026", 2025, "window", D(2026, 4, 1), D(2026, 6, 30), None),
    ("Tháng 6//2026", 2025, "window", D(2026, 6, 1), D(2026, 6, 30), None),
    ("Ngày 15//6/2026", 2025, "deadline", None, D(2026, 6, 15), None),
    ("Ngày 15 - 6 - 2026", 2025, "deadline", None, D(2026, 6, 15), None),
    ("2026.06.15", 2025, "deadline", None, D(2026, 6, 15), None),
    ("Các ngày 7 - 8 - 9/3/2022", 2022, "window", D(2022, 3, 7), D(2022, 3, 9), None),
    # a cell that opens with "khi" waits for what follows; "căn cứ tình hình" is as things turn out;
    # "Tiếp tục thực hiện" goes on
    ("Khi Trung ương ban hành", 2025, "event", None, None, None),
    ("- Khi UBND tỉnh yêu cầu", 2025, "event", None, None, None),
    ("Căn cứ tình hình thực tế", 2025, "event", None, None, None),
    ("Căn cứ tình hình thực tế, trước 30/6/2026", 2025, "deadline", None, D(2026, 6, 30), None),
    ("Tiếp tục thực hiện", 2025, "continuous", None, None, None),
    # numbered classes, courses, topics: their number is no day of the month after it
    ("Tổ chức 2 lớp: lớp 1 tháng 6/2025, lớp 2 tháng 9/2025", 2025, "recurring", None, D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,9;BYMONTHDAY=-1;UNTIL=20250930"),
    ("Khóa 1 tháng 6/2025", 2025, "window", D(2025, 6, 1), D(2025, 6, 30), None),
    # phases a parenthesis lists inside the year before it: each falls due, in that year
    ("Năm 2026 (Quý I: xây dựng kế hoạch; Quý II-III: triển khai; Quý IV: sơ kết)", 2025, "recurring", None,
     D(2026, 3, 31), None),
    ("Năm 2026 (Quý I)", 2025, "window", D(2026, 1, 1), D(2026, 3, 31), None),
    # a purpose in parentheses carries someone else's deadline; "trước ngày tổ chức …" waits for it
    ("Trước ngày 30/6/2026 (để UBND tỉnh báo cáo Thủ tướng trước ngày 15/7/2026)", 2025, "deadline", None,
     D(2026, 6, 30), None),
    ("Trước ngày tổ chức Hội nghị ít nhất 10 ngày", 2025, "event", None, None, None),
    # so many days before or after a named time, written after it
    ("Trước Tết Nguyên đán 15 ngày", 2025, "deadline", None, D(2025, 1, 14), None),
    ("Trước Tết Nguyên đán ít nhất 10 ngày", 2025, "deadline", None, D(2025, 1, 19), None),
    ("Sau Tết Nguyên đán 10 ngày", 2025, "deadline", None, D(2025, 2, 8), None),
    ("Trước ngày 30/6/2026 10 ngày", 2025, "deadline", None, D(2026, 6, 20), None),
    # from now on: work that goes on, from a day no clock-free reading can name
    ("Từ nay trở đi", 2025, "continuous", None, None, None),
    ("Kể từ nay", 2025, "continuous", None, None, None),
    # a dated time alone on its line gives its year to the lines under it
    ("Năm 2026\nQuý I: xây dựng\nQuý IV: sơ kết", 2025, "recurring", None, D(2026, 3, 31), None),
    ("Năm 2026:\n- Quý I: xây dựng\n- Quý IV: sơ kết", 2025, "recurring", None, D(2026, 3, 31), None),
    ("Năm 2026\nTrước 30/6", 2025, "window", D(2026, 1, 1), D(2026, 6, 30), None),
    # the half-year and year reports of a regime, with days and no year: each year
    ("Báo cáo 6 tháng trước 20/6; báo cáo năm trước 20/12", 2025, "recurring", None, D(2025, 6, 20),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=20"),
    ("Báo cáo năm trước 15/01 năm sau", 2025, "deadline", None, D(2026, 1, 15), None),
    ("Báo cáo năm trước 20/12/2025", 2025, "deadline", None, D(2025, 12, 20), None),
    # the times a note lists inside the year before it are the ones due; a cycle right after a time is its note
    ("Năm 2026: 2 đợt (tháng 4, tháng 10)", 2025, "recurring", None, D(2026, 4, 30),
     "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1;UNTIL=20261031"),
    ("Năm 2026 (quý I, quý II)", 2025, "window", D(2026, 1, 1), D(2026, 6, 30), None),
    ("Tháng 4/2026 hằng năm", 2025, "recurring", D(2026, 1, 1), D(2026, 4, 30), "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=-1"),
    ("Năm 2026 (tháng 4 hằng năm)", 2025, "recurring", D(2026, 1, 1), D(2026, 4, 30),
     "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=-1"),
    # the year a sentence opens with is the year of the times without one after it
    ("Trong năm 2026: tháng 3 ban hành kế hoạch, tháng 6 tổ chức hội nghị.", 2025, "recurring", None,
     D(2026, 3, 31), None),
    ("Năm 2026, tập huấn trong tháng 6; năm 2027 sơ kết trong tháng 3.", 2025, "recurring", None,
     D(2026, 6, 30), None),
    # a day with no month in the note of a month, or after it and a comma, is of that month
    ("Tháng 6/2026 (trước ngày 20)", 2025, "window", D(2026, 6, 1), D(2026, 6, 20), None),
    ("Tháng 6/2026, trước ngày 20", 2025, "window", D(2026, 6, 1), D(2026, 6, 20), None),
    ("Tháng 6 hằng năm (trước ngày 20)", 2025, "recurring", None, D(2025, 6, 20),
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20"),
    # a month of the quarter in the note of that quarter is that month ("Năm 2019 (Quý IV)" likewise)
    ("Quý III năm 2025 (tháng 8)", 2025, "window", D(2025, 8, 1), D(2025, 8, 31), None),
    ("Quý II/2026 (tháng 8)", 2025, "window", D(2026, 4, 1), D(2026, 6, 30), None),
    # a time counted from a day after which the work may start: it goes on from the day after it ends
    ("Sau 30 ngày kể từ ngày 01/7/2026", 2025, "continuous", D(2026, 8, 1), None, None),
    ("Sau 03 tháng kể từ ngày 01/7/2026", 2025, "continuous", D(2026, 10, 2), None, None),
    # a cycle of several years bounded by years counts from its first year, not the plan's
    ("Giai đoạn 2026-2030 (định kỳ 02 năm/lần)", 2025, "recurring", None, D(2026, 12, 31), None),
    ("Hai năm một lần từ năm 2026 đến năm 2030", 2025, "recurring", None, D(2026, 12, 31), None),
    # a cycle named as the other way after the event words is the duty
    ("Khi có yêu cầu hoặc định kỳ hằng năm", 2025, "recurring", None, D(2025, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Đột xuất khi có yêu cầu và định kỳ 6 tháng", 2025, "recurring", None, D(2025, 6, 30),
     "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("Sau khi có hướng dẫn của Bộ và Sở Nội vụ hằng năm", 2025, "event", None, None, None),
    # the n-th weekday of a year
    ("Thứ Hai đầu tiên của năm 2026", 2025, "deadline", None, D(2026, 1, 5), None),
    ("Thứ Sáu cuối cùng của năm 2025", 2025, "deadline", None, D(2025, 12, 26), None),
    # a from-to range beside a shorter cycle bounds it
    ("Tháng 01/2026 - Tháng 12/2026 (hằng tháng)", 2025, "recurring", D(2026, 1, 1), D(2026, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231"),
    ("Quý I - Quý IV/2026 (mỗi quý 01 lần)", 2025, "recurring", D(2026, 1, 1), D(2026, 3, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1;UNTIL=20261231"),
    # lunar days of each lunar month: listed, as a yearly lunar day is
    ("Mùng 1 và rằm hằng tháng", 2025, "recurring", None, D(2025, 1, 14), None),
    ("Ngày 1 và 15 âm lịch hằng tháng", 2025, "recurring", None, D(2025, 1, 14), None),
    ("Ngày mùng 1 hằng tháng", 2025, "recurring", None, D(2025, 1, 29), None),
    # the next so many years after the plan's
    ("Trong 2 năm tới", 2025, "window", D(2026, 1, 1), D(2027, 12, 31), None),
    ("Trong ba năm tiếp theo", 2025, "window", D(2026, 1, 1), D(2028, 12, 31), None),
    ("Năm 2025 và 2 năm tiếp theo", 2025, "window", D(2025, 1, 1), D(2027, 12, 31), None),
    # the coming years, with no year of their own: from the plan's next year on
    ("Trong những năm tới", 2025, "continuous", D(2026, 1, 1), None, None),
    ("Trong các năm tiếp theo", 2025, "continuous", D(2026, 1, 1), None, None),
    ("Năm 2025 và những năm tới", 2025, "continuous", D(2025, 1, 1), None, None),
    # a month of 31 days is as long as a monthly cycle: the cycle starts there, it does not end there
    ("Tháng 3/2026 (hằng tháng)", 2025, "recurring", D(2026, 3, 1), D(2026, 3, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("Quý I/2026 (hằng tháng)", 2025, "recurring", D(2026, 1, 1), D(2026, 1, 31),
     "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260331"),
    # a day of the quarter's month, in the quarters named only
    ("Quý I, quý II hằng năm (trước ngày 15 tháng cuối quý)", 2025, "recurring", None, D(2025, 3, 15),
     "FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=15"),
    # a festival and its lunar date written beside it are one day
    ("Giỗ Tổ Hùng Vương (10/3 âm lịch)", 2025, "deadline", None, D(2025, 4, 7), None),
    ("Giỗ Tổ Hùng Vương ngày 10/3 âm lịch hằng năm", 2025, "recurring", None, D(2025, 4, 7), None),
    # a range of weekdays in a cycle: each of them
    ("Hằng ngày (từ thứ Hai đến thứ Sáu)", 2025, "recurring", None, D(2025, 1, 1), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("Hằng tuần vào ngày thứ Năm", 2025, "recurring", None, D(2025, 1, 2), "FREQ=WEEKLY;BYDAY=TH"),
    ("Trước 15/12 của năm 2025", 2025, "deadline", None, D(2025, 12, 15), None),
    ("Ngày 30 tháng 6 của năm 2026", 2025, "deadline", None, D(2026, 6, 30), None),
    # a month of a quarter named with its number is that month; "của" between a part and its time
    ("Tháng cuối quý II/2026", 2025, "window", D(2026, 6, 1), D(2026, 6, 30), None),
    ("Tháng đầu của quý III năm 2026", 2025, "window", D(2026, 7, 1), D(2026, 7, 31), None),
    ("Tháng thứ hai của quý III/2026", 2025, "window", D(2026, 8, 1), D(2026, 8, 31), None),
    ("Đầu của năm 2026", 2025, "window", D(2026, 1, 1), D(2026, 3, 31), None),
    ("Trước ngày 15 tháng cuối quý II/2026", 2025, "deadline", None, D(2026, 6, 15), None),
    ("Ngày 15 tháng cuối quý II của năm 2026", 2025, "deadline", None, D(2026, 6, 15), None),
]
