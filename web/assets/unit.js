// unit.js - a unit's page at /units/{code}: its registry data and the month's balance, each
// figure a button opening its explanation (GET /units/{code}/explain: lines, rates, caps,
// interest days and rule, payments' allocation) in a dialog.
import { t, label } from "./i18n.js";
import { call, query, ApiError } from "./api.js";
import { h, link, notice, table } from "./dom.js";
import { money, date, months, period, ppm, shift, officer } from "./format.js";
import { unitSections } from "./unit_parts.js";
import { ledgerSection } from "./ledger.js";

const FIGURES = ["opening", "assessed", "adjustment", "interest", "paid", "closing", "principal_due", "interest_due"];

// which sections of the explanation each figure opens into
const SECTIONS = {
  assessed: ["assessed"], adjustment: ["adjustment"], interest: ["interest"], interest_due: ["interest"],
  paid: ["allocations"], opening: ["assessed", "adjustment", "interest", "allocations"],
  closing: ["assessed", "adjustment", "interest", "allocations"],
  principal_due: ["assessed", "adjustment", "allocations"],
};

function lineRows(lines, kind) {
  const rows = [];
  for (const l of lines.filter((x) => x.kind === kind)) {
    const src = {};
    for (const part of (l.sources || "").split(";")) {
      const at = part.indexOf("=");
      if (at > 0) src[part.slice(0, at)] = part.slice(at + 1);
    }
    for (const c of l.components) rows.push({ ...l, ...c, source: src[c.component] || "" });
  }
  return rows;
}

function section(name, e) {
  if (name === "assessed" || name === "adjustment") {
    const rows = lineRows(e.lines, name);
    return table(name === "assessed" ? t("lines") : t("adjustment"), [
      { label: t("worker"), cell: (r) => r.bhxh_code },
      { label: t("for_period"), cell: (r) => period(r.for_period) },
      { label: t("salary"), cell: (r) => money(r.salary), num: true },
      { label: t("component"), cell: (r) => [label("component", r.component) + " ", h("span", { class: "small" }, "(" + r.component + ")")] },
      { label: t("base"), cell: (r) => money(r.base), num: true },
      { label: t("rate"), cell: (r) => ppm(r.rate_ppm), num: true },
      { label: t("amount"), cell: (r) => money(r.amount), num: true },
      { label: t("source"), cell: (r) => h("span", { class: "small" }, r.source) },
    ], rows, "explain-" + name);
  }
  if (name === "interest")
    return table(t("interest_lines"), [
      { label: t("group"), cell: (r) => r.group },
      { label: t("rule"), cell: (r) => label("rule", r.rule) + (r.status && r.status !== "ok" ? " (" + r.status + ")" : "") },
      { label: t("for_period"), cell: (r) => period(r.accrual_month) },
      { label: t("from"), cell: (r) => date(r.from) },
      { label: t("to"), cell: (r) => date(r.to) },
      { label: t("days"), cell: (r) => (r.days === null ? "" : String(r.days)), num: true },
      { label: t("principal"), cell: (r) => money(r.principal), num: true },
      { label: t("rate"), cell: (r) => ppm(r.rate_ppm), num: true },
      { label: t("amount"), cell: (r) => money(r.amount), num: true },
      { label: t("source"), cell: (r) => h("span", { class: "small" }, r.source || "") },
    ], e.interest, "explain-interest");
  return table(t("allocations"), [
    { label: t("txn_id"), cell: (r) => r.txn_id },
    { label: t("paid_on"), cell: (r) => date(r.paid_on) },
    { label: t("target_period"), cell: (r) => period(r.target_period) },
    { label: t("group"), cell: (r) => r.group },
    { label: t("part"), cell: (r) => r.part },
    { label: t("amount"), cell: (r) => money(r.amount), num: true },
  ], e.allocations, "explain-allocations");
}

