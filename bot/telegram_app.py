"""The Telegram side: a python-telegram-bot Application whose handlers call `Actions`.

Buttons under each reminder (done, remind later, ask for more time), replies that say "đã xong" or
carry a file, photo or link, and the commands in the menu. Who may do what is decided in Actions.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re

from telegram import BotCommand, ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.actions import REFUSAL, Actions, Actor, Outcome
from bot.channels.ratelimit import ChatRateLimiter
from bot.channels.telegram import TelegramChannel
from bot.config import Config
from bot.store import Store

log = logging.getLogger("nhacviec.telegram")

COMMANDS = [
    ("nhiemvu", "Nhiệm vụ chưa hoàn thành của nhóm"),
    ("quahan", "Nhiệm vụ quá hạn"),
    ("lich", "Hạn trong 30 ngày tới"),
    ("baocao", "Tình hình các cơ quan (cho cơ quan giám sát)"),
    ("xong", "Đánh dấu hoàn thành: /xong <mã>"),
    ("hoantac", "Hoàn tác lần đánh dấu vừa rồi"),
    ("giahan", "Xin gia hạn: /giahan <mã> <thời hạn mới>"),
    ("dangky", "Đăng ký nhóm nhận nhắc việc: /dangky <mã>"),
    ("huydangky", "Thôi nhận nhắc việc ở nhóm này"),
    ("help", "Hướng dẫn"),
]
HELP = ("Bot nhắc việc gửi lời nhắc trước hạn, đúng hạn và khi quá hạn cho các nhiệm vụ trong kế hoạch.\n"
        "• Xong việc: bấm “✅ Đã hoàn thành” dưới lời nhắc, trả lời lời nhắc bằng “đã xong” (có thể kèm tệp, "
        "ảnh hoặc đường dẫn làm minh chứng), hoặc gõ /xong <mã>.\n"
        "• /hoantac: hoàn tác lần đánh dấu vừa rồi.\n"
        "• “⏰ Nhắc lại sau”: nhắc lại sau 1 hoặc 3 ngày làm việc.\n"
        "• “📝 Xin gia hạn” hoặc /giahan <mã> <thời hạn>: gửi đề nghị cho cơ quan giám sát.\n"
        "• /nhiemvu, /quahan, /lich, /baocao: xem danh sách.\n"
        "• Nhóm mới: gõ /dangky <mã> với mã quản trị viên cấp.")
_PROMPT = re.compile(r"#(\d+)")
_PROMPT_WORDS = "xin gia hạn nhiệm vụ"


class TelegramRuntime:
    """The Application, its sending channel, and polling by whichever process holds the lead."""

    def __init__(self, cfg: Config, token: str, actions: Actions, store: Store,
                 limiter: ChatRateLimiter | None = None) -> None:
        self.cfg = cfg
        self.app = build_application(cfg, token, actions, limiter)
        self.channel = TelegramChannel(self.app.bot)
        self.leadership = store.leadership()
        self.ready = False

    async def start(self) -> bool:
        """getMe, the command menu, the handlers; False (and a later retry) if Telegram does not answer."""
        if self.ready:
            return True
        try:
            await self.app.initialize()
            await set_commands(self.app)
            await self.app.start()
        except TelegramError as e:
            log.warning("Telegram not reachable yet: %s", e)
            return False
        self.ready = True
        return True

    async def lead(self) -> None:
        """Poll for updates only while this process holds the lead (one poller per bot token)."""
        if not await self.start():
            return
        updater = self.app.updater
        if updater is None:
            return
        try:
            leading = self.leadership.try_acquire()
        except Exception as e:  # the database is away: keep doing whatever we were doing
            log.warning("leadership check failed: %s", e)
            return
        if leading and not updater.running:
            await updater.start_polling(allowed_updates=["message", "callback_query"], timeout=20)
            log.info("polling Telegram for updates")
        elif not leading and updater.running:
            await updater.stop()
            log.info("another process polls Telegram now")

    async def notify(self, text: str) -> None:
        """Tell the admins' chat, when one is configured."""
        chat = self.cfg.telegram.admin_chat
        if chat is None or not self.ready:
            return
        try:
            await self.app.bot.send_message(chat_id=chat, text=f"⚠️ {text}"[:4000])
        except TelegramError as e:
            log.warning("could not tell the admins' chat: %s", e)

    async def stop(self) -> None:
        """Stop polling, give the lead up, and shut the Application down."""
        if not self.ready:
            return
        updater = self.app.updater
        if updater is not None and updater.running:
            await updater.stop()
        with contextlib.suppress(Exception):
            self.leadership.release()
        await self.app.stop()
        await self.app.shutdown()
        self.ready = False


