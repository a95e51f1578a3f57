"""JSON API and /metrics on the bot's web server.

Public (numbers only, no personal data):
    GET  /api/services                 services, opening hours today, closed today (and why), waiting counts
    GET  /api/queues                   each queue's waiting count and next numbers, each channel's current number
    GET  /api/tickets/{number}         today's ticket: status, phase, position, estimated wait
    POST /api/predict                  {"service": "A", "conditions": [...], "age": 40} -> estimated wait now
    GET  /metrics                      Prometheus text format
Staff token (`Authorization: Bearer pq_...`, made with /token by an admin, stored hashed):
    GET  /api/queues?channel=NAME      adds that channel's waiting list with names and masked NIK
    POST /api/channels/{name}/{call|recall|skip|done|pause|resume}
Every allowed token-protected request is written to the audit log; refused ones are rate limited
per client address (429) and audited as one row per client per minute (bot/webguard.py).
"""
from __future__ import annotations

import dataclasses
import time

from aiohttp import web

from bot.ratelimit import TelegramRateLimiter
from bot.services import services_of
from bot.web import APPLICATION, BOARD_CLIENTS_KEY, REFUSALS
from bot.webguard import refused
from local_botapi.guard import client_of, read_json
from queue_core import errors
from queue_core.staff_views import board_state, staff_queue, waiting_counts

ACTIONS = ("call", "recall", "skip", "done", "pause", "resume")


def _services(request: web.Request):
    return services_of(request.app[APPLICATION])


async def _token(request: web.Request, action: str, target: str | None = None):
    """The token's info, or the refusal to return (401, or 429 once the client is rate limited).
    Refusals are counted per client and minute and audited as one row (bot/webguard.py)."""
    services, refusals = _services(request), request.app[REFUSALS]
    client = client_of(request)
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    if 0 < len(token) <= 128 and not (refusals.limited(client) and not token.startswith("pq_")):
        info = await services.staff.check_token(token)
        if info is not None:
            return info
    wait = refusals.note(client, f"api_{action}", "no token" if not token else "bad token")
    return refused(401, wait, {"error": "unauthorized", "message": "staff token required (Authorization: Bearer ...)"},
                   {"WWW-Authenticate": "Bearer"})


async def get_services(request: web.Request) -> web.Response:
    services = _services(request)
    s = services.settings
    now = services.clock()
    counts = await waiting_counts(services.db)
    shut = await services.queue.closures_today()
    out = []
    for code, svc in s.services.items():
        out.append({
            "code": code, "name": svc.name, "name_en": svc.name_en, "prefix": svc.prefix, "rooms": list(svc.rooms),
            "route": list(svc.route), "daily_quota": svc.daily_quota, "open_now": svc.hours.is_open(now)
            and now.date() not in s.clinic.holidays and code not in shut, "closed_today": shut.get(code),
            "hours": svc.hours.describe(),
            "waiting": {phase: n for (phase, c), n in counts.items() if c == code},
        })
    return web.json_response({"clinic": s.clinic.name, "services": out})


async def get_queues(request: web.Request) -> web.Response:
    services = _services(request)
    state = await board_state(services.db, services.settings)
    channel = request.query.get("channel")
    if channel:
        info = await _token(request, "queue", channel)
        if isinstance(info, web.Response):
            return info
        try:
            name = services.settings.channel(channel).name
        except KeyError:
            return web.json_response({"error": "unknown_channel", "known": [c.name for c in services.settings.channels]},
                                     status=404)
        total, lines = await staff_queue(services.db, services.settings, name, services.clock())
        await services.staff.audit(None, "api_queue", target=name, detail={"token": info.name})
        state["channel"] = {"name": name, "waiting": total, "lines": [dataclasses.asdict(line) for line in lines]}
    return web.json_response(state)


def _ticket_json(view) -> dict:
    return {"number": view.number, "service": view.service, "day": view.day.isoformat(), "status": view.status,
            "phase": view.phase, "level": view.level, "channel": view.channel, "position": view.position,
            "estimate_minutes": None if view.estimate_minutes is None else round(view.estimate_minutes, 1),
            "advice": None if view.advice is None else view.advice.as_payload()}


