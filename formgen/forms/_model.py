"""What the layout engine produces: ink to print and boxes to fill, in mm from the top-left corner."""
from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Template

from ocr.geometry import Box, DocumentGeometry


@dataclass(frozen=True)
class Text:
    """One line of printed text; ``y`` is its baseline."""
    x: float
    y: float
    text: str
    font: str
    size: float  # points
    align: str = "left"  # left, centre, right (x is the anchor)
    grey: float = 0.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    stroke: float = 0.5  # points; 0 for none
    fill: float | None = None  # grey level, None for no fill
    dash: tuple[float, ...] | None = None
    grey: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    grey: float = 0.0
    dash: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Letterhead:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class TextBlock:
    """Jinja text whose value is known only with the settings or the pack: fixed box, shrinks to fit.

    ``scope`` is ``settings`` (same for every pack of a workspace) or ``pack``.
    """
    x: float
    y: float
    w: float
    h: float
    source: Template
    font: str
    size: float
    min_size: float
    align: str
    max_lines: int
    scope: str


Ink = Text | Rect | Line | Letterhead | TextBlock


@dataclass(frozen=True)
class Field:
    """A fillable box: its geometry box plus how to fill and draw it."""
    box: Box
    lines: int = 1  # >1: multi-line (wraps)
    comb: int = 0  # >0: one character per cell
    size: float = 10.0  # largest font size for the value (points)
    preset: Template | None = None  # value printed on every pack (blank ones too)
    on_value: str | None = None  # checkbox: checked when values[key] == on_value
    top_align: bool = False  # text starts at the top of a tall box (else centred)


@dataclass
class PageLayout:
    number: int
    ink: list = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    qr: tuple[float, float, float, float] = (0, 0, 0, 0)
    qr_text_anchor: tuple[float, float, str] = (0, 0, "right")  # x, baseline y, align
    marks: tuple[tuple[float, float, float], ...] = ()


@dataclass
class DocumentLayout:
    doc: str
    paper: str
    size_mm: tuple[float, float]
    title: str
    pages: list[PageLayout]
    geometry: DocumentGeometry
    qr_text_size: float = 6.0
    lines: dict[str, int] = field(default_factory=dict)  # box name -> template line
    path: str = ""
