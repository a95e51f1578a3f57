"use strict";
// The printed ticket, shared by the counter page and the kiosk: numbers only, never personal data.
// ticketView.render(box, data) draws it; ticketView.print(paper) prints it on 58 mm, 80 mm or A6.
window.ticketView = (() => {
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
  const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember"];

  function longDate(iso) {  // "2026-11-23" -> "Senin, 23 November 2026" (the clinic's day, not the browser's)
    const [y, m, d] = iso.split("-").map(Number);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return `${DAYS[weekday]}, ${d} ${MONTHS[m - 1]} ${y}`;
  }

  function line(label, value) {
    const row = el("div", "t-line");
    row.append(el("span", "t-label", label), el("span", "t-value", value));
    return row;
  }

  function render(box, t) {
    box.textContent = "";
    const ticket = el("article", "ticket");
    ticket.dataset.number = t.number;
    ticket.append(el("div", "t-clinic", t.clinic), el("div", "t-date", longDate(t.day)),
      el("div", "t-caption", "Nomor antrean / Queue number"), el("div", "t-number", t.number),
      el("div", "t-service", t.service_name));
    if (t.doctors && t.doctors.length) ticket.append(line("Dokter bertugas", t.doctors.join(", ")));
    if (t.position != null) ticket.append(line("Posisi / Position", String(t.position)));
    if (t.expected_at) ticket.append(line("Perkiraan dipanggil / Expected", "±\u00a0" + t.expected_at));
    else if (t.estimate_minutes != null) ticket.append(line("Perkiraan tunggu / Wait", `± ${Math.round(t.estimate_minutes)} menit`));
    ticket.append(line("Diambil / Issued", t.issued_at));
    const qr = el("img", "t-qr");
    qr.src = t.qr_svg;
    qr.alt = "QR " + t.number;
    ticket.append(qr, el("div", "t-foot", "Tunjukkan tiket ini saat dipanggil. Simpan sampai selesai."),
      el("div", "t-foot", "Show this ticket when called. Keep it until you are done."));
    box.append(ticket);
    return ticket;
  }

  const SIZES = { "58": "58mm auto", "80": "80mm auto", "a6": "A6" };

  function print(paper) {  // one @page rule per print: the printer's paper
    let style = document.getElementById("page-size");
    if (!style) {
      style = el("style");
      style.id = "page-size";
      document.head.append(style);
    }
    style.textContent = `@page { size: ${SIZES[paper] || SIZES["80"]}; margin: 2mm; }`;
    document.body.dataset.paper = paper;
    window.print();
  }

  return { render, print, longDate };
})();
