"use strict";
// Patients on the counter page: search, register a walk-in (optionally from a KTP photo read by
// the server's KTP reader, for staff to confirm), and correct a record (PATCH, audited).
(() => {
  const { $, el, call, say, errorText, showFieldErrors } = window.counter;
  const FIELDS = [
    { name: "nik", id: "NIK (16 angka)", en: "NIK (16 digits)", mode: "numeric" },
    { name: "name", id: "Nama lengkap (seperti di KTP)", en: "Full name (as on the KTP)" },
    { name: "birth_date", id: "Tanggal lahir", en: "Birth date", type: "date" },
    { name: "sex", id: "Jenis kelamin", en: "Sex", options: [["", "—"], ["L", "Laki-laki / Male"], ["P", "Perempuan / Female"]] },
    { name: "address", id: "Alamat", en: "Address" },
    { name: "phone", id: "Nomor HP (tidak wajib)", en: "Phone (optional)", mode: "tel", optional: true },
    { name: "bpjs", id: "Nomor BPJS (tidak wajib, 13 angka)", en: "BPJS number (optional, 13 digits)", mode: "numeric", optional: true },
  ];
  let editing = null;  // the record being corrected, or null for a new patient

  function buildForm() {
    const form = $("patient-form");
    form.textContent = "";
    for (const f of FIELDS) {
      const label = el("label", null, f.id + " ");
      label.append(el("small", null, f.en));
      let input;
      if (f.options) {
        input = el("select");
        for (const [value, text] of f.options) { const o = el("option", null, text); o.value = value; input.append(o); }
      } else {
        input = el("input");
        input.type = f.type || "text";
        if (f.mode) input.inputMode = f.mode;
      }
      input.name = f.name;
      input.id = "p-" + f.name;
      label.append(input);
      form.append(label);
    }
    const save = el("button", "primary", "Simpan ");
    save.type = "submit"; save.id = "patient-save";
    save.append(el("small", null, "Save"));
    form.append(save);
  }

  function fill(values) {
    const form = $("patient-form");
    for (const f of FIELDS) if (values[f.name] != null) form.elements[f.name].value = values[f.name];
  }

  function openForm(record) {  // null: a new walk-in; a search result: correct it
    editing = record;
    buildForm();
    showFieldErrors($("patient-form"), {});
    $("ktp-note").hidden = true;
    const title = $("form-title");
    title.textContent = record ? `Ubah data: ${record.name} ` : "Pasien baru ";
    title.append(el("small", null, record ? "Correct the record" : "New walk-in patient"));
    if (record) {
      fill({ ...record, nik: "" });
      $("p-nik").placeholder = `${record.nik} (kosongkan: tidak diubah / leave empty: unchanged)`;
    }
    window.counterTabs.show("new");
  }

  async function save(ev) {
    ev.preventDefault();
    const form = $("patient-form");
    const values = {};
    for (const f of FIELDS) values[f.name] = form.elements[f.name].value.trim();
    let method = "POST", path = "api/patients", body = {};
    if (editing) {
      method = "PATCH"; path = "api/patients/" + editing.id;
      for (const f of FIELDS) {
        if (f.name === "nik" && !values.nik) continue;
        const before = editing[f.name] == null ? "" : String(editing[f.name]);
        if (values[f.name] !== before) body[f.name] = values[f.name] || (f.optional ? null : "");
      }
      if (!Object.keys(body).length) { say("Tidak ada yang diubah. / Nothing changed.", "error"); return; }
    } else {
      for (const f of FIELDS) if (values[f.name] || !f.optional) body[f.name] = values[f.name] || null;
    }
    const { status, data } = await call(method, path, body);
    if (status === 200 || status === 201) {
      showFieldErrors(form, {});
      if (editing) {
        editing = null;
        window.counterTabs.show("find");
        say(`Data ${data.name} disimpan. / Saved.`, "ok");
      } else {
        say(`${data.name} terdaftar. / Registered.`, "ok");
        window.counterIssue.open(data);
      }
    } else if (status === 400) {
      const rest = showFieldErrors(form, data.fields);
      say("Periksa isian yang ditandai. / Check the marked fields. " + errorText({ fields: rest }), "error");
    } else if (status === 409 && data.error === "nik_registered") {
      say(`NIK sudah terdaftar (pasien #${data.id}): cari pasien itu dan pakai datanya. / This NIK is registered already.`, "error");
    } else if (status) say(errorText(data), "error");
    else say(data.message, "error");
  }

  async function readKtp() {
    const file = $("ktp-photo").files[0];
    if (!file) { say("Pilih atau potret foto KTP dulu. / Choose or take a KTP photo first.", "error"); return; }
    say("Membaca KTP… / Reading the KTP…");
    const { status, data } = await call("POST", "api/ktp", undefined, file);
    if (status !== 200) { say(errorText(data), "error"); return; }
    if (data.error) { say("KTP tidak terbaca: ketik datanya. / The KTP could not be read: type the data.", "error"); return; }
    fill(data.fields);
    const note = $("ktp-note");
    const read = Object.keys(data.fields);
    note.textContent = `Terbaca dari KTP: ${read.join(", ") || "—"}. Periksa setiap isian dengan KTP sebelum menyimpan; ` +
      "isian yang kosong tidak terbaca dengan pasti. / Read from the KTP: check every field against the card before saving." +
      (data.problems.length ? " (" + data.problems.join("; ") + ")" : "");
    note.hidden = false;
    say("KTP dibaca: periksa dan lengkapi. / KTP read: check and complete.", "ok");
  }

  function showFound(list) {
    const box = $("found");
    box.textContent = "";
    if (!list.length) box.append(el("li", "empty", "Tidak ditemukan. Daftarkan sebagai pasien baru. / Not found."));
    for (const p of list) {
      const li = el("li", "patient");
      li.dataset.id = p.id;
      const info = el("div", "who");
      info.append(el("b", null, p.name), el("span", null, ` NIK ${p.nik} · ${p.birth_date || "-"} · ${p.sex || "-"}`),
        el("span", null, ` · HP ${p.phone || "-"} · BPJS ${p.bpjs || "-"}`),
        el("span", "badge", p.telegram ? "Telegram" : "tanpa Telegram"));
      const issue = el("button", "primary", "Beri nomor");
      issue.type = "button"; issue.onclick = () => window.counterIssue.open(p);
      const edit = el("button", null, "Ubah data");
      edit.type = "button"; edit.onclick = () => openForm(p);
      li.append(info, issue, edit);
      box.append(li);
    }
  }

  async function find(ev) {
    ev.preventDefault();
    const q = $("find-q").value.trim();
    const { status, data } = await call("GET", "api/patients?q=" + encodeURIComponent(q));
    if (status === 200) { showFound(data.patients); say(`${data.patients.length} pasien ditemukan. / found.`); }
    else if (status) say(errorText(data), "error");
    else say(data.message, "error");
  }

  window.counterPatients = { openForm };
  $("find-form").addEventListener("submit", find);
  $("patient-form").addEventListener("submit", save);
  $("ktp-read").addEventListener("click", readKtp);
  buildForm();
})();
