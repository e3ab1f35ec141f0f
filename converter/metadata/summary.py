"""The 摘要 (内容概述) of a report: its own opening sentences, at most 100 characters.

What a reader of a catalogue wants under a title is what the report says first, not what it announces
(`现将有关情况总结如下：`) or whom it addresses (`各位代表：`, `现在，我代表…向大会报告政府工作`): such
sentences are passed over (data/summary.yml). Whole sentences are taken while they fit; a first sentence
longer than the limit is cut after a comma (else at the limit) and ends with `…`, never between the
halves of a number, a Latin word or a character and its combining marks. Never empty: a report without a
sentence gets its first paragraph, then its title.
"""
from __future__ import annotations

import re
import unicodedata

from converter.data import rules
from converter.model import Heading, Paragraph, Report
from converter.model.values import SUMMARY_MAX

RULES = rules("summary")
BOILERPLATE = tuple(re.compile(p) for p in RULES["boilerplate"])
SENTENCE = re.compile(rf".*?(?:{RULES['sentence_end']}|$)")
CLAUSE_END = re.compile(RULES["clause_end"])
ENDS = re.compile(rf"(?:{RULES['sentence_end']})$")
CONTINUES = re.compile(r"^[》〉」』”’）)】，、。；：,;:]")
ELLIPSIS = "…"
MIN_CUT = 20  # a clause break closer to the start than this is not worth cutting at
OPENING_BLOCKS = 40  # blocks looked at from the top
WORD = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％]")


def summary_of(report: Report, title: str = "") -> str:
    """`title`: the report's title as the metadata has it (also when the page has no title line)."""
    sentences = [s for text in opening_texts(report) for s in sentences_of(text) if not is_boilerplate(s)]
    if not sentences:
        first = next(iter(opening_texts(report, sentences_only=False)), "") or title or report.title
        return fitted(first.strip())
    if len(sentences[0]) > SUMMARY_MAX:
        return fitted(sentences[0])
    taken = []
    for sentence in sentences:
        if sum(map(len, taken)) + len(sentence) > SUMMARY_MAX:
            break
        taken.append(sentence)
    if len(taken) > 1 and taken[-1].endswith(("；", ";")):  # a summary does not stop halfway through a list
        taken.pop()
    return "".join(taken)


def opening_texts(report: Report, sentences_only: bool = True) -> list[str]:
    """The text of the body paragraphs before the first heading (when there are any, else of those at
    the top), in order, signature and date lines left out; with `sentences_only`, only those holding a
    sentence (a masthead, a 文号, a speaker line hold none)."""
    preamble, later, seen_heading = [], [], False
    for block in report.blocks[:OPENING_BLOCKS]:
        seen_heading = seen_heading or isinstance(block, Heading)
        if isinstance(block, Paragraph) and block.role in ("body", "bullet"):
            text = " ".join(block.text.split())
            if text and (not sentences_only or re.search(RULES["sentence_end"], text)):
                (later if seen_heading else preamble).append(text)
    usable = [t for t in preamble if not sentences_only or not all(map(is_boilerplate, sentences_of(t)))]
    return preamble if usable else later


def sentences_of(text: str) -> list[str]:
    """The whole sentences of a paragraph: not the piece after its last full stop, nor a piece that
    continues the paragraph before (`》，提出了…`: a book title broken out of a sentence)."""
    found = [m.group(0).strip() for m in SENTENCE.finditer(text) if m.group(0).strip()]
    return [s for n, s in enumerate(found) if ENDS.search(s) and not (n == 0 and CONTINUES.match(s))]


def is_boilerplate(sentence: str) -> bool:
    return any(pattern.search(sentence) for pattern in BOILERPLATE)


def fitted(text: str) -> str:
    """`text`, or its start cut to SUMMARY_MAX characters with `…` (after a comma when there is one)."""
    if len(text) <= SUMMARY_MAX:
        return text
    limit = SUMMARY_MAX - len(ELLIPSIS)
    breaks = [m.end() for m in CLAUSE_END.finditer(text, 0, limit) if m.end() >= MIN_CUT]
    cut = breaks[-1] if breaks else safe_cut(text, limit)
    return text[:cut].rstrip("，、：,: ") + ELLIPSIS


def safe_cut(text: str, at: int) -> int:
    """The nearest position at or before `at` that does not split a number or Latin word, a character
    and its combining marks or variation selector."""
    while at > 1 and (_joined(text[at - 1], text[at]) or unicodedata.combining(text[at])
                      or 0xFE00 <= ord(text[at]) <= 0xFE0F or 0xDC00 <= ord(text[at]) <= 0xDFFF):
        at -= 1
    return at


def _joined(before: str, after: str) -> bool:
    return bool(WORD.match(before) and WORD.match(after))
