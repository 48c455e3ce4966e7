"""`nhacviec templates check|show`: render every template with sample data, report what fails."""

from __future__ import annotations

import argparse
import sys
import traceback
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError

from bot import config as config_mod
from bot.render import NAMES, Renderer
from bot.samples import contexts, every

CHANNELS = ("telegram", "email", "console")
# what Telegram's HTML parse mode accepts (anything else is a 400 "can't parse entities")
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
                 "tg-spoiler", "span", "tg-emoji"}
TELEGRAM_LIMIT = 4096


def register(sub: Any) -> None:
    """Add the commands to the parser."""
    c = sub.add_parser("templates", help="mẫu tin nhắn: kiểm tra, xem thử")
    tsub = c.add_subparsers(required=True, metavar="VIỆC")
    k = tsub.add_parser("check", help="dựng mọi mẫu với dữ liệu mẫu, báo lỗi kèm tệp và dòng")
    k.add_argument("--dir", type=Path, default=None, help="thư mục mẫu của quản trị viên (mặc định: [bot] templates)")
    k.set_defaults(func=_cmd_check)
    s = tsub.add_parser("show", help="in một tin nhắn dựng từ dữ liệu mẫu")
    s.add_argument("name", choices=NAMES)
    s.add_argument("--channel", choices=CHANNELS, default="console")
    s.add_argument("--dir", type=Path, default=None)
    s.set_defaults(func=_cmd_show)


@dataclass(frozen=True)
class TemplateProblem:
    """A template that does not render, or renders into something a channel refuses."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


def _where(renderer: Renderer, error: Exception, fallback: str) -> tuple[str, int]:
    """The template file and line an error comes from (Jinja puts template frames in the traceback)."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return error.filename, error.lineno
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno or 0
    return fallback, 0


def check(renderer: Renderer) -> list[TemplateProblem]:
    """Render every message on every channel with every sample; what fails, with file and line."""
    problems: dict[tuple[str, int, str], TemplateProblem] = {}
    for name, case, context in every():
        for channel in CHANNELS:
            first = Renderer.files(name, channel)[0]
            try:
                message = renderer.message(name, channel, **context)
            except (TemplateError, TypeError, ValueError, AttributeError, KeyError) as e:
                path, line = _where(renderer, e, first)
                p = TemplateProblem(path, line, f"{type(e).__name__}: {e} (mẫu {name}, {channel}, dữ liệu: {case})")
                problems.setdefault((path, line, type(e).__name__), p)
                continue
            if channel == "telegram":
                problems.update({(first, 0, p.message): p for p in _telegram(first, message.html or "", case)})
    return list(problems.values())


def _telegram(path: str, html: str, case: str) -> list[TemplateProblem]:
    tags = _Tags()
    tags.feed(html)
    out = []
    if bad := sorted(tags.tags - TELEGRAM_TAGS):
        out.append(TemplateProblem(path, 0, f"Telegram không nhận thẻ {', '.join(f'<{t}>' for t in bad)}"))
    if len(html) > TELEGRAM_LIMIT:
        out.append(TemplateProblem(path, 0, f"dài {len(html)} ký tự, quá {TELEGRAM_LIMIT} của Telegram "
                                            f"(dữ liệu: {case})"))
    return out


def _renderer(args: argparse.Namespace) -> Renderer:
    folder = args.dir or config_mod.load(args.config).templates
    return Renderer(folder)


def _cmd_check(args: argparse.Namespace) -> int:
    renderer = _renderer(args)
    problems = check(renderer)
    for p in problems:
        print(p)
    where = f" (mẫu riêng: {renderer.override})" if renderer.override else ""
    if problems:
        print(f"{len(problems)} lỗi trong các mẫu tin nhắn{where}", file=sys.stderr)
        return 1
    total = sum(len(list(contexts(n))) for n in NAMES) * len(CHANNELS)
    print(f"mọi mẫu tin nhắn đều dựng được: {len(NAMES)} loại tin × {len(CHANNELS)} kênh, {total} lần dựng{where}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    renderer = _renderer(args)
    _, context = next(contexts(args.name))
    message = renderer.message(args.name, args.channel, **context)
    if message.subject:
        print(f"Tiêu đề: {message.subject}\n")
    print(message.html if args.channel == "telegram" else message.text)
    for row in message.buttons:
        print("  " + "   ".join(f"[{b.label}]" for b in row))
    return 0
