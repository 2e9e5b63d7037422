"""Tiny HTML scanner for the build tests (stdlib only): tags with attributes, and text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, {k: (v or "") for k, v in attrs}))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]

    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def scan(path: Path | str) -> Scan:
    s = Scan()
    s.feed(Path(path).read_text(encoding="utf-8"))
    return s


def page(site: Path, url: str) -> Path:
    return site / url / "index.html"
