"use strict";
// Rehearse web app: three views over the gateway's JSON API. Text from people and the
// server is always inserted as text (textContent), never as HTML.
(() => {
  const $ = (id) => document.getElementById(id);
  const store = window.localStorage;
  const GUARD_COLOURS = ["#7a7f8c", "#a3261b", "#c9a227", "#6a9e3a", "#1d6b3a"];
  let scenario = null;

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function status(message) {
    const box = $("status");
    box.hidden = !message;
    box.textContent = message || "";
  }

  async function api(path, options = {}) {
    const headers = { "Content-Type": "application/json" };
    const token = store.getItem("rehearse.token");
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(path, { ...options, headers: { ...headers, ...(options.headers || {}) } });
    } catch (err) {
      status("Rehearse can't be reached right now. Nothing you typed is lost; try again in a moment.");
      throw err;
    }
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const detail = (body && body.detail) || `The server answered ${response.status}.`;
      status(detail);
      const error = new Error(detail);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    status("");
    return body;
  }

  async function ensureToken() {
    if (store.getItem("rehearse.token")) return;
    const body = await api("/api/tokens", { method: "POST" });
    store.setItem("rehearse.token", body.token);
  }

  // -- highlighting -------------------------------------------------------------------
  function highlighted(text, markers) {
    const chosen = [];
    for (const m of [...markers].sort((a, b) => (a.end - a.start) - (b.end - b.start))) {
      if (chosen.every((c) => m.start >= c.end || m.end <= c.start)) chosen.push(m);
    }
    chosen.sort((a, b) => a.start - b.start);
    const out = el("span");
    let pos = 0;
    for (const m of chosen) {
      out.append(document.createTextNode(text.slice(pos, m.start)));
      out.append(el("mark", { class: m.polarity, tabindex: "0", title: m.tip, "aria-label": `${m.kind.replace("_", " ")}: ${m.text}. ${m.tip}`, text: text.slice(m.start, m.end) }));
      pos = m.end;
    }
    out.append(document.createTextNode(text.slice(pos)));
    return out;
  }

  function meter(analysis) {
    if (!analysis || analysis.score === null || analysis.score === undefined) return el("span");
    const bar = el("span", { class: "meter-bar", "aria-hidden": "true" }, [el("span", { style: `left:${analysis.score}%` })]);
    return el("div", { class: "meter" }, [bar, el("span", { text: `${analysis.label === "safe" ? "Feels safe" : "May feel unsafe"} (${analysis.score}/100)` })]);
  }

  function showHelp(crisis) {
    const panel = $("help-panel");
    if (!crisis || (!crisis.crisis && !crisis.check_in)) return;
    panel.hidden = false;
    panel.replaceChildren(el("p", { text: crisis.message }));
    const list = el("ul");
    for (const r of crisis.resources) list.append(el("li", {}, [el("strong", { text: r.name }), document.createTextNode(`: ${r.contact}. ${r.when}`)]));
    panel.append(list);
    store.setItem(`rehearse.help.${store.getItem("rehearse.conversation")}`, JSON.stringify(crisis));
  }

  // -- rehearse -------------------------------------------------------------------------
  function addMessage(role, text, extra) {
    const item = el("li", { class: `msg ${role}` });
    item.append(extra && extra.markers ? highlighted(text, extra.markers) : document.createTextNode(text));
    if (extra && extra.analysis) item.append(meter(extra.analysis));
    $("log").append(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  function setGuard(partner) {
    if (!partner) return;
    $("guard-label").textContent = partner.guard_label;
    $("guard-dot").style.background = GUARD_COLOURS[partner.guard_level] || GUARD_COLOURS[2];
  }

  function renderReply(body, sent) {
    if (sent !== null) {
      const mine = addMessage("me", sent, body.analysis ? { markers: body.analysis.markers, analysis: body.analysis } : null);
      if (body.suggestions && body.suggestions.length) {
        const toggle = el("button", { type: "button", text: "Show me a safer way" });
        const list = el("ol", { class: "suggestions", hidden: "" });
        for (const s of body.suggestions) {
          const use = el("button", { type: "button", text: "Use this" });
          use.addEventListener("click", () => { $("chat-input").value = s.text; $("chat-input").focus(); });
          list.append(el("li", {}, [el("p", { text: s.text }), el("small", { text: s.explanation }), use]));
        }
        toggle.addEventListener("click", () => { list.hidden = !list.hidden; });
        mine.append(toggle, list);
      }
    }
    for (const m of body.messages || []) {
      if (!m.text) continue;
      const role = m.custom && m.custom.role === "partner" ? "partner" : "coach";
      addMessage(role, m.text);
    }
    setGuard(body.partner);
    showHelp(body.crisis);
  }

  async function send(message, extra = {}) {
    await ensureToken();
    const body = { message, ...extra };
    const conversation = store.getItem("rehearse.conversation");
    if (conversation && !extra.scenario) body.conversation_id = conversation;
    const reply = await api("/api/chat", { method: "POST", body: JSON.stringify(body) });
    store.setItem("rehearse.conversation", reply.conversation_id);
    return reply;
  }

  async function startScenario(s) {
    scenario = s;
    store.removeItem("rehearse.conversation");
    $("picker").hidden = true;
    $("stage").hidden = false;
    $("log").replaceChildren();
    $("help-panel").hidden = true;
    $("partner-name").textContent = `${s.title} — with ${s.partner}`;
    try {
      renderReply(await send(`Start: ${s.title}`, { scenario: s.id }), null);
      store.setItem("rehearse.scenario", JSON.stringify(s));
      $("chat-input").focus();
    } catch (err) { /* the status banner says what happened */ }
  }

  async function loadScenarios() {
    const list = await api("/api/scenarios");
    $("scenarios").replaceChildren(...list.map((s) => {
      const b = el("button", { type: "button", "data-scenario": s.id }, [el("strong", { text: s.title }), el("small", { text: s.practises })]);
      b.addEventListener("click", () => startScenario(s));
      return el("li", {}, [b]);
    }));
  }

  $("chat-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $("chat-input");
    const text = input.value.trim();
    if (!text) return;
    try {
      const reply = await send(text);
      input.value = "";  // only once it was delivered: nothing typed is lost
      renderReply(reply, text);
    } catch (err) { /* kept in the box; the banner explains */ }
  });
  for (const [id, command] of [["btn-pause", "/pause"], ["btn-resume", "/resume"], ["btn-rewind", "/rewind"], ["btn-end", "/end_rehearsal"]]) {
    $(id).addEventListener("click", async () => {
      try { renderReply(await send(command), null); } catch (err) { /* banner */ }
    });
  }

  // -- draft ---------------------------------------------------------------------------
  let debounce = null;
  async function scoreDraft() {
    const text = $("draft-text").value.trim();
    if (!text) { $("draft-result").replaceChildren(); return; }
    try {
      const a = await api("/api/score", { method: "POST", body: JSON.stringify({ text, context: $("draft-context").value.trim() || null }) });
      const box = el("div");
      if (a.crisis && a.crisis.crisis) {
        box.append(el("p", { text: a.crisis.message }));
      } else {
        box.append(meter(a), el("p", {}, [highlighted(a.text, a.markers)]));
      }
      $("draft-result").replaceChildren(box);
    } catch (err) { /* banner */ }
  }
  $("draft-text").addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(scoreDraft, 400); });
  $("draft-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("draft-text").value.trim();
    if (!text) return;
    try {
      const body = await api("/api/rewrite", { method: "POST", body: JSON.stringify({ text, context: $("draft-context").value.trim() || null, n: 3 }) });
      const items = body.suggestions.map((s) => {
        const copy = el("button", { type: "button", text: "Copy" });
        copy.addEventListener("click", async () => {
          try { await navigator.clipboard.writeText(s.text); copy.textContent = "Copied"; } catch (err) { copy.textContent = "Select the text to copy"; }
        });
        return el("li", {}, [el("p", {}, [el("strong", { text: `${s.strategy.replace(/_/g, " ")}: ` }), document.createTextNode(s.text)]), el("small", { text: s.explanation }), copy]);
      });
      $("draft-suggestions").replaceChildren(...(items.length ? items : [el("li", { text: body.note })]));
    } catch (err) { /* banner */ }
  });

  // -- progress --------------------------------------------------------------------------
  const PROMPTS = ["Tell them one thing they did this week that made your day easier.", "Thank them for something small you usually don't mention.", "Ask them what the best part of their day was, and listen.", "Notice one effort they made and name it."];
  let chart = null;
  async function loadProgress() {
    $("appreciation").textContent = `Today's appreciation: ${PROMPTS[new Date().getDate() % PROMPTS.length]}`;
    await ensureToken();
    try {
      const p = await api("/api/progress");
      $("streak").textContent = `${p.practice_days} practice day${p.practice_days === 1 ? "" : "s"}; ${p.streak} in a row.`;
      const fill = (id, pairs) => $(id).replaceChildren(...(pairs.length ? pairs.slice(0, 5).map(([k, n]) => el("li", { text: `${k.replace(/_/g, " ")} (${n})` })) : [el("li", { text: "Nothing yet" })]));
      fill("helps", p.helps);
      fill("harms", p.harms);
      if (window.Chart) {
        if (chart) chart.destroy();
        chart = new window.Chart($("chart"), {
          type: "line",
          data: { labels: p.scores.map((s) => new Date(s.at).toLocaleDateString()), datasets: [{ label: "Score (lower is safer)", data: p.scores.map((s) => s.score), borderColor: "#2f4db3", tension: 0.3 }] },
          options: { responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } },
        });
      }
    } catch (err) { /* banner */ }
  }

  // -- navigation ------------------------------------------------------------------------
  function show(view) {
    for (const tab of document.querySelectorAll(".tab")) {
      if (tab.dataset.view === view) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
    }
    for (const name of ["rehearse", "draft", "progress"]) $(`view-${name}`).hidden = name !== view;
    if (view === "progress") loadProgress();
  }
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => show(tab.dataset.view));

  async function restore() {
    const conversation = store.getItem("rehearse.conversation");
    const saved = store.getItem("rehearse.scenario");
    if (!conversation || !saved || !store.getItem("rehearse.token")) return;
    try {
      const c = await api(`/api/conversations/${conversation}`);
      scenario = JSON.parse(saved);
      $("picker").hidden = true;
      $("stage").hidden = false;
      $("partner-name").textContent = `${scenario.title} — with ${scenario.partner}`;
      for (const t of c.turns) addMessage(t.role === "person" ? "me" : t.role, t.text, t.analysis ? { markers: t.analysis.markers || [], analysis: t.analysis } : null);
      const help = store.getItem(`rehearse.help.${conversation}`);
      if (help) showHelp(JSON.parse(help));
    } catch (err) { store.removeItem("rehearse.conversation"); }
  }

  loadScenarios().then(restore).catch(() => {});
})();
