package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.organisation.TasklistFilterSetup;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.standard.StandardLifecycleProcessTestData;

/** Operations (health, metrics, history settings), the shared Tasklist filters, our API, Chinese webapps. */
@StdflowSpringTest
class PlatformOperationsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired java.time.Clock clock;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void healthIsPublicAndShowsDatabaseAndEngine() {
    RestClient.Response health = RestClient.anonymous(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.json().at("/components/processEngine/status").asText()).isEqualTo("UP");
  }

  /** The parts' details (database product, disk path, lock owner) are the administrators' to read. */
  @Test
  void healthDetailsAreForAdminsOnly() {
    // (not a wrong password for admin: Camunda would throttle admin's next logins)
    for (RestClient client : List.of(RestClient.anonymous(port), RestClient.as(port, "liuyang", "demo"),
        RestClient.as(port, "nosuchuser", "admin-secret"))) {
      RestClient.Response health = client.get("/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
      assertThat(health.json().at("/components/db/details").isMissingNode()).isTrue();
      assertThat(health.json().at("/components/diskSpace/details").isMissingNode()).isTrue();
      assertThat(health.body()).doesNotContain("\"details\"").doesNotContain("\"path\"");
    }
    RestClient.Response admin = RestClient.as(port, "admin", "admin-secret").get("/actuator/health");
    assertThat(admin.json().at("/components/db/details/database").asText()).isNotEmpty();
    assertThat(admin.json().at("/components/diskSpace/details/free").isNumber()).isTrue();
    assertThat(admin.json().at("/components/diskSpace/details/path").asText()).isNotEmpty();
  }

  /** The JVM runs in the bureau's zone, and the database remembers it (BureauTimeZone, TimestampZoneGuard). */
  @Test
  void theAppRunsInTheBureausZoneAndTheDatabaseRecordsIt() {
    assertThat(java.util.TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(jdbc.sql("SELECT setting_value FROM app_setting WHERE name = 'timestamp_zone'").query(String.class)
        .single()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void metricsAreForAdminsOnly() {
    assertThat(RestClient.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(RestClient.as(port, "liuyang", "demo").get("/actuator/prometheus").status()).isEqualTo(403);
    RestClient.Response metrics = RestClient.as(port, "admin", "admin-secret").get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void historyIsFullWithTimeToLiveAndACleanupWindow() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryLevel().getName()).isEqualTo("full");
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(config.isAuthorizationEnabled()).isTrue();
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isGreaterThanOrEqualTo(3650));
  }

  @Test
  void sharedFiltersAreVisibleToTheRightGroups() {
    assertThat(filterNames("liuyang", "demo")).containsExactlyInAnyOrder(TasklistFilterSetup.MY_TASKS,
        TasklistFilterSetup.SECTION_TASKS, TasklistFilterSetup.DUE_SOON, TasklistFilterSetup.OVERDUE);
    assertThat(filterNames("wangjianguo", "demo")).contains(TasklistFilterSetup.APPROVALS);
    assertThat(filterNames("admin", "admin-secret")).hasSize(5);
  }

  @Test
  void sectionFilterListsTheGroupsTasksAndDueSoonListsTasksDueWithinThreeDays() {
    RestClient section = RestClient.as(port, "liuyang", "demo");
    String pi = section.post("/engine-rest/process-definition/key/" + StandardLifecycleProcess.KEY + "/start",
        RestClient.variables(StandardLifecycleProcessTestData.proposal("过滤器测试规范-" + java.util.UUID.randomUUID().toString().substring(0, 6)))).json().get("id").asText();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    RestClient office = RestClient.as(port, "zhaomin", "demo");

    assertThat(taskIds(office, TasklistFilterSetup.SECTION_TASKS)).contains(taskId);
    assertThat(taskIds(section, TasklistFilterSetup.SECTION_TASKS)).doesNotContain(taskId);
    assertThat(taskIds(office, TasklistFilterSetup.DUE_SOON)).doesNotContain(taskId);

    var task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
    engine.getTaskService().saveTask(task);
    assertThat(taskIds(office, TasklistFilterSetup.DUE_SOON)).contains(taskId);
    assertThat(taskIds(office, TasklistFilterSetup.OVERDUE)).doesNotContain(taskId);

    task.setDueDate(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
    engine.getTaskService().saveTask(task);
    assertThat(taskIds(office, TasklistFilterSetup.OVERDUE)).contains(taskId);
    assertThat(taskIds(office, TasklistFilterSetup.MY_TASKS)).doesNotContain(taskId);

    engine.getTaskService().claim(taskId, "zhaomin");
    assertThat(taskIds(office, TasklistFilterSetup.MY_TASKS)).contains(taskId);
  }

  @Test
  void meReturnsTheCallerWithGroups() {
    JsonNode me = RestClient.as(port, "liuyang", "demo").get("/api/me").json();
    assertThat(me.get("name").asText()).isEqualTo("刘洋");
    assertThat(me.at("/groups/0/id").asText()).isEqualTo("sec-canteen");
    assertThat(me.at("/groups/0/name").asText()).isEqualTo("食堂管理科");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyWebappHasACompleteChineseLocaleAsDefault(String app) throws Exception {
    RestClient anonymous = RestClient.anonymous(port);
    RestClient.Response zh = anonymous.get("/camunda/app/" + app + "/locales/zh.json");
    assertThat(zh.status()).isEqualTo(200);
    JsonNode en;
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
      en = new ObjectMapper().readTree(text);
    }
    assertThat(keys(zh.json(), "")).isEqualTo(keys(en, ""));
    assertThat(zh.body()).contains("流程");

    RestClient.Response config = anonymous.get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).containsPattern("availableLocales:\\s*\\[\\s*'zh'").containsPattern("fallbackLocale:\\s*'zh'");
  }

  private List<String> filterNames(String user, String password) {
    List<String> names = new ArrayList<>();
    RestClient.as(port, user, password).get("/engine-rest/filter").json().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private List<String> taskIds(RestClient client, String filterName) {
    String filterId = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
    List<String> ids = new ArrayList<>();
    client.post("/engine-rest/filter/" + filterId + "/list", Map.of()).json().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private static TreeSet<String> keys(JsonNode node, String prefix) {
    TreeSet<String> keys = new TreeSet<>();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        keys.add(prefix + e.getKey());
        keys.addAll(keys(e.getValue(), prefix + e.getKey() + "."));
      }
    }
    return keys;
  }
}
