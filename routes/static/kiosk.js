"use strict";
// The waiting-room kiosk: NIK or BPJS number on a keypad -> the masked name -> a poli -> the
// priority questions -> the printed number. It shows no one's data; it starts again after
// IDLE_SECONDS without a touch. The server limits how often one kiosk may ask (docs/api.md).
(() => {
  const IDLE_SECONDS = 60;
  const paper = new URLSearchParams(location.search).get("paper") || "80";  // the kiosk's printer: 58, 80 or a6
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
  let typed = "", service = null, options = null, idle = null;

  function say(text, kind) { $("msg").textContent = text || ""; $("msg").className = kind || ""; }

  function step(name) {
    document.querySelectorAll(".step").forEach((s) => { s.hidden = s.id !== "step-" + name; });
  }

  function reset() {
    typed = ""; service = null; showTyped(); say(""); step("id");
    $("ticket").textContent = "";
  }

  function touched() { clearTimeout(idle); idle = setTimeout(reset, IDLE_SECONDS * 1000); }

  function showTyped() { $("typed").textContent = typed || "—"; }

  function keypad() {
    const pad = $("keypad");
    for (const key of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "Hapus"]) {
      const b = el("button", "key", key);
      b.type = "button";
      b.dataset.key = key;
      b.onclick = () => {
        if (key === "⌫") typed = typed.slice(0, -1);
        else if (key === "Hapus") typed = "";
        else if (typed.length < 16) typed += key;
        showTyped();
      };
      pad.append(b);
    }
  }

  async function post(path, body) {
    let resp;
    try {
      resp = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch (e) { return { status: 0, data: { message: "Tidak tersambung ke server. Silakan ke loket. / No connection." } }; }
    let data = {};
    try { data = await resp.json(); } catch (e) { data = {}; }
    return { status: resp.status, data };
  }

  function problem(data) {
    if (data.fields) return Object.values(data.fields).map((f) => `${f.message} / ${f.message_en}`).join(" ");
    return data.message || "Gagal. Silakan ke loket. / Failed: please go to the counter.";
  }

  async function lookup() {
    const { status, data } = await post("api/kiosk/lookup", { id: typed });
    if (status !== 200) { say(problem(data), "error"); return; }
    $("masked-name").textContent = data.name;
    say("");
    await showServices();
  }

  async function scanKtp(file) {
    // the card's own NIK, read on the server; it is kept for the ticket and never shown
    say("Membaca KTP… / Reading the KTP…");
    let resp;
    try {
      resp = await fetch("api/kiosk/ktp", { method: "POST", headers: { "Content-Type": file.type || "image/jpeg" }, body: file });
    } catch (e) { say("Tidak tersambung ke server. Silakan ke loket. / No connection.", "error"); return; }
    let data = {};
    try { data = await resp.json(); } catch (e) { data = {}; }
    $("ktp-photo").value = "";
    if (resp.status !== 200) { say(problem(data), "error"); return; }
    typed = data.id;  // not put on the screen
    $("masked-name").textContent = data.name;
    say("");
    await showServices();
  }

  async function showServices() {
    const resp = await fetch("api/kiosk/options");
    options = await resp.json();
    $("clinic").textContent = options.clinic;
    const box = $("services");
    box.textContent = "";
    for (const s of options.services) {
      const b = el("button", "big choice", s.name);
      b.type = "button"; b.dataset.service = s.code;
      if (!s.open) {
        b.disabled = true;
        b.append(el("small", null, s.closure ? `tutup hari ini: ${s.closure}` : s.reason === "full" ? "kuota hari ini habis" : `tutup (jam ${s.hours_today})`));
      } else b.append(el("small", null, s.name_en));
      b.onclick = () => { service = s.code; showConditions(); };
      box.append(b);
    }
    step("service");
  }

  function showConditions() {
    const box = $("conditions");
    box.textContent = "";
    for (const c of options.conditions) {
      const label = el("label", "big check");
      const input = el("input"); input.type = "checkbox"; input.value = c.key;
      label.append(input, " " + c.label, el("small", null, c.label_en));
      box.append(label);
    }
    step("conditions");
  }

  async function take() {
    const conditions = [...document.querySelectorAll("#conditions input:checked")].map((i) => i.value);
    const { status, data } = await post("api/kiosk/tickets", { id: typed, service, conditions });
    if (status !== 201) { say(problem(data), "error"); return; }
    window.ticketView.render($("ticket"), data);
    typed = ""; showTyped();  // the number typed is not left on the screen
    if (conditions.includes("darurat")) {
      say(`GAWAT DARURAT: segera ke UGD atau minta tolong petugas sekarang; telepon ${options.emergency_number}. / Emergency: go to the emergency unit or ask the staff now.`, "error");
    } else say(`Nomor Anda ${data.number}. Silakan cetak dan tunggu panggilan. / Your number: print it and wait to be called.`, "ok");
    step("ticket");
  }

  keypad(); showTyped();
  document.addEventListener("pointerdown", touched);
  $("id-next").onclick = lookup;
  $("ktp-photo").onchange = (e) => { if (e.target.files.length) scanKtp(e.target.files[0]); };
  $("take").onclick = take;
  $("print").onclick = () => window.ticketView.print(paper);
  document.querySelectorAll(".again").forEach((b) => { b.onclick = reset; });
  fetch("api/kiosk/options").then((r) => r.json()).then((o) => { options = o; $("clinic").textContent = o.clinic; }).catch(() => {});
})();
