package org.stdflow.standard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON views of the register's read API ({@code /api/standards}, {@code /api/nodes}). Records
 * only: what the API answers is visible in one place, and nothing here writes.
 */
final class StandardViews {

  private StandardViews() {
  }

  /** One page of a list. */
  record Page<T>(List<T> items, long total, int page, int size) {
  }

  /**
   * A register entry as lists show it.
   *
   * @param currentVersionNo null while the standard was never published
   * @param reviewOverdue the next periodic review date has passed (bureau's time zone)
   */
  record StandardItem(long id, String code, String title, String nodeCode, String nodeName, String type,
      String typeLabel, String status, String statusLabel, String responsibleSection, String responsibleSectionName,
      Integer currentVersionNo, LocalDate effectiveDate, LocalDate nextReviewDate, boolean reviewOverdue,
      boolean revisionInProgress) {
  }

  /**
   * A register entry with everything recorded about it. The item's fields are unwrapped, so the
   * detail is the list item plus more fields.
   *
   * @param pendingDocuments documents of the running life cycle not yet published with a version
   */
  record StandardDetail(@JsonUnwrapped StandardItem standard, String scope, String rejectionReason,
      String processInstanceId,
      List<VersionView> versions, List<DocumentView> pendingDocuments, List<NoticeView> notices,
      List<TrainingView> trainings, List<AcknowledgementView> acknowledgements, List<ReviewView> reviews,
      List<CommentView> comments) {
  }

  /**
   * A section head asked to acknowledge a version (阅知); {@code acknowledgedAt} null: not (yet) — after
   * the deadline, did not.
   */
  record AcknowledgementView(long versionId, String userId, String userName, Instant acknowledgedAt) {
  }

  /** A published version; {@code supersedesId} links the chain to the version it replaced. */
  record VersionView(long id, int versionNo, String code, String status, String statusLabel, LocalDate effectiveDate,
      Instant publishedAt, String approvedBy, Long supersedesId, List<DocumentView> documents) {
  }

  /** A stored document's metadata (never its bytes); download through {@code downloadUrl}. */
  record DocumentView(long id, String kind, String kindLabel, String fileName, String mediaType, long sizeBytes,
      String sha256, String uploadedBy, Instant uploadedAt, String downloadUrl) {
  }

  record NoticeView(long id, Long versionId, String kind, String kindLabel, String message, String createdBy,
      Instant createdAt) {
  }

  record TrainingView(long id, long versionId, LocalDate trainingDate, String attendees, String recordedBy,
      Instant recordedAt) {
  }

  record ReviewView(long id, Long versionId, String trigger, String triggerLabel, String triggerReason,
      String outcome, String outcomeLabel, String reason, String reviewedBy, Instant reviewedAt) {
  }

  /** A comment of a comment round with the drafter's decision on it. */
  record CommentView(long id, String processInstanceId, String section, String sectionName, String author,
      String text, boolean noComment, String decision, String decisionLabel, String reason, Instant createdAt,
      String decidedBy, Instant decidedAt) {
  }

  /**
   * A node of the standard system with its sub-tree.
   *
   * @param standardCount the live standards filed under this node itself
   * @param subtreeCount those of the node and all its descendants (what the node filter of the list finds)
   */
  record NodeView(String code, String name, String parentCode, int sortOrder, long standardCount,
      long subtreeCount, List<NodeView> children) {
  }
}
