"""The kinds of page formgen knows (a page's ``doc``, SPEC §7): forms, attachments, blank, other.

The one list of document types: the pack printer, the page reader, attribution,
the review queue and the requirement rules all take theirs from here.
"""
from __future__ import annotations

SEPARATOR = "sampul"  # the pack's cover sheet, which also separates applicants in a scan
# The documents of a pack, in print order; every page of them carries a page code (QR).
FORMS = (SEPARATOR, "permohonan", "asesmen_mandiri", "pengalaman_kerja", "pernyataan_kebenaran")
# Printed only when formgen.toml asks for them ([pack] asesmen_mandiri = true). The LSP checks
# FR.APL.02 together with FR.APL.01, so its pages count for the permohonan requirement.
OPTIONAL_FORMS = ("asesmen_mandiri",)
# What an applicant brings along; the page reader tells them apart by what is on the page.
ATTACHMENTS = ("ktp", "ijazah", "pas_foto")
BLANK = "blank"  # an empty page (the back of a duplex scan)
OTHER = "other"  # a page that is none of the above
# What the page reader can say of a page without a page code.
ATTACHMENT_KINDS = (*ATTACHMENTS, BLANK, OTHER)
DOC_TYPES = (*FORMS, *ATTACHMENT_KINDS)
# The six documents the service standard asks for, one requirement each (form_templates/rules.yaml).
HANDED_IN = (*(d for d in FORMS if d != SEPARATOR and d not in OPTIONAL_FORMS), *ATTACHMENTS)
