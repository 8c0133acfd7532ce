package org.stdflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.util.unit.DataSize;
import org.stdflow.RestClient;
import org.stdflow.RestClient.BinaryResponse;
import org.stdflow.RestClient.FilePart;
import org.stdflow.RestClient.Response;
import org.stdflow.StdflowSpringTest;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.standard.StandardLifecycleProcess.Vars;
import org.stdflow.standard.StandardLifecycleProcessTestData;

/**
 * Uploads and downloads on a real standard-lifecycle run: the formal check task belongs to the
 * group std-office (zhaomin); liuyang proposed it, huanglei is another section, linxiao the auditor.
 */
@StdflowSpringTest
class DocumentUploadTest {

  private static final String START = "/engine-rest/process-definition/key/" + StandardLifecycleProcess.KEY + "/start";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired DocumentService documents;
  @Autowired Clock clock;

  private RestClient office;
  private RestClient proposer;
  private RestClient otherSection;
  private RestClient auditor;
  private RestClient admin;
  private RestClient anonymous;

  @BeforeEach
  void clients() {
    office = RestClient.as(port, "zhaomin", "demo");
    proposer = RestClient.as(port, "liuyang", "demo");
    otherSection = RestClient.as(port, "huanglei", "demo");
    auditor = RestClient.as(port, "linxiao", "demo");
    admin = RestClient.as(port, "admin", "admin-secret");
    anonymous = RestClient.anonymous(port);
  }

  // ------------------------------------------------------------------ accepted types

  @Test
  void acceptsPdfDocxXlsxAndOdtByContentWithTheirHash() {
    String pi = startProcess();
    String taskId = formalCheckTask(pi);
    Object standardId = runtimeService.getVariable(pi, Vars.STANDARD_ID);

    Map<String, byte[]> files = Map.of("标准文本.pdf", TestDocuments.pdf(), "编制说明.docx", TestDocuments.docx(),
        "意见汇总.xlsx", TestDocuments.xlsx(), "会议纪要.odt", TestDocuments.odt());
    Map<String, String> types = Map.of("标准文本.pdf", DocumentTypeDetector.PDF, "编制说明.docx", DocumentTypeDetector.DOCX,
        "意见汇总.xlsx", DocumentTypeDetector.XLSX, "会议纪要.odt", DocumentTypeDetector.ODT);
    for (var file : files.entrySet()) {
      // the declared type is ignored: everything is sent as application/octet-stream
      Response r = upload(office, taskId, "EVIDENCE", file.getKey(), file.getValue());
      expect(r, 201);
      JsonNode doc = r.json();
      assertThat(doc.get("mediaType").asText()).isEqualTo(types.get(file.getKey()));
      assertThat(doc.get("sha256").asText()).isEqualTo(sha256(file.getValue()));
      assertThat(doc.get("sizeBytes").asLong()).isEqualTo(file.getValue().length);
      assertThat(doc.get("fileName").asText()).isEqualTo(file.getKey());
      assertThat(doc.get("kind").asText()).isEqualTo("EVIDENCE");
      assertThat(doc.get("kindLabel").asText()).isEqualTo("证明材料");
      assertThat(doc.get("taskId").asText()).isEqualTo(taskId);
      assertThat(doc.get("activityId").asText()).isEqualTo(StandardLifecycleProcess.TASK_FORMAL_CHECK);
      assertThat(doc.get("processInstanceId").asText()).isEqualTo(pi);
      assertThat(doc.get("uploadedBy").asText()).isEqualTo("zhaomin");
      assertThat(doc.get("versionId").isNull()).isTrue();
      if (standardId != null) {
        assertThat(doc.get("standardId").asLong()).isEqualTo(((Number) standardId).longValue());
      }
      assertThat(doc.has("content")).as("metadata never carries the bytes").isFalse();
    }

    JsonNode list = office.get("/api/tasks/" + taskId + "/documents").json();
    assertThat(list).hasSize(4);
    assertThat(documents.documentsOfProcess(pi)).extracting(DocumentInfo::fileName)
        .containsExactlyInAnyOrderElementsOf(files.keySet());
    assertThat(documents.hasDocument(pi, DocumentKind.EVIDENCE)).isTrue();
    assertThat(documents.hasDocument(pi, DocumentKind.MEETING_MINUTES)).isFalse();
  }

