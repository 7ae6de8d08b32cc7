"""Errors of the page reader: a bad input file carries a stable reason code."""
from __future__ import annotations

#: Reason codes a caller may rely on (stable; used in logs, the database and messages).
BAD_INPUT_CODES = (
    "empty_file",          # 0 bytes
    "not_a_document",      # HTML, text or any content that is no PDF/TIFF/JPEG/PNG
    "truncated",           # cut short and not repairable
    "encrypted",           # password protected (no empty user password)
    "decompression_bomb",  # declared pixel size above Pillow's MAX_IMAGE_PIXELS
    "too_many_pages",      # more pages/frames than the caller allows
    "unreadable_page",     # a page that cannot be rendered or decoded
    "corrupt",             # structure broken beyond the cases above
)


class BadInput(Exception):
    """A file that cannot be read as a document; ``code`` is one of BAD_INPUT_CODES."""

    def __init__(self, code: str, detail: str = "", *, path: str | None = None) -> None:
        if code not in BAD_INPUT_CODES:
            raise ValueError(f"unknown bad-input code {code!r}")
        self.code = code
        self.detail = detail
        self.path = path
        super().__init__(f"{path}: {code}: {detail}" if path else f"{code}: {detail}")


class RegistrationError(Exception):
    """A page could not be aligned to its template (no marks and no usable QR)."""
