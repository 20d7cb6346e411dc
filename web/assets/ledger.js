// ledger.js - a unit's ledger month by month in one table (docs/web.md): opening, assessed,
// adjustment, interest, paid and closing of each closed month of a range of months (from/to
// inputs; by default the twelve to the month shown), read in one GET /units/{code}/ledger
// (a month not closed, or before the unit's first, has no row); each figure a button opening
// that month's explanation in the page's dialog (unit.js passes its opener); the table
// downloads as XLSX, PDF and CSV (the unit_ledger report of the same range).
import { t, addWords } from "./i18n.js";
import { call, query } from "./api.js";
import { h, table, notice, downloads } from "./dom.js";
import { money, months, period, shift } from "./format.js";

addWords({
  led_title: ["Sổ theo dõi từng tháng", "The ledger month by month"],
  led_caption: ["Sổ theo dõi từ {from} đến {to} (các tháng đã khóa sổ)", "The ledger from {from} to {to} (the months closed)"],
  led_month: ["Tháng", "Month"],
  led_from: ["Từ tháng", "From month"],
  led_to: ["Đến tháng", "To month"],
  led_show: ["Xem sổ", "Show the ledger"],
  led_range: ["Chọn từ tháng và đến tháng (tối đa 60 tháng).", "Choose the first and the last month (at most 60 months)."],
  led_hint: ["Mỗi số liệu mở giải trình của tháng đó.", "Each figure opens that month's explanation."],
  led_open: ["{figure} tháng {period}: {value} — xem giải trình", "{figure} of {period}: {value} — explain"],
  led_download: ["Sổ theo dõi của đơn vị", "The unit's ledger"],
});

const FIGURES = ["opening", "assessed", "adjustment", "interest", "paid", "closing"];
const MONTH = /^\d{4}-\d{2}$/;

// The section into holder: self the unit's API path ("/units/A"), p the month shown,
// explain(figure, period, value) the dialog's opener.
export async function ledgerSection(holder, self, p, explain) {
  const from = h("input", { type: "month", id: "ledger-from", name: "from", value: shift(p, -11), required: true });
  const to = h("input", { type: "month", id: "ledger-to", name: "to", value: p, required: true });
  const form = h("form", { class: "filters", id: "ledger-form" },
    h("div", { class: "field" }, h("label", { for: "ledger-from" }, t("led_from")), from),
    h("div", { class: "field" }, h("label", { for: "ledger-to" }, t("led_to")), to),
    h("button", { type: "submit" }, t("led_show")));
  const body = h("div", { id: "ledger-body" });
  holder.replaceChildren(h("h2", { id: "ledger-h" }, t("led_title")), form, body);
  const draw = async () => {
    const f = from.value, l = to.value;
    if (!MONTH.test(f) || !MONTH.test(l) || l < f) {
      body.replaceChildren(notice(t("led_range"), "error"));
      return;
    }
    let got;
    try {
      got = await call("GET", self + "/ledger" + query({ from: f, to: l, format: "json" }));
    } catch (e) {
      body.replaceChildren(notice(e.message, "error"));
      return;
    }
    const rows = Array.isArray(got) ? got : (got && got.rows) || [];
    const cols = [{ label: t("led_month"), cell: (r) => period(r.period) }];
    for (const fig of FIGURES)
      cols.push({ label: t(fig), num: true, cell: (r) => {
        const b = h("button", { type: "button", class: "link-btn", "data-ledger": fig + "-" + r.period, "aria-haspopup": "dialog",
          "aria-label": t("led_open", { figure: t(fig), period: period(r.period), value: money(r[fig]) }) }, money(r[fig]));
        b.addEventListener("click", () => explain(fig, r.period, r[fig]));
        return b;
      } });
    cols.push({ label: t("months_owed"), num: true, cell: (r) => months(r.months_owed) });
    body.replaceChildren(h("p", { class: "small" }, t("led_hint")),
      table(t("led_caption", { from: period(f), to: period(l) }), cols, rows, "ledger-table"),
      downloads(self + "/ledger", { from: f, to: l }, t("led_download")));
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    draw();
  });
  await draw();
}
