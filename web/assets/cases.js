// cases.js - the cases board by stage at /cases (GET /cases) and a case's page at
// /cases/{id} (GET /cases/{id}, GET /cases/{id}/checklist): timeline, next deadline, payments,
// repayment plan and instalments, assets and their verification, coercive measures, the other
// registers, documents to download; recording an event (POST /cases/{id}/events) for the
// roles that may (legal; an officer on its own units' cases). Each of the page's tables
// downloads as XLSX, PDF and CSV from its report (case_timeline, case_payments, ...; ?case=).
// docs/web.md.
import { t, label, addWords } from "./i18n.js";
import { call, query, can, ApiError } from "./api.js";
import { h, link, notice, table, downloads } from "./dom.js";
import { money, date } from "./format.js";
import { registerForm } from "./registers.js";

const EVENTS = ["reminder_sent", "inspection_concluded", "fine_decided", "deduction_ordered", "deduction_refused",
  "published", "criminal_referral", "lawsuit_filed", "mediation_settled", "judgment", "appeal_changed",
  "enforcement_requested", "enforcement_decided", "assets_verified", "measure_applied", "entrusted",
  "suspended_no_assets", "plan_defaulted", "closed", "withdrawn"];
const OUTCOMES = ["full", "partial", "none", "assets", "pledged"];

