"""Fold Vietnamese text to lower-case ASCII so that spelling variants read alike."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.periods.named_days import CAN, CHI

REPLACEMENT = "\ufffd"

# (a tilde too: "Tháng 5 ~ Tháng 7" is a range, as some typists write it)
# (and arrows, and "÷" as technical writing uses it: "tháng 6 ÷ tháng 8")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d~\u301c\uff5e\u2192\u27f6\u00f7"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _build_table() -> dict[int, str | None]:
    """One translate table: strip diacritics, lower-case, đ→d, dashes→'-', odd spaces→' ',
    full-width digits and one-character roman numerals ("Ⅳ") to their plain forms."""
    table: dict[int, str | None] = {}
    for cp in range(0x41, 0x5B):
        table[cp] = chr(cp + 32)
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        base = base.lower()
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[cp] = base
    for ch in "đĐđ":
        table[ord(ch)] = "d"
    for cp in range(0x300, 0x370):  # combining marks: NFD input, tone mark on any vowel
        table[cp] = None
    for ch in _DASHES:
        table[ord(ch)] = "-"
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in "\u200b\u200c\u200d\ufeff\u00ad":  # zero-width and soft hyphen vanish
        table[ord(ch)] = None
    for digit in range(10):  # full-width digits, as some converters leave them
        table[0xFF10 + digit] = str(digit)
    for k in range(26):  # and full-width letters ("Quý ＩＩ")
        table[0xFF21 + k] = table[0xFF41 + k] = chr(ord("a") + k)
    for mark in "(),-.:;":  # and their marks
        table[0xFF00 + ord(mark) - 0x20] = mark
    romans = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
    for k, roman in enumerate(romans):  # "Quý Ⅳ": roman numerals as one character each
        table[0x2160 + k] = roman
        table[0x2170 + k] = roman
    table[ord("*")] = " "  # Markdown emphasis: "ngày **13** tháng **12** năm 2018" is one date
    table[ord(">")] = " "  # the head of an arrow typed "->"
    table[ord("\u2044")] = "/"
    table[ord("\u2215")] = "/"  # division slash
    table[ord("\uff0f")] = "/"
    return table


_TABLE = _build_table()

# Words the grammar needs, most useful first: a word whose letters were lost in a bad
# conversion (U+FFFD) is mended to the first of these that fits what is left of it.
_VOCABULARY = tuple(dict.fromkeys((  # (once each, in this order)
    "ngay", "thang", "nam", "quy", "du", "truoc", "trong", "tu", "den", "toi", "hang", "moi", "dinh",
    "ky", "cham", "nhat", "het", "va", "dau", "giua", "cuoi", "sau", "khi", "theo", "thuc", "hien",
    "hoan", "thanh", "thuong", "xuyen", "giai", "doan", "nhiem", "tro", "di", "tiep", "nay",
    "mung", "mong", "ram", "tet", "gieng", "chap", "am", "lich", "gio", "sang", "chieu", "tuan",
    "lan", "ke", "kien", "tam", "nhin", "huong", "bao", "cao", "lo", "trinh", "nua", "cac",
    "nhung", "ve", "ba", "bon", "hai", "mot", "tuy", "thu", "bay", "chu", "nhat", "roi", "vao",
    "do", "cua", "khong", "qua", "muon", "ngu", "nguyen", "dan", "nien", "co", "yeu", "cau", "dot",
    "xuat", "hoc", "qui", "lien", "tuc", "han", "chot", "luc", "mui", "suu", "tinh", "bat",
    "tien", "cung", "lam", "viec", "muoi", "chin", "trung", "he", "ha", "ca", "suot", "thoi", "gian", "le",
    "ket", "hop", "khai", "giang", "duong", "phap", "luat", "viet", "quoc", "khanh", "giao", "hoach",
    "tong", "xay", "dung", "vong", "dip", "nha", "ung", "hoac", "dot", "tai",
    # (after those: words that keep a damaged word from becoming a time word it is not)
    "so", "de", "an", "thong", "quyet", "niem", "dai", "hoi", "ngan", "sach", "kinh", "phi", "nuoc",
    "to", "hung", "vuong", "ngo", *CAN, *CHI,
    # the kinds of document a plan cites, so that a damaged citation stays one ("Ngh� quy�t s� 10")
    "nghi", "chi", "thi", "luan", "chuong", "cong", "van", "ban", "che", "dien",
    # common words of a plan that, damaged, would otherwise pass for "rằm", "mồng", "giờ", "Tết", "mỗi"
    "can", "cu", "sua", "doi", "tat", "noi", "vu", "ra", "soat", "danh", "gia", "hoat", "dong", "chuc",
    "quyen", "dia", "phuong", "rieng", "muc", "dich", "tham", "quan", "chinh", "uy", "nhan",
    "tot", "cap", "mo", "huyen", "xa", "dang", "vien", "tuong", "phe", "duyet", "tac", "voi", "hon", "it",
    # and words so common in a plan that a damaged citation or heading must still read as one
    "hanh", "trien", "phu", "may", "khoa", "uong", "tri", "duy", "thao", "cai", "cach", "gon", "hieu", "lieu", "tung",
    # words that tie a time to another duty ("cùng thời điểm", "lồng ghép", "gửi kèm")
    "diem", "long", "ghep", "gui", "kem", "la",
    # numbered classes of one task ("lớp 1 tháng 6"), and "căn cứ tình hình thực tế"
    "lop", "hinh", "te",
    # seasons, festivals and the budget year ("mùa mưa bão", "vụ Đông Xuân", "Tết ông Công ông
    # Táo", "năm tài chính": "t�i" must not become "tới")
    "mua", "lu", "kho", "xuan", "lua", "chiem", "ong", "tao", "hieu", "binh", "liet", "si", "al",
    # (and the words around them: "phục vụ", "mua sắm", "vì bình đẳng giới")
    "phuc", "sam", "vi", "gioi",
    # (commemorations and the steps of a plan: "chào mừng", "Chiến thắng Điện Biên Phủ", "thí điểm",
    # "nhân rộng")
    "chao", "chien", "bien", "rong",
    # ("chờ hướng dẫn": a wait, by its pair only)
    "cho",
    # documents' abbreviations ("QĐ", "NĐ", "CĐ" lose their "Đ": "Q�" is no "quý")
    "qd", "nd", "cd",
    # the words of the days the state names ("Ngày Quốc phòng toàn dân", "Lễ hội Đền Hùng")
    "phong", "toan", "suc", "khoe", "the", "chong", "truyen", "nganh", "te", "nguoi", "khuyet", "ninh",
    "phan",  # ("phấn đấu năm 2026": no "đầu năm")
    "chuan", "bi",  # ("để chuẩn bị cho Tết": an occasion)
    "tru",  # ("hằng tháng (trừ tháng 6, 7, 8)")
    "thay", "thuoc",  # ("Ngày Thầy thuốc Việt Nam")
)))
# Pairs of words the grammar reads together: when several words fit a damaged one, the one
# that makes such a pair with its neighbour wins ("�ột xuất" is "đột", not "một").
_PHRASES = frozenset({
    "du kien", "du tinh", "cham nhat", "muon nhat", "han chot", "thuong xuyen", "lien tuc",
    "dinh ky", "hang nam", "hang quy", "hang thang", "hang tuan", "hang ngay", "moi nam",
    "moi quy", "moi thang", "moi tuan", "dot xuat", "tet nguyen", "nguyen dan", "co truyen",
    "thuong nien", "giai doan", "nhiem ky", "tam nhin", "dinh huong", "tro di", "tiep theo",
    "ke tiep", "am lich", "nam hoc", "sau khi", "khi co", "ke tu", "trong vong", "thoi han",
    "hoan thanh", "thuc hien", "lo trinh", "tuy theo", "chu nhat", "dau nam", "cuoi nam",
    "giua nam", "nam nay", "nam sau", "nam toi", "thang gieng", "thang chap", "yeu cau",
    "bao cao", "khong qua", "den het", "cho den", "bat dau", "thu hai", "thu ba", "thu tu",
    "thu nam", "thu sau", "thu bay", "co yeu", "mot lan", "dau thang", "cuoi thang", "cuoi quy",
    "dau tien", "cuoi cung", "lam viec", "ngay lam", "thuong tuan", "trung tuan", "ha tuan", "hoc ky",
    "thang muoi", "muoi hai", "muoi mot", "thoi gian", "ca giai", "tuan le", "cac nam",
    "cung thoi", "thoi diem", "cung voi", "long ghep", "gui kem", "kem theo", "lien ke", "la thu", "la chu",
    "ket thuc", "ky hop", "khai giang", "duong lich", "phap luat", "viet nam", "quoc khanh", "nha giao",
    "ke hoach", "tong ket", "xay dung", "ca nam", "huong ung", "hoac trong", "tai ky", "dot nam",
    "thong tu", "quyet dinh", "ky niem", "dai hoi", "ngan sach", "nha nuoc", "kinh phi", "gio to",
    "hung vuong", "tet doan", "doan ngo", "dip he", "mua he", "nghi he", "de xuat",
    "can cu", "sua doi", "doi moi", "tat ca", "noi vu", "ra soat", "danh gia", "hoat dong", "to chuc",
    "nhiem vu", "quyen han", "dia phuong", "muc dich", "tham dinh", "co quan", "chinh quyen", "uy ban",
    "nhan dan", "chinh phu", "rieng so", "lam tot", "thong nhat", "lien thong", "cap huyen", "cap tinh",
    "cap xa", "quy mo", "truoc tet", "sau tet", "dip tet", "don tet", "vui tet", "an tet",
    "hien tot", "thu tuong", "phe duyet", "nguyen tac", "so voi", "cao hon", "thap hon", "tot hon",
    "it nhat", "truoc it", "tinh hinh", "thuc te", "chao mung", "chien thang", "dien bien", "bien phu",
    "thi diem", "nhan rong", "cho huong",
    "cong an", "an nhan", "quoc phong", "phong toan", "toan dan", "suc khoe", "khoe toan", "the gioi",
    "gioi phong", "phong chong", "truyen thong", "thong nganh", "nganh noi", "quoc te", "te hanh", "hanh phuc",
    "te nguoi", "nguoi khuyet", "khuyet tat", "le hoi", "hoi den", "den hung", "sang tao", "du lich",
    "bao ve", "an ninh", "ninh to", "to quoc", "phan dau", "chuan bi", "bi cho", "de chuan", "tru thang",
    "ngoai tru", "tru quy", "tru cac", "cac thang", "tru ngay", "tru chu", "tru thu", "ngay nghi", "ngay le", "tru nam",
    "thay thuoc", "thuoc viet", "cong nhan", "thang cong", "ve sinh", "sinh lao", "lao dong",
    "mua mua", "mua bao", "mua lu", "mua kho", "vu dong", "dong xuan", "vu he", "he thu", "thu dong", "vu mua",
    "vu lua", "vu chiem", "le vu", "vu lan", "lan bao", "bao hieu", "tet ong", "ong cong", "cong ong", "ong tao",
    "cong tao", "tet han", "han thuc", "tet trung", "trung nguyen", "tet thuong", "thuong nguyen", "tai chinh",
    "nam tai", "thuong binh", "liet si", "san xuat", "ngay thuong", "phuc vu", "mua sam", "dong vi", "vi binh",
    "binh dang", "dang gioi", "qua tet", "thuong tet", "hang tet", "banh tet", "mam tet",
    "ban hanh", "hanh dong", "hanh chinh", "trien khai", "duy tri", "du thao", "cai cach", "trung uong",
    "chap hanh", "bo may", "tinh gon", "hieu luc", "hieu qua", "he thong", "so lieu",
    "tung quy", "tung thang", "tung nam", "tung tuan", "theo tung",
    "dang bo", "dang uy", "cua dang", "dang vien", "ban can", "can su", "su dang",
    "dau tu", "nghi quyet", "nghi dinh", "chi thi", "ket luan", "chuong trinh", "cong van", "van ban",
    "to trinh", "thong bao", "cong dien", "quy dinh", "huong dan", "de an", "quy che", "chi dao", "quyet so",
    "dinh so", "tu so", "thi so", "luan so", "trinh so", "van so", "ban so", "hoach so", "bao so", "an so",
    # (not "kỷ tỵ": damaged, it would take the place of "kể từ")
    *(f"{c} {h}" for c in CAN for h in CHI if (c, h) not in (("ky", "ty"), ("ky", "ti"))),
    *(f"{w} {n}" for w in ("dot", "lan") for n in ("1", "2", "3", "4", "5", "i", "ii", "iii", "iv")),
})
_WORD = re.compile(r"[a-z\ufffd]+")



@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, when lengths differ, where each folded char came from."""

    text: str
    origin: tuple[int, ...] | None  # folded index -> original index; None means identity

    def to_original(self, index: int, original_length: int) -> int:
        """Map an index in the folded text back to the text as it was given."""
        if self.origin is None:
            return min(index, original_length)
        if index >= len(self.origin):
            return original_length
        return self.origin[index]


