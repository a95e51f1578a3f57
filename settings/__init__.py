"""Settings at the top: config.yaml and the environment, checked with pydantic (schema.py) and
turned into one read-only Settings (settings.py) by load_settings (loader.py). Errors name the
file and the key. The queue core is given only its part, queue_core.rules.Rules."""
from __future__ import annotations

from .loader import DEFAULT_CONFIG_PATH, load_settings, parse_settings
from .settings import ConfigError, Settings

__all__ = ["DEFAULT_CONFIG_PATH", "ConfigError", "Settings", "load_settings", "parse_settings"]
