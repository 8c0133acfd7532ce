package org.stdflow.standard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed reads of form values. Camunda Forms submit dates as "yyyy-MM-dd" strings, numbers as
 * Long or Double, checklists and dynamic lists as Spin JSON, readonly fields as strings.
 */
public final class LifecycleValues {

  private LifecycleValues() {
  }

  public static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static Integer integer(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? (int) d : null;
    }
    try {
      return Integer.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static LocalDate date(Object v) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    // the JVM's zone is the bureau's (BureauTimeZone); the forms' validation has refused malformed dates
    LocalDate date = org.stdflow.platform.validation.FieldRules.date(v, ZoneId.systemDefault());
    if (date == null) {
      throw new IllegalArgumentException("not a date (yyyy-MM-dd): " + v);
    }
    return date;
  }

  public static long longValue(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("variable " + name + " is missing");
  }

  /** A checklist value: Spin JSON array, java collection or null. */
  public static List<String> stringList(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof SpinJsonNode node) {
      if (node.isArray()) {
        node.elements().forEach(e -> out.add(e.isString() ? e.stringValue() : e.toString()));
      }
    } else if (v instanceof Collection<?> c) {
      c.forEach(e -> out.add(String.valueOf(e)));
    } else if (v instanceof String s && s.trim().startsWith("[")) {
      return stringList(org.camunda.spin.Spin.JSON(s));
    }
    return out;
  }

  /** Rows of a dynamic list: each row a map of field → value (strings, numbers, booleans). */
  public static List<Map<String, Object>> rows(Object v) {
    List<Map<String, Object>> out = new ArrayList<>();
    SpinJsonNode node = v instanceof SpinJsonNode n ? n
        : v instanceof String s && s.trim().startsWith("[") ? org.camunda.spin.Spin.JSON(s) : null;
    if (node == null || !node.isArray()) {
      return out;
    }
    for (SpinJsonNode row : node.elements()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      if (row.isObject()) {
        for (String field : row.fieldNames()) {
          SpinJsonNode f = row.prop(field);
          m.put(field, f.isNull() ? null : f.isString() ? f.stringValue() : f.isNumber() ? f.numberValue()
              : f.isBoolean() ? f.boolValue() : f.toString());
        }
      }
      out.add(m);
    }
    return out;
  }

  /** The user acting now (the one completing a task), or null for engine-driven steps. */
  public static String currentUser(ProcessEngineServices services) {
    Authentication auth = services.getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
