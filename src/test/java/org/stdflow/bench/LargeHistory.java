package org.stdflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The large-history data set: real runs made through the app (templates, one per group that has
 * work waiting) cloned in SQL, every runtime and history row of each run with new ids, so the
 * clones are exactly what the engine writes (executions, tasks, candidate groups, the task
 * authorizations Camunda creates for candidates, task-local label variables, history, audit
 * entries). A clone's ids are derived from the template's ids and the clone's number, alike in every
 * column that refers to them.
 */
final class LargeHistory {

  /** A real run and how many clones of it to make. */
  record Template(String processInstanceId, String group, int clones) {
  }

  /** Columns that hold ids of the run's own rows (rewritten per clone); all others are copied. */
  private static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "parent_id_", "super_exec_", "act_inst_id_", "parent_act_inst_id_", "task_id_", "bytearray_id_",
      "var_inst_id_", "var_scope_", "resource_id_", "operation_id_", "parent_task_id_", "process_instance_id");

  private final JdbcClient jdbc;
  private final Map<String, Long> rows = new LinkedHashMap<>();

  LargeHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Clones each template: the runtime rows (open task, its candidates, authorizations, variables)
   * for every clone; history and audit entries for the first clones of each template until about
   * {@code historyRows} history rows exist (history is what grows without bound; a run's history
   * rows are the same whether it is open or not). Returns rows added per table.
   */
  Map<String, Long> load(List<Template> templates, long historyRows) {
    long perRun = 0;
    for (Template t : templates) {
      perRun += jdbc.sql(HISTORY_COUNT).param("pi", t.processInstanceId()).query(Long.class).single();
    }
    perRun = Math.max(1, perRun / templates.size());
    int withHistory = (int) Math.min(Integer.MAX_VALUE, historyRows / perRun / templates.size() + 1);
    int next = 1;
    for (Template t : templates) {
      int last = next + t.clones() - 1;
      cloneRuntime(t.processInstanceId(), next, last);
      cloneHistory(t.processInstanceId(), next, Math.min(last, next + withHistory - 1));
      next += t.clones();
    }
    jdbc.sql("ANALYZE").update();
    return rows;
  }

  private static final String HISTORY_COUNT = """
      SELECT (SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = :pi)
           + (SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = :pi)
           + (SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = :pi)
           + (SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = :pi)
           + (SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = :pi)
           + (SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ = :pi)""";

  private void cloneRuntime(String pi, int from, int to) {
    String tasks = "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = :pi";
    // parents before children: byte arrays, executions, tasks, then what refers to tasks
    copy("ACT_GE_BYTEARRAY", "ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = :pi"
        + " UNION SELECT BYTEARRAY_ID_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = :pi"
        + " UNION SELECT BYTEARRAY_ID_ FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = :pi)", pi, from, to);
    copy("ACT_RU_EXECUTION", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_RU_TASK", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_RU_IDENTITYLINK", "TASK_ID_ IN (" + tasks + ")", pi, from, to);
    copy("ACT_RU_VARIABLE", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ IN (" + tasks + ") OR RESOURCE_ID_ = :pi", pi, from, to);
    copy("aud_process_standard", "process_instance_id = :pi", pi, from, to);
  }

  private void cloneHistory(String pi, int from, int to) {
    String hiTasks = "SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = :pi";
    copy("ACT_HI_PROCINST", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_HI_ACTINST", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_HI_TASKINST", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_HI_VARINST", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_HI_DETAIL", "PROC_INST_ID_ = :pi", pi, from, to);
    copy("ACT_HI_IDENTITYLINK", "TASK_ID_ IN (" + hiTasks + ")", pi, from, to);
    copy("ACT_HI_OP_LOG", "PROC_INST_ID_ = :pi", pi, from, to);
    // audit entries of the clones: negative sequence numbers, so the live chain's next numbers stay free
    long min = jdbc.sql("SELECT COALESCE(MIN(seq), 0) FROM aud_entry").query(Long.class).single();
    List<String> columns = columns("aud_entry");
    List<String> exprs = new ArrayList<>();
    for (String c : columns) {
      exprs.add(switch (c) {
        case "seq" -> "LEAST(" + min + ", 0) - ROW_NUMBER() OVER (ORDER BY g, e.seq)";
        case "source_key" -> "CASE WHEN e.source_key IS NULL THEN NULL ELSE e.source_key || '~' || g END";
        case "process_instance_id" -> idExpr("e." + c);
        default -> "e." + c;
      });
    }
    add("aud_entry", jdbc.sql("INSERT INTO aud_entry (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", exprs) + " FROM aud_entry e CROSS JOIN generate_series(:from, :to) g"
        + " WHERE e.process_instance_id = :pi").param("pi", pi).param("from", from).param("to", to).update());
  }

  private void copy(String table, String where, String pi, int from, int to) {
    List<String> columns = columns(table);
    List<String> exprs = columns.stream().map(c -> ID_COLUMNS.contains(c) ? idExpr("t." + c)
        : SPREAD_TIMES.contains(table.toLowerCase() + "." + c) ? spread("t." + c) : "t." + c).toList();
    String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", exprs)
        + " FROM " + table + " t CROSS JOIN generate_series(:from, :to) g WHERE " + where;
    add(table, jdbc.sql(sql).param("pi", pi).param("from", from).param("to", to).update());
  }

  /**
   * Times that order a task list: a clone's task was created some minutes before its template's,
   * spread over a year and interleaved between the templates (as a bureau's open tasks accumulate),
   * not all at the template's one instant, which would make a list sorted by creation sort ties.
   */
  private static final Set<String> SPREAD_TIMES = Set.of("act_ru_task.create_time_", "act_hi_taskinst.start_time_");

  private static String spread(String column) {
    return column + " - MOD(g * 7919, 525600) * INTERVAL '1 minute'";
  }

  /**
   * The clone's id for a template id: a hash of the id and the clone number, the same wherever the
   * id appears (so references between the rows hold), 32 characters (fits every id column). Camunda's
   * time-based UUIDs of one run share their trailing parts, so no fixed slice of them is unique.
   */
  private static String idExpr(String column) {
    return "CASE WHEN " + column + " IS NULL OR LENGTH(" + column + ") < 8 THEN " + column + " ELSE MD5(" + column
        + " || ':' || CAST(g AS VARCHAR)) END";
  }

  private List<String> columns(String table) {
    return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        + " AND table_name = :t ORDER BY ordinal_position").param("t", table.toLowerCase()).query(String.class).list();
  }

  private void add(String table, long n) {
    rows.merge(table, n, Long::sum);
  }
}
