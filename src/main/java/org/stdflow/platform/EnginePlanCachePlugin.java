package org.stdflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Has PostgreSQL plan the engine's prepared statements once per connection and reuse the plan, for
 * the transactions the engine's commands run in.
 *
 * <p>PostgreSQL's default ({@code plan_cache_mode = auto}) plans a prepared statement anew for its
 * parameters at every call whenever its statistics make the generic plan look dearer than the
 * parameter-specific ones. In the benchmark, on a young database, that was every call of Camunda's
 * reads of an execution's or a task's variables: 0.4–0.6 ms of planning for 0.05–0.15 ms of execution,
 * more than 2 ms of server time per task completion; later, with more rows, PostgreSQL chose the
 * generic plan by itself (docs/benchmarks.md, tuning log §20). The engine's statements look rows up by
 * id, where one plan suits every value: this makes the planning once a certainty instead of a matter
 * of the statistics of the day. The app's own reports are different (an auditor's trail of the busiest
 * standard took ten times longer on a generic plan), so the mode is set with {@code SET LOCAL}: once
 * per transaction, at its first engine command, and gone when the transaction ends.
 *
 * <p>{@code stdflow.db.engine-plan-cache-mode} ({@code STDFLOW_DB_ENGINE_PLAN_CACHE_MODE}):
 * {@code force_generic_plan} (default), {@code force_custom_plan}, or {@code auto} to leave the
 * connection as PostgreSQL has it. Other databases are left alone.
 */
@Component
class EnginePlanCachePlugin extends AbstractProcessEnginePlugin {

  static final Set<String> MODES = Set.of("auto", "force_generic_plan", "force_custom_plan");

  private final String mode;

  EnginePlanCachePlugin(@Value("${stdflow.db.engine-plan-cache-mode:force_generic_plan}") String mode) {
    String m = mode == null ? "" : mode.strip();
    if (!MODES.contains(m)) {
      throw new IllegalArgumentException("stdflow.db.engine-plan-cache-mode must be one of " + MODES + ", not '"
          + mode + "'");
    }
    this.mode = m;
  }

  String mode() {
    return mode;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if ("auto".equals(mode)) {
      return;
    }
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new SetPlanCacheMode());
    return list;
  }

  /** Inside the command context and the Spring transaction (a post interceptor): once per transaction. */
  private final class SetPlanCacheMode extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (TransactionSynchronizationManager.isSynchronizationActive()
          && TransactionSynchronizationManager.isActualTransactionActive()
          && !TransactionSynchronizationManager.hasResource(this)
          && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (Statement s = connection.createStatement()) {
          s.execute("SET LOCAL plan_cache_mode = " + mode); // one of MODES, checked at start
        } catch (SQLException e) {
          throw new ProcessEngineException("could not set plan_cache_mode for the engine's transaction", e);
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          // a transaction started inside this one (REQUIRES_NEW) has its own connection: it sets its own
          @Override
          public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(SetPlanCacheMode.this);
          }

          @Override
          public void resume() {
            TransactionSynchronizationManager.bindResource(SetPlanCacheMode.this, Boolean.TRUE);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SetPlanCacheMode.this);
          }
        });
      }
      return next.execute(command);
    }
  }
}
