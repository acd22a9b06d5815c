-- OCR languages per desk and per batch (empty: the worker's default, SOHOA_OCR_LANG), and
-- full-text search over OCR text that ignores Vietnamese diacritics.

ALTER TABLE desks ADD COLUMN ocr_languages text NOT NULL DEFAULT '';
ALTER TABLE batches ADD COLUMN ocr_languages text NOT NULL DEFAULT '';

-- unaccent is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- An immutable wrapper, so the fold can be indexed ("Đăng ký" -> "dang ky").
CREATE FUNCTION sohoa_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX pages_search ON pages USING gin (to_tsvector('simple', sohoa_fold(text))) WHERE state = 'done';
