// eventcoder web page: code a text and see its records in place; browse a stored corpus.
// Plain JavaScript, no build step; talks only to this server (see the page's CSP).
"use strict";

const $ = (sel) => document.querySelector(sel);
const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOUR = { 1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#cb181d" };
const state = { records: [], byId: {}, marks: [], eventsOffset: 0, filters: {}, map: null, mapLayer: null };

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function setStatus(text, isError = false) {
  const el = $("#status");
  el.textContent = text;
  el.classList.toggle("error", isError);
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

// ---------------------------------------------------------------- marks in the text

function actorLabel(actor) {
  if (!actor) return "—";
  return actor.code ? `${actor.text} (${actor.code})` : actor.text;
}

// Find `needle` inside [start, end) of the code-point array; returns a [s, e] span or null.
function findIn(chars, needle, start, end) {
  if (!needle) return null;
  const hay = chars.slice(start, end).join("");
  const at = hay.indexOf(needle);
  if (at < 0) return null;
  const s = start + Array.from(hay.slice(0, at)).length;
  return [s, s + Array.from(needle).length];
}

function collectMarks(chars, records) {
  const marks = [];
  const add = (span, cls, rec) => {
    if (span && span.length === 2 && span[1] > span[0] && span[0] >= 0 && span[1] <= chars.length) {
      marks.push({ start: span[0], end: span[1], cls, id: rec.id });
    }
  };
  const conflicted = new Set();
  records.filter((r) => r.record === "conflict").forEach((c) => (c.members || []).forEach((m) => conflicted.add(m)));
  for (const r of records) {
    const sent = r.span || [0, chars.length];
    if (r.record === "event") {
      add(r.trigger_span, "m-trigger", r);
      for (const side of ["source", "target"]) if (r[side]) add(r[side].span, "m-actor", r);
      if (r.date && r.date.text) add(findIn(chars, r.date.text, sent[0], sent[1]), "m-date", r);
      if (r.location) add(r.location.span || findIn(chars, r.location.name, sent[0], sent[1]), "m-place", r);
    } else if (r.record === "claim") {
      add(r.content_span, "m-claim", r);
      if (r.speaker) add(r.speaker.span, "m-actor", r);
    } else if (r.record === "quantity") {
      add(r.span, conflicted.has(r.id) ? "m-figure m-conflict" : "m-figure", r);
      if (r.source) add(r.source.span, "m-actor", r);
    } else if (r.record === "poll") {
      add(r.span, "m-poll", r);
    }
  }
  return marks;
}

// Render text with marks; overlapping marks nest by splitting the text at every boundary.
function renderMarked(chars, marks, offset = 0) {
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(m.start - offset); cuts.add(m.end - offset); }
  const points = [...cuts].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = esc(chars.slice(a, b).join(""));
    const over = marks.filter((m) => m.start - offset <= a && m.end - offset >= b);
    if (!over.length) { html += piece; continue; }
    const classes = [...new Set(over.flatMap((m) => m.cls.split(" ")))].join(" ");
    const ids = [...new Set(over.map((m) => m.id))];
    html += `<span class="${classes}" data-marks="${esc(ids.join(" "))}">${piece}</span>`;
  }
  return html;
}

function renderDocument(text, records) {
  state.records = records;
  state.byId = Object.fromEntries(records.map((r) => [r.id, r]));
  const doc = $("#doc");
  if (text) {
    const chars = Array.from(text);
    doc.innerHTML = renderMarked(chars, collectMarks(chars, records));
  } else {
    // The store keeps no text: show each sentence that holds records, marked in place.
    const seen = new Map();
    for (const r of records) if (r.span && r.sentence_text && !seen.has(r.sentence)) seen.set(r.sentence, r);
    let html = '<p class="muted">The store keeps no full text for this document; its sentences with records:</p>';
    for (const [, r] of [...seen].sort((a, b) => a[0] - b[0])) {
      const chars = Array.from(r.sentence_text);
      const fits = r.span[1] - r.span[0] === chars.length;
      const mine = records.filter((x) => x.sentence === r.sentence);
      const marks = fits ? collectMarks(Array.from(" ".repeat(r.span[0])).concat(chars), mine) : [];
      html += `<span class="sentence-block">${renderMarked(chars, marks, r.span[0])}</span>`;
    }
    doc.innerHTML = html;
  }
  renderPanel(records);
}

