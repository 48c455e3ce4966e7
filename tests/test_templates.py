"""Every template renders with edge data on every channel; Telegram gets only the tags it accepts;
schedule values are escaped where the output is HTML; an admin's override is used, and a broken
one is reported with its file and line; the Vietnamese filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.templates_cmd import check
from bot.render import NAMES, Renderer
from bot.samples import LONG, TASK, contexts, every
from bot.wording import con_lai, ky, ngay, rut_gon


def test_every_template_renders_on_every_channel() -> None:
    assert check(Renderer()) == []
    assert {name for name, _, _ in every()} == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_message_reads_well_on_each_channel(name: str) -> None:
    r = Renderer()
    for case, context in contexts(name):
        telegram = r.message(name, "telegram", **context)
        email = r.message(name, "email", **context)
        console = r.message(name, "console", **context)
        assert telegram.html and len(telegram.html) <= 4096, case
        assert email.subject and "\n" not in email.subject and len(email.subject) <= 200, case
        assert email.text and email.html and email.html.startswith("<!DOCTYPE html>"), case
        assert console.text == email.text and console.html is None, case
        for text in (telegram.html, email.text, email.html):
            assert "None" not in text and "{{" not in text and "  \n" not in text, case


def test_schedule_values_are_escaped_where_the_output_is_html() -> None:
    r = Renderer()
    context = dict(next(c for case, c in contexts("reminder_overdue") if "2.000" in case))
    telegram = r.message("reminder_overdue", "telegram", **context)
    email = r.message("reminder_overdue", "email", **context)
    for html in (telegram.html or "", email.html or ""):
        assert "&lt;thí điểm&gt;" in html and "Sở &amp; Ban" in html and "<thí" not in html
    assert "Triển khai <thí điểm> “mô hình” Sở & Ban 'một cửa'" in email.text  # plain text stays plain
    assert LONG.title[:1900] in " ".join(email.text.split("\n"))  # email carries the whole title
    assert "Sản phẩm" not in email.text and "Các Sở, Ban, ngành; UBND các huyện" in email.text


def test_a_reminder_reads_as_an_office_writes() -> None:
    message = Renderer().reminder(kind="before", task=TASK, plan=next(contexts("reminder_before"))[1]["plan"],
                                  agency="Sở Nội vụ", recipient="Sở Nội vụ", effective_due=dt.date(2018, 10, 1),
                                  left=3, channel="email", code=12)
    assert message.subject == ("[Nhắc việc] Nhiệm vụ 4.2 – Kế hoạch 300/KH-UBND: còn 3 ngày làm việc nữa là "
                               "đến hạn")
    lines = message.text.splitlines()
    assert lines[0] == "Kính gửi: Sở Nội vụ"
    assert "Hạn hoàn thành: Thứ Hai, ngày 01/10/2018" in lines
    assert "Cơ quan phối hợp: Sở Tài chính; Văn phòng UBND tỉnh" in lines
    assert message.thread == "occ-12" and message.buttons == ()


def test_grouped_messages_have_a_button_row_per_task() -> None:
    _, context = next(contexts("grouped"))
    message = Renderer().grouped(context["items"], "Sở Nội vụ", "telegram")
    assert [row[0].data for row in message.buttons] == ["d:12", "d:13", "d:1234567", "d:14"]
    assert [len(row) for row in message.buttons] == [3, 3, 3, 1]  # an escalation only takes "done"
    assert all(len(b.data.encode()) <= 64 for row in message.buttons for b in row)


def test_an_admins_override_is_used(tmp_path: Path) -> None:
    (tmp_path / "telegram").mkdir()
    (tmp_path / "telegram" / "reminder_due.html.j2").write_text("<b>HẠN HÔM NAY</b>: {{ task.title }}",
                                                                  encoding="utf-8")
    r = Renderer(tmp_path)
    _, context = next(contexts("reminder_due"))
    assert r.message("reminder_due", "telegram", **context).html == f"<b>HẠN HÔM NAY</b>: {TASK.title}"
    assert r.message("reminder_before", "telegram", **context).html.startswith("🔔")  # the rest stay ours
    assert check(r) == []


@pytest.mark.parametrize(("body", "line", "error"), [
    ("dòng 1\n{{ task.titel }}\n", 2, "UndefinedError"),
    ("dòng 1\ndòng 2\n{% if %}\n", 3, "TemplateSyntaxError"),
    ("{{ task.__class__.__mro__ }}", 1, "SecurityError"),
    ("<div>{{ task.title }}</div>", 0, "Telegram không nhận thẻ <div>"),
])
def test_a_broken_override_is_reported_with_its_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              body: str, line: int, error: str) -> None:
    (tmp_path / "telegram").mkdir()
    path = tmp_path / "telegram" / "reminder_due.html.j2"
    path.write_text(body, encoding="utf-8")
    assert main(["templates", "check", "--dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"reminder_due.html.j2:{line}:" in out and error in out, out


def test_templates_check_and_show_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check"]) == 0
    assert "mọi mẫu tin nhắn đều dựng được" in capsys.readouterr().out
    assert main(["templates", "show", "digest_supervisor", "--channel", "email"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tiêu đề: [Tổng hợp] 27 nhiệm vụ quá hạn tính đến 24/09/2018")
    assert "… và 25 nhiệm vụ khác." in out


@pytest.mark.parametrize(("start", "end", "name"), [
    (dt.date(2018, 5, 1), dt.date(2018, 5, 31), "tháng 5/2018"),
    (dt.date(2018, 4, 1), dt.date(2018, 6, 30), "quý II/2018"),
    (dt.date(2018, 1, 1), dt.date(2018, 6, 30), "6 tháng đầu năm 2018"),
    (dt.date(2018, 7, 1), dt.date(2018, 12, 31), "6 tháng cuối năm 2018"),
    (dt.date(2018, 1, 1), dt.date(2018, 12, 31), "năm 2018"),
    (dt.date(2018, 3, 1), dt.date(2018, 4, 30), "từ tháng 3 đến tháng 4/2018"),
    (dt.date(2018, 6, 30), dt.date(2018, 6, 30), "ngày 30/06/2018"),
    (dt.date(2018, 3, 5), dt.date(2018, 4, 15), "từ ngày 05/03 đến ngày 15/04/2018"),
    (dt.date(2018, 12, 1), dt.date(2019, 1, 31), "từ ngày 01/12/2018 đến ngày 31/01/2019"),
])
def test_a_periods_name(start: dt.date, end: dt.date, name: str) -> None:
    assert ky(start, end) == name


def test_dates_and_time_left() -> None:
    assert ngay(dt.date(2018, 10, 1)) == "Thứ Hai, ngày 01/10/2018"
    assert ngay(dt.date(2018, 9, 30)) == "Chủ nhật, ngày 30/09/2018"
    assert [con_lai(d) for d in (3, 1, 0, -5)] == ["còn 3 ngày làm việc", "còn 1 ngày làm việc",
                                                   "hôm nay là hạn chót", "quá hạn 5 ngày làm việc"]
    assert rut_gon("một hai ba bốn", 9) == "một hai…" and rut_gon("ngắn", 9) == "ngắn"
