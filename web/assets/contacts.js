// contacts.js - the officers' contacts with employers (docs/web.md): the last contact of each
// unit on the officer's day, the two-click record (a button on the row, then a small form with
// the kind preselected: Enter saves), and a unit's contacts on its page.
// POST /units/{code}/contacts, GET /units/{code}/contacts, GET /contacts.
import { t, addWords } from "./i18n.js";
import { call, session } from "./api.js";
import { h, notice, table } from "./dom.js";
import { date, officer } from "./format.js";

addWords({
  last_contact: ["Liên hệ gần nhất", "Last contact"],
  contacts: ["Các lần liên hệ với đơn vị", "Contacts with the unit"],
  contact_record: ["Ghi liên hệ", "Record a contact"],
  contact_record_with: ["Ghi liên hệ với {unit}", "Record a contact with {unit}"],
  contact_kind: ["Hình thức", "Kind"],
  contact_day: ["Ngày liên hệ", "Day"],
  contact_outcome: ["Kết quả", "Outcome"],
  contact_save: ["Lưu", "Save"],
  contact_cancel: ["Hủy", "Cancel"],
  contact_saved: ["Đã ghi liên hệ.", "The contact is recorded."],
  contact_none: ["Chưa liên hệ", "No contact yet"],
  contact_hint: ["Enter để lưu, Esc để hủy.", "Enter saves, Esc cancels."],
  recorded_by: ["Người ghi", "Recorded by"],
  kind_call: ["Gọi điện", "Call"], kind_visit: ["Đến đơn vị", "Visit"],
  kind_letter: ["Gửi văn bản", "Letter"], kind_meeting: ["Làm việc trực tiếp", "Meeting"],
});

export const KINDS = ["call", "visit", "letter", "meeting"];

// Who may record a contact (the table of docs/api.md: contact.record).
export function canRecord() {
  const s = session();
  return !!s && ["officer", "qlt", "kttn"].includes(s.user.role);
}

// "05/12/2025 · Gọi điện · hẹn nộp" of a contact, or "".
export function contactText(c) {
  if (!c) return "";
  return date(c.day) + " · " + t("kind_" + c.kind) + (c.outcome ? " · " + c.outcome : "");
}

// The latest contact of every unit the user sees, by unit code.
export async function latestContacts() {
  const j = await call("GET", "/contacts");
  const m = new Map();
  for (const c of j.contacts) m.set(c.unit_code, c);
  return m;
}

// The small form recording a contact with unit: kind preselected (call); Enter saves, Escape
// cancels. saved(contact) is called with the answer. Focus its outcome once it is in the page
// (focusForm).
export function contactForm(unit, saved, cancel) {
  const id = "ct-" + unit.replace(/[^A-Za-z0-9_-]/g, "_");
  const kind = h("select", { id: id + "-kind", name: "kind" },
    KINDS.map((k) => h("option", { value: k, selected: k === "call" }, t("kind_" + k))));
  const outcome = h("input", { id: id + "-outcome", name: "outcome", maxlength: 255, size: 24 });
  const msg = h("div", { class: "msgs", "aria-live": "polite" });
  const save = h("button", { type: "submit" }, t("contact_save"));
  const no = h("button", { type: "button", class: "secondary" }, t("contact_cancel"));
  const form = h("form", { class: "contact-form", "aria-label": t("contact_record_with", { unit }) },
    h("div", { class: "field" }, h("label", { for: id + "-kind" }, t("contact_kind")), kind),
    h("div", { class: "field" }, h("label", { for: id + "-outcome" }, t("contact_outcome")), outcome),
    save, no, h("span", { class: "small" }, t("contact_hint")), msg);
  form.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      cancel();
    }
  });
  no.addEventListener("click", cancel);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    save.disabled = true;
    msg.replaceChildren();
    try {
      const c = await call("POST", "/units/" + encodeURIComponent(unit) + "/contacts",
        { kind: kind.value, outcome: outcome.value.trim() || undefined });
      saved(c);
    } catch (e) {
      msg.append(notice(e.message, "error"));
      save.disabled = false;
    }
  });
  return form;
}

// Moves the focus to form's outcome (the kind is already chosen: type, then Enter).
function focusForm(form) {
  form.querySelector("input[name=outcome]").focus();
}

// The cell of the day page's "last contact" column: the contact, and for a role that may record
// one, the button that opens the form in place.
export function contactCell(unit, latest) {
  const text = h("span", { class: "last-contact" }, latest ? contactText(latest) : t("contact_none"));
  const cell = h("div", { class: "contact-cell" }, text);
  if (!canRecord()) return cell;
  const btn = h("button", { type: "button", class: "small-btn", "data-contact": unit,
    "aria-label": t("contact_record_with", { unit }) }, t("contact_record"));
  const restore = () => {
    cell.replaceChildren(text, btn);
    btn.focus();
  };
  btn.addEventListener("click", () => {
    const form = contactForm(unit, (c) => {
      text.textContent = contactText(c);
      cell.replaceChildren(text, btn, notice(t("contact_saved"), "ok"));
      btn.focus();
    }, restore);
    cell.replaceChildren(text, form);
    focusForm(form);
  });
  cell.append(btn);
  return cell;
}

// A unit's contacts (on its page), with the record form for a role that may.
export async function contactsSection(unit) {
  const sec = h("section", { "aria-labelledby": "contacts-h", id: "contacts" },
    h("h2", { id: "contacts-h" }, t("contacts")));
  const holder = h("div", {});
  const draw = async () => {
    const j = await call("GET", "/units/" + encodeURIComponent(unit) + "/contacts");
    holder.replaceChildren(table(t("contacts"), [
      { label: t("contact_day"), cell: (c) => date(c.day) },
      { label: t("contact_kind"), cell: (c) => t("kind_" + c.kind) },
      { label: t("officer"), cell: (c) => officer(c.officer, c.officer_name) },
      { label: t("contact_outcome"), cell: (c) => c.outcome + (c.note ? " — " + c.note : "") },
      { label: t("recorded_by"), cell: (c) => c.recorded_by + " · " + date(c.recorded_at) },
    ], j.contacts, "contacts-table"));
  };
  await draw();
  sec.append(holder);
  if (canRecord()) {
    const open = h("button", { type: "button", "data-contact": unit }, t("contact_record"));
    const slot = h("div", {}, open);
    open.addEventListener("click", () => {
      const form = contactForm(unit, async () => {
        await draw();
        slot.replaceChildren(open, notice(t("contact_saved"), "ok"));
        open.focus();
      }, () => {
        slot.replaceChildren(open);
        open.focus();
      });
      slot.replaceChildren(form);
      focusForm(form);
    });
    sec.append(slot);
  }
  return sec;
}
