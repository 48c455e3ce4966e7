"""Text typed in the old Vietnamese encodings and read as Latin-1, put back into Unicode.

Plans written with the old fonts still circulate; opened without those fonts (or read by
python-docx) their letters with marks come out as Latin-1 signs:

- TCVN3 (ABC, the .VnTime fonts): one sign for one letter ("Th¸ng 6/2018", "Tr\u00adíc ngµy 30/6"),
  so positions in the text stay where they were. TCVN3 puts a capital with marks in a second
  font (.VnTimeH) under the small letter's code, so "THÁNG" there is "TH¸NG": the small letter is
  given back, which reads the same once folded.
- VNI (the VNI-Times fonts): a letter and one sign after it for its marks ("Thaùng 6/2018",
  "Tröôùc ngaøy 30/6"); `to_unicode` keeps where each letter came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# TCVN3 code (as the Latin-1 character it shows as) → the Unicode letter, by the vowel (its code
# without tone first, for the vowels that have one) and its tones as _TONES lists them
_PAIRS = (
    "aµ¸¶·¹", "ă¨»¾¼½Æ", "â©ÇÊÈÉË", "đ®",
    "eÌÐÎÏÑ", "êªÒÕÓÔÖ", "i×ÝØÜÞ",
    "oßãáâä", "ô«åèæçé", "ơ¬êíëìî",
    "uïóñòô", "ư\u00adõøö÷ù", "yúýûüþ",
)
# each vowel with its tones: grave, acute, hook, tilde, dot below
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


# every character _MARKERS looks at (a first look, one class)
_SIGNS = re.compile("[¸µ¶¹¨¾¼½ÆÇËÎÏÑÖØÜÞßäåæçëîïñöøûüþ\u00ad\u00a9\u00aa\u00ab\u00ac\u00b7\u00bb\u00f7"
                    "\u00a1-\u00a6®§\u00c0-\u00d6\u00d8-\u00de]")


def from_tcvn3(text: str) -> str:
    """The text with TCVN3 letters put back into Unicode, or the text itself when it has none."""
    if text.isascii() or _SIGNS.search(text) is None or _MARKERS.search(text) is None:
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


def legacy_reader(texts: Iterable[str]) -> Callable[[str], str]:
    """How to read each text of one document. Where more of its texts show TCVN3's signs (or VNI's)
    than show Unicode's own letters, every text without the latter is TCVN3 (or VNI), signs or not
    ("Cuèi quý IV" in a cell of its own); otherwise each text decides for itself, as `to_unicode` does."""
    tcvn3 = vni = unicode = 0
    for text in texts:
        if not text.isascii():
            is_vni = _is_vni(text)
            vni += is_vni
            tcvn3 += not is_vni and _MARKERS.search(text) is not None
            unicode += _UNICODE_VI.search(text) is not None
    if max(tcvn3, vni) <= unicode:
        return lambda text: to_unicode(text).text

    def read(text: str) -> str:
        if _UNICODE_VI.search(text) is not None or text.isascii():
            return to_unicode(text).text
        return _from_vni(text).text if vni > tcvn3 else _decoded(text)

    return read


def _vni_table() -> dict[str, str]:
    """VNI's signs after a letter (or alone, for "ơ", "ư", "đ" and the i's tones) → the Unicode letter."""
    tones = "ùøûõï"  # acute, grave, hook, tilde, dot below
    seqs: dict[str, str] = {}
    for base, letters in (("a", "áàảãạ"), ("e", "éèẻẽẹ"), ("o", "óòỏõọ"), ("u", "úùủũụ"), ("y", "ýỳỷỹ")):
        seqs.update((base + sign, letter) for sign, letter in zip(tones, letters, strict=False))
    for base, hat, letters in (("a", "â", "ấầẩẫậ"), ("e", "ê", "ếềểễệ"), ("o", "ô", "ốồổỗộ")):
        seqs[base + "â"] = hat  # (the circumflex, then its tones: á à å ã ä)
        seqs.update((base + sign, letter) for sign, letter in zip("áàåãä", letters, strict=True))
    seqs["aê"] = "ă"  # (the breve, then its tones: é è ú ü ë)
    seqs.update(("a" + sign, letter) for sign, letter in zip("éèúüë", "ắằẳẵặ", strict=True))
    for horn, plain, letters in (("ô", "ơ", "ớờởỡợ"), ("ö", "ư", "ứừửữự")):
        seqs[horn] = plain
        seqs.update((horn + sign, letter) for sign, letter in zip(tones, letters, strict=True))
    seqs.update({"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"})
    for key, letter in list(seqs.items()):  # capitals: "AÙ" (and "Aù") is "Á", "Ô" is "Ơ", "Ñ" is "Đ"
        seqs[key.upper()] = seqs[key[0].upper() + key[1:]] = letter.upper()
    return seqs


_VNI = _vni_table()
_VNI_SEQ = re.compile("|".join(re.escape(k) for k in sorted(_VNI, key=len, reverse=True)))
# a vowel and a sign that no Unicode Vietnamese nor TCVN3 word holds: "Thaùng", "naêm", "Quyù", "ôù",
# "öô" (not "oà", "oá", "oã": "hoàn", "hoá", "xoã" are Unicode; a capital's signs are capitals too,
# "uÕ" is TCVN3's "uế"); and "ñ" opening a word before a vowel ("đ"; TCVN3's "ñ" is "ủ": "ñy ban")
_VNI_PAIR = re.compile("a[âáàåãäêéèúüëùøûõï]|e[âáàåãäùøûõï]|o[âåäùøûõï]|[uy][ùøûõï]|[ôö][ùøûõï]|öô"
                       "|A[ÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ]|E[ÂÁÀÅÃÄÙØÛÕÏ]|O[ÂÅÄÙØÛÕÏ]|[UY][ÙØÛÕÏ]|[ÔÖ][ÙØÛÕÏ]|ÖÔ"
                       "|(?<![^\\W\\d_])[ñÑ](?=[aeiouôöíìæóòAEIOUÔÖÍÌÆÓÒ])")
# (a first look, wider: a vowel and any of VNI's signs, or "ñ")
_VNI_LOOK = re.compile("[aeouyôöAEOUYÔÖ][ùøûõïâêéèúüëáàåãäôÙØÛÕÏÂÊÉÈÚÜËÁÀÅÃÄÔ]|[ñÑ]")
# what only TCVN3 writes: its codes below "À" ("¸", "µ", "®", "\u00ad"…) and "ç", "ß", "þ"
_TCVN3_ONLY = re.compile("[\u00a1-\u00bfçßþ]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A text put into Unicode, and where each of its characters came from (None: one for one)."""

    text: str
    origin: tuple[int, ...] | None = None

    def place(self, at: int, length: int) -> int:
        """The position in the original text (`length` long) of a position in this one."""
        if self.origin is None:
            return at
        return self.origin[at] if at < len(self.origin) else length

    def place_end(self, end: int, length: int) -> int:
        """The same for the end of a span (one past its last character: where the next one came from)."""
        if self.origin is None:
            return end
        return self.origin[end] if end < len(self.origin) else length


