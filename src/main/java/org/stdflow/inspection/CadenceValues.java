package org.stdflow.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed reads of the cadences' variables. Camunda Forms submit numbers as Long or Double (or as
 * strings from readonly fields), checklists and dynamic lists as Spin JSON.
 */
final class CadenceValues {

  private CadenceValues() {
  }

  static boolean isBlank(Object v) {
    return v == null || v.toString().isBlank();
  }

  /** The calling user (Tasklist, REST or a test's identityService.setAuthentication), or null. */
  static Authentication caller(ProcessEngineServices services) {
    return services.getIdentityService().getCurrentAuthentication();
  }

  /** Whether the caller belongs to the group (the groups of the authentication, else the identity service). */
  static boolean isMember(ProcessEngineServices services, Authentication auth, String group) {
    if (auth == null || auth.getUserId() == null) {
      return false;
    }
    if (auth.getGroupIds() != null && !auth.getGroupIds().isEmpty()) {
      return auth.getGroupIds().contains(group);
    }
    return services.getIdentityService().createGroupQuery().groupMember(auth.getUserId()).groupId(group).count() > 0;
  }

  /** A whole number, or null when the value is none (fractions included). */
  static Integer integer(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof SpinJsonNode node) {
      if (node.isNull()) {
        return null;
      }
      return integer(node.isNumber() ? node.numberValue() : node.isString() ? node.stringValue() : null);
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e9 ? (int) d : null;
    }
    try {
      String s = v.toString().strip();
      return s.isEmpty() ? null : integer(Double.valueOf(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String text(SpinJsonNode node, String prop) {
    return node == null || !node.hasProp(prop) ? null : str(node.prop(prop));
  }

  /** A JSON value as text (strings unquoted), null for JSON null or none. */
  static String str(SpinJsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isString() ? v.stringValue() : v.toString();
  }

  /** A checklist value: Spin JSON array, java collection, JSON text or null. */
  /** Whether a value is absent or a list {@link #stringList} can read (not e.g. a lone string). */
  static boolean isListOrAbsent(Object v) {
    return v == null || v instanceof Collection<?> || v instanceof SpinJsonNode node && (node.isArray() || node.isNull())
        || v instanceof String s && (s.isBlank() || s.strip().startsWith("["));
  }

  static List<String> stringList(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof SpinJsonNode node) {
      if (node.isArray()) {
        node.elements().forEach(e -> out.add(e.isString() ? e.stringValue() : e.toString()));
      }
    } else if (v instanceof Collection<?> c) {
      c.forEach(e -> out.add(String.valueOf(e)));
    } else if (v instanceof String s && s.strip().startsWith("[")) {
      return stringList(Spin.JSON(s));
    }
    return out;
  }

  /** The rows of a dynamic list: Spin JSON array of objects (or JSON text), as ordered maps of nodes. */
  static List<Map<String, SpinJsonNode>> rows(Object v) {
    List<Map<String, SpinJsonNode>> out = new ArrayList<>();
    SpinJsonNode node = v instanceof SpinJsonNode n ? n : v instanceof String s && !s.isBlank() ? Spin.JSON(s) : null;
    if (node == null || !node.isArray()) {
      return out;
    }
    for (SpinJsonNode row : node.elements()) {
      Map<String, SpinJsonNode> m = new LinkedHashMap<>();
      if (row.isObject()) {
        row.fieldNames().forEach(f -> m.put(f, row.prop(f)));
      }
      out.add(m);
    }
    return out;
  }

  /** A JSON object variable (Spin) as a node, or null. */
  static SpinJsonNode json(Object v) {
    if (v instanceof SpinJsonNode n) {
      return n;
    }
    return v instanceof String s && !s.isBlank() ? Spin.JSON(s) : null;
  }
}
