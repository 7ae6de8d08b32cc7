"""The roster of applicants: import from CSV/XLSX, look-up, and upsert by NIK."""
from __future__ import annotations

from formgen.roster.importer import ImportResult, Rejection, import_roster
from formgen.roster.store import (
                    APPLICANT_FIELDS,
                    EXPERIENCE_FIELDS,
                    find_applicant,
                    get_applicant,
                    list_applicants,
                    replace_experience,
                    require_applicant,
                    select_applicants,
                    upsert_applicant,
)

__all__ = ["APPLICANT_FIELDS", "EXPERIENCE_FIELDS", "ImportResult", "Rejection", "find_applicant",
           "get_applicant", "import_roster", "list_applicants", "replace_experience",
           "require_applicant", "select_applicants", "upsert_applicant"]
