"""What a decryption did: train, key, files with sizes and SHA-256, and each check's outcome."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from desktop_app.core.keys.fingerprint import group_fingerprint
from desktop_app.core.protocol.verification import Check
from desktop_app.core.results.safe_text import printable


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the output folder
    size: int
    sha256: str
    decrypted_from: str | None = None  # for Paillier plaintexts: the .he.json they came from


@dataclass
class DecryptionReport:
    archive: str
    train_id: str
    key_name: str
    key_fingerprint: str
    output: str
    verified: bool = False  # True only when verification ran and every check held
    verification_skipped: bool = False
    signed_by: list[str] = field(default_factory=list)
    # station -> fingerprint of the key its signature was checked with. The keys come from the
    # archive itself: compare them with the central API's station list to trust them.
    station_keys: dict[str, str] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    files: list[FileEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.verification_skipped:
            return "UNVERIFIED (verification skipped with --no-verify)"
        return "verified" if self.verified else "VERIFICATION FAILED"

    def to_json(self) -> dict:
        doc = asdict(self)
        doc["checks"] = [check.to_json() for check in self.checks]
        doc["status"] = self.status
        return doc

    def to_json_text(self) -> str:
        return json.dumps(self.to_json(), indent=2)

    def to_text(self) -> str:
        """For a terminal: every value that came from the archive is shown escaped (`printable`)."""
        lines = [
            f"Train:   {printable(self.train_id) or '(no id)'}",
            f"Key:     {self.key_name} ({group_fingerprint(self.key_fingerprint)})",
            f"Signed:  {printable(', '.join(self.signed_by)) or 'no station'}",
            f"Status:  {self.status}",
        ]
        if self.verification_skipped and self.checks:
            lines.append("  (checks for information only: not enforced with --no-verify)")
        lines += [f"  [{'ok' if c.passed else 'FAILED'}] {c.name}: {printable(c.detail)}" for c in self.checks]
        lines.append(f"Output:  {self.output}")
        for entry in self.files:
            origin = f"  (from {printable(entry.decrypted_from)})" if entry.decrypted_from else ""
            lines.append(f"  {entry.size:>12}  {entry.sha256}  {printable(entry.path)}{origin}")
        lines += [
            f"Station key: {printable(name)} {group_fingerprint(fp)}" for name, fp in self.station_keys.items()
        ]
        lines += [f"Note: {printable(note)}" for note in self.notes]
        return "\n".join(lines)
