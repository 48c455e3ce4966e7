"""Cut folded text into time atoms and the words that bind them.

Works on text already folded by `text.fold` (lower-case ASCII, no diacritics), with one
compiled regular expression, so that scanning a plan's cell costs a single pass in C.

Speed matters here (the bot re-reads every schedule on each edit): every alternative starts
with a literal character or a character class and names itself with an empty group at its
end, which lets the regex engine discard a non-matching alternative after one comparison.
"""

from __future__ import annotations

import itertools
import re

from bot.periods.named_days import CAN, CHI, NAMED_BARE, NAMED_DAYS

# --- building blocks --------------------------------------------------------------------
_Y = r"(?:19|20)\d\d(?!\d)"
_N2 = r"\d\d?(?!\d)"
# "trong vòng 01 năm", "sau 02 năm thực hiện": years counted from an event (not "trong 5 năm
# 2021-2025", nor "trong 2 năm tới", which count from the plan's year)
_YEARS_FROM = (r"nam(?=\s*(?:$|[.,;:)]|ke\s*tu|tu\s*(?:khi|ngay)|sau\s*khi|thuc\s*hien|trien\s*khai"
               r"|hoat\s*dong|van\s*hanh|dua\s*vao|ap\s*dung))")
# "6 tháng, năm", "6 tháng và cả năm", "sơ kết 6 tháng, tổng kết năm", "6 tháng, hằng năm": both reports
_AND_YEAR = r"\s*(?:,|;|va)\s*(?:(?:tong\s*ket|bao\s*cao|hang|moi)\s*)?(?:ca\s*|1\s*|mot\s*)?nam\b"
_ROMAN = r"[ivxl]+\b"
# (OCR also reads a roman I as 1: "Quý 1I/2025", "Quý I1", "Quý 1V" are II, II and IV)
_QV = rf"(?:(?:1[ivl]+|[ivl]+1)[1ivl]*\b|{_N2}|{_ROMAN}|mot\b|hai\b|ba\b|bon\b)"
# between a month or quarter and its year: "6/2018", "6-2018", "6.2018", "6, năm 2018"
_YSEP = r"\s*(?:/\s*/|[/\-.,]|,?\s*(?:cua\s*)?nam\b)\s*"  # ("Tháng 6//2026": a slash typed twice; "của năm")
# "năm nay", "năm sau", "năm tới" after a month or quarter, in place of its year
_YREL = r"\s*[,/]?\s*(?:cua\s*)?nam\s*(?:nay|ke\s*hoach\b(?!\s*(?:nam\s*)?(?:19|20)\d\d|\s*so\b)|sau(?!\s*khi)(?:\s*nua)?|toi|tiep\s*theo|ke\s*tiep|lien\s*(?:ke|sau)|truoc(?!\s*(?:ngay|thang|quy|tet|\d)))\b"
# between items of a list or a range: "5 - 7", "6, 7 và 8", "3 đến hết 10"
_LSEP = r"\s*(?:[,&+\-]|\bva\b|\bhoac\b|\bden\s+het\b|\bden\b|\btoi\b)\s*"
# a month in digits or in roman numerals ("Tháng VI/2022"); no month is written with an L
# (a number before "tháng" counts months: "quý III và 9 tháng")
_MV = rf"(?:{_N2}(?!\s*thang)|(?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\b)"
# (after the first, a number without "tháng" or "quý" is one only up to 12 or 4, and no count of
# things: "tháng 6 và 25 xã", "quý II và 3 đơn vị" list no month 25 nor quarter 3)
_COUNTED = (r"(?!\s*(?:xa|phuong|thi\s*tran|don\s*vi|co\s*quan|huyen|tinh|nguoi|lop|ho|truong|cuoc|buoi|lan"
            r"|dot|%|van\s*ban|thu\s*tuc|ho\s*so|nhiem\s*vu|chi\s*tieu|so|nganh|doanh\s*nghiep)\b)")
_MV_MORE = rf"(?:(?:0?[1-9]|1[0-2])(?!\d)(?!\s*thang){_COUNTED}|(?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\b)"
_LIST = rf"{_MV}(?:{_LSEP}(?:thang\s*{_MV}|{_MV_MORE}))*"
_QV_MORE = rf"(?:(?:1[ivl]+|[ivl]+1)[1ivl]*\b|[1-4](?!\d){_COUNTED}|{_ROMAN}|mot\b|hai\b|ba\b|bon\b)"
_QLIST = rf"{_QV}(?:{_LSEP}(?:quy\s*{_QV}|{_QV_MORE})(?!\s*thang))*"  # "quý III và 9 tháng": 9 is no quarter
_YLIST = rf"{_Y}(?:{_LSEP}(?:nam\s*)?{_Y})*"
_DOCNUM = r"\d\d*[a-z]?(?:[/\-.]\d+[a-z]?)*[/\-][a-z][a-z0-9]*(?:[\-/][a-z0-9]+)*"
_DOCKIND = (
    r"(?:nghi\s*quyet|nghi\s*dinh|quyet\s*dinh|thong\s*tu(?:\s*lien\s*tich)?|chi\s*thi|"
    r"ke\s*hoach|chuong\s*trinh(?:\s*hanh\s*dong)?|cong\s*van|van\s*ban|to\s*trinh|"
    r"thong\s*bao|ket\s*luan|cong\s*dien|quy\s*dinh|huong\s*dan|de\s*an|bao\s*cao|"
    r"quy\s*che|chi\s*dao)"
)
_LAW = r"(?:bo\s*luat|luat|hien\s*phap|phap\s*lenh)"
_NGAY = r"ngay\s*"
_MORE_LUNAR_DAYS = r"(?:\s*(?:,|va|&)\s*(?:ngay\s*)?(?:ram|(?:(?:mung|mong)\s*)?\d\d?)){0,3}"
_LUNAR_MONTHLY = r"\s*(?:\(?\s*am\s*lich\s*\)?\s*)?(?:cua\s*)?(?:hang|moi)\s*thang\b"
_NO_MORE_DAYS = (r"(?!\s*(?:lam\s*viec|ke\s*tu|tinh\s*tu|dau|cuoi|lien|tiep|truoc\s*khi|[\d/\-.]\s*\d"
                 r"|sau\s*khi(?!\s*(?:ket\s*thuc|het)\b)))")  # ("10 ngày sau khi kết thúc Quý III": counted)
# "để tổng hợp, báo cáo Bộ…": what follows is done by someone else, for another purpose
# ("để", not the "đề" of "vấn đề", "chủ đề", "tiêu đề", "nan đề", "đề án": folded, they read alike)
_PURPOSE = (r"de(?<!van\sde)(?<!chu\sde)(?<!tieu\sde)(?<!nan\sde)\s*(?:tong\s*hop|bao\s*cao|trinh|kip(?:\s*thoi)?|phuc\s*vu|gui|to\s*chuc|trien\s*khai"
            r"|ban\s*hanh|chuan\s*bi|dam\s*bao|cong\s*bo|van\s*hanh|dua\s*vao|tham\s*gia|(?=khai\s*giang))\b")
# lunar months written as words ("tháng Giêng", "rằm tháng Bảy"); not "năm"/"sáu", read as year/next
_LMONTH = r"(?:gieng|chap|hai|ba|tu|bay|tam|chin|muoi\s*mot|muoi)\b"
# solar months in words ("tháng Mười Hai năm 2021"); "một", "hai", "ba", "năm", "sáu" read as a
# month only before a year: "một tháng một lần", "tháng sau" are not months
_WMONTH = r"muoi\s*hai|muoi\s*mot|muoi|tam|chin|bay|bon"
_WMONTH_YEAR = rf"{_WMONTH}|mot|hai|ba|nam|sau"  # not "tư": "6 tháng từ năm 2020"
# so many months written in words: "sáu tháng đầu năm", "chín tháng", "định kỳ ba tháng"
_COUNT = r"(?:sau|chin|ba|bon|tam|hai)\b"
# a count written in words before "ngày"/"tháng" ("trong năm ngày làm việc": five days, not the year)
_NUMBER_WORD = (r"(?:(?:hai|ba|bon)\s*muoi(?:\s*(?:lam|nam))?|muoi(?:\s*(?:lam|mot|hai|ba|bon|nam|sau|bay|tam|chin))?"
                r"|mot|hai|ba|bon|nam|sau|bay|tam|chin)")
# the n-th weekday or week of a month: "thứ Hai đầu tiên", "thứ Năm tuần thứ 2", "tuần cuối cùng"
_WEEKDAY = r"thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])\b|chu\s*nhat\b"
_NTH = r"dau\s*tien|dau|cuoi\s*cung|cuoi|thu\s*(?:nhat|hai|ba|tu|bon|[1-5])\b"
_OF_MONTH = r"\s*(?:cua\s*)?(?:moi\s*|hang\s*|cac\s*)?"
# a month of each quarter after "tháng": "đầu (mỗi) quý", "thứ 2 của quý", "cuối kỳ"
_MQ = (r"(?:dau|giua|cuoi|thu\s*(?:nhat|hai|ba|[123]))(?:\s*tien|\s*cung)?\s*(?:cua\s*)?(?:moi\s*|hang\s*|cac\s*)?"
       r"(?:quy|ky)\b(?!\s*(?:\d|[ivxl]+\b))(?:\s*(?:sau|tiep\s*theo|ke\s*tiep))?")  # (not "quý IV/2026")
_MQ_NAMED = r"(?:dau|giua|cuoi|thu\s*(?:nhat|hai|ba|[123]))(?:\s*tien|\s*cung)?\s*(?:cua\s*)?quy\s*(?:\d|[ivxl]+\b)"
# what makes "tháng" one month rather than each month: its number or its name
_ONE_MONTH = rf"\d|[ivx]+\b|(?:{_WMONTH}|gieng|chap)\b|(?:{_WMONTH_YEAR})\b(?={_YSEP}{_Y}|{_YREL})"


