package org.stdflow.inspection;

import static org.stdflow.inspection.WeeklyReportProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.organisation.OrganisationFile.GroupEntry;
import org.stdflow.platform.validation.FieldRules;

/**
 * 确定报告周并汇总本周数据: the week of the chosen day (default today), the sections that have not
 * reported for it yet, and each one's figures of the week, frozen as they will be shown and recorded.
 */
@Component("prepareWeeklyReportsDelegate")
class PrepareWeeklyReportsDelegate implements JavaDelegate {

  private final OrganisationFile organisation;
  private final SupervisionFigures figures;
  private final CadenceRecords records;
  private final InspectionProperties properties;
  private final Clock clock;

  PrepareWeeklyReportsDelegate(OrganisationFile organisation, SupervisionFigures figures, CadenceRecords records,
      InspectionProperties properties, Clock clock) {
    this.organisation = organisation;
    this.figures = figures;
    this.records = records;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object chosen = execution.getVariable(WEEK_DATE);
    LocalDate day = CadenceValues.isBlank(chosen) ? LocalDate.now(clock)
        : FieldRules.date(chosen, clock.getZone());
    CadencePeriods.Week week = CadencePeriods.Week.of(day);
    Set<String> reported = records.sectionsReported(week.start());
    LocalDateTime now = LocalDateTime.now(clock);
    List<String> toReport = new ArrayList<>();
    Map<String, Object> all = new LinkedHashMap<>();
    for (GroupEntry section : organisation.groupsOfType(GroupType.SECTION)) {
      if (reported.contains(section.id())) {
        continue;
      }
      toReport.add(section.id());
      SupervisionFigures.Figures f = figures.of(section.id(), week.start(), week.end(), now);
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put(SECTION_NAME, section.name());
      shown.put(INSPECTIONS, f.inspections());
      shown.put(FAILED, f.failed());
      shown.put(MISSED, f.missed());
      shown.put(PASS_RATE, f.passRate());
      shown.put("passRateText", f.passRateText());
      shown.put(RECT_OPENED, f.rectOpened());
      shown.put(RECT_OPEN, f.rectOpen());
      shown.put(RECT_OVERDUE, f.rectOverdue());
      all.put(section.id(), shown);
    }
    execution.setVariable(WEEK_START, week.start().toString());
    execution.setVariable(WEEK_END, week.end().toString());
    execution.setVariable(WEEK_LABEL, week.label());
    execution.setVariable(SECTIONS_TO_REPORT, toReport);
    execution.setVariable(FIGURES, Spin.JSON(all));
    execution.setVariable(REPORT_DUE, Date.from(clock.instant().plus(properties.reportPeriod())));
  }
}
