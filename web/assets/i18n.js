// i18n.js - the UI's words in Vietnamese (default) and English; the choice is kept in
// localStorage ("thuno.lang"). Values thuno writes as identifiers (legal status, bucket, unit
// type, case state, steps) are labelled from the same words as `thuno report --values`.
const WORDS = {
  skip: ["Bỏ qua, đến nội dung chính", "Skip to the main content"],
  other_lang: ["English", "Tiếng Việt"],
  nav: ["Điều hướng chính", "Main navigation"],
  login_title: ["Đăng nhập", "Log in"],
  login: ["Tên đăng nhập", "Login"],
  password: ["Mật khẩu", "Password"],
  login_button: ["Đăng nhập", "Log in"],
  logout: ["Đăng xuất", "Log out"],
  login_failed: ["Sai tên đăng nhập hoặc mật khẩu.", "Wrong login or password."],
  throttled: ["Đăng nhập sai quá nhiều lần; thử lại sau 15 phút.", "Too many failed logins; try again in 15 minutes."],
  day: ["Công việc hôm nay", "My day"],
  day_title: ["Đơn vị tôi phụ trách, theo số tiền có nguy cơ", "My units, by money at risk"],
  units: ["Đơn vị", "Units"],
  units_title: ["Danh sách đơn vị", "Units"],
  close: ["Khóa sổ tháng", "Monthly close"],
  import: ["Nhập dữ liệu", "Import"],
  period: ["Kỳ", "Period"],
  unit_code: ["Mã đơn vị", "Unit code"],
  name: ["Tên đơn vị", "Name"],
  debt: ["Số nợ", "Debt"],
  balance: ["Số dư", "Balance"],
  months_owed: ["Số tháng nợ", "Months owed"],
  legal_status: ["Tình trạng", "Legal status"],
  bucket: ["Nhóm tuổi nợ", "Debt age"],
  next_step: ["Bước tiếp theo", "Next step"],
  deadline: ["Hạn", "Deadline"],
  case: ["Hồ sơ", "Case"],
  officer: ["Cán bộ", "Officer"],
  office: ["Cơ quan", "Office"],
  type: ["Loại hình", "Type"],
  status: ["Trạng thái", "Status"],
  tax_code: ["Mã số thuế", "Tax code"],
  address: ["Địa chỉ", "Address"],
  search: ["Tìm (mã, tên, mã số thuế)", "Search (code, name, tax code)"],
  filter: ["Lọc", "Filter"],
  all: ["Tất cả", "All"],
  sort: ["Sắp xếp", "Sort"],
  sort_debt: ["Số nợ giảm dần", "Debt, largest first"],
  sort_code: ["Mã đơn vị", "Unit code"],
  sort_name: ["Tên đơn vị", "Name"],
  sort_months: ["Số tháng nợ giảm dần", "Months owed, most first"],
  more: ["Xem thêm", "More"],
  none: ["Không có dòng nào.", "No rows."],
  download: ["Tải về", "Download"],
  loading: ["Đang tải…", "Loading…"],
  error: ["Lỗi", "Error"],
  registry: ["Thông tin đơn vị", "Registry"],
  status_since: ["Từ ngày", "Since"],
  month_balance: ["Số dư tháng", "The month's balance"],
  prev_month: ["Tháng trước", "Previous month"],
  next_month: ["Tháng sau", "Next month"],
  opening: ["Số dư đầu kỳ", "Opening"],
  assessed: ["Số phải đóng", "Assessed"],
  adjustment: ["Điều chỉnh", "Adjustment"],
  interest: ["Lãi chậm đóng", "Interest"],
  paid: ["Đã đóng", "Paid"],
  closing: ["Số dư cuối kỳ", "Closing"],
  principal_due: ["Nợ gốc", "Principal due"],
  interest_due: ["Nợ lãi", "Interest due"],
  oldest_unpaid: ["Kỳ nợ cũ nhất", "Oldest unpaid period"],
  no_balance: ["Chưa có số dư của kỳ này.", "No balance for this period."],
  explain: ["Giải trình", "Explanation"],
  explain_of: ["Giải trình: ", "Explanation: "],
  close_explain: ["Đóng giải trình", "Close the explanation"],
  open_explain: ["Mở giải trình", "Open the explanation"],
  worker: ["Người lao động", "Worker"],
  for_period: ["Tháng", "For"],
  kind: ["Loại", "Kind"],
  salary: ["Tiền lương", "Salary"],
  base_si: ["Mức đóng BHXH", "SI base"],
  component: ["Khoản", "Component"],
  base: ["Căn cứ", "Base"],
  rate: ["Tỷ lệ", "Rate"],
  amount: ["Số tiền", "Amount"],
  source: ["Căn cứ pháp lý", "Source"],
  group: ["Quỹ", "Fund"],
  rule: ["Cách tính", "Rule"],
  days: ["Số ngày", "Days"],
  principal: ["Nợ gốc tính lãi", "Principal"],
  from: ["Từ", "From"],
  to: ["Đến", "To"],
  allocations: ["Phân bổ số tiền đã nộp", "Payments' allocation"],
  lines: ["Các dòng phải đóng", "Assessment lines"],
  interest_lines: ["Các dòng tính lãi", "Interest lines"],
  findings: ["Ghi chú", "Findings"],
  known_at: ["Số liệu như đã biết lúc", "As known at"],
  close_title: ["Khóa sổ tháng", "Monthly close"],
  close_run: ["Chạy khóa sổ", "Run the close"],
  close_progress: ["Tiến độ khóa sổ", "Close progress"],
  close_done: ["Đã khóa sổ xong.", "The close is done."],
  close_failed: ["Khóa sổ không thành công.", "The close failed."],
  units_done: ["đơn vị", "units"],
  import_title: ["Nhập dữ liệu từ tệp CSV", "Import a CSV file"],
  import_kind: ["Loại dữ liệu", "Kind of data"],
  import_file: ["Tệp CSV", "CSV file"],
  import_update: ["Cho phép cập nhật phiên bản mới", "Allow new versions (update)"],
  import_run: ["Nhập", "Import"],
  import_ok: ["Đã nhập: {new} mới, {changed} thay đổi, {same} không đổi, {suspense} chờ xử lý.", "Imported: {new} new, {changed} changed, {same} unchanged, {suspense} in suspense."],
  import_bad: ["Tệp có dòng lỗi; không có gì được ghi.", "The file has bad rows; nothing was written."],
  line: ["Dòng", "Line"],
  column: ["Cột", "Column"],
  message: ["Nội dung lỗi", "Message"],
  rank: ["Thứ tự", "Rank"],
  not_found: ["Không có trang này.", "No such page."],
  role_admin: ["Quản trị", "Admin"], role_director: ["Giám đốc", "Director"],
  role_qlt: ["Phòng Quản lý thu", "QLT"], role_kttn: ["Phòng Khai thác và thu nợ", "KTTN"],
  role_ttkt: ["Phòng Thanh tra - Kiểm tra", "TTKT"], role_legal: ["Pháp chế", "Legal"],
  role_officer: ["Cán bộ chuyên quản", "Officer"],
  download_table: ["Tải bảng: ", "Download the table: "],
  txn_id: ["Mã giao dịch", "Transaction"],
  paid_on: ["Ngày nộp", "Paid on"],
  target_period: ["Cho tháng", "For month"],
  part: ["Phần", "Part"],
  floor: ["Mức tối thiểu", "Floor"],
  back_units: ["Về danh sách đơn vị", "Back to the units"],
  mm_yyyy: ["tháng/năm", "month/year"],
  bad_rows: ["Các dòng bị từ chối", "Rejected rows"],
  download_units: ["Tải danh sách đơn vị theo bộ lọc đang xem (báo cáo units): ", "Download the units as filtered (report units): "],
  figure_hint: ["Bấm vào một con số để xem giải trình của nó.", "Open a figure to see its explanation."],
  results: ["{n} đơn vị", "{n} units"],
};

