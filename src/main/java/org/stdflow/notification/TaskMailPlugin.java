package org.stdflow.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model queues a "new task" mail when it is created, with no BPMN
 * repeating it (the pattern of DocumentLinkPlugin): a parse listener adds a built-in "create" task
 * listener. It runs inside the command that creates the task, so the outbox rows commit or roll
 * back with it, and it never talks to SMTP, so it cannot fail or slow the step on a mail problem.
 * Built-in: it also runs when a process is modified with skipCustomListeners.
 */
@Component
class TaskMailPlugin extends AbstractProcessEnginePlugin {

  // lazy: the mail beans need no engine, but the plugin is built before it and must not pull them early
  private final ObjectProvider<TaskCreatedMails> mails;

  TaskMailPlugin(ObjectProvider<TaskCreatedMails> mails) {
    this.mails = mails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener onCreate = this::taskCreated;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void taskCreated(DelegateTask task) {
    mails.getObject().taskCreated(task);
  }
}
