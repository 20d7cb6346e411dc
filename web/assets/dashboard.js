// dashboard.js - the director's dashboard at /dashboard[?period=YYYY-MM] (docs/web.md): six
// charts, each with its table beside it, all from the reports
// (GET /reports/{name}?format=json): collected against plan by month (collection_months, the
// six months closed to the month shown in one call), debt by age bucket over the months
// (debt_buckets, the same months; the buckets of src/core/aging.c), officers' KPIs
// (officer_kpi), the litigation funnel (litigation), top debtors (debtors) and the offices'
// table (kpi_office). Each table downloads as one file; a month's row its month's report.
import { t, label, lang, addWords } from "./i18n.js";
import { call, query } from "./api.js";
import { h, link, notice, table, downloads, navigate } from "./dom.js";
import { money, period, shift } from "./format.js";
import { bars, hbars } from "./chart.js";

addWords({
  dashboard: ["Bảng điều hành", "Dashboard"],
  dash_title: ["Bảng điều hành của Giám đốc", "The director's dashboard"],
  dash_period: ["Tháng báo cáo", "Month reported"],
  dash_show: ["Xem", "Show"],
  dash_months: ["6 tháng đến tháng {p}", "The 6 months to {p}"],
  ch_plan: ["Số đã thu so với kế hoạch, theo tháng", "Collected against plan, by month"],
  ch_plan_desc: ["Biểu đồ cột: mỗi tháng một cột kế hoạch (tô đặc) và một cột đã thu (gạch chéo); số liệu ở bảng bên cạnh.",
    "Bar chart: each month a plan bar (solid) and a collected bar (hatched); the figures are in the table beside it."],
  ch_bucket: ["Số nợ theo nhóm tuổi nợ, theo tháng", "Debt by age bucket, by month"],
  ch_bucket_desc: ["Biểu đồ cột chồng: mỗi tháng một cột, mỗi nhóm tuổi nợ một hoa văn; tổng ghi trên cột; số liệu ở bảng bên cạnh.",
    "Stacked bars: one a month, each age bucket its own pattern; the total above; the figures are in the table beside it."],
  ch_officers: ["Kết quả thu theo cán bộ chuyên quản: tỷ lệ thu so với kế hoạch", "Officers: collected of plan"],
  ch_officers_desc: ["Biểu đồ thanh ngang: mỗi cán bộ một thanh, độ dài là tỷ lệ đã thu so với kế hoạch (%).",
    "Horizontal bars: one an officer, its length the share of plan collected (%)."],
  ch_funnel: ["Khởi kiện và thi hành án: từ khởi kiện đến thu hồi", "Litigation: from suing to recovery"],
  ch_funnel_desc: ["Phễu: số đơn vị bị khởi kiện, hòa giải thành hoặc xét xử, bản án phải thi hành, và số tiền thu hồi so với số tiền khởi kiện.",
    "Funnel: units sued, mediated or tried, judgments to enforce, and the money recovered of the money claimed."],
  ch_debtors: ["10 đơn vị nợ nhiều nhất", "The 10 largest debtors"],
  ch_debtors_desc: ["Biểu đồ thanh ngang: mỗi đơn vị một thanh, độ dài là số nợ.", "Horizontal bars: one a unit, its length its debt."],
  ch_offices: ["Kết quả thu theo cơ quan BHXH (huyện)", "Collection by office (district)"],
  ch_offices_desc: ["Biểu đồ thanh ngang: mỗi cơ quan một thanh, độ dài là số nợ cuối tháng.", "Horizontal bars: one an office, its length its debt at the month's end."],
  month: ["Tháng", "Month"],
  officer_name: ["Họ tên cán bộ", "Officer's name"],
  plan: ["Kế hoạch", "Plan"],
  collected: ["Đã thu", "Collected"],
  assessed_m: ["Phải thu", "Assessed"],
  collected_pct: ["Tỷ lệ thu so với kế hoạch (%)", "Collected of plan (%)"],
  efficiency_pct: ["Hiệu suất thu (%)", "Efficiency (%)"],
  total: ["Tổng", "Total"],
  units_n: ["Số đơn vị", "Units"],
  workers_n: ["Số lao động", "Workers"],
  debt_ratio: ["Tỷ lệ nợ (%)", "Debt ratio (%)"],
  debt_change: ["Tăng, giảm nợ", "Change in debt"],
  stage: ["Giai đoạn", "Stage"],
  amount_m: ["Số tiền", "Amount"],
  share: ["Tỷ lệ so với khởi kiện", "Of those sued"],
  f_sued: ["Bị khởi kiện", "Sued"],
  f_resolved: ["Hòa giải thành hoặc xét xử", "Mediated or tried"],
  f_enforced: ["Bản án phải thi hành", "Judgments to enforce"],
  f_recovered: ["Đã thu hồi", "Recovered"],
  f_units: ["{n} đơn vị", "{n} units"],
  f_judgments: ["{n} bản án", "{n} judgments"],
  enforced_units: ["Thi hành xong / một phần", "Enforced in full / in part"],
  dl_month: ["Tải báo cáo của tháng", "Download the month's report"],
  "b_0": ["Dưới 1 tháng", "Under 1 month"], "b_1-3": ["1–3 tháng", "1–3 months"], "b_3-6": ["3–6 tháng", "3–6 months"],
  "b_6-12": ["6–12 tháng", "6–12 months"], "b_12+": ["Từ 12 tháng", "12 months +"],
  province_office: ["Văn phòng BHXH tỉnh", "The province office"],
  no_data: ["Chưa có số liệu.", "No figures yet."],
  no_closed: ["Chưa có tháng nào đã khóa sổ.", "No month closed yet."],
}, {});

