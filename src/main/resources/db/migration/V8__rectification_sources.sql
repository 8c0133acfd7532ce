-- Rectifications opened by other sources than a failed inspection: a substantiated complaint or a
-- satisfaction survey below its threshold. They have findings but no inspection, and a complaint
-- about a service need not name a standard.
ALTER TABLE insp_rectification ALTER COLUMN inspection_id DROP NOT NULL;
ALTER TABLE insp_rectification ALTER COLUMN standard_id DROP NOT NULL;
ALTER TABLE insp_rectification ADD COLUMN source VARCHAR(20) DEFAULT 'INSPECTION' NOT NULL; -- INSPECTION | COMPLAINT | SURVEY
ALTER TABLE insp_rectification ADD COLUMN source_ref VARCHAR(64);      -- e.g. the complaint's id
ALTER TABLE insp_rectification ADD COLUMN subject VARCHAR(200);        -- what is rectified, where no place is
CREATE UNIQUE INDEX uq_insp_rectification_source ON insp_rectification (source, source_ref);
