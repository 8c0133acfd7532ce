package org.stdflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The documents of the life cycles (table std_document): uploads checked by content, documents the
 * system generates, and their filing with a published version. Writes join the engine's transaction
 * when called from a delegate (one DataSource, one transaction manager).
 */
@Service
public class DocumentService {

  /** What DocumentTypeDetector recognises, as the upload page and the error say it. */
  static final String ACCEPTED = "只接受 PDF、DOCX、ODT、XLSX、PPTX 文件，JPG、PNG 照片和 MP4 视频";

  static final int MAX_FILE_NAME_LENGTH = 255;
  /** uploaded_by is NOT NULL; a job without an authenticated user writes as the system. */
  static final String SYSTEM_USER = "system";

  private static final String COLUMNS = """
      id, standard_id, version_id, process_instance_id, task_id, activity_id, kind, file_name, media_type,
      size_bytes, sha256, uploaded_by, uploaded_at""";

  private final JdbcClient jdbc;
  private final DocumentProperties properties;
  private final Clock clock;

  DocumentService(JdbcClient jdbc, DocumentProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Checks an upload (file present and not empty, within the size limit, a PDF/DOCX/ODT/XLSX by
   * content, a usable file name, a kind) and stores it.
   *
   * @throws DocumentRejectedException with Chinese messages per field; nothing is stored then
   */
  public DocumentInfo store(DocumentUpload upload) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = cleanFileName(upload.fileName());
    byte[] content = null;
    long max = properties.maxSize().toBytes();
    if (upload.content() == null || upload.fileName() == null) {
      errors.put("file", "请选择要上传的文件");
    } else if (name.isEmpty()) {
      errors.put("file", "文件名不能为空");
    } else if (name.codePointCount(0, name.length()) > MAX_FILE_NAME_LENGTH) {
      errors.put("file", "文件名过长：最多 " + MAX_FILE_NAME_LENGTH + " 个字符");
    } else if (upload.size() > max) {
      errors.put("file", tooLarge(name, upload.size(), max));
    } else {
      // read at most max + 1 bytes: the declared size is the sender's claim
      content = readAtMost(upload, max + 1);
      if (content.length == 0) {
        errors.put("file", "文件为空：«" + name + "» 没有内容");
      } else if (content.length > max) {
        errors.put("file", tooLarge(name, content.length, max));
      }
    }
    String mediaType = null;
    if (!errors.containsKey("file")) {
      mediaType = DocumentTypeDetector.detect(content).orElse(null);
      if (mediaType == null) {
        errors.put("file", ACCEPTED + "：«" + name + "» 的内容不是其中任何一种");
      }
    }
    if (upload.kind() == null) {
      errors.put("kind", "请选择文件类别");
    }
    if (!errors.isEmpty()) {
      throw new DocumentRejectedException(errors);
    }
    return insert(upload.standardId(), upload.processInstanceId(), upload.taskId(), upload.activityId(),
        upload.kind(), name, mediaType, content, upload.uploadedBy());
  }

  /**
   * Stores a document the system produced (e.g. the comment table). Its type is ours, so it is not
   * sniffed; it is hashed like every other document.
   *
   * @param userId who caused it; null (a job without a user) is recorded as {@value #SYSTEM_USER}
   */
  public DocumentInfo storeGenerated(String processInstanceId, Long standardId, DocumentKind kind, String fileName,
      String mediaType, byte[] content, String userId) {
    String name = cleanFileName(fileName);
    if (kind == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_FILE_NAME_LENGTH
        || mediaType == null || mediaType.isBlank() || content == null) {
      throw new IllegalArgumentException("generated document needs kind, a file name of at most "
          + MAX_FILE_NAME_LENGTH + " characters, a media type and content");
    }
    return insert(standardId, processInstanceId, null, null, kind, name, mediaType, content,
        userId == null ? SYSTEM_USER : userId);
  }

  /** The documents of one process run, oldest first (published ones included). */
  public List<DocumentInfo> documentsOfProcess(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM std_document WHERE process_instance_id = :pi ORDER BY uploaded_at, id")
        .param("pi", processInstanceId).query(DocumentService::info).list();
  }

  /** The documents published with a version, oldest first. */
  public List<DocumentInfo> documentsOfVersion(long versionId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM std_document WHERE version_id = :v ORDER BY uploaded_at, id")
        .param("v", versionId).query(DocumentService::info).list();
  }

