"""A pre-publication finding, and what staff should do about each kind."""
from __future__ import annotations

import re
from dataclasses import dataclass

from converter.safety.personal_data import PersonalData, mask

LONG_NUMBER = re.compile(r"\d(?:[-\s]?\d){6,}")

PERSONAL = {"id-number": "身份证号码", "phone": "手机号码", "bank-card": "银行卡号"}
FIXES = {
    "classified": "涉密或内部文件不得公开；如确有可公开的版本，请删除该标志后另存再导入",
    "revisions": "请在 Word 中点“审阅→接受→接受所有修订”（或拒绝），核对后保存再导入",
    "comments": "请在 Word 中点“审阅→删除→删除文档中的所有批注”，保存后再导入",
    "hidden-text": "请在 Word 中点“开始→显示/隐藏编辑标记”找到隐藏文字，删除或取消隐藏后保存再导入",
    "invisible-text": "请删除这些文字，或改为正常的颜色和字号后保存再导入",
    "personal-data": "公开报告不应含个人信息，请删除后再导入；确需公开的，请加 --allow-personal-data “理由” "
                     "重新导入（理由会记入页面元数据）",
}


@dataclass(frozen=True)
class Finding:
    code: str  # "classified", "revisions", "comments", "hidden-text", "invisible-text", or a PERSONAL key
    message: str  # Chinese, with the location in the document
    blocking: bool = True  # False: personal data, publishable only with a recorded reason
    fix: str = ""

    def __post_init__(self) -> None:
        if not self.fix:
            object.__setattr__(self, "fix", FIXES["personal-data" if self.code in PERSONAL else self.code])


def personal_finding(found: PersonalData, where: str) -> Finding:
    return Finding(found.kind, f"含{PERSONAL[found.kind]} {found.shown}（{where}）", blocking=False)


def snippet(text: str, limit: int = 24) -> str:
    """A short quote to find the place by, with long digit runs masked: messages end up in logs."""
    text = LONG_NUMBER.sub(lambda m: mask(re.sub(r"[-\s]", "", m.group(0))), " ".join(text.split()))
    return text if len(text) <= limit else text[:limit] + "…"
