package org.stdflow.platform.security;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL check a task list's authorizations with one hash lookup per row instead of up
 * to twelve index probes (docs/benchmarks.md, tuning log §11).
 *
 * <p>With revokes checked, Camunda 7 checks each row of a task query with conditions of the shape
 * {@code RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE <who, what> AND
 * A.RESOURCE_ID_ = RES.ID_)} — grants and revokes, for the user, the user's groups and everyone,
 * on the task ({@code RES.ID_}) and on its process definition ({@code D.KEY_}). The last condition
 * repeats what {@code IN} already demands: a value is in the set of matching resource ids exactly
 * when a matching authorization has that value as its resource id. Because of it the sub-query
 * depends on the row, so PostgreSQL runs it once per row of the section's tasks. Without it the
 * sub-query is the same for every row: PostgreSQL reads it once and hashes it ("hashed SubPlan").
 * The answers are the same by construction (also for a {@code NULL} process definition key: the
 * condition stays not true either way, and it only ever appears as a {@code CASE WHEN}).
 *
 * <p>Applied to the two statements behind Tasklist's lists (a task query and its count) on
 * PostgreSQL, where it was measured, unless the query asks for a task by id or for the tasks of one
 * run (there the index probe per row is cheaper than reading the whole set); other databases get
 * Camunda's statements unchanged.
 * {@code stdflow.authorization.hashed-task-checks: false} switches it off.
 */
@Component
class HashedTaskChecksPlugin extends AbstractProcessEnginePlugin {

  /** The statements rewritten: Camunda's task query and its count. */
  static final Set<String> STATEMENTS = Set.of(
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

  /**
   * {@code <column> IN (SELECT A.RESOURCE_ID_ FROM [prefix]ACT_RU_AUTHORIZATION A WHERE <conditions>
   * AND A.RESOURCE_ID_ = <the same column>)}; the conditions may hold one level of parentheses (the
   * groups' {@code IN (?, ?)}) and nothing else, so a match never leaves its sub-query.
   */
  private static final Pattern CORRELATED_CHECK = Pattern.compile(
      "(?<column>\\b[A-Z][A-Z0-9_]*\\.[A-Z][A-Z0-9_]*)"
          + "(?<head>\\s+IN\\s*\\(\\s*SELECT\\s+A\\.RESOURCE_ID_\\s+FROM\\s+[A-Z0-9_.]*ACT_RU_AUTHORIZATION\\s+A\\s+WHERE\\s+)"
          + "(?<conditions>(?:[^()]|\\([^()]*\\))+?)"
          + "\\s+AND\\s+A\\.RESOURCE_ID_\\s*=\\s*\\k<column>\\s*\\)",
      Pattern.CASE_INSENSITIVE);

  private final boolean enabled;
  private final AtomicLong rewritten = new AtomicLong();

  HashedTaskChecksPlugin(@Value("${stdflow.authorization.hashed-task-checks:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the SQL session factory exists from init on; MyBatis asks its interceptors at every statement
    if (enabled && DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
      mybatis.addInterceptor(new Rewriter(mybatis));
    }
  }

  /** How many statements were rewritten since start (for tests and diagnosis). */
  long rewrittenStatements() {
    return rewritten.get();
  }

  /**
   * The statement without the repeated correlation; {@code sql} itself when it holds none. Only
   * text without parameter markers is removed, so the statement's parameters stay as they are.
   */
  static String uncorrelated(String sql) {
    Matcher m = CORRELATED_CHECK.matcher(sql);
    StringBuilder out = new StringBuilder(sql.length());
    boolean changed = false;
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group("column") + m.group("head") + m.group("conditions") + ")"));
      changed = true;
    }
    if (!changed) {
      return sql;
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Whether the query asks for a task, a run's or an execution's tasks: a few rows, for which probing
   * the indexes per row is cheaper than reading a whole set (a group's authorizations for every task
   * it is a candidate of) once. Tasklist opening one task asks by id.
   */
  static boolean pinned(Object parameter) {
    if (!(parameter instanceof TaskQueryImpl query)) {
      return false;
    }
    return query.getTaskId() != null || (query.getTaskIdIn() != null && query.getTaskIdIn().length > 0)
        || query.getProcessInstanceId() != null
        || (query.getProcessInstanceIdIn() != null && query.getProcessInstanceIdIn().length > 0)
        || query.getExecutionId() != null || query.getCaseInstanceId() != null;
  }

  /**
   * Sees every statement the engine prepares, so the common case costs one field read: only a task
   * query (its parameter) is looked at further. MyBatis' reflection goes through the configuration's
   * meta objects, whose class metadata is cached ({@code SystemMetaObject} builds it anew per call,
   * which cost every statement of the engine ~10 % of a completion's CPU; benchmarks §17).
   */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  class Rewriter implements Interceptor {

    private final Configuration mybatis;

    Rewriter(Configuration mybatis) {
      this.mybatis = mybatis;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (invocation.getTarget() instanceof StatementHandler handler) {
        BoundSql bound = handler.getBoundSql();
        if (bound.getParameterObject() instanceof TaskQueryImpl query && !pinned(query)
            && STATEMENTS.contains(statementId(handler))) {
          String rewrittenSql = uncorrelated(bound.getSql());
          if (!rewrittenSql.equals(bound.getSql())) {
            mybatis.newMetaObject(bound).setValue("sql", rewrittenSql);
            rewritten.incrementAndGet();
          }
        }
      }
      return invocation.proceed();
    }

    /**
     * MyBatis hands plugins its RoutingStatementHandler; the statement lives in its delegate. Any other
     * handler (another plugin's proxy) answers no id, and its statement runs as Camunda wrote it.
     */
    private String statementId(StatementHandler handler) {
      Object target = handler instanceof RoutingStatementHandler
          ? mybatis.newMetaObject(handler).getValue("delegate") : handler;
      if (!(target instanceof BaseStatementHandler)) {
        return "";
      }
      Object statement = mybatis.newMetaObject(target).getValue("mappedStatement");
      return statement instanceof MappedStatement m ? m.getId() : "";
    }
  }
}
