"""A Bot API server of our own on 127.0.0.1, for tests and the Telegram benchmark.

It speaks the parts of the Bot API the bot uses (getMe, getUpdates, sendMessage, editMessageText,
editMessageReplyMarkup, answerCallbackQuery, setMyCommands, deleteWebhook, getFile…), records
every call, lets a test queue updates (messages, replies, button presses, documents, photos),
enforces Telegram's limits with 429 and retry_after, and fails on request: 500, a dropped
connection, 403 "bot was blocked by the user", 400 with migrate_to_chat_id, 400 "chat not found".
"""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import math
import re
import threading
import time
import urllib.parse
from collections import defaultdict, deque
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.conftest import until

TOKEN = "123456:TEST-TOKEN"
BOT_USER = {"id": 999, "is_bot": True, "first_name": "Nhắc việc", "username": "nhacviec_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
_LIMITED = ("sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage", "editMessageText")
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float


@dataclass
class _Failure:
    method: str
    kind: str
    times: int
    chat_id: int | None
    extra: dict[str, Any] = field(default_factory=dict)


def _parse_params(handler: BaseHTTPRequestHandler) -> dict[str, Any]:
    length = int(handler.headers.get("Content-Length") or 0)
    body = handler.rfile.read(length) if length else b""
    ctype = handler.headers.get("Content-Type", "")
    raw: dict[str, str] = {}
    if ctype.startswith("application/json") and body:
        return dict(json.loads(body))
    if ctype.startswith("multipart/form-data"):
        msg = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {ctype}\r\n\r\n".encode() + body)
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name and part.get_filename() is None:
                raw[str(name)] = part.get_content()
    else:
        raw = {k: v[-1] for k, v in urllib.parse.parse_qs(body.decode(), keep_blank_values=True).items()}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key != "text" and (value[:1] in ("{", "[") or re.fullmatch(r"-?\d+|true|false", value)):
            try:
                out[key] = json.loads(value)
                continue
            except ValueError:
                pass
        out[key] = value
    return out


class FakeTelegram:
    """The server, its recorded calls, its queue of updates and its switches."""

    def __init__(self, *, limits: bool = True, poll_cap: float = 0.5) -> None:
        self.limits = limits
        self.poll_cap = poll_cap
        self.calls: list[Call] = []
        self.lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._failures: list[_Failure] = []
        self._all: deque[float] = deque()
        self._per_chat: dict[int, deque[float]] = defaultdict(deque)
        self.too_many = 0  # 429s answered
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- life ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What the bot's `base_url` must be."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def start(self) -> FakeTelegram:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()

    # --- what a test can do -------------------------------------------------------------------

    def fail(self, method: str, kind: str, *, times: int = 1, chat_id: int | None = None,
             **extra: Any) -> None:
        """Make the next `times` calls fail: 'server_error', 'drop', 'blocked', 'migrate' (extra: to),
        'not_found', 'bad_request' (extra: why), 'retry_after' (extra: seconds)."""
        with self.lock:
            self._failures.append(_Failure(method, kind, times, chat_id, extra))

    def user(self, uid: int, name: str = "Cán bộ") -> dict[str, Any]:
        """A Telegram user."""
        return {"id": uid, "is_bot": False, "first_name": name}

    @staticmethod
    def chat(chat_id: int) -> dict[str, Any]:
        """A chat object for an id (negative: a group)."""
        kind = "private" if chat_id > 0 else "supergroup" if str(chat_id).startswith("-100") else "group"
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        if kind != "private":
            chat["title"] = f"Nhóm {chat_id}"
        else:
            chat["first_name"] = "Cán bộ"
        return chat

    def send_text(self, chat_id: int, user: dict[str, Any], text: str, *,
                  reply_to: int | None = None, **extra: Any) -> dict[str, Any]:
        """An officer writes in a chat (a command, a reply, a file)."""
        message: dict[str, Any] = {"message_id": next(self._message_ids[chat_id]), "date": int(time.time()),
                                   "chat": self.chat(chat_id), "from": user, **extra}
        if text:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            replied = self.messages.get((chat_id, reply_to)) or {
                "message_id": reply_to, "date": int(time.time()), "chat": self.chat(chat_id), "from": BOT_USER}
            message["reply_to_message"] = replied
        self.messages[(chat_id, message["message_id"])] = message
        self._push({"message": message})
        return message

    def send_document(self, chat_id: int, user: dict[str, Any], *, reply_to: int, name: str = "bao-cao.pdf") -> None:
        """An officer replies with a file."""
        doc = {"file_id": f"FILE-{name}", "file_unique_id": f"U-{name}", "file_name": name,
               "mime_type": "application/pdf", "file_size": 1234}
        self.send_text(chat_id, user, "", reply_to=reply_to, document=doc)

    def press(self, chat_id: int, user: dict[str, Any], message_id: int, data: str) -> str:
        """An officer presses a button under a bot message; returns the callback query id."""
        qid = f"cq{next(self._update_ids)}"
        message = self.messages[(chat_id, message_id)]
        self._push({"callback_query": {"id": qid, "from": user, "message": message, "chat_instance": "ci",
                                       "data": data}})
        return qid

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Messages the bot sent, in order (to one chat, or all)."""
        return [c.params for c in list(self.calls) if c.method == "sendMessage"
                and (chat_id is None or c.params.get("chat_id") == chat_id)]

    def called(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every call to a method."""
        return [c.params for c in list(self.calls) if c.method == method]

    async def until(self, predicate: Any, timeout: float = 10.0) -> None:
        """Wait, without blocking the event loop the bot runs in, until predicate() holds."""
        await until(predicate, timeout)

    # --- internals ----------------------------------------------------------------------------

    def _push(self, update: dict[str, Any]) -> None:
        with self.lock:
            update["update_id"] = next(self._update_ids)
            self._updates.append(update)
            self.lock.notify_all()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                return

            def do_POST(self) -> None:
                self._serve()

            def do_GET(self) -> None:
                self._serve()

            def _serve(self) -> None:
                m = re.match(r"^/bot([^/]+)/(\w+)", self.path)
                if not m or m.group(1) != TOKEN:
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                method = m.group(2)
                params = _parse_params(self)
                with server.lock:
                    server.calls.append(Call(method, params, time.monotonic()))
                failure = server._failure(method, params)
                if failure is not None:
                    if failure.kind == "drop":
                        self.close_connection = True
                        self.connection.close()
                        return
                    self._reply(*server._error(failure))
                    return
                limited = server._limited(method, params)
                if limited is not None:
                    self._reply(429, {"ok": False, "error_code": 429,
                                      "description": f"Too Many Requests: retry after {limited}",
                                      "parameters": {"retry_after": limited}})
                    return
                self._reply(200, {"ok": True, "result": server._result(method, params)})

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the bot gave up a long poll
                    self.wfile.write(data)

        return Handler

    def _failure(self, method: str, params: dict[str, Any]) -> _Failure | None:
        with self.lock:
            for f in self._failures:
                if f.method == method and f.times > 0 and (f.chat_id is None or params.get("chat_id") == f.chat_id):
                    f.times -= 1
                    return f
        return None

    @staticmethod
    def _error(f: _Failure) -> tuple[int, dict[str, Any]]:
        if f.kind == "server_error":
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        if f.kind == "blocked":
            return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
        if f.kind == "not_found":
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
        if f.kind == "bad_request":
            why = f.extra.get("why", "can't parse entities: unsupported start tag")
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {why}"}
        if f.kind == "migrate":
            return 400, {"ok": False, "error_code": 400,
                         "description": "Bad Request: group chat was upgraded to a supergroup chat",
                         "parameters": {"migrate_to_chat_id": f.extra.get("to", -1009999)}}
        seconds = int(f.extra.get("seconds", 3))
        return 429, {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {seconds}",
                     "parameters": {"retry_after": seconds}}

    def _limited(self, method: str, params: dict[str, Any]) -> int | None:
        """Seconds to wait when a send breaks Telegram's limits, else None (and the send counts)."""
        if not self.limits or method not in _LIMITED:
            return None
        chat = int(params.get("chat_id", 0))
        now = time.monotonic()
        with self.lock:
            while self._all and now - self._all[0] >= 1.0:
                self._all.popleft()
            mine = self._per_chat[chat]
            while mine and now - mine[0] >= 60.0:
                mine.popleft()
            waits = []
            if len(self._all) >= 30:
                waits.append(1.0 - (now - self._all[0]))
            if mine and now - mine[-1] < 1.0:
                waits.append(1.0 - (now - mine[-1]))
            if chat < 0 and len(mine) >= 20:
                waits.append(60.0 - (now - mine[0]))
            if waits:
                self.too_many += 1
                return max(1, math.ceil(max(waits)))
            self._all.append(now)
            mine.append(now)
        return None

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in ("deleteWebhook", "setMyCommands", "answerCallbackQuery", "deleteMyCommands", "setChatMenuButton"):
            return True
        if method == "getUpdates":
            return self._take(int(params.get("offset") or 0), float(params.get("timeout") or 0))
        if method == "getFile":
            return {"file_id": params["file_id"], "file_unique_id": "u", "file_path": f"documents/{params['file_id']}"}
        if method == "sendMessage":
            chat = int(params["chat_id"])
            text = html.unescape(_TAG.sub("", str(params.get("text", ""))))
            message = {"message_id": next(self._message_ids[chat]), "date": int(time.time()),
                       "chat": self.chat(chat), "from": BOT_USER, "text": text}
            if isinstance(params.get("reply_markup"), dict) and "inline_keyboard" in params["reply_markup"]:
                message["reply_markup"] = params["reply_markup"]
            params["message_id"] = message["message_id"]
            self.messages[(chat, message["message_id"])] = message
            return message
        if method in ("editMessageText", "editMessageReplyMarkup"):
            chat, mid = int(params["chat_id"]), int(params["message_id"])
            message = self.messages.get((chat, mid))
            if message is None:
                return True
            if "text" in params:
                message["text"] = html.unescape(_TAG.sub("", str(params["text"])))
            if isinstance(params.get("reply_markup"), dict):
                message["reply_markup"] = params["reply_markup"]
            else:
                message.pop("reply_markup", None)
            return message
        return True

    def _take(self, offset: int, timeout: float) -> list[dict[str, Any]]:
        end = time.monotonic() + min(timeout, self.poll_cap)
        with self.lock:
            while True:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= end:
                    return list(self._updates)
                self.lock.wait(max(0.0, end - time.monotonic()))
