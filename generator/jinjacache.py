"""Compiled Jinja templates kept in memory across the rebuilds of ``mkdocs serve``.

Every rebuild makes new Jinja environments (MkDocs reloads its config and theme; the
site core makes its own), and compiling the ~55 templates of Material and of our pages
took about a second of each rebuild. Jinja's bytecode cache keys each template by its
name and file and checks the source's checksum, so an edited template is compiled again.
"""

from __future__ import annotations

import threading

import jinja2


class BytecodeMemori(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._kode: dict[str, bytes] = {}
        self._kunci = threading.Lock()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self._kunci:
            data = self._kode.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored when the source's checksum changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = bucket.bytecode_to_string()
        with self._kunci:
            self._kode[bucket.key] = data

    def clear(self) -> None:
        with self._kunci:
            self._kode.clear()


#: One cache for the process: the site's pages and the MkDocs theme.
BYTECODE = BytecodeMemori()
