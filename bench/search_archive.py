"""Archives to measure search on (not part of the tests).

    python bench/search_archive.py corpus DIR            ../shared corpus: reports-docx + reports-txt as .docx,
                                                         imported with `archive add` and built
    python bench/search_archive.py synthetic N DIR       N distinct reports (title, year, issuer, type, topics)
                                                         made of random paragraphs of the corpus texts, written
                                                         as report pages through the front-matter schema, built

Reusable by other benches: `synthetic_pages(n, seed)` yields (relative page path, page text).
"""
from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from converter.frontmatter import DOC_TYPES, ReportMeta, join_page  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
ISSUERS = ["国务院", "省人民政府", "市人民政府", "区科技局", "县农业农村局", "区财政局", "区发展和改革委员会",
           "市生态环境局", "区教育局", "县卫生健康局", "区商务局", "市交通运输局", "区人力资源和社会保障局",
           "区审批局", "片区管理局", "区统计局"]
TOPICS = ["科技、教育", "农业、林业、水利", "工业、交通", "城乡建设、环境保护", "财政、金融、审计", "卫生、体育",
          "劳动、人事、监察", "商贸、海关、旅游", "市场监管、安全生产监管", "民政、扶贫、救灾"]


def run(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def init(folder: Path) -> None:
    run("init", str(folder), cwd=folder.parent)


def corpus_archive(folder: Path) -> None:
    from docx_factory import Para, Title, write_docx

    init(folder)
    with tempfile.TemporaryDirectory() as tmp:
        for txt in sorted((CORPUS / "reports-txt").glob("*.txt")):
            lines = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()]
            write_docx(Path(tmp) / f"{txt.stem}.docx", [Title(lines[0])] + [Para(line) for line in lines[1:]])
        run("add", str(CORPUS / "reports-docx"), tmp, cwd=folder)
    run("build", cwd=folder)


def paragraphs() -> list[str]:
    out = []
    for txt in sorted((CORPUS / "reports-txt").glob("*.txt")):
        for line in txt.read_text(encoding="utf-8").splitlines():
            out.extend(p.strip() for p in re.split(r"(?<=。)(?=.{200,})", line.strip()) if len(p.strip()) > 8)
    return out


def synthetic_pages(n: int, seed: int = 1000):
    rng = random.Random(seed)
    pool = paragraphs()
    for i in range(n):
        year = rng.randint(1998, 2026)
        issuer, doc_type = rng.choice(ISSUERS), rng.choice(DOC_TYPES[:6])
        title = f"{year}年{issuer}{doc_type}（第{i + 1}号）"
        body, size = [], rng.randint(6000, 24000)
        while sum(map(len, body)) < size:
            body.append(rng.choice(pool))
        if i % 7 == 0:
            body.insert(rng.randrange(len(body)), "PM2.5平均浓度下降8.8%，5G基站新增1200个，GDP增长5.2%。")
        meta = ReportMeta(title=title, year=year, issuer=issuer, doc_type=doc_type, source=f"synthetic-{i}.docx",
                          sha256=hashlib.sha256(f"{seed}-{i}".encode()).hexdigest(),
                          topics=rng.sample(TOPICS, rng.randint(1, 3)), date=f"{year}-12-{rng.randint(10, 28)}")
        markdown = f"# {title}\n\n" + "\n\n".join(_escape(p) for p in body)
        yield f"reports/{year}/r{i + 1:04d}.md", join_page(meta.to_dict(), markdown)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#|~])", r"\\\1", text)


def synthetic_archive(folder: Path, n: int) -> None:
    init(folder)
    for path, page in synthetic_pages(n):
        target = folder / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    run("build", cwd=folder)


def main(argv: list[str]) -> None:
    if argv[:1] == ["corpus"]:
        corpus_archive(Path(argv[1]).resolve())
    elif argv[:1] == ["synthetic"]:
        synthetic_archive(Path(argv[2]).resolve(), int(argv[1]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