// ---------------------------------------------------------------- side panel

function eventLine(r) {
  const neg = r.negated ? " <b>not</b>" : "";
  return `${esc(r.source ? r.source.code || r.source.text : "?")} <span class="code">${esc(r.cameo)}</span>${neg} ${esc(r.plover || "")} → ${esc(r.target ? r.target.code || r.target.text : "?")} <span class="muted">“${esc(r.trigger || "")}”, ${esc(r.date ? r.date.start || "date unknown" : "")}</span>`;
}

function recordLine(r) {
  if (r.record === "event") return eventLine(r);
  if (r.record === "claim") return `${esc(r.speaker ? actorLabel(r.speaker) : "unattributed")}: “${esc(r.content || "")}”`;
  if (r.record === "quantity") return `${esc(r.text || r.low)} ${esc(r.measure || "")} <span class="muted">${esc(r.source ? r.source.text : "")}</span>`;
  if (r.record === "poll") return `${esc(r.pollster || "poll")}: ${esc(r.answer || "")} ${r.share != null ? Math.round(r.share * 100) + "%" : ""}`;
  if (r.record === "conflict") return `${esc(r.measure || "")}: ${esc(r.reason || "")}`;
  return esc(r.id);
}

function renderPanel(records) {
  const groups = [["event", "Events"], ["claim", "Claims"], ["quantity", "Figures and estimates"], ["poll", "Polls"], ["conflict", "Conflicts"]];
  let html = "";
  for (const [kind, title] of groups) {
    const mine = records.filter((r) => r.record === kind);
    if (!mine.length) continue;
    html += `<h3>${title} (${mine.length})</h3>`;
    html += mine.map((r) => `<div class="rec rec-${kind}" data-id="${esc(r.id)}">${recordLine(r)}</div>`).join("");
  }
  $("#records").innerHTML = html || '<p class="muted">No records.</p>';
  $("#explain").innerHTML = "";
}

function row(label, value) { return `<tr><td>${label}</td><td>${value}</td></tr>`; }

function actorRow(label, actor) {
  if (!actor) return row(label, '<span class="muted">none found</span>');
  const parts = [`“${esc(actor.text)}”`];
  if (actor.code) parts.push(`coded <span class="code">${esc(actor.code)}</span>`);
  if (actor.country) parts.push(`country ${esc(actor.country)}`);
  if (actor.sector) parts.push(`sector ${esc(actor.sector)}`);
  if (!actor.code && actor.entity_type) parts.push(`uncoded ${esc(actor.entity_type)}`);
  return row(label, parts.join(", "));
}

function explainEvent(r) {
  const d = r.date || {};
  const when = d.granularity === "unknown" || !d.start
    ? `unknown${d.end ? ` (before ${esc(d.end)})` : ""}`
    : `${esc(d.start)}${d.end && d.end !== d.start ? " – " + esc(d.end) : ""} (${esc(d.granularity)})`;
  const loc = r.location ? `${esc(r.location.name)}${r.location.country ? ", " + esc(r.location.country) : ""}${r.location.lat != null ? ` (${r.location.lat.toFixed(2)}, ${r.location.lon.toFixed(2)})` : ""}` : '<span class="muted">none</span>';
  return `<h3>Why this event was coded</h3><table>`
    + row("trigger", `“${esc(r.trigger || "")}”`)
    + row("rule", `<span class="code">${esc(r.pattern || "—")}</span>`)
    + actorRow("source", r.source)
    + actorRow("target", r.target)
    + row("code", `CAMEO <span class="code">${esc(r.cameo)}</span>, PLOVER ${esc(r.plover || "—")}${r.plover_mode ? " / " + esc(r.plover_mode) : ""}`)
    + row("scores", `Goldstein ${esc(r.goldstein)}, quad class ${esc(r.quad_class)} (${esc(QUAD[r.quad_class] || "—")})`)
    + row("date", `${when}${d.text ? ` from “${esc(d.text)}”` : ' <span class="muted">no date expression; bounded by the document date</span>'}`)
    + row("place", loc)
    + row("modality", `${esc(r.modality)}${r.negated ? ", <b>negated</b>" : ""}${r.reported_by ? ", reported by " + esc(actorLabel(r.reported_by)) : ""}`)
    + row("sentence", `<span class="muted">${esc(r.sentence_text || "")}</span>`)
    + `</table>`;
}

