package org.stdflow.inspection;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in a supervision step, and in which groups (from the engine's identity service). */
@Component
class SupervisionUsers {

  static final String INSPECTORS = "inspectors";

  /** The acting user's id, or null for engine-driven steps (timers). */
  String current(ProcessEngineServices services) {
    Authentication auth = services.getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** The user's groups as stored (not as the caller claims). */
  List<String> groupsOf(ProcessEngineServices services, String userId) {
    if (userId == null) {
      return List.of();
    }
    IdentityService identity = services.getIdentityService();
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
