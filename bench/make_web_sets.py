#!/usr/bin/env python3
"""Sets for converter-bench: the corpus texts as .txt and wrapped in web pages, each with docx-gen's ground truth.

    .venv/bin/python bench/make_web_sets.py [--out bench/out/formats/web] [--txt-out bench/out/formats/txt]

Ground truth: docx-gen's `gongwen` JSON of each text (../shared/seed and ../shared/corpus/reports-txt; the
texts docx-gen skips have none and are left out), with `variant` set to the set's name so
converter-bench reports each set on its own row. For the web pages the page's furniture (navigation,
breadcrumbs, 【字号】, 打印/关闭, share links, related articles, footer) goes into `page_furniture`, which
converter-bench counts when it reaches the Markdown (`junk_header`).

- `txt/`: the text as it is (the reader must find the structure).
- `web/portal/`: a 政府门户 article page: top navigation, breadcrumbs, 【字号：大 中 小】, share links, the
  article (headings bold), 打印本页/关闭窗口, related articles, footer with 主办单位/ICP备案/网站标识码.
- `web/xxgk/`: a 政务公开/信息公开 page: a catalogue sidebar, an information table (索引号, 发布机构,
  成文日期, 文号) above the article, headings set in 黑体/楷体 without bold, indentation typed as U+3000.
- `web/oldtable/`: an old table-layout page in GB2312 (`http-equiv`), `<font>` and `<center>`, paragraphs
  separated by `<br>` with `&nbsp;` indentation.
- `web/mht/`: the portal page saved by a browser as a single-file web archive (.mht: MIME multipart,
  quoted-printable HTML, a base64 picture).

The pages are built from the ground truth's own title, headings and paragraphs (so the truth is exactly
what the page shows), run-in headings as a bold lead-in of their paragraph.
"""
from __future__ import annotations

import argparse
import base64
import json
import quopri
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_reports import OUT, SHARED, generated_set  # noqa: E402
from web_templates import TEMPLATES  # noqa: E402


def texts() -> dict[str, Path]:
    paths = sorted((SHARED / "seed").glob("*.txt")) + sorted((SHARED / "corpus" / "reports-txt").glob("*.txt"))
    return {path.stem: path for path in paths}


def truths() -> dict[str, dict]:
    folder = generated_set()
    found = {}
    for stem in texts():
        path = folder / f"{stem}__gongwen.json"
        if path.exists():
            found[stem] = json.loads(path.read_text(encoding="utf-8"))
    return found


def write_txt_set(out: Path, truth: dict[str, dict]) -> None:
    _fresh(out)
    for stem, path in texts().items():
        shutil.copyfile(path, out / path.name)
        if stem in truth:
            _write_truth(out / f"{stem}.json", truth[stem], "txt", [])


def write_web_sets(out: Path, truth: dict[str, dict]) -> None:
    for name, template in TEMPLATES.items():
        folder = out / name
        _fresh(folder)
        for stem, gt in truth.items():
            page = template.page(report_parts(gt))
            data = page.encode(template.encoding, errors="xmlcharrefreplace")
            if name == "mht":
                data, suffix = mht(data, f"http://www.minghu.gov.cn/zwgk/{stem}.html"), ".mht"
            else:
                suffix = ".htm" if name == "oldtable" else ".html"
            (folder / f"{stem}.{name}{suffix}").write_bytes(data)  # distinct names: converter-bench keys outputs by name
            _write_truth(folder / f"{stem}.{name}.json", gt, f"web-{name}", template.furniture)


def report_parts(gt: dict) -> dict:
    """The title, and the blocks in document order: ("h", level, text, run-in body or None), ("p", role, text)."""
    blocks, order = [], gt["order"]
    index = 0
    while index < len(order):
        kind, number = order[index]
        if kind == "h":
            heading = gt["headings"][number]
            body = None
            if heading["run_in"] and index + 1 < len(order) and order[index + 1][0] == "p":
                body = gt["paragraphs"][order[index + 1][1]]["text"]
                index += 1
            blocks.append(("h", heading["level"], heading["text"], body))
        elif kind == "p":
            paragraph = gt["paragraphs"][number]
            blocks.append(("p", paragraph["role"], paragraph["text"]))
        index += 1
    return {"title": gt["title"], "blocks": blocks}


def mht(page: bytes, location: str) -> bytes:
    """A single-file web archive as Chrome and IE save it: the page quoted-printable, a picture in base64."""
    boundary = "----MultipartBoundary--webtext0123456789----"
    picture = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)).decode("ascii")
    parts = [
        "From: <Saved by Blink>\r\nSubject: =?utf-8?B?" + base64.b64encode("工作报告".encode()).decode() + "?=\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n",
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-0@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {location}\r\n\r\n",
        quopri.encodestring(page).decode("ascii").replace("\n", "\r\n") + "\r\n",
        f"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: http://www.minghu.gov.cn/images/logo.png\r\n\r\n{picture}\r\n--{boundary}--\r\n",
    ]
    return "".join(parts).encode("ascii")


def _write_truth(path: Path, gt: dict, variant: str, furniture: list[str]) -> None:
    gt = dict(gt, variant=variant, page_furniture=list(gt.get("page_furniture", [])) + furniture)
    path.write_text(json.dumps(gt, ensure_ascii=False, indent=1), encoding="utf-8")


def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT / "formats" / "web")
    parser.add_argument("--txt-out", type=Path, default=OUT / "formats" / "txt")
    args = parser.parse_args(argv)
    truth = truths()
    write_txt_set(args.txt_out, truth)
    write_web_sets(args.out, truth)
    print(f"{len(truth)} texts with ground truth: {args.txt_out}, {args.out}/{{{','.join(TEMPLATES)}}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
