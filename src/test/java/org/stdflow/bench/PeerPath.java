package org.stdflow.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The happy path as the two peer engine drivers ({@link BareCamundaLifecycle}, {@link FlowableLifecycle})
 * walk it: who works each task, how many tasks of each key one life cycle has, unique titles, and the
 * walk itself — each driver only says how its engine starts, lists, claims and completes.
 */
final class PeerPath {

  /**
   * What a peer engine does for the walk: authenticate a user (null: nobody), start a life cycle,
   * list the open tasks of a key, claim, complete with values, count the timer jobs waiting at
   * {@link #IN_FORCE_TIMER} (one once the standard is in force).
   */
  record Engine(Consumer<String> authenticate, Function<Map<String, Object>, String> start,
      BiFunction<String, String, List<OpenTask>> open, BiConsumer<String, String> claim,
      BiConsumer<String, Map<String, Object>> complete, ToLongFunction<String> inForceTimers) {

    /** The call as the user, as the REST API makes it for a logged-in user (who also goes on the operation log). */
    <T> T as(String user, Supplier<T> call) {
      authenticate.accept(user);
      try {
        return call.get();
      } finally {
        authenticate.accept(null);
      }
    }
  }

  record OpenTask(String id, String assignee) {
  }

  static final String MODEL_FILE = "processes/standard/standard-lifecycle.bpmn";
  static final String DECISION_FILE = "processes/standard/review-interval.dmn";
  /** Where an instance waits once the standard is in force: the review timer after the event-based gateway. */
  static final String IN_FORCE_TIMER = "TimerEvent_PeriodicReviewDue";
  static final String ACKNOWLEDGE = "Task_AcknowledgeStandard";

  private final String engine;
  private final AtomicLong counter = new AtomicLong();

  PeerPath(String engine) {
    this.engine = engine;
  }

  /** One life cycle: the proposal, then every task in the happy path's order, each timed as one completion. */
  void walk(Engine engine, int user, LoadRunner.Timings timings) throws Exception {
    Map<String, Object> start = LifecycleShape.proposal(title(user));
    start.putAll(LifecycleShape.computedByDelegates());
    String instanceId = engine.as(LifecycleShape.PROPOSER, () -> engine.start().apply(start));
    for (String key : LifecycleShape.TASK_ORDER) {
      List<OpenTask> open = engine.open().apply(instanceId, key);
      check(open.size() == expectedTasks(key), this.engine, instanceId,
          "expected " + expectedTasks(key) + " open " + key + ", found " + open.size());
      for (OpenTask task : open) {
        boolean unassigned = task.assignee() == null;
        String worker = unassigned ? worker(key) : task.assignee();
        timings.completion(() -> engine.as(worker, () -> {
          if (unassigned) {
            engine.claim().accept(task.id(), worker);
          }
          engine.complete().accept(task.id(), LifecycleShape.formValues(key));
          return null;
        }));
      }
    }
    long timers = engine.inForceTimers().applyAsLong(instanceId);
    check(timers == 1, this.engine, instanceId, "not waiting in force: " + timers + " timer jobs for " + IN_FORCE_TIMER);
  }

  /** A title no other life cycle of this driver has. */
  String title(int user) {
    return "Bench " + engine + " u" + user + "-" + counter.incrementAndGet();
  }

  /** The user who claims an unassigned task of this key (assigned tasks are worked by their assignee). */
  static String worker(String taskKey) {
    return switch (taskKey) {
      case "Task_FormalCheck", "Task_HoldReviewMeeting" -> LifecycleShape.OFFICE_USER;
      case "Task_ApproveProject", "Task_ApprovePublication" -> LifecycleShape.LEADER;
      case "Task_DraftStandard", "Task_ResolveComments", "Task_RecordTraining" -> LifecycleShape.PROPOSER;
      case "Task_CommentOnDraft" -> LifecycleShape.CONSULTED_USER;
      default -> throw new IllegalStateException("no worker for unassigned task " + taskKey);
    };
  }

  /** Open tasks of this key one life cycle must have when the driver gets to it. */
  static int expectedTasks(String taskKey) {
    return switch (taskKey) {
      case ACKNOWLEDGE -> LifecycleShape.ACKNOWLEDGERS.size();
      case "Task_CommentOnDraft" -> ((List<?>) LifecycleShape.computedByDelegates().get("consultedSectionList")).size();
      default -> 1;
    };
  }

  static void check(boolean ok, String engine, String instanceId, String message) {
    if (!ok) {
      throw new IllegalStateException(engine + ", instance " + instanceId + ": " + message);
    }
  }
}
