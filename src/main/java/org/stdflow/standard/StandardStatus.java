package org.stdflow.standard;

/** Where a standard stands in its life cycle (std_standard.status). */
public enum StandardStatus {
  PROPOSED("已立项申请"),
  DRAFTING("起草中"),
  IN_COMMENT("征求意见中"),
  IN_REVIEW("评审中"),
  AWAITING_APPROVAL("待批准发布"),
  IN_FORCE("现行有效"),
  SUPERSEDED("已被替代"),
  REPEALED("已废止"),
  REJECTED("未立项");

  private final String label;

  StandardStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
