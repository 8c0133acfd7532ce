package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发起征求意见: one comment task per consulted section, all due at the end of the comment period. */
@Component("openCommentRoundDelegate")
class OpenCommentRoundDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final LifecycleProperties properties;
  private final Clock clock;

  OpenCommentRoundDelegate(StandardRegister register, LifecycleProperties properties, Clock clock) {
    this.register = register;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> sections = LifecycleValues.stringList(execution.getVariable(CONSULTED_SECTIONS));
    execution.setVariable(CONSULTED_SECTION_LIST, new java.util.ArrayList<>(sections));
    execution.setVariable(COMMENT_DUE_DATE, Date.from(clock.instant().plus(properties.commentPeriod())));
    execution.setVariable(COMMENT_ROUND_OPENED, Date.from(clock.instant()));
    register.enterStage(LifecycleValues.longValue(execution, STANDARD_ID), StandardStatus.IN_COMMENT);
  }
}