addWords({
  cases: ["Hồ sơ thu nợ", "Cases"],
  cases_title: ["Hồ sơ thu nợ theo giai đoạn", "Cases by stage"],
  cases_total: ["{n} hồ sơ", "{n} cases"],
  stage_n: ["{label}: {n}", "{label}: {n}"],
  case_id: ["Mã hồ sơ", "Case"],
  opened: ["Ngày lập", "Opened"],
  last_event: ["Sự kiện gần nhất", "Last event"],
  claimed: ["Số tiền khởi kiện", "Claimed"],
  settled: ["Số tiền hòa giải thành", "Settled"],
  awarded: ["Số tiền theo bản án", "Awarded"],
  recovered: ["Đã thu hồi", "Recovered"],
  next_deadline: ["Hạn tiếp theo", "Next deadline"],
  next_by: ["Bên phải thực hiện", "Whose"],
  overdue: ["quá hạn", "overdue"],
  overdue_days: ["Số ngày quá hạn", "Days overdue"],
  days_n: ["{n} ngày", "{n} days"],
  alert: ["Cảnh báo", "Alert"],
  case_title: ["Hồ sơ {id}", "Case {id}"],
  case_state: ["Giai đoạn", "Stage"],
  case_unit: ["Đơn vị", "Unit"],
  next_title: ["Bước tiếp theo và hạn", "Next step and its deadline"],
  no_deadline: ["Không có hạn nào đang chờ.", "No deadline pending."],
  legal_basis: ["Căn cứ", "Basis"],
  timeline: ["Diễn biến hồ sơ", "Timeline"],
  event: ["Sự kiện", "Event"],
  ev_day: ["Ngày", "Day"],
  outcome: ["Kết quả", "Outcome"],
  at_office: ["Cơ quan", "Office"],
  note: ["Ghi chú", "Note"],
  actor: ["Người ghi", "Recorded by"],
  seq: ["STT", "No."],
  record_title: ["Ghi nhận sự kiện mới", "Record an event"],
  record_day: ["Ngày (ngày/tháng/năm)", "Day (dd/mm/yyyy)"],
  record_amount: ["Số tiền (đồng, không bắt buộc)", "Amount (đồng, optional)"],
  record_button: ["Ghi nhận", "Record"],
  recorded_ok: ["Đã ghi nhận sự kiện số {seq}: {event}.", "Recorded event {seq}: {event}."],
  bad_day: ["Ngày phải theo dạng ngày/tháng/năm, ví dụ 28/11/2025.", "The day must be dd/mm/yyyy, e.g. 28/11/2025."],
  bad_amount: ["Số tiền phải là số nguyên đồng.", "The amount must be whole đồng."],
  none_option: ["(không)", "(none)"],
  payments: ["Các khoản đã nộp theo hồ sơ", "Payments on the case"],
  channel: ["Hình thức", "Channel"],
  plan_title: ["Lộ trình trả nợ", "Repayment plan"],
  no_plan: ["Hồ sơ không có lộ trình trả nợ.", "The case has no repayment plan."],
  instalments: ["Các kỳ trả nợ", "Instalments"],
  instalment_no: ["Kỳ", "No."],
  due: ["Hạn trả", "Due"],
  mark: ["Tình trạng", "State"],
  plan_status: ["Tình trạng lộ trình", "Plan status"],
  plan_total: ["Tổng phải trả", "Total"],
  plan_paid: ["Đã trả", "Paid"],
  plan_remainder: ["Còn phải trả", "Remainder"],
  plan_missed: ["Số kỳ không trả", "Missed"],
  detected_on: ["Phát hiện vi phạm ngày", "Default detected on"],
  assets: ["Tài sản và xác minh", "Assets and their verification"],
  measures: ["Biện pháp cưỡng chế", "Coercive measures"],
  other_registers: ["Sổ theo dõi khác (án phí, phiên tòa, ngân hàng, tin báo, cơ quan thi hành)", "Other registers (fees, hearings, banks, tips, agents)"],
  register: ["Loại sổ", "Register"],
  reg_no: ["Số", "No."],
  reg_ref: ["Liên quan số", "Refers to"],
  reg_what: ["Nội dung", "What"],
  reg_party: ["Bên liên quan", "Party"],
  reg_detail: ["Chi tiết", "Detail"],
  pledged_flag: ["Đang thế chấp", "Pledged"],
  yes: ["Có", "Yes"], no: ["Không", "No"],
  documents: ["Văn bản của hồ sơ", "The case's documents"],
  document: ["Văn bản", "Document"],
  doc_stage: ["Giai đoạn đã đến", "Stage reached"],
  doc_recorded: ["Đã ghi nhận ngày", "Recorded on"],
  doc_ready: ["Đủ dữ liệu để lập", "Can be drawn"],
  doc_missing: ["Còn thiếu", "Missing"],
  doc_download: ["Tải văn bản", "Download"],
  checklist: ["Danh mục hồ sơ cần có", "Checklist"],
  stage: ["Giai đoạn", "Stage"],
  item: ["Tài liệu", "Item"],
  met: ["Đã có", "Met"],
  download_cases: ["Tải danh sách hồ sơ (báo cáo cases): ", "Download the cases (report cases): "],
  replay_error: ["Diễn biến có lỗi khi dựng lại", "The timeline does not replay"],
}, {
  reminder_sent: ["Gửi văn bản đôn đốc", "Reminder sent"], inspection_concluded: ["Kết luận thanh tra", "Inspection concluded"],
  fine_decided: ["Quyết định xử phạt", "Fine decided"], deduction_ordered: ["Yêu cầu trích tiền tài khoản", "Deduction ordered"],
  deduction_refused: ["Ngân hàng không trích tiền", "Deduction refused"], published: ["Công khai trên phương tiện thông tin", "Published"],
  criminal_referral: ["Chuyển cơ quan điều tra", "Criminal referral"], lawsuit_filed: ["Nộp đơn khởi kiện", "Lawsuit filed"],
  mediation_settled: ["Hòa giải thành", "Mediation settled"], judgment: ["Bản án", "Judgment"],
  appeal_changed: ["Phúc thẩm/giám đốc thẩm thay đổi", "Changed on appeal"], enforcement_requested: ["Yêu cầu thi hành án", "Enforcement requested"],
  enforcement_decided: ["Quyết định thi hành án", "Enforcement decided"], assets_verified: ["Xác minh điều kiện thi hành án", "Assets verified"],
  measure_applied: ["Áp dụng biện pháp cưỡng chế", "Measure applied"], entrusted: ["Ủy thác thi hành án", "Entrusted"],
  suspended_no_assets: ["Chưa có điều kiện thi hành", "Suspended, no assets"], plan_defaulted: ["Vi phạm lộ trình trả nợ", "Plan defaulted"],
  "event:closed": ["Kết thúc hồ sơ", "Closed"], "event:withdrawn": ["Rút hồ sơ", "Withdrawn"],
  "outcome:full": ["Thu đủ", "In full"], "outcome:partial": ["Thu một phần", "In part"], "outcome:none": ["Không thu được / không có tài sản", "None"],
  "outcome:assets": ["Có tài sản", "Assets found"], "outcome:pledged": ["Tài sản đang thế chấp", "Assets pledged"],
  "mark:past": ["Đã qua", "Past"], "mark:met": ["Đã trả", "Met"], "mark:missed": ["Không trả", "Missed"], "mark:due": ["Chưa đến hạn", "Due"],
  on_track: ["Đúng lộ trình", "On track"], complete: ["Đã trả xong", "Complete"], defaulted: ["Vi phạm lộ trình", "Defaulted"],
  asset: ["Tài sản", "Asset"], verification: ["Xác minh", "Verification"], measure: ["Biện pháp", "Measure"],
  bank_account: ["Tài khoản ngân hàng", "Bank account"], land: ["Quyền sử dụng đất", "Land"], vehicle: ["Phương tiện", "Vehicle"],
  exists: ["Có tài sản", "Exists"], account_freeze: ["Phong tỏa tài khoản", "Account freeze"], seizure: ["Kê biên tài sản", "Seizure"],
  transfer: ["Chuyển khoản", "Transfer"], cash: ["Tiền mặt", "Cash"],
  "register:fee": ["Án phí", "Court fee"], "register:hearing": ["Phiên tòa", "Hearing"],
  "register:priority": ["Thứ tự xử lý", "Order of assets"], "register:bank_order": ["Lệnh ngân hàng", "Bank order"],
  "register:bank_reply": ["Trả lời ngân hàng", "Bank's reply"], "register:tip": ["Tin báo", "Tip"],
  "register:tip_result": ["Kết quả tin báo", "Tip's result"], "register:agent": ["Cơ quan thi hành", "Enforcement agent"],
});

