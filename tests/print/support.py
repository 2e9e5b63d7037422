"""Helpers for the PDF tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdftotext(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def teks_urut(path: Path, page: int = 0) -> str:
    """A page's text in the order it is drawn, which for WeasyPrint is the document's order
    (what a screen reader and copy-paste get). pdftotext guesses an order from positions,
    and on a poster with columns, step boxes and a diagonal watermark it can split one
    step's wording into separate blocks; this read cannot."""
    from pypdf import PdfReader

    return PdfReader(path).pages[page].extract_text()


def squash(s: str) -> str:
    """Text without any whitespace: robust against line and column breaks."""
    return "".join(s.split())
