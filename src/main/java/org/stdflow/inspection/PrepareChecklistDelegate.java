package org.stdflow.inspection;

import static org.stdflow.inspection.DailyInspectionProcess.Vars.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLabels;

/**
 * 准备检查表: puts the checklist of the inspection's standard and place into the inspection's own
 * scope (the multi-instance subprocess), together with every variable the form will write, so
 * parallel inspections never share a variable. A copy of the items ({@code expectedChecklist})
 * stays untouched by the form: answers are matched against it, not against what the browser sent.
 */
@Component("prepareChecklistDelegate")
class PrepareChecklistDelegate implements JavaDelegate {

  static final String EXPECTED_CHECKLIST = "expectedChecklist";

  private final InspectionRecords records;
  private final ChecklistService checklists;
  private final StandardLabels labels;
  private final InspectionProperties properties;
  private final Clock clock;

  PrepareChecklistDelegate(InspectionRecords records, ChecklistService checklists, StandardLabels labels,
      InspectionProperties properties, Clock clock) {
    this.records = records;
    this.checklists = checklists;
    this.labels = labels;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, INSPECTION_ID);
    InspectionRecords.Inspection x = records.inspection(id);
    List<Map<String, Object>> rows = new ArrayList<>();
    int no = 1;
    for (ChecklistService.Item item : checklists.items(x.versionId())) {
      if (!item.places().contains(x.placeCode())) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("itemId", item.id());
      row.put("no", no++);
      row.put("clauseRef", item.clauseRef());
      row.put("requirement", item.requirement());
      row.put("weight", item.weight());
      row.put("critical", item.critical());
      row.put("criticalLabel", item.critical() ? "【关键项】" : "");
      row.put("result", null);
      row.put("note", "");
      rows.add(row);
    }
    execution.setVariableLocal(CHECKLIST, Spin.JSON(rows));
    execution.setVariableLocal(EXPECTED_CHECKLIST, Spin.JSON(rows));
    execution.setVariableLocal(INSPECTION_NOTE, "");
    execution.setVariableLocal(STANDARD_ID, x.standardId());
    execution.setVariableLocal(STANDARD_LABEL, x.standardLabel());
    execution.setVariableLocal(PLACE_NAME, x.placeName());
    execution.setVariableLocal(SECTION, x.sectionId());
    execution.setVariableLocal(SECTION_NAME, labels.groupName(x.sectionId()));
    execution.setVariableLocal(INSPECTION_DUE, Date.from(Instant.now(clock).plus(properties.inspectionPeriod())));
    execution.setVariableLocal(INSPECTOR, null);
    execution.setVariableLocal(PASS_RATE, null);
    execution.setVariableLocal(CRITICAL_FAILURES, null);
    execution.setVariableLocal(FAILED_ITEMS, null);
    execution.setVariableLocal(ROUND, 1);
    execution.setVariableLocal(SCORING, null);
    execution.setVariableLocal(PASSED, null);
  }
}
