"""Reading a KTP-el (Indonesian ID card) from a photocopy page or a photo of the card.

The modules, in the order a page goes through them: cards (find the cards, stand each
upright by its photo), clean (remove the security background), labels (read the field
block by its labels), nikread (the NIK by voting digit readings), reading (the result
and its findings), read (the whole of it).
"""
from ocr.ktp.cards import Card, find_cards
from ocr.ktp.read import MIN_PRINT_SHARE, print_share, read_card, read_ktp
from ocr.ktp.reading import KtpReading

__all__ = ["MIN_PRINT_SHARE", "Card", "KtpReading", "find_cards", "print_share", "read_card",
           "read_ktp"]
