"""A word-wrapped label that is never squeezed below the height its lines need.

A wrapped QLabel asks its layout for height-for-width, which a QSplitter and a scroll area's
widget do not pass on: in a crowded column (the Station tab) the label was given the height of
one or two lines and the rest was cut off, mid-line, at 100 % and worse at 200 % scaling. This
label states the height it needs at its current width as its minimum, and asks again whenever
its width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel


class WrappingLabel(QLabel):
    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.width() > 0:
            return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width: the layout asks minimumSizeHint again
