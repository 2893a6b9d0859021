"""Lint-style checks over app/views: user-visible literals go through tr(), in a way lupdate sees.

An AST scan, no Qt: it finds string literals handed straight to widgets (labels, buttons, message
boxes, window titles, tool tips…) instead of through `self.tr()` / a translate helper, and calls
whose context lupdate files differently from what Qt looks up at run time.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "app" / "views"

#: Constructors whose first argument is shown to the user.
WIDGETS = frozenset({"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction"})
#: Methods whose first argument is shown to the user.
SETTERS = frozenset(
    {"setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "addMenu", "setTitle"}
)
#: QMessageBox static functions: (parent, title, text, …).
MESSAGE_BOXES = frozenset({"information", "warning", "critical", "question", "about"})

#: Literals that may be shown as they are: (file relative to app/views, text) → why.
ALLOWED: dict[tuple[str, str], str] = {
    ("onboarding/section_editor.py", "Europe/Brussels"): "an IANA zone name, the same everywhere",
    ("sla/policy_levels.py", "-30 min, 0, +1 h"): "the offset syntax the parser accepts as typed",
    ("workflow_screenshots.py", "outlook"): "demo data typed into the screenshots",
    ("workflow_screenshots.py", "Outlook freezes when docked"): "demo data for the screenshots",
}


def _literal(node: ast.expr) -> str | None:
    """The text of a string literal or f-string that a translator should have seen, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    else:
        return None
    # Nothing to translate: "", "…", "→", "0", "%", HTML tags around a placeholder only.
    plain = re.sub(r"<[^>]*>", "", text)
    return text if re.search(r"[^\W\d_]", plain) else None


def _shown_arguments(call: ast.Call) -> Iterator[ast.expr]:
    func = call.func
    if isinstance(func, ast.Name) and func.id in WIDGETS and call.args:
        yield call.args[0]
    elif isinstance(func, ast.Attribute):
        if func.attr in SETTERS and call.args:
            yield call.args[0]
        elif func.attr == "addTab" and len(call.args) >= 2:
            yield call.args[1]
        elif (
            func.attr in MESSAGE_BOXES
            and isinstance(func.value, ast.Name)
            and func.value.id == "QMessageBox"
        ):
            yield from call.args[1:3]


def _view_files() -> list[Path]:
    return sorted(p for p in VIEWS.rglob("*.py") if p.name != "resources_rc.py")


def untranslated_literals() -> list[str]:
    """ "file:line: text" for each literal shown without tr(), minus `ALLOWED`."""
    found = []
    for path in _view_files():
        rel = path.relative_to(VIEWS).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for arg in _shown_arguments(node):
                text = _literal(arg)
                if text is not None and (rel, text) not in ALLOWED:
                    found.append(f"{rel}:{arg.lineno}: {text!r}")
    return found


def mismatched_contexts() -> list[str]:
    """Calls lupdate files under another context than the one Qt asks for at run time.

    `obj.tr("…")` is filed under "obj" but looked up under obj's class; `partial(translate, …)`
    and `tr = QCoreApplication.translate` aliases hide the context from lupdate. (`tr = obj.tr`
    then `tr("…")` is fine: filed under the empty context, which the app's translator falls
    back to.)
    """
    found = []
    for path in _view_files():
        rel = path.relative_to(VIEWS).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
            ):
                found.append(f"{rel}:{node.lineno}: {ast.unparse(node.func)}(…)")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "partial"
                and "translate" in ast.unparse(node)
            ):
                found.append(f"{rel}:{node.lineno}: partial(translate, …)")
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "translate"
            ):
                found.append(f"{rel}:{node.lineno}: alias of {ast.unparse(node.value)}")
    return found


def translate_helpers() -> set[str]:
    """Names of module-level functions that wrap `QCoreApplication.translate(ctx, text)`."""
    names = set()
    for path in _view_files():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and len(node.body) == 1
                and isinstance(node.body[0], ast.Return)
                and isinstance(node.body[0].value, ast.Call)
                and ast.unparse(node.body[0].value.func) == "QCoreApplication.translate"
            ):
                names.add(node.name)
    return names


def test_shown_literals_go_through_tr() -> None:
    found = untranslated_literals()
    assert not found, "wrap these in self.tr() (or add them to ALLOWED with a reason):\n" + (
        "\n".join(found)
    )


def test_lupdate_sees_the_runtime_context() -> None:
    found = mismatched_contexts()
    assert not found, "lupdate would file these under the wrong context:\n" + "\n".join(found)


def test_every_translate_helper_is_known_to_lupdate() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^TR_ALIASES := (.+)$", makefile, re.MULTILINE)
    assert match, "Makefile: TR_ALIASES is missing"
    aliases = {alias.split("+=")[1] for alias in match[1].split(",")}
    # A helper lupdate does not know is invisible to it: its strings never reach the .ts.
    assert translate_helpers() - {"tr"} <= aliases


def test_the_scan_finds_what_it_looks_for() -> None:
    # The scan itself must not be blind: each kind of mistake it reports, in a snippet.
    source = (
        "QLabel('Name')\nw.setToolTip(f'Open {x}')\nQMessageBox.warning(self, 'Oops', t)\n"
        "tabs.addTab(page, 'General')\nQLabel(self.tr('Fine'))\nQLabel('…')\n"
    )
    shown = [
        _literal(arg)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        for arg in _shown_arguments(node)
    ]
    assert [text for text in shown if text] == ["Name", "Open ", "Oops", "General"]