async def get_ticket(request: web.Request) -> web.Response:
    services = _services(request)
    try:
        view = await services.queue.find(request.match_info["number"])
    except errors.TicketNotFound:
        return web.json_response({"error": "ticket_not_found"}, status=404)
    return web.json_response(_ticket_json(view))


PREDICT_MAX_BYTES, MAX_CONDITIONS, MAX_AGE = 8 * 1024, 32, 150


def _predict_input(body) -> tuple[str, list[str], int | None]:
    """{"service", "conditions", "age"} checked: ValueError/TypeError/KeyError when it is not usable."""
    if not isinstance(body, dict):
        raise TypeError("not an object")
    code, conditions, age = body["service"], body.get("conditions") or [], body.get("age")
    if not isinstance(code, str) or not isinstance(conditions, list) or len(conditions) > MAX_CONDITIONS:
        raise TypeError("service must be text, conditions a short list")
    if age is not None and (isinstance(age, bool) or not isinstance(age, (int, float)) or not 0 <= age <= MAX_AGE):
        raise ValueError("age out of range")
    return code.upper()[:16], [str(c) for c in conditions], None if age is None else int(age)


async def post_predict(request: web.Request) -> web.Response:
    """Where a number taken now would stand in its first phase and how long it would wait: the
    queue's own answer (`QueueService.preview`, its ordering policy); nothing is written."""
    services = _services(request)
    s = services.settings
    body = await read_json(request, max_bytes=PREDICT_MAX_BYTES)  # BadJson: 400/413 (webguard)
    try:
        code, conditions, age = _predict_input(body)
    except (ValueError, KeyError, TypeError):
        return web.json_response({"error": "bad_request", "message": 'body: {"service": "A", "conditions": [], '
                                  '"age": null} (age 0-150, at most 32 conditions)'}, status=400)
    if code not in s.services:
        return web.json_response({"error": "unknown_service", "known": sorted(s.services)}, status=404)
    unknown = [c for c in conditions if c not in s.conditions]
    if unknown:  # echoed, but bounded: at most 5, each cut to 40 characters
        return web.json_response({"error": "unknown_condition", "unknown": [c[:40] for c in unknown[:5]],
                                  "unknown_count": len(unknown), "known": sorted(s.conditions)}, status=400)
    preview = await services.queue.preview(code, conditions, age)
    return web.json_response({
        "service": code, "phase": preview.phase, "level": preview.level, "conditions": list(preview.conditions),
        "position": preview.position, "open_now": preview.availability.open,
        "estimate_minutes": None if preview.estimate_minutes is None else round(preview.estimate_minutes, 1),
        "estimator": getattr(services.queue.estimator, "name", "?"),
    })


async def post_channel_action(request: web.Request) -> web.Response:
    services = _services(request)
    channel, action = request.match_info["channel"], request.match_info["action"]
    if action not in ACTIONS:
        return web.json_response({"error": "unknown_action", "known": list(ACTIONS)}, status=404)
    info = await _token(request, action, channel)
    if isinstance(info, web.Response):
        return info
    detail = {"token": info.name, "via": "api"}
    queue = services.queue
    status, body = 200, {}
    try:
        name = services.settings.channel(channel).name
        if action == "call":
            # {"number": "A-007"}: that waiting number of the channel's queue, whichever doctor it waits for
            wanted = (await read_json(request, max_bytes=PREDICT_MAX_BYTES)) if request.can_read_body else None
            number = wanted.get("number") if isinstance(wanted, dict) else None
            view = await queue.call_next(name, str(number)[:16] if number else None)
            body = {"ticket": None if view is None else _ticket_json(view)}
        elif action in ("recall", "skip", "done"):
            fn = {"recall": queue.recall, "skip": queue.skip, "done": queue.finish}[action]
            body = {"ticket": _ticket_json(await fn(name))}
        else:
            await queue.set_paused(name, action == "pause")
            body = {"channel": name, "paused": action == "pause"}
    except KeyError:
        status, body = 404, {"error": "unknown_channel", "known": [c.name for c in services.settings.channels]}
    except errors.QueueError as exc:
        status, body = 409, {"error": exc.code, "params": {k: v for k, v in exc.params.items() if k != "known"}}
    if body.get("ticket"):
        detail["number"] = body["ticket"]["number"]
    if status != 200:
        detail["error"] = body["error"]
    await services.staff.audit(None, action, target=channel, detail=detail)
    if getattr(services, "notifier", None) is not None:
        services.notifier.wake()
    return web.json_response(body, status=status)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


