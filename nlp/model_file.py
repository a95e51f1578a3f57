"""A fitted model kept in a cache directory as one joblib file named by its data's key: read back
only when it is of the expected class and key, written atomically, older files of the kind removed.
Shared by the FAQ model (nlp/faq.py) and the emergency detector's model (nlp/emergency_model.py)."""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import joblib

log = logging.getLogger(__name__)
M = TypeVar("M")


def path_for(cache_dir: Path, kind: str, key: str) -> Path:
    """`kind` names the file family, e.g. "faq-model"."""
    return cache_dir / f"{kind}-{key[:16]}.joblib"


def read(path: Path, cls: type[M], key: str) -> M | None:
    """The model in `path`, or None when there is none, it is corrupt or foreign, or of another key."""
    if not path.exists():
        return None
    try:
        model: Any = joblib.load(path)
    except Exception as exc:  # a corrupt or foreign file: the caller refits
        log.warning("model cache %s unreadable (%s); refitting", path, exc)
        return None
    return model if isinstance(model, cls) and getattr(model, "key", None) == key else None


def write(model: object, path: Path, kind: str) -> None:
    """Keep `model` in `path` (atomically) and remove the other files of `kind` beside it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        os.close(fd)
        joblib.dump(model, tmp)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{kind}-*.joblib"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only cache dir must not stop the bot
        log.warning("%s not cached in %s: %s", kind, path.parent, exc)
