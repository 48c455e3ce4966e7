"""Loading schedules: the model, and every problem with its file, line and column."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.schedule import ScheduleKeeper, load
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"

PLAN = '''[plan]
number = "12/KH-UBND"
title = "Kế hoạch thử"
issued = 2020-03-05
year = 2020
supervisor = "Sở Nội vụ"

[[task]]
id = "1"
title = "Rà soát"
lead = "SNV"
time = "Quý II/2020"

[[task]]
id = "2"
title = "Báo cáo"
lead = "UBND các huyện, thị xã"
coordinating = ["Sở Tài chính"]
start = "Tháng 3/2020"
finish = "Tháng 5/2020"

[[task]]
id = "3"
title = "Sơ kết"
lead = ["Sở Tư pháp", "Sở Y tế"]
time = "Trước ngày 30/6 và 30/11 hàng năm"
reminders = { before = [5, 1] }

[[task]]
id = "4"
title = "Hai mốc"
lead = "Sở Nội vụ"
milestones = ["Hoàn thành Đề án trong quý II/2020", { text = "Thực hiện trong quý III/2020", due = 2020-08-15 }]
'''


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "agencies.toml", tmp_path / "agencies.toml")
    return tmp_path


def _write(folder: Path, text: str, name: str = "kh.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_schedule(folder: Path) -> None:
    _write(folder, PLAN)
    loaded = load([folder])
    assert loaded.errors == []
    schedule = loaded.schedule
    assert schedule is not None
    plan = schedule.plans[0]
    assert (plan.id, plan.number, plan.year, plan.supervisor) == ("kh", "12/KH-UBND", 2020, "snv")
    tasks = {t.id: t for t in plan.tasks}
    assert tasks["1"].lead == ("snv",) and tasks["1"].deadlines[0].period.due == dt.date(2020, 6, 30)
    assert tasks["2"].lead == ("ubnd-a", "ubnd-b") and tasks["2"].start == dt.date(2020, 3, 1)
    assert tasks["3"].reminders.before == (5, 1)
    assert [d.kind for d in tasks["4"].deadlines] == ["window", "deadline"]
    assert tasks["4"].dues_between(dt.date(2020, 1, 1), dt.date(2020, 12, 31)) == [
        dt.date(2020, 6, 30), dt.date(2020, 8, 15)]
    # a task led by a group is a task for each member
    assert sum(1 for _, t, _ in schedule.assignments() if t.id == "2") == 2


def test_one_time_text_with_two_milestones_gives_two_deadlines(folder: Path) -> None:
    _write(folder, PLAN.replace('time = "Quý II/2020"',
                                'time = "Hoàn thành Đề án trong tháng 6/2020, thực hiện trong quý III/2020."'))
    plan = load([folder]).schedule.plans[0]  # type: ignore[union-attr]
    assert [d.period.due for d in plan.tasks[0].deadlines] == [dt.date(2020, 6, 30), dt.date(2020, 9, 30)]


@pytest.mark.parametrize(("change", "line", "col", "words"), [
    (('lead = "SNV"', 'lead = "Sở Nội Vu"'), 11, 8, 'không có cơ quan "Sở Nội Vu"; có phải là "Sở Nội vụ"?'),
    (('time = "Quý II/2020"', 'time = "Trong quý 10/2020"'), 12, 15, "không có quý 10; có phải là tháng 10/2020?"),
    (('id = "2"', 'id = "1"'), 15, 6, "trùng mã nhiệm vụ '1'"),
    (('start = "Tháng 3/2020"', 'start = "Tháng 8/2020"'), 19, 9, "bắt đầu (01/08/2020) sau khi đã phải hoàn thành"),
    (('title = "Rà soát"', 'tittle = "Rà soát"'), 10, 10, "khóa không biết 'tittle'"),
    (('coordinating = ["Sở Tài chính"]', 'coordinating = ["Sở Tài chính", "Sở Xây dựng"]'), 18, 33,
     'không có cơ quan "Sở Xây dựng"'),
    (('reminders = { before = [5, 1] }', 'reminders = { befor = [5, 1] }'), 27, 13, "không có thiết lập nhắc việc"),
    (('year = 2020', 'year = "2020"'), 5, 8, "year phải là năm của kế hoạch"),
])
def test_errors_point_at_the_fault(folder: Path, change: tuple[str, str], line: int, col: int, words: str) -> None:
    path = _write(folder, PLAN.replace(*change))
    loaded = load([folder])
    assert loaded.schedule is None
    found = [p for p in loaded.errors if words in p.message]
    assert found, [str(p) for p in loaded.problems]
    assert (found[0].path, found[0].line, found[0].col) == (str(path), line, col)
    assert str(found[0]).startswith(f"{path}:{line}:{col}: ")


def test_toml_syntax_error_has_its_position(folder: Path) -> None:
    path = _write(folder, PLAN.replace('id = "2"', 'id = "2'))
    loaded = load([folder])
    assert loaded.schedule is None
    assert str(loaded.errors[0]).startswith(f"{path}:15:")
    assert "lỗi cú pháp TOML" in loaded.errors[0].message


def test_every_problem_is_reported_at_once(folder: Path) -> None:
    text = PLAN.replace('lead = "SNV"', 'lead = "Sở X"').replace('time = "Quý II/2020"', 'time = "Tháng 13/2020"')
    _write(folder, text)
    assert len(load([folder]).errors) == 2


def test_warnings_do_not_stop_loading(folder: Path) -> None:
    extra = '''
[[task]]
id = "5"
title = "Chờ"
lead = "Sở Nội vụ"
time = "Thực hiện sau khi có hướng dẫn của Trung ương"

[[task]]
id = "6"
title = "Luôn"
lead = "Sở Nội vụ"
time = "Thường xuyên"

[[task]]
id = "7"
title = "Chưa rõ"
lead = "Sở Nội vụ"
review = "văn bản không ghi thời gian"
'''
    _write(folder, PLAN + extra)
    loaded = load([folder], today=dt.date(2020, 7, 1))
    assert loaded.schedule is not None
    messages = [p.message for p in loaded.problems]
    assert all(p.severity == "warning" for p in loaded.problems)
    assert any("chờ sự kiện" in m for m in messages)
    assert any("thường xuyên" in m for m in messages)
    assert any("cần xem lại: văn bản không ghi thời gian" in m for m in messages)
    assert any("hạn 30/06/2020 đã qua" in m for m in messages)


def test_task_without_time_and_without_review_is_an_error(folder: Path) -> None:
    _write(folder, PLAN.replace('time = "Quý II/2020"\n', ""))
    assert any("thiếu thời gian" in p.message for p in load([folder]).errors)


def test_missing_agencies_file(tmp_path: Path) -> None:
    _write(tmp_path, PLAN)
    assert any("agencies.toml" in p.message for p in load([tmp_path]).errors)


def test_the_keeper_keeps_the_last_good_schedule(folder: Path) -> None:
    path = _write(folder, PLAN)
    keeper = ScheduleKeeper([folder])
    assert keeper.reload() is True
    good = keeper.current
    path.write_text(PLAN.replace('lead = "SNV"', 'lead = "Sở X"'), encoding="utf-8")
    assert keeper.reload() is False
    assert keeper.current is good
    assert any('không có cơ quan "Sở X"' in p.message for p in keeper.last_problems)
    path.write_text(PLAN.replace('title = "Rà soát"', 'title = "Rà soát lại"'), encoding="utf-8")
    assert keeper.reload() is True and keeper.current is not good


def test_bundled_schedules_load_without_errors() -> None:
    loaded = load([ROOT / "schedules"])
    assert loaded.errors == [], [str(p) for p in loaded.errors]
    assert loaded.schedule is not None and len(loaded.schedule.plans) >= 3
