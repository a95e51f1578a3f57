#!/usr/bin/env python
"""Start PusQue.

    python run_bot.py [--config PATH] [--base-url URL] [--webhook URL]

No TELEGRAM_BOT_TOKEN: local mode (own Bot API server + browser chat page; the first line with
http:// on stdout is the page's address). With a token: Telegram by long polling. --webhook URL:
Telegram (or the Bot API server) POSTs updates to URL, served by PusQue's web server with the
secret-token check. --base-url URL: a self-hosted Bot API server, e.g. http://127.0.0.1:8081/bot.
Stops cleanly on SIGINT and SIGTERM. See docs/local_botapi.md.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from app.runner import PusQue, serve
from settings import ConfigError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="config file (default: config.yaml of the project)")
    parser.add_argument("--base-url", help="Bot API base URL, token appended: http://HOST:PORT/bot")
    parser.add_argument("--webhook", metavar="URL", help="receive updates by webhook at this public URL")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "aiohttp.access", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    pusque = PusQue(settings, base_url=args.base_url, webhook_url=args.webhook)
    try:
        asyncio.run(serve(pusque, announce=lambda line: print(line, flush=True)))
    except OSError as exc:  # e.g. the port is taken
        print(f"Could not start: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
