"""How a field value shows inside its fixed box: font size, wrapping, and the appearance stream."""
from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.acroform import escPDF
from reportlab.pdfbase.pdfmetrics import stringWidth

MIN_VALUE_SIZE = 5.0  # points: the smallest a value is printed
SINGLE_LINE_MIN = 6.5  # points: below this, a long value wraps rather than shrinking further
WRAPPED_TOP_PAD = 3.0  # points between a multi-line box's top border and its first line
_VALUE_FONT = "Helvetica"


def _ascii_for_ap(text: str) -> str:
    """Characters the standard Helvetica of an appearance stream can show."""
    return text.encode("latin-1", "replace").decode("latin-1")


def checkbox_cross(size: float) -> str:
    i = size * 0.2
    return (f"q 0 g 0 G 1.3 w 1 J {i:.2f} {i:.2f} m {size - i:.2f} {size - i:.2f} l S "
            f"{i:.2f} {size - i:.2f} m {size - i:.2f} {i:.2f} l S Q")


def fit_value(text: str, w: float, h: float, *, max_size: float,
              lines: int = 1) -> tuple[float, list[str]]:
    """Font size (points) and lines that show ``text`` inside a w x h (points) text area.

    One line shrinks first (down to SINGLE_LINE_MIN); then the text wraps at
    the largest size whose lines fit the height (down to MIN_VALUE_SIZE); what
    still does not fit is cut with an ellipsis. Multi-line boxes wrap before
    they shrink.
    """
    per_point = stringWidth(text, _VALUE_FONT, 1) or 1.0
    one_line = min(max_size, h / 1.15, w / per_point)
    if lines == 1 and one_line >= SINGLE_LINE_MIN:
        return _floor(one_line), [text]
    size = _floor(min(max_size, h / 1.15))
    while True:
        capacity = max(1, int(h // (size * 1.15)))
        wrapped = _wrap(text, size, w)
        if len(wrapped) <= capacity:
            return size, wrapped
        if size <= MIN_VALUE_SIZE:
            break
        size = max(MIN_VALUE_SIZE, size - 0.5)
    shown = wrapped[:capacity]
    last = shown[-1]
    while last and stringWidth(last + "...", _VALUE_FONT, size) > w:
        last = last[:-1]
    shown[-1] = last.rstrip() + "..."
    return size, shown


def _wrap(text: str, size: float, w: float) -> list[str]:
    """Word wrap; a word wider than the box is broken between characters."""
    lines = []
    for line in simpleSplit(text, _VALUE_FONT, size, w) or [""]:
        while stringWidth(line, _VALUE_FONT, size) > w and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], _VALUE_FONT, size) > w:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def _floor(size: float) -> float:
    return int(size * 4) / 4


def value_appearance(value: str, w: float, h: float, *, font_key: str, max_size: float,
                     lines: int = 1, comb: int = 0, top_align: bool = False) -> str:
    """Appearance stream (points, box origin) showing ``value`` inside a w x h box.

    Drawing is clipped to the box as well, so nothing ever shows outside it.
    """
    text = _ascii_for_ap(" ".join(value.split()))
    if comb:
        cell = w / comb
        size = min(max_size, cell * 0.9, h * 0.6)
        parts = []
        for i, ch in enumerate(text[:comb]):
            cx = i * cell + (cell - stringWidth(ch, _VALUE_FONT, size)) / 2
            parts.append(f"1 0 0 1 {cx:.2f} {h / 2 - size * 0.35:.2f} Tm ({escPDF(ch)}) Tj")
        body = " ".join(parts)
        return f"/Tx BMC q BT /{font_key} {size:.2f} Tf 0 g {body} ET Q EMC"
    pad_x, pad_y = 2.0, 1.0
    # A multi-line box's first line keeps clear of the top border: a reader cuts a margin
    # inside the border, and capitals that touch it come back cropped.
    pad_top = WRAPPED_TOP_PAD if lines > 1 else pad_y
    size, shown = fit_value(text, w - 2 * pad_x, h - pad_top - pad_y, max_size=max_size,
                            lines=lines)
    leading = size * 1.15
    if len(shown) > 1 or top_align:
        top = h - pad_top - size * 0.85  # baseline of the first line
    else:
        top = h / 2 - size * 0.35
    parts = [f"1 0 0 1 {pad_x:.2f} {top - i * leading:.2f} Tm ({escPDF(line)}) Tj"
             for i, line in enumerate(shown)]
    return (f"/Tx BMC q {pad_y:.2f} {pad_y:.2f} {w - 2 * pad_y:.2f} {h - 2 * pad_y:.2f} re W n "
            f"BT /{font_key} {size:.2f} Tf 0 g {' '.join(parts)} ET Q EMC")
