"""Where things are on a printed template page: the contract between form generation and reading.

All coordinates are millimetres from the page's top-left corner, y downwards
(as in an image). A layout is stored as JSON in the workspace when a pack is
printed, so that a scan is read with the geometry it was printed with.

JSON shape::

    {"id": "3f9a1c2e", "doc": "permohonan", "paper": "A4", "size_mm": [210, 297],
     "pages": [{"page": 1,
                "marks": [[x, y, size], ...],          # 4 filled squares, centre x/y
                "qr": [x, y, w, h],
                "boxes": [{"name": "nama", "kind": "text", "rect": [x, y, w, h],
                           "key": "nama", "charset": "alpha"}, ...]}]}

Box kinds: ``text`` (a typed/handwritten value; ``key`` the roster key it
shows, ``charset`` one of digits/date/alpha/any, ``comb`` the number of character
cells when the box is divided into cells, ``lines`` the lines of text it holds),
``checkbox``, ``signature``
(name ``ttd_<who>``), ``materai``.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

BOX_KINDS = ("text", "checkbox", "signature", "materai")


@dataclass(frozen=True)
class Box:
    name: str
    kind: str
    rect: tuple[float, float, float, float]  # x, y, w, h in mm (top-left origin)
    key: str | None = None
    charset: str = "any"
    comb: int = 0      # > 0: one character per cell, cells divided by printed ticks
    lines: int = 1     # lines of text the box holds


@dataclass(frozen=True)
class PageGeometry:
    page: int
    marks: tuple[tuple[float, float, float], ...]  # centre x, centre y, side (mm)
    qr: tuple[float, float, float, float]
    boxes: tuple[Box, ...] = ()

    def box(self, name: str) -> Box:
        for box in self.boxes:
            if box.name == name:
                return box
        raise KeyError(name)

    def boxes_of(self, kind: str) -> list[Box]:
        return [b for b in self.boxes if b.kind == kind]


@dataclass(frozen=True)
class DocumentGeometry:
    id: str
    doc: str
    paper: str
    size_mm: tuple[float, float]
    pages: tuple[PageGeometry, ...] = field(default=())

    def page(self, number: int) -> PageGeometry:
        return self.pages[number - 1]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> DocumentGeometry:
        data = json.loads(text)
        pages = tuple(
            PageGeometry(page=p["page"], marks=tuple(tuple(m) for m in p["marks"]),
                         qr=tuple(p["qr"]),
                         boxes=tuple(Box(name=b["name"], kind=b["kind"], rect=tuple(b["rect"]),
                                         key=b.get("key"), charset=b.get("charset", "any"),
                                         comb=b.get("comb", 0), lines=b.get("lines", 1))
                                     for b in p["boxes"]))
            for p in data["pages"])
        return cls(id=data["id"], doc=data["doc"], paper=data["paper"],
                   size_mm=tuple(data["size_mm"]), pages=pages)
