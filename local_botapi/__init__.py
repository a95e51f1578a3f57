"""PusQue's own Bot API server: Telegram's wire format, a browser chat page, a test client.

    server = await LocalBotApi().start(port=8081)
    Application.builder().token(LOCAL_TOKEN).base_url(server.base_url)...

See docs/local_botapi.md.
"""
from .client import LocalTelegram, UserClient, UserError
from .errors import ApiError
from .server import LocalBotApi
from .state import LOCAL_TOKEN

__all__ = ["LOCAL_TOKEN", "ApiError", "LocalBotApi", "LocalTelegram", "UserClient", "UserError"]
