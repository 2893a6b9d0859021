"""A marker for English text that the core defines and the views translate (form labels, hints).

The core never imports Qt, so it cannot use `QT_TR_NOOP`; `make translations` tells lupdate that
`ui_text("…")` is one (`-tr-function-alias QT_TR_NOOP+=ui_text`), and the views pass the value
through `tr()`, which finds it in the translations' shared (empty) context.
"""

from __future__ import annotations


def ui_text(text: str) -> str:
    """`text` itself: only marks it for translation."""
    return text
