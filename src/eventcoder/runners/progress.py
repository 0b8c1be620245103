"""Progress of a coding run: a bar on a terminal, plain periodic lines elsewhere.

On a terminal a tqdm bar shows documents done (of the total when it is known), events
found, the rate and the time left. When standard error is not a terminal (a batch job, a
log file) a line like ``coding: 1,200/5,000 documents (24%), 3,410 events, 11.8
documents/s, about 5m22s left`` is written every ``interval`` seconds instead.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

__all__ = ["Progress", "count_documents"]


def count_documents(inputs: Sequence[str], glob: str | None = None) -> int | None:
    """How many documents the inputs hold, when that is cheap to know; else None.

    A folder counts its readable files (a JSON Lines file by its non-empty lines), a
    Parquet file by its metadata; standard input and remote URLs are unknown.
    """
    from eventcoder.ingest.inputs import iter_folder

    total = 0
    for entry in inputs:
        if entry == "-" or "://" in entry:
            return None
        path = Path(entry)
        if path.is_dir():
            files = [p for p in iter_folder(path, glob) if isinstance(p, Path)]
        elif path.exists():
            files = [path]
        else:
            continue
        for file in files:
            counted = _count_file(file)
            if counted is None:
                return None
            total += counted
    return total


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
    except (OSError, ValueError):
        return None
    return 1


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class Progress:
    """Counts documents and events and shows them (see the module doc).

    ``enabled=False`` shows nothing; ``write(message)`` prints a message without
    breaking the bar.
    """

    def __init__(
        self,
        total: int | None = None,
        enabled: bool = True,
        interval: float = 30.0,
        stream: IO[str] | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled
        self.interval = interval
        self.documents = 0
        self.events = 0
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar: Any = None
        if enabled and _is_terminal(self.stream):
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=self.stream, unit="doc", desc="coding")

    def update(self, documents: int = 1, events: int = 0) -> None:
        """Count ``documents`` more documents done and ``events`` more events."""
        self.documents += documents
        self.events += events
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(documents)
            if events:
                self.bar.set_postfix(events=f"{self.events:,}", refresh=False)
            return
        now = time.monotonic()
        if now - self.last_line >= self.interval:
            self.last_line = now
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float | None = None) -> str:
        """The plain progress line."""
        elapsed = max(1e-9, (now or time.monotonic()) - self.started)
        rate = self.documents / elapsed
        done = f"{self.documents:,}"
        left = ""
        if self.total:
            done += f"/{self.total:,} documents ({100 * self.documents / self.total:.0f}%)"
            if rate > 0 and self.total > self.documents:
                left = f", about {_duration((self.total - self.documents) / rate)} left"
        else:
            done += " documents"
        return f"coding: {done}, {self.events:,} events, {rate:.1f} documents/s{left}"

    def write(self, message: str) -> None:
        """A message on standard error that does not break the bar."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        """Finish the bar."""
        if self.bar is not None:
            self.bar.close()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
