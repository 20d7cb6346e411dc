// registers.js - the forms of a case's registers on its page (docs/web.md,
// docs/case-registers.md): one form, the register chosen first (fee, hearing, asset,
// verification, priority, measure, bank order and reply, tip and its result, agent, branch),
// its own fields then; POST /api/v1/cases/{id}/registers/{verb}. Offered only to the roles
// that may keep them (case.register: legal); a refusal is said in the server's words.
import { t, addWords } from "./i18n.js";
import { call, ApiError } from "./api.js";
import { h, notice } from "./dom.js";

addWords({
  rf_title: ["Ghi sổ theo dõi của hồ sơ", "Record in the case's registers"],
  rf_verb: ["Sổ", "Register"],
  rf_day: ["Ngày ghi sổ (ngày/tháng/năm)", "Day of the row (dd/mm/yyyy)"],
  rf_note: ["Nội dung ghi thêm", "Remarks"],
  rf_submit: ["Ghi sổ", "Record"],
  rf_ok: ["Đã ghi sổ {verb}, số {no}.", "Recorded in {verb}, no. {no}."],
  rf_ok_branch: ["Đã ghi chi nhánh vào hồ sơ.", "The branch is linked to the case."],
  rf_bad_day: ["Ngày phải theo dạng ngày/tháng/năm, ví dụ 28/11/2025.", "The day must be dd/mm/yyyy, e.g. 28/11/2025."],
  rf_bad_number: ["{field}: phải là số nguyên.", "{field}: must be a whole number."],
  rf_any: ["(không nêu)", "(not said)"],
  rf_fee: ["Án phí, lệ phí", "Court fee"], rf_hearing: ["Phiên tòa", "Hearing"], rf_asset: ["Tài sản", "Asset"],
  rf_verify: ["Xác minh tài sản", "Verification"], rf_priority: ["Thứ tự xử lý tài sản", "Order of assets"],
  rf_measure: ["Biện pháp cưỡng chế", "Coercive measure"], "rf_bank-order": ["Lệnh gửi ngân hàng, kho bạc", "Order to a bank"],
  "rf_bank-reply": ["Trả lời của ngân hàng", "Bank's reply"], rf_tip: ["Tin báo về tài sản", "Tip"],
  "rf_tip-result": ["Kết quả tin báo", "Tip's result"], rf_agent: ["Cơ quan thi hành", "Enforcement agent"],
  rf_branch: ["Chi nhánh của đơn vị", "Branch of the unit"],
  rf_f_amount: ["Số tiền (đồng)", "Amount (đồng)"], rf_f_exempt: ["Căn cứ miễn (khi được miễn)", "Basis of exemption (when exempt)"],
  rf_f_status: ["Tình trạng phiên tòa", "Hearing status"], rf_f_court: ["Tòa án", "Court"],
  rf_f_kind: ["Loại tài sản", "Kind of asset"], rf_f_description: ["Mô tả", "Description"],
  rf_f_holder: ["Nơi giữ, đăng ký (ngân hàng, cơ quan)", "Holder or registry"], rf_f_pledged: ["Đang thế chấp", "Pledged"],
  rf_f_value: ["Giá trị ước tính (đồng)", "Estimated value (đồng)"], rf_f_asset: ["Số tài sản", "Asset no."],
  rf_f_result: ["Kết quả", "Result"], rf_f_by: ["Người xác minh", "Verified by"],
  rf_f_order: ["Thứ tự (số tài sản, ví dụ 2,1)", "Order (asset numbers, e.g. 2,1)"],
  rf_f_measure: ["Biện pháp", "Measure"], rf_f_bank: ["Ngân hàng, kho bạc", "Bank or treasury"],
  rf_f_channel: ["Kênh", "Channel"], rf_f_order_no: ["Số lệnh", "Order no."],
  rf_f_informant: ["Người báo tin", "Informant"], rf_f_asset_text: ["Tài sản được báo", "Asset told of"],
  rf_f_tip: ["Số tin báo", "Tip no."], rf_f_recovered: ["Số tiền thu được nhờ tin báo (đồng)", "Recovered thanks to it (đồng)"],
  rf_f_agent: ["Loại cơ quan", "Kind of agent"], rf_f_office: ["Tên cơ quan", "Office"],
  rf_f_unit: ["Mã đơn vị chi nhánh", "Branch's unit code"], rf_f_province: ["Mã tỉnh", "Province code"],
  rf_v_scheduled: ["Đã lên lịch", "Scheduled"], rf_v_held: ["Đã xét xử", "Held"], rf_v_postponed: ["Hoãn", "Postponed"],
  rf_v_bank_account: ["Tài khoản ngân hàng", "Bank account"], rf_v_land: ["Đất đai", "Land"], rf_v_vehicle: ["Phương tiện", "Vehicle"],
  rf_v_receivable: ["Khoản phải thu", "Receivable"], rf_v_income: ["Thu nhập", "Income"], rf_v_other: ["Khác", "Other"],
  rf_v_exists: ["Có tài sản", "Exists"], rf_v_pledged: ["Đang thế chấp", "Pledged"], rf_v_not_found: ["Không tìm thấy", "Not found"],
  rf_v_moved: ["Đã tẩu tán, chuyển đi", "Moved"],
  rf_v_account_freeze: ["Phong tỏa tài khoản", "Account freeze"], rf_v_account_deduction: ["Khấu trừ tài khoản", "Account deduction"],
  rf_v_seizure: ["Kê biên", "Seizure"], rf_v_auction: ["Bán đấu giá", "Auction"], rf_v_income_deduction: ["Khấu trừ thu nhập", "Income deduction"],
  rf_v_bank: ["Ngân hàng", "Bank"], rf_v_treasury: ["Kho bạc Nhà nước", "State Treasury"],
  rf_v_executed: ["Đã thực hiện", "Executed"], rf_v_refused: ["Từ chối", "Refused"], rf_v_delayed: ["Chậm", "Delayed"],
  rf_v_partial: ["Thực hiện một phần", "Partial"],
  rf_v_thads: ["Cơ quan thi hành án dân sự", "Civil judgment enforcement office"], rf_v_bailiff: ["Thừa phát lại", "Bailiff"],
  rf_v_yes: ["Có", "Yes"], rf_v_no: ["Không", "No"],
});