def _dmy(k: str) -> str:
    # ("ngày 15 - 6 - 2026": spaced dashes after "ngày" only, where nothing else can they mean)
    spaced = r"\s*" if k == "ndmy" else ""
    return (rf"(?P<{k}_d>\d\d?)(?:\s*/\s*/?\s*(?P<{k}_a>\d\d?)\s*/\s*|{spaced}-{spaced}(?P<{k}_b>\d\d?){spaced}-{spaced}|"
            rf"\.(?P<{k}_c>\d\d?)\.)(?P<{k}_y>\d{{4}})(?![\d/])")


def _vdate(k: str) -> str:
    # "ngày 5 tháng 1, 4, 7, 10": one day of several months ("3 tháng 1 lần" is a cycle)
    return (rf"(?P<{k}_d>\d\d?)\s*,?\s*(?:cua\s*)?(?:cac\s*)?thang\s*(?P<{k}_m>\d\d?(?:\s*(?:[,&]|va\b)\s*\d\d?(?![\d/]))*)"
            r"(?!\d|\s*(?:lan|dot)\b)"
            rf"(?:\s*(?:[/\-.]|,?\s*(?:cua\s*nam|nam)?)\s*(?P<{k}_y>{_Y})|(?P<{k}_r>{_YREL}))?")


def _badyear(k: str, old: str = "") -> str:
    # (`old`: more centuries a date may have: "19/5/1890", a day some plans remember)
    return rf"(?P<{k}_y>(?!(?:{old}19|20)\d\d(?![\dlo]))\d[\dlo]{{2,4}})(?![\d/])"


def _after_end(k: str) -> str:
    """ "05 ngày làm việc sau khi kết thúc quý": days (or working days) after each period ends."""
    return (rf"(?P<{k}_n>\d\d?)\s*ngay\s*(?P<{k}_w>lam\s*viec\s*)?"
            r"(?:sau\s*khi|ke\s*tu\s*(?:khi|ngay)?|tu\s*(?:khi|ngay)?|sau)\s*(?:ket\s*thuc|het)\s*"
            rf"(?:moi\s*|hang\s*|cac\s*)?(?P<{k}_u>thang|quy|nam|(?:6|sau)\s*thang)\b"
            rf"(?:\s*(?P<{k}_p>dau|cuoi)\s*(?:cua\s*)?nam\b)?"
            # (each period's end, not one named: "10 ngày sau khi kết thúc Quý III/2026" is once)
            r"(?!\s*(?:\d|[ivxl]+\b))")


def _dyear(k: str) -> str:
    """The year written in words after a day and month: "31/3 năm 2023", "15/01 năm sau"."""
    return rf"(?:\s*,?\s*(?:cua\s*)?nam\s*(?P<{k}_y>{_Y})|(?P<{k}_r>{_YREL}))?"  # ("15/12 của năm 2025")


def _mq(k: str) -> str:
    """A month of each quarter: "tháng cuối quý", "tháng đầu của quý sau"."""
    return (rf"thang\s*(?P<{k}_p>dau|giua|cuoi|thu\s*(?:nhat|hai|ba|[123]))(?:\s*tien|\s*cung)?\s*(?:cua\s*)?"
            rf"(?:moi\s*|hang\s*|cac\s*)?(?:quy|ky)\b(?P<{k}_n>\s*(?:sau|tiep\s*theo|ke\s*tiep))?")


def _lunar(k: str) -> str:
    return (rf"(?:mung|mong)\s*(?P<{k}_d>{_N2})\s*(?:thang\s*(?P<{k}_m>{_LMONTH}|{_N2})|"
            rf"(?P<{k}_t>tet\b)){_lyear(k)}")


def _lyear(k: str) -> str:
    """The lunar year after a lunar day, by number or name: "năm 2026", "năm Bính Ngọ"."""
    return (rf"(?:\s*,?\s*nam\s*(?:(?P<{k}_y>{_Y})|(?P<{k}_can>{'|'.join(CAN)})\s*"
            rf"(?P<{k}_chi>{'|'.join(CHI)})\b))?")


def _canchi(k: str) -> str:
    """The year's name in the sexagenary cycle after "Tết" ("Tân Sửu"), optional."""
    return rf"(?:\s*(?P<{k}_can>{'|'.join(CAN)})\s*(?P<{k}_chi>{'|'.join(CHI)})\b)?"


def _lunmon(k: str) -> str:
    # "15 tháng Giêng"; any month in words when "âm lịch" follows ("15 tháng Bảy âm lịch")
    return (rf"(?P<{k}_d>{_N2})\s*thang\s*(?P<{k}_m>gieng\b|chap\b|(?:{_LMONTH})"
            rf"(?=\s*\(?\s*(?:am\s*lich|al\b))){_lyear(k)}")


