package org.stdflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.document.DocumentInfo;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.DocumentService;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.standard.StandardLifecycleProcess.Vars;
import org.stdflow.standard.StandardLifecycleProcessTestData;

/**
 * The standard life cycle driven through the real Chinese Tasklist in headless Chromium, the users
 * logging in and out of one browser: a section head proposes through 发起流程, the office and the
 * leadership decide, the section head drafts with documents uploaded on the document page; and the
 * comment resolution form, whose dynamic list needs our Tasklist script (stdflow-forms-fix.js) to be
 * completable at all. Only the steps before the one under test go through the services.
 */
@StdflowSpringTest
class StandardLifecycleBrowserTest {

  private static final String COMMENT = "建议增加夜间值守要求";
  private static final String SECTION_TASKS = "本科室待办";
  private static final String APPROVALS = "待我审批";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DocumentService documents;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  /** One browser for the class: users log out and in, which keeps Tasklist's bundles loaded. */
  private static TasklistSession tasklist;
  private final List<Path> files = new ArrayList<>();

  @BeforeEach
  void openBrowser() throws Exception {
    if (tasklist == null) {
      tasklist = TasklistSession.open(port);
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
      tasklist = null;
    }
  }

  @AfterEach
  void deleteFiles() throws Exception {
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void proposalToDraftingAsThreeUsers() throws Exception {
    String title = "机关食堂夜间供餐服务规范-" + UUID.randomUUID().toString().substring(0, 6);
    LocalDate planned = LocalDate.now(clock).plusMonths(3);

    // --- liuyang proposes through Tasklist's 发起流程 dialog and the Chinese start form
    TasklistSession liuyang = as("liuyang");
    liuyang.click(By.xpath("//a[@ng-click='open()' and contains(normalize-space(), '发起流程')]"));
    liuyang.click(By.xpath("//div[contains(@class,'modal')]//ul[contains(@class,'processes')]"
        + "//a[normalize-space()='标准制定与管理']"));
    liuyang.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-title"),
        "发起流程: 标准制定与管理"));
    liuyang.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal .fjs-form"),
        "标准立项申请"));
    liuyang.type("标准名称", title);
    liuyang.tick("制定新标准");
    liuyang.choose("标准类型", "内部标准（Q/）");
    liuyang.choose("所属体系节点", "205 后勤服务保障（食堂、物业、会务）");
    liuyang.choose("责任科室", "食堂管理科");
    liuyang.type("立项理由", "夜间加班人员增多，需统一夜间供餐的时间、品种与卫生要求");
    liuyang.type("适用范围", "适用于区机关事务管理局所属机关食堂的夜间供餐服务");
    liuyang.date("计划完成日期", planned);
    assertThat(liuyang.driver.findElements(By.cssSelector(".modal .fjs-form-field-error")))
        .as("no client-side errors in the start form").allMatch(e -> e.getText().isBlank());
    liuyang.screenshot("lifecycle-01-start-form-filled");
    liuyang.click(By.cssSelector(".modal-footer button.btn-primary[ng-click='startProcessInstance()']"));
    liuyang.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-notifications"),
        "流程已发起"));
    liuyang.screenshot("lifecycle-02-process-started");

    ProcessInstance pi = liuyang.wait.until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(StandardLifecycleProcess.KEY).variableValueEquals(Vars.TITLE, title).singleResult());
    Map<String, Object> vars = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(vars).containsEntry(Vars.PROPOSER, "liuyang").containsEntry(Vars.KIND, "new")
        .containsEntry(Vars.STANDARD_TYPE, "INTERNAL").containsEntry(Vars.NODE, "205")
        .containsEntry(Vars.RESPONSIBLE_SECTION, "sec-canteen")
        .containsEntry(Vars.PLANNED_COMPLETION_DATE, planned.toString());

    // --- zhaomin (标准化办公室): 形式审查 under 本科室待办, claim, 通过, complete
    String formalCheck = taskId(pi, StandardLifecycleProcess.TASK_FORMAL_CHECK);
    TasklistSession zhaomin = as("zhaomin");
    zhaomin.openTaskFromFilter(SECTION_TASKS, formalCheck, "形式审查");
    assertThat(zhaomin.driver.findElement(TasklistSession.TASK_PANE).getText())
        .contains(title).contains("食堂管理科").contains(planned.toString());
    zhaomin.claim();
    zhaomin.tick("通过，报领导小组批准");
    zhaomin.screenshot("lifecycle-03-formal-check");
    zhaomin.complete();
    waitUntilWaitingAt(zhaomin, pi, StandardLifecycleProcess.TASK_APPROVE_PROJECT);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.FORMAL_CHECK_DECISION)).isEqualTo("accept");

    // --- wangjianguo (领导小组): 立项批准 under 待我审批, claim, 批准立项, complete
    String approval = taskId(pi, StandardLifecycleProcess.TASK_APPROVE_PROJECT);
    TasklistSession wang = as("wangjianguo");
    wang.openTaskFromFilter(APPROVALS, approval, "立项批准");
    assertThat(wang.driver.findElement(TasklistSession.TASK_PANE).getText()).contains(title).contains("已通过");
    wang.claim();
    wang.tick("批准立项");
    wang.screenshot("lifecycle-04-approve-project");
    wang.complete();
    waitUntilWaitingAt(wang, pi, StandardLifecycleProcess.TASK_DRAFT_STANDARD);

    // --- liuyang drafts: first without documents (the server refuses, Tasklist shows why) ...
    String drafting = taskId(pi, StandardLifecycleProcess.TASK_DRAFT_STANDARD);
    liuyang = as("liuyang");
    liuyang.openTaskFromFilter(SECTION_TASKS, drafting, "起草标准");
    liuyang.claim();
    // the required checklists are ticked so that only the server's document rule can object
    tickDraftingChecklists(liuyang);
    liuyang.complete();
    String refused = liuyang.notification("请先上传“标准文本”");
    assertThat(refused).contains("点击表单中的“上传 / 查看本任务的文件”");
    liuyang.screenshot("lifecycle-05-drafting-refused-without-documents");
    assertThat(taskId(pi, StandardLifecycleProcess.TASK_DRAFT_STANDARD)).isEqualTo(drafting);

    // ... then follows the form's link to the document page and uploads both documents
    liuyang.closeNotifications();
    By link = By.xpath("//div[contains(@class,'fjs-container')]//a[contains(normalize-space(), '本任务的文件')]");
    assertThat(liuyang.driver.findElement(link).getAttribute("href"))
        .isEqualTo(liuyang.base + "/pages/documents.html?taskId=" + drafting);
    assertThat(liuyang.driver.findElement(link).getAttribute("target")).isEqualTo("_blank");
    String taskWindow = liuyang.driver.getWindowHandle();
    liuyang.click(link);
    // the upload page opens in a new tab, so the form keeps what was already filled in
    liuyang.wait.until(d -> d.getWindowHandles().size() == 2);
    for (String handle : liuyang.driver.getWindowHandles()) {
      if (!handle.equals(taskWindow)) {
        liuyang.driver.switchTo().window(handle);
      }
    }
    liuyang.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-name"), "起草标准"));
    liuyang.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "暂无文件"));
    byte[] standardText = pdf("standard text " + title);
    byte[] draftingNotes = pdf("drafting notes " + title);
    upload(liuyang, "标准文本", "标准文本-征求意见稿", standardText, "共 1 个文件");
    upload(liuyang, "编制说明", "编制说明", draftingNotes, "共 2 个文件");
    String table = liuyang.driver.findElement(By.id("document-table")).getText();
    assertThat(table).contains("标准文本").contains("编制说明").contains("liuyang");
    liuyang.screenshot("lifecycle-06-documents-uploaded");

    // ... closes the upload tab: the form in Tasklist still holds everything ticked before
    liuyang.driver.close();
    liuyang.driver.switchTo().window(taskWindow);
    assertThat(liuyang.tickedLabels()).containsExactly("范围", "规范性引用文件", "术语和定义", "要求（技术内容）", "前言",
        "评价与改进", "附录", "物业管理科");
    liuyang.screenshot("lifecycle-07-drafting-filled");
    liuyang.complete();
    waitUntilWaitingAt(liuyang, pi, StandardLifecycleProcess.TASK_COMMENT_ON_DRAFT);
    liuyang.screenshot("lifecycle-08-drafting-completed");

    // the engine, the documents and the register agree
    assertThat(engine.getRuntimeService().getActiveActivityIds(pi.getId()))
        .contains(StandardLifecycleProcess.TASK_COMMENT_ON_DRAFT);
    Task comment = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(StandardLifecycleProcess.TASK_COMMENT_ON_DRAFT).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(comment.getId()))
        .anyMatch(l -> "candidate".equals(l.getType()) && "sec-property".equals(l.getGroupId()));
    List<DocumentInfo> docs = documents.documentsOfProcess(pi.getId());
    assertThat(docs).extracting(DocumentInfo::kind)
        .containsExactlyInAnyOrder(DocumentKind.STANDARD_TEXT, DocumentKind.DRAFTING_NOTES);
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.sha256()).matches("[0-9a-f]{64}");
      assertThat(d.uploadedBy()).isEqualTo("liuyang");
      assertThat(d.taskId()).isEqualTo(drafting);
      assertThat(d.mediaType()).isEqualTo("application/pdf");
    });
    assertThat(docs).filteredOn(d -> d.kind() == DocumentKind.STANDARD_TEXT).singleElement()
        .extracting(DocumentInfo::sha256).isEqualTo(sha256(standardText));
    assertThat(docs).filteredOn(d -> d.kind() == DocumentKind.DRAFTING_NOTES).singleElement()
        .extracting(DocumentInfo::sha256).isEqualTo(sha256(draftingNotes));
    long standardId = (Long) engine.getRuntimeService().getVariable(pi.getId(), Vars.STANDARD_ID);
    assertThat(jdbc.sql("SELECT status FROM std_standard WHERE id = :id").param("id", standardId)
        .query(String.class).single()).isEqualTo("IN_COMMENT");
    assertThat(jdbc.sql("SELECT title FROM std_standard WHERE id = :id").param("id", standardId)
        .query(String.class).single()).isEqualTo(title);
  }

  @Test
  void commentResolutionDynamicListCanBeCompleted() throws Exception {
    ProcessInstance pi = resolvingComments("物业保洁服务规范-" + UUID.randomUUID().toString().substring(0, 6));
    String resolve = taskId(pi, StandardLifecycleProcess.TASK_RESOLVE_COMMENTS);

    TasklistSession liuyang = as("liuyang");
    liuyang.openTaskFromFilter(SECTION_TASKS, resolve, "处理征求意见");
    assertThat(liuyang.formsFixApplied()).as("stdflow-forms-fix.js patched the shipped form-js").isTrue();
    liuyang.claim();

    // the prefilled row shows the comment
    By list = By.cssSelector("[cam-tasklist-task] .fjs-form-field-dynamiclist");
    String row = liuyang.wait.until(ExpectedConditions.visibilityOfElementLocated(list)).getText();
    assertThat(row).contains("意见处理").contains("1. 物业管理科").contains(COMMENT);
    assertThat(liuyang.completeButton().isEnabled()).as("完成 enabled on the untouched prefilled list").isTrue();
    long prunedBefore = liuyang.formsFixPrunedCount();

    // editing the row leaves form-js's empty error entries behind; the script drops them
    liuyang.choose("处理结果", "不采纳");
    By reason = TasklistSession.fieldAfterLabel("理由", "textarea");
    liuyang.wait.until(ExpectedConditions.visibilityOfElementLocated(reason));
    liuyang.wait.until(d -> liuyang.formsFixPrunedCount() > prunedBefore);
    assertThat(liuyang.formsFixPrunedCount()).isPositive();
    assertThat(liuyang.completeButton().isEnabled()).as("完成 stays enabled after a row edit").isTrue();
    liuyang.screenshot("lifecycle-11-resolve-not-accepted");

    // the reason is the server's rule: Tasklist shows its message and the task stays
    liuyang.complete();
    String refused = liuyang.notification("第 1 条意见部分采纳或不采纳时必须说明理由");
    assertThat(refused).isNotBlank();
    liuyang.screenshot("lifecycle-12-resolve-reason-missing");
    assertThat(taskId(pi, StandardLifecycleProcess.TASK_RESOLVE_COMMENTS)).isEqualTo(resolve);

    liuyang.closeNotifications();
    String why = "现行《物业服务管理办法》已规定夜间值守，本标准不再重复";
    liuyang.type("理由", why);
    assertThat(liuyang.completeButton().isEnabled()).isTrue();
    liuyang.screenshot("lifecycle-13-resolve-with-reason");
    liuyang.complete();
    waitUntilWaitingAt(liuyang, pi, StandardLifecycleProcess.TASK_HOLD_REVIEW_MEETING);
    liuyang.screenshot("lifecycle-14-resolve-completed");

    Map<String, Object> decided = jdbc.sql("""
            SELECT decision, reason, decided_by, comment_text FROM std_comment
            WHERE process_instance_id = :pi AND no_comment = FALSE""")
        .param("pi", pi.getId()).query().singleRow();
    // (a case-insensitive map: H2 and PostgreSQL spell column labels differently)
    assertThat(decided.get("decision")).isEqualTo("NOT_ACCEPTED");
    assertThat(decided.get("reason")).isEqualTo(why);
    assertThat(decided.get("decided_by")).isEqualTo("liuyang");
    assertThat(decided.get("comment_text")).isEqualTo(COMMENT);
  }

  // ------------------------------------------------------------------------------------ helpers

  /**
   * The shared browser with the user logged in (whoever was logged in before logs out); the
   * returned session is named after the user in the tests for readability.
   */
  private TasklistSession as(String user) {
    tasklist.logoutIfLoggedIn();
    tasklist.login(user);
    return tasklist;
  }

  private static void tickDraftingChecklists(TasklistSession s) {
    for (String element : List.of("范围", "规范性引用文件", "术语和定义", "要求（技术内容）", "前言", "评价与改进", "附录")) {
      s.tick(element);
    }
    s.tick("物业管理科");
  }

  /** On the document page: choose the kind, pick the file, upload, wait for the list to grow. */
  private void upload(TasklistSession s, String kind, String name, byte[] content, String listStatus)
      throws Exception {
    Path file = Files.createTempFile("stdflow-" + name + "-", ".pdf");
    files.add(file);
    Files.write(file, content);
    s.wait.until(d -> new Select(d.findElement(By.id("kind"))).getOptions().size() > 1);
    new Select(s.driver.findElement(By.id("kind"))).selectByVisibleText(kind);
    s.driver.findElement(By.id("file")).sendKeys(file.toString());
    s.click(By.id("upload-button"));
    s.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), listStatus));
    s.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("document-table"),
        file.getFileName().toString()));
  }

  /** Waits (the browser's patience) until the engine has moved the process to the activity. */
  private void waitUntilWaitingAt(TasklistSession s, ProcessInstance pi, String activityId) {
    s.wait.until(d -> engine.getRuntimeService().getActiveActivityIds(pi.getId()).contains(activityId));
  }

  private String taskId(ProcessInstance pi, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    return task.getId();
  }

  /** A tiny but structurally real PDF (as org.stdflow.document.TestDocuments builds it), made unique. */
  private static byte[] pdf(String note) {
    return String.join("\n",
        "%PDF-1.4",
        "% stdflow " + HexFormat.of().formatHex(note.getBytes(StandardCharsets.UTF_8)),
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
        "trailer << /Root 1 0 R >>",
        "%%EOF",
        "").getBytes(StandardCharsets.US_ASCII);
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  // ------------------------------------------- setup through the services (as LifecycleTestSupport)

  /** Proposed by liuyang, accepted, approved, drafted consulting sec-property, commented by huanglei. */
  private ProcessInstance resolvingComments(String title) {
    ProcessInstance pi;
    engine.getIdentityService().setAuthentication("liuyang", groupsOf("liuyang"));
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey(StandardLifecycleProcess.KEY,
          StandardLifecycleProcessTestData.proposal(title));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    complete(pi, StandardLifecycleProcess.TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    complete(pi, StandardLifecycleProcess.TASK_APPROVE_PROJECT, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "approve"));
    long standardId = (Long) engine.getRuntimeService().getVariable(pi.getId(), Vars.STANDARD_ID);
    for (DocumentKind kind : List.of(DocumentKind.STANDARD_TEXT, DocumentKind.DRAFTING_NOTES)) {
      documents.storeGenerated(pi.getId(), standardId, kind, kind.label() + ".pdf", "application/pdf",
          pdf(kind + " " + title), "liuyang");
    }
    Map<String, Object> draft = new HashMap<>();
    draft.put(Vars.GBT11_ELEMENTS, Spin.JSON(List.of("scope", "normativeReferences", "termsAndDefinitions", "requirements")));
    draft.put(Vars.CONSULTED_SECTIONS, Spin.JSON(List.of("sec-property")));
    complete(pi, StandardLifecycleProcess.TASK_DRAFT_STANDARD, "liuyang", draft);
    complete(pi, StandardLifecycleProcess.TASK_COMMENT_ON_DRAFT, "huanglei",
        Map.of(Vars.NO_COMMENT, false, Vars.COMMENT_TEXT, COMMENT));
    assertThat(engine.getRuntimeService().getActiveActivityIds(pi.getId()))
        .containsExactly(StandardLifecycleProcess.TASK_RESOLVE_COMMENTS);
    return pi;
  }

  /** As the user would in Tasklist: claim, then complete with the form's values. */
  private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }
}