export async function unitPage(main, code) {
  const u = await call("GET", "/units/" + encodeURIComponent(code));
  document.title = u.name + " · thuno";
  const params = new URLSearchParams(location.search);
  main.append(h("h1", {}, u.name + " (" + u.unit_code + ")"));
  const dl = h("dl", { class: "registry" });
  const add = (k, v) => v && dl.append(h("dt", {}, t(k)), h("dd", {}, v));
  add("unit_code", u.unit_code);
  add("tax_code", u.tax_code);
  add("type", label("type", u.type));
  add("status", label("status", u.status) + (u.status_since ? " · " + t("status_since") + " " + date(u.status_since) : ""));
  add("office", u.office_code);
  add("officer", officer(u.officer_code, u.officer_name));
  add("address", u.address);
  main.append(h("section", { "aria-labelledby": "reg-h" }, h("h2", { id: "reg-h" }, t("registry")), dl));

  const p = params.get("period") || (u.balance && u.balance.period);
  const sec = h("section", { "aria-labelledby": "bal-h" });
  const more = h("div", { id: "unit-more" });
  main.append(sec, more);
  const filling = unitSections(more, u, p);
  if (!p) return sec.append(h("h2", { id: "bal-h" }, t("month_balance")), notice(t("no_balance")));
  const self = "/units/" + encodeURIComponent(u.unit_code);
  sec.append(h("h2", { id: "bal-h" }, t("month_balance") + " " + period(p)),
    h("p", { class: "months" },
      link(self + query({ period: shift(p, -1) }), "‹ " + t("prev_month")), " ",
      link(self + query({ period: shift(p, 1) }), t("next_month") + " ›")));
  let b;
  try {
    b = await call("GET", self + "/balance" + query({ period: p }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return sec.append(notice(t("no_balance")));
    throw e;
  }
  const facts = h("dl", { class: "facts" });
  for (const [k, v] of [["months_owed", months(b.months_owed)], ["bucket", label("bucket", b.bucket)],
    ["legal_status", label("legal_status", b.legal_status)], ["oldest_unpaid", period(b.oldest_unpaid_period)]])
    facts.append(h("dt", {}, t(k)), h("dd", {}, v || "—"));
  const grid = h("div", { class: "figures" });
  const dialog = h("dialog", { id: "explain", "aria-labelledby": "explain-h" });
  // the explanation of figure f of month pp (value v) in the dialog; one call a month
  const explained = new Map();
  const explain = async (f, pp, v) => {
    if (!explained.has(pp)) explained.set(pp, await call("GET", self + "/explain" + query({ period: pp })));
    const e = explained.get(pp);
    const closeBtn = h("button", { type: "button", class: "close-dialog" }, t("close_explain"));
    closeBtn.addEventListener("click", () => dialog.close());
    dialog.replaceChildren(
      h("div", { class: "dialog-head" }, h("h2", { id: "explain-h" }, t("explain_of") + t(f) + " = " + money(v)), closeBtn),
      h("p", { class: "small" }, u.unit_code + " · " + period(pp) + " · " + t("known_at") + " " + date(e.known_at)),
      ...SECTIONS[f].map((s) => section(s, e)));
    dialog.showModal();
    closeBtn.focus();
  };
  for (const f of FIGURES) {
    const btn = h("button", { type: "button", class: "figure", "data-figure": f, "aria-haspopup": "dialog" },
      h("span", { class: "fig-label" }, t(f)), h("span", { class: "fig-value" }, money(b[f])));
    btn.addEventListener("click", () => explain(f, p, b[f]));
    grid.append(btn);
  }
  sec.append(h("p", { class: "small" }, t("figure_hint")), grid, facts, dialog);
  // the ledger month by month to the month shown (ledger.js), its figures opening the same dialog
  const led = h("section", { id: "ledger", "aria-labelledby": "ledger-h" });
  sec.after(led);
  await Promise.all([ledgerSection(led, self, p, explain), filling]);
}
