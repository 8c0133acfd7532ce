package org.stdflow.organisation;

import java.util.Locale;

/** What a group does in the processes; decides its default permissions. */
public enum GroupType {
  /** 标准化领导小组: approves, receives escalations. */
  LEADERSHIP,
  /** 标准化办公室: formal checks, meetings, codes, evaluation. */
  OFFICE,
  /** 业务组 / 技术组: drafting support, technical review. */
  SUPPORT,
  /** 科室: propose, draft, comment, rectify, report. */
  SECTION,
  /** 监督检查人员. */
  INSPECTION,
  /** 审计/监督: read-only over everything. */
  AUDIT,
  /** Camunda administrators. */
  ADMIN;

  static GroupType parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The value stored as the Camunda group's type. */
  public String camundaType() {
    return this == ADMIN ? "SYSTEM" : "WORKFLOW";
  }
}
