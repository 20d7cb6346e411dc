// departments.js - the departments' pages (docs/web.md): the health cards to lock and unlock
// (reports card_locks, card_lock_workers), the month's QLT <-> KTTN handover with its sign-off
// (report handover_signoff, POST /handover/sign), the payments in suspense to match (report
// suspense_review, POST /suspense/match, POST /suspense/{txn}/assign) and the letters to units
// (POST /letters/{kind}, the PDF downloaded). Each tab is offered only to the roles that may
// use it (the table of docs/api.md), and each action only to those that may take it.
import { t, label, addWords } from "./i18n.js";
import { call, query, session, ApiError } from "./api.js";
import { h, link, notice, table, downloads, navigate } from "./dom.js";
import { money, date, months, period, shift } from "./format.js";
import { calendarSection } from "./calendar.js";
import { worklistTab } from "./worklists.js";

addWords({
  departments: ["Nghiệp vụ phòng", "Departments"],
  tab_cards: ["Khóa, mở thẻ BHYT", "Card locks"],
  tab_handover: ["Bàn giao QLT – KTTN", "Handover"],
  tab_suspense: ["Tiền chờ xử lý", "Suspense"],
  tab_letters: ["Văn bản gửi đơn vị", "Letters"],
  tab_calendar: ["Lịch công việc", "Statutory calendar"],
  tab_worklist_qlt: ["Việc của QLT", "QLT's worklist"],
  tab_worklist_kttn: ["Việc của KTTN", "KTTN's worklist"],
  tab_worklist_other: ["Khác", "Other"],
  card_units: ["Đơn vị phải khóa hoặc mở thẻ", "Units whose cards to lock or unlock"],
  card_workers: ["Danh sách thẻ khóa, mở theo người lao động", "Cards to lock or unlock, by worker"],
  action: ["Khóa/mở", "Action"],
  lock: ["Khóa thẻ", "Lock"], unlock: ["Mở thẻ", "Unlock"],
  card_number: ["Mã thẻ BHYT", "Card number"],
  card_day: ["Ngày (ngày/tháng/năm)", "Day (dd/mm/yyyy)"],
  card_show: ["Xem danh sách của ngày", "Show the day's list"],
  department: ["Phòng phụ trách", "Department"],
  handover_list: ["Danh sách bàn giao và xác nhận", "The handover list and its sign-off"],
  direction: ["Chiều chuyển", "Direction"],
  months_before: ["Số tháng nợ trước", "Months owed before"],
  signed_qlt: ["QLT ký", "QLT signed"], signed_kttn: ["KTTN ký", "KTTN signed"],
  list_changed: ["Thay đổi sau khi ký", "Changed since signed"],
  sign_as: ["Ký xác nhận danh sách của {dept}", "Sign {dept}'s list"],
  signed_ok: ["Đã ký: {dept}, kỳ {period}, {units} đơn vị, mã kiểm tra {digest}.", "Signed: {dept}, period {period}, {units} units, digest {digest}."],
  suspense_list: ["Các khoản tiền chưa xác định đơn vị nộp", "Payments whose payer is not known"],
  proposed_unit: ["Đơn vị đề xuất", "Proposed unit"],
  confidence: ["Độ tin cậy (%)", "Confidence (%)"],
  match_preview: ["Xem đề xuất khớp theo nội dung", "Preview the matches by memo"],
  match_apply: ["Áp dụng các đề xuất chắc chắn", "Apply the sure matches"],
  match_done: ["Đã khớp {applied} khoản; còn {left} khoản chờ.", "Matched {applied}; {left} left."],
  assign_unit: ["Gán cho đơn vị", "Assign to unit"],
  assign_button: ["Gán", "Assign"],
  assign_label: ["Mã đơn vị cho giao dịch {txn}", "Unit code for transaction {txn}"],
  assigned_ok: ["Đã gán giao dịch {txn} cho đơn vị {unit}.", "Transaction {txn} assigned to unit {unit}."],
  letter_kind: ["Loại văn bản", "Kind of letter"],
  letter_reminder: ["Văn bản đôn đốc", "Reminder"], letter_c12ts: ["Thông báo C12-TS", "Notice C12-TS"],
  letter_unit: ["Mã đơn vị (để trống: mọi đơn vị)", "Unit code (empty: every unit)"],
  letter_record: ["Ghi vào sổ văn bản đôn đốc", "Record in the reminders register"],
  letter_run: ["Tạo văn bản", "Draw the letters"],
  letter_ready: ["Đã tạo: ", "Ready: "],
  reminders_list: ["Văn bản đôn đốc đã gửi", "Reminders sent"],
  letter_no: ["Số văn bản", "Letter no."],
  sent_on: ["Ngày gửi", "Sent on"],
  debt_overdue: ["Nợ quá hạn", "Overdue"],
  days_left: ["Số ngày còn lại", "Days left"],
  method: ["Cách xác định", "Method"],
  reason: ["Lý do", "Reason"],
  date: ["Ngày", "Date"],
  // the sign-off's words (report handover_signoff)
  hs_signed: ["Đã ký", "Signed"], hs_unsigned: ["Chưa ký", "Not signed"],
  hs_changed: ["Đã ký, số liệu đã đổi", "Signed, figures changed since"],
  hs_added: ["Thêm sau khi ký", "Added since signed"], hs_dropped: ["Bỏ sau khi ký", "Dropped since signed"],
  hs_absent: ["Không có trong danh sách", "Not in the list"],
  hs_yes: ["Có", "Yes"], hs_no: ["Không", "No"],
  workers_count: ["Số lao động", "Workers"],
  bhxh_code: ["Mã số BHXH", "SI number"],
  full_name: ["Họ và tên", "Full name"],
  memo: ["Nội dung chuyển tiền", "Memo"],
});

