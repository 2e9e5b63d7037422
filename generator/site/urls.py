"""Links: relative URLs between site pages, and the only schemes a page may link to.

Every page is addressed by a site-relative *directory* URL ("layanan/akta/",
"unit/dpmptsp/perizinan/", "" for the home page) or a file path
("standar.json"). Pages link to each other relatively, so the site works under
any base path and when opened from disk.
"""

from __future__ import annotations

import posixpath

from ..html import tautan_aman  # noqa: F401 - links between pages and to the outside world live together


def rel(target: str, base: str) -> str:
    """Relative link from the page at directory URL ``base`` to ``target``.

    ``target`` ending in "/" (or empty) is a page; anything else a file.
    """
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    start = base.strip("/") or "."
    is_dir = target == "" or target.endswith("/")
    path = target.strip("/") or "."
    out = posixpath.relpath(path, start)
    if is_dir:
        out = "./" if out == "." else out + "/"
    return out + fragment
