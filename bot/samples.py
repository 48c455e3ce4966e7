"""Sample data for every message, edge cases included: `nhacviec templates check` renders each
template with it, and the template tests use it too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from bot.render import NAMES, AgencyItems, ItemView, PlanView, Section, TaskView

TASK = TaskView("4.2", "Rà soát, xây dựng phương án sắp xếp giảm các tổ chức phối hợp liên ngành cấp tỉnh",
                "Sở Nội vụ", "Sở Tài chính; Văn phòng UBND tỉnh", "Quyết định của UBND tỉnh phê duyệt phương án",
                "Tháng 6 - Tháng 9/2018")
# a title of 2,000 characters holding what HTML must escape, no product, led by a group
LONG = TaskView("II.1.a", ("Triển khai <thí điểm> “mô hình” Sở & Ban 'một cửa' " * 40)[:2000],
                "Các Sở, Ban, ngành; UBND các huyện, thành phố", "", "",
                "Thực hiện sau khi có hướng dẫn của Trung ương")
PLAN = PlanView("300/KH-UBND", "Triển khai thực hiện Nghị quyết số 10/NQ-CP của Chính phủ")
DUE = dt.date(2018, 10, 1)
TODAY = dt.date(2018, 9, 24)
AT = dt.datetime(2018, 9, 24, 8, 5, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _items() -> list[ItemView]:
    return [ItemView(12, "overdue", TASK, PLAN, "Sở Nội vụ", dt.date(2018, 9, 14), -6),
            ItemView(13, "due", LONG, PLAN, "UBND huyện Cư Jút", TODAY, 0),
            ItemView(1234567, "before", TASK, PlanView("82-KH/TU"), "Sở Tài chính", DUE, 5),
            ItemView(14, "escalation", TASK, PLAN, "Sở Nội vụ", dt.date(2018, 9, 10), -10)]


def contexts(name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(what the case is, the template's context) for one message, an ordinary case and edge cases."""
    if name.startswith("reminder_") or name == "escalation":
        kind = name.removeprefix("reminder_") if name != "escalation" else "escalation"
        base = {"kind": kind, "plan": PLAN, "agency": "Sở Nội vụ", "recipient": "Sở Nội vụ", "effective_due": DUE,
                "code": 12}
        left = 3 if kind in ("before", "snooze") else 0 if kind == "due" else -5
        yield "thường", {**base, "task": TASK, "left": left}
        yield "tiêu đề 2.000 ký tự, không có sản phẩm, giao cho nhóm cơ quan", {**base, "task": LONG, "left": -1}
        yield "không có mã, kế hoạch không có tên", {**base, "task": TASK, "plan": PlanView("1/KH"), "code": None,
                                                     "left": 1}
    elif name == "grouped":
        yield "bốn nhiệm vụ", {"items": _items(), "recipient": "Sở Nội vụ"}
        yield "không rõ nơi nhận", {"items": _items()[:2], "recipient": ""}
    elif name == "done":
        yield "có minh chứng", {"task": TASK, "plan": PLAN, "who": "Nguyễn Văn An", "at": AT,
                                "evidence": "tệp bao-cao <cuối> & kết.pdf", "recipient": "Sở Nội vụ", "code": 12}
        yield "không có minh chứng", {"task": LONG, "plan": PLAN, "who": "Trần Thị Bình", "at": AT, "evidence": None,
                                      "recipient": "Sở Nội vụ", "code": None}
    elif name == "extension_request":
        yield "thường", {"task": TASK, "plan": PLAN, "agency": "Sở Nội vụ", "current_due": DUE,
                         "requested_due": dt.date(2018, 11, 30), "requested_text": "30/11/2018",
                         "who": "Nguyễn Văn An", "recipient": "UBND tỉnh", "code": 12}
        yield "tiêu đề dài", {"task": LONG, "plan": PLAN, "agency": "UBND huyện Cư Jút", "current_due": DUE,
                              "requested_due": dt.date(2018, 12, 31), "requested_text": "tháng 12/<2018>",
                              "who": "A & B", "recipient": "UBND tỉnh", "code": None}
    elif name == "extension_answer":
        for approved in (True, False):
            yield ("đồng ý" if approved else "không đồng ý"), {
                "approved": approved, "task": TASK, "plan": PLAN, "new_due": dt.date(2018, 11, 30),
                "current_due": DUE, "who": "Lãnh đạo UBND tỉnh", "recipient": "Sở Nội vụ", "code": 12}
    elif name == "digest_weekly":
        items = _items()
        yield "ba phần", {"recipient": "Sở Nội vụ", "week_start": TODAY, "week_end": TODAY + dt.timedelta(days=6),
                          "sections": [Section("❗", "Quá hạn", items[:1], 1),
                                       Section("⏰", "Đến hạn trong tuần", items[1:2], 1),
                                       Section("📅", "Đến hạn trong 30 ngày tới", items[2:3], 45)]}
    elif name == "digest_supervisor":
        items = _items()
        yield "hai cơ quan", {"recipient": "Sở Nội vụ", "day": TODAY, "total": 27,
                              "agencies": [AgencyItems("Sở Nội vụ", items[:1], 1),
                                           AgencyItems("UBND huyện Cư Jút", items[1:2], 26)]}
    else:
        raise KeyError(name)


def every() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(message, case, context) for every message."""
    for name in NAMES:
        for case, context in contexts(name):
            yield name, case, context
