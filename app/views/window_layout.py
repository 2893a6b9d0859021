"""Remembered geometry of the main window: its size, the side-bar splitter and queue columns."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from app.settings import UiState

DEFAULT_SIZE = (1280, 780)


def restore_main_layout(
    window: QMainWindow, splitter: QSplitter, header: QHeaderView, state: UiState
) -> None:
    """Apply what `save_main_layout` kept, or the default size on first start."""
    if state.main_window_geometry:
        window.restoreGeometry(state.main_window_geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    if state.main_splitter_state:
        splitter.restoreState(state.main_splitter_state)
    if state.queue_header_state:
        header.restoreState(state.queue_header_state)


def save_main_layout(
    window: QMainWindow, splitter: QSplitter, header: QHeaderView, state: UiState
) -> None:
    state.main_window_geometry = bytes(window.saveGeometry().data())
    state.main_splitter_state = bytes(splitter.saveState().data())
    state.queue_header_state = bytes(header.saveState().data())
