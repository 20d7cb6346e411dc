// unit_parts.js - the sections of a unit's page below its balance (docs/web.md): contacts,
// workers and their declarations, payments and their allocation, the health cards' lock state,
// the case timeline (a link to the case) and the documents to download (C12-TS, reminder,
// lawsuit petition). Each comes from one call; a section the role may not read is left out.
import { t, label, addWords } from "./i18n.js";
import { call, query, session, ApiError } from "./api.js";
import { h, link, notice, table } from "./dom.js";
import { money, date, months, period } from "./format.js";
import { contactsSection } from "./contacts.js";

addWords({
  workers_h: ["Người lao động và khai báo", "Workers and their declarations"],
  payments_h: ["Các khoản đã nộp và phân bổ", "Payments and their allocation"],
  cards_h: ["Thẻ BHYT: khóa, mở", "Health cards: lock state"],
  case_h: ["Hồ sơ thu nợ", "Debt case"],
  docs_h: ["Văn bản tải về", "Documents to download"],
  sections: ["Trên trang này", "On this page"],
  bhxh_code: ["Mã số BHXH", "SI number"],
  full_name: ["Họ và tên", "Full name"],
  from_period: ["Từ tháng", "From"],
  decl_kind: ["Loại khai báo", "Declaration"],
  funds: ["Quỹ", "Funds"],
  declared_on: ["Ngày khai báo", "Declared on"],
  reason: ["Lý do", "Reason"],
  channel: ["Hình thức", "Channel"],
  memo: ["Nội dung chuyển tiền", "Memo"],
  allocated: ["Đã phân bổ", "Allocated"],
  allocation: ["Phân bổ vào", "Allocated to"],
  part_principal: ["gốc", "principal"], part_interest: ["lãi", "interest"],
  card_action: ["Trong kỳ", "This period"],
  card_lock: ["Khóa thẻ", "Lock the cards"], card_unlock: ["Mở thẻ", "Unlock the cards"],
  card_none: ["Không có thay đổi khóa, mở thẻ trong kỳ.", "No card to lock or unlock this period."],
  workers_count: ["Số lao động", "Workers"],
  no_case: ["Đơn vị chưa có hồ sơ thu nợ.", "The unit has no debt case."],
  open_case: ["Mở hồ sơ {id}", "Open case {id}"],
  doc_c12ts: ["Thông báo C12-TS", "Notice C12-TS"],
  doc_reminder: ["Văn bản đôn đốc", "Reminder"],
  doc_petition: ["Đơn khởi kiện", "Lawsuit petition"],
  doc_made: ["Đã tạo: ", "Ready: "],
  doc_none: ["Vai trò của bạn không tạo văn bản cho đơn vị.", "Your role draws no documents for the unit."],
  event_day: ["Ngày", "Day"],
  event: ["Sự kiện", "Event"],
  // payment channels, in the words of `thuno report --values` (src/core/vocab.c)
  channel_transfer: ["Chuyển khoản", "Transfer"], channel_cash: ["Tiền mặt", "Cash"],
  channel_bank: ["Ngân hàng", "Bank"], channel_treasury: ["Kho bạc Nhà nước", "State Treasury"],
  channel_mediation: ["Theo hòa giải thành", "Mediation"], channel_judgment: ["Theo bản án", "Judgment"],
  channel_enforcement: ["Qua cơ quan thi hành án", "Enforcement"],
  decl_increase: ["Tăng", "Increase"], decl_decrease: ["Giảm", "Decrease"], decl_adjust: ["Điều chỉnh", "Adjustment"],
});

const role = () => (session() ? session().user.role : "");

// "07/2025 gốc 1.000.000 đ; ..." of the API's allocation text "2025-07 principal 1000000; ...".
function allocationText(s) {
  if (!s) return "";
  return s.split("; ").map((x) => {
    const [p, part, amount] = x.split(" ");
    return period(p) + " " + t("part_" + part) + " " + money(Number(amount));
  }).join("; ");
}

