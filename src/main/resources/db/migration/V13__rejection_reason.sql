-- Why a proposal was not taken up (形式审查 不予立项 or 立项批准 不予批准), shown with the register entry.
ALTER TABLE std_standard ADD COLUMN rejection_reason VARCHAR(2000);
