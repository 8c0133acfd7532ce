package org.stdflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/**
 * Camunda's authorization check, rendered once per shape: the same text and the same values as
 * MyBatis renders at every call, for every shape; and used by the real claims and completions. (The
 * whole test suite runs with {@code check-sql-cache: verify}: every check of every test is rendered
 * both ways and compared.)
 */
@StdflowSpringTest
class AuthorizationCheckSqlCacheTest {

  private static final Permission[] PERMISSIONS = {TaskPermissions.TASK_WORK, Permissions.UPDATE, Permissions.READ,
      TaskPermissions.READ_VARIABLE};

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuthorizationCheckSqlCache cache;

  /**
   * Many random shapes, each asked three times with other users, groups, resources and permissions:
   * the first answer is MyBatis' own, the later ones come from the remembered shape and must carry the
   * values of their own check (not the first one's) at every marker.
   */
  @Test
  void everyShapeRendersAsMyBatisDoesWithItsOwnValues() {
    AuthorizationCheckSqlCache.CachingSqlSource fresh =
        new AuthorizationCheckSqlCache.CachingSqlSource(mybatisRendering(), mybatis(), false);
    Random random = new Random(20261207);
    int unrenderable = 0;
    for (int i = 0; i < 150; i++) {
      long seed = random.nextLong();
      for (int round = 0; round < 3; round++) {
        // the same seed gives the same shape, another round other values
        unrenderable += compare(fresh, check(new Random(seed), round), round) ? 0 : 1;
      }
    }
    // ~20 of the generator's 150 shapes are ones Camunda's mapping cannot render (3 rounds each)
    assertThat(unrenderable).as("shapes compared").isLessThan(3 * 50);
    assertThat(fresh.hits()).as("later rounds from the remembered shape").isGreaterThanOrEqualTo(2 * 100);
  }

  /**
   * Every part of a shape, varied one at a time through one cache, in an order where shapes that differ
   * in one part only follow each other: a shape that left out any part would hand one's text to the other.
   */
  @Test
  void shapesThatDifferInOnePartEachGetTheirOwnText() {
    AuthorizationCheckSqlCache.CachingSqlSource fresh =
        new AuthorizationCheckSqlCache.CachingSqlSource(mybatisRendering(), mybatis(), false);
    int compared = 0;
    for (int composition = 0; composition < 3; composition++) {
      for (int groups = -1; groups <= 3; groups++) {
        for (int kind = 0; kind < 3; kind++) {
          for (Long notFound : new Long[] {null, 0L, 1L}) {
            for (boolean revokes : new boolean[] {false, true}) {
              for (int round = 0; round < 2; round++) {
                AuthorizationCheck check = gridCheck(composition, groups, kind, notFound, revokes, round);
                compared += compare(fresh, check, round) ? 1 : 0;
              }
            }
          }
        }
      }
    }
    assertThat(compared).isEqualTo(3 * 5 * 3 * 3 * 2 * 2);
    assertThat(fresh.hits()).isEqualTo(compared / 2);
  }

  /**
   * One check through MyBatis and through the cache: the same text, the same values. False when MyBatis
   * cannot render or bind it (then the cache fails alike).
   */
  private boolean compare(AuthorizationCheckSqlCache.CachingSqlSource fresh, AuthorizationCheck check, int round) {
    Configuration mybatis = mybatis();
    String shape = AuthorizationCheckSqlCache.shape(check);
    BoundSql expected;
    try {
      expected = mybatisRendering().getBoundSql(check);
    } catch (RuntimeException e) {
      // a composition Camunda's mapping cannot render (conjunctive composites): neither can we
      assertThatThrownBy(() -> fresh.getBoundSql(check)).isInstanceOf(e.getClass());
      return false;
    }
    BoundSql actual = fresh.getBoundSql(check);
    assertThat(actual.getSql()).as("shape %s", shape).isEqualTo(expected.getSql());
    List<String> expectedValues;
    try {
      expectedValues = values(mybatis, expected);
    } catch (RuntimeException e) {
      // rendered, but a marker names a value MyBatis did not keep (a <bind> inside nested composites):
      // Camunda's statement fails there, and ours alike
      assertThatThrownBy(() -> values(mybatis, actual)).isInstanceOf(e.getClass());
      return false;
    }
    assertThat(values(mybatis, actual)).as("values of round %d, shape %s", round, shape).isEqualTo(expectedValues);
    return true;
  }