def _is_vni(text: str) -> bool:
    """Whether a text is VNI: its vowels carry VNI's signs more often than TCVN3's codes show."""
    if _VNI_LOOK.search(text) is None:  # (nearly always: one look)
        return False
    pairs = len(_VNI_PAIR.findall(text))
    return pairs > 0 and _UNICODE_VI.search(text) is None and pairs >= len(_TCVN3_ONLY.findall(text))


def _from_vni(text: str) -> Decoded:
    """VNI text in Unicode, with the position each letter came from."""
    out: list[str] = []
    origin: list[int] = []
    last = 0
    for m in _VNI_SEQ.finditer(text):
        out.append(text[last:m.start()])
        origin.extend(range(last, m.start()))
        out.append(_VNI[m.group()])
        origin.append(m.start())
        last = m.end()
    out.append(text[last:])
    origin.extend(range(last, len(text)))
    return Decoded("".join(out), tuple(origin))


def to_unicode(text: str) -> Decoded:
    """The text in Unicode, whether it was typed in Unicode, TCVN3 or VNI."""
    if text.isascii():
        return Decoded(text)
    if _UNICODE_VI.search(text) is not None:  # (most texts, told at once; a TCVN3 passage may be pasted in)
        return Decoded(from_tcvn3(text))
    if _is_vni(text):
        return _from_vni(text)
    return Decoded(from_tcvn3(text))

