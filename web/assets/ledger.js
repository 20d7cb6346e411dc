// ledger.js - a unit's ledger month by month in one table (docs/web.md): opening, assessed,
// adjustment, interest, paid and closing of each closed month of the twelve to the month
// shown, one GET /units/{code}/balance a month (a month not closed, or before the unit's first,
// answers 404 and is left out); each figure a button opening that month's explanation in the
// page's dialog (unit.js passes its opener).
import { t, addWords } from "./i18n.js";
import { call, query, ApiError } from "./api.js";
import { h, table, notice } from "./dom.js";
import { money, months, period, shift } from "./format.js";

addWords({
  led_title: ["Sổ theo dõi từng tháng", "The ledger month by month"],
  led_caption: ["Sổ theo dõi của 12 tháng đến {period} (các tháng đã khóa sổ)", "The ledger of the 12 months to {period} (the months closed)"],
  led_month: ["Tháng", "Month"],
  led_hint: ["Mỗi số liệu mở giải trình của tháng đó.", "Each figure opens that month's explanation."],
  led_open: ["{figure} tháng {period}: {value} — xem giải trình", "{figure} of {period}: {value} — explain"],
});

const FIGURES = ["opening", "assessed", "adjustment", "interest", "paid", "closing"];

// The section into holder: self the unit's API path ("/units/A"), p the month shown,
// explain(figure, period, value) the dialog's opener.
export async function ledgerSection(holder, self, p, explain) {
  holder.replaceChildren(h("h2", { id: "ledger-h" }, t("led_title")));
  const want = [];
  for (let i = 11; i >= 0; i--) want.push(shift(p, -i));
  let got;
  try {
    got = await Promise.all(want.map(async (m) => {
      try {
        return await call("GET", self + "/balance" + query({ period: m }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    }));
  } catch (e) {
    holder.append(notice(e.message, "error"));
    return;
  }
  const rows = got.map((b, i) => (b ? { ...b, period: b.period || want[i] } : null)).filter(Boolean);
  const cols = [{ label: t("led_month"), cell: (r) => period(r.period) }];
  for (const f of FIGURES)
    cols.push({ label: t(f), num: true, cell: (r) => {
      const b = h("button", { type: "button", class: "link-btn", "data-ledger": f + "-" + r.period, "aria-haspopup": "dialog",
        "aria-label": t("led_open", { figure: t(f), period: period(r.period), value: money(r[f]) }) }, money(r[f]));
      b.addEventListener("click", () => explain(f, r.period, r[f]));
      return b;
    } });
  cols.push({ label: t("months_owed"), num: true, cell: (r) => months(r.months_owed) });
  holder.append(h("p", { class: "small" }, t("led_hint")),
    table(t("led_caption", { period: period(p) }), cols, rows, "ledger-table"));
}
