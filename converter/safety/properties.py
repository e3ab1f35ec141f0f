"""Document properties (docProps/core.xml, docProps/custom.xml) that carry marks or personal data."""
from __future__ import annotations

from converter.reading.ooxml.package import Package
from converter.reading.ooxml.xml import CP, local_name
from converter.safety.findings import Finding, personal_finding, snippet
from converter.safety.marks import mark_in_property
from converter.safety.personal_data import find_personal_data

CORE = CP + "coreProperties"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}Properties"
NAMES = {"title": "标题", "subject": "主题", "creator": "作者", "keywords": "关键词", "description": "备注",
         "category": "类别", "contentStatus": "状态", "lastModifiedBy": "最后修改者"}


def property_findings(package: Package) -> list[Finding]:
    findings = []
    for name in package.xml_parts():
        if not name.lower().startswith("docprops/"):
            continue
        root = package.xml(name)
        if root.tag == CORE:
            pairs = [(local_name(e.tag), e.text or "") for e in root]
        elif root.tag == CUSTOM:
            pairs = [(p.get("name") or "", "".join(p.itertext())) for p in root]
        else:
            continue
        for key, value in pairs:
            findings += _findings(NAMES.get(key, key), value)
    return findings


def _findings(name: str, value: str) -> list[Finding]:
    where = f"文档属性“{snippet(name, 12)}”"
    findings = []
    if mark := mark_in_property(name, value):
        findings.append(Finding("classified", f"含密级或内部标志“{snippet(mark)}”（{where}）"))
    return findings + [personal_finding(found, where) for found in find_personal_data(value)]
