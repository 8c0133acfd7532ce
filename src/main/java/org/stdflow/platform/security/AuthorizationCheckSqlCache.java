package org.stdflow.platform.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.reflection.property.PropertyTokenizer;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders Camunda's authorization check statement once per shape of check instead of at every check
 * (docs/benchmarks.md, tuning log §21).
 *
 * <p>Every claim and every completion checks TASK_WORK with {@code isUserAuthorizedForResource}, a
 * dynamic MyBatis statement of some 300 lines of {@code <if>}, {@code <foreach>} and {@code <bind>}
 * per atomic check. MyBatis evaluates all of it (OGNL) and re-parses the resulting text for its
 * parameter markers at every call: a quarter of the request threads' CPU per task completion. The
 * text depends only on the check's shape: per atomic check whether the resource id is given, is
 * {@code '*'} or a column ({@code resourceIdQueryParam}, inlined), and the value returned when
 * nothing is found (inlined); whether revokes are checked; how many groups the user is in; how the
 * checks are composed. Users, groups, resource ids, types and permissions are only parameter values.
 *
 * <p>So the first check of a shape is rendered by MyBatis as always and remembered with, for each
 * value MyBatis bound while rendering (the {@code <foreach>} items), where in the check it came from
 * (found by identity: the i-th group, the j-th atomic check of the k-th composite check...). A later
 * check of the same shape gets the same text and mappings with its own values bound at the same
 * places. A shape whose bound values cannot all be located that way is never cached (MyBatis renders
 * it every time). The statement, its text and its parameters are exactly Camunda's:
 * {@code stdflow.authorization.check-sql-cache: verify} (the test profile) renders every check both
 * ways and fails the check on any difference; {@code off} leaves MyBatis alone.
 */
@Component
class AuthorizationCheckSqlCache extends AbstractProcessEnginePlugin {

