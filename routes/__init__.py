"""The web server's feature routes, facing users: the JSON API and /metrics (api.py) and the display
board (board.py). The app package hands ROUTES to bot.web.WebServer; nothing registers itself."""
from __future__ import annotations

from . import api, board

ROUTES = (api.add_routes, board.add_routes)
