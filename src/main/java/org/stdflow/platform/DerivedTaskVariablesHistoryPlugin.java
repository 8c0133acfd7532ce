package org.stdflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the task-local display copies out of the engine's history tables: the Tasklist labels
 * ({@code listTitle}, {@code listCode}, {@code listSection}, copies of process variables) and the
 * document link ({@code documentsUrl}, a function of the task id) that every user task gets.
 *
 * <p>They exist so Tasklist can show them while the task is open (section heads may read a task's
 * own variables, not the whole run's) and say nothing the history does not already hold: the process
 * variables they are copied from keep their full history, and the link is rebuilt from the task id.
 * Written to history they were a third of the variable history rows and up to eight inserts per task
 * (an instance row and a detail row each; the engine records no deletion of a task's local variables
 * when the task ends; docs/benchmarks.md, tuning log §6 and §14).
 *
 * <p>Only the database writer skips them: the engine's history level stays FULL (the level recorded
 * in the database does not change), every other handler — the audit trail's — still receives every
 * event, and a process variable with one of these names is written as always (only task-local ones
 * are skipped). {@code stdflow.history.skipped-task-copies} lists the names; empty restores Camunda's
 * own writer.
 */
@Component
class DerivedTaskVariablesHistoryPlugin extends AbstractProcessEnginePlugin {

  private final Set<String> skipped;
  private final AtomicLong skippedEvents = new AtomicLong();

  DerivedTaskVariablesHistoryPlugin(
      @Value("${stdflow.history.skipped-task-copies:listTitle,listCode,listSection,documentsUrl}") List<String> names) {
    this.skipped = Set.copyOf(names.stream().map(String::trim).filter(n -> !n.isEmpty()).toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (skipped.isEmpty() || !configuration.isEnableDefaultDbHistoryEventHandler()
        || configuration.getHistoryEventHandler() != null) {
      return;
    }
    // Camunda's composite puts its database writer first; ours takes that place
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Writer());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** The names skipped when task-local. */
  Set<String> skippedNames() {
    return skipped;
  }

  /** How many history events were not written since start (for tests and diagnosis). */
  long skippedEvents() {
    return skippedEvents.get();
  }

  /** Whether the event is about a task-local copy: every event of such a variable, so none is half-written. */
  boolean skips(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity v && v.getTaskId() != null
        && skipped.contains(v.getVariableName());
  }

  /** Camunda's database writer, minus the task-local copies. */
  class Writer extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (skips(event)) {
        skippedEvents.incrementAndGet();
        return;
      }
      super.handleEvent(event);
    }
  }
}
