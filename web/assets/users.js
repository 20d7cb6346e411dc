// users.js - the users of thuno, managed by the roles that may (user.manage: the admin; docs/web.md
// "Users"): the list (GET /users: login, role, office, officer, state, when added and changed,
// never a password or its hash), a user added with its role, office and officer code
// (POST /users), a new password set (POST /users/{login}/password: its sessions end), a user
// disabled or enabled again (POST /users/{login}/disable|enable; not oneself), a user's role,
// office and officer code changed in place (POST /users/{login}/role: its sessions end; not
// one's own role, not the last administrator's). The server checks the password's length as
// the CLI does; each change is in the audit log. The list downloads as XLSX, PDF and CSV (the
// users report, the administrator's).
import { t, addWords } from "./i18n.js";
import { call, session } from "./api.js";
import { h, notice, table, downloads } from "./dom.js";
import { date } from "./format.js";

addWords({
  users: ["Người dùng", "Users"],
  users_title: ["Người dùng và vai trò", "Users and their roles"],
  users_list: ["Danh sách người dùng", "The users"],
  user_role: ["Vai trò", "Role"],
  user_office: ["Cơ quan BHXH (để trống: cấp tỉnh)", "Office (empty: the province)"],
  user_office_col: ["Cơ quan BHXH", "Office"],
  user_officer: ["Mã cán bộ (vai trò cán bộ chuyên quản)", "Officer code (the officer role)"],
  user_officer_col: ["Mã cán bộ", "Officer code"],
  user_state: ["Trạng thái", "State"],
  user_enabled: ["Đang dùng", "Enabled"],
  user_disabled: ["Đã khóa", "Disabled"],
  user_created: ["Tạo lúc", "Added"],
  user_changed: ["Sửa lúc", "Changed"],
  user_actions: ["Thao tác", "Actions"],
  user_add: ["Thêm người dùng", "Add a user"],
  user_add_button: ["Thêm", "Add"],
  user_password_new: ["Mật khẩu (ít nhất 10 ký tự)", "Password (at least 10 characters)"],
  user_password_again: ["Nhập lại mật khẩu", "The password again"],
  user_password_mismatch: ["Hai mật khẩu không khớp.", "The two passwords differ."],
  user_added: ["Đã thêm người dùng {login} ({role}).", "User {login} added ({role})."],
  user_reset: ["Đặt mật khẩu mới", "Set a new password"],
  user_reset_placeholder: ["Mật khẩu mới", "New password"],
  user_reset_label: ["Mật khẩu mới của {login}", "{login}'s new password"],
  user_reset_done: ["Đã đặt mật khẩu mới cho {login}; các phiên của người này đã kết thúc.", "{login}'s password set; their sessions ended."],
  user_disable: ["Khóa", "Disable"],
  user_disable_label: ["Khóa tài khoản {login}", "Disable {login}"],
  user_enable: ["Mở khóa", "Enable"],
  user_enable_label: ["Mở khóa tài khoản {login}", "Enable {login}"],
  user_disabled_done: ["Đã khóa {login}; các phiên của người này đã kết thúc.", "{login} disabled; their sessions ended."],
  user_enabled_done: ["Đã mở khóa {login}.", "{login} enabled."],
  user_self: ["(bạn)", "(you)"],
  user_set: ["Đổi vai trò, cơ quan, mã cán bộ", "Change a role, office or officer code"],
  user_set_login: ["Người dùng", "User"],
  user_set_button: ["Lưu thay đổi", "Save the change"],
  user_set_done: ["Đã đổi {login} thành {role}; các phiên của người này đã kết thúc.", "{login} is now {role}; their sessions ended."],
  user_set_hint: ["Không thể tự đổi vai trò của mình, cũng không bỏ vai trò của quản trị viên cuối cùng.", "No one changes their own role, nor takes the role of the last administrator."],
  user_edit: ["Sửa vai trò", "Edit role"],
  user_edit_label: ["Sửa vai trò, cơ quan, mã cán bộ của {login}", "Edit {login}'s role, office and officer code"],
  users_download: ["Danh sách người dùng", "The users"],
});

