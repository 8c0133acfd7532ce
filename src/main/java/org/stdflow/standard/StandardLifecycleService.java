package org.stdflow.standard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdflow.standard.StandardLifecycleProcess.Vars;
import org.stdflow.platform.security.AsEngine;

/**
 * Entry points other capabilities use to act on a standard's life cycle: feedback handling and
 * repeated failed inspections request an out-of-cycle review (复审) through the message
 * {@value StandardLifecycleProcess#MESSAGE_REVIEW_REQUESTED}. A standard in force that entered the
 * register without a run of its own (taken over from paper, like the demo register) gets one, waiting
 * in 标准实施中 for its next review date, so it is reviewed like every other ({@link #attachRun}).
 */
@Service
public class StandardLifecycleService {

  private static final Logger LOG = LoggerFactory.getLogger(StandardLifecycleService.class);

  private final StandardRegister register;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final StandardLabels labels;
  private final Clock clock;
  private final TransactionTemplate transaction;

  StandardLifecycleService(StandardRegister register, RuntimeService runtimeService, IdentityService identityService,
      StandardLabels labels, Clock clock, PlatformTransactionManager transactionManager) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.labels = labels;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Thrown when a standard cannot be reviewed now; the message says why, in Chinese. */
  public static class ReviewNotPossibleException extends RuntimeException {
    public ReviewNotPossibleException(String message) {
      super(message);
    }
  }

  /**
   * Whether {@link #requestOutOfCycleReview} would be accepted now: the standard is in force and its
   * life-cycle run is waiting for a review.
   */
  public boolean canTakeOutOfCycleReview(long standardId) {
    StandardRegister.Standard standard = register.find(standardId).orElse(null);
    if (standard == null || standard.status() != StandardStatus.IN_FORCE || standard.revisionInProgress()) {
      return false;
    }
    if (standard.processInstanceId() == null) {
      return true; // requestOutOfCycleReview gives it a run first
    }
    // asked by steps of other processes on behalf of their users, who cannot read this run
    return AsEngine.get(identityService, () -> runtimeService.createExecutionQuery()
        .processInstanceId(standard.processInstanceId())
        .messageEventSubscriptionName(StandardLifecycleProcess.MESSAGE_REVIEW_REQUESTED).count() > 0);
  }

