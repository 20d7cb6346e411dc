// dom.js - the small DOM helpers the pages share; nothing is built with innerHTML.
import { t } from "./i18n.js";

// h("a", {href: "/x"}, "text", child...): an element; attributes starting with "on" are
// listeners; null children are skipped.
export function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// An in-app link.
export function link(href, ...children) {
  return h("a", { href, "data-link": true }, ...children);
}

// The three downloads of a table served by a report endpoint (path with its parameters).
export function downloads(path, params, what, prefix) {
  const sep = path.includes("?") ? "&" : "?";
  const q = new URLSearchParams(params).toString();
  const base = "/api/v1" + path + (q ? sep + q : "");
  return h("p", { class: "downloads" }, prefix || t("download_table"),
    ["xlsx", "pdf", "csv"].map((f) =>
      h("a", { href: base + (base.includes("?") ? "&" : "?") + "format=" + f, download: "" },
        f.toUpperCase(), h("span", { class: "sr" }, " — " + what))));
}

// A message in the page's live region (errors and results are announced).
export function notice(text, kind) {
  return h("p", { class: "notice " + (kind || ""), role: kind === "error" ? "alert" : "status" }, text);
}

// Goes to path in the app (app.js renders it on popstate).
export function navigate(path) {
  history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}


// A table: caption, columns [{label, cell(row) -> node or text, num}], rows; an empty table
// says so.
export function table(caption, cols, rows, id) {
  if (!rows.length) return h("div", { id }, h("h2", {}, caption), h("p", {}, t("none")));
  return h("div", { class: "scroll", id, tabindex: "0", role: "region", "aria-label": caption },
    h("table", {},
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col", class: c.num ? "num" : null }, c.label)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, cols.map((c, i) => {
        const v = c.cell(r);
        return i === 0 ? h("th", { scope: "row", class: c.num ? "num" : null, "data-label": c.label }, v)
          : h("td", { class: c.num ? "num" : null, "data-label": c.label }, v);
      }))))));
}