  /** All documents of a standard, over all its runs and versions, oldest first. */
  public List<DocumentInfo> documentsOfStandard(long standardId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM std_document WHERE standard_id = :s ORDER BY uploaded_at, id")
        .param("s", standardId).query(DocumentService::info).list();
  }

  /** Whether the run holds a document of this kind (attached to a version or not). */
  public boolean hasDocument(String processInstanceId, DocumentKind kind) {
    return jdbc.sql("SELECT COUNT(*) FROM std_document WHERE process_instance_id = :pi AND kind = :kind")
        .param("pi", processInstanceId).param("kind", kind.name()).query(Long.class).single() > 0;
  }

  /**
   * Files the run's documents that are not yet filed with a version under {@code versionId} (and
   * the standard). Documents of earlier versions stay with those.
   *
   * @return how many documents were attached
   */
  public int attachToVersion(String processInstanceId, long standardId, long versionId) {
    return jdbc.sql("""
            UPDATE std_document SET version_id = :v, standard_id = :s
             WHERE process_instance_id = :pi AND version_id IS NULL""")
        .param("v", versionId).param("s", standardId).param("pi", processInstanceId).update();
  }

  /** Metadata of one document. */
  public Optional<DocumentInfo> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM std_document WHERE id = :id").param("id", id)
        .query(DocumentService::info).optional();
  }

  /** One document with its content. */
  public Optional<StoredDocument> load(long id) {
    return jdbc.sql("SELECT " + COLUMNS + ", content FROM std_document WHERE id = :id").param("id", id)
        .query((rs, n) -> new StoredDocument(info(rs, n), rs.getBytes("content"))).optional();
  }

  private DocumentInfo insert(Long standardId, String processInstanceId, String taskId, String activityId,
      DocumentKind kind, String fileName, String mediaType, byte[] content, String userId) {
    String sha256 = sha256(content);
    Timestamp now = Timestamp.from(clock.instant());
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_document (standard_id, process_instance_id, task_id, activity_id, kind, file_name,
                                      media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES (:standard, :pi, :task, :activity, :kind, :name, :type, :size, :sha, :content, :user, :now)""")
        .param("standard", standardId).param("pi", processInstanceId).param("task", taskId)
        .param("activity", activityId).param("kind", kind.name()).param("name", fileName).param("type", mediaType)
        .param("size", (long) content.length).param("sha", sha256).param("content", content).param("user", userId)
        .param("now", now).update(keys, "id");
    return new DocumentInfo(keys.getKey().longValue(), standardId, null, processInstanceId, taskId, activityId, kind,
        kind.label(), fileName, mediaType, content.length, sha256, userId, now.toInstant());
  }

  /** The last path segment (browsers may send "C:\\fakepath\\a.pdf"), without control characters. */
  static String cleanFileName(String fileName) {
    if (fileName == null) {
      return "";
    }
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    return name.replaceAll("\\p{Cntrl}", "").strip();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** "文件过大：最大 20 MB，«a.pdf» 为 31.2 MB" (the file's size rounded up, so it never looks equal). */
  private static String tooLarge(String name, long size, long max) {
    return "文件过大：最大 " + megabytes(max, false) + "，«" + name + "» 为 " + megabytes(size, true);
  }

  static String megabytes(long bytes, boolean roundUp) {
    double tenths = bytes * 10.0 / (1024 * 1024);
    double value = (roundUp ? Math.ceil(tenths) : Math.floor(tenths)) / 10;
    String text = String.format(Locale.ROOT, "%.1f", value);
    return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " MB";
  }

  private static byte[] readAtMost(DocumentUpload upload, long limit) {
    try (InputStream in = upload.content().getInputStream()) {
      return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the upload", e);
    }
  }

  private static DocumentInfo info(ResultSet rs, int row) throws SQLException {
    DocumentKind kind = kind(rs.getString("kind"));
    return new DocumentInfo(rs.getLong("id"), nullableLong(rs, "standard_id"), nullableLong(rs, "version_id"),
        rs.getString("process_instance_id"), rs.getString("task_id"), rs.getString("activity_id"), kind,
        kind.label(), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
        rs.getString("sha256").strip(), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }

  /** A kind written by a newer release than this one still lists (as "其他"). */
  private static DocumentKind kind(String value) {
    try {
      return DocumentKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return DocumentKind.OTHER;
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
