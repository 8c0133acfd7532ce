package org.stdflow.inspection;

import static org.stdflow.inspection.QuarterlyAssessmentProcess.Vars.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.organisation.OrganisationFile.GroupEntry;

/**
 * 计算季度排名. The rule: sections with monthly evaluations in the quarter come first, by the average
 * of those scores (highest first); sections without any follow, by the quarter's inspection pass
 * rate (highest first; none due counts lowest). Ties: pass rate, then the section id, so the same
 * data always gives the same order.
 */
@Component("rankSectionsDelegate")
class RankSectionsDelegate implements JavaDelegate {

  record Ranked(String sectionId, String sectionName, BigDecimal averageScore, int evaluatedMonths,
      BigDecimal passRate) {
  }

  static final Comparator<Ranked> RULE = Comparator
      .comparing((Ranked r) -> r.evaluatedMonths() == 0)
      .thenComparing(Ranked::averageScore, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Ranked::passRate, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Ranked::sectionId);

  private final OrganisationFile organisation;
  private final SupervisionFigures figures;
  private final CadenceRecords records;
  private final InspectionProperties properties;
  private final Clock clock;

  RankSectionsDelegate(OrganisationFile organisation, SupervisionFigures figures, CadenceRecords records,
      InspectionProperties properties, Clock clock) {
    this.organisation = organisation;
    this.figures = figures;
    this.records = records;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object chosen = execution.getVariable(QUARTER);
    CadencePeriods.Quarter quarter = CadenceValues.isBlank(chosen)
        ? CadencePeriods.Quarter.of(LocalDate.now(clock)).previous() : CadencePeriods.Quarter.parse(chosen.toString());
    execution.setVariable(ASSESSMENT_QUARTER, quarter.toString());
    execution.setVariable(QUARTER_LABEL, quarter.label());
    boolean assessed = records.quarterAssessed(quarter.toString());
    execution.setVariable(ALREADY_ASSESSED, assessed);
    if (assessed) {
      return;
    }
    Map<String, List<Integer>> scores = records.monthlyScores(quarter.months().stream().map(YearMonth::toString).toList());
    LocalDateTime now = LocalDateTime.now(clock);
    List<Ranked> ranked = new ArrayList<>();
    List<Map<String, Object>> options = new ArrayList<>();
    for (GroupEntry section : organisation.groupsOfType(GroupType.SECTION)) {
      List<Integer> s = scores.getOrDefault(section.id(), List.of());
      BigDecimal average = s.isEmpty() ? null : BigDecimal.valueOf(s.stream().mapToInt(Integer::intValue).sum())
          .divide(BigDecimal.valueOf(s.size()), 2, RoundingMode.HALF_UP);
      BigDecimal passRate = figures.of(section.id(), quarter.start(), quarter.end(), now).passRate();
      ranked.add(new Ranked(section.id(), section.name(), average, s.size(), passRate));
      options.add(Map.of("label", section.name(), "value", section.id()));
    }
    ranked.sort(RULE);
    List<Map<String, Object>> rows = new ArrayList<>();
    int rank = 1;
    for (Ranked r : ranked) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", rank++);
      row.put("sectionId", r.sectionId());
      row.put("sectionName", r.sectionName());
      row.put("averageScore", r.averageScore());
      row.put("averageText", r.averageScore() == null ? "无月度评价" : r.averageScore().stripTrailingZeros().toPlainString());
      row.put("evaluatedMonths", r.evaluatedMonths());
      row.put("passRate", r.passRate());
      row.put("passRateText", SupervisionFigures.Figures.passRateText(r.passRate()));
      int months = quarter.months().size();
      row.put("basis", r.evaluatedMonths() == 0 ? "检查合格率（无月度评价）"
          : r.evaluatedMonths() < months ? "月度评价平均分（" + r.evaluatedMonths() + "/" + months + " 个月已评价）"
          : "月度评价平均分");
      rows.add(row);
    }
    execution.setVariable(RANKING, Spin.JSON(rows));
    execution.setVariable(SECTION_OPTIONS, Spin.JSON(options));
    execution.setVariable(ASSESSMENT_DUE, Date.from(clock.instant().plus(properties.reportPeriod())));
  }
}
