package org.stdflow;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;

/** The app's whole schema on a bare database without the app: Camunda's tables, then our migrations. */
public final class StandaloneSchema {

  private StandaloneSchema() {
  }

  public static void create(DataSource ds, String engineName) {
    ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(ds).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
        .setProcessEngineName(engineName).buildProcessEngine().close();
    migrate(ds);
  }

  /** Our migrations, as the app runs them at start (Flyway), with the app's callbacks. */
  public static void migrate(DataSource ds, Callback... callbacks) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
        .baselineVersion("0").callbacks(callbacks).load().migrate();
  }
}
