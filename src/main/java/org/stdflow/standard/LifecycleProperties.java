package org.stdflow.standard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the standard life cycle that an installation may change without touching a model.
 * (Review intervals by standard type are business rules and live in the DMN table
 * processes/standard/review-interval.dmn.)
 *
 * @param codePrefix prefix of internal codes, e.g. "Q/BSJG BZ" → Q/BSJG BZ205.7-2024
 * @param commentPeriod how long consulted sections have to comment (default 30 days)
 * @param acknowledgementPeriod how long section heads have to acknowledge a published standard
 * @param reviewQuorum minimum number of participants of a review meeting
 * @param reviewMajorityNumerator numerator of the majority needed to pass a review (2 of 3)
 * @param reviewMajorityDenominator denominator of that majority
 */
@ConfigurationProperties("stdflow.lifecycle")
public record LifecycleProperties(String codePrefix, Duration commentPeriod, Duration acknowledgementPeriod,
    Integer reviewQuorum, Integer reviewMajorityNumerator, Integer reviewMajorityDenominator) {

  public LifecycleProperties {
    codePrefix = codePrefix == null || codePrefix.isBlank() ? "Q/BSJG BZ" : codePrefix;
    commentPeriod = commentPeriod == null ? Duration.ofDays(30) : commentPeriod;
    acknowledgementPeriod = acknowledgementPeriod == null ? Duration.ofDays(14) : acknowledgementPeriod;
    reviewQuorum = reviewQuorum == null ? 5 : reviewQuorum;
    reviewMajorityNumerator = reviewMajorityNumerator == null ? 2 : reviewMajorityNumerator;
    reviewMajorityDenominator = reviewMajorityDenominator == null ? 3 : reviewMajorityDenominator;
    if (reviewMajorityNumerator <= 0 || reviewMajorityDenominator < reviewMajorityNumerator) {
      throw new IllegalArgumentException("stdflow.lifecycle review majority must be a fraction in (0, 1]");
    }
  }

  /** Whether {@code votesFor} of {@code participants} reach the configured majority. */
  public boolean majorityReached(int votesFor, int participants) {
    return participants > 0 && (long) votesFor * reviewMajorityDenominator >= (long) participants * reviewMajorityNumerator;
  }
}
