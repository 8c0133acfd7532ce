package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentService;

/**
 * 发布标准: assigns code and version, files the run's documents with the version, supersedes the
 * previous version, sets the next review date (interval from the DMN table review-interval) and
 * records the publication notice for all sections.
 *
 * <p>Codes: internal standards and regulations get {@code <prefix><node>.<sequence>-<year>}; a
 * revision keeps its sequence and takes the year of its publication; adopted standards keep their
 * external code.
 */
@Component("publishStandardDelegate")
class PublishStandardDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final DocumentService documents;
  private final LifecycleProperties properties;
  private final Clock clock;

  PublishStandardDelegate(StandardRegister register, DocumentService documents, LifecycleProperties properties,
      Clock clock) {
    this.register = register;
    this.documents = documents;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    StandardRegister.Standard standard = register.get(standardId);
    String pi = execution.getProcessInstanceId();
    LocalDate effective = LifecycleValues.date(execution.getVariable(EFFECTIVE_DATE));
    int years = LifecycleValues.integer(execution.getVariable(REVIEW_INTERVAL_YEARS));

    Integer sequence = standard.sequenceInNode();
    String code;
    if (standard.type().adopted()) {
      code = standard.code();
    } else {
      if (sequence == null) {
        sequence = register.nextSequence(standard.nodeCode());
      }
      code = properties.codePrefix() + standard.nodeCode() + "." + sequence + "-" + LocalDate.now(clock).getYear();
    }
    String title = LifecycleValues.string(execution, TITLE);
    Object superseded = execution.getVariable(SUPERSEDED_RUN_ID);
    String previousOwner = superseded != null ? superseded.toString() : standard.processInstanceId();
    LocalDate nextReview = effective.plusYears(years);
    StandardRegister.Version version = register.publish(standardId, code, sequence, effective, nextReview,
        title == null ? standard.title() : title.strip(),
        LifecycleValues.currentUser(execution.getProcessEngineServices()), pi);
    documents.attachToVersion(pi, standardId, version.id());
    register.recordNotice(standardId, version.id(), version.versionNo() == 1 ? "PUBLISHED" : "REVISED",
        "《" + standard.title() + "》（" + code + "）" + (version.versionNo() == 1 ? "已发布" : "已修订发布（第 "
            + version.versionNo() + " 版）") + "，自 " + effective + " 起实施。",
        LifecycleValues.currentUser(execution.getProcessEngineServices()));

    execution.setVariable(STANDARD_CODE, code);
    execution.setVariable(VERSION_ID, version.id());
    execution.setVariable(VERSION_NO, version.versionNo());
    execution.setVariable(NEXT_REVIEW_DATE, startOfDay(nextReview));

    // a revision proposed as a run of its own takes over: the old run waits no longer for reviews
    if (previousOwner != null && !previousOwner.equals(pi)) {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(previousOwner).count() > 0) {
        runtime.deleteProcessInstance(previousOwner, "由修订流程 " + pi + " 发布的新版本替代", false, true);
      }
    }
  }

  private Date startOfDay(LocalDate date) {
    ZoneId zone = clock.getZone();
    return Date.from(date.atStartOfDay(zone).toInstant());
  }
}
