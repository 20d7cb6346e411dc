// chart.js - the dashboard's charts as plain inline SVG (docs/web.md "Charts"): vertical bars
// (grouped or stacked) and horizontal bars. Readable without colour: every series has its own
// fill pattern (solid, hatched, dotted, crossed, striped) shown in the legend, and every bar
// carries its value written beside it. The figures are the table's beside each chart; the SVG
// is role="img" with a title and a description. No style attribute (the CSP forbids inline
// styles): presentation attributes only.
const NS = "http://www.w3.org/2000/svg";
let uid = 0;

function s(tag, attrs, ...children) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// the patterns, in the order series take them; each a dark ink on white or the ink itself
const INKS = ["#0a4a85", "#8a3b00", "#1d5e20", "#5b2a86", "#4a4a4a"];
const KINDS = ["solid", "hatch", "dots", "cross", "stripes"];

function pattern(id, kind, ink) {
  const p = s("pattern", { id, width: 8, height: 8, patternUnits: "userSpaceOnUse" });
  if (kind === "solid") p.append(s("rect", { width: 8, height: 8, fill: ink }));
  else {
    p.append(s("rect", { width: 8, height: 8, fill: "#ffffff" }));
    if (kind === "hatch") p.append(s("path", { d: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4", stroke: ink, "stroke-width": 2.2 }));
    if (kind === "dots") p.append(s("circle", { cx: 4, cy: 4, r: 2, fill: ink }));
    if (kind === "cross") p.append(s("path", { d: "M0,0 L8,8 M8,0 L0,8", stroke: ink, "stroke-width": 1.6 }));
    if (kind === "stripes") p.append(s("path", { d: "M0,2 H8 M0,6 H8", stroke: ink, "stroke-width": 2 }));
  }
  return p;
}

function frame(title, desc, w, hgt, nseries) {
  const id = "ch" + ++uid;
  const defs = s("defs", {});
  const fills = [];
  for (let i = 0; i < nseries; i++) {
    defs.append(pattern(id + "p" + i, KINDS[i % KINDS.length], INKS[i % INKS.length]));
    fills.push({ fill: "url(#" + id + "p" + i + ")", ink: INKS[i % INKS.length] });
  }
  const svg = s("svg", { viewBox: "0 0 " + w + " " + hgt, width: "100%", role: "img",
    "aria-labelledby": id + "t " + id + "d", class: "chart", "font-family": "Noto Sans, Segoe UI, Arial, sans-serif" },
  s("title", { id: id + "t" }, title), s("desc", { id: id + "d" }, desc), defs);
  return { svg, fills };
}

// The legend: a swatch of each series' pattern and its name, wrapped into lines of width w;
// returns the height it takes.
function legend(svg, names, fills, x, y, w) {
  let cx = x, cy = y;
  names.forEach((n, i) => {
    const width = 30 + n.length * 7.4;
    if (cx > x && cx + width > x + w) {
      cx = x;
      cy += 22;
    }
    svg.append(s("rect", { x: cx, y: cy, width: 16, height: 16, fill: fills[i].fill, stroke: fills[i].ink, "stroke-width": 1.5 }),
      s("text", { x: cx + 22, y: cy + 13, "font-size": 13, fill: "#1a1a1a" }, n));
    cx += width + 12;
  });
  return cy - y + 22;
}

// Vertical bars. o: {title, desc, categories: [label], series: [{name, values: [number|null]}],
// stacked, short(v) -> the text written on a bar}. Grouped: each bar its value above it;
// stacked: each segment its value inside when it fits, the total above.
export function bars(o) {
  const W = 640, H = 330, left = 12, right = 12, bottom = 40;
  const n = o.categories.length, k = o.series.length;
  const { svg, fills } = frame(o.title, o.desc, W, H, k);
  const top = 14 + legend(svg, o.series.map((x) => x.name), fills, left, 6, W - left - right);
  const totals = o.categories.map((_, i) => o.series.reduce((a, x) => a + Math.max(0, x.values[i] || 0), 0));
  const max = Math.max(1, ...(o.stacked ? totals : o.series.flatMap((x) => x.values.map((v) => v || 0))));
  const plotH = H - top - bottom - 18; // room for the labels above the bars
  const slot = (W - left - right) / Math.max(1, n);
  const y0 = H - bottom;
  svg.append(s("line", { x1: left, x2: W - right, y1: y0, y2: y0, stroke: "#4a4a4a", "stroke-width": 1 }));
  o.categories.forEach((c, i) => {
    const x = left + i * slot;
    svg.append(s("text", { x: x + slot / 2, y: y0 + 18, "text-anchor": "middle", "font-size": 13, fill: "#1a1a1a" }, c));
    if (o.stacked) {
      const bw = Math.min(70, slot * 0.6);
      let y = y0;
      o.series.forEach((ser, j) => {
        const v = Math.max(0, ser.values[i] || 0);
        const hh = (v / max) * plotH;
        if (hh > 0) {
          y -= hh;
          svg.append(s("rect", { x: x + (slot - bw) / 2, y, width: bw, height: hh, fill: fills[j].fill, stroke: fills[j].ink, "stroke-width": 1.5 },
            s("title", {}, ser.name + ": " + o.short(v))));
        }
      });
      svg.append(s("text", { x: x + slot / 2, y: y - 5, "text-anchor": "middle", "font-size": 12, "font-weight": 600, fill: "#1a1a1a" },
        o.short(totals[i])));
    } else {
      const gw = slot * 0.84, bw = gw / k;
      o.series.forEach((ser, j) => {
        const v = ser.values[i];
        const hh = v ? (Math.max(0, v) / max) * plotH : 0;
        const bx = x + (slot - gw) / 2 + j * bw;
        if (hh > 0)
          svg.append(s("rect", { x: bx + 1, y: y0 - hh, width: bw - 2, height: hh, fill: fills[j].fill, stroke: fills[j].ink, "stroke-width": 1.5 },
            s("title", {}, ser.name + ": " + o.short(v))));
        svg.append(s("text", { x: bx + bw / 2, y: y0 - hh - 5, "text-anchor": "middle", "font-size": 11, fill: "#1a1a1a" },
          v === null || v === undefined ? "—" : o.short(v)));
      });
    }
  });
  return svg;
}

// Horizontal bars, one a row. o: {title, desc, rows: [{label, value, text}]}: each bar's
// length its value of the largest, its label at the left, its text (the value written) at its
// end. Optional o.series: [name] for a legend of one pattern.
export function hbars(o) {
  const W = 640, rowH = 30, labelW = 190, top = o.legend ? 30 : 8;
  const H = top + o.rows.length * rowH + 8;
  const { svg, fills } = frame(o.title, o.desc, W, H, 1);
  if (o.legend) legend(svg, [o.legend], fills, 12, 6, W - 24);
  const max = Math.max(1, ...o.rows.map((r) => Math.max(0, r.value || 0)));
  const avail = W - labelW - 150;
  o.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const w = (Math.max(0, r.value || 0) / max) * avail;
    svg.append(s("text", { x: labelW - 8, y: y + 19, "text-anchor": "end", "font-size": 13, fill: "#1a1a1a" },
      r.label.length > 26 ? r.label.slice(0, 25) + "…" : r.label));
    if (w > 0)
      svg.append(s("rect", { x: labelW, y: y + 4, width: w, height: rowH - 8, fill: fills[0].fill, stroke: fills[0].ink, "stroke-width": 1.5 }));
    svg.append(s("text", { x: labelW + w + 6, y: y + 19, "font-size": 12, "font-weight": 600, fill: "#1a1a1a" }, r.text));
  });
  svg.append(s("line", { x1: labelW, x2: labelW, y1: top, y2: H - 8, stroke: "#4a4a4a", "stroke-width": 1 }));
  return svg;
}
