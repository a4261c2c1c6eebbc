"""Báo cáo 2710/BC-SNV, built in Python and rendered to .docx.

The same report as ``2710-BC-SNV.yaml``, written as baocao values: run
``python examples/2710_bc_snv.py [OUTPUT.docx]``. The numbering (I, II, III; 1, 2; a, b,
c, d), the upper case of titles, the punctuation of Nơi nhận, the amount in words and
the rates are computed by baocao; the text is the published report's, word for word.
"""

from __future__ import annotations

import datetime
import sys
from decimal import Decimal

import baocao


def build() -> baocao.Report:
    """The report of the Sở Nội vụ, Thành phố Hồ Chí Minh, 3 July 2020."""
    return baocao.Report(
        issuer=baocao.Issuer(
            name="Sở Nội vụ",
            abbreviation="SNV",
            parent=[
                "Ủy ban nhân dân",
                "Thành phố Hồ Chí Minh",
            ],
        ),
        number=2710,
        place="Thành phố Hồ Chí Minh",
        date=datetime.date(2020, 7, 3),
        subject="Tổng kết thực hiện Đề án nâng cao năng lực đội ngũ cán bộ, công chức, viên chức làm công tác văn thư, lưu trữ của Thành phố Hồ Chí Minh giai đoạn 2014 - 2020",
        signatory=baocao.Signatory(
            name="Trương Văn Lắm",
            title="Giám đốc",
        ),
        addressees=[
            "Ủy ban nhân dân Thành phố",
        ],
        opening=[
            baocao.Paragraph(
                [
                    "Thực hiện Quyết định số 02/2014/QĐ-UBND ",
                    baocao.Date(
                        datetime.date(2014, 1, 13),
                    ),
                    " của Ủy ban nhân dân Thành phố Hồ Chí Minh về việc phê duyệt Đề án nâng cao năng lực đội ngũ cán bộ, công chức, viên chức (CB.CC.VC) làm công tác văn thư, lưu trữ (VTLT) của Thành phố Hồ Chí Minh giai đoạn 2014 - 2020, Sở Nội vụ đã triển khai thực hiện Đề án và đạt kết quả như sau:",
                ],
            ),
        ],
        sections=[
            baocao.Section(
                title="Kết quả triển khai thực hiện",
                items=[
                    baocao.Item(
                        title="Ban hành văn bản triển khai thực hiện",
                        body=[
                            baocao.Paragraph(
                                [
                                    "Sau khi Quyết định số 02/2014/QĐ-UBND ban hành, Sở Nội vụ đã triển khai và xây dựng Kế hoạch số 38/KH-SNV ",
                                    baocao.Date(
                                        datetime.date(2014, 6, 23),
                                    ),
                                    " về triển khai thực hiện Đề án nâng cao năng lực đội ngũ CB.CC.VC làm công tác VTLT của Thành phố Hồ Chí Minh giai đoạn 2014 - 2020.",
                                ],
                            ),
                            "Tham mưu trình Ủy ban nhân dân Thành phố phê duyệt Kế hoạch đào tạo nâng cao nghiệp vụ cho CB.CC.VC Thành phố hàng năm trong đó có nghiệp vụ VTLT; thông báo đến các cơ quan, tổ chức đăng ký nhu cầu và cử CB.CC.VC tham gia các lớp đào tạo, bồi dưỡng, tập huấn theo Kế hoạch từ năm 2015 đến năm 2020.",
                            baocao.Paragraph(
                                [
                                    "Theo dõi, tổng hợp và báo cáo đánh giá kết quả sau 03 năm triển khai thực hiện Đề án, Sở Nội vụ có báo cáo sơ kết 03 năm (2014 - 2016) thực hiện Quyết định số 02/2014/QĐ-UBND tại Báo cáo số 1228/BC-SNV ",
                                    baocao.Date(
                                        datetime.date(2017, 3, 30),
                                    ),
                                    ". Trình Ủy ban dân Thành phố Công văn chỉ đạo và triển khai thực hiện đến cuối giai đoạn của Đề án tại Công văn số 4517/UBND-VX ",
                                    baocao.Date(
                                        datetime.date(2017, 7, 21),
                                    ),
                                    " về việc tiếp tục thực hiện Quyết định số 02/2014/QĐ-UBND.",
                                ],
                            ),
                        ],
                    ),
                    baocao.Item(
                        title="Kết quả thực hiện",
                        body=[
                            "Kết quả thực hiện Quyết định số 02/2014/QĐ-UBND, Sở Nội vụ cùng các cơ quan, tổ chức của Thành phố đã triển khai thực hiện đạt kết quả như sau:",
                        ],
                        points=[
                            baocao.Point(
                                "Công tác đào tạo, bồi dưỡng và tập huấn nghiệp vụ VTLT",
                                body=[
                                    baocao.Dash(
                                        "Tại Thành phố đã tổ chức các lớp đào tạo, bồi dưỡng, tập huấn cho VTLT các cơ quan, tổ chức thuộc Thành phố như:",
                                    ),
                                    "Đào tạo: phối hợp Trường Đại học Khoa học xã hội và Nhân văn Thành phố Hồ Chí Minh mở lớp văn bằng 2 Cử nhân Lưu trữ học và Quản trị văn phòng cho đối tượng là công chức làm công tác VTLT tại Chi cục Văn thư - Lưu trữ, Phòng Nội vụ các quận, huyện, cán bộ phụ trách VTLT tại các sở, ngành: 41 học viên tham gia; phối hợp Trường Trung cấp Văn thư, Lưu trữ Trung ương (nay là Phân hiệu Trường Đại học Nội vụ Hà Nội tại Thành phố Hồ Chí Minh) mở lớp Trung cấp văn thư, lưu trữ cho CB.CC.VC làm công tác VTLT của các cơ quan, đơn vị thuộc Thành phố, quận, huyện, phường, xã, thị trấn: 320 học viên tham gia.",
                                    "Bồi dưỡng: phối hợp Cơ sở Trường Đại học Nội vụ Hà Nội tại Thành phố Hồ Chí Minh (nay là Phân hiệu Trường Đại học Nội vụ Hà Nội tại Thành phố Hồ Chí Minh), Trường Đại học Khoa học xã hội và Nhân văn Thành phố Hồ Chí Minh tổ chức:",
                                    "17 lớp bồi dưỡng nghiệp vụ VTLT (03 tháng) cho 1.341 học viên.",
                                    "15 lớp bồi dưỡng nghiệp vụ chỉnh lý tài liệu lưu trữ cho 370 học viên.",
                                    "08 lớp bồi dưỡng nghiệp vụ VTLT (10 ngày) cho 822 học viên.",
                                    "02 lớp bồi dưỡng nghiệp vụ về công tác số hóa tài liệu cho 80 học viên.",
                                    "Tập huấn: phối hợp Học viện Cán bộ Thành phố, Phân hiệu Trường Đại học Nội vụ Hà Nội tại Thành phố Hồ Chí Minh tổ chức tập huấn các văn bản quy phạm pháp luật như: Luật Lưu trữ, Nghị định, Thông tư và các văn bản hướng dẫn của Cục Văn thư và Lưu trữ Nhà nước đến các cơ quan, tổ chức thuộc Thành phố: 22.384 lượt.",
                                    "Tổ chức 03 lớp học tập nghiệp vụ về công tác VTLT trong nước với 45 người tham gia:",
                                    "Tại Chi cục Văn thư - Lưu trữ, Sở Thông tin và Truyền thông thành phố Đà Nẵng (15 người).",
                                    "Tại Chi cục Văn thư - Lưu trữ thành phố Hải Phòng, Chi cục Văn thư - Lưu trữ tỉnh Quảng Ninh (15 người).",
                                    "Tại Cục Văn thư và Lưu trữ nhà nước, Trung tâm Lưu trữ quốc gia I, Trung tâm Lưu trữ quốc gia III, Chi cục Văn thư - Lưu trữ thành phố Hà Nội (15 người).",
                                    "Tổ chức các lớp học tập chuyên đề số hóa và quản lý tài liệu điện tử với 15 lượt người tham gia tại Chi cục Văn thư - Lưu trữ tỉnh Quảng Ngãi, Bình Định.",
                                    "Ngoài việc tổ chức tập huấn nghiệp vụ VTLT, hàng năm Sở Nội vụ cho phép Chi cục Văn thư - Lưu trữ tổ chức các đoàn học tập kinh nghiệm công tác VTLT tại 10 tỉnh với hơn 400 lượt người tham gia từ năm 2014 đến 2019 gồm: Chi cục VTLT tỉnh An Giang, Kiên Giang, Ninh Thuận, Bình Thuận, Đồng Tháp, Trà Vinh, Khánh Hòa, Bà Rịa - Vũng Tàu, Lâm Đồng và Trung tâm Lưu trữ quốc gia IV.",
                                    baocao.Dash(
                                        "Tại các cơ quan, tổ chức: ngoài việc cử CB.CC.VC tham gia các lớp đào tạo, bồi dưỡng do Thành phố tổ chức, công tác đào tạo, tập huấn bồi dưỡng nghiệp vụ VTLT tại các cơ quan, tổ chức cũng được chú trọng, theo đó các cơ quan, tổ chức chủ động phối hợp với Chi cục Văn thư - Lưu trữ và các cơ sở đào tạo tổ chức các lớp tập huấn nghiệp vụ về VTLT như sau:",
                                    ),
                                    "Tại các sở, ngành: bằng nguồn kinh phí của cơ quan, một số sở, ngành, doanh nghiệp đã quan tâm, phối hợp tổ chức tập huấn kết hợp hướng dẫn nghiệp vụ VTLT với hơn 3.070 CB.CC.VC tham dự.",
                                    "Tại Ủy ban nhân dân quận, huyện: bằng nguồn kinh phí của địa phương, hàng năm các quận, huyện đã chủ động tổ chức tập huấn với 7.934 CB.CC.VC tham dự. Đặc biệt, Ủy ban nhân dân Quận 8, quận Tân Phú và Tân Bình đã chủ động phối hợp với Trường Trung cấp Văn thư Lưu trữ Trung ương tổ chức 03 lớp Trung cấp VTLT với hơn 200 CB.CC.VC làm công tác VTLT tại các phòng, ban và Ủy ban nhân dân các phường tham gia, kinh phí đào tạo do quận hỗ trợ 50% từ nguồn kinh phí đào tạo của quận, 50% cá nhân tự túc. Riêng Ủy ban nhân dân Quận 11, hỗ trợ 50% kinh phí đào tạo cho 02 công chức tham gia lớp Cử nhân văn bằng 2 vừa làm vừa học ngành Lưu trữ học và Quản trị văn phòng và 01 công chức theo học lớp Cao đẳng VTLT.",
                                ],
                            ),
                            baocao.Point(
                                "Tổng hợp kết quả sau 7 năm thực hiện Đề án",
                                body=[
                                    baocao.Dash(
                                        "Số lượng đào tạo:",
                                    ),
                                    baocao.Paragraph(
                                        [
                                            "Đại học: 41 CB.CC.VC đạt ",
                                            baocao.Rate(
                                                actual=41,
                                                target=86,
                                                rounding="down",
                                            ),
                                            " so với chỉ tiêu là 86 người.",
                                        ],
                                    ),
                                    "Cao đẳng: 01 CB.CC.VC",
                                    baocao.Paragraph(
                                        [
                                            "Trung cấp: 320 CB.CC.VC đạt ",
                                            baocao.Rate(
                                                actual=320,
                                                target=788,
                                                rounding="down",
                                            ),
                                            " so với chỉ tiêu là 788 người.",
                                        ],
                                    ),
                                    baocao.Dash(
                                        "Số lượng bồi dưỡng:",
                                    ),
                                    baocao.Paragraph(
                                        [
                                            "Bồi dưỡng nghiệp vụ (lớp sơ cấp 3 tháng): 1.341 lượt CB.CC.VC đạt ",
                                            baocao.Rate(
                                                actual=1341,
                                                target=2257,
                                                rounding="down",
                                            ),
                                            " so với chỉ tiêu là 2.257 người.",
                                        ],
                                    ),
                                    baocao.Paragraph(
                                        [
                                            "Bồi dưỡng nghiệp vụ ngắn hạn: 1.272 lượt CB.CC.VC đạt ",
                                            baocao.Rate(
                                                actual=1272,
                                                target=472,
                                                rounding="down",
                                            ),
                                            " so với chỉ tiêu là 472 người.",
                                        ],
                                    ),
                                    baocao.Dash(
                                        "Số lượng tập huấn: 22.384 lượt CB.CC.VC",
                                    ),
                                    baocao.Dash(
                                        "Số lượng học tập nghiệp vụ về công tác VTLT trong nước: 45 lượt CB.CC.VC",
                                    ),
                                ],
                            ),
                            baocao.Point(
                                [
                                    "Kinh phí đào tạo từ nguồn ngân sách của Thành phố là ",
                                    baocao.Money(
                                        4607678000,
                                        style="south",
                                    ),
                                    ".",
                                ],
                            ),
                            baocao.Point(
                                "Số lượng, chất lượng đội ngũ CB.CC.VC ngành VTLT",
                                body=[
                                    "Qua 7 năm số lượng đội ngũ CB.CC.VC làm công tác VTLT có tăng nhưng không nhiều do đa số CB.CC.VC phụ trách công tác VTLT đều kiêm nhiệm, không ổn định thường xuyên biến động do điều động, luân chuyển hoặc nghỉ việc. Tổng số CB.CC.VC làm công tác quản lý và hoạt động VTLT là 3.995 người, trong đó trình độ chuyên ngành VTLT là 1.302 người.",
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            baocao.Section(
                title="Nhật xét, đánh giá",
                items=[
                    baocao.Item(
                        title="Mặt làm được",
                        points=[
                            "Được sự quan tâm của Ủy ban nhân dân Thành phố, công tác đào tạo, bồi dưỡng và tập huấn nghiệp vụ VTLT được tập trung triển khai kịp thời, chặt chẽ và đạt kết quả.",
                            "Nội dung đào tạo, bồi dưỡng bám sát theo Quyết định số 02/2014/QĐ-UBND và Kế hoạch số 38/KH-SNV, chú trọng thực tiễn thực hành, cập nhật các quy định mới: công tác chỉnh lý, lập hồ sơ và giao nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan nhằm hạn chế tình hạng hồ sơ, tài liệu tồn đọng và tái tồn đọng, thực hiện xác định giá trị tài liệu, bảo quản tốt tài liệu lưu trữ có giá trị và hủy tài liệu hết giá trị. Qua các lớp đào tạo, bồi dưỡng CB.CC.VC đã trang bị, cập nhật thêm kỹ năng, tích lũy nhiều kinh nghiệm trong thực tế nâng cao chuyên môn, nghiệp vụ đáp ứng yêu cầu về tiêu chuẩn, chức danh chuyên ngành VTLT tại các cơ quan, tổ chức.",
                            "Thủ trưởng một số cơ quan, tổ chức quan tâm đầu tư trang thiết bị phục vụ công tác VTLT, cử nhân sự tham gia các lớp đào tạo, bồi dưỡng và tập huấn theo kế hoạch của Thành phố, Sở Nội vụ; tuyển dụng biên chế, nhân sự làm VTLT có chuyên môn, nghiệp vụ tham gia các lớp đáp ứng theo yêu cầu.",
                            "Số lượng và chất lượng CB.CC.VC làm công tác VTLT có nâng lên, góp phần nâng cao năng lực công tác, thay đổi phương pháp làm việc theo hướng tích cực, thực hiện nhiệm vụ hiệu quả hơn, đáp ứng kịp thời các yêu cầu công việc của cơ quan, tổ chức trong công tác VTLT.",
                        ],
                    ),
                    baocao.Item(
                        title="Chưa làm được",
                        points=[
                            baocao.Point(
                                [
                                    "Chỉ tiêu, số lượng đào tạo, bồi dưỡng còn thấp so với chỉ tiêu đề ra, đến nay chỉ đạt ",
                                    baocao.Percent(
                                        Decimal("32.59"),
                                    ),
                                    " so với chỉ tiêu của Đề án, không đào tạo các bậc đại học, trung cấp từ năm 2017, do nhiều yếu tố:",
                                ],
                                body=[
                                    baocao.Dash(
                                        [
                                            "Đối tượng đào tạo theo Quyết định số 02/2014/QĐ-UBND không còn phù hợp theo quy định của Nghị định số 110/2017/NĐ-CP ",
                                            baocao.Date(
                                                datetime.date(2017, 9, 1),
                                            ),
                                            " của Chính phủ về đào tạo, bồi dưỡng CB.CC.VC; nên không tổ chức các lớp đào tạo từ năm 2017 đến nay.",
                                        ],
                                    ),
                                    baocao.Dash(
                                        [
                                            "Do giới hạn phạm vi đối tượng điều chỉnh của Thông tư số 36/2018/TT-BNV ",
                                            baocao.Date(
                                                datetime.date(2018, 3, 30),
                                            ),
                                            " của Bộ Tài chính hướng dẫn việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí dành cho công tác đào tạo, bồi dưỡng CB.CC.VC chỉ áp dụng đối với công chức; kinh phí viên chức đơn vị sự nghiệp công lập tham gia học tập không thuộc nguồn ngân sách nhà nước mà từ đơn vị sự nghiệp công lập, đóng góp của viên chức nên ảnh hưởng đến số lượng đào tạo, bồi dưỡng của Đề án.",
                                        ],
                                    ),
                                    baocao.Dash(
                                        "Chỉ tiêu đào tạo các lớp Trung cấp VTLT bị giảm so với mục tiêu Đề án đề ra do quy định hiện nay các trường chuyên nghiệp không còn chức năng đào tạo hệ Trung cấp.",
                                    ),
                                ],
                            ),
                            "Chưa đào tạo, bồi dưỡng lớp cử nhân văn bằng 2 (vừa làm, vừa học) ngành Công nghệ thông tin, phục chế tài liệu, điện, điện tử phục vụ cho việc vận hành, quản lý thông tin tài liệu số, việc khai thác, tổ chức sử dụng hồ sơ, tài liệu điện tử và các chương trình phần mềm ứng dụng trong công tác quản lý nhà nước ở Chi cục Văn thư - Lưu trữ và điều hành Trung tâm Lưu trữ lịch sử Thành phố do đối tượng đào tạo là viên chức Trung tâm Lưu trữ lịch sử trực thuộc Chi cục Văn thư - Lưu trữ chưa được tuyển dụng, Tòa nhà Trung tâm Lưu trữ lịch sử chưa hoàn thiện và đưa vào sử dụng.",
                            "CB.CC.VC làm công tác VTLT đa số kiêm nhiệm, thường xuyên biến động, sau khi tham gia các lớp đào tạo, bồi dưỡng được chuyển sang vị trí khác; CB.CC.VC tham gia học tập vừa phải hoàn thành công việc chuyên môn tại cơ quan, tổ chức do đó sự chuyên tâm dành cho học tập, nghiên cứu chưa cao.",
                        ],
                    ),
                    baocao.Item(
                        title="Đánh giá kết quả thực hiện",
                        points=[
                            "Công tác đào tạo, bồi dưỡng, tập huấn chuyên môn, nghiệp vụ VTLT được tăng cường đã tạo sự chuyển biến tích cực trong nhận thức của đội ngũ CB.CC.VC về vị trí, vai trò, tầm quan trọng của công tác VTLT và giá trị tài liệu lưu trữ. Tổ chức bộ máy ngành VTLT dần được kiện toàn; đội ngũ CB.CC.VC làm công tác VTLT được tăng cường về số lượng và chất lượng; công tác chuyên môn nghiệp vụ từng bước đi vào nề nếp, ổn định.",
                            "Thủ trưởng các cơ quan, tổ chức đã nhận thức được tầm quan trọng công tác VTLT đã quan tâm đầu tư cơ sở vật chất, kinh phí cho hoạt động VTLT và chú trọng trong công tác tuyển dụng, đào tạo, bồi dưỡng chuyên môn nghiệp vụ VTLT cho đội ngũ CB.CC.VC; tạo điều kiện cho CB.CC.VC trực tiếp làm công tác VTLT hoặc CB.CC.VC kiêm nhiệm làm công tác VTLT tham gia các lớp đào tạo, bồi dưỡng, tập huấn; góp phần nâng cao chất lượng nghiệp vụ và hiệu quả hoạt động tại cơ quan, tổ chức.",
                            "Các đoàn học tập kinh nghiệm công tác VTLT tại Sở Thông tin và Truyền thông thành phố Đà Nẵng, Cục Văn thư và Lưu trữ nhà nước, các Trung tâm Lưu trữ quốc gia và Chi cục Văn thư - Lưu trữ các tỉnh đã cung cấp kiến thức, kỹ năng và thực tế hoạt động về công tác VTLT; các nghiệp vụ về lưu trữ như công tác bảo quản, bồi nền, phục chế và phát huy giá trị tài liệu lưu trữ; đặc biệt là việc ứng dụng công nghệ thông tin vào công tác VTLT, công tác quản lý thông tin tài liệu số, khai thác tài liệu thực hiện qua phần mềm, không khai thác trên văn bản giấy; tạo mối quan hệ gắn bó, thân tình trong công tác để thuận tiện trong trao đổi chuyên môn, nghiệp vụ đưa công tác VTLT ngày càng phát triển.",
                        ],
                    ),
                ],
            ),
            baocao.Section(
                title="Đề xuất, kiến nghị",
                items=[
                    baocao.Item(
                        title="Ủy ban nhân dân Thành phố",
                        points=[
                            "Tiếp tục giao Sở Nội vụ xây dựng kế hoạch và mở các lớp đào tạo, bồi dưỡng nghiệp vụ VTLT theo kế hoạch đào tạo hàng năm của Thành phố và các lớp học tập nghiệp vụ tại các tỉnh, nhất là các lớp quản lý tài liệu điện tử.",
                            "Quan tâm, đầu tư kinh phí để cơ quan, tổ chức thực hiện tốt công tác VTLT; bảo quản an toàn hồ sơ, tài liệu lưu trữ đáp ứng yêu cầu công tác VTLT của Thành phố nói chung và tại các cơ quan, tổ chức nói riêng.",
                            "Quan tâm và tăng cường đầu tư việc ứng dụng công nghệ thông tin vào công tác lưu trữ giúp cho việc tra tìm văn bản nhanh chóng, chính xác, bảo quản an toàn tài liệu và tiết kiệm kinh phí, thời gian.",
                            "Bố trí biên chế làm chuyên trách công tác VTLT tại cơ quan, tổ chức để đáp ứng yêu cầu, đưa công tác VTLT tại cơ quan, tổ chức vào nề nếp, thực hiện theo đúng quy định của pháp luật hiện hành.",
                        ],
                    ),
                    baocao.Item(
                        title="Ủy ban nhân dân quận, huyện, sở, ngành Thành phố",
                        points=[
                            "Căn cứ vào tình hình thực tế tại cơ quan, tổ chức có kế hoạch duy trì tiếp tục đào tạo bồi dưỡng nghiệp vụ VTLT để đáp ứng nhu cầu công tác VTLT trong tình hình mới.",
                            "Phân công, bố trí CB.CC.VC trực tiếp làm công tác VTLT đúng chuyên môn nghiệp vụ nhằm nâng cao chất lượng và hiệu quả công tác VTLT tại cơ quan, tổ chức.",
                            "Lãnh đạo các cơ quan, tổ chức quan tâm, phối hợp, cử CB.CC.VC tham gia các lớp đào tạo, bồi dưỡng, tập huấn nghiệp vụ VTLT đúng đối tượng do Thành phố tổ chức.",
                            "Tổ chức thực hiện tốt chính sách ưu đãi khuyến khích người làm công tác VTLT có trách nhiệm với công việc, gắn bó với nghề để công tác lưu trữ tại cơ quan, tổ chức được ổn định, thuận lợi trong quản lý, tổ chức sử dụng tài liệu lưu trữ.",
                        ],
                    ),
                ],
            ),
        ],
        closing=[
            "Trên đây là Báo cáo tổng kết thực hiện Đề án nâng cao năng lực đội ngũ CB.CC.VC làm công tác VTLT của Thành phố Hồ Chí Minh giai đoạn 2014 - 2020",
        ],
        recipients=[
            "Cục Văn thư và Lưu trữ nhà nước",
            "Các sở, ban, ngành Thành phố",
            "Ủy ban nhân dân quận, huyện",
            "Chi cục VTLT, Phòng CC.VC - SNV",
        ],
    )


def main(argv: list[str]) -> int:
    output = argv[1] if len(argv) > 1 else "2710-BC-SNV.docx"
    baocao.render(build(), output)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