# (kind, pattern): word alternatives, tried only where a word starts. Each pattern starts
# with a literal or a character class. Several kinds can share a handler (see ALIASES).
_WORDS: list[tuple[str, str]] = [
    # a year mistyped after a month, quarter or date ("Quý II/218", "30/9/20l8"): an error,
    # never the plan's year by default; tried before the good forms, which would stop early
    ("badyear", rf"thang\s*\d\d?\s*[/\-.]\s*{_badyear('badyear')}"),
    ("badyear2", rf"quy\s*[\divxl]+\s*[/\-.]\s*{_badyear('badyear2')}"),
    ("badyear4", r"nam\s*(?=[12]\d{3})(?P<badyear4_y>\d{5})(?![\d/])"),  # "Năm 20223"
    ("badyear8", r"nam\s*(?P<badyear8_y>(?=[12][\dlo]{3}(?![\dlo/]))(?![12]\d{3})[12][\dlo]{3})"),  # "Năm 2O25"
    # "Năm 3026", "năm 1026": four digits that are no year here (words.py asks about one near the plan's)
    ("faryear", r"nam\s*(?P<faryear_y>(?!(?:1[89]|20)\d\d)\d{4})(?![\d/])"),
    ("badyear3", rf"\d\d?\s*/\s*\d\d?\s*/\s*{_badyear('badyear3', '18|')}"),
    # a year cut to two digits ("tháng 6/24", "5/3/24"): after a month only when it is no month
    ("badyear5", r"thang\s*\d\d?\s*/\s*(?P<badyear5_y>1[3-9]|[2-9]\d)(?![\d/]|\.\d)"),
    ("badyear6", r"quy\s*(?:[1-4]|i{1,3}|iv|l{1,3})\s*/\s*(?P<badyear6_y>\d\d)(?![\d/]|\.\d)"),
    ("badyear7", r"\d\d?\s*/\s*\d\d?\s*/\s*(?P<badyear7_y>\d\d)(?![\d/]|\.\d)"),
    # a month or day with a letter for a digit ("Tháng l0/2025", "3O/6/2025"), as OCR leaves it
    ("badnum", rf"thang\s*(?P<badnum_m>(?=\d?[lo])[\dlo]{{1,2}})(?![\dlo])\s*[/\-.]\s*{_Y}"),
    ("badnum2", rf"(?P<badnum2_d>\d[lo]|l[\dlo]?|o[\dlo]?)(?![\dlo])\s*/\s*\d\d?\s*/\s*{_Y}"),
    # "2024-03-05" (written \d\d\d\d so that it sorts under its first character, see _grouped)
    ("ymd", r"(?P<ymd_y>\d\d\d\d)-(?P<ymd_m>\d\d)-(?P<ymd_d>\d\d)(?![\d\-])"),
    ("ymd2", r"(?P<ymd2_y>\d\d\d\d)[/.](?P<ymd2_m>\d\d?)[/.](?P<ymd2_d>\d\d?)(?![\d/]|\.\d)"),  # "2025/06/30", "2025.06.30"
    # "báo cáo 6 tháng trước 20/6; báo cáo năm trước 20/12": the reports of a regime, each year on
    # the day with no year written after it (before "report", which reads the period one covers)
    ("recurrep", r"bao\s*cao\s*(?:(?P<recurrep_n>6|sau)\s*)?(?P<recurrep_u>(?<=6 )thang|(?<=sau )thang|nam)"
                 r"(?=\s*[:,(]?\s*(?:(?:gui|nop)\s*)?(?:truoc|cham\s*nhat|vao)?\s*(?:ngay\s*)?\d\d?\s*[/\-.]\s*\d\d?\b"
                 r"(?!\s*[/\-.]\s*\d|\s*(?:,\s*)?(?:cua\s*)?nam\s*(?:19|20|nay|sau|toi|truoc|tiep|ke)))"),
    # ("báo cáo 6 tháng" is a report on six months, not report number 6)
    # (nor "báo cáo 15/12", a date, nor "báo cáo 01 lần/năm", a count)
    ("cite", rf"{_DOCKIND}\s*(?:so\s*:?\s*)?(?P<cite_n>{_DOCNUM}|\d+\b(?!\s*(?:thang|nam|quy|tuan|ngay|lan|dot)\b"
             r"|\s*[/\-.]\s*\d\d?(?!\d)))"),
    ("law", rf"{_LAW}\b"),
    # a document's own dates as a portal lists them ("Ngày ban hành: 31/10/2017", "Ngày có hiệu lực")
    ("issued", r"ngay\s*(?:ban\s*hanh|(?:co\s*|het\s*)?hieu\s*luc|(?:dang\s*)?cong\s*bao|ky\s*(?=[:|]))\b"),
    # "báo cáo 6 tháng đầu năm", "sơ kết quý I": the period a report or review covers, not its
    # deadline (see reader._relevant); "báo cáo 6 tháng, năm" stays a cycle
    ("report", r"(?:bao\s*cao|so\s*ket|tong\s*ket|ket\s*qua\s*thuc\s*hien)(?:\s*(?:so\s*ket|tong\s*ket|ket\s*qua|cong\s*tac|tinh\s*hinh))?\b"
               rf"(?=\s*(?:(?:\d\d?|sau|chin|ba)\s*thang\b(?!{_AND_YEAR})|quy\s*(?:\d|[ivx]+\b)))"),
    # "Xây dựng Kế hoạch năm 2026", "báo cáo công tác năm 2025": the year names the document;
    # "từ nguồn ngân sách nhà nước năm 2025": the budget
    ("planyear", r"(?:ke\s*hoach|bao\s*cao|chuong\s*trinh|du\s*toan|ngan\s*sach(?:\s*nha\s*nuoc)?|kinh\s*phi)(?:\s*(?:cong\s*tac|tong\s*ket|so\s*ket|hoat\s*dong))?"
                 rf"\s*(?:cua\s*)?nam\s*(?:{_Y}(?:\s*-\s*{_Y})?|(?:sau|toi|tiep\s*theo|ke\s*tiep)\b(?!\s*khi))"),
    # "giảm 10% so với năm 2015", "so với cùng kỳ năm 2024", "cao hơn năm 2018": a baseline, not a deadline
    ("compare", rf"(?:so\s*voi|(?:cao|thap|nhieu|tot)\s*hon)\s*(?:(?:cung\s*)?ky\s*|giai\s*doan\s*)?(?:cua\s*)?(?:(?:cuoi\s*)?nam\s*)?{_Y}(?:\s*-\s*{_Y})?"),
    ("doc", _DOCNUM),
    ("numref", r"so\s*:?\s*\d+(?:\s*[/.]\s*\d+)*(?![\d/])"),  # "Mẫu số 01/2021": a number, not a month
    # New Year's Day; "trước Tết Dương lịch" is 31 December, the eve (as "trước Tết" is)
    ("truocsolar", rf"truoc\s*tet\s*duong\s*lich\b(?:\s*(?:nam\s*)?(?P<truocsolar_y>{_Y}))?"),
    ("tetsolar", rf"tet\s*duong\s*lich\b(?:\s*(?:nam\s*)?(?P<tetsolar_y>{_Y}))?"),
    # days the state names ("Ngày Pháp luật Việt Nam" is 9 November) and months of action
    # ("Ngày" is part of most names: "hệ thống pháp luật Việt Nam" is no day)
    ("natday", rf"(?:ngay\s*(?:le\s*)?(?P<natday_f>{NAMED_DAYS})|(?P<natday_g>{NAMED_BARE}))\b"
               rf"(?:\s*(?:nam\s*)?(?P<natday_y>{_Y}))?"),
    # "mùng 1 và rằm hằng tháng", "ngày 1 và 15 âm lịch hằng tháng": lunar days of each lunar month
    ("lunmonthly", rf"(?:mung|mong)\s*\d\d?{_MORE_LUNAR_DAYS}{_LUNAR_MONTHLY}"),
    ("lunmonthly2", rf"ram{_MORE_LUNAR_DAYS}{_LUNAR_MONTHLY}"),
    ("lunmonthly3", rf"ngay\s*(?:ram|(?:mung|mong)\s*\d\d?){_MORE_LUNAR_DAYS}{_LUNAR_MONTHLY}"),
    ("lunmonthly4", rf"ngay\s*\d\d?{_MORE_LUNAR_DAYS}\s*\(?\s*am\s*lich\s*\)?\s*(?:cua\s*)?(?:hang|moi)\s*thang\b"),
    ("nlunar", _NGAY + _lunar("nlunar")),
    ("lunar", _lunar("lunar")),
    ("lunar15", rf"ram\s*thang\s*(?P<lunar15_m>{_LMONTH}|{_N2}){_lyear('lunar15')}"),
    # lunar festivals: "Tết Trung thu" is 15/8, "Tết Đoan Ngọ" 5/5, "Giỗ Tổ Hùng Vương" 10/3
    ("festival", r"(?P<festival_f>tet\s*trung\s*thu|trung\s*thu|tet\s*doan\s*ngo|tet\s*han\s*thuc|"
                 r"le\s*vu\s*lan|vu\s*lan\s*bao\s*hieu|tet\s*trung\s*nguyen|tet\s*thuong\s*nguyen|tet\s*(?:ong\s*)?cong\s*(?:ong\s*)?tao|"
                 r"ngay\s*ong\s*cong\s*(?:ong\s*)?tao|le\s*hoi\s*den\s*hung|"
                 rf"gio\s*to(?:\s*hung\s*vuong)?)\b(?:\s*(?:nam\s*)?(?P<festival_y>{_Y}))?"),
    ("nluntet", rf"{_NGAY}(?P<nluntet_d>{_N2})\s*tet\b"),  # "ngày 27 Tết"
    ("luntet", rf"(?P<luntet_d>{_N2})\s*tet\b"),
    ("nlunmon", _NGAY + _lunmon("nlunmon")),
    ("lunmon", _lunmon("lunmon")),
    # ("kỳ nghỉ Tết": the holiday, read as Tết itself; before it, the eve, moved back off days off)
    ("truoctet", rf"truoc\s*(?:(?:ky\s*)?nghi\s*)?tet(?!\s*(?:trung|doan|han\s*thuc|duong|thuong\s*nguyen|(?:ong\s*)?cong\s*(?:ong\s*)?tao))(?:\s*nguyen\s*dan|\s*co\s*truyen)?\b{_canchi('truoctet')}"
                 rf"(?:\s*(?:nam\s*)?(?P<truoctet_y>{_Y}))?"),
    # (not the Tết of "quà Tết", "thưởng Tết", "hàng Tết", "bánh Tết", "ăn Tết", "vui Tết": things, no time)
    ("tet", rf"(?:tet(?<!qua\stet)(?<!thuong\stet)(?<!hang\stet)(?<!banh\stet)(?<!keo\stet)(?<!mam\stet)"
            rf"(?<!an\stet)(?<!vui\stet)|ky\s*nghi\s*tet|nghi\s*tet)(?!\s*(?:trung|doan|han\s*thuc|duong))(?:\s*nguyen\s*dan|\s*co\s*truyen)?\b{_canchi('tet')}(?:\s*(?:nam\s*)?(?P<tet_y>{_Y}))?"),
    # "17 giờ", "8h30", "08g00", "7:30"
    # (a spreadsheet's "00:00:00" after a date is no time of day: see grammar)
    ("time", r"(?P<time_h>\d\d?)(?:\s*(?:gio|h|g)(?:\s*(?P<time_m>\d{2})(?:\s*(?:phut|p))?)?|:(?=\d\d(?!\d))"
             r"(?P<time_c>\d\d)(?::\d\d)?)(?![a-z0-9])"),
    ("ndmy", _NGAY + _dmy("ndmy")),
    ("dmy", _dmy("dmy")),
    ("nvdate", _NGAY + _vdate("nvdate")),
    ("vdate", _vdate("vdate")),
    # ("các ngày 7 - 8 - 9/3/2022" is three days of March, not 7 August)
    # (a dash before a number that is no month joins two days: "ngày 15 - 16 hằng tháng")
    ("dm", r"ngay\s*(?P<dm_d>\d\d?)\s*(?:[/.]|-(?=\s*(?:0?[1-9]|1[0-2])(?!\d)))\s*(?P<dm_m>\d\d?)"
           r"(?![\d/]|[\-.]\d|\s*-\s*\d)" + _dyear("dm")),
    ("dmb", r"(?P<dmb_d>\d\d?)\s*/\s*(?P<dmb_m>\d\d?)(?![\d/])" + _dyear("dmb")),
    ("bmonth", rf"(?P<bmonth_l>\d\d?)\s*/\s*(?P<bmonth_y>{_Y})(?![\d/])"),  # "6/2021": a month
    # ("06.2026" too, a month that is one: "1.500" is a figure, "06.2026.1" a number)
    # (the look-behinds come after the first digit, so that each alternative starts with it: see _grouped)
    ("bmonth2", r"(?P<bmonth2_l>\d(?<![\d.,]\d)(?:(?<=0)[1-9]|(?<=1)[0-2]|(?<=[1-9])(?=\.)))"
                rf"\.(?P<bmonth2_y>{_Y})(?![\d/.,]\S|[\d/])"),
    # "trước 30-6", "đến 15.8": a day written with a dash or a dot, only right after a time word
    # (elsewhere "30-6" may be a range and "30.6" a figure)
    # (the look-behinds come after the first digit, so that the alternative sorts under it: see _grouped)
    ("dmlead", r"(?P<dmlead_d>\d(?:(?<=truoc \d)|(?<=den \d)|(?<=het \d)|(?<=nhat \d)|(?<=la \d)|(?<=chot \d)|(?<=han \d))\d?)"
               r"\s*[\-.]\s*(?P<dmlead_m>\d\d?)"
               # more days written alike after it: "trước 30-6, 30-12 hằng năm"
               r"(?P<dmlead_more>(?:\s*(?:,|va\b)\s*\d\d?\s*[\-.]\s*\d\d?(?![\d/]|\s*[\-.]\s*\d))*)"
               r"(?![\d/%]|\s*[\-.]\s*\d|\s*(?:ngay|tuan|thang|gio|phut|lan|ty|trieu)\b"
               r"|\s*nam\b(?!\s*(?:\d|nay|sau|toi|tiep|ke|lien|truoc)))"
               + _dyear("dmlead")),
    # "trong 05 ngày làm việc sau khi kết thúc quý": a cycle due some days after each period ends
    # (written twice so that each starts with a plain character: see _grouped; before "dur")
    ("afterend", rf"(?:trong|cham\s*nhat|khong\s*qua|truoc)\s*(?:vong|thoi\s*han|la)?\s*{_after_end('afterend')}"),
    ("afterend2", _after_end("afterend2")),
    # the n-th weekday of each month, or of one month ("thứ Hai đầu tiên của tháng 3/2022")
    ("recurw", rf"(?P<recurw_w>{_WEEKDAY})\s*(?:(?:cua\s*)?tuan\s*(?:le\s*)?)?(?P<recurw_n>{_NTH})"
               rf"{_OF_MONTH}(?P<recurw_u>thang)\b(?!\s*(?:{_ONE_MONTH}|sau|tiep|toi))"),
    ("nthpart", rf"(?P<nthpart_w>{_WEEKDAY})\s*(?:(?:cua\s*)?tuan\s*(?:le\s*)?)?(?P<nthpart_n>{_NTH})"
                rf"\s*(?:cua\s*)?(?=thang\s*(?:{_ONE_MONTH})|nam\s*(?:19|20)\d\d)"),  # (or of a year)
    # "tuần đầu tiên của tháng", "tuần thứ 2 hằng tháng": a week of each month
    ("recurwk", rf"tuan\s*(?:le\s*)?(?P<recurwk_n>{_NTH}|[1-5]\b)(?:\s*tien|\s*cung)?"
                rf"(?:{_OF_MONTH}(?P<recurwk_u>thang(?:\s*(?P<recurwk_q>{_MQ})|(?!\s*{_MQ_NAMED}))|quy)"
                rf"|\s*(?:cua\s*)?(?:moi|hang)\s*(?P<recurwk_y>nam))\b"
                rf"(?!\s*(?:{_ONE_MONTH}|l\b|nay|sau|tiep|toi|hoc))"),
    # "ngày làm việc cuối cùng của tháng": the last weekday, holidays aside; "05 ngày làm việc
    # đầu tháng", "ngày làm việc thứ 5 của tháng đầu quý sau": the fifth of each month or quarter
    ("recurwd", rf"(?:(?P<recurwd_c>{_N2})\s*|)ngay\s*lam\s*viec\s*(?P<recurwd_n>dau\s*tien|dau|cuoi\s*cung|cuoi"
                rf"|thu\s*(?:[1-9]|1\d|hai|ba|tu|nam|sau|bay|tam|chin|muoi)\b)"
                rf"{_OF_MONTH}(?P<recurwd_u>thang\s*dau\s*(?:cua\s*)?(?:moi\s*|hang\s*)?quy(?:\s*(?:sau|tiep\s*theo|ke\s*tiep))?"
                rf"|thang|quy|nam)\b(?!\s*(?:{_ONE_MONTH}|l\b|nay|sau|tiep|toi))"),
    # "ngày cuối cùng của tháng", "ngày cuối quý" (not "những ngày cuối năm": a season, not a day)
    ("recurwe", rf"ngay\s*(?P<recurwe_n>dau\s*tien|cuoi\s*cung|cuoi(?={_OF_MONTH}(?:thang|quy)))"
                rf"{_OF_MONTH}(?P<recurwe_u>thang|quy|nam)\b(?!\s*(?:{_ONE_MONTH}|l\b|nay|sau|tiep|toi|hoc))"),
    # "15 ngày đầu tháng 7/2025", "10 ngày cuối quý IV": so many days at one end of it; "hai tuần
    # đầu tháng 6": so many weeks of days
    ("ndays", rf"(?P<ndays_n>{_N2}|hai|ba)\s*(?P<ndays_u>ngay|tuan)\s*(?P<ndays_p>dau|cuoi)(?:\s*tien|\s*cung)?\s*"
              r"(?:cua\s*)?"
              rf"(?=thang\s*(?:{_ONE_MONTH})|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:19|20)\d\d)"),
    # "10 ngày đầu của tháng đầu quý": day 10 of that month of each quarter ("mq" after it); "5 ngày
    # cuối của tháng cuối quý": its last day, as the month alone
    ("ndaysq", rf"(?P<ndaysq_n>{_N2}|hai|ba)\s*(?P<ndaysq_u>ngay|tuan)\s*(?P<ndaysq_p>dau|cuoi)(?:\s*tien|\s*cung)?\s*"
               r"(?=(?:cua\s*)?thang\s*(?:dau|giua|cuoi|thu\s*(?:nhat|hai|ba|[123]))(?:\s*tien|\s*cung)?\s*(?:cua\s*)?"
               r"(?:moi\s*|hang\s*|cac\s*)?quy\b)"),
    # "trong 30 ngày đầu năm": of the plan's year (with its number, "ndays" above)
    ("ndaysy", rf"(?P<ndaysy_n>{_N2})\s*ngay\s*(?P<ndaysy_p>dau|cuoi)(?:\s*tien|\s*cung)?\s*(?:cua\s*)?"
               r"nam\b(?!\s*(?:\d|hoc|nay|sau|toi|truoc|tiep|ke))"),
    ("edpart", r"ngay\s*(?P<edpart_n>dau\s*tien|cuoi\s*cung|cuoi)"
               rf"\s*(?:cua\s*)?(?=thang\s*(?:{_ONE_MONTH})|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:19|20)\d\d)"),
    ("wdpart", rf"(?:(?P<wdpart_c>{_N2})\s*|)ngay\s*lam\s*viec\s*(?P<wdpart_n>dau\s*tien|dau|cuoi\s*cung|cuoi"
               r"|thu\s*(?:[1-9]|1\d|hai|ba|tu|nam|sau|bay|tam|chin|muoi)\b)"
               rf"\s*(?:cua\s*)?(?=thang\s*(?:{_ONE_MONTH})|nam\s*(?:19|20)\d\d)"),
    # "đầu tháng cuối quý", "giữa tháng đầu mỗi quý": by the 10th or 20th of that month of each quarter
    # (its end is the month's, "mq" alone)
    ("thirdmq", rf"(?P<thirdmq_p>dau|giua)\s*(?=thang\s*{_MQ})"),
    # "tháng cuối quý II/2026": that month of the quarter named (before "mq", a month of each quarter)
    ("mpart", r"thang\s*(?P<mpart_p>dau|giua|cuoi|thu\s*(?:nhat|hai|ba|[123]))(?:\s*tien|\s*cung)?\s*(?:cua\s*)?"
              r"(?=quy\s*(?:\d|[ivxl]+\b))"),
    ("mq", _mq("mq")),
    ("mqs", r"(?:cac|nhung)\s*" + _mq("mqs")),  # "ngày 15 các tháng cuối quý"
    # "tháng đầu năm" is January; "những tháng đầu năm" stays the start of the year (see "pyn")
    ("months", r"(?:nhung|cac)\s*thang(?=\s*(?:dau|cuoi))"),
    ("ymonth", rf"thang\s*(?P<ymonth_p>dau|cuoi)(?:\s*tien|\s*cung)?\s*(?:cua\s*)?nam\b"
               rf"(?:\s*(?P<ymonth_y>{_Y})|\s*(?P<ymonth_r>nay|sau|toi)\b)?"),
    ("half", rf"(?P<half_n>{_N2}|{_COUNT})\s*thang\s*(?P<half_p>dau|cuoi)?\s*(?:cua\s*)?nam\b(?:\s*(?P<half_y>{_Y})|\s*(?P<half_r>nay|sau|toi)\b)?"),
    ("nhalf", rf"nua\s*(?P<nhalf_p>dau|cuoi|sau|truoc)\s*(?:cua\s*)?nam\b(?:\s*(?P<nhalf_y>{_Y})|\s*(?P<nhalf_r>nay|sau|toi)\b)?"),
    ("nhalf2", rf"nua\s*nam\s*(?P<nhalf2_p>dau|cuoi|sau(?!\s*(?:khi|ke\s*tu|tu|do)\b))\b(?:\s*(?P<nhalf2_y>{_Y})|\s*(?P<nhalf2_r>nay|sau|toi)\b)?"),  # "nửa năm đầu 2026"
    ("month", rf"thang\s*(?P<month_l>{_LIST})(?:{_YSEP}(?P<month_y>{_Y})|(?P<month_r>{_YREL}))?"),
    ("wmonth", rf"thang\s*(?P<wmonth_m>{_WMONTH_YEAR})\b(?:{_YSEP}(?P<wmonth_y>{_Y})|(?P<wmonth_r>{_YREL}))"),
    ("wmonth2", rf"thang\s*(?P<wmonth2_m>{_WMONTH})\b(?!\s*(?:am\s*lich|\(\s*am\s*lich))"),
    # "tháng Giêng", "tháng Chạp": lunar months
    ("lmonth", rf"thang\s*(?P<lmonth_m>gieng|chap)\b(?:\s*(?:[/\-.,]|,?\s*nam\b)?\s*(?P<lmonth_y>{_Y}))?"),
    ("tmonth", rf"t(?:h?\s*\.?\s*)?(?P<tmonth_l>\d\d?(?:\s*-\s*(?:t(?:h?\s*\.?\s*)?)?\d\d?)?)(?:{_YSEP}|\s+)(?P<tmonth_y>{_Y})"),  # "T10/2024", "Th.10/2024", "T6-2024", "T9 - 10/2026"
    ("quarter", rf"quy\s*(?P<quarter_l>{_QLIST})(?!\s*(?:lan|dot)\b(?!\s*(?:\d|thu\b|[ivx]+\b)))(?:{_YSEP}(?P<quarter_y>{_Y})|(?P<quarter_r>{_YREL}))?"),
    # "quý thứ ba năm 2026": an ordinal quarter
    ("nquarter", rf"quy\s*thu\s*(?P<nquarter_l>nhat|hai|ba|tu|bon|[1-4])\b(?:{_YSEP}(?P<nquarter_y>{_Y})|(?P<nquarter_r>{_YREL}))?"),
    # "Q3/2025", "Q3-2025", "Q3 2025", "Q3 năm 2025" (with its year: "Q3" alone is also "Quận 3")
    ("qquarter", rf"q\s*\.?\s*(?P<qquarter_l>(?:[1-4]|i{{1,3}}|iv)(?:\s*(?:[-,+&]|va\b|hoac\b)\s*q\s*[1-4])*)(?:\s*[/\-.]\s*|\s+(?:nam\s*)?)"
                 rf"(?P<qquarter_y>{_Y})"),
    # "IV/2026" alone: a roman number up to four before a year is a quarter
    ("rquarter", rf"(?P<rquarter_l>(?:iv|iii|ii|i)\b(?:\s*(?:[-,&]|va\b|den\b)\s*(?:iv|iii|ii|i)\b)*)"
                 rf"\s*[/\-.]\s*(?P<rquarter_y>{_Y})"),
    ("trodi", r"tro\s*(?:di|ve\s*sau)\b"),
    # ("và năm sau" is one more year, not all the years after)
    # ("và duy trì các năm tiếp theo": kept up, the same)
    ("trodi2", r"(?:va(?!\s*nam\s*(?:sau|tiep\s*theo|ke\s*tiep|toi)\b)(?:\s*(?:duy\s*tri|tiep\s*tuc)(?:\s*thuc\s*hien)?(?:\s*trong)?)?|cho|cac|nhung)\s*(?:(?:cac|nhung)\s*)?(?P<trodi2_u>nam(?:\s*hoc)?|thang|quy)\s*(?:tiep\s*theo|sau\s*do|ke\s*tiep|sau|toi)\b"),
    # a school year runs from September to the end of May (Bộ GD&ĐT's yearly time frame)
    # ("đầu/giữa/cuối năm học": its first, middle or last three months, as "đầu năm" is a quarter)
    ("school", rf"(?:hoc\s*ky\s*(?P<school_t>i{{1,2}}|l{{1,2}}|[12]|mot|hai)\b\s*,?\s*(?:cua\s*)?"
               rf"|(?P<school_p>dau|giua|cuoi)\s*)?"
               rf"nam\s*hoc\s*(?P<school_a>{_Y})\s*(?:[-/]|den|toi)\s*(?P<school_b>{_Y})"),
    # the summer holidays, June to August: "hè 2025", "dịp hè", "kỳ nghỉ hè năm 2025" (a bare "he"
    # is also "hệ" folded, as in "trong hệ thống", "mua hệ thống": it needs a year or a word saying
    # it is a season, and no word that makes it "hệ")
    ("summer", rf"(?:(?:mua|dip|ky\s*nghi|nghi)\s*he\b(?!\s*(?:thong|so|sinh|dieu|tu|luy|qua|truc|phai|lai)\b)(?:\s*,?\s*(?:cua\s*)?(?:nam\s*)?(?P<summer_y>{_Y}))?"
               rf"|he\s*(?:nam\s*)?(?P<summer_z>{_Y}))"),
    # the opening (5 September) or the close (31 May) of a school year
    ("school2", rf"(?:ngay\s*)?(?P<school2_e>khai\s*giang|be\s*giang|ket\s*thuc)\s*(?:cua\s*)?nam\s*hoc\s*"
                rf"(?P<school2_a>{_Y})\s*(?:[-/]|den|toi)\s*(?P<school2_b>{_Y})"),
    # … of the coming school year ("khai giảng năm học mới": 5 September of the plan's year), or
    # of the one that ends in the plan's year ("bế giảng năm học": 31 May)
    ("school3", r"(?:ngay\s*|le\s*|dip\s*|)(?P<school3_e>khai\s*giang|be\s*giang|ket\s*thuc)\s*(?:cua\s*)?nam\s*hoc"
                r"(?:\s*(?P<school3_r>moi|toi|sau|nay|hien\s*tai))?\b(?!\s*\d)"),
    # "trong 2 năm tới": the years after the plan's
    ("nyears", r"(?P<nyears_n>\d\d?|hai|ba|bon|nam|muoi)\s*nam\s*(?:toi|sap\s*toi|tiep\s*theo|ke\s*tiep)\b"),
    ("name", r"cach\s*mang\s*thang\s*(?:tam|muoi)\b"),  # "Cách mạng tháng Tám": a name, not August
    # "năm trước ngày 15/12" is "the year, before 15/12", not last year
    ("yrel", r"nam\s*(?P<yrel_w>nay|sau(?!\s*khi)(?:\s*nua)?|toi|tiep\s*theo|ke\s*tiep|lien\s*(?:ke|sau)|truoc(?!\s*(?:ngay|thang|quy|tet|\d)))\b"),
    ("pyn", r"(?P<pyn_p>dau|giua|cuoi)\s*nam\b(?!\s*(?:19|20)\d\d|\s*hoc\b)"
            r"(?:\s*(?P<pyn_r>nay|sau|toi|truoc(?!\s*(?:ngay|thang|quy|tet|khi|ky|\d|30|31)))\b)?"),  # ("cuối năm trước")
    # "Tuần 50/2025", "tuần thứ 2 năm 2026": a week of the year, Monday to Sunday (ISO 8601)
    ("yweek", rf"tuan\s*(?:le\s*)?(?:thu\s*)?(?P<yweek_n>\d\d?)\s*(?:/|,?\s*(?:cua\s*)?nam)\s*(?P<yweek_y>{_Y})"),
    # "tuần cuối năm 2025", "tuần đầu tiên của năm": the first or last seven days of a year
    ("ywpart", r"tuan\s*(?:le\s*)?(?P<ywpart_n>dau\s*tien|dau|cuoi\s*cung|cuoi|thu\s*nhat)\s*(?:cua\s*)?"
               r"(?=nam\s*(?:(?:19|20)\d\d|nay\b|sau\b(?!\s*khi)|toi\b))"),
    ("ywcycle", r"tuan\s*(?:le\s*)?(?P<ywcycle_n>dau\s*tien|dau|cuoi\s*cung|cuoi|thu\s*nhat)\s*(?:cua\s*)?"
                r"nam\b(?!\s*(?:\d|hoc|nay|sau|toi|truoc|tiep|ke|lien))"),
    # "Tháng 7/2025 (tuần 2)": a week of the month just named, in its parenthesis
    ("weekafter", r"tuan\s*(?:le\s*)?(?:thu\s*)?(?P<weekafter_n>[1-5]|nhat|mot|hai|ba|bon|tu|nam|dau|cuoi)"
                  r"(?:\s*tien|\s*cung)?(?=\s*\))"),
    ("week", r"tuan\s*(?:le\s*)?(?:thu\s*)?(?P<week_n>[1-9](?:\s*(?:[,&\-]|va|den)\s*(?:tuan\s*)?[1-9]){0,4}|nhat|mot|hai|ba|bon|tu|nam|dau|cuoi)(?:\s*tien|\s*cung)?\s*"
             rf",?\s*(?:cua\s*)?(?=thang\s*(?:{_ONE_MONTH}))"),
    # "thượng/trung/hạ tuần": the first, middle and last ten days
    # "quý đầu tiên của năm 2026", "quý cuối cùng của năm 2025": its first or last quarter
    ("qpart", r"quy\s*(?P<qpart_p>dau|cuoi)(?:\s*tien|\s*cung)?\s*(?:cua\s*)?"
              r"(?=nam\s*(?:(?:19|20)\d\d|nay\b|sau\b(?!\s*khi)|toi\b))"),
    # "nửa đầu tháng 6": the 1st to the 15th; "nửa cuối/sau quý III": from the middle of its second month
    # ("nửa tháng cuối quý IV" is its last fifteen days)
    ("mhalf", rf"nua\s*(?P<mhalf_m>thang\s*)?(?P<mhalf_p>dau|cuoi|sau|truoc)\s*(?:cua\s*)?(?=thang\s*(?:{_ONE_MONTH})|(?P<mhalf_q>quy)\s*(?:\d|[ivxl]+\b))"),
    ("part", rf"(?P<part_p>dau|giua|cuoi|thuong\s*tuan|trung\s*tuan|ha\s*tuan)\s*(?:cua\s*)?(?=thang\s*(?:{_ONE_MONTH})|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:19|20)\d\d)"),
    # "năm kế hoạch 2027", "trong năm kế hoạch": the plan's (fiscal) year, not "Kế hoạch 2027" cited
    ("yplan", rf"nam\s*ke\s*hoach\b(?:\s*(?:nam\s*)?(?P<yplan_y>{_Y}))?(?!\s*(?:so|\d))"),
    ("year", rf"nam\s*(?P<year_l>{_YLIST})"),
    ("byear", rf"(?P<byear_l>{_Y}(?:\s*(?:-|\bden\b|\btoi\b)\s*{_Y})?)(?![\d/])"),
    # "hằng năm học", "cuối mỗi năm học": a cycle of school years (before "hằng năm", its start)
    ("recursh", r"(?:(?P<recursh_p>dau|giua|cuoi)\s*(?:moi|hang)|dinh\s*ky\s*(?:hang|moi)|hang|moi)\s*nam\s*hoc\b"
                r"(?!\s*(?:19|20)\d\d)"),
    ("recursh2", r"(?P<recursh2_p>dau|giua|cuoi)\s*nam\s*hoc\s*[,(]?\s*(?:hang|moi)\s*nam\b(?!\s*(?:19|20)\d\d)"),
    ("recurt2", r"(?:moi|hang|mot)\s*(?P<recurt2_u>nam|quy|thang|tuan)\s*(?P<recurt2_n>\d\d?|mot|hai|ba|bon)\s*(?:lan|dot)\b"),
    # (with so many days first: "05 ngày đầu mỗi quý", "trong 15 ngày đầu tháng" end on that day)
    ("recurp", rf"(?:(?P<recurp_c>{_N2})\s*ngay\s*|)(?P<recurp_p>dau|giua|cuoi)(?:\s*tien|\s*cung)?\s*(?:cua\s*)?(?:moi|hang)\s*(?P<recurp_u>nam|quy|thang)\b(?!\s*(?:19|20)\d\d)"),
    # "cuối quý", "đầu tháng" with no number: of each one when nothing else in the cell says
    # when ("Tháng 6 (cuối quý)" is June); "cuối năm" is this year's, see "pyn"
    # "trong 10 ngày đầu của tháng sau": the first days of the month after each one
    ("recurp3", rf"(?P<recurp3_c>{_N2})\s*ngay\s*(?P<recurp3_p>dau)(?:\s*tien)?\s*(?:cua\s*)?(?P<recurp3_u>thang|quy)\s*"
                r"(?:sau|tiep\s*(?:theo|sau)|ke\s*tiep|lien\s*(?:ke|sau))\b(?!\s*khi)"),
    ("recurp2", rf"(?:(?P<recurp2_c>{_N2})\s*ngay\s*|)(?P<recurp2_p>dau|giua|cuoi)(?:\s*tien|\s*cung)?\s*(?:cua\s*)?"
                rf"(?P<recurp2_u>quy|thang)\b"
                rf"(?!\s*(?:{_ONE_MONTH}|l\b|nay|sau|truoc|toi|tiep|ke|cua|dau|giua|cuoi|thu|hoc))"),
    ("recur", r"(?:dinh\s*ky\s*hang|dinh\s*ky\s*moi|hang|moi)\s*(?P<recur_u>nam|quy|thang|tuan|ngay)\b"
              # (not before one year: "hằng năm 2025" is no cycle; before a span of them it is)
              r"(?P<recur_w>\s*lam\s*viec\b)?(?!\s*(?:19|20)\d\d(?!\s*(?:-|den\b|toi\b)\s*(?:19|20)\d\d))"),
    # "từng quý", "theo quý": each quarter too ("theo quý I/2025" is that quarter, "theo Kế hoạch" an event)
    # "từng năm 2026-2030", "mỗi năm trong giai đoạn …": each of those years, as "hằng năm" before them
    ("recur7y", r"(?:tung|moi)\s*(?P<recur7y_u>nam)\b(?=\s*(?:trong\s*)?(?:giai\s*doan\s*)?(?:19|20)\d\d\s*(?:-|den\b|toi\b))"),
    ("recur7", r"(?:tung|theo\s*(?:tung\s*)?)\s*(?P<recur7_u>nam|quy|thang|tuan)\b"
               r"(?!\s*(?:\d|[ivxl]+\b|mot|hai|ba|bon|nay|sau|toi|truoc|tiep|ke|hoc)"
               # (nor a word that starts like a unit: "theo quy định", "quy trình", "tuần tra")
               r"|\s*(?:dinh|che|trinh|mo|hoach|tac|uoc|luat|chuan|pham|doi|tra)\b)"),
    ("recurm", r"(?:cua\s*)?(?P<recurm_u>thang)\s*(?:sau|tiep\s*(?:theo|sau)|ke\s*tiep|lien\s*(?:ke|sau))\b(?!\s*khi)"),
    # "Quý I các năm", "31/12 các năm": right after a time, "các năm" with no years named is each year
    ("recurc", r"c(?<=[\divx] c)ac\s*(?P<recurc_u>nam)\b"
               r"(?!\s*\d)(?!\s*(?:tiep|sau|toi|ke|qua|gan|hoc|truoc|giai|trong|den|tu|cua|nay)\b)"),
    # "trước ngày 25 của tháng", "ngày 15 các tháng": right after a day, "của tháng" or "các tháng"
    # with nothing to say which is each month
    # (the look-behind comes after the first letter, so that the alternative sorts under it)
    ("recurm2", r"c(?:(?<=\d c)|(?<=\dc))(?:ua\s*(?:cac\s*)?|ac\s*)(?P<recurm2_u>thang)\b"
                rf"(?!\s*(?:{_ONE_MONTH}|l\b|sau|tiep|ke|dau|giua|cuoi|thu|nay|truoc|toi|lien|hoc|do\b|bao|\(\s*(?:thang|\d)))"),
    # "ngày 20 của tháng thuộc kỳ báo cáo" (Nghị định 09/2019/NĐ-CP): the 20th of each report month
    ("recurk", r"(?:cua\s*thang\s*(?:thuoc\s*ky\s*)?|thang\s*thuoc\s*ky\s*)bao\s*cao\b"),
    # "báo cáo tháng trước ngày 20": the monthly report, on the 20th of each month
    ("recurr", r"bao\s*cao\s*(?:dinh\s*ky\s*)?(?P<recurr_u>thang)\b(?=\s*[:,(\-]?\s*(?:(?:gui|nop)\s*)?"
               r"(?:truoc|cham\s*nhat|vao|trong)?\s*(?:ngay\s*)?\d\d?\b(?!\s*(?:[/\-.]\s*\d|thang|ngay|nam)))"),
    ("recurn", rf"dinh\s*ky\s*(?P<recurn_n>\d\d?|{_COUNT})\s*(?P<recurn_u>thang|nam|quy|tuan)\b"),
    # "tháng/lần": once a month; "tháng, quý, năm": the reports of a regime, due as often as the first
    # "tháng/lần", "quý một lần" (not "quý một", quarter I)
    ("recurl2", r"(?P<recurl2_u>thang|nam|quy|tuan)\s*(?:/\s*(?:mot\s*|0?1\s*)?|(?:mot|0?1)\s*)lan\b"),
    ("recurlist", r"(?P<recurlist_u>thang|quy)\s*(?:,|va)\s*(?:(?:6|sau)\s*thang|quy|nam)"
                  r"(?:\s*(?:,|va)\s*(?:(?:6|sau)\s*thang|quy|nam))*\b"
                  r"(?!\s*(?:\d|[ivxl]+\b|nay|sau|toi|truoc|tiep|ke|hoc|dau|cuoi|giua))"),
    ("recurl", r"(?P<recurl_n>\d\d?|hai|ba|bon|sau|nua)\s*(?P<recurl_u>thang|nam|quy|tuan|ngay)\s*(?:/\s*|mot\s*|0?1\s*)(?:lan|dot)\b"),
    # so many times in a period: "2 lần/năm", "mỗi năm 02 lần"
    ("recurt", r"(?P<recurt_n>\d\d?|mot|hai|ba|bon)\s*(?:lan|dot)\s*(?:/|mot|moi|trong\s*(?:mot\s*)?)\s*(?P<recurt_u>nam|quy|thang|tuan)\b"),
    ("recurd", r"dinh\s*ky\s*(?P<recurd_u>nam|quy|thang|tuan)\b"),
    # the reports of a reporting regime: "báo cáo 6 tháng, năm" is due each half-year and year
    ("recur6", rf"(?P<recur6_n>\d(?<=6)|sau)\s*(?P<recur6_u>thang){_AND_YEAR}"
               r"(?!\s*(?:(?:19|20)\d\d|nay|sau|toi|truoc|tiep|ke|hoc|\d))"),
    ("recury", r"thuong\s*nien\b"),
    ("d0", r"ngay\s*(?P<d0_d>\d\d?)(?!\d|\s*(?:[/.]\s*\d|-\s*(?:0?[1-9]|1[0-2])(?!\d)|thang\s*\d)|[lo]\s*/)"),  # ("ngày 3O/6": a slip, see badnum2)
    # "từ mùng 8 đến mùng 10 tháng 3 âm lịch": a lunar day whose month comes later (after the lunar
    # dates above, which take "mùng 10 tháng Giêng" whole; not "mừng 80 năm", "mừng 8/3")
    ("lund0", r"(?:mung|mong)\s*(?P<lund0_d>[1-9]|[12]\d|30)(?!\d|\s*(?:[/\-.]\s*\d|thang\s*\d|nam\b|tuoi\b|%|ngay\b))"),
    # a bare day in a list: "15, 30", or the last of one before its cycle ("và 30 hằng tháng")
    ("num", r"(?P<num_d>\d\d?)(?=\s*(?:[,&\-]|\bva\b|\bden\b|\btoi\b)\s*(?:ngay\s*)?\d\d?(?!\d)"
            r"|\s*(?:hang|moi)\s*thang\b|\s*(?:cua\s*)?thang\s*(?:dau|giua|cuoi|thu)\b)"),
    # the last day of such a list with nothing after it: "hằng tháng vào ngày 10 và 25" (words.py keeps
    # it only after "ngày 10 và"; not "25 người", "25 đơn vị")
    ("numlast", r"(?P<numlast_d>\d\d?)(?![\d/\-:]|[.,]\d|\s*(?:thang|nam|quy|tuan|ngay|lan|dot|gio|h\b|phut|%|nguoi|lop"
                r"|don\s*vi|buoi|cuoc|ty|trieu|nghin))"),
    # "thứ 2, 4, 6 hằng tuần", "thứ Hai, Tư, Sáu hằng tuần": the days listed after one "thứ" (only before
    # the week's cycle: "tư" and "sáu" are also "từ" and "sau" folded)
    ("weekdays", r"thu\s*(?P<weekdays_w>(?:hai|ba|tu|nam|sau|bay|[2-7])(?:\s*(?:,|va\b)\s*(?:hai|ba|tu|nam|sau|bay|[2-7]))+)\b"
                 r"(?=\s*(?:,\s*)?(?:hang|moi|cac)\s*tuan\b)"),
    ("weekday", r"thu\s*(?P<weekday_w>hai|ba|tu|nam|sau|bay|[2-7])\b(?!\s*(?:19|20)\d\d)"),
    # "vào ngày thứ Năm" (not "ngày thứ 5 kể từ …", the fifth day)
    ("weekday2", r"ngay\s*thu\s*(?P<weekday2_w>hai|ba|tu|nam|sau|bay|[2-7])\b"
                 r"(?!\s*(?:(?:19|20)\d\d|cua|ke\s*tu|tinh\s*tu|sau|truoc|lam\s*viec|dau|cuoi|thu|tuan)\b)"),
    ("sunday", r"chu\s*nhat\b"),
    ("periodic", r"dinh\s*ky\b"),
    # ("tiếp tục thực hiện": work that goes on)
    # "(cho) đến khi có văn bản thay thế": the work goes on until something ends it
    ("cont4", r"(?:cho\s*den|cho\s*toi|den|toi)\s*khi\b"),
    ("cont", r"(?:thuong\s*xuyen|lien\s*tuc|khong\s*(?:co\s*)?thoi\s*han|(?:tiep\s*tuc|duy\s*tri)\s*(?:thuc\s*hien|trien\s*khai))\b"),
    # "trong cả giai đoạn": all through the plan's own period, which the cell does not name
    ("cont2", r"(?:ca|suot|toan|trong\s*(?:ca\s*|suot\s*)?)\s*giai\s*doan\b(?!\s*(?:tu\s*)?(?:nam\s*)?\d)"),
    # "trong (suốt) thời gian thực hiện Kế hoạch", "trong quá trình triển khai Đề án": all through it
    ("cont3", r"(?:trong\s*(?:ca\s*|suot\s*)?|suot\s*)(?:thoi\s*gian|qua\s*trinh)\s*(?:thuc\s*hien|trien\s*khai)"
              r"(?=\s*(?:ke\s*hoach|chuong\s*trinh|de\s*an|du\s*an|nghi\s*quyet|chi\s*thi)\b)"),  # (the document cited on)
    # (not the end of a period named: "sau khi kết thúc Quý III/2026" is "after" it)
    ("strong", r"(?:ngay\s*sau|sau)\s*khi\b(?!\s*(?:ket\s*thuc|het)\s*(?:thang\s*\d|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:19|20)\d\d))"),
    ("strong2", r"khi\s*(?:co|duoc|nhan|ket\s*thuc|hoan\s*thanh)\b"),
    ("strong3", r"(?:ke\s*tu|tu)\s*(?:ngay\s*(?:ky|ban\s*hanh|co|duoc|nhan)|khi)\b"),
    ("strong4", r"ke\s*tu\s*ngay(?!\s*\d)"),
    # "từ ngày Nghị quyết có hiệu lực": from a day the text names by an event, not by a date
    ("strong5", r"tu\s*ngay\b(?!\s*(?:\d|mung|mong|ram|dau|cuoi|lam\s*viec|khai\s*giang|be\s*giang|ket\s*thuc))"),
    # "trong 15 ngày" counts from an event; "trong 6 tháng cuối năm" is half a year, not that
    # ("trước ít nhất 15 ngày": days before an event, counted back from it)
    # a bare count before "kể từ" ("90 ngày kể từ ngày 15/3/2025", "30 ngày kể từ ngày ký")
    # "trước Tết Nguyên đán 15 ngày": so many days before (or after) the time just named, at the end
    # of its clause (see the grammar: only right after "trước"/"sau" and one time)
    # (not a count of working days, nor one counted from something: "15 ngày kể từ …")
    ("offset", rf"(?P<offset_n>\d\d?\d?)\s*ngay\b{_NO_MORE_DAYS}"),
    ("offset2", rf"(?:it\s*nhat|khoang)\s*(?P<offset2_n>\d\d?\d?)\s*ngay\b{_NO_MORE_DAYS}"),
    ("dur2", r"(?P<dur2_n>\d\d?\d?)\s*(?P<dur2_u>ngay|tuan|thang|nam)(?:\s*lam\s*viec)?(?=\s*,?\s*(?:ke\s*tu|tinh\s*tu)\b)"),
    ("dur", r"(?:trong\s*(?:vong|thoi\s*han|thoi\s*gian|khoang)?|sau|chua\s*qua|khong\s*qua|cham\s*nhat(?:\s*la)?"
            r"|truoc\s*(?:it\s*nhat\s*)?|thoi\s*gian(?:\s*thuc\s*hien)?\s*:?)"
            rf"\s*(?P<dur_n>\d\d?\d?|{_NUMBER_WORD})\s*(?P<dur_u>ngay|tuan|thang|{_YEARS_FROM})\b"
            # not a date ("15 tháng 6"), a cycle ("3 tháng/lần", "6 tháng, năm"), days at one end
            # of a month ("15 ngày đầu tháng 7") or after a period ends ("45 ngày kể từ ngày kết thúc quý")
            r"(?!\s*(?:dau\s*|cuoi\s*)?(?:cua\s*)?nam\b|\s*[\d/]|\s*(?:dau|cuoi)\b|\s*(?:mot|0?1)?\s*lan\b|\s*,\s*nam\b"
            r"|\s*lam\s*viec\s*(?:dau|cuoi)\b|\s*(?:lam\s*viec\s*)?(?:sau\s*khi|ke\s*tu\s*(?:khi|ngay)?|tu\s*(?:khi|ngay)?|sau)\s*(?:ket\s*thuc|het)"
            # nor a lunar day ("trước 23 tháng Chạp", "15 tháng Tám âm lịch"), nor days counted to a date
            # ("chậm nhất 30 ngày trước ngày 01/7/2026": an offset, see grammar)
            rf"|\s*(?:gieng|chap)\b|\s*{_LMONTH}\s*\(?\s*(?:am\s*lich|al\b)"
            r"|(?<=ngay)\s*(?:truoc|sau)\s*(?:(?:ngay\s*)?\d|(?:(?:ky\s*)?nghi\s*)?tet\b))"
            r"(?:\s*lam\s*viec)?"),
    # "sau tháng 9/2021": from the day after (after "dur", which reads "sau 15 ngày")
    # ("sau khi kết thúc Quý III/2026" too: after the end of a period named)
    ("after", r"sau\s*(?:(?:khi\s*)?(?:ket\s*thuc|het)\s*(?=thang\s*\d|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:19|20)\d\d)"
              r"|(?=(?:ngay\s*)?\d|thang\s*(?:\d|[ivx]+\b)|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:19|20)\d\d|(?:(?:ky\s*)?nghi\s*)?tet\b"
              r"|ram\s*thang\b|(?:mung|mong)\s*\d|gio\s*to\b"
              r"|(?:mua\s*|(?:ky\s*)?nghi\s*)?he\s*(?:nam\s*)?(?:19|20)\d\d|(?:mua|(?:ky\s*)?nghi)\s*he\b|nam\s*hoc\s*\d))"),
    # a season of the weather or the crops ("mùa mưa bão", "mùa khô 2025-2026", "vụ Đông Xuân"):
    # its days differ from one region to the next, so the years after it only name it
    ("season", r"(?:mua\s*(?:mua(?:\s*(?:bao|lu))*|bao(?:\s*lu)?|lu(?:\s*bao)?|kho(?:\s*hanh)?|can)"
               # (not the "vụ" of "phục vụ", "nhiệm vụ", "dịch vụ", "nghĩa vụ", "chức vụ", "sự vụ")
               r"|vu(?<!phuc\svu)(?<!nhiem\svu)(?<!dich\svu)(?<!nghia\svu)(?<!chuc\svu)(?<!su\svu)"
               r"\s*(?:dong\s*xuan|he\s*thu|thu\s*dong|mua|chiem(?:\s*xuan)?|lua|san\s*xuat))\b"),
    # (and a time tied to another duty: "cùng thời điểm báo cáo năm", "lồng ghép trong báo cáo quý")
    ("weak", r"(?:theo|dot\s*xuat|ky\s*hop|dai\s*hoi|tuy\s*(?:theo|tinh\s*hinh)|khi\s*can|phu\s*thuoc|chua\s*xac\s*dinh"
             r"|cung\s*(?:thoi\s*diem|thoi\s*gian|luc|voi|ky)|long\s*ghep\s*(?:trong|vao|voi)|gui\s*kem|kem\s*theo"
             r"|song\s*song|truoc\s*khi|khong\s*xac\s*dinh"
             # ("Chờ hướng dẫn của Bộ": waits for it; not "cho ý kiến", "cho chủ trương": they give it)
             r"|cho\s*(?:co\s*)?(?:huong\s*dan|van\s*ban|phe\s*duyet|chi\s*dao|quyet\s*dinh)"
             r"|truoc\s*ngay\s*(?:to\s*chuc|khai\s*mac|dien\s*ra|bat\s*dau|hop)"  # "trước ngày tổ chức Hội nghị"
             # ("Căn cứ tình hình thực tế": as things turn out; not "Căn cứ Kế hoạch số …", a citation)
             r"|can\s*cu\s*(?:vao\s*)?(?:tinh\s*hinh|thuc\s*te|yeu\s*cau|nhu\s*cau|tien\s*do|chi\s*dao|huong\s*dan))\b"),
    # "kỷ niệm … Quốc khánh 2/9 (1945-2025)": the days after it may only name what is remembered
    # (and "chào mừng", "Chiến thắng 30/4": "thắng" is "thxng" once folded, see text.without_lookalikes)
    # (and what work is done for: "Để chuẩn bị cho Tết …, … trước ngày 10/02", "phục vụ Đại hội": the
    # occasion, when its clause says when the work is due)
    ("memorial", r"(?:ky\s*niem|chao\s*mung|chien\s*thxng|chuan\s*bi\s*cho|phuc\s*vu)\b"),
    ("dukien", r"du\s*(?:kien|tinh)\b"),
    ("horizon", r"(?:tam\s*nhin|dinh\s*huong)\b"),
    # "giai đoạn 1 (2021-2025)", "giai đoạn II: 2026-2030": the phase's number is not a time
    ("phase", r"(?:giai\s*doan|nhiem\s*ky|thoi\s*ky|gd\b(?=\s*\.?\s*(?:19|20)\d\d))\b(?:\s*(?:thu\s*)?(?:[1-9]|i{1,3}|iv|v)\b(?!\s*[/.-]?\s*\d))?"),
    # "Đợt 1: tháng 5/2025; đợt 2: tháng 10/2025": rounds of one task, each falling due
    # (and the levels of government, each with its own time: "Cấp tỉnh: Quý I; cấp huyện: Quý II")
    # "đợt 2/2025": the second round of 2025, not February ("tháng" never follows "đợt")
    ("roundy", rf"(?:dot|lan)\s*(?:thu\s*)?\d\d?\s*/\s*(?P<roundy_y>{_Y})\b"),
    # (and the numbered classes, courses and parts of one task: "lớp 1 tháng 6/2025" is no 1 June)
    ("round", r"(?:dot|lan|buoc|lop|khoa|phan|nhom|cum|chuyen\s*de)\s*(?:thu\s*)?(?:[1-9]|i{1,3}|iv|v|mot|hai|ba|bon|nhat)\b(?!\s*[/.-]?\s*\d)"),
    ("round2", r"cap\s*(?:tinh|huyen|xa|co\s*so)\b"),
    ("round3", r"rieng\b"),  # "tháng 10 (riêng cấp xã: tháng 11)": the exception has its own time
    ("by", r"(?:cham\s*nhat(?:\s*la)?|muon\s*nhat|khong\s*(?:qua|cham\s*hon|muon\s*hon|de\s*qua)|han\s*(?:chot|cuoi)|thoi\s*han(?:\s*hoan\s*thanh)?(?!\s*(?:hoan\s*thanh\s*|thuc\s*hien\s*)?:)|han\s*hoan\s*thanh(?!\s*:))\b"),
    ("truoc", r"truoc\b"),
    # ("đến hết năm" leaves "hết năm" to "yearin": the plan's year)
    ("den", r"(?:cho\s*den|cho\s*toi|den|toi)\b(?:\s*het\b(?!\s*nam\b(?!\s*(?:\d|nay|sau|toi)\b)))?"),
    ("het", r"het\s*(?=(?:ngay|thang|nam)\s*\d|quy\s*(?:\d|[ivxl]+\b)|nam\s*(?:nay|sau|toi)\b|\d)"),  # "hết quý III/2022"
    # (not "tự" before "trước": "bảo đảm trật tự trước Tết")
    ("tu", r"(?:(?:ke\s*)?tu\b(?!\s*truoc\b)|bat\s*dau(?:\s*tu)?\b)"),
    # "Kế hoạch này", "Quyết định này": this very document, not "now"
    ("thisdoc", r"(?:ke\s*hoach|quyet\s*dinh|van\s*ban|thong\s*tu|chi\s*thi|nghi\s*quyet|de\s*an|chuong\s*trinh"
                r"|cong\s*van|quy\s*che|quy\s*dinh|huong\s*dan|thong\s*bao)\s*nay\b"),
    ("now", r"(?:hien\s*nay|nay)\b"),
    ("purpose", _PURPOSE),
    # the figures a report covers ("số liệu tính đến 30/11", "kỳ báo cáo năm 2024"): not a deadline
    ("data", r"(?:chot\s*so\s*lieu|so\s*lieu|ky\s*(?:bao\s*cao|so\s*lieu))\b"),
    ("yearin", r"(?:trong|ca|suot|het|quanh)\s*nam\b(?!\s*(?:(?:19|20)\d\d|nay|sau|toi|hoc|truoc|tiep|ke|\d))"),
    # "hằng tháng (trừ tháng 6, 7, 8)", "hằng quý (trừ quý I)": months a cycle skips (not "trụ sở", "cư trú")
    # (and weekdays, days off: "hằng ngày (trừ thứ Bảy, Chủ nhật)", "trừ ngày nghỉ, ngày lễ")
    ("except", r"(?:ngoai\s*tru|tru)(?:\s*cac)?\b(?=\s*(?:thang\s*\d|quy\s*(?:\d|[ivx]+\b)|nam\s*(?:19|20)\d\d|thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])\b"
               r"|chu\s*nhat\b|ngay\s*(?:nghi|le)\b))"),
    ("in", r"(?:trong|vao|tai)\b"),
    ("vaw", r"(?:va|hoac)\b"),
]
# punctuation, tried everywhere
_MARKS: list[tuple[str, str]] = [
    # a parenthesis that gives a reason or a purpose: its dates are someone else's
    # ("(để UBND tỉnh báo cáo Thủ tướng trước ngày 15/7)": someone else's deadline, for a purpose)
    ("reason", rf"\((?!\s*(?:ngoai\s*)?tru\b)(?=\s*(?:do|vi)\b|\s*{_PURPOSE}|\s*de\s+(?:[a-z]+\s+){{1,4}}?(?:tong\s*hop|bao\s*cao|trinh|gui)\b|[^()]*\b(?:roi\s*vao|trung\s*(?:vao|voi)|nghi\b"
               r"|la\s*(?:thu\s*bay|chu\s*nhat)|(?:lui|doi|chuyen)\s*tu))[^()]*\)"),
    ("va", r"[,&]|\+(?=\s*(?:thang\s*|quy\s*)?(?:\d|[ivx]+\b))"),  # "tháng 3 + 4/2023" (not a "+ " bullet)
    ("dash", r"-"),
    ("brk", r"[;\n]|\.(?=\s|$)"),
    ("cell", r"\t"),  # between the cells of a table row: what one cell says of an event stays there
]
# kinds that are spelled several ways but mean one thing
ALIASES = {
    "nlunar": "lunar", "lund0": "d0", "lunmonthly2": "lunmonthly", "lunmonthly3": "lunmonthly", "lunmonthly4": "lunmonthly", "nlunmon": "lunmon", "nluntet": "luntet", "mqs": "mq", "rquarter": "quarter", "recurc": "recur", "ndmy": "dmy", "nvdate": "vdate", "nhalf": "half", "nhalf2": "half", "mhalf": "part", "mpart": "part",
    "tmonth": "month", "bmonth": "month", "bmonth2": "month", "wmonth2": "wmonth", "wdpart": "nthpart", "ndays": "part", "ywpart": "week", "qpart": "part", "edpart": "nthpart",
    "recurw": "recur", "recurwk": "recur", "recurwd": "recur", "recurwe": "recur", "afterend": "recur", "afterend2": "recur", "qquarter": "quarter", "nquarter": "quarter", "trodi2": "trodi", "recury": "recurd",
    "recurt2": "recurt", "recur6": "recurn", "recurl2": "recurl", "recurlist": "recurd", "truocsolar": "tetsolar", "recurm": "recur", "recurm2": "recur", "recurk": "recur", "recurr": "recur", "recurrep": "recur", "recurp": "recur", "recurp3": "recur", "recursh": "recur", "recursh2": "recur", "recur7": "recur", "recur7y": "recur",
    "sunday": "weekday", "weekday2": "weekday", "cont2": "cont", "cont3": "cont", "cont4": "cont", "dur2": "dur", "offset2": "offset", "ymd2": "ymd", "strong2": "strong", "strong3": "strong", "strong4": "strong", "strong5": "strong", "season": "weak",
    "het": "den", "name": "doc", "thisdoc": "doc", "planyear": "doc", "months": "doc", "law": "cite", "issued": "cite", "numref": "doc", "school2": "school", "school3": "school", "round2": "round", "round3": "round", "compare": "doc", "badyear2": "badyear", "badyear4": "badyear", "badyear3": "badyear", "badyear5": "badyear",
    "badyear6": "badyear", "badyear7": "badyear", "badyear8": "badyear", "dmlead": "dm", "badnum2": "badnum",
}

