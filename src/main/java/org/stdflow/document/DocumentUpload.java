package org.stdflow.document;

import org.springframework.core.io.InputStreamSource;

/**
 * An upload as the web layer received it, before any check: everything here is the sender's claim
 * except the task context, which the caller has resolved from the engine.
 *
 * @param standardId the process variable {@code standardId} of the task's process, or null
 * @param kind null when the sender chose none (or an unknown one)
 * @param fileName the name the browser sent (may contain a path); null when no file was sent
 * @param size the received size in bytes
 * @param content the received bytes; null when no file was sent
 */
public record DocumentUpload(String processInstanceId, String taskId, String activityId, Long standardId,
    DocumentKind kind, String fileName, long size, InputStreamSource content, String uploadedBy) {
}
