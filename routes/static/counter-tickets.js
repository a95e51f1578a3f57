"use strict";
// Tickets on the counter page: issue a number (the chat's polis and priority questions), the
// print view, check-in by number or by the ticket's QR (BarcodeDetector), cancel, clear a queue.
(() => {
  const { $, el, call, say, errorText } = window.counter;
  let patient = null, options = null;

  async function loadOptions() {  // the polis open now and the questions: live, every time
    const { status, data } = await call("GET", "api/kiosk/options");
    if (status !== 200) { say(errorText(data), "error"); return null; }
    options = data;
    const select = $("clear-service");
    select.textContent = "";
    for (const s of data.services) { const o = el("option", null, `${s.code} – ${s.name}`); o.value = s.code; select.append(o); }
    return data;
  }

  function choice(type, name, value, text, disabled) {
    const label = el("label", "choice" + (disabled ? " off" : ""));
    const input = el("input");
    input.type = type; input.name = name; input.value = value; input.disabled = !!disabled;
    label.append(input, " " + text);
    return label;
  }

  async function open(record) {
    patient = record;
    if (!(await loadOptions())) return;
    $("issue-name").textContent = record.name || "#" + record.id;
    const services = $("issue-services"), conditions = $("issue-conditions");
    services.textContent = ""; conditions.textContent = "";
    for (const s of options.services) {
      const why = s.open ? "" : s.closure ? ` (tutup hari ini: ${s.closure})` : s.reason === "full" ? " (kuota habis)" : ` (tutup; jam ${s.hours_today})`;
      services.append(choice("radio", "service", s.code, s.name + why, !s.open));
    }
    for (const c of options.conditions) conditions.append(choice("checkbox", "conditions", c.key, `${c.label} / ${c.label_en}`));
    $("issue").hidden = false;
    $("issue").scrollIntoView({ block: "nearest" });
  }

  async function issue(ev) {
    ev.preventDefault();
    const form = $("issue-form");
    const service = form.querySelector("input[name=service]:checked");
    if (!service) { say("Pilih poli dulu. / Choose a service first.", "error"); return; }
    const conditions = [...form.querySelectorAll("input[name=conditions]:checked")].map((c) => c.value);
    const { status, data } = await call("POST", "api/tickets", { patient_id: patient.id, service: service.value, conditions });
    if (status !== 201) { say(errorText(data), "error"); return; }
    $("issue").hidden = true;
    const told = patient.telegram ? " Pasien juga diberi tahu di chat. / Also told in the chat." : "";
    say(`Nomor ${data.number} untuk ${patient.name}.${told}`, "ok");
    if (conditions.includes("darurat")) say(`Nomor ${data.number}: GAWAT DARURAT – antar pasien ke UGD sekarang. / Emergency: take the patient to the emergency unit now.`, "error");
    await showPrint(data.number);
  }

  async function showPrint(number) {
    const { status, data } = await call("GET", `api/tickets/${encodeURIComponent(number)}/print`);
    if (status !== 200) { say(errorText(data), "error"); return; }
    window.ticketView.render($("ticket"), data);
    $("print").hidden = false;
    $("print").scrollIntoView({ block: "nearest" });
  }

  function numberOf(text) {  // a typed number, or a scanned QR "PUSQUE:2026-11-23:A-007:42"
    const t = text.trim().toUpperCase();
    const qr = /^PUSQUE:[\d-]+:([A-Z0-9]+-\d+):\d+$/.exec(t);
    return qr ? qr[1] : t;
  }

  async function checkIn(number) {
    const { status, data } = await call("POST", `api/tickets/${encodeURIComponent(number)}/checkin`);
    if (status === 200) {
      const where = data.status === "waiting" ? `posisi ${data.position}` : data.status;
      say(`${data.number} sudah datang (${where}). / ${data.number} checked in.`, "ok");
      $("checkin-number").value = "";
    } else say(errorText(data), "error");
  }

  let scanning = null;
  async function scan() {
    const note = $("scan-note"), video = $("scan-video");
    if (scanning) { scanning(); return; }
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices) {
      note.textContent = "Pemindai QR tidak tersedia di peramban ini: ketik nomornya. / No QR scanner in this browser: type the number.";
      note.hidden = false;
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (e) {
      note.textContent = "Kamera tidak bisa dibuka: ketik nomornya. / The camera cannot be opened: type the number.";
      note.hidden = false;
      return;
    }
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    let running = true;
    scanning = () => { running = false; stream.getTracks().forEach((t) => t.stop()); video.hidden = true; scanning = null; };
    video.srcObject = stream; video.hidden = false; await video.play();
    note.textContent = "Arahkan QR tiket ke kamera… / Show the ticket's QR to the camera…"; note.hidden = false;
    while (running) {
      try {
        const codes = await detector.detect(video);
        if (codes.length) { const number = numberOf(codes[0].rawValue); scanning(); note.hidden = true; await checkIn(number); return; }
      } catch (e) { /* a frame not ready yet */ }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function cancel(ev) {
    ev.preventDefault();
    const number = numberOf($("cancel-number").value);
    const { status, data } = await call("DELETE", `api/tickets/${encodeURIComponent(number)}`, { reason: $("cancel-reason").value });
    if (status !== 200) { say(errorText(data), "error"); return; }
    say(`Nomor ${data.number} dibatalkan; kuotanya kembali. / Cancelled, its place is back in the quota.`, "ok");
    $("cancel-form").reset();
  }

  function confirmMatches() {
    $("clear-go").disabled = $("clear-confirm").value.trim().toUpperCase() !== $("clear-service").value;
  }

  async function clearQueue(ev) {
    ev.preventDefault();
    const service = $("clear-service").value;
    if ($("clear-confirm").value.trim().toUpperCase() !== service) return;
    const { status, data } = await call("POST", `api/queues/${encodeURIComponent(service)}/clear`, { reason: $("clear-reason").value });
    if (status !== 200) { say(errorText(data), "error"); return; }
    say(`Antrean ${service} dikosongkan: ${data.count} nomor dibatalkan. / Cleared: ${data.count} cancelled.`, "ok");
    $("clear-form").reset(); confirmMatches();
  }

  window.counterIssue = { open, loadOptions };
  $("issue-form").addEventListener("submit", issue);
  $("issue-close").addEventListener("click", () => { $("issue").hidden = true; });
  $("print-close").addEventListener("click", () => { $("print").hidden = true; });
  document.querySelectorAll("#print [data-paper]").forEach((b) => b.addEventListener("click", () => window.ticketView.print(b.dataset.paper)));
  $("checkin-form").addEventListener("submit", (ev) => { ev.preventDefault(); checkIn(numberOf($("checkin-number").value)); });
  $("scan").addEventListener("click", scan);
  $("cancel-form").addEventListener("submit", cancel);
  $("clear-confirm").addEventListener("input", confirmMatches);
  $("clear-service").addEventListener("change", confirmMatches);
  $("clear-form").addEventListener("submit", clearQueue);
})();