function explainOther(r) {
  const fields = Object.entries(r).filter(([k, v]) => !["record", "v", "doc_id", "sentence_text", "span", "content_span"].includes(k) && v !== null && v !== "" && !(Array.isArray(v) && !v.length));
  return `<h3>${esc(r.record)}</h3><table>` + fields.map(([k, v]) => row(esc(k), esc(typeof v === "object" ? (v.text || JSON.stringify(v)) : v))).join("") + "</table>";
}

function select(id) {
  const r = state.byId[id];
  if (!r) return;
  $("#explain").innerHTML = r.record === "event" ? explainEvent(r) : explainOther(r);
  document.querySelectorAll(".rec.selected, .doc .selected").forEach((el) => el.classList.remove("selected"));
  const item = document.querySelector(`.rec[data-id="${CSS.escape(id)}"]`);
  if (item) item.classList.add("selected");
  document.querySelectorAll("#doc [data-marks]").forEach((el) => {
    if (el.dataset.marks.split(" ").includes(id)) el.classList.add("selected");
  });
  $("#explain").scrollIntoView({ block: "nearest" });
}

// ---------------------------------------------------------------- coding a text

async function codeText(event) {
  event.preventDefault();
  const text = $("#text").value;
  if (!text.trim()) { setStatus("Paste some text first.", true); return; }
  const body = { text, date: $("#date").value || null, title: $("#title").value || null, store: $("#store").checked };
  if (/^\s*<(!doctype html|html)/i.test(text)) body.kind = "html";
  const headers = { "Content-Type": "application/json" };
  if (body.store) headers.Authorization = `Bearer ${$("#token").value}`;
  $("#code-btn").disabled = true;
  setStatus("Coding…");
  const started = performance.now();
  try {
    const result = await api("/api/code", { method: "POST", headers, body: JSON.stringify(body) });
    renderDocument(result.text, result.records);
    const n = result.records.filter((r) => r.record === "event").length;
    const shownMs = Math.round(performance.now() - started);
    setStatus(`${n} events, ${result.records.length} records in ${shownMs} ms (coder ${Math.round(result.coding_ms)} ms)${result.stored ? ", stored" : ""}`);
  } catch (err) {
    setStatus(err.message, true);
  } finally {
    $("#code-btn").disabled = false;
  }
}

function readFile() {
  const file = $("#file").files[0];
  if (!file) return;
  if (file.size > 1900000) { setStatus("That file is larger than the server accepts (about 2 MB).", true); return; }
  const reader = new FileReader();
  reader.onload = () => { $("#text").value = reader.result; if (!$("#title").value) $("#title").value = file.name; };
  reader.readAsText(file);
}

// ---------------------------------------------------------------- browsing the store

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) q.set(k, v);
  return q.toString();
}

function svg(width, height, inner) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img">${inner}</svg>`;
}

const dayMs = 86400000;
const toMs = (s) => (s && s.length === 10 ? Date.parse(s + "T00:00:00Z") : null);

