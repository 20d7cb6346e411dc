// web_ui.mjs - the web UI in a real browser (docs/web.md): playwright-core drives Debian's
// Chromium (headless) against `thuno serve` on the hand-checked province (tests/web_ui.sh).
// Logs in as an officer, the director and the admin; walks the officer's day, opens a
// balance's explanation, uploads a bad CSV and reads its errors, runs a close and watches its
// progress, switches language; runs axe-core on every page (fails on serious or critical
// violations) and saves a screenshot of each main page.
// usage: node web_ui.mjs BASE_URL SCREENSHOT_DIR
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const [base, shots] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let passed = 0, failed = 0;

async function step(name, f) {
  try {
    await f();
    passed++;
    console.log("ok   " + name);
  } catch (e) {
    failed++;
    console.log("FAIL " + name + "\n     " + String(e.stack || e).split("\n").slice(0, 40).join("\n     "));
  }
}

// axe-core on the page as it is: no serious or critical violation (injected through the
// devtools protocol, which the page's Content-Security-Policy does not govern)
async function axe(page, what) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => v.id + " (" + v.impact + "): " + v.nodes.map((n) => n.target.join(" ")).join(", ")), [],
    "axe on " + what);
}

async function newPage(viewport) {
  const ctx = await browser.newContext({ viewport: viewport || { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) page.errors.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  return page;
}

async function login(page, user, password) {
  await page.goto(base + "/");
  await page.waitForURL(base + "/login");
  await page.getByLabel("Tên đăng nhập").fill(user);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

await step("the shell and assets are served with their headers; /api/v1 is untouched", async () => {
  const shell = await fetch(base + "/units/A");
  assert.equal(shell.status, 200);
  assert.match(shell.headers.get("content-type"), /^text\/html/);
  const csp = shell.headers.get("content-security-policy");
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(shell.headers.get("x-content-type-options"), "nosniff");
  const js = await fetch(base + "/assets/app.js");
  assert.match(js.headers.get("content-type"), /^text\/javascript/);
  assert.equal(js.headers.get("cache-control"), "no-cache");
  const again = await fetch(base + "/assets/app.js", { headers: { "If-None-Match": js.headers.get("etag") } });
  assert.equal(again.status, 304);
  assert.match((await fetch(base + "/assets/app.css")).headers.get("content-type"), /^text\/css/);
  assert.equal((await fetch(base + "/assets/none.js")).status, 404);
  assert.equal((await fetch(base + "/nothing")).status, 404);
  assert.equal((await fetch(base + "/", { method: "POST" })).status, 405);
  const api = await fetch(base + "/api/v1/nothing");
  assert.equal(api.status, 404);
  assert.equal((await api.json()).error.code, "not_found");
  assert.equal((await fetch(base + "/api/v1/openapi.json")).status, 200);
});

const officer = await newPage();
await step("login page: labelled fields, a wrong password refused, accessible", async () => {
  await officer.goto(base + "/");
  await officer.waitForURL(base + "/login");
  await officer.getByLabel("Tên đăng nhập").fill("tung");
  await officer.getByLabel("Mật khẩu").fill("wrong-password");
  await officer.getByRole("button", { name: "Đăng nhập" }).click();
  await officer.getByRole("alert").filter({ hasText: "Sai tên đăng nhập hoặc mật khẩu" }).waitFor();
  await axe(officer, "login");
  await officer.screenshot({ path: shots + "/login.png" });
});

await step("the officer's day: its units by money at risk, with balance, months, status, next step", async () => {
  await login(officer, "tung", "officer-pass-1");
  await officer.getByRole("heading", { name: "Công việc hôm nay" }).waitFor();
  const rows = officer.locator("#worklist tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  const first = await rows.nth(0).innerText();
  assert.match(first, /^A\t/);
  assert.match(first, /10\.603\.200 đ/); // the debt past its deadline (docs/ledger.md "Debt")
  assert.match(first, /2,0/);
  assert.match(first, /Chậm đóng/);
  assert.match(first, /Văn bản đôn đốc/);
  assert.match(await rows.nth(1).innerText(), /^B\t.*3\.632\.400 đ/);
  assert.match(await officer.locator("caption").innerText(), /11\/2025/);
  const xlsx = await officer.getByRole("link", { name: /^XLSX/ }).getAttribute("href");
  assert.equal(xlsx, "/api/v1/worklist?period=2025-11&format=xlsx");
  const dl = await officer.request.get(base + xlsx);
  assert.equal(dl.status(), 200);
  // what an officer may not do is not offered
  const nav = await officer.locator("#nav").innerText();
  assert.doesNotMatch(nav, /Nhập dữ liệu|Khóa sổ|Đơn vị/);
  await axe(officer, "the officer's day");
  await officer.screenshot({ path: shots + "/day.png", fullPage: true });
});

await step("a unit's page: registry data and the month's balance; a figure opens its explanation", async () => {
  await officer.getByRole("link", { name: "A", exact: true }).click();
  await officer.getByRole("heading", { name: /Công ty TNHH Hải Âu/ }).waitFor();
  assert.match(await officer.locator(".registry").innerText(), /0100000001/);
  const interest = officer.locator('button[data-figure="interest"]');
  assert.match(await interest.innerText(), /43\.200 đ/);
  await axe(officer, "a unit's page");
  await officer.screenshot({ path: shots + "/unit.png", fullPage: true });
  await interest.click();
  const dialog = officer.getByRole("dialog");
  await dialog.waitFor();
  const text = await dialog.innerText();
  assert.match(text, /Giải trình: Lãi chậm đóng = 43\.200 đ/);
  assert.match(text, /0,03%/); // the daily rate
  assert.match(text, /\t30\t/); // interest days
  assert.match(text, /01\/11\/2025/);
  await axe(officer, "the explanation");
  await officer.screenshot({ path: shots + "/explain.png" });
  await officer.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await officer.locator('button[data-figure="assessed"]').click();
  const lines = await officer.getByRole("dialog").innerText();
  assert.match(lines, /0000000001/);
  assert.match(lines, /pension_employer/);
  assert.match(lines, /14%/);
  await officer.screenshot({ path: shots + "/explain-lines.png" });
  await officer.keyboard.press("Escape");
  // the previous month
  await officer.getByRole("link", { name: /Tháng trước/ }).click();
  await officer.getByRole("heading", { name: /Số dư tháng 10\/2025/ }).waitFor();
});

await step("the language switch: English kept across a reload, then back to Vietnamese", async () => {
  await officer.goto(base + "/");
  await officer.getByRole("button", { name: "English" }).click();
  await officer.getByRole("heading", { name: "My day" }).waitFor();
  await officer.reload();
  await officer.getByRole("heading", { name: "My day" }).waitFor();
  assert.equal(await officer.evaluate(() => document.documentElement.lang), "en");
  assert.match(await officer.locator("#worklist thead").innerText(), /Months owed/);
  await officer.screenshot({ path: shots + "/day-en.png", fullPage: true });
  await officer.getByRole("button", { name: "Tiếng Việt" }).click();
  await officer.getByRole("heading", { name: "Công việc hôm nay" }).waitFor();
});

await step("the officer's day on a phone", async () => {
  const phone = await newPage({ width: 390, height: 844 });
  await login(phone, "tung", "officer-pass-1");
  await phone.locator("#worklist tbody tr").first().waitFor();
  await phone.screenshot({ path: shots + "/day-phone.png", fullPage: true });
  assert.deepEqual(phone.errors, []);
});

const director = await newPage();
await step("the director: the units list with filters; no import, no close", async () => {
  // logged in from the keyboard alone: the login field has the focus, Tab, Enter
  await director.goto(base + "/");
  await director.waitForURL(base + "/login");
  await director.keyboard.type("lan");
  await director.keyboard.press("Tab");
  await director.keyboard.type("giam-doc-2025");
  await director.keyboard.press("Enter");
  await director.getByRole("heading", { name: "Danh sách đơn vị" }).waitFor();
  const rows = director.locator("#units tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  assert.match(await rows.nth(0).innerText(), /^A\t/); // by debt, largest first
  const nav = await director.locator("#nav").innerText();
  assert.doesNotMatch(nav, /Nhập dữ liệu|Khóa sổ/);
  assert.equal(await director.getByRole("link", { name: /^PDF/ }).getAttribute("href"),
    "/api/v1/reports/debtors?period=2025-11&format=pdf");
  await axe(director, "the units list");
  await director.screenshot({ path: shots + "/units.png", fullPage: true });
  await director.getByLabel("Tìm (mã, tên, mã số thuế)").fill("dong");
  await director.getByRole("button", { name: "Lọc" }).click();
  await director.waitForURL(/q=dong/);
  await director.locator("#units tbody tr").first().waitFor();
  const names = await director.locator("#units tbody").innerText();
  assert.match(names, /Đồng Tâm/);
  assert.match(names, /Kim Đồng/);
  assert.doesNotMatch(names, /Hải Âu/);
  await director.goto(base + "/close");
  await director.getByRole("heading", { name: "Không có trang này." }).waitFor();
  assert.deepEqual(director.errors, []);
});

const admin = await newPage();
await step("an import of a bad CSV shows its line errors", async () => {
  await login(admin, "ana", "mật khẩu quản trị");
  await admin.getByRole("link", { name: "Nhập dữ liệu" }).click();
  await admin.getByLabel("Loại dữ liệu").selectOption("units");
  const csv = "unit_code,tax_code,name,type,status,status_since,parent_code,province_code,office_code,wage_region,officer_code,payment_cycle,registered_on,address,union_chair\n" +
    "D,0100000004,Công ty D,private,active,,,79,,9,O1,1,2025-01-01,,\n" +
    "E,0100000005,Công ty E,nonsense,active,,,79,,1,O1,1,2025-13-01,,\n";
  await admin.getByLabel("Tệp CSV").setInputFiles({ name: "bad-units.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await admin.getByRole("button", { name: "Nhập", exact: true }).click();
  const rows = admin.locator("#import-errors tbody tr");
  await rows.first().waitFor();
  const text = await admin.locator("#import-errors").innerText();
  assert.match(text, /^2\t/m);
  assert.match(text, /^3\t/m);
  assert.match(await admin.locator("#import-result").innerText(), /không có gì được ghi/);
  await axe(admin, "the import");
  await admin.screenshot({ path: shots + "/import.png", fullPage: true });
});

await step("a close runs with its progress shown to the end", async () => {
  await admin.getByRole("link", { name: "Khóa sổ tháng" }).click();
  await admin.getByRole("heading", { name: "Khóa sổ tháng" }).waitFor();
  const input = admin.getByLabel("Kỳ (tháng/năm)");
  assert.equal(await input.inputValue(), "11/2025"); // the last period closed
  await input.fill("11/2025");
  // every value the bar takes, seen from the page
  await admin.evaluate(() => {
    window.seen = [];
    new MutationObserver(() => {
      const b = document.getElementById("close-bar");
      if (b) window.seen.push(b.value + "/" + b.max);
    }).observe(document.getElementById("main"), { subtree: true, attributes: true, childList: true, characterData: true });
  });
  // the hand-checked province closes in milliseconds, before the page's first poll: the first
  // two answers of GET /closes/{id} are held at 1 and 2 units of 3 (the real answer's fields
  // otherwise) so that the bar is seen moving; the third is the server's own
  let polls = 0;
  await admin.route(/\/api\/v1\/closes\/\d+$/, async (route) => {
    if (++polls > 2) return route.continue();
    const real = await (await route.fetch()).json();
    return route.fulfill({ json: { ...real, status: "running", done: polls, total: 3, result: null } });
  });
  await admin.getByRole("button", { name: "Chạy khóa sổ" }).click();
  await admin.getByRole("status").filter({ hasText: "Đã khóa sổ xong" }).waitFor({ timeout: 60000 });
  const bar = admin.locator("#close-bar");
  assert.equal(await bar.evaluate((b) => b.value === b.max && b.max >= 3), true);
  assert.match(await admin.locator("#close-count").innerText(), /^3 \/ 3 đơn vị$/);
  const seen = await admin.evaluate(() => window.seen);
  assert.ok(seen.includes("0/1") || seen.includes("0/3"), "the bar starts empty: " + seen);
  assert.ok(seen.includes("1/3") && seen.includes("2/3"), "the bar moves: " + seen);
  assert.equal(seen[seen.length - 1], "3/3");
  assert.ok(polls >= 3);
  await axe(admin, "the close");
  await admin.screenshot({ path: shots + "/close.png", fullPage: true });
  assert.deepEqual(admin.errors, []);
});

await step("no page wrote an error to the console (CSP included)", async () => {
  assert.deepEqual(officer.errors, []);
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
