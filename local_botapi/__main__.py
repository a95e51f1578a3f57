"""python -m local_botapi [--host H] [--port P] [--token T] [--passcode P]: the local Bot API server alone.

Point any bot at it: base_url http://HOST:PORT/bot, token T (default: this installation's random
token, data/local_botapi_token, the one run_bot.py uses). On an address other than loopback the
chat page and /local/* need a passcode (--passcode, or a random one printed here).
"""
from __future__ import annotations

import argparse
import asyncio
import signal
from pathlib import Path

from .guard import installation_token, is_loopback, new_passcode
from .server import LocalBotApi

TOKEN_FILE = Path(__file__).resolve().parent.parent / "data" / "local_botapi_token"


async def main(host: str, port: int, token: str, overall: float, per_chat: float, passcode: str | None) -> None:
    passcode = None if is_loopback(host) else (passcode or new_passcode())
    api = await LocalBotApi(token, max_messages_per_second=overall, max_messages_per_chat_per_second=per_chat,
                            passcode=passcode).start(host, port)
    print(f"Chat page: {api.page_url}" + (f"?passcode={passcode}" if passcode else ""), flush=True)
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
    parser.add_argument("--token", default=None, help=f"default: the token in {TOKEN_FILE} (made on first use)")
    parser.add_argument("--passcode", default=None, help="chat page passcode when not on loopback (default: random)")
    parser.add_argument("--max-per-second", type=float, default=30, help="0 disables the limit")
    parser.add_argument("--max-per-chat-per-second", type=float, default=1, help="0 disables the limit")
    a = parser.parse_args()
    asyncio.run(main(a.host, a.port, a.token or installation_token(TOKEN_FILE), a.max_per_second,
                     a.max_per_chat_per_second, a.passcode))