const stateLabel = (s) => label("case_state", s);
const deadline = (d, by) => (d ? date(d) + (by ? " · " + label("deadline_by", by) : "") : "");

export async function casesPage(main) {
  document.title = t("cases") + " · thuno";
  main.append(h("h1", {}, t("cases_title")));
  const b = await call("GET", "/cases");
  const strip = h("ul", { class: "stages", "aria-label": t("cases_total", { n: b.total }) },
    b.stages.map((s) => h("li", { class: s.count ? "has" : "empty" },
      s.count ? h("a", { href: "#stage-" + s.state, onclick: (e) => {
        // to the stage's table without a navigation (a new fragment would re-render the page)
        e.preventDefault();
        const to = document.getElementById("stage-" + s.state);
        to.scrollIntoView();
        to.focus();
      } }, h("span", { class: "n" }, String(s.count)), " " + stateLabel(s.state))
        : [h("span", { class: "n" }, "0"), " " + stateLabel(s.state)])));
  main.append(h("p", {}, t("cases_total", { n: b.total }) + " · " + t("known_at") + " " + date(b.as_of)), strip);
  for (const s of b.stages.filter((x) => x.count)) {
    const cap = stateLabel(s.state) + " (" + s.count + ")";
    main.append(h("section", { class: "stage", id: "stage-" + s.state, "aria-label": cap, tabindex: "-1" },
      table(cap, [
        { label: t("case_id"), cell: (r) => link("/cases/" + encodeURIComponent(r.case_id), r.case_id) },
        { label: t("case_unit"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
        { label: t("opened"), cell: (r) => date(r.opened) },
        { label: t("last_event"), cell: (r) => label("event", r.last_event) + " · " + date(r.last_date) },
        { label: t("claimed"), cell: (r) => money(r.claimed), num: true },
        { label: t("recovered"), cell: (r) => money(r.recovered), num: true },
        { label: t("next_deadline"), cell: (r) => deadline(r.next_date, r.next_by) },
        { label: t("overdue_days"), cell: (r) => (r.overdue_days ? String(r.overdue_days) : ""), num: true },
        { label: t("alert"), cell: (r) => r.alert || "" },
      ], s.cases, "cases-" + s.state)));
  }
  if (can("reports")) main.append(downloads("/reports/cases", {}, t("cases"), t("download_cases")));
}

function registerTable(caption, rows, id) {
  return table(caption, [
    { label: t("register"), cell: (r) => label("register", r.register) },
    { label: t("reg_no"), cell: (r) => String(r.no), num: true },
    { label: t("reg_ref"), cell: (r) => (r.ref === null ? "" : String(r.ref)), num: true },
    { label: t("ev_day"), cell: (r) => date(r.day) },
    { label: t("reg_what"), cell: (r) => label("what", r.what) },
    { label: t("amount"), cell: (r) => money(r.amount), num: true },
    { label: t("reg_party"), cell: (r) => r.party || "" },
    { label: t("reg_detail"), cell: (r) => [r.detail || "", r.flag === true ? " (" + t("pledged_flag") + ")" : ""].join("") },
    { label: t("note"), cell: (r) => r.note || "" },
  ], rows, id);
}

// "28/11/2025" -> "2025-11-28", else null
function isoDay(s) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  return m ? m[3] + "-" + m[2].padStart(2, "0") + "-" + m[1].padStart(2, "0") : null;
}

function recordForm(c, done) {
  const f = (id, text, input) => h("div", { class: "field" }, h("label", { for: id }, text), input);
  const ev = h("select", { id: "ev-event", name: "event", required: true }, EVENTS.map((e) => h("option", { value: e }, label("event", e))));
  const [y, m, d] = c.as_of.slice(0, 10).split("-");
  const day = h("input", { id: "ev-day", name: "day", required: true, inputmode: "numeric", size: 10, value: d + "/" + m + "/" + y,
    pattern: "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}" });
  const amount = h("input", { id: "ev-amount", name: "amount", inputmode: "numeric", pattern: "[0-9.]*", size: 14 });
  const outcome = h("select", { id: "ev-outcome", name: "outcome" },
    h("option", { value: "" }, t("none_option")), OUTCOMES.map((o) => h("option", { value: o }, label("outcome", o))));
  const office = h("input", { id: "ev-office", name: "office", size: 24 });
  const note = h("input", { id: "ev-note", name: "note", size: 40 });
  const button = h("button", { type: "submit" }, t("record_button"));
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "ev-result" });
  const form = h("form", { class: "card record", "aria-labelledby": "rec-h" },
    h("h2", { id: "rec-h" }, t("record_title")),
    h("div", { class: "row" }, f("ev-event", t("event"), ev), f("ev-day", t("record_day"), day), f("ev-outcome", t("outcome"), outcome)),
    h("div", { class: "row" }, f("ev-amount", t("record_amount"), amount), f("ev-office", t("at_office"), office)),
    f("ev-note", t("note"), note), button, out);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.replaceChildren();
    const iso = isoDay(day.value);
    if (!iso) return out.append(notice(t("bad_day"), "error"));
    const amt = amount.value.replace(/\./g, "").trim();
    if (amt && !/^\d+$/.test(amt)) return out.append(notice(t("bad_amount"), "error"));
    const body = { event: ev.value, day: iso, unit: c.unit_code };
    if (amt) body.amount = Number(amt);
    if (outcome.value) body.outcome = outcome.value;
    if (office.value.trim()) body.office = office.value.trim();
    if (note.value.trim()) body.note = note.value.trim();
    button.disabled = true;
    try {
      const j = await call("POST", "/cases/" + encodeURIComponent(c.case_id) + "/events", body);
      await done(t("recorded_ok", { seq: j.seq, event: label("event", j.event) }));
    } catch (err) {
      out.append(notice(err instanceof ApiError ? err.message : String(err), "error"));
      button.disabled = false;
    }
  });
  return form;
}

