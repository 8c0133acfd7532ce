-- Settings the database itself must remember. timestamp_zone: the time zone whose wall-clock time
-- every TIMESTAMP column (Camunda's and ours) holds, recorded at the first start
-- (org.stdflow.platform.TimestampZoneGuard); a node configured with another zone refuses to start.
-- Portable: H2 2.x and PostgreSQL 12+.
CREATE TABLE app_setting (
  name          VARCHAR(64)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(255) NOT NULL,
  recorded_at   TIMESTAMP    NOT NULL
);