function drawTimeline(items) {
  const el = $("#timeline-chart");
  items = items.slice(0, 60);
  if (!items.length) { el.innerHTML = '<p class="muted">No events match.</p>'; return; }
  const dated = items.flatMap((i) => [toMs(i.start), toMs(i.end)]).filter((x) => x != null).sort((a, b) => a - b);
  // A stray old date would squeeze everything else to the right: start at the 10th
  // percentile when it is far from the minimum; earlier events are drawn at the left edge.
  let lo = dated[0], hi = dated[dated.length - 1];
  if (dated.length >= 10) { const p10 = dated[Math.floor(dated.length / 10)]; if (hi - p10 < (hi - lo) / 3) lo = p10; }
  if (!dated.length) { hi = Date.now(); lo = hi - 30 * dayMs; }
  const pad = Math.max(3 * dayMs, (hi - lo) / 20); lo -= pad; hi += pad;
  const W = 1000, left = 10, right = 230, rowH = 14, top = 24, H = top + items.length * rowH + 10;
  const x = (ms) => left + ((Math.max(ms, lo) - lo) / (hi - lo)) * (W - left - right);
  let g = "";
  for (let k = 0; k <= 4; k++) {
    const ms = lo + (k * (hi - lo)) / 4, xx = x(ms);
    const anchor = k === 0 ? "start" : k === 4 ? "end" : "middle";
    g += `<line x1="${xx}" x2="${xx}" y1="${top - 6}" y2="${H}" stroke="#eee"/><text x="${xx}" y="14" font-size="11" text-anchor="${anchor}" fill="#555">${new Date(ms).toISOString().slice(0, 10)}</text>`;
  }
  items.forEach((it, n) => {
    const y = top + n * rowH + rowH / 2, c = QUAD_COLOUR[it.quad_class] || "#999";
    const s = toMs(it.start), e = toMs(it.end);
    const title = `<title>${esc(it.label)} · ${esc(it.granularity)} ${esc(it.start || "")}${it.end && it.end !== it.start ? " – " + esc(it.end) : ""}${it.date_text ? " · “" + esc(it.date_text) + "”" : ""}</title>`;
    if (it.shape === "point") g += `<circle class="tl-point" cx="${x(s ?? e)}" cy="${y}" r="4.5" fill="${c}">${title}</circle>`;
    else if (it.shape === "band" && s != null && e != null) g += `<rect class="tl-band" x="${x(s)}" y="${y - 4}" width="${Math.max(3, x(e + dayMs) - x(s))}" height="8" fill="${c}" fill-opacity=".55" stroke="${c}">${title}</rect>`;
    else { const xe = x(e ?? hi); g += `<line x1="${left}" x2="${xe}" y1="${y}" y2="${y}" stroke="#ccc" stroke-dasharray="2 3"/><circle class="tl-unknown" cx="${xe}" cy="${y}" r="4.5" fill="#fff" stroke="${c}" stroke-width="1.5">${title}</circle>`; }
    g += `<text x="${W - right + 8}" y="${y + 4}" font-size="11" fill="#333">${esc(it.label)}</text>`;
  });
  el.innerHTML = svg(W, H, g);
}

function drawDyad(data) {
  const el = $("#dyad-chart");
  const pts = data.points;
  if (!pts.length) { el.innerHTML = `<p class="muted">No dated events between ${esc(data.first)} and ${esc(data.second)} (${data.undated} undated).</p>`; return; }
  const W = 600, H = 260, left = 34, bottom = 200, top = 14;
  const most = Math.max(1, ...pts.map((p) => p.events));
  const bw = (W - left - 10) / pts.length;
  let g = `<line x1="${left}" x2="${W}" y1="${bottom}" y2="${bottom}" stroke="#999"/>`;
  g += `<text x="2" y="${top + 4}" font-size="10" fill="#555">${most}</text><text x="2" y="${bottom}" font-size="10" fill="#555">0</text>`;
  pts.forEach((p, i) => {
    let base = bottom;
    for (const q of [1, 2, 3, 4]) {
      const h = ((p.quad[q] || 0) / most) * (bottom - top);
      if (h > 0) g += `<rect class="dyad-bar" x="${left + i * bw + 1}" y="${base - h}" width="${Math.max(1, bw - 2)}" height="${h}" fill="${QUAD_COLOUR[q]}"><title>${esc(p.period)}: ${p.quad[q]} ${QUAD[q]}</title></rect>`;
      base -= h;
    }
    if (i % Math.ceil(pts.length / 8) === 0) g += `<text x="${left + i * bw}" y="${bottom + 14}" font-size="10" fill="#555">${esc(p.period.slice(0, 7))}</text>`;
  });
  const gy = (v) => 245 - ((v + 10) / 20) * 20;
  const line = pts.map((p, i) => (p.goldstein_mean == null ? null : `${left + i * bw + bw / 2},${gy(p.goldstein_mean)}`)).filter(Boolean);
  g += `<text x="2" y="240" font-size="10" fill="#555">Goldstein</text><line x1="${left}" x2="${W}" y1="${gy(0)}" y2="${gy(0)}" stroke="#ddd"/>`;
  if (line.length) g += `<polyline points="${line.join(" ")}" fill="none" stroke="#333" stroke-width="1.5"/>`;
  el.innerHTML = svg(W, H, g) + `<p class="muted">${data.events} events (${data.undated} undated, not drawn); bars: quad classes per ${esc(data.freq)}; line: mean Goldstein (−10…+10).</p>`;
}

