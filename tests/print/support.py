"""Helpers for the PDF tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdftotext(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def squash(s: str) -> str:
    """Text without any whitespace: robust against line and column breaks."""
    return "".join(s.split())
