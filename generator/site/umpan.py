"""The Atom feed of recent changes (``perubahan.xml``, RFC 4287).

One entry per commit of the main line that changed what citizens see, newest first, the
same as the "Perubahan terbaru" page. Text from YAML is escaped twice over: into HTML for
the entry's content, and that HTML into XML (ElementTree); characters XML 1.0 cannot carry
are dropped. Entry ids are ``urn:uuid`` names derived from the site and the commit, so they
stay the same from build to build. Links are absolute when ``site_url`` is set, otherwise
relative to the feed (which sits at the site root).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Callable

from markupsafe import escape

from ..export import absolute

if TYPE_CHECKING:
    from ..riwayat import Versi
    from .render import KelompokPerubahan

ATOM = "http://www.w3.org/2005/Atom"
_BUKAN_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(s: str) -> str:
    return _BUKAN_XML.sub("", s)


def judul(kelompok: list["KelompokPerubahan"]) -> str:
    nama = [n for k in kelompok for n, _u, _url in k.layanan]
    if len(nama) == 1:
        return nama[0]
    return f"{nama[0]} dan {len(nama) - 1} layanan lain"


def _isi(kelompok: list["KelompokPerubahan"], tautan: Callable[[str], str]) -> str:
    bagian = []
    for k in kelompok:
        nama = ", ".join(
            (f'<a href="{escape(tautan(url))}">{escape(n)}</a>' if url else str(escape(n))) + f" ({escape(u)})"
            for n, u, url in k.layanan)
        bagian.append(f"<p><strong>{nama}</strong></p>")
        if k.kalimat:
            bagian.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in k.kalimat) + "</ul>")
        if k.penetapan:
            bagian.append(f"<p>{escape(k.penetapan)}</p>")
    return "".join(bagian)


def atom(terbaru: list[tuple["Versi", list["KelompokPerubahan"]]], nama_instansi: str, site_url: str,
         hari_ini: dt.date) -> str:
    def tautan(url: str) -> str:
        return absolute(site_url, url) if site_url else url

    dasar = site_url or f"standar-pelayanan:{nama_instansi}"
    ET.register_namespace("", ATOM)

    def el(induk: ET.Element, nama: str, teks: str | None = None, **atribut: str) -> ET.Element:
        e = ET.SubElement(induk, f"{{{ATOM}}}{nama}", {k: _x(v) for k, v in atribut.items()})
        if teks is not None:
            e.text = _x(teks)
        return e

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "id"})
    el(feed, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, dasar + '#perubahan')}")
    el(feed, "title", f"Perubahan standar pelayanan {nama_instansi}")
    el(feed, "subtitle", "Perubahan standar pelayanan yang terakhir diterbitkan, yang terbaru di atas.")
    if terbaru:
        diperbarui = terbaru[0][0].waktu
    else:  # no history: a fixed time, so the file changes only with the day it was built
        diperbarui = dt.datetime.combine(hari_ini, dt.time(), dt.timezone.utc)
    el(feed, "updated", diperbarui.isoformat())
    penulis = el(feed, "author")
    el(penulis, "name", nama_instansi)
    el(feed, "link", rel="self", type="application/atom+xml", href=tautan("perubahan.xml"))
    el(feed, "link", rel="alternate", type="text/html", href=tautan("perubahan/"))
    el(feed, "generator", "Standar Pelayanan")
    for v, kelompok in terbaru:
        entry = el(feed, "entry")
        el(entry, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, dasar + '#' + v.oid)}")
        el(entry, "title", f"Perubahan: {judul(kelompok)}")
        el(entry, "updated", v.waktu.isoformat())
        satu = [url for k in kelompok for _n, _u, url in k.layanan]
        halaman = satu[0] if len(satu) == 1 and satu[0] else f"perubahan/#v-{v.oid[:12]}"
        el(entry, "link", rel="alternate", type="text/html", href=tautan(halaman))
        el(entry, "content", _isi(kelompok, tautan), type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
