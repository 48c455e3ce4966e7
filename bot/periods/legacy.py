"""Text typed in the TCVN3 (ABC) encoding and read as Latin-1 ("Th¸ng 6/2018", "Tr­íc ngµy 30/6")
put back into Unicode ("Tháng 6/2018", "Trước ngày 30/6"), one character for one, so that
positions in the text stay where they were.

Plans written with the old .VnTime fonts still circulate; opened without those fonts (or read
by python-docx) their letters with marks come out as Latin-1 signs. TCVN3 puts a capital with
marks in a second font (.VnTimeH) under the small letter's code, so "THÁNG" there is "TH¸NG":
the small letter is given back, which reads the same once folded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# TCVN3 code (as the Latin-1 character it shows as) → the Unicode letter, by the vowel and its
# five tones (none, grave, hook, tilde, acute, dot below in Vietnamese order: à ả ã á ạ)
_PAIRS = (
    "aµ¸¶·¹", "ă¨»¾¼½Æ", "â©ÇÊÈÉË", "đ®",
    "eÌÐÎÏÑ", "êªÒÕÓÔÖ", "i×ÝØÜÞ",
    "oßãáâä", "ô«åèæçé", "ơ¬êíëìî",
    "uïóñòô", "ư\u00adõøö÷ù", "yúýûüþ",
)
# the order of the tones after each vowel above: grave, acute, hook, tilde, dot below
_TONES = {
    "a": "àáảãạ", "ă": "ằắẳẵặ", "â": "ầấẩẫậ", "e": "èéẻẽẹ", "ê": "ềếểễệ", "i": "ìíỉĩị",
    "o": "òóỏõọ", "ô": "ồốổỗộ", "ơ": "ờớởỡợ", "u": "ùúủũụ", "ư": "ừứửữự", "y": "ỳýỷỹỵ",
}


def _build() -> dict[int, str]:
    """The translate table from TCVN3 codes to Unicode letters."""
    table: dict[int, str] = {}
    for row in _PAIRS:
        vowel, codes = row[0], row[1:]
        if vowel == "đ":
            table[ord(codes)] = "đ"
            continue
        plain = vowel not in "aeiouy"  # ă â ê ô ơ ư have a code of their own without tone
        if plain:
            table[ord(codes[0])] = vowel
            codes = codes[1:]
        for code, letter in zip(codes, _TONES[vowel], strict=True):
            table[ord(code)] = letter
    for code, letter in zip("¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ", strict=True):  # the capitals without tone
        table[ord(code)] = letter
    return table


_TABLE = _build()
# what marks TCVN3 text, since Unicode Vietnamese never shows it: a letter Vietnamese has no use for
# ("Th¸ng", "ngµy", "n¨m"); one of TCVN3's signs inside a word ("tr\u00adíc", "xuyªn", "gi÷a") or
# "®"/"§" opening one ("®Õn"), where ordinary text only puts them between words ("«…»", "6 ÷ 8");
# a capital with a mark inside a word in small letters ("kÕt", "ThiÕu")
_MARKERS = re.compile(
    "[¸µ¶¹¨¾¼½ÆÇËÎÏÑÖØÜÞßäåæçëîïñöøûüþ]"
    "|(?<=[^\\W\\d_])[\u00ad\u00a9\u00aa\u00ab\u00ac\u00b7\u00bb\u00f7\u00a1-\u00a6](?=[^\\W\\d_])"
    "|[®§](?=[^\\W\\d_])"
    "|(?<=[^\\W\\d_])[\u00c0-\u00d6\u00d8-\u00de](?=[a-z\u00df-\u00ff])")
# letters only Unicode Vietnamese has (precomposed, or a combining mark): such text is not TCVN3
_UNICODE_VI = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300-\u0323]")
_WORD = re.compile(r"\S+")


def from_tcvn3(text: str) -> str:
    """The text with TCVN3 letters put back into Unicode, or the text itself when it has none."""
    if text.isascii() or _MARKERS.search(text) is None:
        return text
    if _UNICODE_VI.search(text) is None:
        return _decoded(text)
    # (a TCVN3 passage pasted into a Unicode one: only the words that show its signs)
    return _WORD.sub(lambda m: _decoded(m.group()) if _MARKERS.search(m.group()) else m.group(), text)


_LINE = re.compile(r"[^\n]+")


def _decoded(text: str) -> str:
    """TCVN3 text in Unicode; a line in capitals ("III. Tæ CHøC THùC HIÖN", typed in .VnTimeH) all in
    capitals, which its small letters' codes stood for."""
    return _LINE.sub(lambda m: m.group().translate(_TABLE).upper() if _in_capitals(m.group())
                     else m.group().translate(_TABLE), text)


def _in_capitals(line: str) -> bool:
    """Whether the plain letters of the line's words with marks are capitals, four at least (not
    one at a word's head, nor "KH-UBND" beside "Sè")."""
    upper = lower = 0
    for word in _WORD.findall(line):
        if word.isascii():
            continue
        for ch in word:
            if "A" <= ch <= "Z":
                upper += 1
            elif "a" <= ch <= "z":
                lower += 1
    return upper >= 4 and lower == 0


def tcvn3_reader(texts: Iterable[str]) -> Callable[[str], str]:
    """How to read each text of one document: where more of its texts show TCVN3's signs than show
    Unicode's own letters, every text without the latter is TCVN3, signs or not ("Cuèi quý IV" in a
    cell of its own); otherwise each text decides for itself, as `from_tcvn3` does."""
    tcvn3 = unicode = 0
    for text in texts:
        if not text.isascii():
            tcvn3 += _MARKERS.search(text) is not None
            unicode += _UNICODE_VI.search(text) is not None
    if tcvn3 <= unicode:
        return from_tcvn3

    def read(text: str) -> str:
        return _decoded(text) if _UNICODE_VI.search(text) is None and not text.isascii() else from_tcvn3(text)

    return read