  static final String STATEMENT = "isUserAuthorizedForResource";
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCheckSqlCache.class);
  /** More shapes than a bureau has kinds of check × group counts; past it, new shapes are rendered each time. */
  static final int MAX_SHAPES = 512;

  enum Mode { ON, OFF, VERIFY }

  private final Mode mode;
  private volatile CachingSqlSource source;

  AuthorizationCheckSqlCache(@Value("${stdflow.authorization.check-sql-cache:on}") String mode) {
    try {
      this.mode = Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stdflow.authorization.check-sql-cache must be on, off or verify, not '"
          + mode + "'", e);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (mode == Mode.OFF) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    String id = configuration.getDbSqlSessionFactory().mapStatement(STATEMENT);
    try {
      MappedStatement statement = mybatis.getMappedStatement(id);
      Field field = MappedStatement.class.getDeclaredField("sqlSource");
      field.setAccessible(true);
      CachingSqlSource caching = new CachingSqlSource(statement.getSqlSource(), mybatis, mode == Mode.VERIFY);
      field.set(statement, caching);
      source = caching;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a later MyBatis or Camunda: checks render as before, nothing else changes
      LOG.warn("Authorization checks keep MyBatis' rendering per call ({}: {})", id, e.toString());
    }
  }

  /** Checks answered from a remembered rendering since start (0 when off); for tests and diagnosis. */
  long cachedRenderings() {
    return source == null ? 0 : source.hits();
  }

  /** Shapes remembered. */
  int shapes() {
    return source == null ? 0 : source.templates.size();
  }

  /** The shape of a check: everything of it that the statement's text depends on. */
  static String shape(AuthorizationCheck check) {
    StringBuilder key = new StringBuilder(64);
    key.append(check.isRevokeAuthorizationCheckEnabled() ? 'R' : 'r')
        .append(check.isAuthorizationCheckEnabled() ? 'E' : 'e')
        .append(check.shouldPerformAuthorizatioCheck() ? 'P' : 'p')
        .append(check.isHistoricInstancePermissionsEnabled() ? 'H' : 'h')
        .append(check.isUseLeftJoin() ? 'L' : 'l')
        .append(check.getAuthUserId() == null ? 'u' : 'U')
        .append('g').append(check.getAuthGroupIds() == null ? -1 : check.getAuthGroupIds().size());
    composite(key, check.getPermissionChecks());
    return key.toString();
  }

  private static void composite(StringBuilder key, CompositePermissionCheck c) {
    if (c == null) {
      key.append("(null)");
      return;
    }
    key.append(c.isDisjunctive() ? "(or" : "(and");
    if (c.getAtomicChecks() == null) {
      key.append(" a-");
    } else {
      for (PermissionCheck a : c.getAtomicChecks()) {
        if (a == null) {
          key.append(" a(null)");
          continue;
        }
        key.append(" a[");
        String column = a.getResourceIdQueryParam();
        key.append(column == null ? "-" : column.length() + ":" + column).append(',');
        key.append(a.getResourceId() == null ? "n" : "*".equals(a.getResourceId()) ? "*" : "v").append(',');
        key.append(a.getAuthorizationNotFoundReturnValue()).append(']');
      }
    }
    if (c.getCompositeChecks() == null) {
      key.append(" c-");
    } else {
      for (CompositePermissionCheck inner : c.getCompositeChecks()) {
        key.append(' ');
        composite(key, inner);
      }
    }
    key.append(')');
  }

  /**
   * A way from a check to one of its parts: -1 the check itself, 0 its groups, 1 its permission checks;
   * from a composite check 2 its atomic checks, 3 its composite checks; n >= 10 the (n - 10)-th element
   * of the list before.
   */
  private record Path(List<Integer> steps) {
  }

  /** The check's parts by identity, each with its path; an object found at two places maps to null. */
  private static Map<Object, Path> parts(AuthorizationCheck check) {
    List<Object[]> found = new ArrayList<>();
    found.add(new Object[] {check, List.of(-1)});
    if (check.getAuthGroupIds() != null) {
      List<String> groups = check.getAuthGroupIds();
      found.add(new Object[] {groups, List.of(0)});
      for (int i = 0; i < groups.size(); i++) {
        found.add(new Object[] {groups.get(i), List.of(0, 10 + i)});
      }
    }
    walk(check.getPermissionChecks(), List.of(1), found);
    Map<Object, Path> parts = new IdentityHashMap<>();
    for (Object[] f : found) {
      @SuppressWarnings("unchecked")
      Path path = new Path((List<Integer>) f[1]);
      if (f[0] != null) {
        parts.put(f[0], parts.containsKey(f[0]) ? null : path);
      }
    }
    return parts;
  }

  private static void walk(CompositePermissionCheck c, List<Integer> at, List<Object[]> found) {
    if (c == null) {
      return;
    }
    found.add(new Object[] {c, at});
    if (c.getAtomicChecks() != null) {
      found.add(new Object[] {c.getAtomicChecks(), append(at, 2)});
      for (int i = 0; i < c.getAtomicChecks().size(); i++) {
        found.add(new Object[] {c.getAtomicChecks().get(i), append(append(at, 2), 10 + i)});
      }
    }
    if (c.getCompositeChecks() != null) {
      found.add(new Object[] {c.getCompositeChecks(), append(at, 3)});
      for (int i = 0; i < c.getCompositeChecks().size(); i++) {
        walk(c.getCompositeChecks().get(i), append(append(at, 3), 10 + i), found);
      }
    }
  }

  private static List<Integer> append(List<Integer> path, int step) {
    List<Integer> longer = new ArrayList<>(path);
    longer.add(step);
    return List.copyOf(longer);
  }

  private static Object resolve(AuthorizationCheck check, Path path) {
    Object at = null;
    for (int step : path.steps()) {
      if (step == -1) {
        at = check;
      } else if (step == 0) {
        at = check.getAuthGroupIds();
      } else if (step == 1) {
        at = check.getPermissionChecks();
      } else if (step == 2) {
        at = ((CompositePermissionCheck) at).getAtomicChecks();
      } else if (step == 3) {
        at = ((CompositePermissionCheck) at).getCompositeChecks();
      } else {
        at = ((List<?>) at).get(step - 10);
      }
    }
    return at;
  }

  /** The rendering of one shape: its text, its mappings, and where each value MyBatis bound comes from. */
  private record Template(String sql, List<ParameterMapping> mappings, Map<String, Path> bound) {

    /** Null when a bound value is not a part of the check, or sits at two places of it. */
    static Template learn(BoundSql rendered, AuthorizationCheck check) {
      Map<Object, Path> parts = parts(check);
      Map<String, Path> bound = new java.util.HashMap<>();
      for (ParameterMapping mapping : rendered.getParameterMappings()) {
        String root = new PropertyTokenizer(mapping.getProperty()).getName();
        if (rendered.hasAdditionalParameter(root) && !bound.containsKey(root)) {
          Path path = parts.get(rendered.getAdditionalParameter(root));
          if (path == null) {
            return null;
          }
          bound.put(root, path);
        }
      }
      return new Template(rendered.getSql(), List.copyOf(rendered.getParameterMappings()), Map.copyOf(bound));
    }

    BoundSql bind(Configuration mybatis, AuthorizationCheck check) {
      BoundSql bound = new BoundSql(mybatis, sql, mappings, check);
      this.bound.forEach((name, path) -> bound.setAdditionalParameter(name, resolve(check, path)));
      return bound;
    }
  }

  static final class CachingSqlSource implements SqlSource {

    private final SqlSource mybatisRendering;
    private final Configuration mybatis;
    private final boolean verify;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Map<String, Boolean> uncacheable = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    CachingSqlSource(SqlSource mybatisRendering, Configuration mybatis, boolean verify) {
      this.mybatisRendering = mybatisRendering;
      this.mybatis = mybatis;
      this.verify = verify;
    }

    long hits() {
      return hits.get();
    }

    /** MyBatis' own rendering, which this one wraps. */
    SqlSource mybatisRendering() {
      return mybatisRendering;
    }

    @Override
    public BoundSql getBoundSql(Object parameter) {
      if (!(parameter instanceof AuthorizationCheck check)) {
        return mybatisRendering.getBoundSql(parameter);
      }
      String shape = shape(check);
      Template template = templates.get(shape);
      if (template == null) {
        BoundSql rendered = mybatisRendering.getBoundSql(parameter);
        if (templates.size() < MAX_SHAPES && uncacheable.size() < MAX_SHAPES && !uncacheable.containsKey(shape)) {
          Template learnt = Template.learn(rendered, check);
          if (learnt == null) {
            uncacheable.put(shape, Boolean.TRUE);
          } else {
            templates.putIfAbsent(shape, learnt);
          }
        }
        return rendered;
      }
      BoundSql bound = template.bind(mybatis, check);
      hits.incrementAndGet();
      if (verify) {
        compare(mybatisRendering.getBoundSql(parameter), bound, shape);
      }
      return bound;
    }

    /** MyBatis' rendering and the remembered one: the same text, the same value at every marker. */
    private void compare(BoundSql expected, BoundSql actual, String shape) {
      List<Object> want = values(expected);
      List<Object> got = values(actual);
      if (!expected.getSql().equals(actual.getSql()) || !want.equals(got)) {
        throw new IllegalStateException("authorization check rendered differently from MyBatis for shape " + shape
            + ":\nMyBatis: " + expected.getSql() + "\n" + want + "\ncached:  " + actual.getSql() + "\n" + got);
      }
    }

    /** The values bound to the markers, as MyBatis' parameter handler reads them. */
    private List<Object> values(BoundSql bound) {
      List<Object> values = new ArrayList<>();
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        String property = mapping.getProperty();
        Object value = bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
            : mybatis.newMetaObject(bound.getParameterObject()).getValue(property);
        values.add(Objects.toString(value, null) + ":" + mapping.getJdbcType());
      }
      return values;
    }
  }
}
