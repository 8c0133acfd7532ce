package org.stdflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database's own limit: N clients, each on its own connection, committing one single-row
 * insert per transaction as fast as they can (what pgbench's simplest script does), durability on.
 */
final class CommitRate {

  private CommitRate() {
  }

  static double commitsPerSecond(String jdbcUrl, int clients, Duration warmUp, Duration measured) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS commit_probe (id BIGSERIAL PRIMARY KEY, client INT NOT NULL,"
          + " at TIMESTAMP NOT NULL DEFAULT now(), note VARCHAR(100))");
    }
    long from = System.nanoTime() + warmUp.toNanos();
    long to = from + measured.toNanos();
    AtomicLong counted = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      int client = i;
      new Thread(() -> {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO commit_probe (client, note) VALUES (?, ?)")) {
          c.setAutoCommit(true);
          long n = 0;
          while (true) {
            insert.setInt(1, client);
            insert.setString(2, "提交探测 " + n++);
            insert.executeUpdate();
            long now = System.nanoTime();
            if (now > to) {
              break;
            }
            if (now >= from) {
              counted.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }, "commit-probe-" + i).start();
    }
    done.await();
    if (failure.get() != null) {
      throw new IllegalStateException("commit probe failed", failure.get());
    }
    return counted.get() / (measured.toNanos() / 1e9);
  }
}
