package org.stdflow.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects the audit records of one transaction and chains them just before it commits (Spring's
 * beforeCommit): the chain head is locked only for the few milliseconds of the append, never while
 * the step itself runs, and the entries exist exactly when the step committed. A failure to append
 * rolls the step back: no step without its audit entry.
 */
@Component
class AuditRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

  /** What one transaction has seen so far. */
  static final class Pending {
    final List<AuditRecord> records = new ArrayList<>();
    final Map<String, List<AuditRecord>> operations = new LinkedHashMap<>();
    final Map<String, Long> standardOfProcess = new HashMap<>();
    final Map<String, String> keyOfProcess = new HashMap<>();
    final Map<String, String> processOfTask = new HashMap<>();
    final Set<String> processes = new LinkedHashSet<>();
    /** Latest value of each variable per run, for the reason belonging to a decision. */
    final Map<String, Map<String, String>> variables = new HashMap<>();
  }

  private final JdbcClient jdbc;
  private final AuditChain chain;
  private final AppRecords appRecords;
  private final Directory directory;
  private final Clock clock;
  private final TransactionTemplate transactions;

  AuditRecorder(JdbcClient jdbc, AuditChain chain, AppRecords appRecords, Directory directory, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.appRecords = appRecords;
    this.directory = directory;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The buffer of the current transaction (registered on first use). */
  Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
    if (p == null) {
      Pending created = new Pending();
      TransactionSynchronizationManager.bindResource(this, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          AuditRecorder.this.flush(created);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(AuditRecorder.this);
        }
      });
      p = created;
    }
    return p;
  }

  /** Runs {@code work} on the transaction's buffer, or — outside a Spring transaction — on its own buffer chained at once. */
  void with(java.util.function.Consumer<Pending> work) {
    Pending p = pending();
    if (p != null) {
      work.accept(p);
      return;
    }
    LOG.warn("audit record outside a Spring transaction: chained in a transaction of its own");
    Pending own = new Pending();
    work.accept(own);
    transactions.executeWithoutResult(s -> flush(own));
  }

  void flush(Pending p) {
    if (p.records.isEmpty() && p.operations.isEmpty() && p.processes.isEmpty()) {
      return;
    }
    // which standard each run concerns: from this transaction, else as recorded earlier
    for (Map.Entry<String, Long> m : p.standardOfProcess.entrySet()) {
      // one statement: recorded unless known (the run's first step records it, later steps find it)
      jdbc.sql("""
              INSERT INTO aud_process_standard (process_instance_id, standard_id, process_key, recorded_at)
              SELECT :pi, :s, :k, :t FROM aud_chain_head h WHERE h.id = 1 AND NOT EXISTS
                (SELECT 1 FROM aud_process_standard m WHERE m.process_instance_id = :pi)""").param("pi", m.getKey())
          .param("s", m.getValue()).param("k", p.keyOfProcess.get(m.getKey()))
          .param("t", AuditChain.utc(clock.instant())).update();
    }
    Map<String, Long> standards = new HashMap<>(p.standardOfProcess);
    List<String> unknown = p.processes.stream().filter(pi -> !standards.containsKey(pi)).toList();
    if (!unknown.isEmpty()) {
      jdbc.sql("SELECT process_instance_id, standard_id FROM aud_process_standard WHERE process_instance_id IN (:pis)")
          .param("pis", unknown).query((rs, n) -> standards.put(rs.getString(1), rs.getLong(2))).list();
    }
    Function<String, String> sectionOf = directory.sectionCache();
    // the task completed in this transaction, per run: the step of the decisions submitted with it
    Map<String, AuditRecord> completed = new HashMap<>();
    Map<String, java.time.Instant> firstSeen = new HashMap<>();
    for (AuditRecord r : p.records) {
      if (r.action() == AuditAction.TASK_COMPLETED && r.processInstanceId() != null) {
        completed.putIfAbsent(r.processInstanceId(), r);
      }
      if (r.processInstanceId() != null) {
        firstSeen.merge(r.processInstanceId(), r.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    // a run started in this transaction: its start is the step of its start variables, and it
    // starts no later than they were set (the engine stamps the start a few milliseconds after them)
    for (int i = 0; i < p.records.size(); i++) {
      AuditRecord r = p.records.get(i);
      if (r.action() == AuditAction.PROCESS_STARTED && r.processInstanceId() != null) {
        AuditRecord start = new AuditRecord(firstSeen.get(r.processInstanceId()), r.standardId(),
            r.processInstanceId(), r.processKey(), r.activityId(), r.stepName(), r.taskId(), r.actor(),
            r.actorSection(), r.action(), r.subject(), r.value(), r.reason(), r.sha256(), r.sourceKey());
        p.records.set(i, start);
        completed.putIfAbsent(r.processInstanceId(), start);
      }
    }
    List<AuditRecord> out = new ArrayList<>();
    // a run's start comes first, although the engine reports its start variables before it
    List<AuditRecord> ordered = new ArrayList<>(p.records);
    ordered.sort(java.util.Comparator.comparing(r -> r.action() == AuditAction.PROCESS_STARTED ? 0 : 1));
    for (AuditRecord r : ordered) {
      out.add(complete(r, p, standards, completed, sectionOf));
    }
    for (List<AuditRecord> op : p.operations.values()) {
      AuditRecord first = op.get(0);
      StringBuilder changes = new StringBuilder();
      for (AuditRecord part : op) {
        if (part.value() != null) {
          changes.append(changes.isEmpty() ? "" : "；").append(part.value());
        }
      }
      out.add(complete(first.withDetail(first.subject(), changes.isEmpty() ? null : changes.toString(), first.reason()),
          p, standards, completed, sectionOf));
    }
    Set<Long> standardIds = new LinkedHashSet<>(standards.values());
    out.forEach(r -> {
      if (r.standardId() != null) {
        standardIds.add(r.standardId());
      }
    });
    // the app records are looked up before the lock; only the check against the chain runs under it
    List<AuditRecord> candidates = appRecords.candidates(jdbc, p.processes, standardIds, p.processOfTask,
        clock.instant().minus(AuditSweep.WINDOW));
    chain.append(out, j -> appRecords.fresh(j, candidates, p.processOfTask, standards, sectionOf));
  }

  private AuditRecord complete(AuditRecord r, Pending p, Map<String, Long> standards,
      Map<String, AuditRecord> completed, Function<String, String> sectionOf) {
    AuditRecord out = r;
    if (out.standardId() == null && out.processInstanceId() != null) {
      out = out.withStandard(standards.get(out.processInstanceId()));
    }
    if (out.processKey() == null && out.processInstanceId() != null) {
      out = out.withProcess(out.processInstanceId(), p.keyOfProcess.get(out.processInstanceId()));
    }
    AuditRecord task = out.processInstanceId() == null ? null : completed.get(out.processInstanceId());
    if (out.stepName() == null && task != null
        && (out.action() == AuditAction.DECISION || out.action() == AuditAction.VARIABLE_CHANGED)) {
      out = out.withStep(task.activityId(), task.stepName(), task.taskId());
      if (out.actor() == null) {
        out = out.withActor(task.actor(), null);
      }
    }
    if (out.action() == AuditAction.DECISION && out.reason() == null && out.processInstanceId() != null) {
      out = out.withDetail(out.subject(), out.value(), reasonOf(out.subject(),
          p.variables.getOrDefault(out.processInstanceId(), Map.of())));
    }
    return out.withActor(out.actor(), out.actorSection() != null ? out.actorSection() : sectionOf.apply(out.actor()));
  }

  /** formalCheckDecision → formalCheckReason; projectDecision → projectDecisionReason; reviewOutcome → reviewRemarks. */
  static String reasonOf(String decision, Map<String, String> variables) {
    if (decision == null) {
      return null;
    }
    String base = decision.replaceFirst("(Decision|Outcome)$", "");
    for (String candidate : List.of(decision + "Reason", base + "Reason", base + "Remarks", decision + "Remarks")) {
      String v = variables.get(candidate);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