// the vocabulary of values (include/thuno/vocab.h): [column or "*", value] -> [vi, en]
const VALUES = {
  current: ["Đóng đúng hạn", "Current"], late: ["Chậm đóng", "Late"], evading: ["Trốn đóng", "Evading"],
  state: ["Doanh nghiệp nhà nước", "State-owned"], fdi: ["Doanh nghiệp có vốn đầu tư nước ngoài", "Foreign-invested"],
  private: ["Doanh nghiệp ngoài nhà nước", "Private"], cooperative: ["Hợp tác xã", "Cooperative"],
  public: ["Cơ quan, đơn vị sự nghiệp công lập", "Public body"], household: ["Hộ kinh doanh", "Household business"],
  other: ["Loại hình khác", "Other"], active: ["Đang hoạt động", "Active"],
  suspended: ["Tạm ngừng hoạt động", "Suspended trading"], dissolved: ["Giải thể", "Dissolved"],
  bankrupt: ["Phá sản", "Bankrupt"], absconded: ["Chủ bỏ trốn, không liên lạc được", "Absconded"],
  "bucket:0": ["Dưới 1 tháng", "Under 1 month"], "bucket:1-3": ["Từ 1 đến dưới 3 tháng", "1 to under 3 months"],
  "bucket:3-6": ["Từ 3 đến dưới 6 tháng", "3 to under 6 months"], "bucket:6-12": ["Từ 6 đến dưới 12 tháng", "6 to under 12 months"],
  "bucket:12+": ["Từ 12 tháng trở lên", "12 months and more"],
  reminder: ["Văn bản đôn đốc", "Reminder"], second_reminder: ["Văn bản đôn đốc lần 2", "Second reminder"],
  inspection: ["Thanh tra, kiểm tra", "Inspection"], fine: ["Xử phạt vi phạm hành chính", "Fine"],
  forced_deduction: ["Trích tiền từ tài khoản", "Forced deduction"],
  public_disclosure: ["Công khai trên phương tiện thông tin", "Public disclosure"], lawsuit: ["Khởi kiện", "Lawsuit"],
  new: ["Mới", "New"], escalating: ["Đôn đốc, xử lý hành chính", "Escalating"], sued: ["Đang khởi kiện", "Sued"],
  mediated: ["Hòa giải thành, đang trả theo lộ trình", "Mediated, paying by the plan"],
  enforceable: ["Chờ yêu cầu thi hành án", "Enforceable"], enforcing: ["Đang thi hành án", "Under enforcement"],
  "case_state:suspended": ["Chưa có điều kiện thi hành", "Waiting for assets"], closed: ["Đã kết thúc", "Closed"],
  withdrawn: ["Đã rút", "Withdrawn"], instalment: ["Trả góp theo lộ trình", "Instalment"],
  QLT: ["Phòng Quản lý thu", "Collection management (QLT)"], KTTN: ["Phòng Khai thác và thu nợ", "Debt recovery (KTTN)"],
  unit: ["Đơn vị", "Unit"], court: ["Tòa án", "Court"], office: ["Cơ quan BHXH", "Office"],
  THADS: ["Cơ quan thi hành án dân sự", "Enforcement office"], bank: ["Ngân hàng", "Bank"],
  assessed: ["Phải đóng", "Assessed"],
  "component:pension_employee": ["Hưu trí, tử tuất — người lao động", "Pension — employee"],
  "component:pension_employer": ["Hưu trí, tử tuất — người sử dụng lao động", "Pension — employer"],
  "component:sickness_employer": ["Ốm đau, thai sản — người sử dụng lao động", "Sickness, maternity — employer"],
  "component:tnld_employer": ["Tai nạn lao động, bệnh nghề nghiệp — người sử dụng lao động", "Work accidents — employer"],
  "component:bhyt_employee": ["BHYT — người lao động", "Health insurance — employee"],
  "component:bhyt_employer": ["BHYT — người sử dụng lao động", "Health insurance — employer"],
  "component:bhtn_employee": ["BHTN — người lao động", "Unemployment insurance — employee"],
  "component:bhtn_employer": ["BHTN — người sử dụng lao động", "Unemployment insurance — employer"], daily: ["Theo ngày", "Daily"], monthly: ["Theo tháng", "Monthly"],
};

