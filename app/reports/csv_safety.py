"""Neutralising spreadsheet formulas in CSV cells ("CSV injection") for every CSV the app writes."""

from __future__ import annotations

from typing import Final

#: A cell starting with one of these is a formula to Excel and LibreOffice: text typed by a
#: technician or a customer (a ticket subject, an item label) must not run in the reader's
#: spreadsheet. Tab and CR count too: Excel skips them and then reads the formula.
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """`text`, with a leading apostrophe when a spreadsheet would read it as a formula.

    The apostrophe is what a user types in Excel to force text, and it stays visible in other
    readers, so the neutralised cell cannot be mistaken for the original.
    """
    return "'" + text if text.startswith(FORMULA_START) else text
