package org.stdflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where an engine's database time goes in a measured window, statement by statement, from the
 * server's own accounting (pg_stat_statements, preloaded when {@code -Dbench.statements=true}): reset
 * as the window opens, read as it closes, written per engine and concurrency to
 * {@code target/bench/statements/<engine>-<users>u.md} with every figure per task completion, beside
 * the server's CPU split by kind of process. For tuning sessions; the statistics cost the server a
 * little, so a run with it is not a results run.
 */
final class StatementProfile {

  static final boolean ENABLED = Boolean.getBoolean("bench.statements");
  private static final int TOP = Integer.getInteger("bench.statementsTop", 40);

  private final JdbcClient server;
  private final Path dir;

  /** {@code admin}: any database of the server (the view reports every database's statements). */
  StatementProfile(DataSource admin, Path dir) {
    this.server = JdbcClient.create(admin);
    this.dir = dir;
    server.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
  }

  /** The window of one engine's run on {@code database}. */
  LoadRunner.Window window(String database) {
    return new LoadRunner.Window() {
      @Override
      public void opened() {
        server.sql("SELECT pg_stat_statements_reset()").query().singleRow();
      }

      @Override
      public Consumer<ThroughputResult> closing() {
        List<Row> rows = server.sql("""
                SELECT s.query, s.calls, s.total_exec_time, s.total_plan_time, s.rows,
                       s.shared_blks_hit + s.shared_blks_read AS blocks, s.wal_bytes, s.plans
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = :db ORDER BY s.total_exec_time + s.total_plan_time DESC""")
            .param("db", database)
            .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                rs.getLong(6), rs.getDouble(7), rs.getLong(8)))
            .list();
        return result -> write(result, rows);
      }
    };
  }

  private void write(ThroughputResult r, List<Row> rows) {
    double per = Math.max(1, r.completions());
    StringBuilder md = new StringBuilder();
    md.append("# Statements: ").append(r.engine()).append(", ").append(r.users()).append(" users\n\n");
    md.append(r).append("\n\n");
    md.append("Database CPU per completion by kind of server process (ms):");
    r.dbCpuMsByKind().forEach((kind, ms) -> md.append(String.format(Locale.ROOT, " %s %.2f;", kind, ms / per)));
    double calls = rows.stream().mapToLong(Row::calls).sum();
    double exec = rows.stream().mapToDouble(Row::execMs).sum();
    double plan = rows.stream().mapToDouble(Row::planMs).sum();
    double wal = rows.stream().mapToDouble(Row::walBytes).sum();
    md.append(String.format(Locale.ROOT, "%n%nAll statements, per completion: %.1f calls, %.2f ms executing, %.2f ms"
        + " planning, %.0f WAL bytes (%d distinct statements).%n%n", calls / per, exec / per, plan / per, wal / per,
        rows.size()));
    // "planned": the share of calls the server planned anew (a prepared statement on its cached plan is not)
    md.append("| # | calls per completion | exec ms per completion | plan ms per completion | planned | mean exec ms"
        + " | rows per call | blocks per call | WAL bytes per completion | statement |\n"
        + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    List<Row> top = rows.subList(0, Math.min(TOP, rows.size()));
    for (int i = 0; i < top.size(); i++) {
      Row s = top.get(i);
      md.append(String.format(Locale.ROOT, "| %d | %.2f | %.3f | %.3f | %.0f %% | %.3f | %.1f | %.1f | %.0f | `%s` |%n",
          i + 1, s.calls() / per, s.execMs() / per, s.planMs() / per, s.calls() == 0 ? 0 : 100.0 * s.plans() / s.calls(),
          s.calls() == 0 ? 0 : s.execMs() / s.calls(), s.calls() == 0 ? 0 : (double) s.rows() / s.calls(),
          s.calls() == 0 ? 0 : (double) s.blocks() / s.calls(), s.walBytes() / per, shorten(s.query())));
    }
    md.append("\n## Whole text of the first ").append(Math.min(10, top.size())).append("\n");
    for (int i = 0; i < Math.min(10, top.size()); i++) {
      md.append("\n").append(i + 1).append(".\n\n```sql\n").append(top.get(i).query().strip()).append("\n```\n");
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(r.engine() + "-" + r.users() + "u.md"), md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line, at most 300 characters, without the pipes a Markdown table would split on. */
  static String shorten(String query) {
    String q = query.replaceAll("\\s+", " ").replace('|', '¦').replace('`', '\'').strip();
    return q.length() <= 300 ? q : q.substring(0, 297) + "...";
  }

  /** The server settings that load the statistics (only when enabled). */
  static Map<String, String> serverConfig() {
    return Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_planning", "on",
        "pg_stat_statements.max", "10000");
  }

  private record Row(String query, long calls, double execMs, double planMs, long rows, long blocks, double walBytes,
      long plans) {
  }
}
