"""What the bot's texts claim exists: commands (/xyz) and buttons ("✅ Data benar", «...»,
"press Save"), and what really exists: the commands the built Application handles and the labels
of the keyboards the handlers build."""
from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = ROOT / "handlers"

_COMMAND = re.compile(r"(?<![\w/.:])/([A-Za-z_]+)\b")
_QUOTED = re.compile(r"\"([^\"\n]{1,60})\"|“([^”\n]{1,60})”|«([^»\n]{1,60})»")
# a quoted text right after one of these words is a button the reader is told to press
_PRESS = (r"(?:tekan|pencet|klik|ketuk|sentuh|pilih|tombol|menu|press|tap|click|choose|select|pick|button)"
          r"(?:\s+(?:tombol|menu|lagi|the|button|on))?")
_PRESS_BEFORE = re.compile(_PRESS + r"\s*$", re.IGNORECASE)
_CHAIN_BEFORE = re.compile(r"[\"”»]\s*(?:,|atau|or|/|dan|and)\s*$", re.IGNORECASE)
_PRESS_AFTER = re.compile(r"^\s*(?:tombol|button)\b", re.IGNORECASE)
# unquoted: "tekan Simpan", "press Save"
_PRESS_BARE = re.compile(r"\b(?i:tekan|klik|ketuk|press|tap|click)\s+(?i:tombol\s+|the\s+)?"
                         r"((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)")


def label_key(text: str) -> str:
    """A label as compared: letters, digits and spaces only, case-folded ("✅ Data benar" → "data benar")."""
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text)
    return " ".join(kept.casefold().split())


def commands_named(text: str) -> set[str]:
    return {m.group(1).lower() for m in _COMMAND.finditer(text)}


def quoted(text: str) -> list[tuple[str, bool]]:
    """Every quoted text, and whether the text tells the reader to press it (a button)."""
    out: list[tuple[str, bool]] = []
    last_end, last_was_button = -10, False
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 12]
        chained = last_was_button and m.start() - last_end < 12 and _CHAIN_BEFORE.search(text[max(0, last_end - 1):m.start()])
        button = bool(_PRESS_BEFORE.search(before) or _PRESS_AFTER.search(after) or chained)
        out.append((inner, button))
        last_end, last_was_button = m.end(), button
    return out


def buttons_named(text: str) -> set[str]:
    """Button labels a text tells the reader to press; quoted texts holding a placeholder are skipped."""
    found = {inner for inner, button in quoted(text) if button and "{" not in inner}
    found |= {m.group(1) for m in _PRESS_BARE.finditer(text)}
    return found


def registered_commands(app) -> set[str]:
    """Commands the Application's CommandHandlers answer, conversations' entry points and states included."""
    from telegram.ext import CommandHandler, ConversationHandler

    found: set[str] = set()

    def walk(handler) -> None:
        if isinstance(handler, CommandHandler):
            found.update(handler.commands)
        elif isinstance(handler, ConversationHandler):
            for h in [*handler.entry_points, *handler.fallbacks, *(x for hs in handler.states.values() for x in hs)]:
                walk(h)

    for group in app.handlers.values():
        for handler in group:
            walk(handler)
    return found


_KEYBOARD_CALLS = {"inline", "InlineKeyboardButton", "KeyboardButton", "ReplyKeyboardMarkup"}


def _name(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _key_patterns(node) -> list[str]:
    """Text keys a label expression uses: t("key", ...) and t(f"rel.{x}", ...) as regexes."""
    keys = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _name(sub.func) == "t" and sub.args:
            arg = sub.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.append(re.escape(arg.value))
            elif isinstance(arg, ast.JoinedStr):
                keys.append("".join(re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w.]+" for v in arg.values))
    return keys


def _literal_labels(node) -> list[str]:
    return [sub.value for sub in ast.walk(node) if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
            and not re.fullmatch(r"[\w:]*", sub.value) and sub.value.strip()]


def _is_button_tuple(node) -> bool:
    """(label, callback data): the pairs `inline(rows)` turns into inline buttons."""
    if not (isinstance(node, ast.Tuple) and len(node.elts) == 2):
        return False
    data = node.elts[1]
    if isinstance(data, ast.Constant) and isinstance(data.value, str):
        return bool(re.fullmatch(r"[a-z]+:[\w:]*", data.value))
    return isinstance(data, ast.JoinedStr) and isinstance(data.values[0], ast.Constant) and \
        bool(re.match(r"[a-z]+:", str(data.values[0].value)))


def keyboard_labels(texts: dict[str, dict[str, str]], settings) -> set[str]:
    """Labels of every keyboard the handlers build (read from their source), in both languages,
    plus the services and conditions the ticket flow shows as buttons (from settings)."""
    patterns: list[str] = []
    literals: list[str] = []
    for path in sorted(HANDLERS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in _KEYBOARD_CALLS:
                label_args = node.args[:1] if _name(node.func) != "ReplyKeyboardMarkup" else node.args
                for arg in label_args:
                    patterns += _key_patterns(arg)
                    if _name(node.func) != "inline":
                        literals += _literal_labels(arg)
            elif _is_button_tuple(node):
                patterns += _key_patterns(node.elts[0])
                literals += _literal_labels(node.elts[0])
            elif isinstance(node, ast.Assign) and any(_name(tg).endswith("MENU_KEYS") for tg in node.targets):
                patterns += [re.escape(v) for v in ast.literal_eval(node.value)]
    labels = set(literals)
    for key, by_lang in texts.items():
        if any(re.fullmatch(p, key) for p in patterns):
            labels.update(by_lang.values())
    for svc in settings.services.values():
        labels.update((svc.name, svc.name_en))
    for cond in settings.conditions.values():
        labels.update((cond.label, cond.label_en))
    return {label_key(x) for x in labels if label_key(x)}