// The downloads of one of the case's tables: its report (report_case.c) for the case; none
// for an empty table. Every role that sees the case may (an officer its own units' cases).
function caseDownloads(name, id, rows, what) {
  return rows && rows.length && can("cases") ? downloads("/reports/" + name, { case: id }, what) : "";
}

export async function casePage(main, id, message) {
  const self = "/cases/" + encodeURIComponent(id);
  const [c, cl] = await Promise.all([call("GET", self), call("GET", self + "/checklist")]);
  // the case's row of the board (the cases report): its next date and alert when the case's
  // own view has no deadline pending (an instalment missed, say)
  const board = await call("GET", "/cases" + query({ state: c.state }));
  const row = board.stages.flatMap((x) => x.cases).find((r) => r.case_id === c.case_id);
  document.title = t("case_title", { id: c.case_id }) + " · thuno";
  main.append(h("h1", {}, t("case_title", { id: c.case_id }) + " — " + stateLabel(c.state)));
  if (message) main.append(notice(message, "ok"));
  if (c.replay_error) main.append(notice(t("replay_error") + ": " + c.replay_error, "error"));
  const facts = h("dl", { class: "registry" });
  const add = (k, v) => facts.append(h("dt", {}, t(k)), h("dd", {}, v || "—"));
  add("case_unit", link("/units/" + encodeURIComponent(c.unit_code), c.unit_code));
  add("case_state", stateLabel(c.state));
  add("claimed", money(c.claimed));
  add("settled", money(c.settled));
  add("awarded", money(c.awarded));
  add("recovered", money(c.recovered));
  main.append(facts);

  // the next deadline
  const nd = c.next_deadline;
  main.append(h("section", { "aria-labelledby": "next-h", class: "next" }, h("h2", { id: "next-h" }, t("next_title")),
    nd ? h("p", { class: "deadline" + (nd.overdue ? " overdue" : "") },
      h("strong", {}, t("next_deadline") + ": " + date(nd.date)), " · " + t("next_by") + ": " + label("deadline_by", nd.by),
      nd.overdue ? h("span", { class: "tag evading" }, t("overdue")) : null,
      h("br"), h("span", { class: "small" }, t("legal_basis") + ": " + nd.source))
      : row && row.next_date ? h("p", { class: "deadline" + (row.overdue_days ? " overdue" : "") },
        h("strong", {}, t("next_deadline") + ": " + date(row.next_date)), " · " + t("next_by") + ": " + label("deadline_by", row.next_by),
        row.overdue_days ? h("span", { class: "tag evading" }, t("overdue") + " " + t("days_n", { n: row.overdue_days })) : null)
        : h("p", {}, t("no_deadline")),
    row && row.alert ? notice(t("alert") + ": " + row.alert) : null));

  main.append(table(t("timeline"), [
    { label: t("seq"), cell: (r) => String(r.seq), num: true },
    { label: t("ev_day"), cell: (r) => date(r.day) },
    { label: t("event"), cell: (r) => label("event", r.event) },
    { label: t("amount"), cell: (r) => money(r.amount), num: true },
    { label: t("outcome"), cell: (r) => (r.outcome ? label("outcome", r.outcome) : "") },
    { label: t("at_office"), cell: (r) => r.office || "" },
    { label: t("note"), cell: (r) => r.note || "" },
    { label: t("actor"), cell: (r) => r.actor || "" },
  ], c.timeline, "case-timeline"), caseDownloads("case_timeline", c.case_id, c.timeline, t("timeline")));

  if (can("case_record"))
    main.append(recordForm(c, async (msg) => {
      main.replaceChildren();
      await casePage(main, id, msg);
      document.getElementById("main").focus(); // the form is gone with the old page; the status line is announced
    }));

  main.append(table(t("payments"), [
    { label: t("ev_day"), cell: (r) => date(r.day) },
    { label: t("txn_id"), cell: (r) => r.txn_id },
    { label: t("channel"), cell: (r) => label("channel", r.channel) },
    { label: t("amount"), cell: (r) => money(r.amount), num: true },
  ], c.payments, "case-payments"), caseDownloads("case_payments", c.case_id, c.payments, t("payments")));

  const plan = h("section", { "aria-labelledby": "plan-h" }, h("h2", { id: "plan-h" }, t("plan_title")));
  if (!c.plan) plan.append(h("p", {}, t("no_plan")));
  else {
    const p = c.plan;
    const dl = h("dl", { class: "registry" });
    for (const [k, v] of [["plan_status", label("plan", p.status)], ["plan_total", money(p.total)], ["plan_paid", money(p.paid)],
      ["plan_remainder", money(p.remainder)], ["plan_missed", String(p.missed)], ["detected_on", date(p.detected_on)]])
      dl.append(h("dt", {}, t(k)), h("dd", {}, v || "—"));
    plan.append(dl, table(t("instalments"), [
      { label: t("instalment_no"), cell: (r) => String(r.no), num: true },
      { label: t("due"), cell: (r) => date(r.due) },
      { label: t("amount"), cell: (r) => money(r.amount), num: true },
      { label: t("mark"), cell: (r) => h("span", { class: "tag " + (r.mark === "missed" ? "evading" : r.mark === "met" ? "current" : "") },
        label("mark", r.mark)) },
    ], p.instalments, "case-instalments"), caseDownloads("case_instalments", c.case_id, p.instalments, t("instalments")));
  }
  main.append(plan);

  const regs = c.registers || [];
  const assets = regs.filter((r) => r.register === "asset" || r.register === "verification" || r.register === "priority");
  const measures = regs.filter((r) => r.register === "measure" || r.register.startsWith("bank"));
  main.append(
    registerTable(t("assets"), assets, "case-assets"), caseDownloads("case_assets", c.case_id, assets, t("assets")),
    registerTable(t("measures"), measures, "case-measures"), caseDownloads("case_measures", c.case_id, measures, t("measures")));
  const other = regs.filter((r) => !["asset", "verification", "priority", "measure"].includes(r.register) && !r.register.startsWith("bank"));
  if (other.length)
    main.append(registerTable(t("other_registers"), other, "case-registers"),
      caseDownloads("case_other_registers", c.case_id, other, t("other_registers")));
  // the registers' forms (registers.js): legal only
  if (can("case_register"))
    main.append(registerForm(c, async (msg) => {
      main.replaceChildren();
      await casePage(main, id, msg);
      document.getElementById("main").focus();
    }));

  // documents: drawn for those who may (legal, the director), when the case has what they need
  const mayDraw = can("case_document");
  main.append(table(t("documents"), [
    { label: t("document"), cell: (r) => r.label },
    { label: t("doc_stage"), cell: (r) => (r.stage_ok ? t("yes") : t("no")) },
    { label: t("doc_recorded"), cell: (r) => date(r.recorded) },
    { label: t("doc_ready"), cell: (r) => (r.built ? t("yes") : t("no")) },
    { label: t("doc_missing"), cell: (r) => (r.missing.length ? h("ul", { class: "missing" }, r.missing.map((x) => h("li", {}, x))) : "") },
    ...(mayDraw ? [{ label: t("doc_download"), cell: (r) => (r.built ? h("span", { class: "dl-row" },
      h("a", { href: "/api/v1" + self + "/documents/" + r.kind + query({ format: "pdf" }), download: "" }, "PDF", h("span", { class: "sr" }, " — " + r.label)),
      h("a", { href: "/api/v1" + self + "/documents/" + r.kind + query({ format: "text" }), download: "" }, "TXT", h("span", { class: "sr" }, " — " + r.label))) : "") }] : []),
  ], cl.documents, "case-documents"), caseDownloads("case_documents", c.case_id, cl.documents, t("documents")));

  main.append(table(t("checklist"), [
    { label: t("stage"), cell: (r) => label("event", r.stage) },
    { label: t("item"), cell: (r) => r.item },
    { label: t("met"), cell: (r) => (r.met ? t("yes") : t("no")) },
  ], c.checklist, "case-checklist"), caseDownloads("case_checklist", c.case_id, c.checklist, t("checklist")));
}
