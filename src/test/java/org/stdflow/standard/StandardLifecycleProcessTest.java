package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.stdflow.standard.StandardLifecycleProcess.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;
import org.stdflow.platform.validation.FormValidationException;

/** standard-lifecycle: proposal, formal check (with the supplement loop) and project approval. */
@StdflowSpringTest
class StandardLifecycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void logout() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void acceptedAndApprovedProposalEndsApproved() {
    ProcessInstance pi = propose("liuyang", proposal("机关食堂服务规范"));

    assertThat(pi).isWaitingAt(TASK_FORMAL_CHECK);
    assertThat(task(pi)).hasCandidateGroup("std-office").hasFormKey(null);
    assertThat(pi).variables().containsEntry(Vars.PROPOSER, "liuyang");
    complete(pi, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));

    assertThat(pi).isWaitingAt(TASK_APPROVE_PROJECT);
    assertThat(task(pi)).hasCandidateGroup("leadership");
    complete(pi, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "approve"));

    assertThat(pi).hasPassedInOrder(START_PROPOSAL_SUBMITTED, TASK_FORMAL_CHECK, GATEWAY_FORMAL_CHECK_OUTCOME,
        TASK_APPROVE_PROJECT, GATEWAY_PROJECT_APPROVED, END_PROJECT_APPROVED).isEnded();
    assertThat(historicUserOf(pi, TASK_FORMAL_CHECK)).isEqualTo("zhaomin");
    assertThat(historicUserOf(pi, TASK_APPROVE_PROJECT)).isEqualTo("wangjianguo");
  }

  @Test
  void supplementLoopReturnsToTheProposerAndBackToFormalCheck() {
    ProcessInstance pi = propose("liuyang", proposal("会务茶水服务规程"));
    complete(pi, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "supplement", Vars.FORMAL_CHECK_REASON, "请补充适用范围"));

    assertThat(pi).isWaitingAt(TASK_SUPPLEMENT_PROPOSAL);
    assertThat(task(pi)).isAssignedTo("liuyang");
    Map<String, Object> supplemented = proposal("会务茶水服务规程");
    supplemented.put(Vars.SCOPE, "适用于区行政中心各会议室的茶水服务");
    complete(pi, "liuyang", supplemented);

    assertThat(pi).isWaitingAt(TASK_FORMAL_CHECK);
    assertThat(pi).variables().containsEntry(Vars.SCOPE, "适用于区行政中心各会议室的茶水服务");
    complete(pi, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    complete(pi, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "reject", Vars.PROJECT_DECISION_REASON, "与现行标准重复"));

    assertThat(pi).hasPassed(TASK_SUPPLEMENT_PROPOSAL).hasPassed(END_PROJECT_NOT_APPROVED).isEnded();
    assertThat(pi).variables().containsEntry(Vars.PROJECT_DECISION_REASON, "与现行标准重复");
  }

  @Test
  void formalCheckRejectionEndsTheProposalWithItsReason() {
    ProcessInstance pi = propose("huanglei", proposal("党政机关物业管理服务规范"));
    complete(pi, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "reject", Vars.FORMAL_CHECK_REASON, "不属于本局标准化范围"));

    assertThat(pi).hasPassed(END_PROPOSAL_REJECTED).hasNotPassed(TASK_APPROVE_PROJECT).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.FORMAL_CHECK_REASON).singleResult().getValue()).isEqualTo("不属于本局标准化范围");
  }

  @Test
  void anIncompleteProposalIsRejectedWithPerFieldMessagesAndNothingStarts() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    Map<String, Object> bad = proposal("");
    bad.put(Vars.NODE, "999");
    bad.put(Vars.PLANNED_COMPLETION_DATE, LocalDate.now().minusDays(1).toString());
    bad.remove(Vars.RATIONALE);

    assertThatThrownBy(() -> propose("liuyang", bad))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.TITLE, "标准名称不能为空")
            .containsEntry(Vars.NODE, "所属体系节点的取值“999”无效")
            .containsEntry(Vars.RATIONALE, "立项理由不能为空")
            .containsEntry(Vars.PLANNED_COMPLETION_DATE, "计划完成日期必须晚于今天"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }

  @Test
  void aRejectionWithoutReasonDoesNotMoveTheProcess() {
    ProcessInstance pi = propose("liuyang", proposal("会场座次安排规范"));

    assertThatThrownBy(() -> complete(pi, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "reject")))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("退回补充或不予立项时必须填写审查意见");
    assertThatThrownBy(() -> complete(pi, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "maybe")))
        .hasMessageContaining("形式审查结论的取值“maybe”无效");

    assertThat(pi).isWaitingAt(TASK_FORMAL_CHECK);
    assertThat(runtimeService.getVariable(pi.getId(), Vars.FORMAL_CHECK_DECISION)).isNull();
  }

  @Test
  void everyFormOfTheProcessIsDeployedWithIt() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    assertThat(engine.getFormService().getDeployedStartForm(definitionId)).isNotNull();
    ProcessInstance pi = propose("liuyang", proposal("公务用车管理规范"));
    assertThat(engine.getFormService().getDeployedTaskForm(task(pi).getId())).isNotNull();
  }

  private ProcessInstance propose(String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      return runtimeService.startProcessInstanceByKey(KEY, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void complete(ProcessInstance pi, String user, Map<String, Object> variables) {
    Task task = task(pi);
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), variables);
    } catch (RuntimeException e) {
      engine.getIdentityService().clearAuthentication();
      if (task.getAssignee() == null) {
        taskService.setAssignee(task.getId(), null);
      }
      throw e;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private java.util.List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  private String historicUserOf(ProcessInstance pi, String activityId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(activityId).singleResult().getAssignee();
  }

  static Map<String, Object> proposal(String title) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.TITLE, title);
    v.put(Vars.NODE, "205");
    v.put(Vars.KIND, "new");
    v.put(Vars.RESPONSIBLE_SECTION, "sec-canteen");
    v.put(Vars.RATIONALE, "试点验收后需将食堂服务要求固化为内部标准");
    v.put(Vars.SCOPE, "适用于区机关事务管理局所属 4 个机关食堂");
    v.put(Vars.PLANNED_COMPLETION_DATE, LocalDate.now().plusMonths(3).toString());
    return v;
  }
}
