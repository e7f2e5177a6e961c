"""The backups on this server: the archives `fazhi backup` (the nightly timer, or the page's job) wrote into
var/backups/. Found by name only inside that folder: a name from a form never reaches another path."""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

NAME = re.compile(r"fazhi-[0-9]{8}-[0-9]{6}\.tar\.gz")


@dataclass(frozen=True)
class Backup:
    name: str
    size: int
    written_at: datetime.datetime

    @property
    def size_label(self) -> str:
        for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
            if self.size >= scale:
                return f"{self.size / scale:.1f} {unit}"
        return f"{self.size} 字节"


def folder() -> Path:
    return Path(settings.VAR_DIR) / "backups"


def listed() -> list[Backup]:
    """The archives, newest first (a half-written ``.part`` is not one)."""
    found = []
    if folder().is_dir():
        for path in folder().iterdir():
            if NAME.fullmatch(path.name) and path.is_file():
                stat = path.stat()
                written = datetime.datetime.fromtimestamp(stat.st_mtime, tz=datetime.UTC)
                found.append(Backup(path.name, stat.st_size, timezone.localtime(written)))
    return sorted(found, key=lambda backup: backup.name, reverse=True)


def backup_path(name: str) -> Path | None:
    """The archive called ``name`` in the backup folder, or None."""
    if not NAME.fullmatch(name or ""):
        return None
    path = folder() / name
    return path if path.is_file() else None
