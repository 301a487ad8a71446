"""The rules an archive member's name must meet before anything is written under it.

Shared on purpose by every archive the app unpacks from outside (PHT result archives,
FLAME result buckets): absolute paths, `..`, control and format characters, names no file
system stores, duplicates and names a disk would take for one another are all refused.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath

from desktop_app.core.i18n import _
from desktop_app.core.results.errors import UnsafeArchive
from desktop_app.core.results.tar_stream import TarEntry

# Linux stores 255 bytes per name; a result set nested deeper or named longer is not one.
MAX_PART_BYTES, MAX_NAME_BYTES, MAX_DEPTH = 255, 1024, 64
# Characters a name must not hold: controls (C0, DEL, C1 such as CSI), format characters
# (bidi overrides that show "invoice\u202efdp.exe" as "invoiceexe.pdf", zero-width ones),
# line and paragraph separators, and lone surrogates.
FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
WINDOWS = os.name == "nt"
WINDOWS_FORBIDDEN = set('<>:"|?*')
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)}


def member_name(entry: TarEntry) -> str:
    """The member's name as text (tar stores bytes); a name that is not UTF-8 is refused."""
    try:
        return entry.name.decode("utf-8")
    except UnicodeDecodeError as exc:
        shown = entry.name.decode("utf-8", "backslashreplace")
        raise UnsafeArchive(
            _("The archive holds a name that is not valid UTF-8 ({shown!r}).").format(shown=shown)
        ) from exc


def normalised_parts(raw: str, windows: bool = WINDOWS) -> tuple[str, ...]:
    """The name's folders and file name ("." dropped), or UnsafeArchive saying what is wrong."""
    if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        raise UnsafeArchive(_("The archive holds an absolute path ({raw!r}); it is refused as unsafe.").format(raw=raw))
    if "\\" in raw or any(unicodedata.category(c) in FORBIDDEN_CATEGORIES for c in raw):
        raise UnsafeArchive(_("The archive holds a member with a forbidden character ({raw!r}).").format(raw=raw))
    parts = tuple(part for part in PurePosixPath(raw).parts if part != ".")
    if ".." in parts:
        raise UnsafeArchive(
            _("The archive holds a path that leaves its folder ({raw!r}); it is refused as unsafe.").format(raw=raw)
        )
    if len(raw.encode("utf-8")) > MAX_NAME_BYTES:
        raise UnsafeArchive(
            _("The archive holds a name longer than {max_name_bytes:,} bytes ({raw!r}…).").format(
                max_name_bytes=MAX_NAME_BYTES, raw=raw[:60]
            )
        )
    if len(parts) > MAX_DEPTH:
        raise UnsafeArchive(
            _("The archive holds a file nested more than {max_depth} folders deep ({raw!r}…).").format(
                max_depth=MAX_DEPTH, raw=raw[:60]
            )
        )
    if any(len(part.encode("utf-8")) > MAX_PART_BYTES for part in parts):
        raise UnsafeArchive(
            _(
                "The archive holds a name with a part longer than {max_part_bytes} bytes ({raw!r}…), "
                "which no common file system stores."
            ).format(max_part_bytes=MAX_PART_BYTES, raw=raw[:60])
        )
    if windows:  # names Windows would reinterpret (streams, devices, dropped trailing dots)
        for part in parts:
            if (
                WINDOWS_FORBIDDEN & set(part)
                or part.endswith((".", " "))
                or part.split(".")[0].upper() in WINDOWS_DEVICES
            ):
                raise UnsafeArchive(_("The archive holds {raw!r}, a name Windows cannot store safely.").format(raw=raw))
    return parts


def same_on_disk(name: str) -> str:
    """Case-insensitive, normalising file systems (macOS, Windows) see these names as one."""
    return unicodedata.normalize("NFC", name).casefold()


def claim_name(seen: dict[str, str], name: str) -> None:
    """Add a member's name to those `seen` (keyed as a disk sees them); a name that is there
    already, or one that a disk would take for it, makes the archive ambiguous."""
    earlier = seen.get(same_on_disk(name))
    if earlier == name:
        raise UnsafeArchive(_("The archive holds {name!r} twice; it is refused as ambiguous.").format(name=name))
    if earlier is not None:
        raise UnsafeArchive(
            _(
                "The archive holds {earlier!r} and {name!r}, which differ only in letter case or "
                "accents and would overwrite each other on many systems."
            ).format(earlier=earlier, name=name)
        )
    seen[same_on_disk(name)] = name


def refuse_file_as_folder(names: Iterable[str]) -> None:
    """No file name may also be (as a disk sees it) a folder above another file."""
    names = list(names)
    files = {same_on_disk(name) for name in names}
    for name in names:
        for parent in PurePosixPath(name).parents:
            if same_on_disk(str(parent)) in files:
                raise UnsafeArchive(
                    _("The archive holds {parent!r} both as a file and as a folder.").format(parent=str(parent))
                )
