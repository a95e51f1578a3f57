"""The ticket picture: number, service, date and a QR code the counter can scan."""
from __future__ import annotations

import datetime as dt
import io

import segno
from PIL import Image, ImageDraw, ImageFont

from queue_core.counter_ops import ticket_qr_payload

from .texts_booking import weekday_name

WIDTH, HEIGHT = 480, 640


def qr_payload(ticket_id: int, number: str, day: dt.date) -> str:
    """What the QR code holds: enough for the counter to find the ticket, no personal data."""
    return ticket_qr_payload(ticket_id, number, day)


def _font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for path in (name, f"/usr/share/fonts/truetype/dejavu/{name}"):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _centered(draw: ImageDraw.ImageDraw, y: int, text: str, font) -> None:
    width = draw.textlength(text, font=font)
    draw.text(((WIDTH - width) / 2, y), text, fill="black", font=font)


def render_ticket(*, clinic: str, number: str, service: str, day: dt.date, ticket_id: int,
                  doctor: str | None = None) -> bytes:
    """A PNG of the ticket."""
    img = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle([8, 8, WIDTH - 9, HEIGHT - 9], outline="black", width=3)
    _centered(draw, 28, clinic, _font(22, bold=True))
    _centered(draw, 64, f"{weekday_name(day, 'id')}, {day:%d-%m-%Y}", _font(20))
    _centered(draw, 100, number, _font(84, bold=True))
    _centered(draw, 196, service, _font(24))
    if doctor:
        _centered(draw, 226, doctor, _font(18))
    buf = io.BytesIO()
    segno.make(qr_payload(ticket_id, number, day), error="m").save(buf, kind="png", scale=7, border=2)
    qr = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    if qr.width > WIDTH - 80:
        qr = qr.resize((WIDTH - 80, WIDTH - 80), Image.NEAREST)
    img.paste(qr, ((WIDTH - qr.width) // 2, 256))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()