const role = () => (session() ? session().user.role : "");

// The tabs and who may open each (docs/api.md "Roles"; reading a report is every role's, but
// these lists are the departments' work).
const TABS = {
  cards: ["admin", "director", "qlt", "kttn"],
  handover: ["director", "qlt", "kttn"],
  suspense: ["qlt", "kttn"],
  letters: ["admin", "qlt", "kttn"],
  calendar: ["director", "qlt", "kttn", "ttkt"],
  worklist_qlt: ["admin", "director", "qlt", "kttn"],
  worklist_kttn: ["admin", "director", "qlt", "kttn"],
  worklist_other: ["admin", "director", "qlt", "kttn"],
};

export function canDepartments() {
  return Object.values(TABS).some((roles) => roles.includes(role()));
}

// The last period closed, as the units list says it.
async function lastPeriod() {
  return (await call("GET", "/units" + query({ limit: 1 }))).period;
}

async function report(name, params) {
  return call("GET", "/reports/" + name + query({ ...params, format: "json" }));
}

// POST path with body; the answer (a PDF) as a download link in out.
async function download(path, body, filename, out) {
  const s = session();
  const r = await fetch("/api/v1" + path, { method: "POST", credentials: "same-origin",
    headers: { "X-CSRF-Token": s.csrf, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) {
    let j = null;
    try {
      j = await r.json();
    } catch (e) {
      j = null;
    }
    throw new ApiError(r.status, j);
  }
  const a = h("a", { href: URL.createObjectURL(await r.blob()), download: filename }, filename);
  out.append(h("p", { class: "notice ok", role: "status" }, t("letter_ready"), a));
  a.focus();
}

// dd/mm/yyyy of an ISO day, and back ("" when it is not one).
const dmy = (d) => date(d);
function iso(text) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? m[3] + "-" + m[2] + "-" + m[1] : "";
}

async function cardsTab(main, p) {
  const units = await report("card_locks", { period: p });
  // the workers' list is a day's (the cards locked or unlocked that day): ?date=, else today
  const params = new URLSearchParams(location.search);
  const now = new Date();
  const today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
    String(now.getDate()).padStart(2, "0");
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") || "") ? params.get("date") : today;
  const workers = await report("card_lock_workers", { period: p, date: day });
  const dayInput = h("input", { id: "card-day", name: "date", value: dmy(day), size: 10, inputmode: "numeric",
    pattern: "[0-9]{2}/[0-9]{2}/[0-9]{4}", required: true });
  const dayForm = h("form", { class: "inline-form" },
    h("div", { class: "field" }, h("label", { for: "card-day" }, t("card_day")), dayInput),
    h("button", { type: "submit" }, t("card_show")));
  dayForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const d = iso(dayInput.value);
    if (d) navigate("/departments/cards" + query({ period: p, date: d }));
  });
  main.append(
    table(t("card_units") + " — " + t("period") + " " + period(p), [
      { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
      { label: t("action"), cell: (r) => h("span", { class: r.action === "lock" ? "state-locked" : "state-open" }, t(r.action)) },
      { label: t("months_owed"), cell: (r) => months(r.months_owed), num: true },
      { label: t("workers_count"), cell: (r) => String(r.workers), num: true },
      { label: t("department"), cell: (r) => label("department", r.department) },
    ], units, "card-units"),
    downloads("/reports/card_locks", { period: p }, t("card_units")),
    h("h2", {}, t("card_workers")),
    dayForm,
    table(t("card_workers") + " — " + dmy(day), [
      { label: t("unit_code"), cell: (r) => r.unit_code },
      { label: t("action"), cell: (r) => t(r.action) },
      { label: t("date"), cell: (r) => date(r.date) },
      { label: t("bhxh_code"), cell: (r) => r.bhxh_code },
      { label: t("full_name"), cell: (r) => r.full_name },
      { label: t("card_number"), cell: (r) => r.card_number },
      { label: t("months_owed"), cell: (r) => months(r.months_owed), num: true },
    ], workers, "card-workers"),
    downloads("/reports/card_lock_workers", { period: p, date: day }, t("card_workers")));
}

