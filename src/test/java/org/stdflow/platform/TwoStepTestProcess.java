package org.stdflow.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;

/** A test model: two user tasks of 食堂管理科 one after the other; deployed under the given key. */
final class TwoStepTestProcess {

  private TwoStepTestProcess() {
  }

  /** Deploys it and returns the deployment id (delete it with its instances after the test). */
  static String deploy(ProcessEngine engine, String key, String name) {
    return engine.getRepositoryService().createDeployment().name(key)
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).name(name)
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .userTask("firstStep").name("第一步").camundaCandidateGroups("sec-canteen")
            .userTask("secondStep").name("第二步").camundaCandidateGroups("sec-canteen")
            .endEvent().done())
        .deploy().getId();
  }
}
