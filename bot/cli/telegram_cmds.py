"""`nhacviec invite`: a one-time code an agency's Telegram group registers with."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from bot import config as config_mod
from bot.schedule import load
from bot.schedule.load import files_of
from bot.schedule.model import Agency
from bot.schedule.names import Names


def register(sub: Any) -> None:
    """Add the command to the parser."""
    c = sub.add_parser("invite", help="cấp mã đăng ký (dùng một lần) cho nhóm Telegram của một cơ quan")
    c.add_argument("agency", help='mã hoặc tên cơ quan, ví dụ "Sở Nội vụ"')
    c.add_argument("--hours", type=float, default=48.0, help="mã hết hạn sau bấy nhiêu giờ (mặc định 48)")
    c.set_defaults(func=_cmd_invite)


def find_agency(agencies: list[Agency], written: str) -> tuple[Agency | None, str | None]:
    """The agency an id, name or alias stands for; else a close official name to suggest."""
    names = Names()
    for a in agencies:
        names.add(a.id, a.name, a.aliases)
    ident = names.resolve(written)
    found = next((a for a in agencies if a.id == ident), None)
    return found, None if found else names.suggest(written)


def _cmd_invite(args: argparse.Namespace) -> int:
    from bot.actions import invite
    from bot.store import Store

    cfg = config_mod.load(args.config)
    agencies_file, _ = files_of([cfg.schedules])
    if agencies_file is None:
        print(f"không tìm thấy agencies.toml trong {cfg.schedules}", file=sys.stderr)
        return 1
    loaded = load([agencies_file])
    if loaded.schedule is None:
        for p in loaded.errors:
            print(p, file=sys.stderr)
        return 1
    agency, suggestion = find_agency(list(loaded.schedule.agencies.values()), args.agency)
    if agency is None:
        hint = f' Có phải "{suggestion}"?' if suggestion else ""
        print(f'không có cơ quan "{args.agency}" trong {agencies_file}.{hint}', file=sys.stderr)
        return 1
    if args.hours <= 0:
        print("--hours phải lớn hơn 0", file=sys.stderr)
        return 2
    now = args.clock.now()
    store = Store(cfg.database)
    try:
        store.migrate()
        store.sync_agencies(loaded.schedule.agencies.values(), now)  # as the bot's own sync would
        code = invite(store, agency.id, now, dt.timedelta(hours=args.hours))
    finally:
        store.engine.dispose()
    expires = (now + dt.timedelta(hours=args.hours)).astimezone(cfg.tz)
    print(f"Mã đăng ký cho {agency.name}: {code}")
    print(f"Dùng một lần, hết hạn lúc {expires:%H:%M} ngày {expires:%d/%m/%Y}.")
    print(f"Trong nhóm Telegram của cơ quan, thêm bot vào nhóm rồi gõ: /dangky {code}")
    return 0
