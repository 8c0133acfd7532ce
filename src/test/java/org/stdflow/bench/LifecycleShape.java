package org.stdflow.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The happy path every engine in the benchmark runs, with the values users enter: proposal (start)
 * → 形式审查 accept → 立项批准 approve → 起草 → one consulted section comments → 处理意见 → 评审会 pass
 * → 批准发布 approve → 宣传培训 → the seven section heads acknowledge → in force (waiting on the review
 * timer and the out-of-cycle message). 15 task completions per life cycle.
 */
public final class LifecycleShape {

  public static final String KEY = "standard-lifecycle";
  public static final String PROPOSER = "liuyang";
  public static final String SECTION = "sec-canteen";
  public static final String CONSULTED_SECTION = "sec-general";
  public static final String CONSULTED_USER = "chenjing";
  public static final String OFFICE_USER = "zhaomin";
  public static final String LEADER = "wangjianguo";
  /** Every section head (the real organisation's seven sections). */
  public static final List<String> ACKNOWLEDGERS = List.of("chenjing", "fengwei", "hejun", "huanglei", "liuyang",
      "wutao", "zhengfang");
  public static final int COMPLETIONS_PER_LIFECYCLE = 8 + ACKNOWLEDGERS.size();

  /** User task ids in the order they are completed (the acknowledgement task once per acknowledger). */
  public static final List<String> TASK_ORDER = List.of("Task_FormalCheck", "Task_ApproveProject", "Task_DraftStandard",
      "Task_CommentOnDraft", "Task_ResolveComments", "Task_HoldReviewMeeting", "Task_ApprovePublication",
      "Task_RecordTraining", "Task_AcknowledgeStandard");

  private LifecycleShape() {
  }

  public static Map<String, Object> proposal(String title) {
    Map<String, Object> v = new HashMap<>();
    v.put("title", title);
    v.put("node", "205");
    v.put("kind", "new");
    v.put("standardType", "INTERNAL");
    v.put("responsibleSection", SECTION);
    v.put("rationale", "规范食堂餐饮服务流程，明确各岗位职责，提升服务质量。");
    v.put("scope", "适用于机关食堂餐饮服务的全过程管理。");
    v.put("plannedCompletionDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString());
    return v;
  }

  /**
   * What the bare engines need at the start because their no-op delegates do not compute it (the
   * stdflow delegates set the same variables from the register and the organisation).
   */
  public static Map<String, Object> computedByDelegates() {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
    Map<String, Object> v = new HashMap<>();
    v.put("proposer", PROPOSER);
    v.put("consultedSectionList", new java.util.ArrayList<>(List.of(CONSULTED_SECTION)));
    v.put("commentDueDate", Date.from(now.plusDays(30).toInstant()));
    v.put("acknowledgers", new java.util.ArrayList<>(ACKNOWLEDGERS));
    v.put("acknowledgementDueDate", Date.from(now.plusDays(14).toInstant()));
    v.put("nextReviewDate", Date.from(now.plusYears(3).toInstant()));
    return v;
  }

  /** Form values of each user task as plain values (lists as JSON text, as Tasklist submits them). */
  public static Map<String, Object> formValues(String taskKey) {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case "Task_FormalCheck" -> v.put("formalCheckDecision", "accept");
      case "Task_ApproveProject" -> v.put("projectDecision", "approve");
      case "Task_DraftStandard" -> {
        v.put("gbt11Elements", "[\"scope\",\"normativeReferences\",\"termsAndDefinitions\",\"requirements\"]");
        v.put("consultedSections", "[\"" + CONSULTED_SECTION + "\"]");
      }
      case "Task_CommentOnDraft" -> {
        v.put("noComment", false);
        v.put("commentText", "建议增加夜间值守要求");
      }
      case "Task_ResolveComments" -> v.put("commentRows", "[{\"commentId\":\"1\",\"decision\":\"accept\"}]");
      case "Task_HoldReviewMeeting" -> {
        v.put("meetingDate", today);
        v.put("participants", "领导小组成员、业务组、技术组、食堂餐饮企业代表");
        v.put("participantCount", 5L);
        v.put("votesFor", 5L);
        v.put("votesAgainst", 0L);
        v.put("votesAbstain", 0L);
        v.put("reviewOutcome", "pass");
      }
      case "Task_ApprovePublication" -> {
        v.put("publicationDecision", "approve");
        v.put("effectiveDate", today);
      }
      case "Task_RecordTraining" -> {
        v.put("trainingDate", today);
        v.put("trainingAttendees", "本科室全体");
      }
      case "Task_AcknowledgeStandard" -> v.put("acknowledged", true);
      default -> throw new IllegalArgumentException("not on the happy path: " + taskKey);
    }
    return v;
  }
}
