package org.stdflow.standard;

/** The kind of document a register entry is (std_standard.standard_type). */
public enum StandardType {
  /** 内部标准 (Q/ code assigned at publication). */
  INTERNAL("内部标准"),
  /** Adopted national standard (GB, GB/T): keeps its own code. */
  NATIONAL("国家标准"),
  /** Adopted local standard (DB): keeps its own code. */
  LOCAL("地方标准"),
  /** 规章制度: internal regulation, coded like internal standards. */
  REGULATION("规章制度");

  private final String label;

  StandardType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean adopted() {
    return this == NATIONAL || this == LOCAL;
  }
}
