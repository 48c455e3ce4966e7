"""The command line, in process and as the installed `nhacviec` script."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import FakeClock


def test_parse_prints_what_was_understood(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "Quý II/2018", "--year", "2018"]) == 0
    assert "hạn chót 30/06/2018 (cuối quý II/2018)" in capsys.readouterr().out


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", "Trước ngày 30/6 và 30/11 hàng năm", "--year", "2018"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["kind"] == "recurring" and row["due"] == "2018-06-30" and row["moved"] == []
    assert main(["parse", "--json", "Trước 30/6 hằng năm; riêng năm 2018 trước 31/8/2018", "--year", "2018"]) == 0
    assert json.loads(capsys.readouterr().out)["moved"] == [["2018-06-30", "2018-08-31"]]


def test_parse_error_exits_1_with_position(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "Trong quý 10/2018", "--year", "2018"]) == 1
    assert ":7: không có quý 10; có phải là tháng 10/2018?" in capsys.readouterr().err


def test_year_defaults_to_the_clock(capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock(dt.datetime(2031, 5, 1, 9, 0))
    assert main(["parse", "Quý I"], clock=clock) == 0
    assert "31/03/2031" in capsys.readouterr().out


def test_workday(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["workday", "2018-09-30"]) == 0
    out = capsys.readouterr().out
    assert "Chủ nhật, 30/09/2018" in out and "Thứ Hai, 01/10/2018" in out


def test_find(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", "Hoàn thành trong tháng 6/2018 và đề xuất thực hiện trong năm 2018", "--year", "2018"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "đề xuất thực hiện" in lines[1]


def test_installed_script_runs() -> None:
    exe = shutil.which("nhacviec", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("nhacviec is not installed in this environment")
    out = subprocess.run([exe, "parse", "Tháng 13/2018", "--year", "2018"], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 1 and "không có tháng 13" in out.stderr
