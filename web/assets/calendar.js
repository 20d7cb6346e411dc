// calendar.js - the statutory tasks of the week (docs/web.md, docs/calendar.md): the duties of
// policy/calendar.csv due this week (Monday to Sunday) and those overdue, each with its legal
// basis, from the `calendar` report; "done" (POST /calendar/done) for the roles that may record
// it (calendar.done: the director, QLT, KTTN, TTKT). Drawn on the officer's day (reading only)
// and as a departments' tab.
import { t, lang, addWords } from "./i18n.js";
import { call, query, session } from "./api.js";
import { h, notice, table, downloads } from "./dom.js";
import { date } from "./format.js";

addWords({
  cal_title: ["Việc phải làm trong tuần", "Tasks due this week"],
  cal_caption: ["Việc đến hạn từ {from} đến {to} và việc quá hạn", "Due from {from} to {to}, and overdue"],
  cal_due_on: ["Hạn hoàn thành", "Due on"],
  cal_duty: ["Nhiệm vụ", "Duty"],
  cal_occurrence: ["Kỳ hoặc sự kiện", "Occurrence"],
  cal_department: ["Phòng", "Department"],
  cal_status: ["Tình trạng", "Status"],
  cal_source: ["Căn cứ pháp lý", "Legal basis"],
  cal_action: ["Ghi nhận", "Record"],
  cal_overdue: ["Quá hạn {days} ngày", "{days} days overdue"],
  cal_due: ["Đến hạn", "Due"],
  cal_done: ["Đã hoàn thành {on} ({by})", "Done {on} ({by})"],
  cal_mark: ["Đã hoàn thành", "Mark done"],
  cal_mark_label: ["Ghi nhận đã hoàn thành: {duty}, {occ}", "Record done: {duty}, {occ}"],
  cal_marked: ["Đã ghi nhận hoàn thành: {duty}, {occ}.", "Recorded done: {duty}, {occ}."],
  cal_lookback: ["Việc quá hạn được tìm trong 92 ngày trước.", "Overdue tasks are looked for over the 92 days before."],
});

const DAY = 86400000;
const isoDay = (d) => d.toISOString().slice(0, 10);

// Who may record a duty done (docs/api.md "Roles": calendar.done).
export function canMarkDone() {
  const s = session();
  return ["director", "qlt", "kttn", "ttkt"].includes(s && s.user && s.user.role);
}

// The week of today (Monday to Sunday) and the first day overdue tasks are looked for from.
function week() {
  const now = new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY);
  return { today: isoDay(today), from: isoDay(monday), to: isoDay(new Date(monday.getTime() + 6 * DAY)),
    back: isoDay(new Date(today.getTime() - 92 * DAY)) };
}

// The section into holder: a heading, the table (overdue first, then by due date), its
// downloads; a failure said in the server's words.
export async function calendarSection(holder) {
  const w = week();
  const mark = canMarkDone();
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "calendar-result" });
  const body = h("div", {});
  holder.replaceChildren(h("h2", { id: "calendar-title" }, t("cal_title")), body, out);
  const params = { from: w.back, to: w.to, date: w.today };
  const draw = async () => {
    let rows;
    try {
      rows = await call("GET", "/reports/calendar" + query({ ...params, format: "json" }));
    } catch (e) {
      body.replaceChildren(notice(e.message, "error"));
      return;
    }
    rows = (Array.isArray(rows) ? rows : []).filter((r) =>
      r.status === "overdue" || (r.due_on >= w.from && r.due_on <= w.to) ||
      (r.status === "done" && r.done_on >= w.from)); // done this week: said, then gone next week
    rows.sort((a, b) => ((b.status === "overdue") - (a.status === "overdue")) || a.due_on.localeCompare(b.due_on));
    const name = (r) => (lang() === "en" ? r.name_en || r.name : r.name);
    // the month (mm/yyyy) or the event's day (dd/mm/yyyy) the occurrence is named by
    const occ = (r) => (/^\d{4}-\d{2}$/.test(r.occurrence) ? r.occurrence.slice(5) + "/" + r.occurrence.slice(0, 4) : date(r.occurrence));
    // departments by their short names (QLT, KTTN, TTKT); the director in words
    const dept = (d) => (d === "director" ? t("role_director") : d || "");
    const cols = [
      { label: t("cal_due_on"), cell: (r) => date(r.due_on) },
      { label: t("cal_duty"), cell: (r) => name(r) },
      { label: t("cal_occurrence"), cell: (r) => occ(r) + (r.event ? " · " + r.event : "") },
      { label: t("cal_department"), cell: (r) => dept(r.department) },
      { label: t("cal_status"), cell: (r) => h("span", { class: "tag cal-" + r.status },
        r.status === "overdue" ? t("cal_overdue", { days: r.days_overdue })
          : r.status === "done" ? t("cal_done", { on: date(r.done_on), by: r.done_by || "" }) : t("cal_due")) },
      { label: t("cal_source"), cell: (r) => h("span", { class: "small" }, r.source || "") },
    ];
    if (mark)
      cols.push({ label: t("cal_action"), cell: (r) => (r.status === "done" ? "" : markButton(r, name(r), occ(r))) });
    body.replaceChildren(
      table(t("cal_caption", { from: date(w.from), to: date(w.to) }), cols, rows, "calendar-table"),
      h("p", { class: "small" }, t("cal_lookback")),
      downloads("/reports/calendar", params, t("cal_title")));
  };
  function markButton(r, name, occ) {
    const b = h("button", { type: "button", class: "small-btn", "aria-label": t("cal_mark_label", { duty: name, occ }) }, t("cal_mark"));
    b.addEventListener("click", async () => {
      b.disabled = true;
      out.replaceChildren();
      const req = { duty: r.duty };
      if (r.recurrence === "event") req.date = r.occurrence;
      else req.period = r.occurrence;
      try {
        await call("POST", "/calendar/done", req);
        out.append(notice(t("cal_marked", { duty: name, occ }), "ok"));
        await draw();
      } catch (e) {
        out.append(notice(e.message, "error"));
        b.disabled = false;
      }
    });
    return b;
  }
  await draw();
}
