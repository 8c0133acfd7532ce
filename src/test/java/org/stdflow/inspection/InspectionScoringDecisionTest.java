package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/inspection/inspection-scoring.dmn, one case per rule (and its boundary): a checklist
 * result becomes pass/fail, severity and the rectification deadline of the round it leads to.
 */
class InspectionScoringDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/inspection/inspection-scoring.dmn"))) {
      decision = dmn.parseDecision("inspection-scoring", in);
    }
  }

  @ParameterizedTest(name = "critical={0} rate={1} round={2} failed={3} → passed={4} {5} {6} days")
  @CsvSource({
      // Rule_CriticalFailureFirstRound: a critical item fails even at 100%
      "1, 100.0, 1, 1, false, CRITICAL, 3",
      // Rule_CriticalFailureLaterRound
      "2, 90.0, 2, 2, false, CRITICAL, 1",
      // Rule_MajorFirstRound, just below the line
      "0, 59.9, 1, 3, false, MAJOR, 7",
      // Rule_MajorLaterRound
      "0, 40.0, 3, 3, false, MAJOR, 3",
      // Rule_MinorFirstRound: 60 is no longer major
      "0, 60.0, 1, 2, false, MINOR, 15",
      // Rule_MinorLaterRound
      "0, 84.9, 2, 1, false, MINOR, 7",
      // Rule_OpenFindingsLaterRound: after a failed re-inspection there is always a new deadline
      "0, 90.0, 2, 1, false, MINOR, 5",
      "0, 100.0, 3, 0, false, MINOR, 5",
      // Rule_FailedItemsFirstRound: one failed item of little weight still calls a rectification
      "0, 85.0, 1, 1, false, MINOR, 30",
      "0, 97.5, 1, 1, false, MINOR, 30",
      // Rule_Passed: nothing failed, no deadline
      "0, 100.0, 1, 0, true, NONE, "
  })
  void eachRule(int critical, double rate, int round, int failed, boolean passed, String severity, Integer days) {
    Map<String, Object> input = new HashMap<>();
    input.put("criticalFailures", critical);
    input.put("passRate", rate);
    input.put("round", round);
    input.put("failedItems", failed);

    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision, input).getFirstResult();

    assertThat((Boolean) result.getEntry("passed")).isEqualTo(passed);
    assertThat((String) result.getEntry("severity")).isEqualTo(severity);
    // a pass sets no deadline at all (an empty output entry leaves the output out of the result)
    assertThat(result.getEntryMap().get("rectificationDays")).isEqualTo(days);
  }
}
