package org.stdflow.platform.forms;

import java.util.List;

/**
 * Options of a Camunda Form's select, radio or checklist that come from the app's records (the
 * register's tree, the organisation's sections) rather than from the deployed form file. A start form
 * gets no process variables in Tasklist, so a {@code valuesKey} cannot feed it; and options written
 * into a deployed file go stale as soon as an office adds a node. {@link DeployedFormOptionsFilter}
 * asks every bean of this type when it serves a deployed form.
 */
public interface FormFieldOptions {

  /**
   * @param formId the form's {@code id} (e.g. {@code Form_ProposeStandard})
   * @param fieldKey the field's {@code key}
   * @return the field's options now, or {@code null} to keep the deployed ones
   */
  List<Option> options(String formId, String fieldKey);

  /** One option as Camunda Forms stores it. */
  record Option(String value, String label) {
  }
}
