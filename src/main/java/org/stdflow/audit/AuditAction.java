package org.stdflow.audit;

/** What an audit entry records, with the Chinese label auditors read. */
public enum AuditAction {
  PROCESS_STARTED("启动流程"),
  PROCESS_ENDED("流程结束"),
  PROCESS_CANCELLED("流程被取消"),
  TASK_COMPLETED("完成任务"),
  TASK_CANCELLED("任务撤销"),
  TASK_CLAIMED("认领任务"),
  TASK_ASSIGNED("指派任务"),
  TASK_DELEGATED("委托任务"),
  DECISION("作出决定"),
  VARIABLE_CHANGED("变量变更"),
  ADMIN_OPERATION("管理操作"),
  DOCUMENT_UPLOADED("上传文件"),
  VERSION_PUBLISHED("发布版本"),
  COMMENT("提出意见"),
  NOTICE("发布公告"),
  TRAINING("培训记录"),
  REVIEW("复审记录"),
  MAIL_QUEUED("邮件通知"),
  SUPERVISION("监督记录");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** An action stored by a newer release still reads (as its raw name). */
  static String labelOf(String name) {
    try {
      return valueOf(name).label;
    } catch (IllegalArgumentException | NullPointerException e) {
      return name;
    }
  }
}
