"""The external programs a command needs, checked once when it starts (one line when missing)."""
from __future__ import annotations

from formgen.core.errors import MissingDependencyError
from formgen.core.i18n import t
from ocr import tesseract


def require_tesseract(*, command: bool = False) -> None:
    """Raise MissingDependencyError unless Tesseract can read pages (languages and OSD).

    ``command``: the ``tesseract`` program itself is needed (the dossiers' text layer),
    not only the engine loaded in process.
    """
    try:
        tesseract.check_ready(command=command)
    except tesseract.TesseractMissing as exc:
        if exc.missing == "language":
            message = t("programs.tesseract_language", languages=", ".join(exc.languages),
                        install=exc.install)
        elif exc.missing == "too_old":
            message = t("programs.tesseract_too_old", version=exc.version or "?",
                        install=exc.install)
        else:
            message = t("programs.tesseract_missing", install=exc.install)
        raise MissingDependencyError(message, code="missing_dependency") from exc
