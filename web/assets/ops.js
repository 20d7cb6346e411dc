// ops.js - the admin's monthly close with its live progress (POST /closes, then GET
// /closes/{id} polled) and a CSV import showing its line errors (POST /imports/{kind}).
import { t } from "./i18n.js";
import { call, query, ApiError } from "./api.js";
import { h, notice, table } from "./dom.js";
import { period } from "./format.js";

const KINDS = ["officers", "units", "workers", "declarations", "payments", "registry", "case_events",
  "case_plans", "assignments", "collection_plans", "inspections", "opening_balances"];

export async function closePage(main) {
  document.title = t("close_title") + " · thuno";
  main.append(h("h1", {}, t("close_title")));
  const last = (await call("GET", "/units" + query({ limit: 1 }))).period;
  // the period as the office writes it, mm/yyyy (a month input would follow the browser's locale)
  const input = h("input", { id: "close-period", name: "period", required: true, inputmode: "numeric",
    pattern: "(0[1-9]|1[0-2])/[0-9]{4}", value: period(last), size: 8 });
  const button = h("button", { type: "submit" }, t("close_run"));
  const bar = h("progress", { id: "close-bar", max: "1", value: "0", "aria-labelledby": "close-bar-label" });
  const count = h("span", { id: "close-count" });
  const progress = h("div", { class: "progress", hidden: true },
    h("span", { id: "close-bar-label" }, t("close_progress")), bar, count);
  const out = h("div", { class: "msgs", "aria-live": "polite" });
  const form = h("form", { class: "card" },
    h("label", { for: "close-period" }, t("period") + " (" + t("mm_yyyy") + ")"), input, button);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    button.disabled = true;
    try {
      const [mm, yyyy] = input.value.trim().split("/");
      let job = await call("POST", "/closes", { period: yyyy + "-" + mm });
      progress.hidden = false;
      while (job.status === "running") {
        show(job);
        await new Promise((r) => setTimeout(r, 250));
        job = await call("GET", "/closes/" + job.id);
      }
      show(job);
      bar.value = job.total || 1;
      bar.max = job.total || 1;
      if (job.status === "done") out.append(notice(t("close_done") + " " + ((job.result && job.result.summary) || ""), "ok"));
      else out.append(notice(t("close_failed") + " " + ((job.result && job.result.message) || ""), "error"));
    } catch (e) {
      out.append(notice(e.message, "error"));
    }
    button.disabled = false;
  });
  function show(job) {
    bar.max = job.total || 1;
    bar.value = job.done || 0;
    count.textContent = (job.done || 0) + " / " + (job.total || 0) + " " + t("units_done");
  }
  main.append(form, progress, out);
}

export async function importPage(main) {
  document.title = t("import_title") + " · thuno";
  main.append(h("h1", {}, t("import_title")));
  const kind = h("select", { id: "import-kind", name: "kind" }, KINDS.map((k) => h("option", { value: k }, k)));
  const file = h("input", { id: "import-file", name: "file", type: "file", accept: ".csv,text/csv", required: true });
  const update = h("input", { id: "import-update", name: "update", type: "checkbox" });
  const button = h("button", { type: "submit" }, t("import_run"));
  const out = h("div", { class: "msgs", id: "import-result" });
  const form = h("form", { class: "card" },
    h("label", { for: "import-kind" }, t("import_kind")), kind,
    h("label", { for: "import-file" }, t("import_file")), file,
    h("div", { class: "check" }, update, h("label", { for: "import-update" }, t("import_update"))),
    button);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    if (!file.files.length) return;
    button.disabled = true;
    try {
      const body = await file.files[0].arrayBuffer();
      const j = await call("POST", "/imports/" + kind.value + query({ update: update.checked ? "1" : "" }), body, "text/csv");
      out.append(notice(t("import_ok", { new: j.rows_new, changed: j.rows_changed, same: j.rows_same, suspense: j.rows_suspense }), "ok"));
    } catch (e) {
      if (e instanceof ApiError && e.code === "bad_rows") {
        out.append(notice(t("import_bad") + " " + e.message, "error"),
          table(t("bad_rows"), [
            { label: t("line"), cell: (r) => String(r.line), num: true },
            { label: t("column"), cell: (r) => r.column || "" },
            { label: t("message"), cell: (r) => r.message },
          ], e.body.error.rows, "import-errors"));
      } else out.append(notice(e.message, "error"));
    }
    button.disabled = false;
  });
  main.append(form, out);
}
