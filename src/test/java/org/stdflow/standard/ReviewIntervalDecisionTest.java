package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/standard/review-interval.dmn, one case per rule: how often a standard is reviewed. */
class ReviewIntervalDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/standard/review-interval.dmn"))) {
      decision = dmn.parseDecision("review-interval", in);
    }
  }

  @ParameterizedTest(name = "{0} → every {1} years")
  @CsvSource({"INTERNAL, 3", "REGULATION, 3", "NATIONAL, 5", "LOCAL, 5"})
  void intervalByStandardType(String type, int years) {
    var result = dmn.evaluateDecisionTable(decision, Map.of("standardType", type));
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().<Integer>getSingleEntry()).isEqualTo(years);
  }

  @Test
  void anUnknownTypeMatchesNoRule() {
    assertThat(dmn.evaluateDecisionTable(decision, Map.of("standardType", "OTHER"))).isEmpty();
  }
}
