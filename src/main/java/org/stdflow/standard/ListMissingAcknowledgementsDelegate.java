package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** 登记未阅知人员: lists the section heads who did not acknowledge before the deadline. */
@Component("listMissingAcknowledgementsDelegate")
class ListMissingAcknowledgementsDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final IdentityService identityService;

  ListMissingAcknowledgementsDelegate(StandardRegister register, IdentityService identityService) {
    this.register = register;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> missing = new ArrayList<>();
    for (String userId : register.missingAcknowledgements(LifecycleValues.longValue(execution, VERSION_ID))) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      missing.add(user == null ? userId
          : (user.getFirstName() == null ? "" : user.getFirstName()) + (user.getLastName() == null ? "" : user.getLastName())
              + "（" + userId + "）");
    }
    execution.setVariable(NOT_ACKNOWLEDGED, missing);
  }
}
