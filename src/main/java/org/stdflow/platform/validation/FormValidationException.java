package org.stdflow.platform.validation;

import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Form input that breaks a rule. Extends Camunda's {@link FormFieldValidationException}, the one
 * exception Camunda's REST API turns into a 400 on task completion and process start (Tasklist then
 * shows the message); the engine rolls the command back, so the process does not move and nothing
 * is half-written.
 */
public class FormValidationException extends FormFieldValidationException {

  private final transient Map<String, String> fieldErrors;

  public FormValidationException(Map<String, String> fieldErrors) {
    super(fieldErrors.keySet().iterator().next(), message(fieldErrors));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  /** Field key → Chinese message. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  private static String message(Map<String, String> errors) {
    // the Chinese messages name the fields by their labels; the keys stay in fieldErrors() for clients
    return "表单填写有误：" + String.join("；", errors.values()) + "。";
  }
}
