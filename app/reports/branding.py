"""Checking an MSP logo before it is stored or printed: a PNG, JPEG or GIF of sane size."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Final

from PIL import Image, UnidentifiedImageError

MAX_LOGO_BYTES: Final = 2 * 1024 * 1024
#: A cover logo prints a few centimetres wide: 4000 × 4000 is plenty.
MAX_LOGO_PIXELS: Final = 16_000_000
_FORMATS: Final = frozenset({"PNG", "JPEG", "GIF"})


class LogoError(ValueError):
    """The logo cannot be used; `str()` is one line for the CLI and the GUI."""


def check_logo(data: bytes, name: str = "The logo") -> bytes:
    """Return `data` when it is a usable image, else raise `LogoError`."""
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(f"{name} is larger than {MAX_LOGO_BYTES // (1024 * 1024)} MB.")
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its pixel limit: make that a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
                kind = image.format
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LogoError(f"{name} has too many pixels for a logo.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise LogoError(f"{name} is not an image (use a PNG or JPEG file).") from None
    if width * height > MAX_LOGO_PIXELS:
        raise LogoError(f"{name} has too many pixels for a logo ({width} × {height}).")
    if kind not in _FORMATS:
        raise LogoError(f"{name} is a {kind} image: use a PNG or JPEG file.")
    return data


def read_logo(path: Path) -> bytes:
    """Read and check a logo file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LogoError(f"Cannot read the logo {path}: {exc.strerror or exc}.") from None
    return check_logo(data, f"The logo {path.name}")
