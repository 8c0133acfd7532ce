package org.stdflow.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the two peer engine drivers ({@link BareCamundaLifecycle}, {@link FlowableLifecycle}) share:
 * who works each task of the happy path, how many tasks of each key one life cycle has, and unique
 * titles.
 */
final class PeerPath {

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
