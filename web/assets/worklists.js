// worklists.js - the QLT and KTTN worklists as departments' tabs (docs/web.md): the rows of
// GET /api/v1/worklist?department= of the month (those whose next step is the department's),
// by money at risk (the debt, then the worklist's rank), with the next step, its deadline and
// whose it is; each tab downloads its own rows. The
// answer is read defensively: an array of rows, or an object with its rows and a cursor to
// the next page ({"rows"|"items", "next"}), whose pages are followed. Officers by name beside
// their codes (GET /officers of the month).
import { t, label, addWords } from "./i18n.js";
import { call, query } from "./api.js";
import { h, link, table, downloads } from "./dom.js";
import { money, date, months, period, officer } from "./format.js";

addWords({
  wl_title: ["Danh sách việc của {dept}", "{dept}'s worklist"],
  wl_caption: ["Đơn vị có bước tiếp theo của {dept}, theo số tiền có nguy cơ — kỳ {period}", "Units whose next step is {dept}'s, by money at risk — period {period}"],
  wl_total: ["{units} đơn vị, tổng nợ {debt}.", "{units} units, debt {debt} in all."],
  wl_download_note: ["Tải về: danh sách việc của {dept} (báo cáo worklist của kỳ, theo phòng).", "Download: {dept}'s worklist (the period's worklist report, by department)."],
  wl_officer: ["Cán bộ chuyên quản", "Officer"],
  wl_waiting: ["Chờ", "Waiting for"],
  wl_title_other: ["Việc khác (không của QLT, KTTN)", "Other rows (neither QLT's nor KTTN's)"],
  wl_caption_other: ["Đơn vị có bước tiếp theo không của QLT hay KTTN (hoặc chưa có bước), theo số tiền có nguy cơ — kỳ {period}", "Units whose next step is neither QLT's nor KTTN's (or none yet), by money at risk — period {period}"],
  wl_download_other: ["Tải về: các dòng còn lại của danh sách việc (báo cáo worklist của kỳ, department=OTHER).", "Download: the worklist's other rows (the period's worklist report, department=OTHER)."],
});

// Every row of the period's worklist (of department dept when given), following the answer's
// pages when it has any.
export async function worklistRows(p, dept) {
  const rows = [];
  let cursor = null;
  for (let page = 0; page < 200; page++) {
    const j = await call("GET", "/worklist" + query({ period: p, format: "json", department: dept, cursor }));
    const got = Array.isArray(j) ? j : (j && (j.rows || j.items || j.worklist)) || [];
    rows.push(...got);
    cursor = !Array.isArray(j) && j ? j.next || j.next_cursor || null : null;
    if (!cursor) break;
  }
  return rows;
}

// A worklist tab: dept "QLT", "KTTN" or "OTHER" (the rows neither's: with the two, every row of
// the worklist is in exactly one tab), the period p.
export async function worklistTab(main, p, dept) {
  const [rows, named] = await Promise.all([worklistRows(p, dept), call("GET", "/officers" + query({ period: p }))]);
  const names = {};
  for (const o of (named && named.officers) || []) names[o.officer_code] = o.officer_name;
  rows.sort((a, b) => ((b.debt || 0) - (a.debt || 0)) || ((a.rank || 0) - (b.rank || 0)));
  const debt = rows.reduce((s, r) => s + (r.debt || 0), 0);
  const other = dept === "OTHER";
  const title = other ? t("wl_title_other") : t("wl_title", { dept });
  const steps = (r) => (r.next_step || "").split("/").filter(Boolean).map((s) => label("next_step", s)).join(" / ");
  main.append(
    h("h2", {}, title),
    h("p", {}, t("wl_total", { units: rows.length, debt: money(debt) })),
    table(t(other ? "wl_caption_other" : "wl_caption", { dept, period: period(p) }), [
      { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
      { label: t("name"), cell: (r) => r.name || "" },
      { label: t("wl_officer"), cell: (r) => officer(r.officer_code, names[r.officer_code]) },
      { label: t("debt"), cell: (r) => money(r.debt), num: true },
      { label: t("months_owed"), cell: (r) => months(r.months_owed), num: true },
      { label: t("legal_status"), cell: (r) => h("span", { class: "tag " + (r.legal_status || "") }, label("legal_status", r.legal_status)) },
      { label: t("case"), cell: (r) => (r.case_id ? link("/cases/" + encodeURIComponent(r.case_id), r.case_id) : "") },
      { label: t("next_step"), cell: (r) => steps(r) + (r.waiting ? " · " + t("wl_waiting") + ": " + r.waiting : "") },
      { label: t("deadline"), cell: (r) => (r.deadline ? date(r.deadline) + (r.deadline_by ? " · " + label("deadline_by", r.deadline_by) : "") : "") },
    ], rows, "worklist-" + dept.toLowerCase()),
    h("p", { class: "small" }, t(other ? "wl_download_other" : "wl_download_note", { dept })),
    downloads("/worklist", { period: p, department: dept }, title));
}
