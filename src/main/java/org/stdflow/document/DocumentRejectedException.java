package org.stdflow.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An upload that was refused (nothing was stored). The message is Chinese and meant for the user;
 * {@link #fieldErrors()} maps the request field ({@code file}, {@code kind}) to its message.
 */
public class DocumentRejectedException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public DocumentRejectedException(Map<String, String> fieldErrors) {
    super(String.join("；", fieldErrors.values()));
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors)); // keeps field order
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