_NAMED = re.compile(r"\(\?P<\w+>")


def _scan(pattern: str) -> list[tuple[int, str, int]]:
    """(index, character, depth before it) for each unescaped character outside [classes]."""
    out, depth, i, in_class = [], 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            out.append((i, c, depth))
            depth += (c == "(") - (c == ")")
        i += 1
    return out


def _top_alternatives(group: str) -> list[str]:
    """Split the inside of a group on its top-level bars."""
    cuts = [i for i, c, depth in _scan(group) if c == "|" and depth == 0]
    bounds = [-1, *cuts, len(group)]
    return [group[a + 1:b] for a, b in itertools.pairwise(bounds)]


def _expand(pattern: str) -> list[str]:
    """'(?:a|b)rest' becomes ['arest', 'brest'] so that each starts with a plain character."""
    if not pattern.startswith("(?:"):
        return [pattern]
    end = next(i for i, c, depth in _scan(pattern) if c == ")" and depth == 1)
    rest = pattern[end + 1:]
    if rest[:1] in ("?", "*", "+", "{"):
        return [pattern]
    return [x for alt in _top_alternatives(pattern[3:end]) for x in _expand(alt + rest)]


_HEADS = ("\\d", *"abcdefghijklmnopqrstuvwxyz")


def _head(pattern: str) -> tuple[str, str]:
    """The first character of a pattern (a letter or \\d) and what follows it, or ('', pattern)."""
    for head in _HEADS:
        if pattern.startswith(head) and pattern[len(head):len(head) + 1] not in ("?", "*", "+", "{"):
            return head, pattern[len(head):]
    return "", pattern


