"""The report branding dialog (admins): the MSP's name and logo printed on report covers.

GUI thread only; the branding loads on the read lane and saves on the write lane. A picked
file is checked at once (`check_logo`), so a file that is not an image is refused in the
dialog with one message, and what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports.branding import MAX_LOGO_BYTES, LogoError, check_logo
from app.services.directory import TechnicianRow
from app.services.errors import ValidationError
from app.services.report_branding import MAX_NAME, BrandingSettings, ReportBrandingService
from app.tasks import Lane, TaskRunner

from app.views.reports.labels import failure_text, problem
from app.views.reports.labels import reports_tr as _t
from app.views.widgets.form_errors import ErrorLabel

#: The preview's box, in pixels; the logo is scaled to fit, keeping its aspect.
PREVIEW_W: Final = 240
PREVIEW_H: Final = 96

#: Asks for a logo file; returns its path, or "" when cancelled.
LogoChooser = Callable[[QWidget], str]


def choose_logo_file(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _t("Choose the logo"),
        "",
        _t("Images (*.png *.jpg *.jpeg *.gif)"),
    )
    return path


class BrandingDialog(QDialog):
    """Edits the branding; emits `saved` with the stored `BrandingSettings`."""

    saved = Signal(object)

    def __init__(
        self,
        branding: ReportBrandingService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
        *,
        chooser: LogoChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Report branding"))
        self.setMinimumWidth(460)
        self._branding = branding
        self._runner = runner
        self._me = me
        self._chooser = chooser or choose_logo_file
        self._version: int | None = None
        self._logo: bytes | None = None
        self._logo_name = ""
        self._build()
        self._set_busy(True)
        runner.run(
            branding.settings,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
        )

    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(_t("Your company's name, as clients know it"))
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.logo_label = QLabel()
        self.choose_button = QPushButton(_t("Choose logo…"))
        self.remove_button = QPushButton(_t("Remove logo"))
        self.choose_button.clicked.connect(self.choose_logo)
        self.remove_button.clicked.connect(self.remove_logo)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.choose_button)
        logo_buttons.addWidget(self.remove_button)
        logo_buttons.addStretch(1)
        logo_box = QVBoxLayout()
        logo_box.addWidget(self.preview)
        logo_box.addWidget(self.logo_label)
        logo_box.addLayout(logo_buttons)
        form = QFormLayout()
        form.addRow(_t("MSP name"), self.name_edit)
        form.addRow(_t("Logo"), logo_box)
        hint = QLabel(_t("Printed on the cover of every report. PNG, JPEG or GIF, up to 2 MB."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- loading -------------------------------------------------------------------------------

    def _on_loaded(self, settings: BrandingSettings) -> None:
        self._version = settings.version
        self.name_edit.setText(settings.msp_name)
        self._set_logo(settings.logo, settings.logo_name)
        self._set_busy(False)

    def _set_logo(self, logo: bytes | None, name: str) -> None:
        self._logo = logo
        self._logo_name = name if logo is not None else ""
        pixmap = QPixmap()
        if logo is not None and pixmap.loadFromData(QByteArray(logo)):
            self.preview.setPixmap(
                pixmap.scaled(
                    PREVIEW_W - 8,
                    PREVIEW_H - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.clear()
            self.preview.setText(_t("No logo") if logo is None else "")
        self.logo_label.setText(self._logo_name)
        self.remove_button.setEnabled(logo is not None)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.name_edit, self.choose_button):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self._version is not None)
        self.remove_button.setEnabled(not busy and self._logo is not None)

    # -- actions -------------------------------------------------------------------------------

    def logo(self) -> bytes | None:
        """The logo the dialog would save (None: no logo)."""
        return self._logo

    def choose_logo(self) -> None:
        """Ask for a file and take it if it is a usable image; else say why and keep the old."""
        path_text = self._chooser(self)
        if not path_text:
            return
        path = Path(path_text)
        try:
            with path.open("rb") as f:
                # One byte over the limit is enough to refuse a huge file without reading it.
                data = f.read(MAX_LOGO_BYTES + 1)
        except OSError as exc:
            self.error.show_error(_t("Cannot read {0}: {1}").format(path.name, exc.strerror or exc))
            return
        if len(data) > MAX_LOGO_BYTES:
            self.error.show_error(problem("too_large"))
            return
        try:
            check_logo(data, path.name)
        except LogoError:
            self.error.show_error(problem("not_an_image"))
            return
        self.error.clear_error()
        self._set_logo(data, path.name)

    def remove_logo(self) -> None:
        self.error.clear_error()
        self._set_logo(None, "")

    def save(self) -> None:
        if self._version is None:
            return
        self.error.clear_error()
        self._set_busy(True)
        self._runner.run(
            partial(
                self._branding.save,
                self._me.technician_id,
                self.name_edit.text(),
                self._logo,
                self._logo_name,
                expected_version=self._version,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_failed,
        )

    def _on_saved(self, settings: BrandingSettings) -> None:
        self._version = settings.version
        self._set_busy(False)
        self.saved.emit(settings)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationError):
            self.error.show_error(" ".join(problem(c) for c in error.problems.values()))
        else:
            self.error.show_error(failure_text(error))