async function workers(code) {
  const j = await call("GET", "/units/" + encodeURIComponent(code) + "/workers");
  return h("section", { id: "workers", "aria-labelledby": "workers-h" },
    h("h2", { id: "workers-h" }, t("workers_h")),
    table(t("workers_h"), [
      { label: t("bhxh_code"), cell: (r) => r.bhxh_code },
      { label: t("full_name"), cell: (r) => r.full_name },
      { label: t("from_period"), cell: (r) => period(r.from_period) },
      { label: t("decl_kind"), cell: (r) => t("decl_" + r.kind) },
      { label: t("salary"), cell: (r) => money(r.salary), num: true },
      { label: t("funds"), cell: (r) => r.funds },
      { label: t("declared_on"), cell: (r) => date(r.declared_on) },
      { label: t("reason"), cell: (r) => r.reason || "" },
    ], j.workers, "workers-table"));
}

async function payments(code) {
  const j = await call("GET", "/units/" + encodeURIComponent(code) + "/payments");
  return h("section", { id: "payments", "aria-labelledby": "payments-h" },
    h("h2", { id: "payments-h" }, t("payments_h")),
    table(t("payments_h"), [
      { label: t("txn_id"), cell: (r) => r.txn_id },
      { label: t("paid_on"), cell: (r) => date(r.paid_on) },
      { label: t("amount"), cell: (r) => money(r.amount), num: true },
      { label: t("channel"), cell: (r) => (t("channel_" + r.channel) === "channel_" + r.channel ? r.channel : t("channel_" + r.channel)) },
      { label: t("memo"), cell: (r) => h("span", { class: "small" }, r.memo || "") },
      { label: t("case"), cell: (r) => (r.case_id ? link("/cases/" + encodeURIComponent(r.case_id), r.case_id) : "") },
      { label: t("allocated"), cell: (r) => money(r.allocated), num: true },
      { label: t("allocation"), cell: (r) => h("span", { class: "small" }, allocationText(r.allocation)) },
    ], j.payments, "payments-table"));
}

// The period's lock or unlock of the unit's cards (report card_locks), when the role reads it.
async function cards(code, p) {
  let rows;
  try {
    rows = await call("GET", "/reports/card_locks" + query({ period: p, format: "json" }));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 400 || e.status === 404)) return null;
    throw e;
  }
  const mine = rows.filter((r) => r.unit_code === code);
  const sec = h("section", { id: "cards", "aria-labelledby": "cards-h" },
    h("h2", { id: "cards-h" }, t("cards_h") + " — " + t("period") + " " + period(p)));
  if (!mine.length) sec.append(h("p", {}, t("card_none")));
  for (const r of mine)
    sec.append(h("p", {}, h("span", { class: r.action === "lock" ? "state-locked" : "state-open" },
      t("card_" + r.action)), " · " + t("months_owed") + " " + months(r.months_owed) + " · " +
      t("workers_count") + " " + r.workers + (r.department ? " · " + label("department", r.department) : "")));
  return sec;
}

// The unit's case (the board's row of the unit) with its timeline.
async function caseOf(code) {
  const board = await call("GET", "/cases");
  const rows = board.stages.flatMap((s) => s.cases).filter((c) => c.unit_code === code);
  const sec = h("section", { id: "case", "aria-labelledby": "case-h" }, h("h2", { id: "case-h" }, t("case_h")));
  if (!rows.length) {
    sec.append(h("p", {}, t("no_case")));
    return [sec, null];
  }
  const c = await call("GET", "/cases/" + encodeURIComponent(rows[0].case_id));
  sec.append(
    h("p", {}, link("/cases/" + encodeURIComponent(c.case_id), t("open_case", { id: c.case_id })),
      " · " + label("case_state", c.state)),
    h("ol", { class: "timeline", "aria-label": t("case_h") + " " + c.case_id },
      c.timeline.map((e) => h("li", {}, date(e.day) + " — " + e.label +
        (e.amount !== null ? " · " + money(e.amount) : "") + (e.note ? " · " + e.note : "")))));
  return [sec, c.case_id];
}

