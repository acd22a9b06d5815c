-- The part of an attempt's time spent waiting for an OCR slot (prepare's OSD, OCR): without
-- it, a stage's duration mixes its own work with the queue in front of the engine.
ALTER TABLE stage_attempts ADD COLUMN slot_wait_ms int NOT NULL DEFAULT 0;
