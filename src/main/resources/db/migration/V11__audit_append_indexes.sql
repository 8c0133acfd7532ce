-- Indexes for the audit append (org.stdflow.audit.AppRecords): at every commit that touches a
-- process run, a standard or a task, one query reads the app records of each source table
-- "WHERE <run> IN (...) OR (<standard> IN (...) AND <time> >= ...) [OR <task> IN (...)]".
-- PostgreSQL can answer an OR from indexes only when every branch has one; with one branch
-- unindexed it scanned the whole table at every commit, a cost that grew with the records
-- (measured: tuning log §19 in docs/benchmarks.md). AppRecordsIndexTest keeps every branch indexed.
-- Portable: H2 2.x and PostgreSQL 12+.
CREATE INDEX ix_std_version_pi ON std_version (process_instance_id);
CREATE INDEX ix_std_comment_standard ON std_comment (standard_id);
CREATE INDEX ix_insp_inspection_pi ON insp_inspection (process_instance_id);
CREATE INDEX ix_insp_rectification_pi ON insp_rectification (process_instance_id);
CREATE INDEX ix_insp_commendation_pi ON insp_commendation (process_instance_id);
CREATE INDEX ix_insp_commendation_standard ON insp_commendation (standard_id);
