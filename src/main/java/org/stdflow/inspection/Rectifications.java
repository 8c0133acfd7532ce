package org.stdflow.inspection;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdflow.platform.security.AsEngine;

/**
 * Opens the rectification loop for sources other than a failed inspection — a substantiated
 * complaint, a satisfaction survey below its threshold: the record with its findings, then the
 * {@code rectification} process, which sends the notice and runs the rounds as for an inspection.
 * Call it from a delegate: it joins the engine transaction of the step that decides it.
 */
@Service
public class Rectifications {

  /** Severity codes of the inspection-scoring DMN. */
  public static final List<String> SEVERITIES = List.of("CRITICAL", "MAJOR", "MINOR");

  /**
   * @param source COMPLAINT or SURVEY
   * @param sourceRef the source's own id (a second call with it returns the same rectification)
   * @param standardId the standard concerned, or null
   * @param subject what is to be rectified, shown where an inspection shows its place (e.g. 第一机关食堂就餐服务)
   * @param severity CRITICAL, MAJOR or MINOR
   * @param days the first round's deadline in days
   */
  public record Request(String source, String sourceRef, Long standardId, String sectionId, String subject,
      List<InspectionRecords.NewFinding> findings, String severity, int days) {

    public Request {
      if (findings == null || findings.isEmpty()) {
        throw new IllegalArgumentException("a rectification needs at least one finding");
      }
      if (!SEVERITIES.contains(severity)) {
        throw new IllegalArgumentException("severity must be one of " + SEVERITIES);
      }
      if (days < 1) {
        throw new IllegalArgumentException("days must be at least 1");
      }
    }
  }

  private final InspectionRecords records;
  private final RuntimeService runtime;
  private final IdentityService identity;

  Rectifications(InspectionRecords records, RuntimeService runtime, IdentityService identity) {
    this.records = records;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Returns the rectification's id; its run is already started when this returns. */
  @Transactional
  public long open(Request request) {
    long id = records.openRectification(request.source(), request.sourceRef(), request.standardId(),
        request.sectionId(), request.subject(), request.findings());
    if (records.rectification(id).processInstanceId() != null) {
      return id;
    }
    // the deciding user (e.g. the office triaging a complaint) need not be allowed to start runs
    AsEngine.run(identity, () -> {
      ProcessInstance pi = runtime.startProcessInstanceByKey(RectificationProcess.KEY, String.format("ZG%06d", id),
          Map.of(RectificationProcess.Vars.RECTIFICATION_ID, id, RectificationProcess.Vars.SEVERITY, request.severity(),
              "rectificationDays", request.days()));
      records.setRectificationProcess(id, pi.getId());
    });
    return id;
  }
}
