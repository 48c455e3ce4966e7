"""`nhacviec import`: a plan document turned into a schedule draft that passes `check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot import config as config_mod
from bot.importer import agencies_toml, import_plan, known_agencies, to_toml
from bot.schedule import AGENCIES

_AGENCIES_HEADER = "# Các cơ quan nhận nhiệm vụ (tạo bởi `nhacviec import`). Xem README về ý nghĩa các khóa.\n"


def register(sub: Any) -> None:
    """Add the command to the parser."""
    c = sub.add_parser("import", help="nhập một văn bản kế hoạch (.txt, .md, .docx) thành bản nháp lịch")
    c.add_argument("document", type=Path)
    c.add_argument("--year", type=int, required=True, help="năm của kế hoạch (cho thời gian không ghi năm)")
    c.add_argument("-o", "--output", type=Path, default=None, help="tệp lịch sẽ ghi (mặc định: in ra màn hình)")
    c.add_argument("--force", action="store_true", help="ghi đè tệp lịch đã có")
    c.set_defaults(func=_cmd_import)


def _cmd_import(args: argparse.Namespace) -> int:
    cfg = config_mod.load(args.config)
    if not args.document.exists():
        print(f"không thấy văn bản {args.document}", file=sys.stderr)
        return 1
    if args.output and args.output.exists() and not args.force:
        print(f"{args.output} đã có: không ghi đè lịch đang dùng (thêm --force nếu thật sự muốn)", file=sys.stderr)
        return 1
    folder = args.output.parent if args.output else cfg.schedules
    agencies_path = folder / AGENCIES
    try:
        plan = import_plan(args.document, args.year, known_agencies(agencies_path))
    except (OSError, ValueError) as e:
        print(f"không đọc được {args.document}: {e}", file=sys.stderr)
        return 1
    text = to_toml(plan)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    # only a schedule written to a file brings its new agencies into agencies.toml: a preview
    # changes nothing the running bot reads
    if plan.new_agencies and args.output:
        folder.mkdir(parents=True, exist_ok=True)
        existing = agencies_path.read_text(encoding="utf-8") if agencies_path.exists() else _AGENCIES_HEADER
        agencies_path.write_text(existing + agencies_toml(plan.new_agencies, args.document.name), encoding="utf-8")
    reviewed = sum(1 for t in plan.tasks if t.review)
    where = f" vào {args.output}" if args.output else ""
    added = ""
    if plan.new_agencies:
        added = (f"; thêm {len(plan.new_agencies)} cơ quan mới vào {agencies_path}" if args.output else
                 f"; {len(plan.new_agencies)} cơ quan chưa có trong {agencies_path} (sẽ thêm khi ghi bằng -o)")
    print(f"đã nhập {len(plan.tasks)} nhiệm vụ ({reviewed} cần xem lại){where}{added}. "
          f"Kiểm tra bằng: nhacviec check {folder}", file=sys.stderr)
    return 0
