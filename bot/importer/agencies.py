"""Agency names as plans write them, matched to agencies.toml whatever their spelling.

Matching folds diacritics (so the OCR slip "Số Nội vụ" is "Sở Nội vụ"), expands common
abbreviations (UBND, HĐND, VP…), and joins comma-separated pieces back when together they
name one agency ("Sở Văn hóa, Thể thao và Du lịch", "Các Sở, Ban, ngành").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from bot.periods.text import fold

_ABBREVIATIONS = [
    (r"\bubnd\b", "uy ban nhan dan"), (r"\bhdnd\b", "hoi dong nhan dan"), (r"\bvp\b", "van phong"),
    (r"\btt ?& ?tt\b|\btttt\b", "thong tin va truyen thong"), (r"\bkh ?& ?dt\b|\bkhdt\b", "ke hoach va dau tu"),
    (r"\bmttq\b", "mat tran to quoc"), (r"\bdbqh\b", "dai bieu quoc hoi"), (r"\bqh\b", "quoc hoi"),
    (r"\bbtv\b", "ban thuong vu"), (r"\bld ?- ?tb ?& ?xh\b|\bldtbxh\b", "lao dong thuong binh va xa hoi"),
    (r"\bvh ?, ?tt ?& ?dl\b|\bvhttdl\b", "van hoa the thao va du lich"), (r"\bsnv\b", "so noi vu"),
    (r"\btn ?& ?mt\b|\btnmt\b", "tai nguyen va moi truong"), (r"\bgd ?& ?dt\b|\bgddt\b", "giao duc va dao tao"),
    (r"\bkh ?& ?cn\b|\bkhcn\b", "khoa hoc va cong nghe"), (r"\bnn ?& ?ptnt\b", "nong nghiep va phat trien nong thon"),
    (r"\bcqtw\b", "co quan trung uong"), (r"\bcchc\b", "cai cach hanh chinh"), (r"\buy\b", "uy"),
]
_ABBREVIATIONS_RX = [(re.compile(a), b) for a, b in _ABBREVIATIONS]
_GENERIC = re.compile(
    r"^(?:va\s+)?(?:cac\s+|nhung\s+)?(?:(?:co\s+quan|don\s+vi|dia\s+phuong|to\s+chuc|ca\s+nhan)[\s,]*)+"
    r"(?:(?:co\s+)?lien\s+quan|khac|thuoc.*|truc\s+thuoc.*)?$|^(?:cac\s+)?thanh\s+vien\b.*$|^lien\s+quan$"
)
_PAREN = re.compile(r"\([^()]*\)")
_AGENCY_WORDS = re.compile(
    r"^(?:cac\s+)?(?:so|ban|van\s+phong|uy\s+ban|hoi\s+dong|to|dai|bao|trung\s+tam|dang\s+uy|dang\s+doan|"
    r"cong\s+an|thanh\s+tra|bo\s+phan|phong|chi\s+cuc|cuc|benh\s+vien|truong|huyen|thi|thanh|xa|bo|"
    r"tinh|hoi|doan|mat\s+tran|kho\s+bac|ngan\s+hang|quy|thuong\s+truc|ban\s+can\s+su|"
    # (and the bodies outside the state's own tree a plan also tasks: "Bưu điện tỉnh", "Liên đoàn Lao
    # động tỉnh", "Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Công ty Điện lực", "Hải quan")
    r"buu\s+dien|lien\s+doan|lien\s+minh|vien|toa\s+an|cong\s+ty|hai\s+quan|chi\s+nhanh|hop\s+tac\s+xa)\b"
)


def canon(name: str) -> str:
    """A name reduced for matching: no diacritics, no punctuation, abbreviations spelled out."""
    text = re.sub(r"[^a-z0-9&]+", " ", fold(name).text)
    for rx, full in _ABBREVIATIONS_RX:
        text = rx.sub(full, text)
    return re.sub(r"\s+", " ", text).strip()


def slug(name: str) -> str:
    """An id for a new agency: its name in lower-case ASCII with dashes."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name).text).strip("-")[:60] or "co-quan"