def build_application(cfg: Config, token: str, actions: Actions | None = None,
                      limiter: ChatRateLimiter | None = None) -> Application:  # type: ignore[type-arg]
    """An Application with our rate limiter, the configured Bot API server and our handlers."""
    builder = Application.builder().token(token).rate_limiter(limiter or ChatRateLimiter())
    if cfg.telegram.base_url:
        builder = builder.base_url(cfg.telegram.base_url)
    app = builder.build()
    if actions is not None:
        app.bot_data["actions"] = actions
        app.bot_data["admin_chat"] = cfg.telegram.admin_chat
    add_handlers(app)
    return app


async def set_commands(app: Application) -> None:  # type: ignore[type-arg]
    """The command menu (setMyCommands)."""
    await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])


def add_handlers(app: Application) -> None:  # type: ignore[type-arg]
    """Every handler the bot answers with."""
    app.add_handler(CommandHandler(["start", "help"], _help))
    app.add_handler(CommandHandler("dangky", _register))
    app.add_handler(CommandHandler("huydangky", _unregister))
    app.add_handler(CommandHandler("nhiemvu", _list("open")))
    app.add_handler(CommandHandler("quahan", _list("overdue")))
    app.add_handler(CommandHandler("lich", _list("soon")))
    app.add_handler(CommandHandler("baocao", _report))
    app.add_handler(CommandHandler("xong", _done_command))
    app.add_handler(CommandHandler("hoantac", _undo))
    app.add_handler(CommandHandler("giahan", _extension_command))
    app.add_handler(CallbackQueryHandler(_button))
    app.add_handler(MessageHandler(filters.REPLY & ~filters.COMMAND, _reply))
    app.add_error_handler(_error)


def _actions(context: ContextTypes.DEFAULT_TYPE) -> Actions:
    return context.application.bot_data["actions"]  # type: ignore[no-any-return]


async def _deliver(context: ContextTypes.DEFAULT_TYPE, out: Outcome, actor: Actor) -> None:
    """The outcome's notices, to wherever their agencies read (a mailbox when there is no group)."""
    deliver = context.application.bot_data.get("deliver")
    if deliver is None or not out.ok:
        return
    for agency, name, ctx in out.notices:
        try:
            await deliver(agency, name, ctx, str(actor.chat_id))
        except Exception:  # a notice must never spoil the answer
            log.exception("could not deliver %s to %s", name, agency)


def _actor(update: Update) -> Actor:
    user = update.effective_user
    chat = update.effective_chat
    return Actor(user.id if user else None, user.full_name if user else "", chat.id if chat else None)


async def _answer(update: Update, out: Outcome, markup: InlineKeyboardMarkup | None = None) -> None:
    if update.effective_message is None:
        return
    if out.html:
        await update.effective_message.reply_text(out.html, parse_mode=ParseMode.HTML, reply_markup=markup)
    else:
        await update.effective_message.reply_text(out.text, reply_markup=markup)


async def _help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    actions = _actions(context)
    known = actions.access(_actor(update)).known
    await _answer(update, Outcome(True, HELP if known else HELP + "\n\n" + REFUSAL))


