"""Fixtures for the website tests: build the site with the real `mkdocs` command, serve it
on 127.0.0.1, drive Debian's Chromium.

The example site is built once per session (the project's own mkdocs.yml, with absolute
paths, into a temp dir). Tests that need other data copy standards/ into a temp dir,
change it, and build again with :func:`support.build_site`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from .support import CHROMIUM, REPO, Built, Server, build_site, serve


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example site, built once with `mkdocs build --strict`."""
    b = build_site(tmp_path_factory.mktemp("example"))
    assert b.returncode == 0, b.output
    return b


@pytest.fixture(scope="session")
def site(example_build: Built) -> Path:
    return example_build.site


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[Server]:
    s = serve(site)
    yield s
    s.close()


@pytest.fixture(scope="session")
def catalog():
    from generator.catalog import load_catalog

    return load_catalog(REPO / "standards")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
        ],
    }
