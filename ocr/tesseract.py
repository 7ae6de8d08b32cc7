"""The one place that calls Tesseract (the loaded tesserocr engine or the command, via pytesseract).

The version and the installed languages are probed once per process; a missing
program or language data raises :class:`TesseractMissing` naming what is missing and
the command that installs it (:func:`check_ready` does this up front, for all a
command will need). When tesserocr (the C API binding) is installed, every reading
and orientation detection use an engine kept loaded per process and language:
starting a Tesseract process and loading its model for every small box costs far
more than reading it. ``FORMGEN_TESSERACT=cli`` in the environment
(or ``loaded=False``) reads with the ``tesseract`` command instead, the system's
own build, to compare the two when a reading looks wrong.
"""
from __future__ import annotations

import functools
import os
import shlex
import threading
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image

try:
    import tesserocr
except ImportError:  # the command-line path below still works
    tesserocr = None

INSTALL_HINT = "sudo apt-get install tesseract-ocr tesseract-ocr-ind"
# Debian/Ubuntu package of a language's data ("osd": orientation and script detection).
_LANGUAGE_PACKAGE = "tesseract-ocr-{}"
# The languages the page readers use (the KTP's digits read best with "eng").
READER_LANGUAGES = ("ind", "eng")
MIN_VERSION = 4
_ASSUMED_DPI = 96
_ENGINE_LOCK = threading.Lock()  # a loaded engine reads one image at a time
# Pages are read in parallel processes; Tesseract's own threads would only contend.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
LOADED_BY_DEFAULT = os.environ.get("FORMGEN_TESSERACT", "").strip().lower() != "cli"


class TesseractMissing(RuntimeError):
    """Tesseract or its language data is not installed.

    ``missing`` is ``"program"``, ``"too_old"`` or ``"language"``; ``languages`` the
    language codes missing (``"ind"``, ``"osd"``); ``install`` the command that fixes it.
    """

    def __init__(self, message: str, *, missing: str, install: str,
                 languages: tuple[str, ...] = (), version: str | None = None):
        super().__init__(message)
        self.missing = missing
        self.install = install
        self.languages = languages
        self.version = version


def _missing_languages(codes: list[str]) -> TesseractMissing:
    install = "sudo apt-get install " + " ".join(_LANGUAGE_PACKAGE.format(c) for c in codes)
    return TesseractMissing(f"Tesseract language data {', '.join(codes)} missing; "
                            f"install it: {install}", missing="language", install=install,
                            languages=tuple(codes))


@functools.lru_cache(maxsize=1)
def probe() -> tuple[str, frozenset[str]]:
    """Return (version, languages) of the ``tesseract`` command; raise TesseractMissing."""
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise TesseractMissing(f"Tesseract not found; install it: {INSTALL_HINT}",
                               missing="program", install=INSTALL_HINT) from exc
    major = int(version.split(".")[0]) if version[:1].isdigit() else 0
    if major < MIN_VERSION:
        raise TesseractMissing(
            f"Tesseract {version} is too old (need {MIN_VERSION}+): {INSTALL_HINT}",
            missing="too_old", install=INSTALL_HINT, version=version)
    return version, languages


def _check_lang(lang: str) -> None:
    _, languages = probe()
    missing = [code for code in lang.split("+") if code not in languages]
    if missing:
        raise _missing_languages(missing)


def check_ready(langs: tuple[str, ...] = READER_LANGUAGES, *, osd: bool = True,
                command: bool = False) -> None:
    """Raise TesseractMissing unless pages can be read in ``langs`` (and turned by OSD).

    Checks the way readings will actually go: the loaded engine when it can be made,
    else the ``tesseract`` command (``command=True``: the command is needed anyway).
    Cached per process, so calling it when every command starts costs little.
    """
    needed = [*langs, "osd"] if osd else list(langs)
    path = _tessdata() if tesserocr is not None else None
    if not command and LOADED_BY_DEFAULT and path is not None and all(
            Path(path, f"{code}.traineddata").is_file() for code in needed):
        return  # the engines load when first read with (in the workers, not here)
    _, languages = probe()
    missing = [code for code in needed if code not in languages]
    if missing:
        raise _missing_languages(missing)


def _config(psm: int, whitelist: str | None, invert: bool = True,
            vertical: bool = True) -> str:
    parts = [f"--psm {psm}", "--oem 1"]
    if whitelist:
        parts.append("-c " + shlex.quote(f"tessedit_char_whitelist={whitelist}"))
    if not invert:
        parts.append("-c tessedit_do_invert=0")
    if not vertical:
        parts.append("-c textord_tabfind_vertical_text=0")
    return " ".join(parts)


def _as_image(img) -> Image.Image:
    return Image.fromarray(img) if isinstance(img, np.ndarray) else img


def _tessdata() -> str | None:
    """The folder of the system's language data (the binding's own default may be empty).

    ``TESSDATA_PREFIX``, when set, is the only folder looked at, as for the command.
    """
    prefix = os.environ.get("TESSDATA_PREFIX")
    roots = (prefix,) if prefix else (
        "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata", "/usr/local/share/tessdata")
    for root in roots:
        if Path(root, "ind.traineddata").is_file():
            return root
    return None


@functools.lru_cache(maxsize=4)
def _engine(lang: str):
    """The loaded engine of one language, or None when the binding is unusable.

    One per language and process: each holds its model in memory, so the page
    segmentation mode and the whitelist are set for every reading instead.
    """
    if tesserocr is None:
        return None
    path = _tessdata()
    if path is None or not all(Path(path, f"{code}.traineddata").is_file()
                               for code in lang.split("+")):
        return None
    try:
        return tesserocr.PyTessBaseAPI(path=path, lang=lang, oem=tesserocr.OEM.LSTM_ONLY)
    except RuntimeError:
        return None


