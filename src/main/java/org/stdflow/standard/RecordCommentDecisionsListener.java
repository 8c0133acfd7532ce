package org.stdflow.standard;

import org.stdflow.platform.csv.CsvCells;
import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.DocumentService;

/**
 * Records the drafter's decision on every comment and files the comment-resolution table
 * (征求意见汇总处理表) as a document of the run, so it is published with the version.
 */
@Component("recordCommentDecisionsListener")
class RecordCommentDecisionsListener implements ExecutionListener {

  private static final Map<String, String> DECISIONS = Map.of("accept", "ACCEPTED", "partial", "PARTIALLY_ACCEPTED",
      "reject", "NOT_ACCEPTED");
  private static final Map<String, String> LABELS = Map.of("ACCEPTED", "采纳", "PARTIALLY_ACCEPTED", "部分采纳",
      "NOT_ACCEPTED", "不采纳", "NO_COMMENT", "无意见");

  private final StandardRegister register;
  private final StandardLabels labels;
  private final DocumentService documents;

  RecordCommentDecisionsListener(StandardRegister register, StandardLabels labels, DocumentService documents) {
    this.register = register;
    this.labels = labels;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String user = LifecycleValues.currentUser(execution.getProcessEngineServices());
    for (Map<String, Object> row : LifecycleValues.rows(execution.getVariable(COMMENT_ROWS))) {
      long id = Long.parseLong(String.valueOf(row.get("commentId")));
      String reason = row.get("reason") == null ? null : row.get("reason").toString().strip();
      register.decideComment(id, DECISIONS.get(String.valueOf(row.get("decision"))), reason, user);
    }
    String pi = execution.getProcessInstanceId();
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    documents.storeGenerated(pi, standardId, DocumentKind.COMMENT_TABLE,
        "征求意见汇总处理表-" + RegisterProposalDelegate.businessKey(standardId) + ".csv", "text/csv",
        table(register.commentsSince(pi, (java.util.Date) execution.getVariable(COMMENT_ROUND_OPENED))), user);
  }

  /** CSV with a UTF-8 byte order mark, so spreadsheet programs show the Chinese text. */
  private byte[] table(List<StandardRegister.Comment> comments) {
    StringBuilder csv = new StringBuilder("\uFEFF序号,提出科室,提出人,意见,处理结果,理由\r\n");
    int n = 1;
    for (StandardRegister.Comment c : comments) {
      csv.append(n++).append(',').append(CsvCells.cell(labels.groupName(c.section()))).append(',')
          .append(CsvCells.cell(c.author() == null ? "（期满未提出）" : labels.userName(c.author()))).append(',')
          .append(CsvCells.cell(c.noComment() ? "无意见" : c.text())).append(',')
          .append(CsvCells.cell(c.decision() == null ? "" : LABELS.getOrDefault(c.decision(), c.decision()))).append(',')
          .append(CsvCells.cell(c.reason())).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
