"""Days and months of action the state names ("Ngày Pháp luật Việt Nam" is 9 November): how
texts write them (folded) and their dates."""

from __future__ import annotations

# the names that follow "Ngày", as folded ("hệ thống pháp luật Việt Nam" is no day); the holidays
# of NAMED_BARE stand here too, so that "Ngày Quốc khánh" is read with its "Ngày" (and "trước")
NAMED_DAYS = (
    r"phap\s*luat\s*(?:nuoc\s*cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*)?viet\s*nam|quoc\s*khanh|"
    r"nha\s*giao\s*viet\s*nam|thay\s*thuoc\s*viet\s*nam|giai\s*phong\s*(?:hoan\s*toan\s*)?mien\s*nam|"
    r"quoc\s*te\s*lao\s*dong|thuong\s*binh\s*[,\-]?\s*liet\s*si|quoc\s*te\s*phu\s*nu|phu\s*nu\s*viet\s*nam|"
    r"quoc\s*te\s*thieu\s*nhi|gia\s*dinh\s*viet\s*nam|chuyen\s*doi\s*so\s*quoc\s*gia|dan\s*so\s*viet\s*nam|"
    r"doanh\s*nhan\s*viet\s*nam|bao\s*chi\s*cach\s*mang\s*viet\s*nam|khoa\s*hoc\s*va\s*cong\s*nghe\s*viet\s*nam|"
    r"moi\s*truong\s*the\s*gioi|thanh\s*lap\s*quan\s*doi\s*nhan\s*dan\s*viet\s*nam|"
    r"the\s*thao\s*viet\s*nam|bien\s*phong\s*toan\s*dan|"
    # ("Ngày thành lập Đảng bộ tỉnh" is each province's own)
    r"thanh\s*lap\s*dang(?!\s*(?:bo|uy))(?:\s*cong\s*san\s*viet\s*nam)?|sinh\s*(?:cua\s*)?chu\s*tich\s*ho\s*chi\s*minh|"
    r"thanh\s*lap\s*doan\s*thanh\s*nien\s*cong\s*san\s*ho\s*chi\s*minh|(?:hoi\s*)?dai\s*doan\s*ket\s*toan\s*dan\s*toc|"
    r"sach\s*va\s*van\s*hoa\s*doc\s*viet\s*nam|van\s*hoa\s*cac\s*dan\s*toc\s*viet\s*nam|di\s*san\s*van\s*hoa\s*viet\s*nam|"
    r"toan\s*dan\s*phong\s*[,\-]?\s*chong\s*chay\s*[,\-]?\s*no|toan\s*dan\s*phong\s*chay\s*[,\-]?\s*chua\s*chay|"
    r"cuu\s*chien\s*binh\s*viet\s*nam|nong\s*dan\s*viet\s*nam|quyen\s*cua\s*nguoi\s*tieu\s*dung\s*viet\s*nam|"
    r"khuyen\s*hoc\s*viet\s*nam|nguoi\s*cao\s*tuoi\s*viet\s*nam|quoc\s*te\s*nguoi\s*cao\s*tuoi|"
    r"(?:hoi\s*)?quoc\s*phong\s*toan\s*dan|(?:truyen\s*thong\s*)?cong\s*an\s*nhan\s*dan(?:\s*viet\s*nam)?|"
    r"(?:hoi\s*)?toan\s*dan\s*bao\s*ve\s*an\s*ninh\s*to\s*quoc|truyen\s*thong\s*nganh\s*noi\s*vu|"
    r"quoc\s*te\s*hanh\s*phuc|quoc\s*te\s*nguoi\s*khuyet\s*tat|nguoi\s*khuyet\s*tat\s*viet\s*nam|"
    r"the\s*gioi\s*phong\s*[,\-]?\s*chong\s*(?:hiv\s*/?\s*)?aids|suc\s*khoe\s*toan\s*dan|"
    r"doi\s*moi\s*sang\s*tao\s*viet\s*nam|du\s*lich\s*viet\s*nam"
)
# the names that stand without "Ngày": a holiday, a month of action
NAMED_BARE = (
    r"quoc\s*khanh|giai\s*phong\s*(?:hoan\s*toan\s*)?mien\s*nam|tet\s*thieu\s*nhi|chien\s*thxng\s*dien\s*bien\s*phu|"
    r"thang\s*hanh\s*dong\s*vi\s*tre\s*em|thang\s*hanh\s*dong\s*vi\s*an\s*toan\s*thuc\s*ph[a_]m|"
    r"thang\s*hanh\s*dong\s*quoc\s*gia\s*(?:ve\s*)?phong\s*[,\-]?\s*chong\s*hiv\s*/?\s*aids|"
    r"thang\s*hanh\s*dong\s*vi\s*binh\s*dang\s*gioi|"
    # (damaged, "về"/"vệ" may read as "vì"/"và": the words after them tell this month from the one for food safety)
    r"thang\s*hanh\s*dong\s*v[eia]\s*an\s*toan\s*[,\-]?\s*v[eia]\s*sinh\s*lao\s*dong|thang\s*thanh\s*nien|thang\s*cong\s*nhan"
)

