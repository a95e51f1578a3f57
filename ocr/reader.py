"""Async KTP reader for the bot: a process pool whose workers each load easyocr once.

    reader = KtpReader.from_settings(load_settings())   # in post_init
    result = await reader.read(photo_bytes, "ktp.jpg")  # the ktp.md dict
    await reader.close()                                # in post_shutdown

`read` never raises for bad input: a too-large, non-image or truncated file, a photo of something
else or a crashed worker come back as a dict with "error" and/or "problems". The event loop is
never blocked: decoding, preprocessing and recognition all run in the worker processes.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ocr.engine import DEFAULT_MAX_BYTES, empty_output

_READER = None  # the easyocr Reader of this worker process
NICE = 5  # workers run at a lower CPU priority than the bot: on two cores, a model loading at
# start-up (a restart in the middle of a rush) or a photo being read must not starve the replies


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """A worker outlives a SIGKILLed bot otherwise: orphaned, holding its model in memory and the
    bot's stdout/stderr open (issue 9's crash proof found one orphan per kill)."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _lower_priority(nice: int) -> None:
    import os

    try:
        os.nice(nice)
    except (AttributeError, OSError):  # not on this platform, or not allowed: run as is
        pass


def _init_worker(threads: int, nice: int = NICE) -> None:
    global _READER
    import os

    from ocr.engine import load_reader

    _exit_with_parent(os.getppid())
    _lower_priority(nice)
    _READER = load_reader(threads=threads)


def _work(data: bytes, image: str, max_bytes: int, today: dt.date | None) -> dict:
    from ocr.engine import read_bytes

    return read_bytes(_READER, data, image, max_bytes, today)


def _ping() -> bool:
    return _READER is not None


class KtpReader:
    """Reads KTP photos off the event loop. One easyocr model per worker process."""

    def __init__(self, workers: int = 1, max_image_bytes: int = DEFAULT_MAX_BYTES, threads_per_worker: int = 1):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.max_image_bytes = max_image_bytes
        self._threads = threads_per_worker
        self._pool: ProcessPoolExecutor | None = None
        self._closed = False

    @classmethod
    def from_settings(cls, settings) -> "KtpReader":
        """From the settings (settings.Settings): `ocr.workers`, `ocr.max_image_bytes`."""
        return cls(workers=settings.ocr_workers, max_image_bytes=settings.ocr_max_image_bytes)

    def _executor(self) -> ProcessPoolExecutor:
        if self._closed:
            raise RuntimeError("KtpReader is closed")
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")  # no fork of the bot's threads and sockets
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                             initargs=(self._threads,))
        return self._pool

    async def start(self) -> None:
        """Start the workers and load the models now (optional: `read` starts them too).
        Raises if a worker cannot load; the next `read` then tries again with a new pool."""
        loop = asyncio.get_running_loop()
        pool = self._executor()
        try:
            await asyncio.gather(*(loop.run_in_executor(pool, _ping) for _ in range(self.workers)))
        except BrokenProcessPool:
            if self._pool is pool:
                self._pool = None
            raise

    async def read(self, image: bytes, filename: str = "image", *, today: dt.date | None = None) -> dict:
        """The ktp.md result for one photo; see the module docstring for errors."""
        if not isinstance(image, (bytes, bytearray, memoryview)):
            raise TypeError("image must be bytes")
        if len(image) > self.max_image_bytes:  # refuse before copying it to a worker
            msg = f"file too large: {len(image)} bytes, limit {self.max_image_bytes}"
            return empty_output(filename, [msg], 0.0, error=msg)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor(), _work, bytes(image), filename,
                                              self.max_image_bytes, today)
        except BrokenProcessPool:
            self._pool = None  # a worker died (e.g. out of memory): the next read starts a new pool
            msg = "the reader process stopped while reading this image"
            return empty_output(filename, [msg], 0.0, error=msg)

    async def close(self) -> None:
        self._closed = True
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.get_running_loop().run_in_executor(None, lambda: pool.shutdown(wait=True,
                                                                                         cancel_futures=True))
