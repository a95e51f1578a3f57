"use strict";
// The counter page: sign in (a /kode code or a staff token), tabs, sign out.
(() => {
  const { $, call, say, token, errorText } = window.counter;

  const tabs = {
    show(name) {
      $("issue").hidden = true;
      document.querySelectorAll(".tab").forEach((t) => { t.hidden = t.id !== "tab-" + name; });
      document.querySelectorAll("[data-tab]").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    },
  };
  window.counterTabs = tabs;

  function signedIn(who) {
    $("login").hidden = true; $("app").hidden = false; $("who").hidden = false;
    $("who-name").textContent = who.name.replace(/^loket:/, "") + (who.role === "admin" ? " (admin)" : "");
    window.counterIssue.loadOptions();
  }

  function signedOut(text) {
    token.clear();
    $("app").hidden = true; $("who").hidden = true; $("login").hidden = false; $("print").hidden = true;
    if (text) say(text, "error");
  }
  window.counter.setSignedOut(signedOut);

  async function login(ev) {
    ev.preventDefault();
    const typed = $("login-code").value.trim();
    if (typed.startsWith("pq_")) {  // a staff token made with /token
      token.set(typed);
      const { status, data } = await call("GET", "api/counter/session");
      if (status === 200) { signedIn(data); say("Masuk. / Signed in.", "ok"); } else { token.clear(); say(errorText(data), "error"); }
      return;
    }
    const { status, data } = await call("POST", "api/counter/login", { code: typed });
    if (status === 200) { token.set(data.token); signedIn(data); say(`Masuk sebagai ${data.name.replace(/^loket:/, "")}. / Signed in.`, "ok"); }
    else say(errorText(data), "error");
    $("login-code").value = "";
  }

  async function logout() {
    await call("POST", "api/counter/logout");
    signedOut();
    say("Keluar. / Signed out.", "ok");
  }

  document.querySelectorAll("[data-tab]").forEach((b) => b.addEventListener("click", () => {
    if (b.dataset.tab === "new") window.counterPatients.openForm(null);
    else tabs.show(b.dataset.tab);
  }));
  $("login-form").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);

  (async () => {  // a page reloaded in the same tab keeps its session
    if (!token.get()) return;
    const { status, data } = await call("GET", "api/counter/session");
    if (status === 200) signedIn(data); else token.clear();
  })();
})();
