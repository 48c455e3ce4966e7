"""Importing plan documents: tables, lists, .docx, page breaks, a document pasted twice, the seeds."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from bot.importer import import_plan, known_agencies, to_toml
from bot.importer.agencies import Known, Matcher
from bot.importer.document import from_text
from bot.schedule import load
from tests.conftest import ROOT, SHARED

FIXTURES = ROOT / "tests" / "fixtures"
AGENCIES = known_agencies(FIXTURES / "agencies.toml")


def _tasks(path: Path, year: int) -> dict[str, dict[str, object]]:
    plan = import_plan(path, year, AGENCIES)
    data = tomllib.loads(to_toml(plan))
    return {t["id"]: t for t in data["task"]}


def test_table_with_sections_and_a_page_break() -> None:
    tasks = _tasks(FIXTURES / "ke-hoach-bang.txt", 2020)
    assert list(tasks) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert tasks["1.1"]["lead"] == "Sở Nội vụ"  # from the section row "1  Sở Nội vụ"
    assert tasks["1.1"]["coordinating"] == ["Sở Tư pháp", "Sở Tài chính"]  # "Các Sở: Tư pháp, Tài chính"
    assert (tasks["1.1"]["start"], tasks["1.1"]["finish"]) == ("Tháng 3/2020", "Tháng 5/2020")
    assert tasks["1.2"]["title"].endswith("(các phòng thuộc Sở; các chi cục thuộc Sở) theo hướng tinh gọn")
    assert "không có quý 7" in tasks["1.2"]["review"] and "time" not in tasks["1.2"]
    assert tasks["1.3"]["lead"] == "Sở Tài chính"  # the task's name opens with its lead
    assert "phụ thuộc sự kiện" in tasks["2.1"]["review"]
    assert "không ghi thời gian" in tasks["2.2"]["review"]


def test_plan_metadata() -> None:
    plan = import_plan(FIXTURES / "ke-hoach-bang.txt", 2020, AGENCIES)
    assert (plan.number, plan.title, str(plan.issued), plan.supervisor) == (
        "12/KH-UBND", "Thực hiện cải cách hành chính năm 2020", "2020-03-05", "Sở Nội vụ")
    assert [k.name for k in plan.new_agencies] == ["Trung tâm Chuyển đổi số tỉnh"]


def test_numbered_items_with_field_lines() -> None:
    tasks = _tasks(FIXTURES / "ke-hoach-muc.md", 2021)
    assert list(tasks) == ["I.1", "I.2.1", "I.2.2", "II.1", "II.2"]
    assert tasks["I.1"]["coordinating"] == ["Sở Tài chính", "Sở Tư pháp"]
    assert tasks["I.2.1"]["lead"] == "Sở Y tế"
    assert tasks["I.2.2"]["milestones"] == ["Trình UBND tỉnh trong quý III/2021",
                                            "Bắt đầu thực hiện trong tháng 10/2021."]
    assert tasks["II.1"]["lead"] == "UBND các huyện, thị xã"  # "… chủ trì" leads the whole part
    assert tasks["II.2"]["time"] == "Trước ngày 15/12 hằng năm."


def test_items_with_a_product_and_dated_duties_after_them() -> None:
    """Items with field lines ("Sản phẩm:" too), then duties with deadlines under "Tổ chức thực hiện"."""
    tasks = _tasks(FIXTURES / "ke-hoach-muc-va-to-chuc.txt", 2026)
    assert list(tasks) == ["II.1", "II.2", "II.3", "III.1", "III.2"]
    assert tasks["II.2"]["product"] == "Hội thi cấp tỉnh"
    assert (tasks["III.1"]["lead"], tasks["III.1"]["time"]) == ("Sở Nội vụ", "trước ngày 15/12/2026")
    # (a numbered duty that names agencies and a deadline is no heading of the duties below it)
    assert (tasks["III.2"]["lead"], tasks["III.2"]["time"]) == ("UBND các huyện, thị xã", "trước ngày 30/11/2026")


def test_a_document_pasted_twice_is_imported_once() -> None:
    once = _tasks(FIXTURES / "ke-hoach-muc.md", 2021)
    twice = _tasks(FIXTURES / "ke-hoach-muc-dan-hai-lan.md", 2021)
    assert list(once) == list(twice)


def test_docx_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Số: 7/KH-UBND")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số năm 2022")
    table = document.add_table(rows=0, cols=6)
    rows = [("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện"),
            ("1", "Xây dựng kho dữ liệu", "Sở Thông tin và Truyền thông", "Sở Tài chính", "Kho dữ liệu", "Quý III"),
            ("2", "Đào tạo cán bộ", "Số Nội vụ", "", "Lớp học", "Tháng 5 - Tháng 7")]
    for r in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, r, strict=True):
            cell.text = text
    path = tmp_path / "kh.docx"
    document.save(str(path))
    tasks = _tasks(path, 2022)
    assert tasks["1"]["lead"] == "Sở Thông tin và Truyền thông" and tasks["1"]["time"] == "Quý III"
    assert tasks["2"]["lead"] == "Sở Nội vụ"  # the OCR slip "Số Nội vụ"


def test_agency_matching() -> None:
    m = Matcher([Known("a", "Sở Văn hóa, Thể thao và Du lịch"), Known("b", "Sở Nội vụ", ("SNV",)),
                 Known("g", "Các Sở, Ban, ngành", is_group=True), Known("h", "UBND huyện Cư Jút")])
    found, _ = m.find("Sở Văn hóa, Thể thao và Du lịch; SNV và các cơ quan, đơn vị liên quan")
    assert [k.id for k in found] == ["a", "b"]
    assert [k.id for k in m.find("Các Sở, Ban, ngành")[0]] == ["g"]
    assert [k.id for k in m.find("UBND các huyện: Cư Jut")[0]] == ["h"]
    found, _ = m.find("Ban Bảo vệ và Chăm sóc sức khỏe cán bộ tỉnh")
    assert [k.name for k in found] == ["Ban Bảo vệ và Chăm sóc sức khỏe cán bộ tỉnh"] and found[0].new


def test_blocks_from_text() -> None:
    blocks = from_text("a\tb\n\n**Tiêu đề**\n<i>1.2 Việc</i>\t\t\n")
    assert [b.cells for b in blocks] == [("a", "b"), ("Tiêu đề",), ("1.2 Việc",)]
    assert blocks[1].after_gap and blocks[0].is_row and not blocks[1].is_row


def test_blocks_from_a_markdown_table() -> None:
    blocks = from_text("Kế hoạch\n\n| STT | Nhiệm vụ | Thời gian |\n|---|:---|---:|\n"
                       "| 1 | **Rà soát** a \\| b | Quý I/2025 |\n")
    assert [b.cells for b in blocks] == [("Kế hoạch",), ("STT", "Nhiệm vụ", "Thời gian"),
                                         ("1", "Rà soát a | b", "Quý I/2025")]
    assert blocks[1].is_row and blocks[2].is_row and blocks[1].after_gap


def test_a_markdown_plan_imports_like_its_tab_separated_twin(tmp_path: Path) -> None:
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành"],
            ["1", "Rà soát quy định", "Sở Nội vụ", "Sở Tư pháp", "Báo cáo", "Quý I/2025"],
            ["2", "Báo cáo định kỳ", "Sở Tư pháp", "Sở Nội vụ", "Báo cáo", "6 tháng, năm"]]
    md = tmp_path / "ke-hoach.md"
    md.write_text("KẾ HOẠCH thực hiện năm 2025\n\n" + "\n".join(
        ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        + ["| " + " | ".join(r) + " |" for r in rows[1:]]) + "\n", encoding="utf-8")
    txt = tmp_path / "ke-hoach.txt"
    txt.write_text("KẾ HOẠCH thực hiện năm 2025\n\n" + "\n".join("\t".join(r) for r in rows) + "\n",
                   encoding="utf-8")
    from_md, from_txt = _tasks(md, 2025), _tasks(txt, 2025)
    assert list(from_md) == ["1", "2"]
    assert from_md == from_txt
    assert from_md["2"]["time"] == "6 tháng, năm"


def test_agencies_named_by_no_known_kind_stay_in_the_review(tmp_path: Path) -> None:
    """A coordinating body the matcher cannot name is not dropped: the review says which."""
    md = tmp_path / "kh.md"
    md.write_text("KẾ HOẠCH thực hiện năm 2026\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
                  "|---|---|---|---|---|\n"
                  "| 1 | Khảo sát sự hài lòng | Sở Nội vụ | Bưu điện tỉnh; Liên đoàn Lao động tỉnh | Quý II/2026 |\n"
                  "| 2 | Tuyên truyền | Sở Tư pháp | các đoàn thể chính trị - xã hội tỉnh | Quý III/2026 |\n",
                  encoding="utf-8")
    tasks = _tasks(md, 2026)
    assert tasks["1"]["coordinating"] == ["Bưu điện tỉnh", "Liên đoàn Lao động tỉnh"]  # (learned as new)
    assert "coordinating" not in tasks["2"]
    assert 'không nhận ra cơ quan phối hợp "các đoàn thể chính trị - xã hội tỉnh"' in tasks["2"]["review"]


def test_a_note_that_says_when_is_in_the_review(tmp_path: Path) -> None:
    md = tmp_path / "kh.md"
    md.write_text("KẾ HOẠCH thực hiện năm 2026\n\n| TT | Nội dung | Đơn vị chủ trì | Thời gian hoàn thành | Ghi chú |\n"
                  "|---|---|---|---|---|\n| 1 | Nâng cấp mạng | Sở Nội vụ | Quý III/2026 | Vốn đầu tư công |\n"
                  "| 2 | Số hóa hồ sơ | Sở Tư pháp | Quý IV/2026 | Chậm nhất 15/12/2026 |\n", encoding="utf-8")
    tasks = _tasks(md, 2026)
    assert "review" not in tasks["1"]
    assert tasks["2"]["review"] == 'ghi chú có nói thời gian ("Chậm nhất 15/12/2026"): xem lại hạn'


def test_a_heading_line_that_holds_the_title(tmp_path: Path) -> None:
    md = tmp_path / "kh.md"
    md.write_text("# KẾ HOẠCH Thực hiện chuyển đổi số năm 2025\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
                  "|---|---|---|---|\n| 1 | Rà soát quy định | Sở Nội vụ | Quý I/2025 |\n", encoding="utf-8")
    assert import_plan(md, 2025, AGENCIES).title == "Thực hiện chuyển đổi số năm 2025"


def test_a_second_table_brings_its_own_columns(tmp_path: Path) -> None:
    doc = tmp_path / "kh.md"
    doc.write_text("KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\n\n"
                   "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Kết quả đầu ra | Tiến độ |\n"
                   "|---|---|---|---|---|---|\n"
                   "| 1 | Ban hành kế hoạch | Sở Nội vụ | Sở Tư pháp | Kế hoạch | Tháng 01/2026 |\n\n"
                   "| TT | Nhiệm vụ | Cơ quan thực hiện | Thời hạn hoàn thành |\n|---|---|---|---|\n"
                   "| 2 | Kiểm tra | Sở Tư pháp | Quý III/2026 |\n", encoding="utf-8")
    plan = import_plan(doc, 2026, AGENCIES)
    assert plan.title == "Thực hiện công tác dân vận năm 2026"  # the table is not part of the title
    tasks = {t["id"]: t for t in tomllib.loads(to_toml(plan))["task"]}
    assert list(tasks) == ["1", "2"]  # the second header is no task
    assert (tasks["1"]["lead"], tasks["1"]["time"]) == ("Sở Nội vụ", "Tháng 01/2026")
    # "Cơ quan thực hiện" alone: those who do it lead it, and the time stays a time
    assert (tasks["2"]["lead"], tasks["2"]["time"]) == ("Sở Tư pháp", "Quý III/2026")
    assert "coordinating" not in tasks["2"] and not plan.new_agencies


# a plan of one table row, then its part "Tổ chức thực hiện", whose text each test adds
_TABLE_PLAN = ("KẾ HOẠCH\nCải cách hành chính năm 2026\nII. NHIỆM VỤ\n"
               "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\n"
               "1\tRà soát văn bản\tSở Tư pháp\tQuý II/2026\n"
               "III. TỔ CHỨC THỰC HIỆN\n")


def test_a_table_plan_keeps_the_dated_duties_of_its_last_part(tmp_path: Path) -> None:
    doc = tmp_path / "kh.txt"
    doc.write_text(_TABLE_PLAN +
                   "1. Sở Nội vụ theo dõi, đôn đốc; tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2026.\n"
                   "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n", encoding="utf-8")
    tasks = _tasks(doc, 2026)
    assert [(i, t["lead"], t["time"]) for i, t in tasks.items()] == [
        ("1", "Sở Tư pháp", "Quý II/2026"), ("III.1", "Sở Nội vụ", "trước ngày 15/12/2026")]  # not the undated duty


def test_a_duty_in_a_paragraph_of_its_own(tmp_path: Path) -> None:
    """ "Sở Nội vụ tổng hợp, …" with no number before it is a duty of the agency it opens with."""
    doc = tmp_path / "kh.txt"
    doc.write_text(_TABLE_PLAN +
                   "Sở Nội vụ theo dõi, đôn đốc; tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2026.\n"
                   "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo trước ngày 30/6/2026.\n",
                   encoding="utf-8")
    tasks = list(_tasks(doc, 2026).values())
    assert [(t["lead"], t["time"]) for t in tasks] == [
        ("Sở Tư pháp", "Quý II/2026"), ("Sở Nội vụ", "trước ngày 15/12/2026")]  # not the one naming no agency


def test_a_plan_whose_lines_a_page_wrapped(tmp_path: Path) -> None:
    """Copied from a web page or a PDF, each duty runs over several lines: it is still one duty."""
    doc = tmp_path / "kh.txt"
    doc.write_text("KẾ HOẠCH\nCải cách hành chính năm 2026\n\nIII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
                   "1. Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh ban hành\n"
                   "Kế hoạch kiểm tra công tác cải cách hành chính năm 2026, hoàn thành trước ngày\n"
                   "31/3/2026.\n\n"
                   "2. Sở Tư pháp rà soát, đơn giản hóa thủ tục hành chính, báo cáo kết quả về UBND tỉnh\n"
                   "trong quý III/2026, gửi qua Sở Nội vụ.\n", encoding="utf-8")
    tasks = _tasks(doc, 2026)
    assert [(t["lead"], t["time"]) for t in tasks.values()] == [
        ("Sở Nội vụ", "trước ngày 31/3/2026"), ("Sở Tư pháp", "trong quý III/2026")]
    assert tasks["1"]["title"].endswith("hoàn thành trước ngày 31/3/2026.")
    # (lines that each give an agency its duty stay apart, ending in no full stop as they may)
    doc.write_text("KẾ HOẠCH\nCải cách hành chính năm 2026\n\nIII. TỔ CHỨC THỰC HIỆN\n"
                   "Sở Nội vụ theo dõi, hướng dẫn việc thực hiện kế hoạch này, báo cáo trước ngày 15/12/2026\n"
                   "Sở Tư pháp tổ chức rà soát văn bản quy phạm pháp luật trong quý II/2026\n", encoding="utf-8")
    tasks = _tasks(doc, 2026)
    assert [(t["lead"], t["time"]) for t in tasks.values()] == [
        ("Sở Nội vụ", "trước ngày 15/12/2026"), ("Sở Tư pháp", "trong quý II/2026")]


def test_items_of_a_duties_part_that_say_when_they_are_due(tmp_path: Path) -> None:
    doc = tmp_path / "kh.md"
    doc.write_text("KẾ HOẠCH\nTuyên truyền năm 2026\n\nII. NHIỆM VỤ\n"
                   "1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.\n"
                   "2. Sở Nội vụ tham mưu ban hành Kế hoạch tuyên truyền, hoàn thành trước ngày 31/01/2026.\n"
                   "3. Sở Tư pháp thực hiện rà soát văn bản (giai đoạn 1: Quý I/2026; giai đoạn 2: Quý III/2026).\n"
                   "III. KINH PHÍ\n1. Kinh phí bố trí từ ngân sách nhà nước năm 2026 trước ngày 15/12/2025.\n",
                   encoding="utf-8")
    tasks = _tasks(doc, 2026)
    assert list(tasks) == ["2", "3"]  # an aim with no time is no task; other parts are not duties
    assert (tasks["2"]["lead"], tasks["2"]["time"]) == ("Sở Nội vụ", "trước ngày 31/01/2026")
    assert tasks["3"]["milestones"] == ["Sở Tư pháp thực hiện rà soát văn bản giai đoạn 1: Quý I/2026",
                                        "Sở Tư pháp thực hiện rà soát văn bản giai đoạn 2: Quý III/2026"]


SEEDS = [("000", 2018, 28, 32), ("001", 2018, 18, 24), ("002", 2019, 70, 80), ("003", 2022, 1, 60),
         ("004", 2018, 1, 20)]


@pytest.mark.parametrize(("seed", "year", "low", "high"), SEEDS)
def test_seed_import_check_tasks(seed: str, year: int, low: int, high: int, tmp_path: Path) -> None:
    found = sorted((SHARED / "seeds").glob(f"{seed}_*.txt")) if (SHARED / "seeds").exists() else []
    if not found:
        pytest.skip("../shared/seeds is not here")
    shutil.copy(ROOT / "schedules" / "agencies.toml", tmp_path / "agencies.toml")
    from bot.cli import main

    out = tmp_path / "plan.toml"
    assert main(["import", str(found[0]), "--year", str(year), "-o", str(out)]) == 0
    loaded = load([tmp_path])
    assert loaded.errors == [], [str(p) for p in loaded.errors]
    assert loaded.schedule is not None
    assert low <= len(loaded.schedule.plans[0].tasks) <= high
    assert main(["tasks", str(tmp_path), "--json"]) == 0
