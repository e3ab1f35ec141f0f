"""Stable, short, readable ASCII names for report pages."""
import re

import pytest

from converter.metadata.slugs import report_slug, short_issuer


@pytest.mark.parametrize("issuer, doc_type, slug", [
    ("区科技局", "工作总结", "kejiju-gongzuo-zongjie"),
    ("××区科技局", "工作总结", "kejiju-gongzuo-zongjie"),
    ("安徽省人民政府", "政府工作报告", "anhui-zhengfu-gongzuo-baogao"),
    ("广西壮族自治区人民政府", "政府工作报告", "guangxi-zhengfu-gongzuo-baogao"),
    ("中华人民共和国国务院", "政府工作报告", "guowuyuan-zhengfu-gongzuo-baogao"),
    ("平潭县人民政府", "信息公开年度报告", "pingtanxian-xinxi-gongkai-niandu-baogao"),
    ("平潭综合实验区投资促进局", "工作总结", "touzicujinju-gongzuo-zongjie"),
    ("重庆市科学技术局", "工作计划", "kexuejishuju-gongzuo-jihua"),
    ("明湖区市场监督管理局", "工作总结", "shichangjianduguanliju-gongzuo-zongjie"),
])
def test_slug_is_the_pinyin_of_the_short_issuer_and_the_type(issuer, doc_type, slug):
    assert report_slug(issuer, doc_type) == slug


def test_department_drops_its_region_but_a_government_keeps_it():
    assert short_issuer("北京市海淀区教育局") == "教育局"
    assert short_issuer("北京市人民政府") == "北京"
    assert short_issuer("平潭综合实验区管委会") == "管委会"


def test_long_issuer_is_written_as_initials():
    slug = report_slug("平潭综合实验区党工委管委会办公室", "政府工作报告")
    assert slug == "dgwgwhbgs-zhengfu-gongzuo-baogao"


def test_taken_names_get_a_number():
    taken = {"kejiju-gongzuo-zongjie", "kejiju-gongzuo-zongjie-2"}
    assert report_slug("区科技局", "工作总结", taken) == "kejiju-gongzuo-zongjie-3"


def test_other_documents_are_named_after_the_end_of_their_title():
    assert report_slug("", "其他", title="第十四届全国人民代表大会第二次会议关于政府工作报告的决议") == "jueyi"
    assert report_slug("", "其他") == "baogao"


def test_slugs_are_always_short_lowercase_ascii():
    slug = report_slug("某某省某某市某某县某某镇人民政府办公室综合科", "信息公开年度报告", title="<script>")
    assert re.fullmatch(r"[a-z0-9-]{1,60}", slug)
    assert report_slug("<img src=x>", "工作总结") == "gongzuo-zongjie"


def test_the_same_facts_always_give_the_same_slug():
    assert report_slug("区科技局", "工作总结") == report_slug("区科技局", "工作总结")
