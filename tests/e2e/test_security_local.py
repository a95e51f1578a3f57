"""Issue 23, finding 1: local mode off loopback needs a passcode; the local Bot API token is random
per installation; start-up says who can reach what. On loopback it stays as easy as before."""
from __future__ import annotations

import os
import stat

import aiohttp
import pytest

from app.runner import reach_lines
from local_botapi import LOCAL_TOKEN
from local_botapi.guard import installation_token, is_loopback
from settings import ConfigError, load_settings


async def status_of(http: aiohttp.ClientSession, method: str, path: str, **kw) -> int:
    async with http.request(method, path, allow_redirects=False, **kw) as resp:
        await resp.read()
        return resp.status


async def test_on_the_network_the_chat_page_and_user_api_need_the_passcode(start_pusque):
    system = await start_pusque(web_host="0.0.0.0")
    passcode = system.pusque.passcode
    assert passcode and len(passcode) >= 8 and system.pusque.page_url.endswith(f"/?passcode={passcode}")
    ani = await system.user(first_name="Ani")  # the harness's client sends the passcode
    await ani.send("/start")
    assert "Selamat datang" in (await ani.next_message(timeout=10))["text"]
    # unsafe=True: aiohttp's jar (unlike a browser's) keeps no cookies from IP addresses otherwise
    async with aiohttp.ClientSession(system.botapi.root_url, cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        for method, path in (("GET", "/local/users"), ("GET", f"/local/users/{ani.id}/events?after=0"),
                             ("POST", f"/local/users/{ani.id}/text"), ("GET", "/local/info"), ("GET", "/local/stats"),
                             ("POST", "/local/users"), ("POST", "/local/faults")):
            assert await status_of(http, method, path, json={"text": "/token x admin"}) == 401, path
            assert await status_of(http, method, path, headers={"X-PusQue-Passcode": "WRONG123"}) == 401, path
        assert await status_of(http, "GET", "/local/users", headers={"X-PusQue-Passcode": passcode}) == 200
        async with http.get("/") as resp:
            assert resp.status == 401 and "kode akses" in await resp.text()  # the login form, Indonesian first
        async with http.get(f"/?passcode={passcode}", allow_redirects=False) as resp:
            assert resp.status == 302 and resp.headers["Location"] == "/"
            cookie = resp.headers["Set-Cookie"]
            assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        async with http.get("/") as resp:  # the session now has the cookie
            assert resp.status == 200 and "<html" in (await resp.text()).lower()
        assert await status_of(http, "GET", "/local/users") == 200
    async with aiohttp.ClientSession(system.botapi.root_url) as http:
        assert await status_of(http, "GET", f"/bot{LOCAL_TOKEN}/getMe") == 401  # the old fixed token
        assert await status_of(http, "GET", f"/bot{system.botapi.state.token}/getMe") == 200
        async with http.post("/login", data={"passcode": passcode}, allow_redirects=False) as resp:
            assert resp.status == 302


async def test_wrong_passcodes_are_rate_limited(start_pusque):
    system = await start_pusque(web_host="0.0.0.0")
    async with aiohttp.ClientSession(system.botapi.root_url) as http:
        statuses = [await status_of(http, "GET", "/local/users", headers={"X-PusQue-Passcode": f"GUESS{i:04d}"})
                    for i in range(15)]
        assert statuses[:10] == [401] * 10 and set(statuses[10:]) == {429}
        # the right passcode still works from there
        assert await status_of(http, "GET", "/local/users",
                               headers={"X-PusQue-Passcode": system.pusque.passcode}) == 200


async def test_a_configured_passcode_is_used(start_pusque):
    system = await start_pusque(web_host="0.0.0.0", local_passcode="kode-klinik-2026")
    assert system.pusque.passcode == "kode-klinik-2026"
    async with aiohttp.ClientSession(system.botapi.root_url) as http:
        assert await status_of(http, "GET", "/local/users", headers={"X-PusQue-Passcode": "kode-klinik-2026"}) == 200


async def test_on_loopback_nothing_changes_no_passcode(pusque):
    assert pusque.pusque.passcode is None and pusque.pusque.page_url == pusque.botapi.page_url
    async with aiohttp.ClientSession(pusque.botapi.root_url) as http:
        assert await status_of(http, "GET", "/local/users") == 200
        assert await status_of(http, "GET", "/") == 200
    lines = reach_lines(pusque.pusque)
    assert any("Chat page" in line and "this machine only, no passcode" in line for line in lines)


async def test_start_up_says_who_can_reach_what_on_the_network(start_pusque, caplog):
    system = await start_pusque(web_host="0.0.0.0")
    lines = reach_lines(system.pusque)
    chat = next(line for line in lines if line.startswith("Chat page"))
    assert system.pusque.passcode in chat and "network" in chat and "admin" in chat
    assert any(line.startswith("Web server") and "network" in line for line in lines)
    assert any("passcode" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)


async def test_the_local_bot_api_token_is_random_per_installation_and_kept(start_pusque, tmp_path):
    first = await start_pusque()
    token = first.botapi.state.token
    path = tmp_path / "local_botapi_token"
    assert token != LOCAL_TOKEN and path.read_text().strip() == token
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    await first.close()
    second = await start_pusque()  # the same installation: the same token
    assert second.botapi.state.token == token
    assert installation_token(tmp_path / "other") != token


def test_loopback_addresses_and_passcode_config():
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "", None, "192.168.1.10", "pusque.lan"))
    import yaml

    from tests.bot.test_run_bot import ROOT

    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    assert "passcode" in raw["local_mode"] and raw["local_mode"]["passcode"] is None
    raw["local_mode"]["passcode"] = "abc"
    from settings import parse_settings

    with pytest.raises(ConfigError, match="local_mode.passcode"):
        parse_settings(raw, ROOT / "config.yaml", {})
    assert load_settings(env={}).local_passcode is None