// A button that fetches a document and offers it as a download link beside it.
function docButton(text, fetcher, filename) {
  const out = h("span", { "aria-live": "polite" });
  const btn = h("button", { type: "button", class: "secondary" }, text);
  btn.addEventListener("click", async () => {
    btn.disabled = true;
    out.replaceChildren();
    try {
      const blob = await fetcher();
      const a = h("a", { href: URL.createObjectURL(blob), download: filename }, t("doc_made") + filename);
      out.append(" ", a);
      a.focus();
    } catch (e) {
      out.append(notice(e.message, "error"));
    }
    btn.disabled = false;
  });
  return h("div", { class: "inline-form" }, btn, out);
}

async function pdf(method, path, body) {
  const s = session();
  const headers = {};
  if (method !== "GET") {
    headers["X-CSRF-Token"] = s.csrf;
    headers["Content-Type"] = "application/json";
  }
  const r = await fetch("/api/v1" + path, { method, headers, credentials: "same-origin",
    body: body ? JSON.stringify(body) : undefined });
  if (!r.ok) {
    let j = null;
    try {
      j = await r.json();
    } catch (e) {
      j = null;
    }
    throw new ApiError(r.status, j);
  }
  return r.blob();
}

function documents(code, p, caseId) {
  const sec = h("section", { id: "documents", "aria-labelledby": "docs-h" }, h("h2", { id: "docs-h" }, t("docs_h")));
  const r = role();
  let any = false;
  if (p && ["admin", "qlt", "kttn"].includes(r)) {
    any = true;
    sec.append(
      docButton(t("doc_c12ts") + " " + period(p), () => pdf("POST", "/letters/c12ts", { period: p, unit: code }), "C12-TS-" + code + "-" + p + ".pdf"),
      docButton(t("doc_reminder") + " " + period(p), () => pdf("POST", "/letters/reminder", { period: p, unit: code }), "don-doc-" + code + "-" + p + ".pdf"));
  }
  if (caseId && ["director", "legal"].includes(r)) {
    any = true;
    sec.append(docButton(t("doc_petition") + " " + caseId,
      () => pdf("GET", "/cases/" + encodeURIComponent(caseId) + "/documents/lawsuit_petition"), "don-khoi-kien-" + caseId + ".pdf"));
  }
  if (!any) sec.append(h("p", { class: "small" }, t("doc_none")));
  return sec;
}

// Fills holder with the sections of unit u (its page's period p, may be empty).
export async function unitSections(holder, u, p) {
  const code = u.unit_code;
  const toc = h("nav", { class: "toc", "aria-label": t("sections") });
  holder.append(toc);
  const parts = [];
  const add = (sec) => {
    if (!sec) return;
    holder.append(sec);
    const hd = sec.querySelector("h2");
    parts.push(link("#" + sec.id, hd ? hd.textContent.split(" — ")[0] : sec.id));
  };
  const guard = async (f) => {
    try {
      return await f();
    } catch (e) {
      return h("section", {}, notice(t("error") + ": " + e.message, "error"));
    }
  };
  add(await guard(() => contactsSection(code)));
  add(await guard(() => workers(code)));
  add(await guard(() => payments(code)));
  if (p) add(await guard(() => cards(code, p)));
  let caseId = null;
  add(await guard(async () => {
    const [sec, id] = await caseOf(code);
    caseId = id;
    return sec;
  }));
  add(documents(code, p, caseId));
  // in-page links: scroll to the section without a history entry (a hash change would make the
  // router draw the page again)
  for (const a of parts) {
    a.removeAttribute("data-link");
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      const target = document.getElementById(a.getAttribute("href").slice(1));
      const hd = target && target.querySelector("h2");
      if (!target) return;
      target.scrollIntoView();
      if (hd) {
        hd.setAttribute("tabindex", "-1");
        hd.focus();
      }
    });
    toc.append(a);
  }
}
