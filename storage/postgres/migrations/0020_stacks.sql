-- Stacks: one uploaded file holding several dossiers and documents, told apart by the codes on
-- its pages (pipeline/split.go). The uploaded document keeps the file and its first part; the
-- other parts are documents of their own that point back at it (stack_id) for the original.

-- How each desk's stacks are split, unless a batch says otherwise; the pattern finds a dossier
-- code in a code's text ('' for the national portal's), the separator is the separator sheet's
-- code.
ALTER TABLE desks ADD COLUMN split_rules text NOT NULL DEFAULT 'barcode,patch';
ALTER TABLE desks ADD COLUMN dossier_pattern text NOT NULL DEFAULT '';
ALTER TABLE desks ADD COLUMN separator_code text NOT NULL DEFAULT 'PATCHT';
ALTER TABLE batches ADD COLUMN split_rules text NOT NULL DEFAULT '';

-- The codes read on a page (barcodes, QR and DataMatrix codes, patch codes), and whether the
-- page is a separator sheet: kept as an original page, left out of its document's text, page
-- count and searchable PDF.
ALTER TABLE pages ADD COLUMN codes text[] NOT NULL DEFAULT '{}';
ALTER TABLE pages ADD COLUMN separator boolean NOT NULL DEFAULT false;

ALTER TABLE documents ADD COLUMN stack_id uuid REFERENCES documents(id);
ALTER TABLE documents ADD COLUMN split_by text NOT NULL DEFAULT 'file'
    CHECK (split_by IN ('file', 'barcode', 'patch', 'title', 'operator'));
-- Set once the stack's split has been decided, so a document is split once, before it is
-- classified, and never again behind an operator's corrections.
ALTER TABLE documents ADD COLUMN split_done boolean NOT NULL DEFAULT false;
CREATE INDEX documents_stack ON documents (stack_id) WHERE stack_id IS NOT NULL;

-- A document whose every page was moved away; a dossier whose every document was: neither is
-- counted (the upload's dossier of a stack split wholly into coded dossiers was never received
-- as such).
ALTER TABLE documents DROP CONSTRAINT documents_state_check;
ALTER TABLE documents ADD CONSTRAINT documents_state_check
    CHECK (state IN ('received', 'split', 'classified', 'failed', 'duplicate', 'emptied'));
ALTER TABLE dossiers DROP CONSTRAINT dossiers_state_check;
ALTER TABLE dossiers ADD CONSTRAINT dossiers_state_check CHECK (state IN ('open', 'digitized', 'incomplete', 'emptied'));

-- Blank pages (duplex backs) and separator sheets counted apart in a desk's figures; pages_done
-- still counts every page that ended done, these among them.
ALTER TABLE desk_figures ADD COLUMN pages_blank int NOT NULL DEFAULT 0;
ALTER TABLE desk_figures ADD COLUMN pages_separator int NOT NULL DEFAULT 0;
