package org.stdflow.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.stdflow.platform.UserTaskCreateListeners;

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
    UserTaskCreateListeners.add(configuration, this::taskCreated);
  }

  private void taskCreated(DelegateTask task) {
    mails.getObject().taskCreated(task);
  }
}
