"""Writing unpacked results into the folder a user chose: all or nothing.

Everything is written into a staging folder beside the output (same file system); only when
the job has finished is it moved in, by one rename if the output is new. On any failure or
cancel the staging folder and the parent folders this job created are removed, and the
output folder is as it was. Used by decrypted PHT results and FLAME result buckets alike.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from desktop_app.core.errors import PHTError, Remedy
from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken, human_size
from desktop_app.core.results.errors import OutputNotEmpty


class OutputWriteError(PHTError):
    """The output cannot be written (full disk, permissions)."""


def check_output(output: Path, force: bool) -> None:
    """The output is a new folder or an empty one (any folder with `force`)."""
    if output.exists() and not output.is_dir():
        raise OutputNotEmpty(_("The output {output} exists and is not a folder.").format(output=output))
    try:
        occupied = output.is_dir() and any(output.iterdir())
    except OSError as exc:
        raise OutputWriteError(
            _("The output folder {output} cannot be read ({reason}).").format(output=output, reason=exc.strerror or exc)
        ) from exc
    if occupied and not force:
        raise OutputNotEmpty(
            _("The output folder {output} is not empty.").format(output=output), remedy=Remedy.NEEDS_FORCE
        )


def check_targets(output: Path, names: list[str]) -> None:
    """Before moving anything: no result may land on a folder, need a folder where a file is, or
    go through a symbolic link inside the output folder (it would write wherever the link points)."""
    for name in names:
        target = output / name
        for folder in list(PurePosixPath(name).parents)[-2::-1]:  # "a", then "a/b", for "a/b/c.txt"
            if (output / folder).is_symlink():
                raise OutputNotEmpty(
                    _(
                        "The output folder holds a symbolic link {folder} where {name} goes; results are "
                        "never written through a link, so nothing was moved."
                    ).format(folder=folder, name=name)
                )
        if target.is_dir():
            raise OutputNotEmpty(
                _("The output folder already holds a folder where {name} goes; nothing was moved.").format(name=name)
            )
        for parent in target.relative_to(output).parents:
            if (output / parent).exists() and not (output / parent).is_dir():
                raise OutputNotEmpty(
                    _(
                        "The output folder already holds a file {parent} where a folder is needed; nothing was moved."
                    ).format(parent=parent)
                )


class StagedOutput:
    """The staging folder of one job, and the move of its files into the output."""

    def __init__(self, folder: Path, output: Path) -> None:
        self.folder = folder
        self.output = output
        self.moved = False

    def move_in(self, names: list[str], cancel: CancelToken | None = None) -> None:
        """The commit point: from here on the finished results are written in full."""
        if cancel:
            cancel.commit(_("the results were already written to {output}.").format(output=self.output))
        if not self.output.exists():
            os.replace(self.folder, self.output)  # one rename: the folder appears complete or not at all
        else:
            check_targets(self.output, names)
            for name in names:
                target = self.output / name
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.folder / name, target)
        self.moved = True


@contextlib.contextmanager
def staged_output(output: Path, needed: int, prefix: str) -> Iterator[StagedOutput]:
    """A staging folder for up to `needed` bytes of results bound for `output`; an OSError
    inside (a full disk, a permission) becomes a sentence, and nothing is left behind."""
    try:
        created = _make_parents(output.parent)
        staged = StagedOutput(Path(tempfile.mkdtemp(prefix=prefix, dir=output.parent)), output)
    except OSError as exc:
        raise OutputWriteError(
            _("The output folder {output} cannot be created ({reason}).").format(
                output=output, reason=exc.strerror or exc
            )
        ) from exc
    try:
        _check_free_space(staged.folder, needed, output)
        yield staged
    except OSError as exc:
        raise OutputWriteError(
            _("Writing the results failed ({reason}); nothing was left in {output}.").format(
                reason=exc.strerror or exc, output=output
            )
        ) from exc
    finally:
        shutil.rmtree(staged.folder, ignore_errors=True)
        if not staged.moved:
            for folder in created:  # deepest first; folders this job made and left empty
                with contextlib.suppress(OSError):
                    folder.rmdir()


def _check_free_space(staging: Path, needed: int, output: Path) -> None:
    """The declared sizes bound what is written: refuse before writing what cannot fit
    (a gzip archive declaring gigabytes would otherwise fill the disk, then fail)."""
    free = shutil.disk_usage(staging).free
    if needed > free:
        raise OutputWriteError(
            _(
                "The results need up to {needed} but only {free} is free where "
                "{output} goes; nothing was written. Free some space or choose another folder."
            ).format(needed=human_size(needed), free=human_size(free), output=output)
        )


def _make_parents(folder: Path) -> list[Path]:
    """mkdir -p that returns the folders it created, deepest first (to undo on failure)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing
