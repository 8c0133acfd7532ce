package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * 汇总意见: sections that did not answer before the deadline count as "no comment"; the real
 * comments become the rows of the resolution form (a dynamic list, hence Spin JSON).
 */
@Component("collectCommentsDelegate")
class CollectCommentsDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final StandardLabels labels;

  CollectCommentsDelegate(StandardRegister register, StandardLabels labels) {
    this.register = register;
    this.labels = labels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    String pi = execution.getProcessInstanceId();
    List<StandardRegister.Comment> open = register.openComments(pi);
    Set<String> answered = new HashSet<>();
    open.forEach(c -> answered.add(c.section()));
    List<String> silent = new ArrayList<>();
    for (String section : LifecycleValues.stringList(execution.getVariable(CONSULTED_SECTION_LIST))) {
      if (!answered.contains(section)) {
        register.recordComment(standardId, pi, section, null, null, true);
        silent.add(labels.groupName(section));
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StandardRegister.Comment c : register.openComments(pi)) {
      if (c.noComment()) {
        register.decideComment(c.id(), "NO_COMMENT", null, null);
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("commentId", String.valueOf(c.id()));
      row.put("sectionName", labels.groupName(c.section()));
      row.put("author", labels.userName(c.author()));
      row.put("text", c.text());
      row.put("decision", null);
      row.put("reason", null);
      rows.add(row);
    }
    execution.setVariable(COMMENT_ROWS, Spin.JSON(rows));
    execution.setVariable(SECTIONS_WITHOUT_COMMENT, silent.isEmpty() ? "无" : String.join("、", silent));
  }
}
