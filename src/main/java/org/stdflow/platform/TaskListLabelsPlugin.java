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
    Object section = task.getVariable("sectionName");
    if (task.getVariable("responsibleSectionName") == null && section != null) {
      task.setVariableLocal("listSection", section.toString());
    }
  }
}
