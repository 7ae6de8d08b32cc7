"""Turn a page image a quarter at a time when a person sees it lies wrong."""
from __future__ import annotations

from PIL import Image

from formgen.core import db
from formgen.core.atomic import atomic_open
from formgen.core.errors import InputError
from formgen.core.i18n import t
from formgen.core.workspace import Workspace

PAGE_IMAGE_QUALITY = 85


def turn_page(ws: Workspace, page_id: int, degrees: int) -> int:
    """Rotate the stored page image clockwise by ``degrees`` (90, 180, 270); the new rotation."""
    if degrees not in (90, 180, 270):
        raise InputError(t("web.verify.bad_turn"), code="bad_turn")
    row = ws.conn.execute("SELECT * FROM pages WHERE id = ?", (page_id,)).fetchone()
    if row is None or not row["image_path"]:
        raise InputError(t("review.no_page", page=page_id), code="no_page")
    path = ws.root / row["image_path"]
    with Image.open(path) as image:
        turned = image.rotate(-degrees, expand=True)
    with atomic_open(path, "wb") as handle:
        turned.save(handle, format="JPEG", quality=PAGE_IMAGE_QUALITY)
    rotation = ((row["rotation"] or 0) + degrees) % 360
    with db.write_transaction(ws.conn):
        ws.conn.execute("UPDATE pages SET rotation = ? WHERE id = ?", (rotation, page_id))
        db.audit(ws.conn, "review_turn", applicant_id=row["applicant_id"], page=page_id,
                 degrees=degrees)
    return rotation