// money in a chart, short: "34,0 tr" (millions) or "1,2 tỷ" (billions); the tables say it in full
function short(n) {
  if (n === null || n === undefined) return "";
  const en = lang() === "en";
  const a = Math.abs(n);
  const fmt = (x, unit) => x.toFixed(1).replace(".", en ? "." : ",") + " " + unit;
  if (a >= 1e9) return fmt(n / 1e9, en ? "bn" : "tỷ");
  if (a >= 1e6) return fmt(n / 1e6, en ? "M" : "tr");
  return money(n);
}
const pct = (x) => (x === null || x === undefined ? "—" : String(x).replace(".", lang() === "en" ? "." : ",") + "%");

// the age buckets (tn_aging_bucket) and their columns in the debt_buckets report
const BUCKETS = ["0", "1-3", "3-6", "6-12", "12+"];
const BUCKET_COL = { "0": "debt_0", "1-3": "debt_1_3", "3-6": "debt_3_6", "6-12": "debt_6_12", "12+": "debt_12_plus" };

async function report(name, params) {
  return call("GET", "/reports/" + name + query({ ...params, format: "json" }));
}

// The three downloads of one month's report, small, in a table's cell.
function monthLinks(name, p) {
  return h("span", { class: "dl-row" }, ["xlsx", "pdf", "csv"].map((f) =>
    h("a", { href: "/api/v1/reports/" + name + query({ period: p, format: f }), download: "" },
      f.toUpperCase(), h("span", { class: "sr" }, " — " + t("dl_month") + " " + period(p)))));
}

// A chart and its table side by side, under one heading.
function panel(id, title, chart, tbl, dl) {
  return h("section", { class: "panel", id, "aria-labelledby": id + "-h" },
    h("h2", { id: id + "-h" }, title),
    h("div", { class: "pair" }, h("figure", { class: "chart-box" }, chart), h("div", { class: "pair-table" }, tbl, dl)));
}

// An officer as the charts name it: its name and code (officer_kpi's officer_name), the code
// alone when the name is not known.
const officerLabel = (r) => (r.officer_name ? r.officer_name + " (" + r.officer_code + ")" : r.officer_code || "—");