// Each verb's fields: [body name, word, kind] with kind "text", "money" (đồng, dots allowed),
// "int", or a list of values (a select; "" first when the field may be left out).
const VERBS = {
  fee: [["amount", "amount", "money"], ["exempt", "exempt", "text"]],
  hearing: [["status", "status", ["scheduled", "held", "postponed"]], ["court", "court", "text"]],
  asset: [["kind", "kind", ["bank_account", "land", "vehicle", "receivable", "income", "other"]],
    ["description", "description", "text"], ["holder", "holder", "text"], ["pledged", "pledged", ["", "yes", "no"]],
    ["value", "value", "money"]],
  verify: [["asset", "asset", "int"], ["result", "result", ["exists", "pledged", "not_found", "moved"]], ["by", "by", "text"]],
  priority: [["order", "order", "text"]],
  measure: [["asset", "asset", "int"], ["measure", "measure", ["account_freeze", "account_deduction", "seizure", "auction", "income_deduction"]],
    ["amount", "amount", "money"]],
  "bank-order": [["bank", "bank", "text"], ["amount", "amount", "money"], ["channel", "channel", ["bank", "treasury"]]],
  "bank-reply": [["order", "order_no", "int"], ["result", "result", ["executed", "refused", "delayed", "partial"]], ["amount", "amount", "money"]],
  tip: [["informant", "informant", "text"], ["asset_text", "asset_text", "text"], ["asset", "asset", "int"]],
  "tip-result": [["tip", "tip", "int"], ["recovered", "recovered", "money"]],
  agent: [["agent", "agent", ["thads", "bailiff"]], ["office", "office", "text"]],
  branch: [["unit", "unit", "text"], ["province", "province", "text"]],
};

function isoDay(s) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  return m ? m[3] + "-" + m[2].padStart(2, "0") + "-" + m[1].padStart(2, "0") : null;
}

// The form for case c ({case_id, as_of}); done(message) is called after a row is recorded.
export function registerForm(c, done) {
  const f = (id, text, input) => h("div", { class: "field" }, h("label", { for: id }, text), input);
  const verb = h("select", { id: "rf-verb", name: "register" },
    Object.keys(VERBS).map((v) => h("option", { value: v }, t("rf_" + v))));
  const [y, m, d] = (c.as_of || "").slice(0, 10).split("-");
  const day = h("input", { id: "rf-day", name: "day", inputmode: "numeric", size: 10, value: d ? d + "/" + m + "/" + y : "",
    pattern: "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}" });
  const dayField = f("rf-day", t("rf_day"), day);
  const note = h("input", { id: "rf-note", name: "note", size: 40 });
  const fields = h("div", { class: "row" });
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "rf-result" });
  const button = h("button", { type: "submit" }, t("rf_submit"));
  let inputs = [];
  const draw = () => {
    inputs = VERBS[verb.value].map(([name, word, kind]) => {
      const id = "rf-" + name;
      const input = Array.isArray(kind)
        ? h("select", { id, name }, kind.map((v) => h("option", { value: v }, v ? t("rf_v_" + v) : t("rf_any"))))
        : h("input", { id, name, size: kind === "text" ? 24 : 14, inputmode: kind === "text" ? null : "numeric" });
      return { name, word, kind, input, field: f(id, t("rf_f_" + word), input) };
    });
    fields.replaceChildren(...inputs.map((x) => x.field));
    dayField.hidden = verb.value === "branch";
  };
  verb.addEventListener("change", draw);
  draw();
  const form = h("form", { class: "card record", id: "register-form", "aria-labelledby": "rf-h" },
    h("h2", { id: "rf-h" }, t("rf_title")),
    h("div", { class: "row" }, f("rf-verb", t("rf_verb"), verb), dayField),
    fields, f("rf-note", t("rf_note"), note), button, out);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.replaceChildren();
    const body = {};
    if (verb.value !== "branch") {
      const iso = isoDay(day.value);
      if (!iso) return out.append(notice(t("rf_bad_day"), "error"));
      body.day = iso;
    }
    for (const x of inputs) {
      const v = x.input.value.trim();
      if (!v) continue;
      if (x.kind === "money" || x.kind === "int") {
        const n = x.kind === "money" ? v.replace(/\./g, "") : v;
        if (!/^\d+$/.test(n)) return out.append(notice(t("rf_bad_number", { field: t("rf_f_" + x.word) }), "error"));
        body[x.name] = Number(n);
      } else if (x.name === "pledged") body.pledged = v === "yes";
      else body[x.name] = v;
    }
    if (note.value.trim()) body.note = note.value.trim();
    button.disabled = true;
    try {
      const j = await call("POST", "/cases/" + encodeURIComponent(c.case_id) + "/registers/" + verb.value, body);
      await done(verb.value === "branch" ? t("rf_ok_branch") : t("rf_ok", { verb: t("rf_" + verb.value), no: j.no }));
    } catch (err) {
      out.append(notice(err instanceof ApiError ? err.message : String(err), "error"));
      button.disabled = false;
    }
  });
  return form;
}
