package org.stdflow.platform.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Server-side checks of submitted form values, with Chinese messages naming the field's label.
 * Collects every error first, then {@link #throwIfInvalid()} reports them together.
 */
public final class FieldRules {

  private final Function<String, Object> values;
  private final Map<String, String> errors = new LinkedHashMap<>();

  private FieldRules(Function<String, Object> values) {
    this.values = values;
  }

  public static FieldRules of(Function<String, Object> values) {
    return new FieldRules(values);
  }

  /** A non-blank text of at most {@code max} characters. */
  public FieldRules requiredText(String key, String label, int min, int max) {
    String value = text(key);
    if (value == null || value.isBlank()) {
      errors.putIfAbsent(key, label + "不能为空");
    } else {
      optionalText(key, label, max);
      if (value.strip().length() < min) {
        errors.putIfAbsent(key, label + "至少 " + min + " 个字");
      }
    }
    return this;
  }

  public FieldRules optionalText(String key, String label, int max) {
    String value = text(key);
    if (value != null && value.length() > max) {
      errors.putIfAbsent(key, label + "不能超过 " + max + " 个字（当前 " + value.length() + " 个）");
    }
    return this;
  }

  public FieldRules oneOf(String key, String label, Collection<String> allowed) {
    String value = text(key);
    if (value == null || value.isBlank()) {
      errors.putIfAbsent(key, "请选择" + label);
    } else if (!allowed.contains(value)) {
      errors.putIfAbsent(key, label + "的取值“" + value + "”无效");
    }
    return this;
  }

  /** A date (see {@link #date}) strictly after today by the clock, the bureau's. */
  public FieldRules futureDate(String key, String label, java.time.Clock clock) {
    Object raw = values.apply(key);
    if (raw == null || raw.toString().isBlank()) {
      errors.putIfAbsent(key, label + "不能为空");
      return this;
    }
    LocalDate date = date(raw, clock.getZone());
    if (date == null) {
      errors.putIfAbsent(key, label + "不是有效日期（格式 yyyy-MM-dd）");
    } else if (!date.isAfter(LocalDate.now(clock))) {
      errors.putIfAbsent(key, label + "必须晚于今天");
    }
    return this;
  }

  /**
   * A submitted date: yyyy-MM-dd as Camunda Forms store it (a time after a 'T' is ignored), or a
   * java.util.Date read as its day in {@code zone}; null when malformed.
   */
  public static LocalDate date(Object raw, java.time.ZoneId zone) {
    if (raw instanceof java.util.Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    String s = raw.toString().strip();
    try {
      return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Adds an error when the condition holds. */
  public FieldRules rule(boolean broken, String key, String message) {
    if (broken) {
      errors.putIfAbsent(key, message);
    }
    return this;
  }

  public String text(String key) {
    Object value = values.apply(key);
    return value == null ? null : value.toString();
  }

  public Map<String, String> errors() {
    return errors;
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new FormValidationException(errors);
    }
  }
}
