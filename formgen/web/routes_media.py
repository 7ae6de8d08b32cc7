"""Page thumbnails and field crops, by id only."""
from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from formgen.web.images import THUMB_SIDES, field_crop, thumbnail
from formgen.web.state import state_of, with_conn

_HEADERS = {"Cache-Control": "private, max-age=300", "X-Content-Type-Options": "nosniff"}


def _image(data: bytes | None) -> Response:
    if data is None:
        raise HTTPException(404)
    return Response(data, media_type="image/jpeg", headers=_HEADERS)


async def page_image(request: Request) -> Response:
    size = request.path_params["size"]
    if size not in THUMB_SIDES:
        raise HTTPException(404)
    root = state_of(request).root
    return _image(await with_conn(request, lambda conn: thumbnail(
        root, conn, request.path_params["page_id"], size)))


async def crop_image(request: Request) -> Response:
    root = state_of(request).root
    return _image(await with_conn(request, lambda conn: field_crop(
        root, conn, request.path_params["finding_id"])))


ROUTES = [
    Route("/media/page/{page_id:int}/{size}.jpg", page_image),
    Route("/media/crop/{finding_id:int}.jpg", crop_image),
]
