"""The data model of a service standard: the single source of truth.

Validation, the JSON Schema for editors, the staff guide's field reference and the
exports all derive from these classes. YAML keys, field names and labels are the
same Indonesian words. Every field carries an Indonesian ``description`` (editor
hover help) and, where it helps, ``examples`` (quoted in error messages).

Verbatim first, structure on top: every component accepts the wording a unit
published, and keeps it; numbers, units, conditions, groups and actors are optional
structure. Business rules that templates need ("is this free?", "ISO 8601
duration", "the safe links of a channel") are methods here, never template logic.

One module per component group:

- ``dasar``: base class, text/list/date/money/link types, nested ``Uraian`` lists
- ``persyaratan`` (1), ``prosedur`` (2), ``durasi`` (3), ``biaya`` (4, 5),
  ``pengaduan`` (6), ``internal`` (7–14)
- ``skm``: the satisfaction survey (SKM) results and their index (IKM)
- ``layanan``: the 14 components together, the service, unit and instansi files
"""

from .dasar import *  # noqa: F401,F403
from .dasar import (  # noqa: F401 - helpers other modules use by name
    DOMAIN_RE, SKEMA_RE, URL_RE, fmt_angka, jenis_teks_atau, satu_jadi_daftar,
)
from .durasi import *  # noqa: F401,F403
from .durasi import _DurasiDasar, _DETIK, baca_durasi  # noqa: F401
from .persyaratan import *  # noqa: F401,F403
from .prosedur import *  # noqa: F401,F403
from .biaya import *  # noqa: F401,F403
from .pengaduan import *  # noqa: F401,F403
from .internal import *  # noqa: F401,F403
from .skm import *  # noqa: F401,F403
from .layanan import *  # noqa: F401,F403
