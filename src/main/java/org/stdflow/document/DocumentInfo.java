package org.stdflow.document;

import java.time.Instant;

/**
 * A stored document without its content (lists and metadata never load the bytes).
 *
 * @param versionId set once the document is published with a version of the standard
 * @param kindLabel the Chinese label of {@code kind}, for pages and forms
 */
public record DocumentInfo(long id, Long standardId, Long versionId, String processInstanceId, String taskId,
    String activityId, DocumentKind kind, String kindLabel, String fileName, String mediaType, long sizeBytes,
    String sha256, String uploadedBy, Instant uploadedAt) {
}