async function initMap() {
  if (state.map || typeof L === "undefined") return;
  state.map = L.map("map", { attributionControl: false, worldCopyJump: true, minZoom: 1, maxZoom: 8 }).setView([25, 10], 1);
  try {
    const world = await api("/static/vendor/countries-110m.json");
    const land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, { style: { color: "#8aa", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1 } }).addTo(state.map);
  } catch (err) { setStatus("World outline could not be loaded: " + err.message, true); }
  state.mapLayer = L.layerGroup().addTo(state.map);
}

async function drawMap(params) {
  await initMap();
  if (!state.map) return;
  state.mapLayer.clearLayers();
  const data = await api("/api/analysis/locations?" + query(params));
  for (const it of data.items) {
    L.circleMarker([it.lat, it.lon], { radius: 6, color: QUAD_COLOUR[it.quad_class] || "#555", fillOpacity: 0.7 })
      .bindPopup(`<b>${esc(it.name)}</b>${[it.admin1, it.country].filter(Boolean).map((x) => ", " + esc(x)).join("")}${it.precision ? ` <span class="muted">(${esc(it.precision)})</span>` : ""} ${esc(it.date || "")}<br>CAMEO ${esc(it.cameo)}<br>${esc(it.sentence_text || "")}`)
      .addTo(state.mapLayer);
  }
  $("#map-note").textContent = data.items.length ? `${data.items.length} located events.` : "No event in this selection has a place with coordinates.";
  setTimeout(() => state.map.invalidateSize(), 50);
}

async function loadEvents() {
  const data = await api("/api/events?" + query({ ...state.filters, limit: 25, offset: state.eventsOffset }));
  $("#events-table tbody").innerHTML = data.items.map((r) => `<tr data-doc="${esc(r.doc_id)}"><td>${esc(r.date ? r.date.start || "?" : "?")}</td><td>${esc(r.source ? r.source.code || r.source.text : "")}</td><td><span class="code">${esc(r.cameo)}</span> ${esc(r.plover || "")}</td><td>${esc(r.target ? r.target.code || r.target.text : "")}</td><td>${esc(r.goldstein)}</td><td>${esc(r.sentence_text || "")}</td></tr>`).join("");
  $("#events-count").textContent = `(${data.total} real-world events)`;
  $("#page-info").textContent = data.total ? `${data.offset + 1}–${Math.min(data.offset + data.limit, data.total)} of ${data.total}` : "";
  $("#prev-btn").disabled = data.offset === 0;
  $("#next-btn").disabled = data.offset + data.limit >= data.total;
}

async function loadDocuments() {
  const data = await api("/api/documents?limit=100");
  $("#docs-table tbody").innerHTML = data.items.map((d) => `<tr data-doc="${esc(d.id)}"><td>${esc(d.title || d.id)}</td><td>${esc(d.date || "")}</td><td>${esc(d.source || "")}</td><td>${esc(d.n_records)}</td></tr>`).join("");
}