# "Quí" is an old spelling of "Quý" (also in "qui định"): read it as the same word
_QUI = re.compile(r"(?<![a-z])qui(?![a-z])")


def fold(text: str) -> Folded:
    """Lower-case, strip diacritics and normalise punctuation, keeping a map to the original."""
    if text.isascii():
        folded = text.lower()
        if "~" in folded or "*" in folded or ">" in folded:  # the plain-ASCII marks the table changes
            folded = folded.replace("~", "-").replace("*", " ").replace(">", " ")
    else:
        folded = text.translate(_TABLE)
        if len(folded) != len(text) or REPLACEMENT in folded:
            return _unglued(_fold_slow(text))
    if "qui" in folded:  # same length: positions still map one to one
        folded = _QUI.sub("quy", folded)
    return _unglued(_named_months(Folded(folded, None), text))


# "tháng Tư", "tháng Sáu": a month by its name, which only its marks tell from "từ" (from) and
# "sau" (next); and "ngày 5 tháng Hai": after a day, a number word is its month
_MONTH_WORD = re.compile(r"thang\s+(tu|sau|hai|ba|bon|mot|nam)\b(?!\s*(?:lan|dot)\b)")
_DAY_BEFORE = re.compile(r"ngay\s*\d\d?\s*$")
_DIGIT_NEXT = re.compile(r"\s*\d")
_YEAR_NEXT = re.compile(r"\s*(?:[/\-.,]|,?\s*nam\b)\s*(?:19|20)\d\d\b")
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai|cac|nhung))\s*$")
_BY_MARKS = {"tư": "4", "sáu": "6"}
_AFTER_DAY = {"hai": "2", "ba": "3", "bon": "4", "tu": "4", "mot": "1", "nam": "5"}


