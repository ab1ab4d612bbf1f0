/* Rehearse widget: <script src="https://your-rehearse/static/widget.js" data-server="https://your-rehearse"
   data-mode="chat|draft" data-scenario="money" data-title="Practise with Rehearse"></script>
   Adds a launcher button and a panel in a shadow root, isolated from the host page's styles. */
(() => {
  "use strict";
  const script = document.currentScript;
  const cfg = script ? script.dataset : {};
  const server = (cfg.server || new URL(script.src).origin).replace(/\/$/, "");
  const mode = cfg.mode === "draft" ? "draft" : "chat";
  const key = `rehearse.widget.${server}`;
  const state = JSON.parse(localStorage.getItem(key) || "null") || { sender: null, log: [], open: false };
  const save = () => localStorage.setItem(key, JSON.stringify({ ...state, log: state.log.slice(-100) }));
  const newSender = () => `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  if (!state.sender) state.sender = newSender();

  const host = document.createElement("div");
  host.setAttribute("data-rehearse-widget", "");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
    :host { all: initial; }
    * { box-sizing: border-box; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
    .launch { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; border: 0; border-radius: 24px; padding: 12px 18px; background: #2f4db3; color: #fff; cursor: pointer; }
    .panel { position: fixed; right: 16px; bottom: 72px; z-index: 2147483000; width: min(380px, calc(100vw - 32px)); height: min(560px, calc(100vh - 96px)); display: flex; flex-direction: column; background: #fff; color: #1d2433; border: 1px solid #bbb; border-radius: 12px; box-shadow: 0 8px 24px rgba(0,0,0,.2); }
    .panel[hidden] { display: none; }
    header { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; border-bottom: 1px solid #ddd; font-weight: 600; }
    ol { list-style: none; margin: 0; padding: 8px; overflow-y: auto; flex: 1; display: flex; flex-direction: column; gap: 6px; }
    li { padding: 6px 10px; border-radius: 10px; border: 1px solid #ddd; max-width: 92%; }
    li.me { align-self: flex-end; background: #eef2ff; }
    li.note { border-style: dashed; color: #4a5568; }
    mark { border-radius: 3px; padding: 0 2px; color: #1d2433; } mark.help { background: #d5f0dd; } mark.harm { background: #f8d4cf; }
    mark[title]:focus::after { content: " — " attr(title); font-style: italic; }
    .meter { font-size: 13px; color: #4a5568; }
    .quick { display: flex; flex-wrap: wrap; gap: 4px; padding: 0 8px; }
    button { cursor: pointer; border-radius: 8px; border: 1px solid #2f4db3; background: #fff; color: #2f4db3; padding: 6px 10px; }
    form { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #ddd; }
    textarea { flex: 1; resize: none; border: 1px solid #888; border-radius: 8px; padding: 6px; }
    :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
    .typing { padding: 0 12px; color: #4a5568; font-size: 13px; min-height: 18px; }
    .status { background: #fff4d6; padding: 6px 12px; font-size: 13px; }
  </style>
  <button class="launch" type="button" aria-expanded="false" aria-controls="panel">${"Rehearse"}</button>
  <section class="panel" id="panel" role="dialog" aria-label="Rehearse" hidden>
    <header><span class="title"></span><span><button type="button" class="reset">Reset</button> <button type="button" class="close" aria-label="Close">✕</button></span></header>
    <div class="status" role="status" aria-live="polite" hidden></div>
    <ol class="log" aria-live="polite" aria-label="Messages"></ol>
    <div class="quick"></div>
    <div class="typing" aria-live="polite"></div>
    <form><label hidden for="input">Message</label><textarea id="input" rows="2" maxlength="5000" placeholder="Type your reply…"></textarea><button type="submit">Send</button></form>
  </section>`;
  const $ = (sel) => root.querySelector(sel);
  $(".title").textContent = cfg.title || (mode === "draft" ? "Check a message" : "Practise with Rehearse");

  function text(tag, value, cls) { const n = document.createElement(tag); n.textContent = value; if (cls) n.className = cls; return n; }
  function highlighted(value, markers) {
    const span = document.createElement("span");
    const chosen = [];
    for (const m of [...(markers || [])].sort((a, b) => (a.end - a.start) - (b.end - b.start))) {
      if (chosen.every((c) => m.start >= c.end || m.end <= c.start)) chosen.push(m);
    }
    chosen.sort((a, b) => a.start - b.start);
    let pos = 0;
    for (const m of chosen) {
      span.append(document.createTextNode(value.slice(pos, m.start)));
      const mark = text("mark", value.slice(m.start, m.end), m.polarity);
      mark.title = m.tip; mark.tabIndex = 0; mark.setAttribute("aria-label", `${m.kind}: ${m.tip}`);
      span.append(mark);
      pos = m.end;
    }
    span.append(document.createTextNode(value.slice(pos)));
    return span;
  }
  function render(entry) {
    const li = document.createElement("li");
    li.className = entry.role;
    if (entry.analysis && entry.analysis.markers) li.append(highlighted(entry.text, entry.analysis.markers)); else li.textContent = entry.text;
    if (entry.analysis && entry.analysis.score != null) li.append(text("div", `${entry.analysis.label === "safe" ? "Feels safe" : "May feel unsafe"} (${entry.analysis.score}/100)`, "meter"));
    $(".log").append(li);
    li.scrollIntoView({ block: "nearest" });
  }
  function add(entry) { state.log.push(entry); save(); render(entry); }
  function quick(buttons) {
    $(".quick").replaceChildren(...(buttons || []).map((b) => {
      const btn = text("button", b.title);
      btn.type = "button";
      btn.addEventListener("click", () => sendChat(b.payload, b.title));
      return btn;
    }));
  }
  function status(message) { const s = $(".status"); s.hidden = !message; s.textContent = message || ""; }

  async function post(path, body) {
    const response = await fetch(`${server}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error((data && data.detail) || `The server answered ${response.status}.`);
    return data;
  }

  async function sendChat(message, shown) {
    $(".typing").textContent = "Typing…";
    try {
      const answer = await post("/webhooks/rest/webhook", { sender: state.sender, message });
      status("");
      const analysis = (answer.find((m) => m.custom && m.custom.rehearse) || {}).custom;
      add({ role: "me", text: shown || message, analysis: analysis ? analysis.rehearse : null });
      // Rasa sends an utterance's custom payload right after its text: the partner's lines
      // say so there; everything else is the coach.
      answer.forEach((m, i) => {
        const next = answer[i + 1];
        const partner = next && !next.text && next.custom && next.custom.role === "partner";
        if (m.text) add({ role: partner ? "bot" : "note", text: m.text });
      });
      const withButtons = answer.filter((m) => m.buttons && m.buttons.length).pop();
      if (withButtons) quick(withButtons.buttons);
      return true;
    } catch (err) {
      status(`Rehearse can't be reached right now (${err.message}). Your message is still in the box.`);
      return false;
    } finally { $(".typing").textContent = ""; }
  }

  async function sendDraft(message) {
    $(".typing").textContent = "Checking…";
    try {
      const result = await post("/api/rewrite", { text: message, n: 3 });
      status("");
      add({ role: "me", text: message, analysis: result.original });
      if (result.original.crisis && result.original.crisis.crisis) add({ role: "note", text: result.original.crisis.message });
      for (const s of result.suggestions) add({ role: "bot", text: `${s.text} (${s.strategy.replace(/_/g, " ")})` });
      if (!result.suggestions.length && result.note) add({ role: "note", text: result.note });
      return true;
    } catch (err) {
      status(`Rehearse can't be reached right now (${err.message}). Your message is still in the box.`);
      return false;
    } finally { $(".typing").textContent = ""; }
  }

  $("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $("textarea");
    const value = input.value.trim();
    if (!value) return;
    const ok = mode === "draft" ? await sendDraft(value) : await sendChat(value);
    if (ok) input.value = "";
  });
  $("textarea").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("form").requestSubmit(); }
  });
  function toggle(open) {
    state.open = open; save();
    $(".panel").hidden = !open;
    $(".launch").setAttribute("aria-expanded", String(open));
    if (open) $("textarea").focus();
  }
  $(".launch").addEventListener("click", () => toggle($(".panel").hidden));
  $(".close").addEventListener("click", () => { toggle(false); $(".launch").focus(); });
  $(".reset").addEventListener("click", () => {
    state.sender = newSender(); state.log = []; save();
    $(".log").replaceChildren(); quick([]);
    if (mode === "chat" && cfg.scenario) sendChat(`/start_rehearsal{"scenario":"${cfg.scenario.replace(/[^a-z_]/g, "")}"}`, "Start");
  });

  document.body.append(host);
  for (const entry of state.log) render(entry);
  if (state.open) toggle(true);
  if (mode === "chat" && state.log.length === 0) {
    if (cfg.scenario) sendChat(`/start_rehearsal{"scenario":"${cfg.scenario.replace(/[^a-z_]/g, "")}"}`, "Start");
    else sendChat("/greet", "Hi");
  }
})();