const ROLES = ["admin", "director", "qlt", "kttn", "ttkt", "legal", "officer"];

// A labelled input in a .field.
function field(id, text, attrs) {
  const input = h("input", { id, name: id, ...attrs });
  return [h("div", { class: "field" }, h("label", { for: id }, text), input), input];
}

// /users: the list, each user's actions, the form to add one.
export async function usersPage(main) {
  document.title = t("users") + " · thuno";
  const me = session() ? session().user.login : "";
  const out = h("div", { class: "msgs", "aria-live": "polite", id: "users-result" });
  const holder = h("div", { id: "users-holder" });
  const say = (text, kind) => out.replaceChildren(notice(text, kind));

  // each action answers in the live region, then the list is drawn again
  async function act(f, done) {
    try {
      await f();
      await draw();
      say(done, "ok");
      return true;
    } catch (e) {
      say(e.message, "error");
      return false;
    }
  }

  function resetForm(u) {
    const id = "pw-" + u.login.replace(/[^A-Za-z0-9_-]/g, "_");
    const input = h("input", { id, name: "password", type: "password", autocomplete: "new-password",
      size: 14, minlength: 10, required: true, placeholder: t("user_reset_placeholder"),
      "aria-label": t("user_reset_label", { login: u.login }) });
    const f = h("form", { class: "inline-form" }, input,
      h("button", { type: "submit", class: "small-btn" }, t("user_reset")));
    f.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const pw = input.value;
      input.value = "";
      await act(() => call("POST", "/users/" + encodeURIComponent(u.login) + "/password", { password: pw }),
        t("user_reset_done", { login: u.login }));
    });
    return f;
  }

  function stateButton(u) {
    if (u.login === me) return h("span", { class: "small" }, t("user_self"));
    const enable = u.disabled === "yes";
    const b = h("button", { type: "button", class: "small-btn secondary", "data-state": u.login,
      "aria-label": t(enable ? "user_enable_label" : "user_disable_label", { login: u.login }) },
    t(enable ? "user_enable" : "user_disable"));
    b.addEventListener("click", async () => {
      b.disabled = true;
      const ok = await act(() => call("POST", "/users/" + encodeURIComponent(u.login) + (enable ? "/enable" : "/disable")),
        t(enable ? "user_enabled_done" : "user_disabled_done", { login: u.login }));
      if (!ok) b.disabled = false;
    });
    return b;
  }

  async function draw() {
    const j = await call("GET", "/users");
    holder.replaceChildren(table(t("users_list"), [
      { label: t("login"), cell: (u) => u.login },
      { label: t("user_role"), cell: (u) => t("role_" + u.role) },
      { label: t("user_office_col"), cell: (u) => u.office || "" },
      { label: t("user_officer_col"), cell: (u) => u.officer || "" },
      { label: t("user_state"), cell: (u) => (u.disabled === "yes"
        ? h("span", { class: "state-locked" }, t("user_disabled"))
        : h("span", { class: "state-open" }, t("user_enabled"))) },
      { label: t("user_created"), cell: (u) => date(u.created) },
      { label: t("user_changed"), cell: (u) => date(u.changed) },
      { label: t("user_actions"), cell: (u) => h("div", { class: "user-actions" }, resetForm(u), stateButton(u), editButton(u)) },
    ], j.users || [], "users-table"));
    users = j.users || [];
    setLogin.replaceChildren(...users.map((u) => h("option", { value: u.login }, u.login)));
    if (users.some((u) => u.login === chosen)) setLogin.value = chosen;
    fillSet();
  }

  // the form to change a user's role, office and officer code in place
  let users = [], chosen = "";
  const setLogin = h("select", { id: "set-login", name: "login" });
  const setRole = h("select", { id: "set-role", name: "role" },
    ROLES.map((r) => h("option", { value: r }, t("role_" + r))));
  const [setOfficeBox, setOffice] = field("set-office", t("user_office"), { size: 10, autocomplete: "off" });
  const [setOfficerBox, setOfficer] = field("set-officer", t("user_officer"), { size: 10, autocomplete: "off" });
  function fillSet() {
    const u = users.find((x) => x.login === setLogin.value);
    if (!u) return;
    chosen = u.login;
    setRole.value = u.role;
    setOffice.value = u.office || "";
    setOfficer.value = u.officer || "";
    setOfficer.required = setRole.value === "officer";
  }
  setLogin.addEventListener("change", fillSet);
  setRole.addEventListener("change", () => {
    setOfficer.required = setRole.value === "officer";
  });
  const setBtn = h("button", { type: "submit" }, t("user_set_button"));
  const setForm = h("form", { class: "inline-form", id: "user-set" },
    h("div", { class: "field" }, h("label", { for: "set-login" }, t("user_set_login")), setLogin),
    h("div", { class: "field" }, h("label", { for: "set-role" }, t("user_role")), setRole),
    setOfficeBox, setOfficerBox, setBtn);
  setForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const login = setLogin.value;
    if (!login) return;
    chosen = login;
    setBtn.disabled = true;
    const body = { role: setRole.value, office: setOffice.value.trim() || null,
      officer: setOfficer.value.trim() || null };
    await act(() => call("POST", "/users/" + encodeURIComponent(login) + "/role", body),
      t("user_set_done", { login, role: t("role_" + body.role) }));
    setBtn.disabled = false;
  });

  function editButton(u) {
    const b = h("button", { type: "button", class: "small-btn secondary", "data-edit": u.login,
      "aria-label": t("user_edit_label", { login: u.login }) }, t("user_edit"));
    b.addEventListener("click", () => {
      setLogin.value = u.login;
      fillSet();
      setRole.focus();
    });
    return b;
  }

  // the form to add a user
  const [loginBox, login] = field("new-login", t("login"), { required: true, maxlength: 63,
    pattern: "[A-Za-z0-9._\\-]{1,63}", autocomplete: "off", size: 14 });
  const role = h("select", { id: "new-role", name: "role" },
    ROLES.map((r) => h("option", { value: r }, t("role_" + r))));
  const [officeBox, office] = field("new-office", t("user_office"), { size: 10, autocomplete: "off" });
  const [officerBox, officer] = field("new-officer", t("user_officer"), { size: 10, autocomplete: "off" });
  const [pwBox, pw] = field("new-password", t("user_password_new"), { type: "password", required: true,
    minlength: 10, autocomplete: "new-password", size: 16 });
  const [pw2Box, pw2] = field("new-password2", t("user_password_again"), { type: "password", required: true,
    minlength: 10, autocomplete: "new-password", size: 16 });
  const showOfficer = () => {
    officer.required = role.value === "officer";
  };
  role.addEventListener("change", showOfficer);
  const btn = h("button", { type: "submit" }, t("user_add_button"));
  const form = h("form", { class: "inline-form", id: "user-add" },
    loginBox, h("div", { class: "field" }, h("label", { for: "new-role" }, t("user_role")), role),
    officeBox, officerBox, pwBox, pw2Box, btn);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (pw.value !== pw2.value) return say(t("user_password_mismatch"), "error");
    btn.disabled = true;
    const body = { login: login.value.trim(), password: pw.value, role: role.value,
      office: office.value.trim() || null, officer: officer.value.trim() || null };
    const ok = await act(() => call("POST", "/users", body),
      t("user_added", { login: body.login, role: t("role_" + body.role) }));
    if (ok) {
      form.reset();
      showOfficer();
    } else {
      pw.value = pw2.value = "";
    }
    btn.disabled = false;
  });

  await draw();
  main.append(h("h1", {}, t("users_title")), out, holder,
    downloads("/reports/users", {}, t("users_download")),
    h("h2", { id: "user-set-title" }, t("user_set")), h("p", { class: "small" }, t("user_set_hint")), setForm,
    h("h2", { id: "user-add-title" }, t("user_add")), form);
}