def _named_months(folded: Folded, text: str) -> Folded:
    """Month names written as words put as their numbers (padded: positions still map)."""
    if "thang" not in folded.text:
        return folded
    src = folded.text
    swaps: list[tuple[int, int, str]] = []
    for m in _MONTH_WORD.finditer(src):
        s, e = m.span(1)
        near = max(0, m.start() - 12)  # (the words right before it, not the whole text again)
        start = folded.to_original(s, len(text))
        end = folded.to_original(e, len(text)) if e < len(src) else len(text)
        written = unicodedata.normalize("NFC", text[start:end]).lower().strip()
        digit = _BY_MARKS.get(written)
        if (digit is None and written != "từ" and _DAY_BEFORE.search(src, near, m.start())
                and not (m.group(1) == "nam" and _DIGIT_NEXT.match(src, e))):
            digit = _AFTER_DAY.get(m.group(1))
        # "Thang Tu nam 2025" typed without marks: April, where no count of months comes before it
        if (digit is None and written == "tu" and _YEAR_NEXT.match(src, e)
                and not _COUNT_BEFORE.search(src, near, m.start())):
            digit = "4"
        if digit is not None:
            swaps.append((s, e, digit))
    return _padded(folded, swaps)


def _padded(folded: Folded, swaps: list[tuple[int, int, str]]) -> Folded:
    """The folded text with each span (start, end, new) replaced by `new` padded with spaces to
    the span's length, so that positions still map to the text as given."""
    if not swaps:
        return folded
    src, pieces, last = folded.text, [], 0
    for s, e, new in swaps:
        pieces += [src[last:s], new.ljust(e - s)]
        last = e
    return Folded("".join([*pieces, src[last:]]), folded.origin)


