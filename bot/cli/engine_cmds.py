"""`nhacviec run`, `simulate` and `db upgrade`: the engine from the command line."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from bot import config as config_mod
from bot import logs
from bot.cli.periods_cmds import weekday
from bot.clock import OffsetClock

_KINDS = {"before": "trước hạn {d} ngày làm việc", "due": "đến hạn", "overdue": "quá hạn {d} ngày làm việc",
          "escalation": "báo cơ quan giám sát ({about} quá hạn {d} ngày làm việc)", "snooze": "nhắc lại",
          "digest_weekly": "bản tổng hợp tuần", "digest_supervisor": "bản tổng hợp quá hạn (cơ quan theo dõi)"}


def register(sub: Any) -> None:
    """Add the commands to the parser."""
    c = sub.add_parser("run", help="chạy bot: đồng bộ lịch và gửi lời nhắc")
    c.add_argument("paths", nargs="*", type=Path)
    c.add_argument("--now", type=dt.datetime.fromisoformat, default=None,
                   help="chạy như thể bây giờ là lúc này (giờ vẫn trôi), ví dụ 2018-07-02T07:59")
    c.set_defaults(func=_cmd_run)

    c = sub.add_parser("simulate", help="chạy thử trên cơ sở dữ liệu tạm, in mọi lời nhắc sẽ gửi")
    c.add_argument("paths", nargs="*", type=Path)
    c.add_argument("--from", dest="first", type=dt.date.fromisoformat, required=True, metavar="NGÀY")
    c.add_argument("--to", dest="last", type=dt.date.fromisoformat, required=True, metavar="NGÀY")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_cmd_simulate)

    c = sub.add_parser("db", help="cơ sở dữ liệu")
    dbsub = c.add_subparsers(required=True, metavar="VIỆC")
    u = dbsub.add_parser("upgrade", help="áp dụng các bản nâng cấp lược đồ (migration)")
    u.set_defaults(func=_cmd_db_upgrade)


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.service import Service

    cfg = config_mod.load(args.config)
    logs.setup(as_json=cfg.log_format == "json", secrets=[cfg.telegram.token or "", cfg.email.password or ""])
    clock = OffsetClock(args.now.replace(tzinfo=args.now.tzinfo or cfg.tz)) if args.now else args.clock
    service = Service(cfg, clock, args.paths or None)
    asyncio.run(service.run())
    return 0


def _cmd_simulate(args: argparse.Namespace) -> int:
    from bot.simulate import simulate

    cfg = config_mod.load(args.config)
    if args.last < args.first:
        print("--to phải sau --from", file=sys.stderr)
        return 2
    result = asyncio.run(simulate(cfg, args.paths or [cfg.schedules], args.first, args.last))
    if result.problems and not result.sent and any(p.severity == "error" for p in result.problems):
        for p in result.problems:
            print(p, file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.sent, ensure_ascii=False, indent=1))
        return 0
    for m in result.sent:
        at = dt.datetime.fromisoformat(m["at"])
        what = _KINDS[m["kind"]].format(d=m["days"], about=m["about"])
        print(f"{weekday(at.date())} {at:%d/%m/%Y %H:%M}  {m['channel']:<8} {m['agency'][:32]:<32} "
              f"{m['plan']:<14} {m['task']:<8} {what}")
    print(f"{len(result.sent)} lời nhắc và bản tổng hợp trong {len(result.messages)} tin nhắn, "
          f"từ {args.first:%d/%m/%Y} đến {args.last:%d/%m/%Y}", file=sys.stderr)
    return 0


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bot.store import Store

    cfg = config_mod.load(args.config)
    Store(cfg.database).migrate()
    print(f"cơ sở dữ liệu đã ở phiên bản mới nhất ({cfg.database.split('@')[-1]})")
    return 0