def warm_up(langs: tuple[str, ...] = ("ind", "eng")) -> None:
    """Load the engines of ``langs`` now (a worker's start) rather than on its first page."""
    for lang in langs:
        _engine(lang)


def _set_image(api, img) -> None:
    """Hand the engine the pixels as they are (a grey or RGB array; no file encoding).

    The resolution is given as the command line sees an image without one (96 dpi, as
    the PNG and BMP writers record it), so both paths read alike.
    """
    arr = np.ascontiguousarray(np.asarray(img.convert("L") if isinstance(img, Image.Image)
                                          and img.mode not in ("L", "RGB") else img))
    if arr.dtype != np.uint8:
        arr = np.clip(arr, 0, 255).astype(np.uint8)
    depth = 1 if arr.ndim == 2 else arr.shape[2]
    api.SetImageBytes(arr.tobytes(), arr.shape[1], arr.shape[0], depth, arr.shape[1] * depth)
    api.SetSourceResolution(_ASSUMED_DPI)


def _words_from_engine(api, image) -> list[dict]:
    _set_image(api, image)
    api.Recognize()
    words = []
    block = par = line = 0
    it = api.GetIterator()
    if it is None:
        return words
    level = tesserocr.RIL.WORD
    for w in tesserocr.iterate_level(it, level):
        if w.IsAtBeginningOf(tesserocr.RIL.BLOCK):
            block, par, line = block + 1, 0, 0
        if w.IsAtBeginningOf(tesserocr.RIL.PARA):
            par, line = par + 1, 0
        if w.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            line += 1
        try:
            text = w.GetUTF8Text(level)
        except RuntimeError:  # nothing recognised here
            continue
        conf = float(w.Confidence(level))
        if conf < 0 or not text.strip():
            continue
        x0, y0, x1, y1 = w.BoundingBox(level)
        words.append({"text": text.strip(), "conf": conf, "left": x0, "top": y0,
                      "width": x1 - x0, "height": y1 - y0, "block": block, "par": par,
                      "line": line})
    return words


def ocr_data(img, *, psm: int, whitelist: str | None = None, lang: str = "ind",
             loaded: bool | None = None, invert: bool = True,
             vertical: bool = True) -> list[dict]:
    """Words with their boxes: dicts with text, conf (0-100), left, top, width, height,
    block, par, line. ``loaded``: read with the in-process engine when available
    (default: unless ``FORMGEN_TESSERACT=cli``). ``invert=False``: a line read unsurely is
    not read again as light print on dark (a quarter of a busy page's time; for paper
    that carries no such print). ``vertical=False``: lines standing on end are not read
    as such; where most of a page's lines stand on end, Tesseract otherwise reads the
    whole page turned, the few upright lines (a card lying across a document copied
    standing) read sideways as garbage."""
    _check_lang(lang)
    if loaded is None:
        loaded = LOADED_BY_DEFAULT
    api = _engine(lang) if loaded else None
    if api is not None:
        with _ENGINE_LOCK:
            api.SetPageSegMode(psm)
            api.SetVariable("tessedit_char_whitelist", whitelist or "")
            api.SetVariable("tessedit_do_invert", "1" if invert else "0")
            api.SetVariable("textord_tabfind_vertical_text", "1" if vertical else "0")
            return _words_from_engine(api, img)
    raw = pytesseract.image_to_data(_as_image(img), lang=lang,
                                    config=_config(psm, whitelist, invert, vertical),
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


def ocr_text(img, *, psm: int, whitelist: str | None = None, lang: str = "ind",
             loaded: bool | None = None) -> tuple[str, float]:
    """Text (lines joined by newlines) and the mean word confidence in 0..1 (0 when no word)."""
    words = ocr_data(img, psm=psm, whitelist=whitelist, lang=lang, loaded=loaded)
    if not words:
        return "", 0.0
    return join_lines(words), float(np.mean([w["conf"] for w in words])) / 100.0


@functools.lru_cache(maxsize=1)
def _osd_engine():
    if tesserocr is None or _tessdata() is None:
        return None
    if not Path(_tessdata(), "osd.traineddata").is_file():
        return None
    try:
        return tesserocr.PyTessBaseAPI(path=_tessdata(), lang="osd",
                                       psm=tesserocr.PSM.OSD_ONLY)
    except RuntimeError:
        return None


def orientation(img, *, dpi: float) -> tuple[int, float] | None:
    """Tesseract OSD: (counter-clockwise correction in degrees, confidence), None when it
    cannot tell (near-blank pages, photos)."""
    api = _osd_engine() if LOADED_BY_DEFAULT else None
    if api is not None:
        with _ENGINE_LOCK:
            _set_image(api, img)
            api.SetSourceResolution(int(dpi))
            result = api.DetectOrientationScript()
        if not result:
            return None
        return int(result["orient_deg"]) % 360, float(result["orient_conf"])
    try:
        result = pytesseract.image_to_osd(_as_image(img), config=f"--psm 0 --dpi {int(dpi)}",
                                          output_type=pytesseract.Output.DICT, timeout=20)
    except (pytesseract.TesseractError, RuntimeError):
        return None
    # Tesseract's "rotate" is the clockwise turn that corrects the page.
    return (360 - int(result["rotate"])) % 360, float(result["orientation_conf"])