# a word that leads to a number, glued to it by a lost space ("Trước30/6/2018", "đến30/6")
_GLUED = re.compile(r"(?<![a-z0-9/.\-])(?:truoc|den|toi|tu|sau|nhat|chot|qua|het|trong|vao|tai|ngay|thang|quy|nam"
                    r"|tuan|dot|lan)(?=\d)")


_LETTER_DIGIT = re.compile(r"[a-z]\d")


def _unglued(folded: Folded) -> Folded:
    """A space put back between a lead word and its number (it maps to the number's place)."""
    text = folded.text
    # (nearly always nothing: a letter right before a digit is rare, and cheap to look for)
    if _LETTER_DIGIT.search(text) is None or _GLUED.search(text) is None:
        return folded
    cuts = [m.end() for m in _GLUED.finditer(text)]
    origin = folded.origin or tuple(range(len(text)))
    parts, places, last = [], [], 0
    for cut in cuts:
        parts += [text[last:cut], " "]
        places += [*origin[last:cut], origin[cut]]
        last = cut
    parts.append(text[last:])
    places += origin[last:]
    return Folded("".join(parts), tuple(places))


def _fold_slow(text: str) -> Folded:
    """Fold char by char to keep positions, then mend words damaged into U+FFFD."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in ch.translate(_TABLE):
            chars.append(c)
            origin.append(i)
    folded = "".join(chars)
    if REPLACEMENT in folded:
        folded, origin = _mend(folded, origin)
    if "qui" in folded:
        folded = _QUI.sub("quy", folded)
    return _named_months(Folded(folded, tuple(origin)), text)


_NUMBER_AFTER = re.compile(r" ?(\d{1,2})(?!\d)")


def _mend(folded: str, origin: list[int]) -> tuple[str, list[int]]:
    """Replace each word holding U+FFFD by the vocabulary word it most likely was."""
    words = list(_WORD.finditer(folded))
    # every word each damaged word could be, so that two damaged neighbours can pair up ("�ại h�i"
    # is "đại hội": neither word's first guess makes the pair); then once more, each damaged
    # neighbour read as the first round settled it ("�ánh gi� t� ch�c": "tổ chức", so "giá")
    fits = [_fits(w.group()) if REPLACEMENT in w.group() else [] for w in words]
    maybe = [f or [w.group()] for f, w in zip(fits, words, strict=True)]  # what each word may be
    settled = [[g] for g in _guesses(folded, words, maybe, fits)]
    guesses = _guesses(folded, words, settled, fits)
    out: list[str] = []
    new_origin: list[int] = []
    last = 0
    for m, word in zip(words, guesses, strict=True):
        if REPLACEMENT not in m.group():
            continue
        out.append(folded[last : m.start()])
        new_origin.extend(origin[last : m.start()])
        out.append(word)
        # spread the repaired word over the damaged span so positions stay inside it
        span = origin[m.start() : m.end()]
        new_origin.extend(span[min(k, len(span) - 1)] for k in range(len(word)))
        last = m.end()
    out.append(folded[last:])
    new_origin.extend(origin[last:])
    return "".join(out), new_origin


def _guesses(folded: str, words: list[re.Match[str]], near: list[list[str]], fits: list[list[str]]) -> list[str]:
    """Each word, a damaged one guessed from the words it fits and what its neighbours may be (`near`)."""
    out: list[str] = []
    for i, m in enumerate(words):
        if REPLACEMENT not in m.group():
            out.append(m.group())
            continue
        before = near[i - 1] if i and words[i - 1].end() + 1 >= m.start() else []
        after = near[i + 1] if i + 1 < len(words) and words[i + 1].start() <= m.end() + 1 else []
        # a neighbour already bound to its other side pairs last ("sửa �ổi Quy định": "quy" goes
        # with "định", so "�ổi" is "đổi" with "sửa", not "mỗi" with "quý")
        taken_after = bool(after) and i + 2 < len(words) and words[i + 2].start() <= words[i + 1].end() + 1 \
            and f"{after[0]} {near[i + 2][0]}" in _PHRASES
        number = _NUMBER_AFTER.match(folded, m.end())
        if number:  # "�ợt 1" is "đợt 1", not "một 1"
            after = [number.group(1)]
        out.append(_guess(m.group(), fits[i], before, after, taken_after))
    return out


def _guess(damaged: str, fits: list[str], before: list[str], after: list[str], taken_after: bool) -> str:
    """The vocabulary word that best fits a damaged word, or the word with a neutral letter.

    Among the words that fit, one that pairs with its neighbour's likeliest word wins (with both
    neighbours' first), then one that pairs with any word the neighbour may be, else the most
    useful; a pair with the word before wins over one with a word after that already pairs with
    its own next word.
    """
    if not fits:
        return damaged.replace(REPLACEMENT, "_")
    for near_b, near_a in ((before[:1], [] if taken_after else after[:1]), (before, after)):
        with_before = [w for w in fits if any(f"{b} {w}" in _PHRASES for b in near_b)]
        with_after = [w for w in fits if any(f"{w} {a}" in _PHRASES for a in near_a)]
        if with_before and taken_after:
            return with_before[0]
        both = [w for w in with_before if w in with_after]  # ("năm t�i chính": "tài", not "tới")
        if both:
            return both[0]
        paired = [w for w in fits if w in with_before or w in with_after]
        if paired:
            return paired[0]
    return fits[0]


def _fits(damaged: str) -> list[str]:
    """The vocabulary words a damaged word may be, most useful first.

    A lost letter of NFC text is one U+FFFD, so words where each one stands for one letter
    come first ("th�" is "thu", not "thang"); a mangled byte sequence may stand for more.
    """
    runs = _runs(damaged)
    for exact in (True, False):
        parts = []
        for run in runs:
            n = len(run)
            if run[0] != REPLACEMENT:
                parts.append(re.escape(run))
            else:
                # (a lost letter was not ASCII: a vowel with its marks, or "đ")
                parts.append(f"[aeiouyd]{{{n}}}" if exact else f"[aeiouyd]{{1,{3 * n}}}")
        pattern = re.compile("".join(parts) + r"\Z")
        fits = [word for word in _VOCABULARY if pattern.match(word)]
        if fits:
            return fits
    return []


def _runs(word: str) -> list[str]:
    """Split a word into runs of U+FFFD and runs of other characters."""
    return re.findall(r"\ufffd+|[^\ufffd]+", word)


# a line break inside a sentence, as a hard-wrapped page or a PDF leaves it: the line before does
# not end a sentence, no item of a list follows, and the line before ends on a comma, a dash or a
# word that needs what follows ("trước", "của"), or is as long as a wrapped line of prose (a
# cell's lines are short; case says nothing, a cell may be typed in lower case)
_BREAK = re.compile(r"[ \t\r]*\n[ \t\r]*(?=\S)")
_DANGLING = re.compile(r"\b(?:truoc|trong|tu|den|toi|cua|va|ve|tai|voi|cho|hoac|vao|cham\s*nhat|thoi\s*(?:gian|han)"
                       r"|theo|cac|nhung|de|so|giai\s*doan|nhiem\s*ky"
                       r"|(?<!hang )(?<!moi )(?<!tung )(?:ngay|thang|quy|nam))$")  # (not "hằng quý")
# the start of an item of a list: "- ", "+ ", "• ", "1. ", "2.1. ", "a) ", or of a time that
# heads its words ("Quý IV/2026: sơ kết", "Đợt 2: …")
_ITEM = re.compile(r"[-+*\u2022]|(?:\d{1,2}\.)+\s|[a-z]\)\s|[ivx]{1,4}\.\s"
                   r"|(?:nam|quy|thang|dot|lan|giai\s*doan|buoc|cap|tu|den)\b[^:\n]{0,24}:")
_WRAPPED_LINE = 30
# a note in parentheses that the line holds whole (not "(1)", "(a)", the mark of an item)
_NOTE_NEXT = re.compile(r"\((?![a-z0-9]\))[^()\n]*\)[\s.,;]*(?:\n|$)")


# a number written again in words after its digits, as legal texts do: "ngày 06 (sáu) tháng 06 (sáu)"
_IN_WORDS = re.compile(r"(?<=\d)\s*\((?:\s*(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le|tram"
                       r"|nghin|ngan))+\s*\)")


def without_spelled_numbers(folded: Folded) -> Folded:
    """The folded text with a number's words in parentheses after its digits read as spaces."""
    if "(" not in folded.text:
        return folded
    return _padded(folded, [(m.start(), m.end(), "") for m in _IN_WORDS.finditer(folded.text)])


