"""What officers and supervisors may do, and what the bot answers them (in Vietnamese).

Telegram handlers only translate updates into these calls; the rules live here: who may act on
which task, marking done, undoing, snoozing, asking for and deciding extensions, binding a chat.
Every action is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from bot.clock import Clock
from bot.engine import Engine
from bot.periods import PeriodError, parse
from bot.periods.text import fold
from bot.render import PlanView, TaskView
from bot.store import OccurrenceInfo, Store
from bot.wording import gio, ngay

_DONE_WORDS = re.compile(r"(?<![a-z])(?:da\s+)?(?:xong|hoan\s+thanh|hoan\s+tat)(?![a-z])")
_NOT = re.compile(r"(?<![a-z])(?:chua|khong|chang|cha)\s+(?:\w+\s+)?(?:xong|hoan\s+thanh|hoan\s+tat)")
_URL = re.compile(r"https?://\S+")
INVITE_TTL = dt.timedelta(hours=48)
REFUSAL = ("Nhóm này chưa đăng ký nhận nhắc việc. Quản trị viên cấp mã đăng ký bằng lệnh "
           "“nhacviec invite”, rồi gõ /dangky <mã> trong nhóm.")


@dataclass(frozen=True)
class Actor:
    """Who acts, and from which chat."""

    user_id: int | None
    name: str
    chat_id: int | None


@dataclass(frozen=True)
class Access:
    """What an actor may act on."""

    agencies: tuple[str, ...]
    admin: bool

    @property
    def known(self) -> bool:
        """Whether the chat is bound to an agency or the person is an admin."""
        return self.admin or bool(self.agencies)


@dataclass
class Outcome:
    """The answer to an action: `text` (plain) for the person who acted, `html` (from a template)
    for the message it changes; `notify` lists (chat id, HTML, extension id or None) to send too;
    `notices` lists (agency, message name, context) to deliver wherever that agency reads (its
    mailbox when it has no Telegram group)."""

    ok: bool
    text: str
    occurrence: OccurrenceInfo | None = None
    notify: list[tuple[int, str, int | None]] = field(default_factory=list)
    html: str | None = None
    notices: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)  # the occurrences a list shows, in order


def task_view(occ: OccurrenceInfo) -> TaskView:
    """What a message says about the occurrence's task."""
    return TaskView(occ.task_id, occ.task_title, occ.lead_text, occ.coordinating, occ.product, occ.time_text)


def says_done(text: str) -> bool:
    """Whether a reply says the task is done ("xong", "đã hoàn thành"), and not that it is not."""
    folded = fold(text).text
    return bool(_DONE_WORDS.search(folded)) and not _NOT.search(folded)


def link_in(text: str) -> str | None:
    """A link in a reply, kept as evidence."""
    m = _URL.search(text)
    return m.group() if m else None


def code_hash(code: str) -> str:
    """Invitation codes are kept only as hashes."""
    return hashlib.sha256(re.sub(r"[\s-]", "", code.upper()).encode()).hexdigest()


def invite(store: Store, agency: str, now: dt.datetime, ttl: dt.timedelta = INVITE_TTL) -> str:
    """A one-time code binding an agency's group (for `nhacviec invite`); only its hash is kept."""
    code = secrets.token_hex(4).upper()
    store.create_invite(agency, code_hash(code), now, now + ttl)
    store.audit(now, "admin", "invite", {"agency": agency, "expires": (now + ttl).isoformat()})
    return f"{code[:4]}-{code[4:]}"