// A word of the sign-off report in the page's language (the value itself when unknown).
function word(v) {
  if (!v) return "";
  const w = t("hs_" + v);
  return w === "hs_" + v ? v : w;
}

async function handoverTab(main, p) {
  const holder = h("div", {});
  const draw = async () => {
    const rows = await report("handover_signoff", { period: p });
    holder.replaceChildren(table(t("handover_list") + " — " + t("period") + " " + period(p), [
      { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
      { label: t("direction"), cell: (r) => r.direction },
      { label: t("months_before"), cell: (r) => months(r.months_owed_before), num: true },
      { label: t("months_owed"), cell: (r) => months(r.months_owed), num: true },
      { label: t("debt"), cell: (r) => money(r.debt), num: true },
      { label: t("signed_qlt"), cell: (r) => word(r.qlt) + (r.qlt_by ? " · " + r.qlt_by + " " + date(r.qlt_on) : "") },
      { label: t("signed_kttn"), cell: (r) => word(r.kttn) + (r.kttn_by ? " · " + r.kttn_by + " " + date(r.kttn_on) : "") },
      { label: t("list_changed"), cell: (r) => word(r.list_changed) },
    ], rows, "handover-table"), downloads("/reports/handover_signoff", { period: p }, t("handover_list")));
  };
  await draw();
  main.append(holder);
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "handover-result" });
  const depts = [];
  if (["qlt", "director"].includes(role())) depts.push("QLT");
  if (["kttn", "director"].includes(role())) depts.push("KTTN");
  const form = h("div", { class: "inline-form" });
  for (const d of depts) {
    const b = h("button", { type: "button", "data-sign": d }, t("sign_as", { dept: d }));
    b.addEventListener("click", async () => {
      b.disabled = true;
      out.replaceChildren();
      try {
        const j = await call("POST", "/handover/sign", { period: p, department: d });
        out.append(notice(t("signed_ok", { dept: d, period: period(j.period), units: j.units, digest: j.digest.slice(0, 16) }), "ok"));
        await draw();
      } catch (e) {
        out.append(notice(e.message, "error"));
      }
      b.disabled = false;
    });
    form.append(b);
  }
  main.append(form, out);
}

