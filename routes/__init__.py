"""The web server's feature routes, facing users: the JSON API and /metrics (api.py) and the display
board (board.py), the clinic's data for admins (clinic_api.py, services_api.py, counters_api.py), the counter's API
(counter_api.py, docs/api.md), the counter and kiosk pages (counter_page.py, kiosk_api.py,
ticket_print.py). The app package hands ROUTES to bot.web.WebServer; nothing registers itself."""
from __future__ import annotations

from . import api, board, clinic_api, counter_api, counter_page, counters_api, kiosk_api, services_api, ticket_print

ROUTES = (api.add_routes, board.add_routes, clinic_api.add_routes, counter_api.add_routes, counter_page.add_routes,
          kiosk_api.add_routes, ticket_print.add_routes, services_api.add_routes, counters_api.add_routes)
