package org.stdflow.audit;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;

/** The app's whole schema on a bare database without the app: Camunda's tables, then our migrations. */
final class StandaloneSchema {

  private StandaloneSchema() {
  }

  static void create(DataSource ds, String engineName) {
    ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(ds).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
        .setProcessEngineName(engineName).buildProcessEngine().close();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
        .baselineVersion("0").load().migrate();
  }
}
