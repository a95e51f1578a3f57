"""python -m local_botapi [--host H] [--port P] [--token T]: the local Bot API server alone.

Point any bot at it: base_url http://HOST:PORT/bot, token T (default LOCAL_TOKEN).
"""
from __future__ import annotations

import argparse
import asyncio
import signal

from .server import LocalBotApi
from .state import LOCAL_TOKEN


async def main(host: str, port: int, token: str, overall: float, per_chat: float) -> None:
    api = await LocalBotApi(token, max_messages_per_second=overall,
                            max_messages_per_chat_per_second=per_chat).start(host, port)
    print(f"Chat page: {api.page_url}", flush=True)
    print(f"Bot API base_url: {api.base_url}  token: {token}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await api.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m local_botapi", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=LOCAL_TOKEN)
    parser.add_argument("--max-per-second", type=float, default=30, help="0 disables the limit")
    parser.add_argument("--max-per-chat-per-second", type=float, default=1, help="0 disables the limit")
    a = parser.parse_args()
    asyncio.run(main(a.host, a.port, a.token, a.max_per_second, a.max_per_chat_per_second))
