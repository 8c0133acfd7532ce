package org.stdflow.platform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes Tasklist's lists say which standard a task is about. Tasklist shows a filter's variables
 * only where the user may read them, and section heads may read their tasks but not whole process
 * instances; so every new user task gets task-local copies (under their own names, so a form that
 * edits e.g. the title still writes the process variable).
 */
@Component
class TaskListLabelsPlugin extends AbstractProcessEnginePlugin {

  /** process variable → task-local variable shown by the shared Tasklist filters. */
  static final Map<String, String> LABELS = Map.of(
      "title", "listTitle",
      "standardCode", "listCode",
      "responsibleSectionName", "listSection");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskCreateListeners.add(configuration, TaskListLabelsPlugin::copyLabels);
  }

  private static void copyLabels(DelegateTask task) {
    LABELS.forEach((processVariable, local) -> {
      Object value = task.getVariable(processVariable);
      if (value != null) {
        task.setVariableLocal(local, value.toString());
      }
    });
    // supervision tasks: the inspected standard and place, the section concerned
    Object standard = task.getVariable("standardLabel");
    if (task.getVariable("title") == null && standard != null) {
      Object place = task.getVariable("placeName");
      Object source = task.getVariable("rectificationSource");
      // a complaint's or a survey's rectification: its subject says what it is about
      task.setVariableLocal("listTitle", source != null && !"INSPECTION".equals(source) && place != null
          ? place.toString() : standard + (place == null ? "" : "（" + place + "）"));
    }
    // cadence and survey tasks: the period (and the service), so parallel tasks can be told apart
    if (task.getVariable("title") == null && standard == null) {
      String period = period(task);
      Object service = task.getVariable("serviceName");
      if (period != null || service != null) {
        task.setVariableLocal("listTitle", service == null ? period
            : period == null ? service.toString() : service + "（" + period + "）");
      }
    }
    Object section = task.getVariable("sectionName");
    if (task.getVariable("responsibleSectionName") == null && section != null) {
      task.setVariableLocal("listSection", section.toString());
    }
  }

  /** 2026-12-07 至 2026-12-13 / 2026 年 11 月 / 2026 年第 3 季度, or null. */
  private static String period(DelegateTask task) {
    Object week = task.getVariable("weekLabel");
    if (week != null) {
      return week.toString();
    }
    Object month = task.getVariable("evaluationMonth");
    if (month != null && month.toString().matches("\\d{4}-\\d{2}")) {
      String m = month.toString();
      return m.substring(0, 4) + " 年 " + Integer.parseInt(m.substring(5)) + " 月";
    }
    Object quarter = task.getVariable("quarterLabel");
    return quarter == null ? null : quarter.toString();
  }
}
