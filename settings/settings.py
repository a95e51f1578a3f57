"""The application's settings: the clinic's rules (queue_core.rules.Rules) and what only the
running application needs: the database, Telegram, the web server, local mode, FAQ, OCR, model."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from queue_core.rules import Rules


class ConfigError(ValueError):
    """A config value is missing or wrong; the message names the file and the key."""

    def __init__(self, key: str, why: str, path: Path | str = "config.yaml") -> None:
        super().__init__(f"{Path(path).name}: {key}: {why}")
        self.key, self.why, self.path = key, why, Path(path)


@dataclass(frozen=True, kw_only=True)
class Settings(Rules):
    path: Path
    database_url: str
    telegram_token: str | None
    telegram_base_url: str | None
    max_messages_per_second: float
    max_messages_per_chat_per_second: float
    web_host: str
    web_port: int
    botapi_port: int
    local_admin_ids: frozenset[int]
    local_staff_ids: frozenset[int]
    keep_ktp_photos: bool
    faq_corpus: Path
    faq_cache_dir: Path
    ocr_workers: int
    ocr_max_image_bytes: int
    ocr_preload: bool  # start the OCR worker (easyocr + torch) at start-up, not on the first KTP
    ocr_min_confidence: float  # a KTP field read with less confidence is left empty and asked
    model_dir: Path
    local_passcode: str | None = None  # docs/security.md: local mode off loopback
    local_token_file: Path = Path("data/local_botapi_token")
    raw: dict[str, Any] = field(repr=False, default_factory=dict)  # the file as read: clinic facts for FAQ answers

    @property
    def rules(self) -> Rules:
        return self

    def with_local_demo_roles(self) -> "Settings":
        """Local mode only: the demo staff/admin ids of `local_mode` get their roles."""
        return dataclasses.replace(
            self, admin_ids=self.admin_ids | self.local_admin_ids, staff_ids=self.staff_ids | self.local_staff_ids,
            memo={},
        )

    def resolve(self, relative: Path) -> Path:
        """Paths in the config are relative to the config file's folder."""
        return relative if relative.is_absolute() else self.path.parent / relative
