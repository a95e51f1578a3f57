"use strict";
// The counter page's link to the JSON API (docs/api.md): the session token, requests, and how
// answers are shown (a message line; a 400 puts each field's message next to its input).
window.counter = (() => {
  const KEY = "pusque_counter_token";
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };

  const token = {
    get: () => sessionStorage.getItem(KEY),
    set: (value) => sessionStorage.setItem(KEY, value),
    clear: () => sessionStorage.removeItem(KEY),
  };

  function say(text, kind) {  // kind: "ok" | "error" | undefined
    const msg = $("msg");
    msg.textContent = text || "";
    msg.className = kind || "";
  }

  async function call(method, path, body, raw) {
    const headers = {};
    const t = token.get();
    if (t) headers.Authorization = "Bearer " + t;
    const options = { method, headers };
    if (raw) { options.body = raw; headers["Content-Type"] = raw.type || "application/octet-stream"; }
    else if (body !== undefined) { options.body = JSON.stringify(body); headers["Content-Type"] = "application/json"; }
    let resp;
    try {
      resp = await fetch(path, options);
    } catch (e) {
      return { status: 0, data: { message: "Server tidak terjangkau. Periksa jaringan. / The server cannot be reached." } };
    }
    let data = {};
    try { data = await resp.json(); } catch (e) { data = {}; }
    if (resp.status === 401 && t && !path.endsWith("/login")) onSignedOut("Sesi berakhir: masuk lagi. / Session ended: sign in again.");
    return { status: resp.status, data };
  }

  function errorText(data) {  // the API's own words: message, or each field's message
    if (data.fields) return Object.entries(data.fields).map(([k, v]) => `${k}: ${v.message}`).join(" · ");
    if (data.error === "too_many_requests") return `Terlalu banyak percobaan; coba lagi dalam ${data.retry_after} detik. / Too many tries.`;
    return data.message || data.error || "Gagal. / Failed.";
  }

  function showFieldErrors(form, fields) {  // next to each input; a field with no input goes to the message line
    form.querySelectorAll(".field-error").forEach((e) => e.remove());
    form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    const rest = {};
    for (const [name, problem] of Object.entries(fields || {})) {
      const input = form.elements[name];
      if (input && input.closest) {
        input.setAttribute("aria-invalid", "true");
        const note = el("span", "field-error", `${problem.message} / ${problem.message_en}`);
        note.dataset.field = name;
        input.closest("label").append(note);
      } else rest[name] = problem;
    }
    return rest;
  }

  let onSignedOut = () => {};
  return { $, el, token, say, call, errorText, showFieldErrors, setSignedOut: (fn) => { onSignedOut = fn; } };
})();