export async function dashboardPage(main) {
  document.title = t("dashboard") + " · thuno";
  main.append(h("h1", {}, t("dash_title")));
  const params = new URLSearchParams(location.search);
  const last = (await call("GET", "/units" + query({ limit: 1 }))).period;
  if (!last) return main.append(notice(t("no_closed")));
  const p = /^\d{4}-\d{2}$/.test(params.get("period") || "") ? params.get("period") : last;
  const choices = [];
  for (let i = 0; i < 12; i++) choices.push(shift(last, -i));
  if (!choices.includes(p)) choices.push(p);
  const sel = h("select", { id: "dash-period", name: "period" },
    choices.map((c) => h("option", { value: c, selected: c === p }, period(c))));
  const form = h("form", { class: "filters" },
    h("div", { class: "field" }, h("label", { for: "dash-period" }, t("dash_period")), sel),
    h("button", { type: "submit" }, t("dash_show")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("/dashboard" + query({ period: sel.value }));
  });
  main.append(form, h("p", { class: "small" }, t("dash_months", { p: period(p) })));

  // the six months to p: the series reports give a row a month closed
  const range = { from: shift(p, -5), to: p };
  const [plans, buckets, mine, okpi, offices, lit] = await Promise.all([
    report("collection_months", range),
    report("debt_buckets", range),
    report("debtors", { period: p }).catch(() => []),
    report("officer_kpi", { period: p }),
    report("kpi_office", { period: p }),
    report("litigation", {}),
  ]);

  // 1. collected against plan by month (the province's row, or the office's)
  const prov = plans.map((r) => ({ m: r.period, ...r }));
  main.append(panel("dash-plan", t("ch_plan"),
    bars({ title: t("ch_plan"), desc: t("ch_plan_desc"), categories: prov.map((r) => period(r.m)), short,
      series: [{ name: t("plan"), values: prov.map((r) => r.plan) }, { name: t("collected"), values: prov.map((r) => r.collected) }] }),
    table(t("ch_plan"), [
      { label: t("month"), cell: (r) => period(r.m) },
      { label: t("plan"), cell: (r) => (r.plan === null || r.plan === undefined ? "—" : money(r.plan)), num: true },
      { label: t("collected"), cell: (r) => money(r.collected), num: true },
      { label: t("collected_pct"), cell: (r) => pct(r.collected_pct), num: true },
      { label: t("assessed_m"), cell: (r) => money(r.assessed), num: true },
      { label: t("download"), cell: (r) => monthLinks("collection_plan", r.m) },
    ], prov, "dash-plan-table"),
    downloads("/reports/collection_months", range, t("ch_plan"))));

  // 2. debt by bucket over the months
  const byBucket = buckets.map((r) => ({ m: r.period, ...Object.fromEntries(BUCKETS.map((b) => [b, r[BUCKET_COL[b]]])), total: r.debt }));
  main.append(panel("dash-bucket", t("ch_bucket"),
    bars({ title: t("ch_bucket"), desc: t("ch_bucket_desc"), categories: byBucket.map((r) => period(r.m)), short, stacked: true,
      series: BUCKETS.map((b) => ({ name: t("b_" + b), values: byBucket.map((r) => r[b]) })) }),
    table(t("ch_bucket"), [
      { label: t("month"), cell: (r) => period(r.m) },
      ...BUCKETS.map((b) => ({ label: t("b_" + b), cell: (r) => money(r[b]), num: true })),
      { label: t("total"), cell: (r) => money(r.total), num: true },
      { label: t("download"), cell: (r) => monthLinks("debtors", r.m) },
    ], byBucket, "dash-bucket-table"),
    downloads("/reports/debt_buckets", range, t("ch_bucket"))));

  // 3. officers' KPIs
  main.append(panel("dash-officers", t("ch_officers") + " — " + period(p),
    hbars({ title: t("ch_officers"), desc: t("ch_officers_desc"),
      rows: okpi.map((r) => ({ label: officerLabel(r), value: r.collected_pct || 0,
        text: pct(r.collected_pct) + " · " + short(r.collected) })) }),
    table(t("ch_officers") + " — " + period(p), [
      { label: t("officer"), cell: (r) => r.officer_code || "—" },
      { label: t("officer_name"), cell: (r) => r.officer_name || "—" },
      { label: t("units_n"), cell: (r) => String(r.units), num: true },
      { label: t("plan"), cell: (r) => (r.plan === null ? "—" : money(r.plan)), num: true },
      { label: t("collected"), cell: (r) => money(r.collected), num: true },
      { label: t("collected_pct"), cell: (r) => pct(r.collected_pct), num: true },
      { label: t("debt"), cell: (r) => money(r.debt), num: true },
      { label: t("debt_ratio"), cell: (r) => pct(r.debt_ratio), num: true },
    ], okpi, "dash-officers-table"),
    downloads("/reports/officer_kpi", { period: p }, t("ch_officers"))));

  // 4. the litigation funnel: the years of filing summed (a unit counts once a year, so that
  // every stage is a part of the one before)
  const years = lit.filter((r) => r.year !== "total");
  const tot = years.length ? Object.fromEntries(Object.keys(years[0]).filter((k) => k !== "year")
    .map((k) => [k, years.reduce((a, r) => a + (r[k] || 0), 0)])) : null;
  if (tot) tot.recovered_share = tot.amount_claimed ? Math.round(tot.recovered_total * 1000 / tot.amount_claimed) / 10 : null;
  const stages = tot ? [
    { stage: t("f_sued"), units: tot.units_sued, amount: tot.amount_claimed, value: 1,
      text: t("f_units", { n: tot.units_sued }) + " · " + short(tot.amount_claimed) },
    { stage: t("f_resolved"), units: tot.mediated_units + tot.tried_units, amount: tot.mediated_amount + tot.tried_amount,
      value: tot.units_sued ? (tot.mediated_units + tot.tried_units) / tot.units_sued : 0,
      text: t("f_units", { n: tot.mediated_units + tot.tried_units }) + " · " + short(tot.mediated_amount + tot.tried_amount) },
    { stage: t("f_enforced"), units: tot.judgments_to_enforce, amount: null,
      value: tot.units_sued ? tot.judgments_to_enforce / tot.units_sued : 0,
      text: t("f_judgments", { n: tot.judgments_to_enforce }) + " · " + t("enforced_units") + " " +
        tot.enforced_full_units + "/" + tot.enforced_partial_units },
    { stage: t("f_recovered"), units: null, amount: tot.recovered_total,
      value: tot.amount_claimed ? tot.recovered_total / tot.amount_claimed : 0,
      text: short(tot.recovered_total) + " · " + pct(tot.recovered_share) },
  ] : [];
  main.append(panel("dash-funnel", t("ch_funnel"),
    hbars({ title: t("ch_funnel"), desc: t("ch_funnel_desc"), rows: stages.map((x) => ({ label: x.stage, value: x.value, text: x.text })) }),
    table(t("ch_funnel"), [
      { label: t("stage"), cell: (r) => r.stage },
      { label: t("units_n"), cell: (r) => (r.units === null ? "—" : String(r.units)), num: true },
      { label: t("amount_m"), cell: (r) => (r.amount === null ? "—" : money(r.amount)), num: true },
      { label: t("share"), cell: (r) => pct(Math.round(r.value * 1000) / 10), num: true },
    ], stages, "dash-funnel-table"),
    downloads("/reports/litigation", {}, t("ch_funnel"))));

  // 5. top debtors of the month
  const top = [...mine].sort((a, b) => b.debt - a.debt).slice(0, 10);
  main.append(panel("dash-debtors", t("ch_debtors") + " — " + period(p),
    hbars({ title: t("ch_debtors"), desc: t("ch_debtors_desc"), rows: top.map((r) => ({ label: r.unit_code + " " + r.name, value: r.debt, text: short(r.debt) })) }),
    table(t("ch_debtors") + " — " + period(p), [
      { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
      { label: t("name"), cell: (r) => r.name },
      { label: t("debt"), cell: (r) => money(r.debt), num: true },
      { label: t("months_owed"), cell: (r) => String(r.months_owed.toFixed(1)).replace(".", ","), num: true },
      { label: t("legal_status"), cell: (r) => label("legal_status", r.legal_status) },
    ], top, "dash-debtors-table"),
    downloads("/reports/debtors", { period: p }, t("ch_debtors"))));

  // 6. by office (district)
  const office = (k) => k || t("province_office");
  main.append(panel("dash-offices", t("ch_offices") + " — " + period(p),
    hbars({ title: t("ch_offices"), desc: t("ch_offices_desc"), rows: offices.map((r) => ({ label: office(r.key), value: r.debt, text: short(r.debt) })) }),
    table(t("ch_offices") + " — " + period(p), [
      { label: t("office"), cell: (r) => office(r.key) },
      { label: t("units_n"), cell: (r) => String(r.units), num: true },
      { label: t("assessed_m"), cell: (r) => money(r.assessed), num: true },
      { label: t("collected"), cell: (r) => money(r.collected), num: true },
      { label: t("debt"), cell: (r) => money(r.debt), num: true },
      { label: t("debt_change"), cell: (r) => money(r.debt_change), num: true },
      { label: t("debt_ratio"), cell: (r) => pct(r.debt_ratio), num: true },
    ], offices, "dash-offices-table"),
    downloads("/reports/kpi_office", { period: p }, t("ch_offices"))));
}
