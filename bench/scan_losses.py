#!/usr/bin/env python3
"""Where a converted scan loses against docx-gen's ground truth: the headings not found (with the output
line nearest to each), and the body characters the 8-gram metric misses, as counted confusions.

    python bench/scan_losses.py GT_DIR MD_DIR [--stem STEM] [--show 20]

MD_DIR holds `<stem>.md` (bench/convert_format.py --cache). The character pairs are from a difflib
alignment of each ground-truth paragraph with the output text (whitespace removed), so `〞→”` counts a
quote Tesseract read as another, `（→` an opening bracket it lost.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from difflib import SequenceMatcher, get_close_matches
from pathlib import Path

SCORE = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "converter-bench"
sys.path.insert(0, str(SCORE))
import score  # noqa: E402


def confusions(truth: str, text: str) -> Counter:
    pairs: Counter = Counter()
    matcher = SequenceMatcher(None, truth, text, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "equal":
            pairs[f"{truth[a0:a1][:12]}→{text[b0:b1][:12]}"] += 1
    return pairs


def paragraph_window(paragraph: str, out: str) -> str:
    """The part of `out` that best matches `paragraph` (found through its longest common 8-gram)."""
    grams = {out[i:i + 8]: i for i in range(len(out) - 7)}
    for i in range(len(paragraph) - 7):
        at = grams.get(paragraph[i:i + 8])
        if at is not None:
            start = max(0, at - i - 10)
            return out[start:start + len(paragraph) + 20]
    return ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("gt", type=Path)
    parser.add_argument("md", type=Path)
    parser.add_argument("--stem")
    parser.add_argument("--show", type=int, default=30)
    args = parser.parse_args(argv)
    pairs: Counter = Counter()
    lost_paragraphs = []
    for md_path in sorted(args.md.glob(f"{args.stem or '*'}.md")):
        gt = json.loads((args.gt / f"{md_path.stem}.json").read_text(encoding="utf-8"))
        md = md_path.read_text(encoding="utf-8")
        body = md[score.FRONT_MATTER_RE.match(md).end():] if score.FRONT_MATTER_RE.match(md) else md
        heads = [score.norm_heading(t) for _, t in score.md_headings(body)]
        lines = [score.squash(line) for line in score.md_to_plain(body).split("\n") if line.strip()]
        print(f"## {md_path.stem}")
        title = score.norm_heading(gt.get("title") or "")
        if title not in heads:
            print(f"  title  {title}  ~ {get_close_matches(title, lines, 1, 0.3)}")
        for heading in gt.get("headings", []):
            text = score.norm_heading(heading["text"])
            if text not in heads:
                near = get_close_matches(text, heads, 1, 0.5) or get_close_matches(text, lines, 1, 0.3)
                print(f"  H{heading['level']}  {text}  ~ {near[:1]}")
        out = score.squash(score.md_to_plain(body))
        for paragraph in gt.get("paragraphs", []):
            truth = score.squash(paragraph["text"])
            window = paragraph_window(truth, out)
            if not window:
                lost_paragraphs.append((md_path.stem, truth[:40]))
                continue
            pairs += confusions(truth, window[:len(truth) + 20])
    print("\n## confusions (truth→read: count)")
    for pair, count in pairs.most_common(args.show):
        print(f"  {pair}: {count}")
    print(f"\n## paragraphs not found at all: {len(lost_paragraphs)}")
    for stem, text in lost_paragraphs[:args.show]:
        print(f"  {stem}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
