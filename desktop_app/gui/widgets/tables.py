"""The read-only, row-selecting tables the tabs list things in."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def row_table(columns: tuple[str, ...], stretch_column: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    # Tab leaves the table (rows are chosen with the arrow keys) and Ctrl+Tab reaches the tab widget:
    # with Qt's default, Tab walks cell by cell and Ctrl+Tab is swallowed, a trap for keyboard users.
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table
