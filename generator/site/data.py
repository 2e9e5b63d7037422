"""The site's data files, written as streams.

``standar.json`` for 5,000 services is ~50 MB of text; ``export.catalog_json``
builds it as one string from one big dict (~450 MB at peak). Here the same bytes
are written service by service. A test checks the output equals
``export.catalog_json`` on the examples, so the format stays the export's.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TextIO

from .. import export
from ..catalog import Catalog

_INDENT = "  "  # depth of a service inside {"layanan": [...]} with indent=1


def tulis_standar_json(cat: Catalog, base_url: str, fp: TextIO) -> None:
    """Write exactly ``export.catalog_json(cat, base_url)`` to ``fp``, one service at a time."""
    kepala = json.dumps(export.catalog_dict(dataclasses.replace(cat, services=[]), base_url), ensure_ascii=False, indent=1)
    akhir = '\n "layanan": []\n}'
    assert kepala.endswith(akhir), "catalog_dict no longer ends with the service list"
    fp.write(kepala[: -len(akhir)] + '\n "layanan": [')
    for i, svc in enumerate(cat.services):
        teks = json.dumps(export.service_dict(svc, base_url), ensure_ascii=False, indent=1)
        fp.write(("," if i else "") + "\n" + "\n".join(_INDENT + line for line in teks.split("\n")))
    fp.write(("\n ]" if cat.services else "]") + "\n}\n")
