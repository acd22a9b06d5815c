-- The administrative tree that reports roll desks up along: the nation, ministries and
-- branches, and localities (province, district, commune). The 63 provinces and centrally run
-- cities (GSO codes) and the ministries and branches ship here; districts and communes come with
-- `sohoa desks import`. Coverage is kept per desk and day and per desk and month, recomputed
-- from the dossiers of that desk and day whenever one of them changes.

CREATE TABLE units (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    name_en     text NOT NULL DEFAULT '',
    level       text NOT NULL CHECK (level IN ('nation', 'ministry', 'province', 'district', 'commune')),
    parent_code text REFERENCES units(code)
);
CREATE INDEX units_parent ON units (parent_code);

INSERT INTO units (code, name, name_en, level, parent_code) VALUES ('VN', 'Việt Nam', 'Viet Nam', 'nation', NULL);
INSERT INTO units (code, name, name_en, level, parent_code) VALUES
    ('P01', 'Hà Nội', 'Ha Noi', 'province', 'VN'),
    ('P02', 'Hà Giang', 'Ha Giang', 'province', 'VN'),
    ('P04', 'Cao Bằng', 'Cao Bang', 'province', 'VN'),
    ('P06', 'Bắc Kạn', 'Bac Kan', 'province', 'VN'),
    ('P08', 'Tuyên Quang', 'Tuyen Quang', 'province', 'VN'),
    ('P10', 'Lào Cai', 'Lao Cai', 'province', 'VN'),
    ('P11', 'Điện Biên', 'Dien Bien', 'province', 'VN'),
    ('P12', 'Lai Châu', 'Lai Chau', 'province', 'VN'),
    ('P14', 'Sơn La', 'Son La', 'province', 'VN'),
    ('P15', 'Yên Bái', 'Yen Bai', 'province', 'VN'),
    ('P17', 'Hòa Bình', 'Hoa Binh', 'province', 'VN'),
    ('P19', 'Thái Nguyên', 'Thai Nguyen', 'province', 'VN'),
    ('P20', 'Lạng Sơn', 'Lang Son', 'province', 'VN'),
    ('P22', 'Quảng Ninh', 'Quang Ninh', 'province', 'VN'),
    ('P24', 'Bắc Giang', 'Bac Giang', 'province', 'VN'),
    ('P25', 'Phú Thọ', 'Phu Tho', 'province', 'VN'),
    ('P26', 'Vĩnh Phúc', 'Vinh Phuc', 'province', 'VN'),
    ('P27', 'Bắc Ninh', 'Bac Ninh', 'province', 'VN'),
    ('P30', 'Hải Dương', 'Hai Duong', 'province', 'VN'),
    ('P31', 'Hải Phòng', 'Hai Phong', 'province', 'VN'),
    ('P33', 'Hưng Yên', 'Hung Yen', 'province', 'VN'),
    ('P34', 'Thái Bình', 'Thai Binh', 'province', 'VN'),
    ('P35', 'Hà Nam', 'Ha Nam', 'province', 'VN'),
    ('P36', 'Nam Định', 'Nam Dinh', 'province', 'VN'),
    ('P37', 'Ninh Bình', 'Ninh Binh', 'province', 'VN'),
    ('P38', 'Thanh Hóa', 'Thanh Hoa', 'province', 'VN'),
    ('P40', 'Nghệ An', 'Nghe An', 'province', 'VN'),
    ('P42', 'Hà Tĩnh', 'Ha Tinh', 'province', 'VN'),
    ('P44', 'Quảng Bình', 'Quang Binh', 'province', 'VN'),
    ('P45', 'Quảng Trị', 'Quang Tri', 'province', 'VN'),
    ('P46', 'Thừa Thiên Huế', 'Thua Thien Hue', 'province', 'VN'),
    ('P48', 'Đà Nẵng', 'Da Nang', 'province', 'VN'),
    ('P49', 'Quảng Nam', 'Quang Nam', 'province', 'VN'),
    ('P51', 'Quảng Ngãi', 'Quang Ngai', 'province', 'VN'),
    ('P52', 'Bình Định', 'Binh Dinh', 'province', 'VN'),
    ('P54', 'Phú Yên', 'Phu Yen', 'province', 'VN'),
    ('P56', 'Khánh Hòa', 'Khanh Hoa', 'province', 'VN'),
    ('P58', 'Ninh Thuận', 'Ninh Thuan', 'province', 'VN'),
    ('P60', 'Bình Thuận', 'Binh Thuan', 'province', 'VN'),
    ('P62', 'Kon Tum', 'Kon Tum', 'province', 'VN'),
    ('P64', 'Gia Lai', 'Gia Lai', 'province', 'VN'),
    ('P66', 'Đắk Lắk', 'Dak Lak', 'province', 'VN'),
    ('P67', 'Đắk Nông', 'Dak Nong', 'province', 'VN'),
    ('P68', 'Lâm Đồng', 'Lam Dong', 'province', 'VN'),
    ('P70', 'Bình Phước', 'Binh Phuoc', 'province', 'VN'),
    ('P72', 'Tây Ninh', 'Tay Ninh', 'province', 'VN'),
    ('P74', 'Bình Dương', 'Binh Duong', 'province', 'VN'),
    ('P75', 'Đồng Nai', 'Dong Nai', 'province', 'VN'),
    ('P77', 'Bà Rịa - Vũng Tàu', 'Ba Ria - Vung Tau', 'province', 'VN'),
    ('P79', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', 'province', 'VN'),
    ('P80', 'Long An', 'Long An', 'province', 'VN'),
    ('P82', 'Tiền Giang', 'Tien Giang', 'province', 'VN'),
    ('P83', 'Bến Tre', 'Ben Tre', 'province', 'VN'),
    ('P84', 'Trà Vinh', 'Tra Vinh', 'province', 'VN'),
    ('P86', 'Vĩnh Long', 'Vinh Long', 'province', 'VN'),
    ('P87', 'Đồng Tháp', 'Dong Thap', 'province', 'VN'),
    ('P89', 'An Giang', 'An Giang', 'province', 'VN'),
    ('P91', 'Kiên Giang', 'Kien Giang', 'province', 'VN'),
    ('P92', 'Cần Thơ', 'Can Tho', 'province', 'VN'),
    ('P93', 'Hậu Giang', 'Hau Giang', 'province', 'VN'),
    ('P94', 'Sóc Trăng', 'Soc Trang', 'province', 'VN'),
    ('P95', 'Bạc Liêu', 'Bac Lieu', 'province', 'VN'),
    ('P96', 'Cà Mau', 'Ca Mau', 'province', 'VN'),
    ('M-BTP', 'Bộ Tư pháp', 'Ministry of Justice', 'ministry', 'VN'),
    ('M-BCA', 'Bộ Công an', 'Ministry of Public Security', 'ministry', 'VN'),
    ('M-BKHDT', 'Bộ Kế hoạch và Đầu tư', 'Ministry of Planning and Investment', 'ministry', 'VN'),
    ('M-BTC', 'Bộ Tài chính', 'Ministry of Finance', 'ministry', 'VN'),
    ('M-BTNMT', 'Bộ Tài nguyên và Môi trường', 'Ministry of Natural Resources and Environment', 'ministry', 'VN'),
    ('M-BCT', 'Bộ Công Thương', 'Ministry of Industry and Trade', 'ministry', 'VN'),
    ('M-BGTVT', 'Bộ Giao thông vận tải', 'Ministry of Transport', 'ministry', 'VN'),
    ('M-BXD', 'Bộ Xây dựng', 'Ministry of Construction', 'ministry', 'VN'),
    ('M-BYT', 'Bộ Y tế', 'Ministry of Health', 'ministry', 'VN'),
    ('M-BGDDT', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', 'ministry', 'VN'),
    ('M-BLDTBXH', 'Bộ Lao động - Thương binh và Xã hội', 'Ministry of Labour, Invalids and Social Affairs', 'ministry', 'VN'),
    ('M-BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Ministry of Agriculture and Rural Development', 'ministry', 'VN'),
    ('M-BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs', 'ministry', 'VN'),
    ('M-BTTTT', 'Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications', 'ministry', 'VN'),
    ('M-BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'ministry', 'VN'),
    ('M-BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', 'ministry', 'VN'),
    ('M-BNG', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', 'ministry', 'VN'),
    ('M-BQP', 'Bộ Quốc phòng', 'Ministry of National Defence', 'ministry', 'VN'),
    ('M-NHNN', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Vietnam', 'ministry', 'VN'),
    ('M-BHXH', 'Bảo hiểm xã hội Việt Nam', 'Vietnam Social Security', 'ministry', 'VN');

-- Where a desk sits, and its ancestors denormalised for roll-ups without walking the tree.
ALTER TABLE desks ADD COLUMN unit_code text REFERENCES units(code);
ALTER TABLE desks ADD COLUMN province_code text NOT NULL DEFAULT '';
ALTER TABLE desks ADD COLUMN district_code text NOT NULL DEFAULT '';
ALTER TABLE desks ADD COLUMN ministry_code text NOT NULL DEFAULT '';
CREATE INDEX desks_province ON desks (province_code);
CREATE INDEX desks_ministry ON desks (ministry_code);

-- The register: when the result was issued to the citizen, and whether it was digitized.
ALTER TABLE dossiers ADD COLUMN result_issued_on date;
ALTER TABLE dossiers ADD COLUMN result_digitized boolean NOT NULL DEFAULT false;
CREATE INDEX dossiers_desk_received ON dossiers (desk_code, received_on);

-- Coverage facts per desk and day of receipt; recomputed, never incremented.
CREATE TABLE desk_daily (
    desk_code         text NOT NULL REFERENCES desks(code),
    day               date NOT NULL,
    received          int NOT NULL,
    digitized         int NOT NULL,
    results_issued    int NOT NULL,
    results_digitized int NOT NULL,
    pages_done        int NOT NULL,
    pages_failed      int NOT NULL,
    PRIMARY KEY (desk_code, day)
);

-- The same per month (sums of desk_daily), so a nine-month national report reads about
-- 108,000 rows for 11,956 desks instead of 3 million.
CREATE TABLE desk_monthly (
    desk_code         text NOT NULL REFERENCES desks(code),
    month             date NOT NULL,
    received          int NOT NULL,
    digitized         int NOT NULL,
    results_issued    int NOT NULL,
    results_digitized int NOT NULL,
    pages_done        int NOT NULL,
    pages_failed      int NOT NULL,
    PRIMARY KEY (month, desk_code)
);

-- Backfill from the dossiers already recorded.
UPDATE dossiers o SET result_digitized = EXISTS (
    SELECT 1 FROM documents d WHERE d.dossier_id = o.id AND d.role = 'result' AND d.state = 'classified');

INSERT INTO desk_daily (desk_code, day, received, digitized, results_issued, results_digitized, pages_done, pages_failed)
SELECT o.desk_code, o.received_on, count(*),
       count(*) FILTER (WHERE o.state = 'digitized'),
       count(*) FILTER (WHERE o.result_issued_on IS NOT NULL OR o.result_digitized),
       count(*) FILTER (WHERE o.result_digitized),
       COALESCE(sum(pg.done), 0), COALESCE(sum(pg.failed), 0)
FROM dossiers o
LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE p.state = 'done') AS done, count(*) FILTER (WHERE p.state = 'failed') AS failed
                     FROM documents d JOIN pages p ON p.document_id = d.id WHERE d.dossier_id = o.id) pg ON true
GROUP BY o.desk_code, o.received_on;

INSERT INTO desk_monthly (desk_code, month, received, digitized, results_issued, results_digitized, pages_done, pages_failed)
SELECT desk_code, date_trunc('month', day)::date, sum(received), sum(digitized), sum(results_issued),
       sum(results_digitized), sum(pages_done), sum(pages_failed)
FROM desk_daily GROUP BY 1, 2;
