"""Read a schedules folder into a `Schedule`, reporting every problem with file:line:col."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from bot import tomlpos
from bot.periods import Period, PeriodError, find_periods, parse
from bot.policy import PolicyError, ReminderPolicy
from bot.schedule.model import Agency, Deadline, Group, Plan, Schedule, Task
from bot.schedule.names import Names

AGENCIES = "agencies.toml"
_AGENCY_KEYS = {"id", "name", "aliases", "telegram", "email"}
_GROUP_KEYS = {"id", "name", "aliases", "members"}
_PLAN_KEYS = {"id", "number", "title", "issued", "year", "supervisor", "reminders"}
_TASK_KEYS = {"id", "title", "lead", "coordinating", "executing", "product", "time", "start", "finish",
              "milestones", "due", "reminders", "review"}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a schedule file, where it is, and whether it stops loading."""

    path: str
    line: int
    col: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        level = "" if self.severity == "error" else "cảnh báo: "
        return f"{self.path}:{self.line}:{self.col}: {level}{self.message}"


@dataclass
class Loaded:
    """A schedule (None when an error stops it) and every problem found."""

    schedule: Schedule | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class _File:
    """One TOML file being read: its data, positions, and a way to report problems."""

    path: Path
    problems: list[Problem]
    data: dict[str, Any] = field(default_factory=dict)
    where: tomlpos.Index = field(default_factory=tomlpos.Index)

    def report(self, at: tomlpos.Path, message: str, *, warning: bool = False, item: int | None = None,
               offset: int = 0) -> None:
        pos = self.where.at(at) if item is None else self.where.item(at, item)
        self.problems.append(Problem(str(self.path), pos.line, pos.col + offset, message,
                                     "warning" if warning else "error"))

    def read(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            self.problems.append(Problem(str(self.path), 1, 1, f"không đọc được tệp: {e}"))
            return False
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            m = _TOML_POSITION.search(str(e))
            line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
            reason = _TOML_POSITION.sub("", str(e)).strip()
            self.problems.append(Problem(str(self.path), line, col, f"lỗi cú pháp TOML: {reason}"))
            return False
        self.where = tomlpos.index(text)
        return True


def files_of(paths: Sequence[Path]) -> tuple[Path | None, list[Path]]:
    """The agencies file and the plan files named by files or folders."""
    agencies: Path | None = None
    plans: list[Path] = []
    for p in paths:
        folder = p if p.is_dir() else p.parent
        if agencies is None and (folder / AGENCIES).exists():
            agencies = folder / AGENCIES
        if p.is_dir():
            plans += sorted(f for f in p.glob("*.toml") if f.name != AGENCIES)
        elif p.name != AGENCIES:
            plans.append(p)
    return agencies, plans


def load(paths: Sequence[Path], *, today: dt.date | None = None,
         policy: ReminderPolicy | None = None) -> Loaded:
    """Load schedules; `today` enables the warning for deadlines already past."""
    problems: list[Problem] = []
    agencies_path, plan_paths = files_of(paths)
    names = Names()
    agencies: dict[str, Agency] = {}
    groups: dict[str, Group] = {}
    if agencies_path is None:
        first = str(paths[0]) if paths else "."
        problems.append(Problem(first, 1, 1, f"không tìm thấy {AGENCIES} cạnh các kế hoạch"))
    else:
        _load_agencies(_File(agencies_path, problems), names, agencies, groups)
    plans: list[Plan] = []
    seen: dict[str, str] = {}
    for path in plan_paths:
        f = _File(path, problems)
        if not f.read():
            continue
        plan = _load_plan(f, names, groups, policy or ReminderPolicy(), today)
        if plan is None:
            continue
        if plan.id in seen:
            f.report(("plan",), f"trùng mã kế hoạch '{plan.id}' với {seen[plan.id]}")
            continue
        seen[plan.id] = str(path)
        plans.append(plan)
    problems.sort(key=lambda p: (p.path, p.line, p.col))
    loaded = Loaded(None, problems)
    if not loaded.errors:
        loaded.schedule = Schedule(agencies, groups, tuple(plans))
    return loaded


def _load_agencies(f: _File, names: Names, agencies: dict[str, Agency], groups: dict[str, Group]) -> None:
    if not f.read():
        return
    for i, raw in enumerate(_tables(f, "agency")):
        at = ("agency", i)
        if not _keys(f, raw, _AGENCY_KEYS, at):
            continue
        ident, name = _text(f, raw, "id", at, required=True), _text(f, raw, "name", at, required=True)
        if not ident or not name:
            continue
        if ident in agencies:
            f.report((*at, "id"), f"trùng mã cơ quan '{ident}'")
            continue
        aliases = _texts(f, raw, "aliases", at)
        telegram = tuple(_ints(f, raw, "telegram", at))
        email = _texts(f, raw, "email", at)
        agencies[ident] = Agency(ident, name, aliases, telegram, email)
        for clash in names.add(ident, name, aliases):
            f.report((*at, "aliases"), f"tên '{clash}' đã dùng cho cơ quan khác")
    for i, raw in enumerate(_tables(f, "group")):
        at = ("group", i)
        if not _keys(f, raw, _GROUP_KEYS, at):
            continue
        ident, name = _text(f, raw, "id", at, required=True), _text(f, raw, "name", at, required=True)
        if not ident or not name:
            continue
        members: list[str] = []
        for j, written in enumerate(_texts(f, raw, "members", at)):
            resolved = names.resolve(written)
            if resolved is None or resolved not in agencies:
                f.report((*at, "members"), _unknown(names, written), item=j)
            else:
                members.append(resolved)
        if ident in agencies or ident in groups:
            f.report((*at, "id"), f"trùng mã '{ident}'")
            continue
        groups[ident] = Group(ident, name, tuple(members), _texts(f, raw, "aliases", at))
        for clash in names.add(ident, name, groups[ident].aliases):
            f.report((*at, "aliases"), f"tên '{clash}' đã dùng cho cơ quan khác")


def _unknown(names: Names, written: str) -> str:
    hint = names.suggest(written)
    return f"không có cơ quan \"{written}\"" + (f"; có phải là \"{hint}\"?" if hint else "")


def _load_plan(f: _File, names: Names, groups: dict[str, Group], policy: ReminderPolicy,
               today: dt.date | None) -> Plan | None:
    raw = f.data.get("plan")
    if not isinstance(raw, dict):
        f.report((), "thiếu bảng [plan] (số, tên, năm của kế hoạch)")
        return None
    at: tomlpos.Path = ("plan",)
    _keys(f, raw, _PLAN_KEYS, at)
    number = _text(f, raw, "number", at, required=True) or f.path.stem
    year = raw.get("year")
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        f.report((*at, "year"), "year phải là năm của kế hoạch, ví dụ year = 2018")
        return None
    supervisor = None
    if "supervisor" in raw:
        written = _text(f, raw, "supervisor", at) or ""
        supervisor = names.resolve(written)
        if supervisor is None:
            f.report((*at, "supervisor"), _unknown(names, written))
    else:
        f.report(at, "chưa ghi cơ quan giám sát (supervisor): không ai được báo khi quá hạn", warning=True)
    plan_policy = _policy(f, raw, at, policy)
    issued = raw.get("issued")
    if issued is not None and not isinstance(issued, dt.date):
        f.report((*at, "issued"), "issued phải là một ngày, ví dụ issued = 2018-06-20")
        issued = None
    plan_id = _text(f, raw, "id", at) or f.path.stem
    tasks: list[Task] = []
    ids: set[str] = set()
    for i, task_raw in enumerate(_tables(f, "task")):
        task = _load_task(f, i, task_raw, plan_id, year, names, groups, plan_policy, today)
        if task is None:
            continue
        if task.id in ids:
            f.report(("task", i, "id"), f"trùng mã nhiệm vụ '{task.id}' trong kế hoạch")
            continue
        ids.add(task.id)
        tasks.append(task)
    return Plan(plan_id, number, _text(f, raw, "title", at) or "", year, tuple(tasks),
                issued if isinstance(issued, dt.date) else None, supervisor, plan_policy, str(f.path))


def _load_task(f: _File, i: int, raw: dict[str, Any], plan_id: str, year: int, names: Names,
               groups: dict[str, Group], policy: ReminderPolicy, today: dt.date | None) -> Task | None:
    at: tomlpos.Path = ("task", i)
    if not _keys(f, raw, _TASK_KEYS, at):
        return None
    ident = raw.get("id")
    if not isinstance(ident, (str, int, float)) or not str(ident).strip():
        f.report(at, "nhiệm vụ thiếu mã (id), ví dụ id = \"2.1\"")
        return None
    lead_written = _names(f, raw, "lead", at)
    if not lead_written:
        f.report(at, "nhiệm vụ thiếu cơ quan chủ trì (lead)")
        return None
    lead = _agencies(f, lead_written, "lead", at, names, groups)
    review = _text(f, raw, "review", at)
    deadlines, start = _deadlines(f, raw, at, year, needs_time=not review)
    task = Task(plan_id, str(ident).strip(), _text(f, raw, "title", at) or "", tuple(dict.fromkeys(lead)),
                tuple(deadlines), "; ".join(lead_written),
                tuple(_agencies(f, _names(f, raw, "coordinating", at), "coordinating", at, names, groups)),
                tuple(_agencies(f, _names(f, raw, "executing", at), "executing", at, names, groups)),
                _text(f, raw, "product", at) or "", start, _policy(f, raw, at, policy), review,
                str(f.path), f.where.at(at).line)
    _warnings(f, at, task, today)
    return task


def _agencies(f: _File, written: list[str], key: str, at: tomlpos.Path, names: Names,
              groups: dict[str, Group]) -> list[str]:
    out: list[str] = []
    for j, name in enumerate(written):
        ident = names.resolve(name)
        if ident is None:
            f.report((*at, key), _unknown(names, name), item=j if len(written) > 1 else None)
        elif ident in groups:
            out += groups[ident].members
        else:
            out.append(ident)
    return out


def _deadlines(f: _File, raw: dict[str, Any], at: tomlpos.Path, year: int,
               needs_time: bool = True) -> tuple[list[Deadline], dt.date | None]:
    """The task's deadlines from time / start+finish / milestones, and when it starts."""
    override = _dates(f, raw, "due", at)
    start: dt.date | None = None
    deadlines: list[Deadline] = []
    if "milestones" in raw:
        for item in raw["milestones"] if isinstance(raw["milestones"], list) else []:
            text = item.get("text") if isinstance(item, dict) else item
            if not isinstance(text, str):
                f.report((*at, "milestones"), "mỗi mốc là một chuỗi hoặc { text = \"…\", due = 2018-06-30 }")
                continue
            period = _period(f, text, (*at, "milestones"), year)
            own = item.get("due") if isinstance(item, dict) else None
            if period is not None:
                deadlines.append(Deadline(text, period, (own,) if isinstance(own, dt.date) else ()))
    else:
        key = "time" if "time" in raw else "finish" if raw.get("finish") else "start" if raw.get("start") else None
        if key is None:
            if needs_time:  # a task under review says itself why it has no time yet
                f.report(at, "nhiệm vụ thiếu thời gian (time, hoặc start và finish, hoặc milestones)")
            return [], None
        text = _text(f, raw, key, at) or ""
        period = _period(f, text, (*at, key), year)
        if period is not None:
            deadlines = _split(text, period, year)
        if key == "finish" and raw.get("start"):
            first = _period(f, _text(f, raw, "start", at) or "", (*at, "start"), year)
            start = first.start or first.due if first else None
            last = deadlines[-1].period.due if deadlines else None
            if start and last and start > last:
                f.report((*at, "start"), f"bắt đầu ({start:%d/%m/%Y}) sau khi đã phải hoàn thành "
                                         f"({last:%d/%m/%Y})")
    if override:
        base = deadlines[0] if deadlines else None
        text = base.text if base else ", ".join(f"{d:%d/%m/%Y}" for d in override)
        period = base.period if base else parse(text, context_year=year)
        deadlines = [Deadline(text, period, tuple(override))]
    return deadlines, start


def _split(text: str, period: Period, year: int) -> list[Deadline]:
    """A time text holding several milestones becomes one deadline each."""
    if period.kind not in ("window", "deadline"):
        return [Deadline(text, period)]
    found = find_periods(text, context_year=year)
    if len(found) < 2:
        return [Deadline(text, period)]
    return [Deadline(m.action + " " + m.text if m.action else m.text, m.period) for m in found]


def _period(f: _File, text: str, at: tomlpos.Path, year: int) -> Period | None:
    try:
        return parse(text, context_year=year)
    except PeriodError as e:
        f.report(at, e.hint, offset=1 + e.position)  # +1: the opening quote
        return None


def _warnings(f: _File, at: tomlpos.Path, task: Task, today: dt.date | None) -> None:
    if task.review:
        f.report((*at, "review"), f"cần xem lại: {task.review}", warning=True)
    for dl in task.deadlines:
        if dl.kind == "event":
            f.report(at, f"nhiệm vụ {task.id} chờ sự kiện ngoài kế hoạch, chưa có hạn để nhắc", warning=True)
        elif dl.kind == "continuous":
            f.report(at, f"nhiệm vụ {task.id} thực hiện thường xuyên, không có hạn để nhắc", warning=True)
        elif today is not None and dl.kind in ("window", "deadline"):
            due = dl.override[-1] if dl.override else dl.period.due
            if due is not None and due < today:
                f.report(at, f"nhiệm vụ {task.id}: hạn {due:%d/%m/%Y} đã qua", warning=True)


# --- small readers that report what is wrong -------------------------------------------

def _tables(f: _File, name: str) -> list[dict[str, Any]]:
    value = f.data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        f.report((name,), f"'{name}' phải là các bảng [[{name}]]")
        return []
    return value


def _keys(f: _File, raw: dict[str, Any], known: set[str], at: tomlpos.Path) -> bool:
    unknown = sorted(set(raw) - known)
    for k in unknown:
        f.report((*at, k), f"khóa không biết '{k}'; dùng một trong: {', '.join(sorted(known))}")
    return not unknown


def _text(f: _File, raw: dict[str, Any], key: str, at: tomlpos.Path, *, required: bool = False) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            f.report(at, f"thiếu '{key}'")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        f.report((*at, key), f"'{key}' phải là một chuỗi trong ngoặc kép")
        return None
    return value.strip()


def _texts(f: _File, raw: dict[str, Any], key: str, at: tomlpos.Path) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        f.report((*at, key), f"'{key}' phải là danh sách chuỗi, ví dụ [\"…\", \"…\"]")
        return ()
    return tuple(v.strip() for v in value if v.strip())


def _names(f: _File, raw: dict[str, Any], key: str, at: tomlpos.Path) -> list[str]:
    return list(_texts(f, raw, key, at))


def _ints(f: _File, raw: dict[str, Any], key: str, at: tomlpos.Path) -> list[int]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        f.report((*at, key), f"'{key}' phải là danh sách số, ví dụ [-1001234567890]")
        return []
    return value


def _dates(f: _File, raw: dict[str, Any], key: str, at: tomlpos.Path) -> list[dt.date]:
    value = raw.get(key)
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values):
        f.report((*at, key), f"'{key}' phải là ngày hoặc danh sách ngày, ví dụ {key} = 2018-06-30")
        return []
    return sorted(values)


def _policy(f: _File, raw: dict[str, Any], at: tomlpos.Path, base: ReminderPolicy) -> ReminderPolicy:
    table = raw.get("reminders")
    if table is None:
        return base
    if not isinstance(table, dict):
        f.report((*at, "reminders"), "reminders phải là một bảng, ví dụ reminders = { before = [5, 1] }")
        return base
    try:
        return base.merged(table)
    except PolicyError as e:
        f.report((*at, "reminders", e.key), str(e))
        return base
