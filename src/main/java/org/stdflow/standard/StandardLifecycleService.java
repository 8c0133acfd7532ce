package org.stdflow.standard;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Entry points other capabilities use to act on a standard's life cycle: feedback handling and
 * repeated failed inspections request an out-of-cycle review (复审) through the message
 * {@value StandardLifecycleProcess#MESSAGE_REVIEW_REQUESTED}.
 */
@Service
public class StandardLifecycleService {

  private final StandardRegister register;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  StandardLifecycleService(StandardRegister register, RuntimeService runtimeService, IdentityService identityService) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
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
    if (standard == null || standard.status() != StandardStatus.IN_FORCE || standard.processInstanceId() == null
        || standard.revisionInProgress()) {
      return false;
    }
    // asked by steps of other processes on behalf of their users, who cannot read this run
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return runtimeService.createExecutionQuery().processInstanceId(standard.processInstanceId())
          .messageEventSubscriptionName(StandardLifecycleProcess.MESSAGE_REVIEW_REQUESTED).count() > 0;
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
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
    // callers were authorized by their role; the requester is kept with the request, so the
    // correlation itself runs without the caller's engine authorizations (they have no UPDATE)
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(StandardLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
          .processInstanceId(standard.processInstanceId())
          .setVariables(Map.of(StandardLifecycleProcess.Vars.REVIEW_TRIGGER, "OUT_OF_CYCLE",
              StandardLifecycleProcess.Vars.REVIEW_TRIGGER_REASON, reason,
              StandardLifecycleProcess.Vars.REVIEW_REQUESTED_BY, requestedBy == null ? "system" : requestedBy))
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ReviewNotPossibleException("该标准正在复审或修订中，暂不能发起复审");
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