  @Test
  void aPathInTheFileNameIsDropped() {
    String taskId = formalCheckTask(startProcess());
    Response r = upload(office, taskId, "OTHER", "C:\\fakepath\\..\\报告.pdf", TestDocuments.pdf());
    expect(r, 201);
    assertThat(r.json().get("fileName").asText()).isEqualTo("报告.pdf");
  }

  @Test
  void trainingSlidesAndVideosAreAcceptedAndAVideoPlaysInlineInByteRanges() {
    String taskId = formalCheckTask(startProcess());
    Response slides = upload(office, taskId, "TRAINING_MATERIAL", "会务服务规范培训课件.pptx", TestDocuments.pptx());
    expect(slides, 201);
    assertThat(slides.json().get("mediaType").asText()).isEqualTo(DocumentTypeDetector.PPTX);
    assertThat(slides.json().get("kindLabel").asText()).isEqualTo("宣传培训材料");
    byte[] video = TestDocuments.mp4("isom");
    Response clip = upload(office, taskId, "TRAINING_MATERIAL", "会场座次安排示范.mp4", video);
    expect(clip, 201);
    assertThat(clip.json().get("mediaType").asText()).isEqualTo(DocumentTypeDetector.MP4);
    String content = "/api/documents/" + clip.json().get("id").asLong() + "/content";

    BinaryResponse whole = office.getBytes(content);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(video);
    assertThat(whole.header("Content-Type")).isEqualTo("video/mp4");
    assertThat(whole.header("Content-Disposition")).startsWith("inline;");
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.header("X-Content-SHA256")).isEqualTo(sha256(video));
    // a player asks for the part it needs
    BinaryResponse part = office.getBytes(content, Map.of("Range", "bytes=4-11"));
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(video, 4, 12));
    assertThat(part.header("Content-Range")).isEqualTo("bytes 4-11/" + video.length);
    // slides stay a download
    assertThat(office.getBytes("/api/documents/" + slides.json().get("id").asLong() + "/content")
        .header("Content-Disposition")).startsWith("attachment;");
  }

  // ------------------------------------------------------------------ rejected uploads

  @Test
  void anExecutableNamedPdfIsRejectedAndNothingStored() {
    String taskId = formalCheckTask(startProcess());
    long before = rows();

    Response r = upload(office, taskId, "STANDARD_TEXT", "x.pdf", TestDocuments.exe());

    expect(r, 400);
    assertThat(r.json().get("message").asText()).isEqualTo("只接受 PDF、DOCX、ODT、XLSX、PPTX 文件，JPG、PNG 照片和 MP4 视频：«x.pdf» 的内容不是其中任何一种");
    assertThat(r.json().get("fieldErrors").get("file").asText()).contains("«x.pdf»");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void aZipThatIsNoDocumentIsRejected() {
    String taskId = formalCheckTask(startProcess());
    long before = rows();

    Response r = upload(office, taskId, "STANDARD_TEXT", "标准.docx", TestDocuments.plainZip());

    expect(r, 400);
    assertThat(r.json().get("fieldErrors").get("file").asText()).contains("只接受 PDF、DOCX、ODT、XLSX、PPTX 文件");
    expect(upload(office, taskId, "STANDARD_TEXT", "表.ods",
        TestDocuments.odf("application/vnd.oasis.opendocument.spreadsheet")), 400);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void missingKindMissingFileAndEmptyFileAre400WithFieldErrors() {
    String taskId = formalCheckTask(startProcess());
    long before = rows();

    Response noKind = office.postMultipart("/api/tasks/" + taskId + "/documents", Map.of(),
        new FilePart("file", "a.pdf", "application/pdf", TestDocuments.pdf()));
    expect(noKind, 400);
    assertThat(noKind.json().get("fieldErrors").get("kind").asText()).isEqualTo("请选择文件类别");
    assertThat(noKind.json().get("fieldErrors").has("file")).isFalse();

    Response unknownKind = upload(office, taskId, "SECRET", "a.pdf", TestDocuments.pdf());
    expect(unknownKind, 400);
    assertThat(unknownKind.json().get("fieldErrors").get("kind").asText()).isEqualTo("请选择文件类别");

    Response noFile = office.postMultipart("/api/tasks/" + taskId + "/documents", Map.of("kind", "OTHER"), null);
    expect(noFile, 400);
    assertThat(noFile.json().get("fieldErrors").get("file").asText()).isEqualTo("请选择要上传的文件");

    Response nothingChosen = office.postMultipart("/api/tasks/" + taskId + "/documents", Map.of("kind", "OTHER"),
        new FilePart("file", "", "application/octet-stream", new byte[0]));
    expect(nothingChosen, 400);
    assertThat(nothingChosen.json().get("fieldErrors").get("file").asText()).isEqualTo("请选择要上传的文件");

    Response nothing = office.postMultipart("/api/tasks/" + taskId + "/documents", Map.of(), null);
    expect(nothing, 400);
    assertThat(nothing.json().get("fieldErrors").fieldNames()).toIterable().containsExactly("file", "kind");

    Response empty = upload(office, taskId, "OTHER", "空.pdf", new byte[0]);
    expect(empty, 400);
    assertThat(empty.json().get("fieldErrors").get("file").asText()).contains("文件为空").contains("«空.pdf»");

    assertThat(rows()).isEqualTo(before);
  }

  /** Service level with a 1 MB limit: cheaper than sending 21 MB, same rule. */
  @Test
  void anOversizedFileIsRejectedWithBothSizes() {
    DocumentService small = new DocumentService(jdbc, new DocumentProperties(DataSize.ofMegabytes(1)), clock);
    byte[] big = new byte[1024 * 1024 + 150 * 1024];
    System.arraycopy(TestDocuments.pdf(), 0, big, 0, TestDocuments.pdf().length);
    long before = rows();

    assertThatThrownBy(() -> small.store(upload("a.pdf", big.length, big)))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("文件过大：最大 1 MB，«a.pdf» 为 1.2 MB");
          assertThat(e.fieldErrors()).containsOnlyKeys("file");
        });
    // the declared size is the sender's claim: the bytes count
    assertThatThrownBy(() -> small.store(upload("b.pdf", 10, big)))
        .isInstanceOf(DocumentRejectedException.class).hasMessageStartingWith("文件过大：最大 1 MB");
    assertThatThrownBy(() -> small.store(upload("c".repeat(300) + ".pdf", 10, TestDocuments.pdf())))
        .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("文件名过长");
    assertThat(rows()).isEqualTo(before);
    assertThat(new DocumentProperties(null).maxSize()).isEqualTo(DataSize.ofMegabytes(20));
  }

  // ------------------------------------------------------------------ who may upload

  @Test
  void onlyThoseWhoMayWorkOnTheTaskUpload() {
    String pi = startProcess();
    String taskId = formalCheckTask(pi);
    long before = rows();

    expect(upload(otherSection, taskId, "OTHER", "a.pdf", TestDocuments.pdf()), 404);
    assertThat(upload(otherSection, taskId, "OTHER", "a.pdf", TestDocuments.pdf()).json().get("message").asText())
        .isEqualTo("任务不存在或无权访问");
    expect(upload(proposer, taskId, "OTHER", "a.pdf", TestDocuments.pdf()), 404);
    Response auditorUpload = upload(auditor, taskId, "OTHER", "a.pdf", TestDocuments.pdf());
    expect(auditorUpload, 403);
    assertThat(auditorUpload.json().get("message").asText()).contains("办理人或候选人");
    expect(upload(anonymous, taskId, "OTHER", "a.pdf", TestDocuments.pdf()), 401);
    expect(upload(office, "no-such-task", "OTHER", "a.pdf", TestDocuments.pdf()), 404);
    assertThat(rows()).isEqualTo(before);

    // the assignee, and an admin (TASK_WORK on everything), may
    expect(office.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "zhaomin")), 204);
    expect(upload(office, taskId, "OTHER", "a.pdf", TestDocuments.pdf()), 201);
    expect(upload(admin, taskId, "OTHER", "b.pdf", TestDocuments.pdf()), 201);
  }

  @Test
  void taskViewAndListFollowTaskVisibility() {
    String pi = startProcess();
    String taskId = formalCheckTask(pi);

    JsonNode view = office.get("/api/tasks/" + taskId).json();
    assertThat(view.get("id").asText()).isEqualTo(taskId);
    assertThat(view.get("name").asText()).isEqualTo("形式审查");
    assertThat(view.get("processInstanceId").asText()).isEqualTo(pi);
    assertThat(view.get("processDefinitionName").asText()).isNotBlank();
    assertThat(view.get("mayUpload").asBoolean()).isTrue();
    Object standardId = runtimeService.getVariable(pi, Vars.STANDARD_ID);
    if (standardId != null) {
      assertThat(view.get("standardId").asLong()).isEqualTo(((Number) standardId).longValue());
    }
    assertThat(auditor.get("/api/tasks/" + taskId).json().get("mayUpload").asBoolean()).as("read-only").isFalse();
    expect(auditor.get("/api/tasks/" + taskId + "/documents"), 200);
    expect(otherSection.get("/api/tasks/" + taskId), 404);
    expect(otherSection.get("/api/tasks/" + taskId + "/documents"), 404);
    expect(anonymous.get("/api/tasks/" + taskId + "/documents"), 401);

    JsonNode options = office.get("/api/document-options").json();
    assertThat(options.get("kinds")).hasSize(DocumentKind.values().length);
    assertThat(options.get("kinds").get(0).get("label").asText()).isEqualTo(DocumentKind.values()[0].label());
    assertThat(options.get("maxSizeText").asText()).isEqualTo("20 MB");
  }

  // ------------------------------------------------------------------ downloads

  @Test
  void downloadReturnsTheExactBytesWithTypeNameAndHash() {
    String taskId = formalCheckTask(startProcess());
    byte[] docx = TestDocuments.docx();
    long id = upload(office, taskId, "DRAFTING_NOTES", "编制说明 (初稿).docx", docx).json().get("id").asLong();

    BinaryResponse r = office.getBytes("/api/documents/" + id + "/content");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(docx);
    assertThat(r.header("Content-Type")).isEqualTo(DocumentTypeDetector.DOCX);
    assertThat(r.header("X-Content-SHA256")).isEqualTo(sha256(docx));
    assertThat(r.header("Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename*=UTF-8''" + URLEncoder.encode("编制说明 (初稿).docx", StandardCharsets.UTF_8)
            .replace("+", "%20").replace("(", "%28").replace(")", "%29"));
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");

    JsonNode meta = office.get("/api/documents/" + id).json();
    assertThat(meta.get("fileName").asText()).isEqualTo("编制说明 (初稿).docx");
    Response missing = office.get("/api/documents/999999999");
    expect(missing, 404);
    assertThat(missing.json().get("message").asText()).isEqualTo("文件不存在");
    assertThat(anonymous.getBytes("/api/documents/" + id + "/content").status()).isEqualTo(401);
  }

  @Test
  void unpublishedDocumentsAreForTheTaskReadersTheResponsibleSectionAuditorsAndAdmins() {
    String pi = startProcess();
    String taskId = formalCheckTask(pi);
    long id = upload(office, taskId, "EVIDENCE", "证明.pdf", TestDocuments.pdf()).json().get("id").asLong();
    String content = "/api/documents/" + id + "/content";

    assertThat(office.getBytes(content).status()).isEqualTo(200);
    assertThat(auditor.getBytes(content).status()).isEqualTo(200);
    assertThat(admin.getBytes(content).status()).isEqualTo(200);
    assertThat(otherSection.getBytes(content).status()).isEqualTo(403);
    expect(otherSection.get("/api/documents/" + id), 403);
    // the task is the office's, but the standard is the proposing section's (it reads its own standard's files)
    assertThat(proposer.getBytes(content).status()).as("the responsible section").isEqualTo(200);

    // the run ends (rejected): no current task left, only READ_HISTORY (auditors) and admins remain
    expect(office.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "zhaomin")), 204);
    expect(office.post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(Map.of(
        Vars.FORMAL_CHECK_DECISION, "reject", Vars.FORMAL_CHECK_REASON, "测试：不予立项"))), 204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

    assertThat(office.getBytes(content).status()).isEqualTo(403);
    assertThat(auditor.getBytes(content).status()).as("READ_HISTORY on the definition").isEqualTo(200);
    assertThat(admin.getBytes(content).status()).isEqualTo(200);
    assertThat(otherSection.getBytes(content).status()).isEqualTo(403);
    assertThat(proposer.getBytes(content).status()).as("the responsible section").isEqualTo(200);
  }

  @Test
  void documentsFiledWithAVersionAreForEveryone() {
    String pi = startProcess();
    String taskId = formalCheckTask(pi);
    long id = upload(office, taskId, "STANDARD_TEXT", "标准文本.pdf", TestDocuments.pdf()).json().get("id").asLong();
    DocumentInfo generated = documents.storeGenerated(pi, null, DocumentKind.COMMENT_TABLE, "意见表.csv", "text/csv",
        "序号,意见\r\n".getBytes(StandardCharsets.UTF_8), null);
    assertThat(generated.uploadedBy()).isEqualTo(DocumentService.SYSTEM_USER);
    assertThat(generated.sha256()).isEqualTo(sha256("序号,意见\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(otherSection.getBytes("/api/documents/" + id + "/content").status()).isEqualTo(403);

    long standardId = ((Number) runtimeService.getVariable(pi, Vars.STANDARD_ID)).longValue();
    long versionId = insertVersion(standardId);
    assertThat(documents.attachToVersion(pi, standardId, versionId)).isEqualTo(2);
    assertThat(documents.attachToVersion(pi, standardId, versionId)).as("already filed").isZero();

    assertThat(documents.documentsOfVersion(versionId)).extracting(DocumentInfo::id)
        .containsExactly(id, generated.id());
    assertThat(documents.documentsOfStandard(standardId)).extracting(DocumentInfo::id).contains(id, generated.id());
    assertThat(documents.load(generated.id()).orElseThrow().info().standardId()).isEqualTo(standardId);
    assertThat(otherSection.getBytes("/api/documents/" + id + "/content").status()).isEqualTo(200);
    assertThat(otherSection.get("/api/documents/" + id).json().get("versionId").asLong()).isEqualTo(versionId);
    assertThat(documents.load(-1)).isEmpty();
  }

  // ------------------------------------------------------------------ CSRF and session login

  @Test
  void aSessionAuthenticatedUploadNeedsTheAntiCsrfHeader() throws Exception {
    String taskId = formalCheckTask(startProcess());
    Session session = Session.loginToTasklist(port, "zhaomin", "demo");
    long before = rows();

    assertThat(session.get("/api/me").body()).contains("zhaomin");
    HttpResponse<String> forged = session.postMultipart("/api/tasks/" + taskId + "/documents", Map.of());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("缺少防伪请求头");
    assertThat(rows()).isEqualTo(before);

    HttpResponse<String> fromPage = session.postMultipart("/api/tasks/" + taskId + "/documents",
        Map.of("X-Requested-With", "stdflow"));
    assertThat(fromPage.statusCode()).as(fromPage.body()).isEqualTo(201);
    assertThat(rows()).isEqualTo(before + 1);
  }

  @Test
  void thePageIsServedToLoggedInUsersOnly() {
    Response page = office.get("/pages/documents.html?taskId=x");
    expect(page, 200);
    assertThat(page.body()).contains("<title>任务文件").contains("返回任务列表").contains("pages.js").contains("documents.js");
    Response script = office.get("/pages/documents.js");
    expect(script, 200);
    assertThat(script.body()).contains("/camunda/app/tasklist/default/#/?task=");
    // the anti-CSRF header on every call, from the script all pages share
    Response shared = office.get("/pages/pages.js");
    expect(shared, 200);
    assertThat(shared.body()).contains("'X-Requested-With': 'stdflow'");
    BinaryResponse redirect = anonymous.getBytes("/pages/documents.html?taskId=x");
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).contains("/camunda/app/tasklist/");
  }

  // ------------------------------------------------------------------ the link in every form

  @Test
  void everyNewUserTaskGetsItsDocumentsUrlAsALocalVariable() {
    String pi = startProcess();
    String taskId = formalCheckTask(pi);

    Map<String, Object> local = taskService.getVariablesLocal(taskId);
    assertThat(local).containsEntry("documentsUrl", "/pages/documents.html?taskId=" + taskId)
        .doesNotContainKey("taskId");
    assertThat(runtimeService.getVariable(pi, "documentsUrl")).as("local to the task, not the process").isNull();
    assertThat(DocumentLinkPlugin.asciiUrl("http://例子.cn/a b")).isEqualTo("http://%E4%BE%8B%E5%AD%90.cn/a%20b");
  }

  // ------------------------------------------------------------------ helpers

  private String startProcess() {
    String title = "文件上传测试规范" + UUID.randomUUID().toString().substring(0, 8);
    Response r = proposer.post(START, RestClient.variables(StandardLifecycleProcessTestData.proposal(title)));
    expect(r, 200);
    return r.json().get("id").asText();
  }

  private String formalCheckTask(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(StandardLifecycleProcess.TASK_FORMAL_CHECK).singleResult().getId();
  }

  private static Response upload(RestClient client, String taskId, String kind, String fileName, byte[] content) {
    return client.postMultipart("/api/tasks/" + taskId + "/documents", Map.of("kind", kind),
        new FilePart("file", fileName, "application/octet-stream", content));
  }

  private static DocumentUpload upload(String fileName, long declaredSize, byte[] content) {
    return new DocumentUpload(null, null, null, null, DocumentKind.OTHER, fileName, declaredSize,
        new ByteArrayResource(content), "test");
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM std_document").query(Long.class).single();
  }

  private long insertVersion(long standardId) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at)
            VALUES (:s, 1, :code, 'IN_FORCE', :d, :t)""")
        .param("s", standardId).param("code", "TEST-" + standardId).param("d", Date.valueOf(LocalDate.now()))
        .param("t", new Timestamp(System.currentTimeMillis())).update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Independent of the code under test: the JDK's digest. */
  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void expect(Response response, int status) {
    assertThat(response.status()).as("HTTP status, body: %s", response.body()).isEqualTo(status);
  }

  /** A browser-like client: logs in to Tasklist the way the webapp does and keeps its cookies. */
  private record Session(HttpClient http, String base) {

    static Session loginToTasklist(int port, String user, String password) throws Exception {
      CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      String base = "http://localhost:" + port;
      // the webapp hands out its CSRF token on a GET; the login POST must echo it
      HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      String token = first.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
          .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""));
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("Tasklist login: %s", login.body()).isEqualTo(200);
      return new Session(http, base);
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Uploads a small PDF with only the session cookie (no HTTP basic), plus the given headers. */
    HttpResponse<String> postMultipart(String path, Map<String, String> headers) throws Exception {
      String boundary = "----session" + UUID.randomUUID();
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(RestClient.multipart(boundary,
              Map.of("kind", "OTHER"), new FilePart("file", "会话.pdf", "application/pdf", TestDocuments.pdf())))));
      headers.forEach(b::header);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }
}
