-- Where a page's text came from: 'ocr' (Tesseract on the clean page) or 'pdf' (the page's own
-- text layer, a born-digital PDF; scan/textlayer.go says when a layer is trusted).
ALTER TABLE pages ADD COLUMN text_from text NOT NULL DEFAULT 'ocr' CHECK (text_from IN ('ocr', 'pdf'));