  /** composition 0: one atomic check, 1: two (disjunctive), 2: two disjunctive composites of one each. */
  private static AuthorizationCheck gridCheck(int composition, int groups, int kind, Long notFound, boolean revokes,
      int round) {
    AuthorizationCheck check = new AuthorizationCheck();
    check.setAuthorizationCheckEnabled(true);
    check.setShouldPerformAuthorizatioCheck(true);
    check.setRevokeAuthorizationCheckEnabled(revokes);
    check.setAuthUserId("user-" + round);
    List<String> ids = groups < 0 ? null : new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      ids.add("group-" + g + "-" + round);
    }
    check.setAuthGroupIds(ids);
    CompositePermissionCheck top = new CompositePermissionCheck(true);
    for (int n = 0; n < (composition == 0 ? 1 : 2); n++) {
      PermissionCheck p = new PermissionCheck();
      p.setPermission(PERMISSIONS[(n + round) % PERMISSIONS.length]);
      p.setResource(round == 0 ? Resources.TASK : Resources.PROCESS_DEFINITION);
      switch (kind) {
        case 0 -> p.setResourceId("res-" + n + "-" + round);
        case 1 -> p.setResourceId("*");
        default -> p.setResourceIdQueryParam(n == 0 ? "RES.ID_" : "D.KEY_");
      }
      p.setAuthorizationNotFoundReturnValue(notFound);
      if (composition == 2) {
        CompositePermissionCheck inner = new CompositePermissionCheck(true);
        inner.addAtomicCheck(p);
        top.addCompositeCheck(inner);
      } else {
        top.addAtomicCheck(p);
      }
    }
    check.setPermissionChecks(top);
    return check;
  }

  @Test
  void theShapeHoldsWhatTheTextDependsOnAndNothingElse() {
    AuthorizationCheck a = check(new Random(1), 0);
    AuthorizationCheck b = check(new Random(1), 1);
    assertThat(AuthorizationCheckSqlCache.shape(b)).as("other users, groups, resources, permissions")
        .isEqualTo(AuthorizationCheckSqlCache.shape(a));
    b.setRevokeAuthorizationCheckEnabled(!a.isRevokeAuthorizationCheckEnabled());
    assertThat(AuthorizationCheckSqlCache.shape(b)).isNotEqualTo(AuthorizationCheckSqlCache.shape(a));
    AuthorizationCheck c = check(new Random(1), 2);
    c.getPermissionChecks().getAllPermissionChecks().get(0).setAuthorizationNotFoundReturnValue(7L);
    assertThat(AuthorizationCheckSqlCache.shape(c)).isNotEqualTo(AuthorizationCheckSqlCache.shape(a));
  }

  /** Tasklist's claim as the section head, over REST: its checks come from a remembered shape. */
  @Test
  void claimsThroughRestUseRememberedShapes() {
    Task task = engine.getTaskService().newTask();
    task.setName("授权语句缓存测试");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "sec-canteen");
    try {
      RestClient head = RestClient.as(port, "liuyang", "demo");
      long before = cache.cachedRenderings();
      for (int i = 0; i < 3; i++) {
        assertThat(head.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "liuyang")).status())
            .isEqualTo(204);
        engine.getTaskService().setAssignee(task.getId(), null); // unclaimed again for the next round
      }
      assertThat(cache.cachedRenderings()).as("claims answered from a remembered shape").isGreaterThan(before);
      assertThat(cache.shapes()).isPositive();
      // a section head of another section is still refused, by the same remembered statement
      assertThat(RestClient.as(port, "huanglei", "demo").post("/engine-rest/task/" + task.getId() + "/claim",
          Map.of("userId", "huanglei")).status()).isIn(403, 404);
    } finally {
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }

  @Test
  void anUnknownModeStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> new AuthorizationCheckSqlCache("sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stdflow.authorization.check-sql-cache").hasMessageContaining("'sometimes'");
  }

  /** A check of a random shape (by {@code shape}) with values that differ by {@code round}. */
  private static AuthorizationCheck check(Random shape, int round) {
    Random values = new Random(round * 7919L + shape.nextInt(1000));
    AuthorizationCheck check = new AuthorizationCheck();
    check.setAuthorizationCheckEnabled(true);
    check.setShouldPerformAuthorizatioCheck(true);
    check.setRevokeAuthorizationCheckEnabled(shape.nextBoolean());
    check.setAuthUserId("user-" + values.nextInt(100));
    int groups = shape.nextInt(4);
    if (groups > 0 || shape.nextBoolean()) {
      List<String> ids = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        ids.add("group-" + g + "-" + values.nextInt(100));
      }
      check.setAuthGroupIds(ids);
    }
    CompositePermissionCheck top = new CompositePermissionCheck(shape.nextBoolean());
    int composites = shape.nextInt(3);
    if (composites < 2) {
      for (int a = 1 + shape.nextInt(3); a > 0; a--) {
        top.addAtomicCheck(atomic(shape, values));
      }
    } else {
      for (int c = 0; c < composites; c++) {
        CompositePermissionCheck inner = new CompositePermissionCheck(shape.nextBoolean());
        for (int a = 1 + shape.nextInt(2); a > 0; a--) {
          inner.addAtomicCheck(atomic(shape, values));
        }
        top.addCompositeCheck(inner);
      }
    }
    check.setPermissionChecks(top);
    return check;
  }

  private static PermissionCheck atomic(Random shape, Random values) {
    PermissionCheck p = new PermissionCheck();
    p.setPermission(PERMISSIONS[values.nextInt(PERMISSIONS.length)]);
    p.setResource(values.nextBoolean() ? Resources.TASK : Resources.PROCESS_DEFINITION);
    switch (shape.nextInt(3)) {
      case 0 -> p.setResourceId("res-" + values.nextInt(1000));
      case 1 -> p.setResourceId("*");
      default -> p.setResourceIdQueryParam("RES.ID_");
    }
    if (shape.nextInt(4) == 0) {
      p.setAuthorizationNotFoundReturnValue(0L);
    }
    return p;
  }

  private static List<String> values(Configuration mybatis, BoundSql bound) {
    List<String> values = new ArrayList<>();
    for (ParameterMapping mapping : bound.getParameterMappings()) {
      String property = mapping.getProperty();
      Object value = bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
          : mybatis.newMetaObject(bound.getParameterObject()).getValue(property);
      values.add(value + ":" + mapping.getJdbcType() + ":" + mapping.getTypeHandler().getClass().getSimpleName());
    }
    return values;
  }

  private Configuration mybatis() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration();
  }

  /** MyBatis' own rendering of the statement (the plugin wraps it). */
  private org.apache.ibatis.mapping.SqlSource mybatisRendering() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    MappedStatement statement = mybatis().getMappedStatement(
        config.getDbSqlSessionFactory().mapStatement(AuthorizationCheckSqlCache.STATEMENT));
    assertThat(statement.getSqlSource()).isInstanceOf(AuthorizationCheckSqlCache.CachingSqlSource.class);
    return ((AuthorizationCheckSqlCache.CachingSqlSource) statement.getSqlSource()).mybatisRendering();
  }
}
