// app.js - the app shell's client-side router (docs/web.md): the page of the path, the
// navigation offered to the session's role, the language switch, and the small DOM helpers the
// pages share. Every text goes through t(); nothing is built with innerHTML.
import { t, lang, setLang } from "./i18n.js";
import { session, logout, can, whenUnauthenticated } from "./api.js";
import { loginPage, dayPage, unitsPage } from "./pages.js";
import { unitPage } from "./unit.js";
import { closePage, importPage } from "./ops.js";
import { casesPage, casePage } from "./cases.js";
import { dashboardPage } from "./dashboard.js";
import { departmentsPage, canDepartments } from "./departments.js";
import { usersPage } from "./users.js";
import { h, link, notice, navigate } from "./dom.js";

const routes = [
  [/^\/login$/, () => loginPage],
  [/^\/$/, () => (!session() ? loginPage : can("units_list") ? unitsPage : dayPage)],
  [/^\/units$/, () => (can("units_list") ? unitsPage : dayPage)],
  [/^\/units\/([^/]+)$/, () => unitPage],
  [/^\/close$/, () => (can("close") ? closePage : null)],
  [/^\/import$/, () => (can("import") ? importPage : null)],
  [/^\/cases$/, () => (can("cases") ? casesPage : null)],
  [/^\/cases\/([^/]+)$/, () => (can("cases") ? casePage : null)],
  [/^\/dashboard$/, () => (can("dashboard") ? dashboardPage : null)],
  [/^\/departments$/, () => (canDepartments() ? departmentsPage : null)],
  [/^\/departments\/([^/]+)$/, () => (canDepartments() ? departmentsPage : null)],
  [/^\/users$/, () => (can("user_manage") ? usersPage : null)],
];

function chrome() {
  const s = session();
  document.documentElement.lang = lang();
  document.getElementById("skip").textContent = t("skip");
  const nav = document.getElementById("nav");
  nav.setAttribute("aria-label", t("nav"));
  nav.replaceChildren();
  if (s) {
    const items = [];
    if (s.user.role === "officer") items.push(link("/", t("day")));
    if (can("units_list")) items.push(link("/units", t("units")));
    if (can("dashboard")) items.push(link("/dashboard", t("dashboard")));
    if (can("cases")) items.push(link("/cases", t("cases")));
    if (canDepartments()) items.push(link("/departments", t("departments")));
    if (can("import")) items.push(link("/import", t("import")));
    if (can("close")) items.push(link("/close", t("close")));
    if (can("user_manage")) items.push(link("/users", t("users")));
    for (const a of items) {
      if (a.getAttribute("href") === location.pathname ||
          (a.getAttribute("href") === "/departments" && location.pathname.startsWith("/departments/")) ||
          (location.pathname === "/" && a.getAttribute("href") === "/units" && can("units_list")))
        a.setAttribute("aria-current", "page");
      nav.append(a);
    }
  }
  document.getElementById("who").textContent = s ? s.user.login + " · " + t("role_" + s.user.role) : "";
  const lg = document.getElementById("lang");
  lg.textContent = t("other_lang");
  lg.setAttribute("lang", lang() === "vi" ? "en" : "vi");
  const out = document.getElementById("logout");
  out.hidden = !s;
  out.textContent = t("logout");
}

export async function render() {
  chrome();
  const main = document.getElementById("main");
  const path = location.pathname;
  if (!session() && path !== "/login") {
    history.replaceState(null, "", "/login");
    return render();
  }
  let page = null, args = [];
  for (const [re, f] of routes) {
    const m = re.exec(path);
    if (m) {
      page = f();
      args = m.slice(1).map(decodeURIComponent);
      break;
    }
  }
  // each render draws into its own container: a page still loading when the user moves on
  // writes into a container no longer shown, never into the next page
  const view = h("div", { class: "view" });
  main.replaceChildren(view);
  if (!page) {
    view.append(h("h1", {}, t("not_found")));
    return;
  }
  try {
    await page(view, ...args);
  } catch (e) {
    view.append(notice(t("error") + ": " + e.message, "error"));
  }
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest && ev.target.closest("a[data-link]");
  if (a && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey && ev.button === 0) {
    ev.preventDefault();
    navigate(a.getAttribute("href"));
    document.getElementById("main").focus();
  }
});
window.addEventListener("popstate", render);
whenUnauthenticated(() => navigate("/login"));
document.getElementById("lang").addEventListener("click", () => {
  setLang(lang() === "vi" ? "en" : "vi");
  render();
});
document.getElementById("logout").addEventListener("click", async () => {
  try {
    await logout();
  } catch (e) {
    /* the session is forgotten all the same */
  }
  navigate("/login");
});
render();