# days the state names, by the first words of their folded names: ((day, month),) or, for a
# month of action, ((first day, month), (last day, month))
NATIONAL_DAYS: dict[str, tuple[tuple[int, int], ...]] = {
    "phapluat": ((9, 11),), "quockhanh": ((2, 9),), "nhagiao": ((20, 11),), "thaythuoc": ((27, 2),),
    "giaiphong": ((30, 4),), "quoctelaodong": ((1, 5),), "thuongbinh": ((27, 7),), "quoctephunu": ((8, 3),),
    "phunuvietnam": ((20, 10),), "quoctethieunhi": ((1, 6),), "tetthieunhi": ((1, 6),),
    "giadinh": ((28, 6),), "chuyendoiso": ((10, 10),),
    "danso": ((26, 12),), "doanhnhan": ((13, 10),), "baochi": ((21, 6),), "khoahoc": ((18, 5),), "moitruong": ((5, 6),),
    "thanhlapquandoi": ((22, 12),), "thethao": ((27, 3),), "bienphong": ((3, 3),),
    "thanhlapdang": ((3, 2),), "sinhchutich": ((19, 5),), "thanhlapdoan": ((26, 3),),
    "daidoanket": ((18, 11),), "hoidaidoanket": ((18, 11),),
    "sachvavanhoa": ((21, 4),), "vanhoacacdantoc": ((19, 4),), "disanvanhoa": ((23, 11),),
    "toandanphong": ((4, 10),), "cuuchienbinh": ((6, 12),), "nongdan": ((14, 10),), "quyencuanguoitieudung": ((15, 3),),
    "khuyenhoc": ((2, 10),), "nguoicaotuoi": ((6, 6),), "quoctenguoicaotuoi": ((1, 10),), "chienthxng": ((7, 5),),
    "quocphong": ((22, 12),), "hoiquocphong": ((22, 12),), "truyenthongcongan": ((19, 8),), "congan": ((19, 8),),
    "toandanbaove": ((19, 8),), "hoitoandanbaove": ((19, 8),), "truyenthongnganhnoivu": ((28, 8),),
    "quoctehanhphuc": ((20, 3),), "quoctenguoikhuyettat": ((3, 12),), "nguoikhuyettat": ((18, 4),),
    "thegioiphong": ((1, 12),), "suckhoe": ((7, 4),), "doimoisangtao": ((1, 10),), "dulich": ((9, 7),),
    "thanghanhdongvitreem": ((1, 6), (30, 6)), "thanghanhdongviantoan": ((15, 4), (15, 5)),
    "thanghanhdongquocgia": ((10, 11), (10, 12)), "thanghanhdongvibinhdang": ((15, 11), (15, 12)),
    "thanghanhdongveantoan": ((1, 5), (31, 5)), "thangthanhnien": ((1, 3), (31, 3)), "thangcongnhan": ((1, 5), (31, 5)),
}
NAMES = {
    "phapluat": "Ngày Pháp luật Việt Nam", "quockhanh": "Quốc khánh", "nhagiao": "Ngày Nhà giáo Việt Nam",
    "thaythuoc": "Ngày Thầy thuốc Việt Nam", "giaiphong": "Ngày Giải phóng miền Nam",
    "quoctelaodong": "Ngày Quốc tế Lao động", "thuongbinh": "Ngày Thương binh - Liệt sĩ",
    "quoctephunu": "Ngày Quốc tế Phụ nữ", "phunuvietnam": "Ngày Phụ nữ Việt Nam",
    "quoctethieunhi": "Ngày Quốc tế Thiếu nhi", "tetthieunhi": "Tết Thiếu nhi", "giadinh": "Ngày Gia đình Việt Nam",
    "chuyendoiso": "Ngày Chuyển đổi số quốc gia", "danso": "Ngày Dân số Việt Nam",
    "doanhnhan": "Ngày Doanh nhân Việt Nam", "baochi": "Ngày Báo chí Cách mạng Việt Nam",
    "khoahoc": "Ngày Khoa học và Công nghệ Việt Nam", "moitruong": "Ngày Môi trường thế giới",
    "thanhlapquandoi": "Ngày thành lập Quân đội nhân dân Việt Nam", "thethao": "Ngày Thể thao Việt Nam",
    "bienphong": "Ngày Biên phòng toàn dân", "thanhlapdang": "Ngày thành lập Đảng Cộng sản Việt Nam",
    "sinhchutich": "Ngày sinh Chủ tịch Hồ Chí Minh",
    "thanhlapdoan": "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "daidoanket": "Ngày Đại đoàn kết toàn dân tộc",
    "hoidaidoanket": "Ngày hội Đại đoàn kết toàn dân tộc", "sachvavanhoa": "Ngày Sách và Văn hóa đọc Việt Nam",
    "vanhoacacdantoc": "Ngày Văn hóa các dân tộc Việt Nam", "disanvanhoa": "Ngày Di sản văn hóa Việt Nam",
    "toandanphong": "Ngày Toàn dân phòng cháy, chữa cháy", "cuuchienbinh": "Ngày Cựu chiến binh Việt Nam",
    "nongdan": "Ngày Nông dân Việt Nam", "quyencuanguoitieudung": "Ngày Quyền của người tiêu dùng Việt Nam",
    "khuyenhoc": "Ngày Khuyến học Việt Nam", "nguoicaotuoi": "Ngày Người cao tuổi Việt Nam",
    "quoctenguoicaotuoi": "Ngày Quốc tế Người cao tuổi", "chienthxng": "Chiến thắng Điện Biên Phủ",
    "quocphong": "Ngày Quốc phòng toàn dân", "hoiquocphong": "Ngày hội Quốc phòng toàn dân",
    "truyenthongcongan": "Ngày truyền thống Công an nhân dân", "congan": "Ngày Công an nhân dân",
    "toandanbaove": "Ngày toàn dân bảo vệ an ninh Tổ quốc",
    "hoitoandanbaove": "Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    "truyenthongnganhnoivu": "Ngày truyền thống ngành Nội vụ", "quoctehanhphuc": "Ngày Quốc tế Hạnh phúc",
    "quoctenguoikhuyettat": "Ngày Quốc tế Người khuyết tật", "nguoikhuyettat": "Ngày Người khuyết tật Việt Nam",
    "thegioiphong": "Ngày Thế giới phòng, chống AIDS", "suckhoe": "Ngày Sức khỏe toàn dân",
    "doimoisangtao": "Ngày Đổi mới sáng tạo Việt Nam", "dulich": "Ngày Du lịch Việt Nam",
    "thanghanhdongvitreem": "Tháng hành động vì trẻ em",
    "thanghanhdongviantoan": "Tháng hành động vì an toàn thực phẩm",
    "thanghanhdongquocgia": "Tháng hành động quốc gia phòng, chống HIV/AIDS",
    "thanghanhdongvibinhdang": "Tháng hành động vì bình đẳng giới",
    "thanghanhdongveantoan": "Tháng hành động về an toàn, vệ sinh lao động", "thangthanhnien": "Tháng Thanh niên",
    "thangcongnhan": "Tháng Công nhân",
}

# the heavenly stems and earthly branches that name a lunar year ("Tết Giáp Thìn"), folded
CAN = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
CHI = ("ty", "suu", "dan", "mao", "thin", "ti", "ngo", "mui", "than", "dau", "tuat", "hoi")
