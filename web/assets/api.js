// api.js - the calls of /api/v1 (docs/api.md). The session cookie is HttpOnly; the CSRF token
// and the user from POST /session are kept in sessionStorage (this tab) and sent as
// X-CSRF-Token on every state-changing request.
const KEY = "thuno.session";

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch (e) {
    return null;
  }
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || "HTTP " + status);
    this.status = status;
    this.code = body && body.error && body.error.code;
    this.body = body;
  }
}

let onUnauthenticated = () => {};
export function whenUnauthenticated(f) {
  onUnauthenticated = f;
}

// fetch of /api/v1 + path; JSON answers parsed; an error status throws ApiError (401 also
// forgets the session and calls the unauthenticated hook).
export async function call(method, path, body, type) {
  const headers = {};
  const s = session();
  if (method !== "GET" && s) headers["X-CSRF-Token"] = s.csrf;
  let data;
  if (body !== undefined) {
    if (type) {
      headers["Content-Type"] = type;
      data = body;
    } else {
      headers["Content-Type"] = "application/json";
      data = JSON.stringify(body);
    }
  }
  const r = await fetch("/api/v1" + path, { method, headers, body: data, credentials: "same-origin" });
  const text = await r.text();
  let j = null;
  try {
    j = text ? JSON.parse(text) : null;
  } catch (e) {
    j = null;
  }
  if (!r.ok) {
    if (r.status === 401 && path !== "/session") {
      sessionStorage.removeItem(KEY);
      onUnauthenticated();
    }
    throw new ApiError(r.status, j);
  }
  return j;
}

export async function login(user, password) {
  const j = await call("POST", "/session", { login: user, password });
  sessionStorage.setItem(KEY, JSON.stringify({ csrf: j.csrf, user: j.user, expires: j.expires }));
  return j;
}

export async function logout() {
  try {
    await call("DELETE", "/session");
  } finally {
    sessionStorage.removeItem(KEY);
  }
}

// What the role of the session's user may do (the table of docs/api.md "Roles"), so that the
// pages offer nothing it would be refused.
export function can(op) {
  const s = session();
  const role = s && s.user && s.user.role;
  const table = {
    units_list: ["admin", "director", "qlt", "kttn", "ttkt", "legal"],
    reports: ["admin", "director", "qlt", "kttn", "ttkt", "legal"],
    worklist: ["admin", "director", "qlt", "kttn", "officer"],
    import: ["admin"],
    close: ["admin"],
    cases: ["admin", "director", "qlt", "kttn", "ttkt", "legal", "officer"],
    case_record: ["legal", "officer"],
    case_register: ["legal"],
    case_document: ["director", "legal"],
    dashboard: ["admin", "director", "qlt", "kttn", "ttkt", "legal"],
    user_manage: ["admin"],
  };
  return !!(table[op] && table[op].includes(role));
}

// A query string from an object, skipping empty values.
export function query(o) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}
