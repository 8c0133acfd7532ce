package org.stdflow.inspection;

import static org.stdflow.inspection.MonthlyEvaluationProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
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
 * 汇总月度数据: the month (chosen, else the previous one), whether it has been evaluated already,
 * and one row per section with the month's figures for the evaluation form, including the
 * complaints the section answered and its services' satisfaction rate (EvaluationFigures; 本季度暂无测评
 * before the quarter's surveys are entered).
 */
@Component("gatherMonthlyFiguresDelegate")
class GatherMonthlyFiguresDelegate implements JavaDelegate {

  static final String NO_SURVEY = "本季度暂无测评";

  private final OrganisationFile organisation;
  private final SupervisionFigures figures;
  private final CadenceRecords records;
  private final InspectionProperties properties;
  private final Clock clock;
  private final EvaluationFigures evaluation;

  GatherMonthlyFiguresDelegate(OrganisationFile organisation, SupervisionFigures figures, CadenceRecords records,
      InspectionProperties properties, Clock clock, EvaluationFigures evaluation) {
    this.evaluation = evaluation;
    this.organisation = organisation;
    this.figures = figures;
    this.records = records;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object chosen = execution.getVariable(MONTH);
    YearMonth month = CadenceValues.isBlank(chosen) ? YearMonth.now(clock).minusMonths(1)
        : CadencePeriods.parseMonth(chosen.toString());
    execution.setVariable(EVALUATION_MONTH, month.toString());
    execution.setVariable(MONTH_LABEL, CadencePeriods.monthLabel(month));
    boolean evaluated = records.monthEvaluated(month.toString());
    execution.setVariable(ALREADY_EVALUATED, evaluated);
    if (evaluated) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> shown = new LinkedHashMap<>();
    for (GroupEntry section : organisation.groupsOfType(GroupType.SECTION)) {
      LocalDate from = month.atDay(1);
      SupervisionFigures.Figures f = figures.of(section.id(), from, month.atEndOfMonth(), now);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sectionId", section.id());
      row.put("sectionName", section.name());
      row.put("passRate", f.passRate());
      row.put("passRateText", f.passRateText());
      row.put("inspections", f.inspections());
      row.put("failed", f.failed());
      row.put("missed", f.missed());
      row.put("rectOpened", f.rectOpened());
      row.put("rectClosed", f.rectClosed());
      row.put("rectOverdue", f.rectOverdue());
      row.put("criticisms", f.criticisms());
      int complaints = evaluation.complaints(section.id(), month);
      java.math.BigDecimal satisfaction = evaluation.satisfaction(section.id(), month);
      row.put("complaints", complaints);
      row.put("complaintsText", complaints + " 件");
      row.put("satisfaction", satisfaction);
      row.put("satisfactionText", satisfaction == null ? NO_SURVEY : satisfaction.stripTrailingZeros().toPlainString() + "%");
      shown.put(section.id(), new LinkedHashMap<>(row));
      row.put("score", null);
      row.put("comment", "");
      rows.add(row);
    }
    execution.setVariable(FIGURES, Spin.JSON(shown));
    execution.setVariable(EVALUATION_ROWS, Spin.JSON(rows));
    execution.setVariable(EVALUATION_DUE, Date.from(clock.instant().plus(properties.reportPeriod())));
  }
}