  /**
   * Leads the standard's run from "in force" into the review step, with the reason shown to the
   * reviewing section. Fails when the standard is unknown, not in force, or already being reviewed
   * or revised.
   */
  public void requestOutOfCycleReview(long standardId, String reason, String requestedBy) {
    StandardRegister.Standard standard = register.find(standardId)
        .orElseThrow(() -> new org.camunda.bpm.engine.exception.NotFoundException("标准 " + standardId + " 不存在"));
    if (standard.status() != StandardStatus.IN_FORCE) {
      throw new ReviewNotPossibleException("只有现行有效的标准才能复审（当前状态：" + standard.status().label() + "）");
    }
    if (standard.revisionInProgress()) {
      throw new ReviewNotPossibleException("该标准正在修订中，暂不能发起复审");
    }
    Map<String, Object> request = Map.of(StandardLifecycleProcess.Vars.REVIEW_TRIGGER, "OUT_OF_CYCLE",
        StandardLifecycleProcess.Vars.REVIEW_TRIGGER_REASON, reason,
        StandardLifecycleProcess.Vars.REVIEW_REQUESTED_BY, requestedBy == null ? "system" : requestedBy);
    if (standard.processInstanceId() == null) {
      // its run starts where the request would have led it (a correlation could not find a run
      // started in the same command: its subscription is not written yet)
      attach(standardId, StandardLifecycleProcess.TASK_GATHER_REVIEW_EVIDENCE, request)
          .orElseThrow(() -> new ReviewNotPossibleException("该标准正在复审或修订中，暂不能发起复审"));
      return;
    }
    String run = standard.processInstanceId();
    // callers were authorized by their role; the requester is kept with the request, so the
    // correlation itself runs without the caller's engine authorizations (they have no UPDATE)
    try {
      AsEngine.run(identityService, () -> runtimeService.createMessageCorrelation(
              StandardLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
          .processInstanceId(run)
          .setVariables(request)
          .correlate());
    } catch (MismatchingMessageCorrelationException e) {
      throw new ReviewNotPossibleException("该标准正在复审或修订中，暂不能发起复审");
    }
  }

  /**
   * Gives a standard in force that has no life-cycle run one, started in 标准实施中 (the event gateway
   * that waits for the periodic review date or a review request) with the variables its later steps
   * show and use; a review date already past makes the review due at once. The register row is
   * claimed in the same transaction ({@code process_instance_id IS NULL}), so two nodes starting
   * together, or two requests, attach one run only.
   *
   * @return the run's id; empty when the standard is not in force, has a run, or another node won
   */
  public Optional<String> attachRun(long standardId) {
    return attach(standardId, StandardLifecycleProcess.GATEWAY_IN_FORCE, Map.of());
  }

  private Optional<String> attach(long standardId, String startBefore, Map<String, Object> extra) {
    StandardRegister.Standard standard = register.find(standardId).orElse(null);
    if (standard == null || standard.status() != StandardStatus.IN_FORCE || standard.processInstanceId() != null) {
      return Optional.empty();
    }
    StandardRegister.Version version = register.currentVersion(standardId).orElse(null);
    if (version == null) {
      return Optional.empty();
    }
    String kind = standard.type().adopted() ? "adoption" : "new";
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.STANDARD_ID, standardId);
    vars.put(Vars.TITLE, standard.title());
    vars.put(Vars.NODE, standard.nodeCode());
    vars.put(Vars.NODE_NAME, labels.nodeName(standard.nodeCode()));
    vars.put(Vars.KIND, kind);
    vars.put(Vars.KIND_LABEL, labels.kind(kind));
    vars.put(Vars.STANDARD_TYPE, standard.type().name());
    vars.put(Vars.STANDARD_TYPE_LABEL, standard.type().label());
    vars.put(Vars.RESPONSIBLE_SECTION, standard.responsibleSection());
    vars.put(Vars.RESPONSIBLE_SECTION_NAME, labels.groupName(standard.responsibleSection()));
    vars.put(Vars.PROPOSER_NAME, "");
    vars.put(Vars.STANDARD_CODE, standard.code());
    if (standard.type().adopted()) {
      vars.put(Vars.EXTERNAL_CODE, standard.code());
    }
    vars.put(Vars.VERSION_ID, version.id());
    vars.put(Vars.VERSION_NO, version.versionNo());
    vars.put(Vars.EFFECTIVE_DATE, version.effectiveDate().toString());
    LocalDate review = standard.nextReviewDate() != null ? standard.nextReviewDate() : LocalDate.now(clock);
    vars.put(Vars.NEXT_REVIEW_DATE, Date.from(review.atStartOfDay(clock.getZone()).toInstant()));
    vars.putAll(extra);

    // the system's act, whoever asked for the review
    return AsEngine.get(identityService, () -> Optional.ofNullable(transaction.execute(status -> {
        ProcessInstance run = runtimeService.createProcessInstanceByKey(StandardLifecycleProcess.KEY)
            .businessKey(RegisterProposalDelegate.businessKey(standardId))
            .setVariables(vars)
            .startBeforeActivity(startBefore)
            .execute();
        if (!register.claimRun(standardId, run.getProcessInstanceId())) {
          status.setRollbackOnly(); // attached meanwhile by another node or request
          return null;
        }
        return run.getProcessInstanceId();
      })));
  }

  /** {@link #attachRun} for every standard in force without a run; returns how many got one. */
  public int attachMissingRuns() {
    int attached = 0;
    for (long id : register.inForceWithoutRun()) {
      try {
        attached += attachRun(id).isPresent() ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("Could not give standard {} a life-cycle run: {}", id, e.getMessage());
      }
    }
    if (attached > 0) {
      LOG.info("{} standards in force without a life-cycle run got one (标准实施中, waiting for their review date)", attached);
    }
    return attached;
  }
}
