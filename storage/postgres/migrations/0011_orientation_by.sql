-- How a page's orientation was decided: 'text_lines' when its straight text lines showed it
-- upright beyond doubt (no OSD run), 'osd' when Tesseract's orientation detection decided.
ALTER TABLE pages ADD COLUMN orientation_by text NOT NULL DEFAULT '';
