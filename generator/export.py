"""Open data: the catalogue as JSON, CSV and schema.org JSON-LD.

Everything is derived from the resolved services (unit defaults applied), and the
wordings come from the presentation layer (:mod:`generator.tampilan`), so the exports
say exactly what the web page and the poster say.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any, TextIO
from urllib.parse import urljoin

from . import model as m
from . import tampilan
from .catalog import Catalog, Service


def absolute(base_url: str, path: str) -> str:
    base = (base_url or "").rstrip("/") + "/"
    return urljoin(base, path) if base_url else "/" + path.lstrip("/")


def service_dict(svc: Service, base_url: str = "") -> dict[str, Any]:
    """A resolved service as plain JSON-able data (the model's own field names)."""
    d = svc.data
    out: dict[str, Any] = {
        "slug": svc.slug,
        "url": absolute(base_url, svc.url),
        "unit": {"id": svc.unit.id, "nama": svc.unit.data.nama, "opd": svc.unit.top.data.nama},
        "berkas": svc.rel_path,
    }
    out.update(d.model_dump(mode="json", exclude_none=True))
    ik = tampilan.ikhtisar(d)
    out["ikhtisar"] = {
        "jangka_waktu": ik.jangka_waktu or None,
        "jangka_waktu_iso8601": d.jangka_waktu.iso8601() if d.jangka_waktu else None,
        "biaya": ik.biaya or None,
        "gratis": ik.gratis,
    }
    out["asal_komponen"] = dict(sorted(svc.origin.items()))
    return out


def catalog_dict(cat: Catalog, base_url: str = "") -> dict[str, Any]:
    ins = cat.instansi
    return {
        "instansi": ins.model_dump(mode="json", exclude_none=True) if ins else None,
        "unit": [
            {
                "id": u.id,
                "nama": u.data.nama,
                "induk": u.parent.id if u.parent else None,
                "url": absolute(base_url, u.url),
                "layanan": [s.slug for s in u.services],
            }
            for u in cat.all_units()
        ],
        "layanan": [service_dict(s, base_url) for s in cat.services],
    }


def write_catalog_json(cat: Catalog, base_url: str, fp: TextIO) -> None:
    """Write ``standar.json`` one service at a time.

    For 5,000 services the document is ~50 MB; building it as one dict and one
    string peaks near 450 MB, writing it service by service needs one service's worth.
    """
    head = json.dumps(catalog_dict(dataclasses.replace(cat, services=[]), base_url), ensure_ascii=False, indent=1)
    tail = '\n "layanan": []\n}'
    assert head.endswith(tail), "catalog_dict must end with the service list"
    fp.write(head[: -len(tail)] + '\n "layanan": [')
    for i, svc in enumerate(cat.services):
        text = json.dumps(service_dict(svc, base_url), ensure_ascii=False, indent=1)
        fp.write(("," if i else "") + "\n" + "\n".join("  " + line for line in text.split("\n")))
    fp.write(("\n ]" if cat.services else "]") + "\n}\n")


def catalog_json(cat: Catalog, base_url: str = "") -> str:
    buf = io.StringIO()
    write_catalog_json(cat, base_url, buf)
    return buf.getvalue()


CSV_COLUMNS = [
    "slug", "nama", "unit", "opd", "kategori", "status", "ringkasan", "persyaratan", "jangka_waktu",
    "jangka_waktu_iso8601", "biaya", "gratis", "produk", "saluran_pengaduan", "nomor_penetapan",
    "tanggal_penetapan", "peninjauan_berikutnya", "layanan_daring", "url",
]


def sel_csv(v: Any) -> str:
    """A CSV cell no spreadsheet reads as a formula (OWASP, CSV injection).

    Every cell that starts with = + - @, a tab or a carriage return, also after leading
    whitespace, is prefixed with a single quote. That includes phone numbers such as
    "+62 812 …" and texts such as "-": a spreadsheet would read "+62 812" as a formula
    too, and "-2+3" as 1. The csv module quotes separators and quotes themselves.
    """
    s = "" if v is None else str(v)
    if s[:1] in ("\t", "\r") or s.lstrip()[:1] in ("=", "+", "-", "@"):
        return "'" + s
    return s


def _persyaratan_teks(ik: tampilan.Ikhtisar) -> str:
    parts = [(f"{g}: " if g else "") + "; ".join(items) for g, items in ik.persyaratan]
    return " | ".join(ik.ketentuan + parts)


def catalog_csv(cat: Catalog, base_url: str = "") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for s in cat.services:
        d = s.data
        ik = tampilan.ikhtisar(d)
        w.writerow(
            sel_csv(v)
            for v in [
                s.slug, d.nama, s.unit.data.nama, s.unit.top.data.nama, d.kategori, d.status.value,
                d.ringkasan, _persyaratan_teks(ik),
                ik.jangka_waktu,
                (d.jangka_waktu.iso8601() or "") if d.jangka_waktu else "",
                ik.biaya,
                "" if ik.gratis is None else ("ya" if ik.gratis else "tidak"),
                "; ".join(ik.produk),
                "; ".join(ik.saluran),
                (d.penetapan.nomor or "") if d.penetapan else "",
                m.tanggal_iso(d.penetapan.tanggal) or (str(d.penetapan.tahun or "")) if d.penetapan else "",
                d.peninjauan.berikutnya.isoformat() if d.peninjauan and d.peninjauan.berikutnya else "",
                d.layanan_daring or "", absolute(base_url, s.url),
            ]
        )
    return buf.getvalue()


def jsonld(svc: Service, cat: Catalog, base_url: str = "") -> dict[str, Any]:
    """schema.org GovernmentService for one service."""
    d = svc.data
    unit = svc.unit
    provider: dict[str, Any] = {"@type": "GovernmentOrganization", "name": unit.data.nama}
    alamat = unit.profil("alamat")
    if alamat:
        provider["address"] = alamat
    if unit.top is not unit:
        provider["parentOrganization"] = {"@type": "GovernmentOrganization", "name": unit.top.data.nama}
    # Working days have no ISO 8601 form (P3D would be calendar days): then only the wording.
    iso = d.jangka_waktu.iso8601() if d.jangka_waktu else None
    ik = tampilan.ikhtisar(d)
    waktu = f"Jangka waktu: {ik.jangka_waktu}" if d.jangka_waktu else None
    channels: list[dict[str, Any]] = []
    loket: dict[str, Any] = {"@type": "ServiceChannel", "name": "Loket layanan"}
    if d.tempat_layanan:
        loket["serviceLocation"] = {"@type": "Place", "address": d.tempat_layanan}
    telp = next((k for k in unit.profil("kontak") or [] if k.jenis == m.JenisSaluran.telepon), None)
    nomor_telp = _nomor(telp) if telp else None
    if nomor_telp:
        loket["servicePhone"] = {"@type": "ContactPoint", "telephone": nomor_telp}
    daring_url = m.tautan_web(d.layanan_daring) if d.layanan_daring else None
    for ch in [loket] + ([{"@type": "ServiceChannel", "name": "Layanan daring", "serviceUrl": daring_url}]
                         if daring_url else []):
        if iso:
            ch["processingTime"] = iso
        if waktu:
            ch["description"] = waktu
        channels.append(ch)
    for c in d.pengaduan.saluran if d.pengaduan else []:
        ch = {"@type": "ServiceChannel", "name": f"Pengaduan: {c.nama_tampil()}"}
        href = c.tautan()
        if c.jenis in (m.JenisSaluran.telepon, m.JenisSaluran.whatsapp) and _nomor(c):
            ch["servicePhone"] = {"@type": "ContactPoint", "telephone": _nomor(c)}
        elif c.jenis == m.JenisSaluran.sms and _nomor(c):
            ch["serviceSmsNumber"] = {"@type": "ContactPoint", "telephone": _nomor(c)}
        elif c.jenis == m.JenisSaluran.email and href:
            ch["serviceUrl"] = href
        elif href and href.startswith(("https://", "http://")):
            ch["serviceUrl"] = href
        elif c.nilai and c.jenis in (m.JenisSaluran.surat, m.JenisSaluran.tatap_muka, m.JenisSaluran.kotak_saran):
            ch["servicePostalAddress"] = {"@type": "PostalAddress", "streetAddress": c.nilai}
        elif c.nilai:
            ch["description"] = c.nilai
        channels.append(ch)
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": d.nama,
        "description": tampilan.ringkasan(d, [unit.data]),
        "url": absolute(base_url, svc.url),
        "provider": provider,
        "availableChannel": channels,
    }
    if d.kategori:
        out["serviceType"] = d.kategori
    if cat.instansi and cat.instansi.wilayah:
        out["areaServed"] = {"@type": "AdministrativeArea", "name": cat.instansi.wilayah}
    if d.sinonim:
        out["alternateName"] = list(d.sinonim)
    if d.biaya:
        offer: dict[str, Any] = {"@type": "Offer", "priceCurrency": "IDR"}
        if ik.gratis:
            offer["price"] = 0
        elif d.biaya.jumlah is not None:
            offer["price"] = d.biaya.jumlah
        if d.biaya.teks or "price" not in offer:
            offer["description"] = ik.biaya
        out["offers"] = offer
    if d.produk:
        out["produces"] = "; ".join(ik.produk)
    return out


def _nomor(c: m.Saluran) -> str | None:
    """The first phone number of a channel in international form, or None."""
    for t, h in c.bagian_nilai():
        if h:
            return m.nomor_internasional(t)
    return None


def jsonld_html(svc: Service, cat: Catalog, base_url: str = "") -> str:
    """The JSON-LD as text safe to place inside <script type="application/ld+json">.

    '<', '>' and '&' are escaped as JSON unicode escapes, so text from YAML can
    never close the script element.
    """
    s = json.dumps(jsonld(svc, cat, base_url), ensure_ascii=False)
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
