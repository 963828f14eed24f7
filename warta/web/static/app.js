// warta — small charts drawn as SVG from the page's JSON data block.
// No external code; all text goes in through textContent, all links are same-site paths.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const COLORS = ["#0b63b6", "#b42318", "#067647", "#6941c6", "#dc6803", "#0e9384", "#c11574", "#475467",
                  "#4e5ba6", "#a15c07", "#3b7c0f", "#7a2e0e", "#155b75", "#9e165f", "#344054", "#d92d20"];
  const TYPE_COLOR = { PER: "#b42318", ORG: "#6941c6", LOC: "#067647" };

  function svg(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, value, attrs) {
    const t = svg("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = value;
    return t;
  }
  function title(parent, value) { svg("title", {}, parent).textContent = value; }
  function link(parent, href) {
    const a = svg("a", {}, parent);
    a.setAttribute("href", href);
    return a;
  }
  function root(el, w, h) {
    el.textContent = "";
    return svg("svg", { viewBox: `0 0 ${w} ${h}`, role: "img" }, el);
  }
  function empty(el, message) {
    el.textContent = "";
    const p = document.createElement("p");
    p.className = "none";
    p.textContent = message;
    el.appendChild(p);
  }
  const DAY = 86400000;
  function dayOf(s) { return Date.parse(String(s).slice(0, 10) + "T00:00:00Z"); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  // Buckets keep bar charts readable: days up to ~4 months, then weeks, then months.
  function bucketer(lo, hi) {
    const span = (hi - lo) / DAY;
    if (span <= 120) return { key: (t) => t, next: (t) => t + DAY, label: iso };
    if (span <= 700) return { key: (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY, next: (t) => t + 7 * DAY, label: iso };
    const month = (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); };
    return { key: month, next: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); },
             label: (t) => iso(t).slice(0, 7) };
  }

  // Stacked bars: series = [{time, key, value}], keys drawn in the given order.
  function bars(el, series, keys, yLabel) {
    if (!series.length) return empty(el, "Nothing to draw yet.");
    const times = series.map((s) => s.time);
    const b = bucketer(Math.min(...times), Math.max(...times));
    const buckets = new Map();
    for (let t = b.key(Math.min(...times)); t <= Math.max(...times); t = b.next(t)) buckets.set(t, {});
    for (const s of series) {
      const slot = buckets.get(b.key(s.time));
      if (slot) slot[s.key] = (slot[s.key] || 0) + s.value;
    }
    const cols = [...buckets.entries()];
    const max = Math.max(1, ...cols.map(([, v]) => Object.values(v).reduce((x, y) => x + y, 0)));
    const W = 760, H = 220, L = 36, B = 26, T = 18, R = 10;
    const s = root(el, W, H + (keys.length > 1 ? 22 : 0));
    const bw = (W - L - R) / cols.length;
    for (const f of [0, 0.5, 1]) {
      const y = T + (H - T - B) * (1 - f);
      svg("line", { x1: L, x2: W - R, y1: y, y2: y, stroke: "#e4e7ec" }, s);
      text(s, L - 4, y + 4, String(Math.round(max * f)), { "text-anchor": "end" });
    }
    cols.forEach(([t, v], i) => {
      let y = H - B;
      keys.forEach((k, ki) => {
        if (!v[k]) return;
        const h = (H - T - B) * v[k] / max;
        y -= h;
        const r = svg("rect", { x: L + i * bw + 0.5, y: y, width: Math.max(1, bw - 1), height: h,
                                fill: COLORS[ki % COLORS.length], class: "bar" }, s);
        title(r, `${b.label(t)} · ${k}: ${v[k]}`);
      });
    });
    const every = Math.max(1, Math.ceil(cols.length / 8));
    cols.forEach(([t], i) => {
      if (i % every === 0) text(s, L + i * bw + bw / 2, H - B + 14, b.label(t), { "text-anchor": "middle" });
    });
    text(s, 4, 10, yLabel || "", {});
    if (keys.length > 1) {
      let x = L;
      keys.forEach((k, ki) => {
        svg("rect", { x: x, y: H + 6, width: 10, height: 10, fill: COLORS[ki % COLORS.length] }, s);
        text(s, x + 13, H + 15, k);
        x += 20 + k.length * 7;
      });
    }
  }

  function mentionsChart(el, rows) {
    bars(el, rows.map((r) => ({ time: dayOf(r.day), key: "articles", value: r.articles })), ["articles"], "articles");
  }

  function eventsChart(el, rows) {
    const totals = {};
    rows.forEach((r) => { totals[r.type] = (totals[r.type] || 0) + r.count; });
    const keys = Object.keys(totals).sort((a, b) => totals[b] - totals[a]);
    bars(el, rows.map((r) => ({ time: dayOf(r.day), key: r.type, value: r.count })), keys, "events");
  }

  // The entity in the middle, co-mentioned entities on a circle; edge width = shared articles.
  function network(el, data) {
    const nodes = data.nodes || [];
    if (nodes.length < 2) return empty(el, "No co-mentioned entity yet.");
    const W = 520, H = 420, cx = W / 2, cy = H / 2, R = 150;
    const s = root(el, W, H);
    const pos = {};
    const ring = nodes.filter((n) => !n.center);
    nodes.filter((n) => n.center).forEach((n) => { pos[n.id] = [cx, cy]; });
    ring.forEach((n, i) => {
      const a = -Math.PI / 2 + 2 * Math.PI * i / ring.length;
      pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a)];
    });
    const maxW = Math.max(1, ...data.edges.map((e) => e.weight));
    for (const e of data.edges) {
      const p = pos[e.source], q = pos[e.target];
      if (!p || !q) continue;
      const line = svg("line", { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: "#98a2b3",
                                 "stroke-opacity": 0.7, "stroke-width": 0.8 + 4 * e.weight / maxW }, s);
      title(line, `${e.weight} shared article(s)`);
    }
    for (const n of nodes) {
      const [x, y] = pos[n.id];
      const a = link(s, "/entities/" + encodeURIComponent(n.id));
      a.setAttribute("class", "node");
      svg("circle", { cx: x, cy: y, r: n.center ? 11 : 7, fill: TYPE_COLOR[n.type] || "#475467" }, a);
      const right = x >= cx;
      text(a, x + (n.center ? 0 : right ? 10 : -10), y + (n.center ? -16 : 4), n.name,
           { "text-anchor": n.center ? "middle" : right ? "start" : "end" });
      title(a, `${n.name} (${n.type})`);
    }
  }

  // One lane per outlet, one dot per article, time left to right.
  function storyTimeline(el, articles) {
    const dated = articles.filter((a) => a.published && !isNaN(Date.parse(a.published)));
    if (!dated.length) return empty(el, "No dated article.");
    const outlets = [...new Set(dated.map((a) => a.outlet || "?"))];
    const times = dated.map((a) => Date.parse(a.published));
    let lo = Math.min(...times), hi = Math.max(...times);
    if (hi - lo < 3600000) { lo -= 1800000; hi += 1800000; }
    const W = 760, lane = 34, L = 110, R = 20, T = 14, H = T + lane * outlets.length + 28;
    const s = root(el, W, H);
    const x = (t) => L + (W - L - R) * (t - lo) / (hi - lo);
    outlets.forEach((o, i) => {
      const y = T + lane * i + lane / 2;
      svg("line", { x1: L, x2: W - R, y1: y, y2: y, stroke: "#e4e7ec" }, s);
      text(s, L - 8, y + 4, o, { "text-anchor": "end" });
    });
    for (let k = 0; k <= 2; k++) {
      const t = lo + (hi - lo) * k / 2;
      const label = new Date(t).toISOString().slice(0, 16).replace("T", " ") + " UTC";
      text(s, x(t), H - 8, label, { "text-anchor": k === 0 ? "start" : k === 2 ? "end" : "middle" });
    }
    dated.forEach((a) => {
      const y = T + lane * outlets.indexOf(a.outlet || "?") + lane / 2;
      const g = link(s, "/articles/" + encodeURIComponent(a.id));
      g.setAttribute("class", "story-dot");
      svg("circle", { cx: x(Date.parse(a.published)), cy: y, r: 7, fill: COLORS[outlets.indexOf(a.outlet || "?") % COLORS.length] }, g);
      title(g, `${a.outlet || "?"} · ${a.published.slice(0, 16).replace("T", " ")} · ${a.title || a.id}`);
    });
  }

  // Equirectangular world: bundled land runs (see scripts/build_world_outline.py), places as dots.
  function map(el, places) {
    const W = 720, H = 360;
    const s = root(el, W, H);
    const X = (lon) => (lon + 180) * W / 360, Y = (lat) => (90 - lat) * H / 180;
    for (let lon = -180; lon <= 180; lon += 30) svg("line", { x1: X(lon), x2: X(lon), y1: 0, y2: H, class: "grid" }, s);
    for (let lat = -60; lat <= 60; lat += 30) svg("line", { x1: 0, x2: W, y1: Y(lat), y2: Y(lat), class: "grid" }, s);
    const land = svg("path", { class: "land", d: "" }, s);
    const dots = svg("g", {}, s);
    fetch("/static/world.json").then((r) => r.ok ? r.json() : null).then((world) => {
      if (!world) return;
      const st = world.step, parts = [];
      for (const [row, runs] of world.rows) {
        const top = 90 - (row + 1) * st;
        for (const [a, b] of runs) {
          parts.push(`M${X(-180 + a * st).toFixed(1)} ${Y(top + st).toFixed(1)}h${((b - a) * st * W / 360).toFixed(1)}v${(st * H / 180).toFixed(1)}h${(-(b - a) * st * W / 360).toFixed(1)}z`);
        }
      }
      land.setAttribute("d", parts.join(""));
    }).catch(() => {});
    const located = places.filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
    const zoom = fit(s, located, X, Y, W, H);
    const max = Math.max(1, ...places.map((p) => p.articles));
    places.slice().sort((a, b) => b.articles - a.articles).forEach((p) => {
      if (typeof p.lat !== "number" || typeof p.lon !== "number") return;
      const a = link(dots, "/?entity=" + encodeURIComponent(p.name));
      a.setAttribute("class", "place");
      svg("circle", { cx: X(p.lon), cy: Y(p.lat), r: (2 + 8 * Math.sqrt(p.articles / max)) / zoom }, a);
      title(a, `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.articles} article(s)`);
    });
  }

  // Zoom the view to the places (at least 30° wide), keeping the map's proportions.
  function fit(s, located, X, Y, W, H) {
    if (!located.length) return 1;
    const xs = located.map((p) => X(p.lon)), ys = located.map((p) => Y(p.lat));
    let w = Math.max(100, (Math.max(...xs) - Math.min(...xs)) * 1.3), h = w * H / W;
    h = Math.max(h, (Math.max(...ys) - Math.min(...ys)) * 1.3);
    w = Math.min(W, h * W / H); h = w * H / W;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    const x0 = Math.min(Math.max(0, cx - w / 2), W - w), y0 = Math.min(Math.max(0, cy - h / 2), H - h);
    s.setAttribute("viewBox", `${x0} ${y0} ${w} ${h}`);
    return W / w;
  }

  function start() {
    const block = document.getElementById("page-data");
    if (!block) return;
    let data;
    try { data = JSON.parse(block.textContent); } catch (e) { return; }
    const on = (id, draw, value) => { const el = document.getElementById(id); if (el && value) draw(el, value); };
    on("mentions-chart", mentionsChart, data.mentions_by_day);
    on("network", network, data.network);
    on("story-timeline", storyTimeline, data.articles);
    on("events-chart", eventsChart, data.counts);
    on("map", map, data.places);
    document.body.setAttribute("data-drawn", "1");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
