"""Tesseract's answers kept on disk, so that a change to what the reader does with OCR lines (joining,
label repair) is measured again without running OCR (minutes of CPU for the scan set).

    from ocr_cache import cache_ocr; cache_ocr(Path("bench/out/tsv-cache"))

The key is the page image, the source of `ocr._tesseract_tsv` (its options) and `ocr.LANGUAGES`: a change to
the image preparation or to Tesseract's options misses the cache and runs Tesseract again.
"""
from __future__ import annotations

import hashlib
import inspect
from pathlib import Path


def cache_ocr(folder: Path) -> None:
    from converter.reading import ocr

    run = ocr._tesseract_tsv
    settings = (inspect.getsource(run) + repr(ocr.LANGUAGES)).encode()

    def cached(image: bytes, *args, **kwargs) -> str:
        key = hashlib.sha256(image + settings + repr((args, sorted(kwargs.items()))).encode()).hexdigest()
        path = folder / key[:2] / f"{key}.tsv"
        if path.exists():
            return path.read_text(encoding="utf-8")
        text = run(image, *args, **kwargs)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".part").write_text(text, encoding="utf-8")
        path.with_suffix(".part").rename(path)
        return text

    ocr._tesseract_tsv = cached
