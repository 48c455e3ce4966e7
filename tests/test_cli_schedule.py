"""`nhacviec check`, `tasks`, `preview` and `import` as an admin runs them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import FakeClock
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
CLOCK = FakeClock(dt.datetime(2020, 1, 2, 9, 0))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "agencies.toml", tmp_path / "agencies.toml")
    return tmp_path


def test_check_the_bundled_schedules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "schedules")], clock=CLOCK) == 0
    assert "0 lỗi" in capsys.readouterr().out


def test_check_reports_errors_and_exits_1(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "kh.toml").write_text('[plan]\nnumber = "1/KH"\nyear = 2018\nsupervisor = "SNV"\n\n[[task]]\n'
                                    'id = "1"\nlead = "Sở Nội Vu"\ntime = "Trong quý 10/2018"\n', encoding="utf-8")
    assert main(["check", str(folder)], clock=CLOCK) == 1
    err = capsys.readouterr().err.splitlines()
    assert f'{folder / "kh.toml"}:8:8: không có cơ quan "Sở Nội Vu"; có phải là "Sở Nội vụ"?' in err
    assert f"{folder / 'kh.toml'}:9:15: không có quý 10; có phải là tháng 10/2018?" in err


def test_tasks_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(ROOT / "schedules"), "--json"], clock=CLOCK) == 0
    rows = json.loads(capsys.readouterr().out)
    row = next(r for r in rows if r["plan"] == "300/KH-UBND" and r["id"] == "4.8")
    assert row["lead"] == "Sở Nội vụ" and row["kind"] == "recurring"
    assert row["due"] == ["2018-06-30", "2018-11-30"]
    assert row["effective_due"] == ["2018-07-02", "2018-11-30"]
    assert row["review"] is None
    assert set(rows[0]) == {"plan", "id", "title", "lead", "kind", "due", "effective_due", "review"}
    # a task led by a group appears once per member
    assert sum(1 for r in rows if r["plan"] == "300/KH-UBND" and r["id"] == "1.1") == 19


def test_tasks_json_moves_a_named_working_day_by_its_own_policy(folder: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "kh.toml").write_text('[plan]\nnumber = "1/KH"\nyear = 2021\n\n[[task]]\nid = "1"\n'
                                    'lead = "Sở Nội vụ"\ntime = "Ngày làm việc cuối cùng của tháng 4/2021"\n',
                                    encoding="utf-8")
    assert main(["tasks", str(folder), "--json"], clock=CLOCK) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["due"], row["effective_due"]) == (["2021-04-30"], ["2021-04-29"])  # 30/4 is a holiday


def test_tasks_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(ROOT / "schedules")], clock=CLOCK) == 0
    assert "02/07/2018, 30/11/2018" in capsys.readouterr().out


def test_preview(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(ROOT / "schedules"), "--from", "2018-06-25", "--to", "2018-07-03",
                 "--agency", "SNV"], clock=CLOCK) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Thứ Hai 02/07/2018 08:00  Sở Nội vụ" in lines[-3] or any(
        line.startswith("Thứ Hai 02/07/2018 08:00  Sở Nội vụ") and "4.8" in line and "đến hạn" in line
        for line in lines)
    assert all(" Thứ Bảy" not in line and not line.startswith(("Thứ Bảy", "Chủ nhật")) for line in lines)


def test_preview_unknown_agency(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(ROOT / "schedules"), "--agency", "Sở X"], clock=CLOCK) == 1


def test_import_then_check(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "bang.toml"
    assert main(["import", str(FIXTURES / "ke-hoach-bang.txt"), "--year", "2020", "-o", str(out)],
                clock=CLOCK) == 0
    assert "Trung tâm Chuyển đổi số tỉnh" in (folder / "agencies.toml").read_text(encoding="utf-8")
    assert main(["check", str(folder)], clock=CLOCK) == 0
    # an existing schedule is never overwritten by accident
    assert main(["import", str(FIXTURES / "ke-hoach-bang.txt"), "--year", "2020", "-o", str(out)],
                clock=CLOCK) == 1
    assert "không ghi đè" in capsys.readouterr().err


def test_import_to_stdout(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = folder / "config.toml"
    cfg.write_text(f'[bot]\nschedules = "{folder}"\n', encoding="utf-8")
    before = (folder / "agencies.toml").read_text(encoding="utf-8")
    assert main(["--config", str(cfg), "import", str(FIXTURES / "ke-hoach-bang.txt"), "--year", "2020"],
                clock=CLOCK) == 0
    out, err = capsys.readouterr()
    assert "[[task]]" in out and "cơ quan chưa có trong" in err
    # a preview changes nothing the bot reads: new agencies wait for -o
    assert (folder / "agencies.toml").read_text(encoding="utf-8") == before
    assert main(["--config", str(cfg), "import", str(FIXTURES / "ke-hoach-muc.md"), "--year", "2021"],
                clock=CLOCK) == 0
    assert '[[task]]\nid = "I.1"' in capsys.readouterr().out