async function loadConflicts() {
  const data = await api("/api/analysis/conflicts");
  $("#conflicts").innerHTML = data.conflicts.map((c) => `<p><b>${esc(c.measure)}</b> <span class="muted">${esc(c.reason)}</span></p><div class="conflict-row">${c.members.map((m) => `<div><div class="figure">${esc(m.figure)}</div><div>${esc(m.speaker || "unattributed")}</div><div class="muted">${esc(m.doc_title || m.doc_id)}, ${esc(m.doc_date || "undated")}</div></div>`).join("")}</div>`).join("") || '<p class="muted">No figures dispute each other.</p>';
}

async function showDyad() {
  const first = $("#dyad-first").value.trim(), second = $("#dyad-second").value.trim();
  if (!first || !second) { $("#dyad-chart").innerHTML = '<p class="muted">Give two actor codes.</p>'; return; }
  // every filter of the form but the actors: the dyad names its own two
  const { actor, source, target, ...rest } = state.filters;
  drawDyad(await api("/api/analysis/dyad?" + query({ ...rest, first, second, freq: $("#dyad-freq").value })));
}

async function browse(event) {
  if (event) event.preventDefault();
  const form = new FormData($("#filter-form"));
  state.filters = Object.fromEntries([...form.entries()].filter(([, v]) => v !== ""));
  state.eventsOffset = 0;
  setStatus("Loading…");
  try {
    const series = { ...state.filters };  // the series take every event filter the listing does
    const [tl, net] = await Promise.all([api("/api/analysis/timeline?" + query(series)), api("/api/analysis/network?" + query(series))]);
    drawTimeline(tl.items);
    if (!$("#dyad-first").value && net.edges.length) { $("#dyad-first").value = net.edges[0].source; $("#dyad-second").value = net.edges[0].target; }
    await Promise.all([loadEvents(), loadDocuments(), loadConflicts(), showDyad(), drawMap(series)]);
    setStatus(`${tl.items.length} events on the timeline`);
  } catch (err) {
    setStatus(err.message, true);
  }
}

async function openDocument(docId) {
  setStatus("Opening document…");
  try {
    const data = await api("/api/documents/" + encodeURIComponent(docId));
    showView("code-view");
    $("#text").value = data.text || "";
    $("#title").value = data.document.title || "";
    renderDocument(data.text, data.records);
    setStatus(`${data.document.title || docId}: ${data.records.length} records`);
  } catch (err) { setStatus(err.message, true); }
}

function showView(id) {
  document.querySelectorAll(".view").forEach((v) => v.classList.toggle("active", v.id === id));
  document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t.dataset.view === id));
}

// ---------------------------------------------------------------- wiring

document.addEventListener("DOMContentLoaded", () => {
  $("#code-form").addEventListener("submit", codeText);
  $("#file").addEventListener("change", readFile);
  $("#store").addEventListener("change", () => { $("#token-label").hidden = !$("#store").checked; });
  $("#doc").addEventListener("click", (e) => {
    const el = e.target.closest("[data-marks]");
    if (!el) return;
    const ids = el.dataset.marks.split(" ");
    const ev = ids.find((id) => state.byId[id] && state.byId[id].record === "event");
    select(ev || ids[0]);
  });
  $("#records").addEventListener("click", (e) => { const el = e.target.closest(".rec"); if (el) select(el.dataset.id); });
  document.querySelectorAll(".tab").forEach((t) => t.addEventListener("click", () => {
    showView(t.dataset.view);
    if (t.dataset.view === "browse-view" && !state.browsed) { state.browsed = true; browse(); }
  }));
  $("#filter-form").addEventListener("submit", browse);
  $("#dyad-btn").addEventListener("click", () => showDyad().catch((err) => setStatus(err.message, true)));
  $("#prev-btn").addEventListener("click", () => { state.eventsOffset = Math.max(0, state.eventsOffset - 25); loadEvents(); });
  $("#next-btn").addEventListener("click", () => { state.eventsOffset += 25; loadEvents(); });
  for (const table of ["#docs-table", "#events-table"]) {
    $(table).addEventListener("click", (e) => { const tr = e.target.closest("tr[data-doc]"); if (tr) openDocument(tr.dataset.doc); });
  }
});
