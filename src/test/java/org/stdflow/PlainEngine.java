package org.stdflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/** A bare engine for tests of plain classes (no Spring): H2 at the given JDBC URL. */
public final class PlainEngine {

  private PlainEngine() {
  }

  public static ProcessEngine start(String name, String jdbcUrl) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName(name);
    config.setJdbcUrl(jdbcUrl);
    config.setJdbcUsername("sa");
    config.setJdbcPassword("");
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setGroupResourceWhitelistPattern("[a-zA-Z0-9-]+");
    config.setUserResourceWhitelistPattern("[a-zA-Z0-9._-]+|camunda-admin");
    return config.buildProcessEngine();
  }
}
