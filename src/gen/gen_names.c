/*
 * gen_names.c - word lists for synthetic names: the commonest Vietnamese family names, middle
 * and given names, trade words and places (docs/gen.md).
 */
#include "gen/gen_names.h"

#define N(a) (sizeof a / sizeof a[0])

const struct tn__word tn__family[] = {
    {"Nguyễn", "Nguyen"}, {"Trần", "Tran"},   {"Lê", "Le"},       {"Phạm", "Pham"},
    {"Hoàng", "Hoang"},   {"Huỳnh", "Huynh"}, {"Phan", "Phan"},   {"Vũ", "Vu"},
    {"Võ", "Vo"},         {"Đặng", "Dang"},   {"Bùi", "Bui"},     {"Đỗ", "Do"},
    {"Hồ", "Ho"},         {"Ngô", "Ngo"},     {"Dương", "Duong"}, {"Lý", "Ly"},
};
const struct tn__word tn__middle_m[] = {
    {"Văn", "Van"},   {"Hữu", "Huu"},     {"Đức", "Duc"},   {"Minh", "Minh"},
    {"Quốc", "Quoc"}, {"Thanh", "Thanh"}, {"Công", "Cong"}, {"Xuân", "Xuan"},
};
const struct tn__word tn__middle_f[] = {
    {"Thị", "Thi"}, {"Ngọc", "Ngoc"}, {"Thu", "Thu"},   {"Thanh", "Thanh"},
    {"Kim", "Kim"}, {"Minh", "Minh"}, {"Hồng", "Hong"},
};
const struct tn__word tn__given_m[] = {
    {"An", "An"},     {"Bình", "Binh"},   {"Cường", "Cuong"}, {"Dũng", "Dung"},
    {"Đức", "Duc"},   {"Hải", "Hai"},     {"Hùng", "Hung"},   {"Khoa", "Khoa"},
    {"Long", "Long"}, {"Nam", "Nam"},     {"Phong", "Phong"}, {"Quân", "Quan"},
    {"Sơn", "Son"},   {"Thắng", "Thang"}, {"Trung", "Trung"}, {"Tuấn", "Tuan"},
    {"Việt", "Viet"},
};
const struct tn__word tn__given_f[] = {
    {"Anh", "Anh"},     {"Chi", "Chi"}, {"Dung", "Dung"},   {"Giang", "Giang"},   {"Hà", "Ha"},
    {"Hạnh", "Hanh"},   {"Hoa", "Hoa"}, {"Hương", "Huong"}, {"Lan", "Lan"},       {"Linh", "Linh"},
    {"Mai", "Mai"},     {"Nga", "Nga"}, {"Nhung", "Nhung"}, {"Phương", "Phuong"}, {"Thảo", "Thao"},
    {"Trang", "Trang"}, {"Yến", "Yen"},
};
const struct tn__word tn__trade[] = {
    {"Dệt may", "Det may"}, {"Xây dựng", "Xay dung"},   {"Thương mại", "Thuong mai"},
    {"Vận tải", "Van tai"}, {"Cơ khí", "Co khi"},       {"Thực phẩm", "Thuc pham"},
    {"Điện tử", "Dien tu"}, {"Da giày", "Da giay"},     {"Gỗ", "Go"},
    {"Nhựa", "Nhua"},       {"Dịch vụ", "Dich vu"},     {"Thủy sản", "Thuy san"},
    {"Bao bì", "Bao bi"},   {"Công nghệ", "Cong nghe"}, {"Du lịch", "Du lich"},
};
const struct tn__word tn__place[] = {
    {"Hải Âu", "Hai Au"},         {"Bình Minh", "Binh Minh"},   {"Sông Hồng", "Song Hong"},
    {"Phú Thịnh", "Phu Thinh"},   {"An Phát", "An Phat"},       {"Đông Á", "Dong A"},
    {"Hoàng Long", "Hoang Long"}, {"Thành Công", "Thanh Cong"}, {"Việt Tiến", "Viet Tien"},
    {"Tân Phú", "Tan Phu"},       {"Kim Đồng", "Kim Dong"},     {"Đồng Tâm", "Dong Tam"},
    {"Hưng Thịnh", "Hung Thinh"}, {"Nam Việt", "Nam Viet"},     {"Sao Mai", "Sao Mai"},
    {"Trường Sơn", "Truong Son"},
};
const struct tn__word tn__street[] = {
    {"Lê Lợi", "Le Loi"},
    {"Trần Hưng Đạo", "Tran Hung Dao"},
    {"Nguyễn Huệ", "Nguyen Hue"},
    {"Hai Bà Trưng", "Hai Ba Trung"},
    {"Lý Thường Kiệt", "Ly Thuong Kiet"},
    {"Quang Trung", "Quang Trung"},
    {"Điện Biên Phủ", "Dien Bien Phu"},
    {"Võ Văn Kiệt", "Vo Van Kiet"},
};

const size_t tn__nfamily = N(tn__family), tn__nmiddle_m = N(tn__middle_m),
             tn__nmiddle_f = N(tn__middle_f), tn__ngiven_m = N(tn__given_m),
             tn__ngiven_f = N(tn__given_f), tn__ntrade = N(tn__trade), tn__nplace = N(tn__place),
             tn__nstreet = N(tn__street);
