// format.js - figures as the office reads them: money "1.234.567 đ", dates dd/mm/yyyy,
// periods mm/yyyy, months owed with one decimal ("2,5"). Money is an integer of đồng.
export function money(n) {
  if (n === null || n === undefined) return "";
  const neg = n < 0;
  const s = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + s + " đ";
}

export function date(d) {
  if (!d) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(d);
  if (!m) return d;
  return m[3] + "/" + m[2] + "/" + m[1] + (m[4] ? " " + m[4] : "");
}

export function period(p) {
  const m = /^(\d{4})-(\d{2})$/.exec(p || "");
  return m ? m[2] + "/" + m[1] : p || "";
}

export function months(x) {
  if (x === null || x === undefined) return "";
  return Number(x).toFixed(1).replace(".", ",");
}

export function ppm(r) {
  if (r === null || r === undefined) return "";
  // rate in parts per million as a percentage: 80000 -> "8%", 300 -> "0,03%"
  let s = String(r / 10000);
  return s.replace(".", ",") + "%";
}

// An officer as the pages show it: "Name (code)", the code alone when no name is known.
export function officer(code, name) {
  if (!code) return "";
  return name ? name + " (" + code + ")" : code;
}

// The period before (step -1) or after (+1) p.
export function shift(p, step) {
  const [y, m] = p.split("-").map(Number);
  const k = y * 12 + (m - 1) + step;
  return String(Math.floor(k / 12)) + "-" + String((k % 12) + 1).padStart(2, "0");
}
