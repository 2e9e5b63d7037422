"""Helpers for the website tests: build with the real `mkdocs` command, serve on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml

REPO = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}


def project_config() -> dict[str, Any]:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def write_config(tmp: Path, standards: Path, *, cetak: bool = False, **plugin: Any) -> Path:
    """The project's mkdocs.yml with absolute paths, pointing at ``standards``."""
    cfg = project_config()
    cfg["docs_dir"] = str(REPO / cfg["docs_dir"])
    plugins = []
    for p in cfg["plugins"]:
        if isinstance(p, dict) and "standar" in p:
            opts = dict(p["standar"])
            opts.update(standar=str(standards), cetak=cetak, **plugin)
            # edit links: the repository path of the standards folder stays "standards/".
            opts.setdefault("edit_uri", "edit/main/standards/")
            p = {"standar": opts}
        plugins.append(p)
    cfg["plugins"] = plugins
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@dataclass
class Built:
    site: Path
    config: Path
    standards: Path
    returncode: int
    output: str


def build_site(tmp: Path, standards: Optional[Path] = None, *, strict: bool = True, cetak: bool = False,
               **plugin: Any) -> Built:
    """Run `mkdocs build` (the real command) and return where the site went and what it said."""
    standards = standards or REPO / "standards"
    config = write_config(tmp, standards, cetak=cetak, **plugin)
    site = tmp / "site"
    cmd = [*MKDOCS, "build", "-f", str(config), "-d", str(site)] + (["--strict"] if strict else [])
    r = subprocess.run(cmd, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=900)
    return Built(site, config, standards, r.returncode, r.stdout + r.stderr)


def copy_standards(tmp: Path) -> Path:
    dst = tmp / "standards"
    shutil.copytree(REPO / "standards", dst)
    return dst


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files like a real host: 404.html for unknown paths."""

    def log_message(self, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@dataclass
class Server:
    root: Path
    url: str
    httpd: http.server.ThreadingHTTPServer

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(root: Path) -> Server:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(root, f"http://127.0.0.1:{httpd.server_address[1]}/", httpd)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


