"""Telegram's text formatting: parse_mode HTML / MarkdownV2 / Markdown into text + entities.

Telegram does not store markup: it parses it, returns plain text with `entities` (offsets in
UTF-16 code units), and refuses bad markup with "Bad Request: can't parse entities: ...". The
local server does the same so a formatting bug shows up here rather than in production.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .errors import ApiError

_HTML_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "code": "code", "pre": "pre", "a": "text_link",
    "blockquote": "blockquote", "span": "spoiler", "tg-emoji": "custom_emoji",
}
MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,})?")
_URL_RE = re.compile(r"\bhttps?://[^\s<>\"]+")


def u16len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_error(why: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {why}")


def auto_entities(text: str) -> list[dict]:
    """Entities Telegram adds to a user's plain text: bot commands and URLs."""
    out = []
    for rx, kind in ((_COMMAND_RE, "bot_command"), (_URL_RE, "url")):
        for m in rx.finditer(text):
            out.append({"type": kind, "offset": u16len(text[: m.start()]), "length": u16len(m.group())})
    return sorted(out, key=lambda e: e["offset"])


class _Html(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=True)
        self.raw = raw
        self.text = ""
        self.stack: list[tuple[str, int, dict]] = []
        self.entities: list[dict] = []

    def _where(self) -> int:
        line, col = self.getpos()
        lines = self.raw.split("\n")
        return len("\n".join(lines[: line - 1]).encode()) + (1 if line > 1 else 0) + len(lines[line - 1][:col].encode())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = _HTML_TAGS.get(tag)
        if kind is None or (tag == "span" and attrs.get("class") != "tg-spoiler"):
            raise parse_error(f'Unsupported start tag "{tag}" at byte offset {self._where()}')
        extra: dict = {}
        if tag == "a":
            href = attrs.get("href") or ""
            m = re.fullmatch(r"tg://user\?id=(\d+)", href)
            if m:
                kind, extra = "text_mention", {"user": {"id": int(m.group(1)), "is_bot": False, "first_name": ""}}
            else:
                extra = {"url": href}
        elif tag == "blockquote" and "expandable" in attrs:
            kind = "expandable_blockquote"
        elif tag == "code" and self.stack and self.stack[-1][0] == "pre" and attrs.get("class", "").startswith("language-"):
            self.stack[-1][2]["language"] = attrs["class"][len("language-"):]
            kind = ""
        elif tag == "tg-emoji":
            extra = {"custom_emoji_id": attrs.get("emoji-id", "")}
        self.stack.append((tag, u16len(self.text), {"type": kind, **extra}))

    def handle_endtag(self, tag):
        if not self.stack:
            raise parse_error(f'Unexpected end tag at byte offset {self._where()}')
        open_tag, start, entity = self.stack.pop()
        if open_tag != tag:
            raise parse_error(
                f'Unmatched end tag at byte offset {self._where()}, expected "</{open_tag}>", found "</{tag}>"'
            )
        length = u16len(self.text) - start
        if entity["type"] and length > 0:
            self.entities.append({**entity, "offset": start, "length": length})

    def handle_data(self, data):
        self.text += data


def parse_html(raw: str) -> tuple[str, list[dict]]:
    p = _Html(raw)
    p.feed(raw)
    p.close()
    if p.stack:
        raise parse_error(f'Can\'t find end tag corresponding to start tag "{p.stack[-1][0]}"')
    return p.text, p.entities


def _markdown(raw: str, v2: bool) -> tuple[str, list[dict]]:
    marks = {"*": "bold", "_": "italic", "~": "strikethrough", "__": "underline", "||": "spoiler"}
    if not v2:
        marks = {"*": "bold", "_": "italic"}
    text = ""
    entities: list[dict] = []
    open_: list[tuple[str, int, int]] = []  # (mark, utf16 start, byte offset)
    i, n = 0, len(raw)
    byte = lambda k: len(raw[:k].encode())  # noqa: E731
    while i < n:
        c = raw[i]
        if c == "\\" and i + 1 < n and (v2 or raw[i + 1] in "_*`["):
            text += raw[i + 1]
            i += 2
            continue
        if raw.startswith("```", i):
            end = raw.find("```", i + 3)
            if end < 0:
                raise parse_error(f"Can't find end of Pre entity at byte offset {byte(i)}")
            body = raw[i + 3:end]
            lang = ""
            if "\n" in body and re.fullmatch(r"[\w+#-]*", body.split("\n", 1)[0]):
                lang, body = body.split("\n", 1)
            body = re.sub(r"\\([`\\])", r"\1", body) if v2 else body
            ent = {"type": "pre", "offset": u16len(text), "length": u16len(body)}
            if lang:
                ent["language"] = lang
            entities.append(ent)
            text += body
            i = end + 3
            continue
        if c == "`":
            end = raw.find("`", i + 1)
            if end < 0:
                raise parse_error(f"Can't find end of Code entity at byte offset {byte(i)}")
            body = raw[i + 1:end]
            body = re.sub(r"\\([`\\])", r"\1", body) if v2 else body
            entities.append({"type": "code", "offset": u16len(text), "length": u16len(body)})
            text += body
            i = end + 1
            continue
        if c == "[":
            close = raw.find("](", i)
            end = raw.find(")", close) if close >= 0 else -1
            if close < 0 or end < 0:
                if v2:
                    raise parse_error("Character '[' is reserved and must be escaped with the preceding '\\'")
                text += c
                i += 1
                continue
            inner_text, inner_entities = _markdown(raw[i + 1:close], v2)
            base = u16len(text)
            entities.extend({**e, "offset": e["offset"] + base} for e in inner_entities)
            entities.append({"type": "text_link", "offset": base, "length": u16len(inner_text),
                             "url": raw[close + 2:end].replace("\\)", ")")})
            text += inner_text
            i = end + 1
            continue
        mark = raw[i:i + 2] if raw[i:i + 2] in marks else (c if c in marks else None)
        if mark:
            if open_ and open_[-1][0] == mark:
                _, start, _ = open_.pop()
                if u16len(text) > start:
                    entities.append({"type": marks[mark], "offset": start, "length": u16len(text) - start})
            elif any(m == mark for m, _, _ in open_):
                raise parse_error(f"Can't find end of {marks[mark].title()} entity at byte offset {byte(i)}")
            else:
                open_.append((mark, u16len(text), byte(i)))
            i += len(mark)
            continue
        if v2 and c in MDV2_RESERVED and not (c == ">" and (i == 0 or raw[i - 1] == "\n")):
            raise parse_error(f"Character '{c}' is reserved and must be escaped with the preceding '\\'")
        text += c
        i += 1
    if open_:
        mark, _, at = open_[-1]
        raise parse_error(f"Can't find end of {marks[mark].title()} entity at byte offset {at}")
    return text, sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def parse(text: str, parse_mode: str | None, entities: list | None = None) -> tuple[str, list[dict]]:
    """Return (plain text, entities) for a text as Telegram would store it."""
    if entities:
        return text, list(entities)
    if not parse_mode:
        return text, []
    mode = parse_mode.lower()
    if mode == "html":
        text, ents = parse_html(text)
        return text, sorted(ents, key=lambda e: (e["offset"], -e["length"]))
    if mode == "markdownv2":
        return _markdown(text, v2=True)
    if mode == "markdown":
        return _markdown(text, v2=False)
    raise ApiError(400, "Bad Request: unsupported parse_mode")
