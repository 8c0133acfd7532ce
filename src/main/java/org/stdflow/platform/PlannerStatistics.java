package org.stdflow.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Extended planner statistics on Camunda's authorization table (PostgreSQL 14 and later). Camunda's
 * task query with authorization checks joins the user's authorizations with {@code RESOURCE_ID_ IN
 * (task id, process definition key, '*')} after filtering them on {@code PERMS_ & n = n}; PostgreSQL
 * estimates that filter at a fixed 0.5 % and then pairs every task of a group with every one of the
 * group's per-task authorizations. With statistics on those expressions it estimates right and looks
 * each task's authorization up by index instead: the benchmark's section head with 12,000 open tasks
 * went from 21 s to about half a second through the app (docs/benchmarks.md, tuning log §2, also for
 * a run in which they did not act). Created once (any node, any start), kept by autovacuum's
 * ANALYZE; never fatal: without them the query is only slower.
 */
@Component
class PlannerStatistics {

  static final String NAME = "stdflow_auth_planner";
  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

  private final DataSource dataSource;

  PlannerStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void ensure() {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
        return;
      }
      if (meta.getDatabaseMajorVersion() < 14) {
        LOG.warn("PostgreSQL {} has no statistics on expressions (14+): task lists of groups with thousands of"
            + " open tasks will be slow", meta.getDatabaseProductVersion());
        return;
      }
      JdbcClient jdbc = JdbcClient.create(dataSource);
      if (jdbc.sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = :n").param("n", NAME).query(Long.class)
          .single() > 0) {
        return;
      }
      jdbc.sql("CREATE STATISTICS IF NOT EXISTS " + NAME + " (mcv, dependencies) ON (PERMS_ & 2), (PERMS_ & 64),"
          + " RESOURCE_TYPE_, TYPE_, GROUP_ID_ FROM ACT_RU_AUTHORIZATION").update();
      jdbc.sql("ANALYZE ACT_RU_AUTHORIZATION").update();
      LOG.info("Planner statistics {} created on ACT_RU_AUTHORIZATION", NAME);
    } catch (SQLException | RuntimeException e) {
      // e.g. two nodes creating them at the same instant: the other node's statistics serve as well
      LOG.warn("Planner statistics on ACT_RU_AUTHORIZATION not created: {}", e.getMessage());
    }
  }
}
