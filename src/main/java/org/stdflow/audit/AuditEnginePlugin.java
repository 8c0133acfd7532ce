package org.stdflow.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wires the audit trail into the engine (the Camunda starter picks up ProcessEnginePlugin beans):
 * our history event handler beside the default database handler, and the retention as the
 * minimum history time-to-live of every process model (a model asking for less gets the
 * retention, with a warning), so engine history lives at least as long as government records must.
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuditEnginePlugin.class);

  private final AuditRecorder recorder;
  private final int retentionDays;

  AuditEnginePlugin(AuditRecorder recorder, AuditProperties properties) {
    this.recorder = recorder;
    this.retentionDays = properties.retentionDays();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new AuditHistoryEventHandler(recorder));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setHistoryTimeToLive(Integer.toString(retentionDays));
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new RetentionParseListener(retentionDays));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Raises a process model's historyTimeToLive to the retention. */
  static final class RetentionParseListener extends AbstractBpmnParseListener {
    private final int days;

    RetentionParseListener(int days) {
      this.days = days;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      Integer ttl = processDefinition.getHistoryTimeToLive();
      if (ttl == null || ttl < days) {
        LOG.warn("process {} asks for history time-to-live {} days; kept for the audit retention of {} days",
            processDefinition.getKey(), ttl, days);
        processDefinition.setHistoryTimeToLive(days);
      }
    }
  }
}