// More words and values, from a page's own module (cases.js, dashboard.js, contacts.js,
// departments.js): [vi, en] by key, so this file stays small.
// A key already there is kept and the clash logged (the browser tests fail on it).
export function addWords(words, values) {
  for (const [into, from] of [[WORDS, words || {}], [VALUES, values || {}]])
    for (const [k, v] of Object.entries(from)) {
      if (into[k] && (into[k][0] !== v[0] || into[k][1] !== v[1])) console.error("i18n: the word " + k + " is defined twice");
      else into[k] = v;
    }
}

const KEY = "thuno.lang";

export function lang() {
  return localStorage.getItem(KEY) === "en" ? "en" : "vi";
}

export function setLang(l) {
  localStorage.setItem(KEY, l === "en" ? "en" : "vi");
  document.documentElement.lang = lang();
}

// The word of key in the current language, with {name} replaced from vars.
export function t(key, vars) {
  const w = WORDS[key];
  let s = w ? w[lang() === "en" ? 1 : 0] : key;
  if (vars) for (const k of Object.keys(vars)) s = s.replace("{" + k + "}", String(vars[k]));
  return s;
}

// The label of a value thuno writes as an identifier (col: its column), or the value itself.
export function label(col, value) {
  if (value === null || value === undefined || value === "") return "";
  const w = VALUES[col + ":" + value] || VALUES[value];
  return w ? w[lang() === "en" ? 1 : 0] : String(value);
}
