"""A PDF of JPEG page images written as the pages come, as a scanner's PDF is.

Each JPEG goes in unchanged (DCTDecode), so nothing is recompressed and only one page is
in memory at a time.
"""
from __future__ import annotations

from pathlib import Path

from formgen.core.atomic import atomic_open


class JpegPdfWriter:
    """``add(jpeg, width_px, height_px, grey, dpi)`` per page, then ``close()``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._atomic = atomic_open(self.path, "wb")  # visible only once complete
        self._fh = self._atomic.__enter__()
        self._offsets: dict[int, int] = {}
        self._kids: list[int] = []
        self._next = 3  # 1: page tree, 2: catalog
        self._fh.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _object(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        self._offsets[number] = self._fh.tell()
        self._fh.write(b"%d 0 obj\n" % number + body)
        if stream is not None:
            self._fh.write(b"\nstream\n" + stream + b"\nendstream")
        self._fh.write(b"\nendobj\n")

    def add(self, jpeg: bytes, width_px: int, height_px: int, *, grey: bool, dpi: int) -> None:
        image, content, page = self._next, self._next + 1, self._next + 2
        self._next += 3
        space = b"/DeviceGray" if grey else b"/DeviceRGB"
        self._object(image, b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                     b"/ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>"
                     % (width_px, height_px, space, len(jpeg)), jpeg)
        w, h = width_px * 72 / dpi, height_px * 72 / dpi
        draw = b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (w, h)
        self._object(content, b"<< /Length %d >>" % len(draw), draw)
        self._object(page, b"<< /Type /Page /Parent 1 0 R /MediaBox [0 0 %.3f %.3f] "
                     b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                     % (w, h, image, content))
        self._kids.append(page)

    def close(self) -> Path:
        kids = b" ".join(b"%d 0 R" % k for k in self._kids)
        self._object(1, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self._kids)))
        self._object(2, b"<< /Type /Catalog /Pages 1 0 R >>")
        xref = self._fh.tell()
        count = self._next
        self._fh.write(b"xref\n0 %d\n0000000000 65535 f \n" % count)
        for number in range(1, count):
            self._fh.write(b"%010d 00000 n \n" % self._offsets[number])
        self._fh.write(b"trailer\n<< /Size %d /Root 2 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                       % (count, xref))
        self._atomic.__exit__(None, None, None)
        return self.path
