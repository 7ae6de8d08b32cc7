"""The second line recognizer reads rendered lines of card text as they are printed."""
from PIL import Image, ImageDraw, ImageFont

from ocr import textline

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _line(text: str, size: int = 28) -> Image.Image:
    font = ImageFont.truetype(FONT, size)
    left, top, right, bottom = font.getbbox(text)
    img = Image.new("RGB", (right + 24, bottom + 16), "white")
    ImageDraw.Draw(img).text((12, 8), text, font=font, fill="black")
    return img


def test_installed():
    assert textline.available()


def test_reads_a_nik_and_a_name():
    nik = textline.read_line(_line("6201050602010004"))
    assert nik.text == "6201050602010004" and nik.score > 0.9
    name = textline.read_line(_line("ASPIANNOR RAHMAN"))
    assert name.text == "ASPIANNOR RAHMAN" and name.score > 0.9


def test_blank_and_tiny_crops():
    assert textline.read_line(Image.new("RGB", (300, 40), "white")).text == ""
    assert textline.read_line(Image.new("L", (4, 4), 255)) is None
