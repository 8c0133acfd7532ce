package org.stdflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every model a built-in create listener (one the model does not name and
 * cannot remove), from an engine plugin's {@code preInit}.
 */
public final class UserTaskCreateListeners {

  private UserTaskCreateListeners() {
  }

  /** After the listeners Camunda itself and earlier plugins add (a post-parse listener). */
  public static void add(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(), listener));
  }

  /** A built-in listener on every user task's completion, before the model's own (a pre-parse listener). */
  public static void addOnComplete(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    configuration.setCustomPreBPMNParseListeners(
        with(configuration.getCustomPreBPMNParseListeners(), TaskListener.EVENTNAME_COMPLETE, listener));
  }

  /** Before every listener added with {@link #add} (a pre-parse listener: it sees each task first). */
  public static void addFirst(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    configuration.setCustomPreBPMNParseListeners(with(configuration.getCustomPreBPMNParseListeners(), listener));
  }

  private static List<BpmnParseListener> with(List<BpmnParseListener> existing, TaskListener listener) {
    return with(existing, TaskListener.EVENTNAME_CREATE, listener);
  }

  private static List<BpmnParseListener> with(List<BpmnParseListener> existing, String event, TaskListener listener) {
    List<BpmnParseListener> listeners = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(event, listener);
      }
    });
    return listeners;
  }
}
