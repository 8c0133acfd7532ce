package org.stdflow.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables a Camunda Form submits: the first segment of every field's {@code key} and of every
 * group's or dynamic list's {@code path} (a list's rows are one variable). A field marked
 * {@code readonly} or {@code disabled} at the top level only shows a value.
 *
 * @param submitted variables the form may set
 * @param displayOnly variables the form shows but may not change
 */
record FormFields(String formId, Set<String> submitted, Set<String> displayOnly) {

  static FormFields of(JsonNode form) {
    Set<String> submitted = new LinkedHashSet<>();
    Set<String> displayOnly = new LinkedHashSet<>();
    collect(form, submitted, displayOnly);
    submitted.removeAll(displayOnly);
    return new FormFields(form.path("id").asText(), Set.copyOf(submitted), Set.copyOf(displayOnly));
  }

  private static void collect(JsonNode container, Set<String> submitted, Set<String> displayOnly) {
    for (JsonNode component : container.path("components")) {
      String path = component.path("path").asText("");
      if (!path.isBlank()) {
        // a group with a path, or a dynamic list: its fields are inside the one variable
        submitted.add(firstSegment(path));
        continue;
      }
      String key = component.path("key").asText("");
      if (!key.isBlank() && !"button".equals(component.path("type").asText())) {
        boolean shownOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        (shownOnly ? displayOnly : submitted).add(firstSegment(key));
      }
      collect(component, submitted, displayOnly);
    }
  }

  private static String firstSegment(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