def joined_lines(folded: Folded) -> Folded:
    """The folded text with the line breaks that only wrap a sentence read as spaces."""
    if "\n" not in folded.text:
        return folded
    f = folded.text
    # (a line at least half as long as the text's longest, unless all are short, is one the page wrapped)
    full = max(_WRAPPED_LINE, max(len(line.rstrip()) for line in f.split("\n")) // 2)
    swaps: list[tuple[int, int, str]] = []
    for m in _BREAK.finditer(f):
        before = f[f.rfind("\n", 0, m.start()) + 1:m.start()].rstrip()
        if not before or before[-1] in ".;:!?" or "\n\n" in f[m.start():m.end()]:
            continue  # (a sentence ends, a paragraph ends)
        if (before[-1] in ",-(\u2013" or _DANGLING.search(before) is not None
                or (len(before) >= full and not _ITEM.match(f, m.end()))  # (an item of a list begins)
                or _NOTE_NEXT.match(f, m.end())):  # "Năm 2026\n(Quý II)": the note of the line before
            swaps.append((m.start(), m.end(), ""))
    return _padded(folded, swaps)


# words that fold to a time word and are not one, told apart by their marks where the text has
# them, else by the word before: "Chiến thắng 30/4" (no month 30), "thẳng", "xếp hạng năm 2025"
# and "mặt hàng năm 2026" (no "hằng năm"), "hãng"
# (and "phấn đấu năm 2026", "chiến đấu", "dấu": no "đầu năm"): by the word, the marks its vowel takes
# and the words before it, and where its vowel stands from the end
_LOOKALIKES = {
    "thang": ("ắẳ", re.compile(r"\b(?:chien|quyet|toan|dai)\s+$"), 3),
    "hang": ("ạãả", re.compile(r"\b(?:xep|mat|cua)\s+$"), 3),
    "dau": ("ấẩẫậâ", re.compile(r"\b(?:phan|chien)\s+$"), 2),
}
_LOOKALIKE = re.compile(r"\b(?:thang|hang|dau)\b")
_MARKED_LOOKALIKE = re.compile(r"th(?:ắ|ẳ|a\u0306[\u0301\u0309])ng|h(?:ạ|ã|ả|a[\u0323\u0303\u0309])ng"
                               r"|[dđ\ufffd](?:[ấẩẫậâ]|a\u0302[\u0301\u0309\u0303\u0323]?(?!\u0300))u", re.IGNORECASE)
_AFTER_WORD = re.compile(r"\b(?:chien|quyet|toan|dai|xep|mat|cua)\s+t?hang\b|\b(?:phan|chien)\s+dau\b")


def without_lookalikes(folded: Folded, text: str) -> Folded:
    """The folded text with words that only look like time words put out of the grammar's reach
    (their vowel as "x": "thxng", "hxng")."""
    f = folded.text
    # (nearly always nothing: found first by one search of each text, in C)
    if _MARKED_LOOKALIKE.search(text) is None and _AFTER_WORD.search(f) is None:
        return folded
    swaps = []
    for m in _LOOKALIKE.finditer(f):
        word = m.group()
        marks, before, back = _LOOKALIKES[word]
        at, end = folded.to_original(m.start(), len(text)), folded.to_original(m.end() - 1, len(text)) + 1
        written = unicodedata.normalize("NFC", text[at:end]).lower()  # (NFD input too)
        vowel = written[-back] if len(written) == len(word) else ""  # (the one vowel of "thang", "hang", "dau")
        after_word = before.search(f, max(0, m.start() - 8), m.start()) is not None
        # (after such a word, a vowel without marks or lost to U+FFFD is the look-alike's: "Chi�n th�ng")
        if (vowel and vowel in marks) or (after_word and (vowel in ("a", "\ufffd")
                                                          or (word == "hang" and vowel in "àằ"))):
            swaps.append((m.start(), m.end(), word[:-back] + "x" + word[len(word) - back + 1:]))
    return _padded(folded, swaps)


def fold_cell(text: str) -> Folded:
    """The folded text as parse and find_periods read it: lines that only wrap a sentence joined
    ("… trước\nngày 15/12/2025"), a number's words after its digits dropped ("06 (sáu)"), and
    "thắng" no "tháng"."""
    return without_lookalikes(without_spelled_numbers(joined_lines(fold(text))), text)
