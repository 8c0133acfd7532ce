package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;

/**
 * 通知各科室阅知: every section head gets an acknowledgement task due at the end of the
 * acknowledgement period; the register expects one acknowledgement per person.
 */
@Component("requestAcknowledgementsDelegate")
class RequestAcknowledgementsDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final OrganisationFile organisation;
  private final IdentityService identityService;
  private final LifecycleProperties properties;
  private final Clock clock;

  RequestAcknowledgementsDelegate(StandardRegister register, OrganisationFile organisation,
      IdentityService identityService, LifecycleProperties properties, Clock clock) {
    this.register = register;
    this.organisation = organisation;
    this.identityService = identityService;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    long versionId = LifecycleValues.longValue(execution, VERSION_ID);
    TreeSet<String> users = new TreeSet<>();
    for (OrganisationFile.GroupEntry group : organisation.groupsOfType(GroupType.SECTION)) {
      identityService.createUserQuery().memberOfGroup(group.id()).list().stream().map(User::getId).forEach(users::add);
    }
    users.forEach(user -> register.expectAcknowledgement(standardId, versionId, user));
    List<String> acknowledgers = new ArrayList<>(users);
    execution.setVariable(ACKNOWLEDGERS, acknowledgers);
    execution.setVariable(ACKNOWLEDGEMENT_DUE_DATE, Date.from(clock.instant().plus(properties.acknowledgementPeriod())));
  }
}
