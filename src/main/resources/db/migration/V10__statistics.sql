-- Indexes for the statistics dashboard and periodic reports (org.stdflow.report): their queries
-- select by period across all sections, which the section-first indexes of V5 do not serve.
-- Portable: H2 2.x and PostgreSQL 12+.
CREATE INDEX ix_insp_inspection_date ON insp_inspection (inspection_date);
CREATE INDEX ix_insp_rectification_opened ON insp_rectification (opened_at);
CREATE INDEX ix_insp_rectification_closed ON insp_rectification (closed_at);
CREATE INDEX ix_insp_commendation_recorded ON insp_commendation (recorded_at);
CREATE INDEX ix_std_review_reviewed ON std_review (reviewed_at);