class Actions:
    """The rules, over the store and the engine."""

    def __init__(self, store: Store, engine: Engine, clock: Clock, admins: set[int],
                 undo_window: dt.timedelta = dt.timedelta(minutes=15)) -> None:
        self.store, self.engine, self.clock = store, engine, clock
        self.renderer = engine.dispatcher.renderer
        self.admins = admins
        self.undo_window = undo_window

    # --- who may do what -------------------------------------------------------------------

    def access(self, actor: Actor) -> Access:
        """The agencies the actor's chat stands for; admins may do everything."""
        agencies = tuple(self.store.chat_agencies(actor.chat_id)) if actor.chat_id is not None else ()
        return Access(agencies, actor.user_id in self.admins)

    @staticmethod
    def may(access: Access, occ: OccurrenceInfo) -> bool:
        """An agency acts on its own tasks; the supervising agency on its plans' tasks."""
        return access.admin or occ.agency in access.agencies or (
            occ.supervisor is not None and occ.supervisor in access.agencies)

    def _audit(self, actor: Actor, action: str, **detail: object) -> None:
        self.store.audit(self.clock.now(), f"{actor.user_id or ''} {actor.name}".strip(), action,
                         {k: v for k, v in detail.items()}, chat_id=actor.chat_id)

    def _lookup(self, actor: Actor, occ_id: int, action: str) -> tuple[Access, OccurrenceInfo | None, str]:
        access = self.access(actor)
        if not access.known:
            self._audit(actor, f"{action}_refused", occurrence=occ_id, reason="chat chưa đăng ký")
            return access, None, REFUSAL
        occ = self.store.occurrence(occ_id)
        if occ is None or not self.may(access, occ):
            self._audit(actor, f"{action}_refused", occurrence=occ_id, reason="không có quyền")
            return access, None, "Nhóm này không phụ trách nhiệm vụ đó."
        return access, occ, ""

    # --- done, undo, snooze -----------------------------------------------------------------

    def done(self, actor: Actor, occ_id: int, via: str, evidence: str | None = None) -> Outcome:
        """Mark an occurrence done (a recurring duty: only this period) and cancel what was pending."""
        _, occ, refusal = self._lookup(actor, occ_id, "done")
        if occ is None:
            return Outcome(False, refusal)
        now = self.clock.now()
        if not self.store.complete(occ_id, now, via=via, user_id=actor.user_id, user_name=actor.name,
                                   chat_id=actor.chat_id, evidence=evidence):
            return Outcome(False, "Nhiệm vụ này đã được đánh dấu trước đó.", occ)
        self._audit(actor, "done", occurrence=occ_id, plan=occ.plan_id, task=occ.task_id, via=via, evidence=evidence)
        local = now.astimezone(self.engine.cfg.tz)
        context = {"task": task_view(occ), "plan": PlanView(occ.plan_number, occ.plan_title), "who": actor.name,
                   "at": local, "evidence": evidence, "recipient": occ.agency_name, "code": occ.id}
        html = self.renderer.render("telegram/done.html.j2", **context)
        return Outcome(True, f"✅ Đã hoàn thành nhiệm vụ {occ.task_id} — {actor.name} đánh dấu lúc {gio(local)}.",
                       occ, html=html, notices=[(occ.agency, "done", context)])

    def done_by_reply(self, actor: Actor, replied_to: int, text: str, evidence: str | None) -> Outcome | None:
        """A reply to a reminder saying it is done (or carrying a file, a photo, a link); None if not."""
        found = self.store.occurrences_of_message(actor.chat_id, replied_to) if actor.chat_id is not None else []
        if not found:
            return None
        evidence = evidence or link_in(text)
        if not says_done(text) and evidence is None:
            return None
        if len(found) > 1:  # a grouped reminder: which task is meant is not ours to guess
            return Outcome(False, "Tin này nhắc nhiều nhiệm vụ: bấm nút “✅ Xong” của nhiệm vụ đã hoàn thành, "
                                  "hoặc gõ /xong <mã>.")
        return self.done(actor, found[0], "reply", evidence)

    def undo(self, actor: Actor) -> Outcome:
        """Undo this chat's last completion, within a short while."""
        if not self.access(actor).known or actor.chat_id is None:
            return Outcome(False, REFUSAL)
        now = self.clock.now()
        occ_id = self.store.undo_last(actor.chat_id, now - self.undo_window, now)
        if occ_id is None:
            minutes = int(self.undo_window.total_seconds() // 60)
            return Outcome(False, f"Không có việc nào đánh dấu hoàn thành trong {minutes} phút qua để hoàn tác.")
        occ = self.store.occurrence(occ_id)
        self._audit(actor, "undo", occurrence=occ_id)
        if occ is not None:
            self.engine.sync(plans={occ.plan_id})  # its reminders come back
        return Outcome(True, "↩️ Đã hoàn tác: nhiệm vụ trở lại chưa hoàn thành, bot sẽ tiếp tục nhắc.", occ)

    def snooze(self, actor: Actor, occ_id: int, days: int) -> Outcome:
        """Remind this chat again in 1 or 3 working days."""
        _, occ, refusal = self._lookup(actor, occ_id, "snooze")
        if occ is None or actor.chat_id is None:
            return Outcome(False, refusal)
        days = 3 if days >= 3 else 1
        cfg = self.engine.cfg
        day = self.engine.calendar.add_working_days(self.clock.now().astimezone(cfg.tz).date(), days)
        at = dt.datetime.combine(day, cfg.reminders.send_at, tzinfo=cfg.tz)
        recipient = occ.agency if occ.agency in self.access(actor).agencies else (
            self.access(actor).agencies[0] if self.access(actor).agencies else occ.agency)
        self.store.snooze(occ_id, recipient, str(actor.chat_id), at)
        self._audit(actor, "snooze", occurrence=occ_id, days=days)
        return Outcome(True, f"⏰ Sẽ nhắc lại vào {ngay(day)}.", occ)

    # --- extensions -------------------------------------------------------------------------

    def may_ask(self, actor: Actor, occ_id: int) -> Outcome:
        """Whether this chat may ask for more time on this task (before it is prompted for a date)."""
        _, occ, refusal = self._lookup(actor, occ_id, "extension")
        if occ is None:
            return Outcome(False, refusal)
        if occ.state != "open":
            return Outcome(False, "Nhiệm vụ này không còn mở.", occ)
        return Outcome(True, "Trả lời tin nhắn của bot bằng thời hạn mới.", occ)

    def ask_extension(self, actor: Actor, occ_id: int, text: str) -> Outcome:
        """Ask the supervising agency for a new due date, written as plans write it."""
        _, occ, refusal = self._lookup(actor, occ_id, "extension")
        if occ is None:
            return Outcome(False, refusal)
        today = self.clock.now().astimezone(self.engine.cfg.tz).date()
        try:
            period = parse(text, context_year=today.year)
        except PeriodError as e:
            return Outcome(False, f"Chưa đọc được thời hạn “{text}”: {e.hint}", occ)
        if period.due is None or period.kind not in ("deadline", "window"):
            return Outcome(False, f"“{text}” chưa phải một ngày cụ thể; ví dụ: 30/11/2018 hoặc tháng 11/2018.", occ)
        if period.due <= today:
            return Outcome(False, f"Thời hạn mới ({period.due:%d/%m/%Y}) phải sau hôm nay.", occ)
        ext_id = self.store.request_extension(occ_id, period.due, text, actor.user_id, actor.name, actor.chat_id,
                                              self.clock.now())
        self._audit(actor, "extension_asked", occurrence=occ_id, extension=ext_id, due=period.due.isoformat())
        chats = self.store.agency_chats(occ.supervisor) if occ.supervisor else []
        context = {"task": task_view(occ), "plan": PlanView(occ.plan_number, occ.plan_title),
                   "agency": occ.agency_name, "current_due": occ.effective_due, "requested_due": period.due,
                   "requested_text": text, "who": actor.name, "code": occ.id, "recipient": occ.supervisor_name}
        note = self.renderer.render("telegram/extension_request.html.j2", **context)
        admin_chat = self.engine.cfg.telegram.admin_chat
        where = "cơ quan giám sát" if chats else "quản trị viên (cơ quan giám sát chưa có nhóm Telegram)"
        notices = []
        if not chats:  # the admins decide in their chat; the supervising agency hears by mail
            chats = [admin_chat] if admin_chat is not None else []
            notices = [(occ.supervisor, "extension_request", context)] if occ.supervisor else []
        return Outcome(True, f"Đã gửi đề nghị gia hạn đến {ngay(period.due)} cho {where}.", occ,
                       [(c, note, ext_id) for c in chats], notices=notices)

    def decide(self, actor: Actor, ext_id: int, approve: bool) -> Outcome:
        """The supervising agency (or an admin) approves or refuses an extension."""
        ext = self.store.extension(ext_id)
        if ext is None:
            return Outcome(False, "Không tìm thấy đề nghị gia hạn này.")
        access = self.access(actor)
        occ = self.store.occurrence(ext.occurrence_id)
        if occ is None or not (access.admin or (occ.supervisor is not None and occ.supervisor in access.agencies)):
            self._audit(actor, "extension_decide_refused", extension=ext_id)
            return Outcome(False, "Chỉ cơ quan giám sát kế hoạch mới quyết định gia hạn.")
        decided = self.store.decide_extension(ext_id, approve, actor.name, self.clock.now())
        if decided is None:
            return Outcome(False, "Đề nghị này đã được quyết định trước đó.", occ)
        self._audit(actor, "extension_approved" if approve else "extension_refused", extension=ext_id,
                    occurrence=occ.id)
        if approve:
            self.engine.sync(plans={occ.plan_id})  # reminders for the new date
        verdict = (f"✅ Đồng ý gia hạn nhiệm vụ {occ.task_id} đến {ngay(decided.requested_due)}." if approve
                   else f"❌ Không đồng ý gia hạn nhiệm vụ {occ.task_id}; hạn vẫn là {ngay(occ.effective_due)}.")
        html = self.renderer.render("telegram/extension_answer.html.j2", approved=approve, task=task_view(occ),
                                    plan=PlanView(occ.plan_number), new_due=decided.requested_due,
                                    current_due=occ.effective_due, who=actor.name)
        notify: list[tuple[int, str, int | None]] = []
        if decided.chat_id:
            notify.append((decided.chat_id, html, None))
        return Outcome(True, verdict, occ, notify, html=html)

    # --- lists --------------------------------------------------------------------------------

    def tasks(self, actor: Actor, which: str) -> Outcome:
        """This chat's open tasks ('open'), overdue ones ('overdue'), or those due in 30 days ('soon')."""
        access = self.access(actor)
        if not access.known:
            return Outcome(False, REFUSAL)
        today = self.clock.now().astimezone(self.engine.cfg.tz).date()
        agencies = list(access.agencies)
        if which == "overdue":
            rows = self.store.open_for(agencies, last=today - dt.timedelta(days=1))
            title, empty = "Nhiệm vụ quá hạn", "Không có nhiệm vụ nào quá hạn."
        elif which == "soon":
            rows = self.store.open_for(agencies, first=today, last=today + dt.timedelta(days=30))
            title, empty = "Nhiệm vụ đến hạn trong 30 ngày tới", "Không có nhiệm vụ nào đến hạn trong 30 ngày tới."
        else:
            rows = self.store.open_for(agencies, last=today + dt.timedelta(days=365))
            title, empty = "Nhiệm vụ chưa hoàn thành", "Không có nhiệm vụ nào đang mở."
        if not rows:
            return Outcome(True, empty)
        lines = [f"{title} ({len(rows)}):"]
        for o in rows:
            left = self.engine.calendar.working_days_between(today, o.effective_due)
            when = f"quá hạn {-left} ngày làm việc" if left < 0 else ngay(o.effective_due)
            lines.append(f"#{o.id} · {o.task_id} · {o.task_title[:90]} — {o.agency_name}, {when}")
        return Outcome(True, "\n".join(lines), codes=[o.id for o in rows])

    def report(self, actor: Actor) -> Outcome:
        """For the supervising agency: per agency, done, open and overdue."""
        access = self.access(actor)
        if not access.known:
            return Outcome(False, REFUSAL)
        today = self.clock.now().astimezone(self.engine.cfg.tz).date()
        rows = self.store.report(list(access.agencies), today)
        if not rows:
            return Outcome(True, "Nhóm này không giám sát kế hoạch nào.")
        lines = ["Tình hình thực hiện (đến 30 ngày tới): hoàn thành / đang mở / quá hạn"]
        lines += [f"{name}: {done} / {open_} / {late}" for name, done, open_, late in rows]
        return Outcome(True, "\n".join(lines))

    # --- binding chats ------------------------------------------------------------------------

    def register(self, actor: Actor, code: str) -> Outcome:
        """Bind this chat to the agency the code was made for."""
        if actor.chat_id is None or not code.strip():
            return Outcome(False, "Gõ /dangky <mã> với mã quản trị viên đã cấp.")
        agency, why = self.store.use_invite(code_hash(code), actor.chat_id, self.clock.now())
        if agency is None:
            self._audit(actor, "register_refused", reason=why)
            reasons = {"used": "Mã này đã được dùng.", "expired": "Mã này đã hết hạn.",
                       "unknown": "Mã không đúng."}
            return Outcome(False, reasons.get(why, "Mã không dùng được.") + " Xin quản trị viên cấp mã mới.")
        self._audit(actor, "register", agency=agency)
        name = self.store.agency_names([agency]).get(agency, agency)
        self.engine.sync()  # pending reminders now also come here
        return Outcome(True, f"✅ Nhóm này từ nay nhận nhắc việc của {name}.")

    def unregister(self, actor: Actor) -> Outcome:
        """Stop sending to this chat."""
        if actor.chat_id is None or not self.access(actor).agencies:
            return Outcome(False, REFUSAL)
        agencies = self.store.unbind(actor.chat_id, self.clock.now())
        self._audit(actor, "unregister", agencies=agencies)
        self.engine.sync()
        return Outcome(True, "Đã hủy đăng ký: nhóm này sẽ không nhận nhắc việc nữa.")