async def _register(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # these re-sync the schedules (pending reminders follow the binding): off the event loop
    out = await asyncio.to_thread(_actions(context).register, _actor(update), " ".join(context.args or []))
    await _answer(update, out)


async def _unregister(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _answer(update, await asyncio.to_thread(_actions(context).unregister, _actor(update)))


def _list(which: str):  # type: ignore[no-untyped-def]
    async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        out = _actions(context).tasks(_actor(update), which)
        codes = out.codes[:10]
        markup = InlineKeyboardMarkup([[InlineKeyboardButton(f"✅ Xong #{c}", callback_data=f"d:{c}")]
                                       for c in codes]) if codes else None
        await _answer(update, out, markup)

    return handler


async def _report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _answer(update, _actions(context).report(_actor(update)))


async def _done_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    args = context.args or []
    code = args[0].lstrip("#") if args else ""
    if not code.isdigit():
        await _answer(update, Outcome(False, "Gõ /xong <mã>, mã in dưới mỗi lời nhắc, ví dụ /xong 123."))
        return
    actor = _actor(update)
    out = _actions(context).done(actor, int(code), "command")
    await _answer(update, out)
    await _deliver(context, out, actor)


async def _undo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _answer(update, await asyncio.to_thread(_actions(context).undo, _actor(update)))


async def _extension_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    args = context.args or []
    if len(args) < 2 or not args[0].lstrip("#").isdigit():
        await _answer(update, Outcome(False, "Gõ /giahan <mã> <thời hạn mới>, ví dụ /giahan 123 30/11/2018."))
        return
    actor = _actor(update)
    out = _actions(context).ask_extension(actor, int(args[0].lstrip("#")), " ".join(args[1:]))
    await _answer(update, out)
    await _send_extension_requests(context, out)
    await _deliver(context, out, actor)


async def _send_extension_requests(context: ContextTypes.DEFAULT_TYPE, out: Outcome) -> None:
    """The request goes to the supervising agency's chats (or the admins' chat) with two buttons."""
    if not out.ok:
        return
    for chat, text, ext_id in out.notify:
        markup = None
        if ext_id is not None:
            markup = InlineKeyboardMarkup([[InlineKeyboardButton("✅ Đồng ý", callback_data=f"a:{ext_id}"),
                                            InlineKeyboardButton("❌ Không đồng ý", callback_data=f"r:{ext_id}")]])
        try:
            await context.bot.send_message(chat_id=chat, text=text, parse_mode=ParseMode.HTML, reply_markup=markup)
        except TelegramError as e:
            log.warning("could not send an extension request to %s: %s", chat, e)


def _without(markup: InlineKeyboardMarkup | None, codes: set[str]) -> InlineKeyboardMarkup | None:
    """The keyboard without the rows about these occurrences (a grouped message keeps the others)."""
    if markup is None:
        return None
    def about(data: object) -> str | None:
        parts = str(data or "").split(":")
        return parts[1] if len(parts) > 1 else None

    rows = [row for row in markup.inline_keyboard if not any(about(b.callback_data) in codes for b in row)]
    return InlineKeyboardMarkup(rows) if rows else None


async def _mark(message: Message | None, line_html: str, code: int | None = None) -> None:
    """Edit a message to say what became of a task, and take that task's buttons away."""
    if message is None:
        return
    body = message.text_html or html.escape(message.text or "")
    markup = _without(message.reply_markup, {str(code)}) if code is not None else None
    try:
        await message.edit_text(f"{body}\n\n{line_html}", parse_mode=ParseMode.HTML, reply_markup=markup)
    except TelegramError as e:
        log.warning("could not edit message %s: %s", message.message_id, e)


async def _button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None or not query.data:
        return
    actions, actor = _actions(context), _actor(update)
    kind, _, rest = query.data.partition(":")
    message = query.message if isinstance(query.message, Message) else None
    try:
        if kind == "d":
            out = actions.done(actor, int(rest), "button")
            if out.ok and out.html:
                await _mark(message, out.html, int(rest))
            await _deliver(context, out, actor)
        elif kind == "s":
            occ, _, days = rest.partition(":")
            out = actions.snooze(actor, int(occ), int(days or 1))
        elif kind == "x":
            out = actions.may_ask(actor, int(rest))
            if out.ok and message is not None:
                await message.reply_text(
                    f"📝 {_PROMPT_WORDS.capitalize()} #{rest}: trả lời tin này bằng thời hạn mới, ví dụ "
                    "“30/11/2018” hoặc “tháng 12/2018”.", reply_markup=ForceReply(selective=True))
        elif kind in ("a", "r"):
            out = await asyncio.to_thread(actions.decide, actor, int(rest), kind == "a")
            if out.ok and out.html:
                await _mark(message, out.html)
                for chat, text, _ in out.notify:
                    await context.bot.send_message(chat_id=chat, text=text, parse_mode=ParseMode.HTML)
        else:
            return
    except ValueError:
        out = Outcome(False, "Nút này không còn dùng được.")
    await query.answer(out.text[:190], show_alert=not out.ok)


async def _reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or message.reply_to_message is None:
        return
    replied = message.reply_to_message
    if replied.from_user is None or replied.from_user.id != context.bot.id:
        return
    actions, actor = _actions(context), _actor(update)
    text = message.text or message.caption or ""
    prompt = _PROMPT.search(replied.text or "")
    if prompt and _PROMPT_WORDS in (replied.text or "").lower():
        out = actions.ask_extension(actor, int(prompt.group(1)), text)
        await _answer(update, out)
        await _send_extension_requests(context, out)
        await _deliver(context, out, actor)
        return
    evidence = None
    if message.document is not None:
        evidence = f"tệp {message.document.file_name or ''} (telegram:{message.document.file_id})"
    elif message.photo:
        evidence = f"ảnh (telegram:{message.photo[-1].file_id})"
    found = actions.done_by_reply(actor, replied.message_id, text, evidence)
    if found is None:
        return
    await _answer(update, found)
    if found.ok and found.html and found.occurrence is not None:
        await _mark(replied, found.html, found.occurrence.id)
    await _deliver(context, found, actor)


async def _error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("handler failed: %s", context.error, exc_info=context.error)
