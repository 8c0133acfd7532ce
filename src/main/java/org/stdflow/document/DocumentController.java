package org.stdflow.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stdflow.platform.security.CurrentUser;

/**
 * The documents of the task at hand (Camunda Forms cannot upload files): the page
 * /pages/documents.html?taskId=… lists and uploads through these endpoints.
 */
@RestController
class DocumentController {

  static final String TASK_NOT_FOUND = "任务不存在或无权访问";
  static final String DOCUMENT_NOT_FOUND = "文件不存在";

  private final DocumentService documents;
  private final DocumentAccess access;
  private final DocumentProperties properties;

  DocumentController(DocumentService documents, DocumentAccess access, DocumentProperties properties) {
    this.documents = documents;
    this.access = access;
    this.properties = properties;
  }

  /** What the page shows about the task; {@code mayUpload} hides the form from read-only callers. */
  record TaskView(String id, String name, String processInstanceId, String processDefinitionName, Long standardId,
      boolean mayUpload) {
  }

  record KindView(String value, String label) {
  }

  /** What the upload form offers: the kinds with their Chinese labels and the size limit. */
  record UploadOptions(List<KindView> kinds, long maxSizeBytes, String maxSizeText) {
  }

  @GetMapping("/api/tasks/{taskId}")
  TaskView task(@PathVariable String taskId, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    Task task = visibleTask(taskId);
    return new TaskView(task.getId(), task.getName(), task.getProcessInstanceId(), access.processDefinitionName(task),
        access.standardIdOf(task), access.mayWork(user, task));
  }

  @GetMapping("/api/document-options")
  UploadOptions options() {
    long max = properties.maxSize().toBytes();
    return new UploadOptions(Arrays.stream(DocumentKind.values()).map(k -> new KindView(k.name(), k.label())).toList(),
        max, DocumentService.megabytes(max, false));
  }

  @GetMapping("/api/tasks/{taskId}/documents")
  List<DocumentInfo> documentsOfTask(@PathVariable String taskId) {
    Task task = visibleTask(taskId);
    return task.getProcessInstanceId() == null ? List.of() : documents.documentsOfProcess(task.getProcessInstanceId());
  }

  @PostMapping(path = "/api/tasks/{taskId}/documents")
  ResponseEntity<DocumentInfo> upload(@PathVariable String taskId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    Task task = visibleTask(taskId);
    if (!access.mayWork(user, task)) {
      throw new DocumentAccessException(HttpStatus.FORBIDDEN, "只有任务的办理人或候选人可以为此任务上传文件");
    }
    if (task.getProcessInstanceId() == null) {
      throw new DocumentAccessException(HttpStatus.BAD_REQUEST, "此任务不属于任何流程，不能上传文件");
    }
    // a form submitted without choosing a file still sends an empty part with filename=""
    boolean noFile = file == null || file.getOriginalFilename() == null
        || (file.getOriginalFilename().isEmpty() && file.isEmpty());
    DocumentInfo stored = documents.store(new DocumentUpload(task.getProcessInstanceId(), task.getId(),
        task.getTaskDefinitionKey(), access.standardIdOf(task), parseKind(kind),
        noFile ? null : file.getOriginalFilename(), noFile ? 0 : file.getSize(), noFile ? null : file, user.id()));
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  @GetMapping("/api/documents/{id}")
  DocumentInfo document(@PathVariable long id, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    DocumentInfo info = documents.find(id).orElseThrow(DocumentController::documentNotFound);
    checkRead(user, info);
    return info;
  }

  /**
   * The stored bytes. A video is served inline (the page's player and a new tab play it) and, like
   * every document, in byte ranges when asked (Spring answers a Range header on a resource with 206):
   * a player seeks without loading the whole file first. Everything else is a download.
   */
  @GetMapping("/api/documents/{id}/content")
  ResponseEntity<Resource> content(@PathVariable long id,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    // metadata first: a forbidden download never loads the bytes
    checkRead(user, documents.find(id).orElseThrow(DocumentController::documentNotFound));
    StoredDocument doc = documents.load(id).orElseThrow(DocumentController::documentNotFound);
    boolean video = doc.info().mediaType().startsWith("video/");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(doc.info().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(doc.info().fileName(), video))
        .header("X-Content-SHA256", doc.info().sha256())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .body(new ByteArrayResource(doc.content()));
  }

  private Task visibleTask(String taskId) {
    return access.visibleTask(taskId)
        .orElseThrow(() -> new DocumentAccessException(HttpStatus.NOT_FOUND, TASK_NOT_FOUND));
  }

  private void checkRead(CurrentUser user, DocumentInfo info) {
    if (!access.mayRead(user, info)) {
      throw new DocumentAccessException(HttpStatus.FORBIDDEN, "无权查看此文件");
    }
  }

  private static DocumentAccessException documentNotFound() {
    return new DocumentAccessException(HttpStatus.NOT_FOUND, DOCUMENT_NOT_FOUND);
  }

  /** Missing or unknown kind → null, which the service reports as a field error with the others. */
  private static DocumentKind parseKind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return DocumentKind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * RFC 6266 with RFC 5987 {@code filename*} for Chinese names, plus an ASCII {@code filename} for
   * old clients; {@code inline} shows the file in the browser instead of saving it.
   */
  static String contentDisposition(String fileName, boolean inline) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\'
        ? (char) cp : '_'));
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isAttrChar(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** attr-char of RFC 5987: ALPHA / DIGIT / "!#$&+-.^_`|~". */
  private static boolean isAttrChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