@dataclass
class Known:
    """An agency or group the matcher can name."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    is_group: bool = False
    new: bool = False  # added by this import


@dataclass
class Matcher:
    """Finds agencies in the cells of a plan, learning the new ones it meets."""

    known: list[Known]
    _by_canon: dict[str, Known] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for k in self.known:
            self._index(k)

    def _index(self, k: Known) -> None:
        for written in (k.name, *k.aliases):
            self._by_canon.setdefault(canon(written), k)

    @property
    def new(self) -> list[Known]:
        """Agencies met for the first time in this import."""
        return [k for k in self.known if k.new]

    def lookup(self, name: str, *, fuzzy: bool = True) -> Known | None:
        """The agency a whole name stands for, if known."""
        c = canon(name)
        if c in self._by_canon:
            return self._by_canon[c]
        if fuzzy and len(c) > 8:
            close = difflib.get_close_matches(c, list(self._by_canon), n=1, cutoff=0.95)
            if close:
                return self._by_canon[close[0]]
        return None

    def learn(self, name: str) -> Known:
        """Register an agency this import met for the first time."""
        ident, n = slug(name), 2
        while any(k.id == ident for k in self.known):
            ident, n = f"{slug(name)}-{n}", n + 1
        k = Known(ident, name, new=True)
        self.known.append(k)
        self._index(k)
        return k

    def find(self, cell: str, *, learn: bool = True) -> tuple[list[Known], list[str]]:
        """The agencies a cell names, in order, and the pieces that named none."""
        found: list[Known] = []
        unknown: list[str] = []
        for part in re.split(r"[;\n]+", _expand_lists(_PAREN.sub(" ", cell))):
            tokens = re.split(r"(,|\s+và\s+|\s+va\s+)", part)
            pieces = [p.strip(" .:-–+") for p in tokens[0::2]]
            seps = [", " if s.strip() == "," else " và " for s in tokens[1::2]]
            i = 0
            while i < len(pieces):
                if not pieces[i] or _GENERIC.match(canon(pieces[i])):
                    i += 1
                    continue
                j, hit = self._longest(pieces, seps, i)
                if hit is not None:
                    found.append(hit)
                    i = j
                    continue
                joined = self._run_of_names(pieces[i])  # "UBND cấp huyện UBND cấp xã": a lost separator
                if joined:
                    found += joined
                    i += 1
                    continue
                name, i = pieces[i], i + 1
                while i < len(pieces) and self._continues_name(pieces[i]):
                    name, i = name + seps[i - 1] + pieces[i], i + 1  # "Ban Bảo vệ và Chăm sóc sức khỏe…"
                if learn and _AGENCY_WORDS.match(canon(name)) and name[:1].isupper():
                    found.append(self.learn(name))
                else:
                    unknown.append(name)
        return _unique(found), unknown

    def _continues_name(self, piece: str) -> bool:
        """Whether a piece after an unknown name is still part of it ("Thị", "Thành ủy")."""
        if not piece or _GENERIC.match(canon(piece)) or self.lookup(piece, fuzzy=False) is not None:
            return False
        return len(piece.split()) <= 2 or not _AGENCY_WORDS.match(canon(piece))

    def _longest(self, pieces: list[str], seps: list[str], i: int) -> tuple[int, Known | None]:
        """The longest run of pieces from i that, with their separators, name a known agency."""
        for j in range(min(len(pieces), i + 6), i, -1):
            joined = pieces[i] + "".join(seps[k - 1] + pieces[k] for k in range(i + 1, j))
            hit = self.lookup(joined, fuzzy=j == i + 1)
            if hit is not None:
                return j, hit
        return i, None

    def _run_of_names(self, piece: str) -> list[Known]:
        """Known names written one after another without a separator, or nothing."""
        words, out, i = piece.split(), [], 0
        while i < len(words):
            for j in range(len(words), i, -1):
                hit = self.lookup(" ".join(words[i:j]), fuzzy=False)
                if hit is not None:
                    out.append(hit)
                    i = j
                    break
            else:
                return []
        return out if len(out) > 1 else []

    def at_start(self, text: str) -> tuple[Known | None, str]:
        """An agency named at the start of a sentence ("Sở Nội vụ thẩm định…"), and the rest."""
        body = re.sub(r"^(?:Giao|Đề nghị|Yêu cầu)\s+", "", text.strip())
        words = body.split()
        for n in range(min(len(words), 12), 1, -1):
            hit = self.lookup(" ".join(words[:n]).rstrip(",:;"), fuzzy=False)
            if hit is not None:
                return hit, " ".join(words[n:])
        return None, text


def _unique(items: list[Known]) -> list[Known]:
    out: list[Known] = []
    for k in items:
        if all(k is not x for x in out):
            out.append(k)
    return out


def _expand_lists(cell: str) -> str:
    """'Các Sở: Nội vụ, Tài chính và …' and 'UBND các huyện: A, B' name each one in full."""
    cell = re.sub(r"(?i)\bcác\s+(sở|ban|phòng)\s*:\s*([^;\n]+)",
                  lambda m: _full_names(m.group(1), m.group(2)), cell)
    return re.sub(r"(?i)\b(UBND|Ủy ban nhân dân)\s+các\s+huyện\s*:\s*([^;\n]+)",
                  lambda m: _full_names(f"{m.group(1)} huyện", m.group(2)), cell)


def _full_names(kind: str, listed: str) -> str:
    names = [n.strip() for n in re.split(r",|\s+và\s+", listed)]
    full = []
    for i, n in enumerate(names):
        if re.match(r"(?i)(các|những)\b", n):  # "và các cơ quan, đơn vị liên quan" ends the list
            full.append(", ".join(names[i:]))
            break
        if n:
            full.append(f"{kind.strip()} {n}")
    return "; ".join(full)
