"""Page images for the browser: thumbnails and the crop of one field, made on demand and cached.

Images are found through the database by page or finding id, never from a
path in the request; the file must lie inside the workspace's pages/ folder.
"""
from __future__ import annotations

import io
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

from PIL import Image

from ocr.geometry import DocumentGeometry

THUMB_SIDES = {"s": 240, "m": 520, "l": 1100}
CROP_MARGIN_MM = 4.0
CROP_MAX_WIDTH = 1120
JPEG_QUALITY = 80
PAPER_LEVEL = 225  # grey level below which a pixel is ink, not paper
_CACHE_ITEMS = 2048  # crops are ~15 kB: a full queue stays in memory


class _Cache:
    """A small LRU of encoded images keyed by (what, file mtime)."""

    def __init__(self, size: int) -> None:
        self.size, self._data, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return None

    def keys(self) -> list:
        with self._lock:
            return list(self._data)

    def put(self, key, value: bytes) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


_cache = _Cache(_CACHE_ITEMS)
_layouts: dict[str, DocumentGeometry] = {}


def page_file(root: Path, image_path: str | None) -> Path | None:
    """The page image, only if it really lies inside the workspace's pages/ folder."""
    if not image_path:
        return None
    pages = (root / "pages").resolve()
    path = (root / image_path).resolve()
    if not path.is_relative_to(pages) or not path.is_file():
        return None
    return path


def _open(path: Path, side: int) -> Image.Image:
    image = Image.open(path)
    image.draft("RGB" if image.mode == "RGB" else "L", (side, side))  # JPEG: decode smaller
    return image


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB" if image.mode not in ("L", "RGB") else image.mode).save(
        out, format="JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def thumbnail(root: Path, conn: sqlite3.Connection, page_id: int, size: str) -> bytes | None:
    row = conn.execute("SELECT image_path FROM pages WHERE id = ?", (page_id,)).fetchone()
    path = page_file(root, row["image_path"] if row else None)
    if path is None or size not in THUMB_SIDES:
        return None
    side = THUMB_SIDES[size]
    key = ("thumb", page_id, size, path.stat().st_mtime_ns)
    found = _cache.get(key)
    if found is None:
        with _open(path, side) as image:
            image.thumbnail((side, side))
            found = _encode(image)
        _cache.put(key, found)
    return found


def _geometry(conn: sqlite3.Connection, layout_id: str | None) -> DocumentGeometry | None:
    if not layout_id:
        return None
    if layout_id not in _layouts:
        row = conn.execute("SELECT geometry FROM layouts WHERE id = ?", (layout_id,)).fetchone()
        if row is None:
            return None
        _layouts[layout_id] = DocumentGeometry.from_json(row["geometry"])
    return _layouts[layout_id]


def _box_rect(conn: sqlite3.Connection, page: sqlite3.Row, name: str):
    geometry = _geometry(conn, page["layout_id"])
    if geometry is None or not page["page_no"] or page["page_no"] > len(geometry.pages):
        return None, None
    try:
        return geometry.page(page["page_no"]).box(name).rect, geometry.size_mm
    except KeyError:
        return None, None


def _content_box(image: Image.Image) -> tuple[int, int, int, int]:
    """The box around everything darker than the paper, with a small margin."""
    small = image.convert("L")
    small.thumbnail((400, 400))
    ink = small.point(lambda v: 255 if v < PAPER_LEVEL else 0)
    box = ink.getbbox()
    if box is None:
        return (0, 0, image.width, image.height)
    fx, fy = image.width / small.width, image.height / small.height
    pad = 4
    return (max(0, int((box[0] - pad) * fx)), max(0, int((box[1] - pad) * fy)),
            min(image.width, int((box[2] + pad) * fx)), min(image.height, int((box[3] + pad) * fy)))


def field_crop(root: Path, conn: sqlite3.Connection, finding_id: int) -> bytes | None:
    """The part of the upright page where the field is (the whole page for attachments)."""
    row = conn.execute("SELECT f.kind, f.name, p.* FROM findings f JOIN pages p "
                       "ON p.id = f.page_id WHERE f.id = ?", (finding_id,)).fetchone()
    path = page_file(root, row["image_path"] if row else None)
    if path is None:
        return None
    key = ("crop", finding_id, path.stat().st_mtime_ns)
    found = _cache.get(key)
    if found is not None:
        return found
    rect, size_mm = _box_rect(conn, row, row["name"]) if row["kind"] == "field" else (None, None)
    with Image.open(path) as image:
        if rect is None:  # an attachment: what is on the sheet (a KTP card, a diploma)
            image.draft(image.mode, (CROP_MAX_WIDTH * 2, CROP_MAX_WIDTH * 2))
            content = image.crop(_content_box(image))
            content.thumbnail((CROP_MAX_WIDTH, CROP_MAX_WIDTH))
            found = _encode(content)
        else:
            # a JPEG decoded at half size is still ~150 dpi: plenty for a person to read
            image.draft(image.mode, (image.width // 2, image.height // 2))
            sx, sy = image.width / size_mm[0], image.height / size_mm[1]
            x, y, w, h = rect
            m = CROP_MARGIN_MM
            box = (max(0, int((x - m) * sx)), max(0, int((y - m) * sy)),
                   min(image.width, int((x + w + m) * sx)),
                   min(image.height, int((y + h + m) * sy)))
            crop = image.crop(box)
            crop.thumbnail((CROP_MAX_WIDTH, CROP_MAX_WIDTH))
            found = _encode(crop)
    _cache.put(key, found)
    return found


def cached_crops() -> set[int]:
    """Findings whose crop is in the cache now (for the warmer)."""
    return {k[1] for k in _cache.keys() if k[0] == "crop"}