def _grouped(words: list[tuple[str, str]]) -> str:
    """One alternation with alternatives gathered under their first character.

    The regex engine skips an alternative whose first character differs after one
    comparison, so at each word only the alternatives for its first letter are tried.
    Alternatives that start with no plain character ("kể từ" written with an optional "kể")
    come last, whatever their place in the list: one of them must never stand before a
    longer word that starts at the same letter ("kể từ ngày ký", an event, not "kể từ").
    """
    heads: dict[str, list[str]] = {"": []}
    for kind, pattern in words:
        for i, alt in enumerate(_expand(_NAMED.sub("(?:", pattern))):
            head, rest = _head(alt)
            heads.setdefault(head, []).append(f"(?:{rest})(?P<{kind}__{i}>)")
    generic = heads.pop("")
    return "|".join([*(f"{head}(?:{'|'.join(alts)})" for head, alts in heads.items()), *generic])


MASTER = re.compile(
    r"(?<![a-z0-9/.])(?:" + _grouped(_WORDS) + ")|"
    + "|".join(f"(?:{p})(?P<{k}__0>)" for k, p in _MARKS)
)
# the same alternatives with their groups, matched again only where a token was found
_GROUPS = {k: re.compile(p) for k, p in _WORDS if "(?P<" in p}


class Token:
    """One match of the master expression: its kind, where it is, and its groups on demand."""

    __slots__ = ("_match", "_text", "end", "kind", "name", "start")

    def __init__(self, kind: str, name: str, start: int, end: int, text: str) -> None:
        self.kind = kind  # the handler's name, aliases resolved
        self.name = name  # the alternative that matched, which prefixes its groups
        self.start = start
        self.end = end
        self._text = text
        self._match: re.Match[str] | None = None

    @property
    def source(self) -> str:
        """The whole folded text the token was found in (to look at the words around it)."""
        return self._text

    @property
    def match(self) -> re.Match[str] | None:
        """The alternative matched again with its groups (None for a kind without groups)."""
        if self._match is None and self.name in _GROUPS:
            self._match = _GROUPS[self.name].match(self._text, self.start)
        return self._match

    @property
    def text(self) -> str:
        """The folded text of the token."""
        return self._text[self.start:self.end]

    def g(self, name: str) -> str | None:
        """A group of the match, by its short name ("d" for this kind's day)."""
        m = self.match
        if m is None:
            return None
        try:
            return m.group(f"{self.name}_{name}")
        except IndexError:
            return None


# marker group -> (kind, alternative)
_KINDS = {
    marker: (ALIASES.get(name, name), name)
    for marker in MASTER.groupindex
    for name in (marker.split("__")[0],)
}


def tokens(folded: str) -> list[Token]:
    """Every token of a folded text, in order."""
    kinds = _KINDS
    return [Token(*kinds[m.lastgroup or ""], m.start(), m.end(), folded) for m in MASTER.finditer(folded)]
