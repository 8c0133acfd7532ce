package org.stdflow.document;

/** What a stored document is, with the Chinese label shown in pages and forms. */
public enum DocumentKind {
  STANDARD_TEXT("标准文本"),
  DRAFTING_NOTES("编制说明"),
  COMMENT_TABLE("征求意见汇总处理表"),
  MEETING_MINUTES("评审会议纪要"),
  INTERPRETATION("标准解释"),
  EVIDENCE("证明材料"),
  /** Slides, handouts and videos of the 宣传培训, for every section that must read the standard. */
  TRAINING_MATERIAL("宣传培训材料"),
  OTHER("其他");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