async def get_metrics(request: web.Request) -> web.Response:
    application = request.app[APPLICATION]
    services = services_of(application)
    lines: list[str] = []

    def metric(name: str, kind: str, help_: str, samples: list[tuple[dict, float]]) -> None:
        lines.append(f"# HELP {name} {help_}")
        lines.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            label = ",".join(f'{k}="{_escape(str(v))}"' for k, v in labels.items())
            lines.append(f"{name}{{{label}}} {value}" if label else f"{name} {value}")

    counts = await waiting_counts(services.db)
    s = services.settings
    metric("pusque_queue_waiting", "gauge", "Tickets waiting per phase queue and service.",
           [({"phase": p, "service": c}, counts.get((p, c), 0)) for p in s.phases for c in s.services
            if s.channels_for(p, c)])
    state = await board_state(services.db, s, next_n=0)
    metric("pusque_channel_busy", "gauge", "1 when the channel has a called or serving ticket.",
           [({"channel": ch["name"], "phase": ch["phase"]}, int(ch["number"] is not None)) for ch in state["channels"]])
    metric("pusque_channel_paused", "gauge", "1 when the channel is paused.",
           [({"channel": ch["name"], "phase": ch["phase"]}, int(ch["paused"])) for ch in state["channels"]])
    outbox = await services.outbox.counts()
    metric("pusque_outbox_messages", "gauge", "Outbox rows per lane and status.",
           [({"lane": lane, "status": st}, n) for (lane, st), n in sorted(outbox.items())])
    metric("pusque_db_retries_total", "counter", "Transactions retried after a transient database error.",
           [({}, services.db.retries)])
    watch = getattr(services, "db_watch", None)
    if watch is not None:
        metric("pusque_db_slow_statements_total", "counter",
               f"Statements that took {watch.slow_after:g} s or more (waiting for a lock, a busy server).",
               [({}, watch.slow)])
        metric("pusque_db_slow_seconds_total", "counter", "Time spent in those slow statements.",
               [({}, round(watch.slow_seconds, 3))])
        metric("pusque_db_errors_total", "counter", "Database failures seen (locked, disconnected, unreachable).",
               [({"kind": k}, v) for k, v in sorted(watch.errors.items())])
    notifier = getattr(services, "notifier", None)
    if notifier is not None:
        metric("pusque_notifier_events_total", "counter", "Notifier outcomes since start.",
               [({"outcome": k}, v) for k, v in sorted(notifier.stats.items())])
    limiter = getattr(application.bot, "rate_limiter", None)
    if isinstance(limiter, TelegramRateLimiter):
        metric("pusque_telegram_requests_total", "counter",
               "Bot API requests through the rate limiter (getUpdates aside): done, answered 429 or 5xx (then "
               "retried), given up.",
               [({"outcome": k}, limiter.stats.get(k, 0)) for k in ("sent", "429", "5xx", "gave_up")])
    board = request.app.get(BOARD_CLIENTS_KEY)
    metric("pusque_board_clients", "gauge", "Display boards connected.", [({}, board() if board else 0)])
    metric("pusque_update_queue", "gauge", "Telegram updates waiting to be processed.", [({}, application.update_queue.qsize())])
    metric("pusque_up", "gauge", "1 while the bot is running.", [({}, int(application.running))])
    metric("pusque_process_start_time_seconds", "gauge", "Start time of the process (unix).", [({}, START)])
    return web.Response(text="\n".join(lines) + "\n", content_type="text/plain", charset="utf-8",
                        headers={"X-Content-Type-Options": "nosniff"})


START = round(time.time(), 3)


def add_routes(app: web.Application) -> None:
    # GET /api/services (get_services) is added by routes/services_api.py, beside the admin's view
    app.router.add_get("/api/queues", get_queues)
    app.router.add_get("/api/tickets/{number}", get_ticket)
    app.router.add_post("/api/predict", post_predict)
    app.router.add_post("/api/channels/{channel}/{action}", post_channel_action)
    app.router.add_get("/metrics", get_metrics)