async function suspenseTab(main, p) {
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "suspense-result" });
  const holder = h("div", {});
  const draw = async () => {
    const rows = await report("suspense_review", { period: p });
    holder.replaceChildren(table(t("suspense_list") + " — " + t("period") + " " + period(p), [
      { label: t("txn_id"), cell: (r) => r.txn_id },
      { label: t("paid_on"), cell: (r) => date(r.paid_on) },
      { label: t("amount"), cell: (r) => money(r.amount), num: true },
      { label: t("memo"), cell: (r) => h("span", { class: "small" }, r.memo || "") },
      { label: t("proposed_unit"), cell: (r) => r.proposed_unit || "" },
      { label: t("confidence"), cell: (r) => (r.confidence === null ? "" : String(r.confidence)), num: true },
      { label: t("reason"), cell: (r) => h("span", { class: "small" }, r.reason || "") },
      { label: t("assign_unit"), cell: (r) => assignForm(r) },
    ], rows, "suspense-table"), downloads("/reports/suspense_review", { period: p }, t("suspense_list")));
  };
  function assignForm(r) {
    const id = "as-" + r.txn_id.replace(/[^A-Za-z0-9_-]/g, "_");
    const input = h("input", { id, name: "unit", size: 8, value: r.proposed_unit || "", "aria-label": t("assign_label", { txn: r.txn_id }) });
    const f = h("form", { class: "inline-form" }, input, h("button", { type: "submit", class: "small-btn" }, t("assign_button")));
    f.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      out.replaceChildren();
      try {
        await call("POST", "/suspense/" + encodeURIComponent(r.txn_id) + "/assign", { unit: input.value.trim() });
        out.append(notice(t("assigned_ok", { txn: r.txn_id, unit: input.value.trim() }), "ok"));
        await draw();
      } catch (e) {
        out.append(notice(e.message, "error"));
      }
    });
    return f;
  }
  await draw();
  const preview = h("button", { type: "button", class: "secondary" }, t("match_preview"));
  const apply = h("button", { type: "button" }, t("match_apply"));
  const run = async (doApply) => {
    out.replaceChildren();
    try {
      const j = await call("POST", "/suspense/match", { period: p, apply: doApply });
      out.append(notice(t("match_done", { applied: j.applied, left: j.left }), "ok"));
      if (!doApply)
        out.append(table(t("match_preview"), [
          { label: t("txn_id"), cell: (r) => r.txn_id },
          { label: t("proposed_unit"), cell: (r) => r.proposed_unit || "" },
          { label: t("method"), cell: (r) => r.method },
          { label: t("confidence"), cell: (r) => (r.confidence === null ? "" : String(r.confidence)), num: true },
        ], j.rows, "match-preview"));
      else await draw();
    } catch (e) {
      out.append(notice(e.message, "error"));
    }
  };
  preview.addEventListener("click", () => run(false));
  apply.addEventListener("click", () => run(true));
  main.append(h("div", { class: "inline-form" }, preview, apply), out, holder);
}

