// pages.js - the login, the officer's day (its worklist by money at risk) and the units list
// with its filters (docs/web.md).
import { t, label } from "./i18n.js";
import { call, login, session, can, query, ApiError } from "./api.js";
import { h, link, notice, navigate, table, downloads } from "./dom.js";
import { money, date, months, period, officer } from "./format.js";
import { contactCell, latestContacts } from "./contacts.js";
import { calendarSection } from "./calendar.js";
import { worklistRows } from "./worklists.js";

export async function loginPage(main) {
  if (session()) return navigate("/");
  document.title = t("login_title") + " · thuno";
  const msg = h("div", { class: "msgs" });
  const user = h("input", { id: "login", name: "login", autocomplete: "username", required: true, autocapitalize: "none" });
  const pw = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const button = h("button", { type: "submit" }, t("login_button"));
  const form = h("form", { class: "card login", "aria-labelledby": "login-title" },
    h("h1", { id: "login-title" }, t("login_title")),
    h("label", { for: "login" }, t("login")), user,
    h("label", { for: "password" }, t("password")), pw,
    button, msg);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    msg.replaceChildren();
    button.disabled = true;
    try {
      await login(user.value.trim(), pw.value);
      navigate("/");
    } catch (e) {
      const text = e instanceof ApiError && e.status === 429 ? t("throttled")
        : e instanceof ApiError && e.status === 401 ? t("login_failed") : e.message;
      msg.append(notice(text, "error"));
      button.disabled = false;
      pw.focus();
    }
  });
  main.append(form);
  user.focus();
}

// The last period closed, as the units list says it.
async function lastPeriod() {
  const j = await call("GET", "/units" + query({ limit: 1 }));
  return j.period;
}

export async function dayPage(main) {
  document.title = t("day") + " · thuno";
  main.append(h("h1", {}, t("day")));
  const p = await lastPeriod();
  if (!p) return main.append(notice(t("no_balance")));
  const rows = await worklistRows(p);
  // money at risk first: the debt, then the worklist's own rank (evading, months owed)
  rows.sort((a, b) => (b.debt - a.debt) || (a.rank - b.rank));
  const last = await latestContacts();
  const caption = t("day_title") + " — " + t("period") + " " + period(p);
  main.append(
    table(caption, [
      { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
      { label: t("name"), cell: (r) => r.name },
      { label: t("debt"), cell: (r) => money(r.debt), num: true },
      { label: t("months_owed"), cell: (r) => months(r.months_owed), num: true },
      { label: t("legal_status"), cell: (r) => h("span", { class: "tag " + r.legal_status }, label("legal_status", r.legal_status)) },
      { label: t("case"), cell: (r) => (r.case_id ? r.case_id + " · " + label("case_state", r.case_state) : "") },
      { label: t("next_step"), cell: (r) => r.next_step.split("/").map((s) => label("next_step", s)).join(" / ") +
          (r.department ? " (" + r.department + ")" : "") },
      { label: t("deadline"), cell: (r) => (r.deadline ? date(r.deadline) + (r.deadline_by ? " · " + label("deadline_by", r.deadline_by) : "") : "") },
      { label: t("last_contact"), cell: (r) => contactCell(r.unit_code, last.get(r.unit_code)) },
    ], rows, "worklist"),
    downloads("/worklist", { period: p }, t("day_title")));
  // the office's statutory tasks of the week (calendar.js)
  const cal = h("section", { id: "calendar", "aria-labelledby": "calendar-title" });
  main.append(cal);
  await calendarSection(cal);
}

const SELECTS = {
  bucket: ["0", "1-3", "3-6", "6-12", "12+"],
  legal_status: ["current", "late", "evading"],
};

export async function unitsPage(main) {
  document.title = t("units_title") + " · thuno";
  const params = new URLSearchParams(location.search);
  main.append(h("h1", {}, t("units_title")));
  const field = (id, text, input) => h("div", { class: "field" }, h("label", { for: id }, text), input);
  const q = h("input", { id: "f-q", name: "q", type: "search", value: params.get("q") || "" });
  const sel = (name, values, cur, lab) =>
    h("select", { id: "f-" + name, name },
      values.map(([v, text]) => h("option", { value: v, selected: v === cur }, text)));
  const bucket = sel("bucket", [["", t("all")], ...SELECTS.bucket.map((v) => [v, label("bucket", v)])], params.get("bucket") || "");
  const status = sel("legal_status", [["", t("all")], ...SELECTS.legal_status.map((v) => [v, label("legal_status", v)])], params.get("legal_status") || "");
  const sortv = params.get("sort") || "debt";
  const sort = sel("sort", [["debt", t("sort_debt")], ["months_owed", t("sort_months")], ["name", t("sort_name")], ["code", t("sort_code")]], sortv);
  const form = h("form", { class: "filters", role: "search" },
    field("f-q", t("search"), q), field("f-bucket", t("bucket"), bucket),
    field("f-legal_status", t("legal_status"), status), field("f-sort", t("sort"), sort),
    h("button", { type: "submit" }, t("filter")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("/units" + query({ q: q.value.trim(), bucket: bucket.value, legal_status: status.value, sort: sort.value }));
  });
  main.append(form);
  const ask = { q: params.get("q"), bucket: params.get("bucket"), legal_status: params.get("legal_status"),
    sort: sortv, order: sortv === "debt" || sortv === "months_owed" ? "desc" : "asc", limit: 50 };
  const j = await call("GET", "/units" + query(ask));
  const rows = j.units;
  const cols = [
    { label: t("unit_code"), cell: (r) => link("/units/" + encodeURIComponent(r.unit_code), r.unit_code) },
    { label: t("name"), cell: (r) => r.name },
    { label: t("type"), cell: (r) => label("type", r.type) },
    { label: t("officer"), cell: (r) => officer(r.officer_code, r.officer_name) },
    { label: t("debt"), cell: (r) => money(r.debt), num: true },
    { label: t("months_owed"), cell: (r) => months(r.months_owed), num: true },
    { label: t("bucket"), cell: (r) => label("bucket", r.bucket) },
    { label: t("legal_status"), cell: (r) => h("span", { class: "tag " + (r.legal_status || "") }, label("legal_status", r.legal_status)) },
  ];
  const caption = t("units_title") + (j.period ? " — " + t("period") + " " + period(j.period) : "");
  const holder = h("div", {}, table(caption, cols, rows, "units"));
  main.append(holder);
  let next = j.next;
  const more = h("button", { type: "button", hidden: !next }, t("more"));
  more.addEventListener("click", async () => {
    const k = await call("GET", "/units" + query({ ...ask, cursor: next }));
    rows.push(...k.units);
    next = k.next;
    more.hidden = !next;
    holder.replaceChildren(table(caption, cols, rows, "units"));
  });
  main.append(more);
  // the list's download: every unit the filters keep, in its order (the units report)
  if (j.period && can("reports"))
    main.append(downloads("/reports/units" + query({ period: j.period, q: ask.q, bucket: ask.bucket,
      legal_status: ask.legal_status, sort: ask.sort, order: ask.order }), {}, t("download_units"), t("download_units")));
}
