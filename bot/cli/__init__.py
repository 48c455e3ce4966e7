"""The `nhacviec` command line: the only place that wires the pure parts to files and output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import config as config_mod
from bot.cli import engine_cmds, import_cmd, periods_cmds, report_cmds, schedule_cmds, telegram_cmds, templates_cmd
from bot.clock import Clock, SystemClock


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """Run one command; returns the process exit code."""
    args = parser().parse_args(argv)
    args.clock = clock or SystemClock()
    try:
        return int(args.func(args))
    except config_mod.ConfigError as e:
        print(f"lỗi cấu hình: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `nhacviec tasks | head` is fine
        return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    p = argparse.ArgumentParser(prog="nhacviec", description="Nhắc việc: nhắc hạn nhiệm vụ cho các cơ quan.")
    p.add_argument("--config", type=Path, default=None, help="tệp cấu hình TOML")
    sub = p.add_subparsers(required=True, metavar="LỆNH")
    periods_cmds.register(sub)
    schedule_cmds.register(sub)
    import_cmd.register(sub)
    engine_cmds.register(sub)
    telegram_cmds.register(sub)
    templates_cmd.register(sub)
    report_cmds.register(sub)
    return p
