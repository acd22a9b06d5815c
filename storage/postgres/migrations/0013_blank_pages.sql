-- A page on which OCR found no word at all (a blank back, a photo without text): recorded as
-- such, so that an empty text reads as "nothing there", not as a lost page.
ALTER TABLE pages ADD COLUMN blank boolean NOT NULL DEFAULT false;
