"""The one place that calls Tesseract (through pytesseract).

The version and the installed languages are probed once per process; a missing
binary or missing ``ind`` data raises :class:`TesseractMissing` with the command
that installs it.
"""
from __future__ import annotations

import functools
import os
import shlex

import numpy as np
import pytesseract
from PIL import Image

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-ind"
MIN_VERSION = 4
# Pages are read in parallel processes; Tesseract's own threads would only contend.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class TesseractMissing(RuntimeError):
    """Tesseract or its language data is not installed."""


@functools.lru_cache(maxsize=1)
def probe() -> tuple[str, frozenset[str]]:
    """Return (version, languages); raise TesseractMissing when unusable."""
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise TesseractMissing(f"Tesseract not found; install it: {INSTALL_HINT}") from exc
    major = int(version.split(".")[0]) if version[:1].isdigit() else 0
    if major < MIN_VERSION:
        raise TesseractMissing(
            f"Tesseract {version} is too old (need {MIN_VERSION}+): {INSTALL_HINT}")
    return version, languages


def _check_lang(lang: str) -> None:
    _, languages = probe()
    missing = [code for code in lang.split("+") if code not in languages]
    if missing:
        raise TesseractMissing(
            f"Tesseract language data {', '.join(missing)} missing; install it: {INSTALL_HINT}")


def _config(psm: int, whitelist: str | None) -> str:
    parts = [f"--psm {psm}", "--oem 1"]
    if whitelist:
        parts.append("-c " + shlex.quote(f"tessedit_char_whitelist={whitelist}"))
    return " ".join(parts)


def _as_image(img) -> Image.Image:
    return Image.fromarray(img) if isinstance(img, np.ndarray) else img


def ocr_data(img, *, psm: int, whitelist: str | None = None, lang: str = "ind") -> list[dict]:
    """Words with their boxes: dicts with text, conf (0-100), left, top, width, height,
    block, par, line."""
    _check_lang(lang)
    raw = pytesseract.image_to_data(_as_image(img), lang=lang, config=_config(psm, whitelist),
                                    output_type=pytesseract.Output.DICT)
    words = []
    for i, text in enumerate(raw["text"]):
        conf = float(raw["conf"][i])
        if conf < 0 or not text.strip():
            continue
        words.append({"text": text.strip(), "conf": conf, "left": raw["left"][i],
                      "top": raw["top"][i], "width": raw["width"][i],
                      "height": raw["height"][i], "block": raw["block_num"][i],
                      "par": raw["par_num"][i], "line": raw["line_num"][i]})
    return words


def join_lines(words: list[dict]) -> str:
    """Words from :func:`ocr_data` joined by spaces within a line and newlines between lines."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for w in words:
        lines.setdefault((w["block"], w["par"], w["line"]), []).append(w["text"])
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))


def ocr_text(img, *, psm: int, whitelist: str | None = None,
             lang: str = "ind") -> tuple[str, float]:
    """Text (lines joined by newlines) and the mean word confidence in 0..1 (0 when no word)."""
    words = ocr_data(img, psm=psm, whitelist=whitelist, lang=lang)
    if not words:
        return "", 0.0
    return join_lines(words), float(np.mean([w["conf"] for w in words])) / 100.0
