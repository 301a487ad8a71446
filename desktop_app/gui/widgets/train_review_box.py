"""Sign a train knowingly: its files and sizes, the recomputed hash next to the server's, and
a Sign button that exists only for a match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.core.central.train_review import TrainReview
from desktop_app.core.keystore import KeyInfo
from desktop_app.core.progress import human_size
from desktop_app.gui.appearance import ERROR, OK, set_tone


class TrainReviewBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review and sign"))
        self.review: TrainReview | None = None
        # Plain text throughout: file names come from the server, and markup in one must not
        # hide the files after it from the person about to sign.
        self.files = QLabel(wordWrap=True)
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        self.files.setAccessibleName(self.tr("The train's files"))
        self.hashes = QLabel(wordWrap=True)
        self.hashes.setTextFormat(Qt.TextFormat.PlainText)
        self.hashes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.verdict = QLabel(wordWrap=True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.key_choice = QComboBox()
        self.key_choice.setAccessibleName(self.tr("Signing key"))
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Key passphrase"))
        self.sign_button = QPushButton(self.tr("Sign and s&ubmit"))
        form = QFormLayout(self)
        form.addRow(self.tr("Files:"), self.files)
        form.addRow(self.tr("Hashes:"), self.hashes)
        form.addRow("", self.verdict)
        form.addRow(self.tr("&Key:"), self.key_choice)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.sign_button)
        self.show_review(None)

    def set_keys(self, keys: list[KeyInfo]) -> None:
        self.key_choice.clear()
        for info in keys:
            if info.is_rsa:
                self.key_choice.addItem(f"{info.name} — {info.grouped_fingerprint[:19]}…", info.name)

    def show_review(self, review: TrainReview | None) -> None:
        self.review = review
        self.setVisible(review is not None)
        if review is None:
            return
        self.files.setText("\n".join(f"{path} ({human_size(size)})" for path, size in review.files) or self.tr("none"))
        self.hashes.setText(
            self.tr("server:     {server}…\nrecomputed: {computed}…").format(
                server=review.server_hash[:64], computed=review.computed_hash[:64]
            )
        )
        if review.matches:
            self.verdict.setText(self.tr("The train's files hash to exactly what the server shows: you may sign it."))
            set_tone(self.verdict, OK)
        else:
            problem = review.problem or self.tr("the files do not hash to what the server shows.")
            self.verdict.setText(self.tr("Do not sign: {problem}").format(problem=problem))
            set_tone(self.verdict, ERROR)
        self.sign_button.setEnabled(review.matches and self.key_choice.count() > 0)
