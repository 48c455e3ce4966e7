"""`nhacviec run` as a process: SIGHUP reloads, a bad edit keeps the last good schedule; and the
`simulate` and `db upgrade` commands."""

from __future__ import annotations

import datetime as dt
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.store import Store
from bot.store.models import OccurrenceRow
from tests.conftest import ROOT, wait_until
from tests.engine_harness import AGENCIES, PLAN


def _tasks(db: Path) -> set[str]:
    store = Store(f"sqlite:///{db}")
    try:
        with store.session() as s:
            return set(s.scalars(select(OccurrenceRow.task_id).where(OccurrenceRow.state == "open")))
    except Exception:
        return set()
    finally:
        store.engine.dispose()


def test_sighup_reloads_and_a_bad_edit_keeps_the_last_good_schedule(tmp_path: Path) -> None:
    folder = tmp_path / "schedules"
    folder.mkdir()
    (folder / "agencies.toml").write_text(AGENCIES, encoding="utf-8")
    plan = folder / "kh.toml"
    plan.write_text(PLAN, encoding="utf-8")
    db = tmp_path / "bot.db"
    config = tmp_path / "config.toml"
    config.write_text(f'[bot]\nschedules = "{folder}"\ndatabase = "sqlite:///{db}"\n'
                      '[console]\nenabled = true\n[web]\nenabled = false\n',
                      encoding="utf-8")
    out = tmp_path / "out.txt"
    with out.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "--config", str(config), "run",
                                 "--now", "2018-08-20T07:00"], stdout=sink, stderr=subprocess.STDOUT)
        try:
            wait_until(lambda: _tasks(db) == {"1", "2"}, step=0.2)
            plan.write_text(PLAN.replace('lead = "Sở Nội vụ"', 'lead = "Sở Nội Vu"'), encoding="utf-8")
            proc.send_signal(signal.SIGHUP)
            wait_until(lambda: "[quản trị] Lịch mới có 1 lỗi, giữ lịch cũ" in out.read_text(encoding="utf-8"), step=0.2)
            assert 'không có cơ quan "Sở Nội Vu"' in out.read_text(encoding="utf-8")
            assert proc.poll() is None and _tasks(db) == {"1", "2"}
            plan.write_text(PLAN + '\n[[task]]\nid = "3"\ntitle = "Thêm"\nlead = "Sở Tư pháp"\n'
                                   'time = "Quý IV/2018"\n', encoding="utf-8")
            proc.send_signal(signal.SIGHUP)
            wait_until(lambda: _tasks(db) == {"1", "2", "3"}, step=0.2)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    assert proc.returncode == 0


def test_simulate_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", str(ROOT / "schedules"), "--from", "2018-06-25", "--to", "2018-07-03", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"at", "kind", "plan", "task", "agency", "channel"} <= set(rows[0])
    assert all(r["kind"] in ("before", "due", "overdue", "escalation", "digest_weekly", "digest_supervisor")
               for r in rows)
    assert any(r["kind"] == "digest_weekly" for r in rows) and any(r["kind"] == "digest_supervisor" for r in rows)
    first = dt.datetime.fromisoformat(rows[0]["at"])
    assert first.utcoffset() == dt.timedelta(hours=7) and first.time() == dt.time(8, 0)
    times = [r["at"] for r in rows]
    assert times == sorted(times)
    assert {"plan": "300/KH-UBND", "task": "4.8", "agency": "Sở Nội vụ", "kind": "due"}.items() <= next(
        r for r in rows if r["task"] == "4.8" and r["kind"] == "due").items()


def test_simulate_reports_a_bad_schedule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "agencies.toml").write_text(AGENCIES, encoding="utf-8")
    (tmp_path / "kh.toml").write_text(PLAN.replace("Tháng 9/2018", "Quý 10/2018"), encoding="utf-8")
    assert main(["simulate", str(tmp_path), "--from", "2018-09-01", "--to", "2018-09-30"]) == 1
    assert "không có quý 10" in capsys.readouterr().err


def test_db_upgrade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[bot]\ndatabase = "sqlite:///bot.db"\n', encoding="utf-8")
    assert main(["--config", str(config), "db", "upgrade"]) == 0
    assert (tmp_path / "bot.db").exists()
    assert main(["--config", str(config), "db", "upgrade"]) == 0  # again: nothing to do