async function lettersTab(main, p) {
  const kind = h("select", { id: "letter-kind", name: "kind" },
    ["reminder", "c12ts"].map((k) => h("option", { value: k }, t("letter_" + k))));
  const per = h("input", { id: "letter-period", name: "period", value: period(p), size: 8, required: true,
    inputmode: "numeric", pattern: "(0[1-9]|1[0-2])/[0-9]{4}" });
  const unit = h("input", { id: "letter-unit", name: "unit", size: 10 });
  const record = h("input", { id: "letter-record", name: "record", type: "checkbox" });
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "letter-result" });
  const btn = h("button", { type: "submit" }, t("letter_run"));
  const form = h("form", { class: "inline-form" },
    h("div", { class: "field" }, h("label", { for: "letter-kind" }, t("letter_kind")), kind),
    h("div", { class: "field" }, h("label", { for: "letter-period" }, t("period") + " (" + t("mm_yyyy") + ")"), per),
    h("div", { class: "field" }, h("label", { for: "letter-unit" }, t("letter_unit")), unit),
    h("div", { class: "check" }, record, h("label", { for: "letter-record" }, t("letter_record"))),
    btn);
  kind.addEventListener("change", () => {
    record.disabled = kind.value !== "reminder";
    if (record.disabled) record.checked = false;
  });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    btn.disabled = true;
    const [mm, yyyy] = per.value.trim().split("/");
    const body = { period: yyyy + "-" + mm };
    if (unit.value.trim()) body.unit = unit.value.trim();
    if (record.checked) body.record = true;
    try {
      await download("/letters/" + kind.value, body,
        kind.value + "-" + body.period + (body.unit ? "-" + body.unit : "") + ".pdf", out);
    } catch (e) {
      out.append(notice(e.message, "error"));
    }
    btn.disabled = false;
  });
  main.append(form, out);
  const sent = await report("reminders", {});
  main.append(table(t("reminders_list"), [
    { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
    { label: t("letter_no"), cell: (r) => r.letter_no },
    { label: t("period"), cell: (r) => period(r.period) },
    { label: t("sent_on"), cell: (r) => date(r.sent_on) },
    { label: t("debt_overdue"), cell: (r) => money(r.overdue), num: true },
    { label: t("days_left"), cell: (r) => (r.days_left === null ? "" : String(r.days_left)), num: true },
  ], sent, "reminders-table"), downloads("/reports/reminders", {}, t("reminders_list")));
}

// the week's statutory tasks (calendar.js): not a month's list, so no period is needed
async function calendarTab(main) {
  const cal = h("section", { id: "calendar", "aria-labelledby": "calendar-title" });
  main.append(cal);
  await calendarSection(cal);
}

const DRAW = { cards: cardsTab, handover: handoverTab, suspense: suspenseTab, letters: lettersTab,
  calendar: calendarTab, worklist_qlt: (main, p) => worklistTab(main, p, "QLT"),
  worklist_kttn: (main, p) => worklistTab(main, p, "KTTN"),
  worklist_other: (main, p) => worklistTab(main, p, "OTHER") };

// /departments[/{tab}]: the tabs the role may open, the chosen one drawn.
export async function departmentsPage(main, tab) {
  const mine = Object.keys(TABS).filter((k) => TABS[k].includes(role()));
  if (!mine.length) return main.append(h("h1", {}, t("not_found")));
  const cur = tab && mine.includes(tab) ? tab : mine[0];
  if (tab && !mine.includes(tab)) return main.append(h("h1", {}, t("not_found")));
  document.title = t("tab_" + cur) + " · thuno";
  main.append(h("h1", {}, t("departments") + ": " + t("tab_" + cur)),
    h("nav", { "aria-label": t("departments") },
      h("ul", { class: "tabs" }, mine.map((k) => {
        const a = link("/departments/" + k + location.search, t("tab_" + k));
        if (k === cur) a.setAttribute("aria-current", "page");
        return h("li", {}, a);
      }))));
  if (cur === "calendar") return calendarTab(main);
  const asked = new URLSearchParams(location.search).get("period");
  const p = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked || "") ? asked : await lastPeriod();
  if (!p) return main.append(notice(t("no_balance")));
  // the month shown, and the months around it (the lists of a past month stay readable)
  const self = "/departments/" + cur;
  main.append(h("p", { class: "months" },
    link(self + query({ period: shift(p, -1) }), "‹ " + t("prev_month")), " ",
    h("span", {}, t("period") + " " + period(p)), " ",
    link(self + query({ period: shift(p, 1) }), t("next_month") + " ›")));
  await DRAW[cur](main, p);
}
