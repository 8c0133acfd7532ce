package org.stdflow.inspection;

import static org.stdflow.inspection.DailyInspectionProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;

/**
 * 确定今日检查项目: one inspection per standard in force and place its checklist names, skipping
 * pairs another run of the same day planned already (a hand-started run next to the timer's).
 */
@Component("planDailyInspectionsDelegate")
class PlanDailyInspectionsDelegate implements JavaDelegate {

  private final InspectionRecords records;
  private final Clock clock;

  PlanDailyInspectionsDelegate(InspectionRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate date = LifecycleValues.date(execution.getVariable(INSPECTION_DATE));
    if (date == null) {
      date = LocalDate.now(clock);
    }
    List<Long> ids = new ArrayList<>();
    for (InspectionRecords.Plannable p : records.plannable(date)) {
      records.plan(date, p, execution.getProcessInstanceId()).ifPresent(ids::add);
    }
    execution.setProcessBusinessKey("daily-" + date);
    execution.setVariable(INSPECTION_DATE, date.toString());
    execution.setVariable(INSPECTION_IDS, ids);
    execution.setVariable(PLANNED_COUNT, ids.size());
  }
}
