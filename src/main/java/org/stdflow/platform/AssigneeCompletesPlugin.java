package org.stdflow.platform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.validation.FormValidationException;

/**
 * A task someone has claimed is completed by that person. Camunda lets any member of the candidate
 * group complete it (TASK_WORK), so Tasklist and the history showed the claimant as the one who did
 * it while another member had submitted the form. Calls without a user (the app's own steps) and
 * administrators are not held to it; the others get a message naming the claimant and what to do.
 */
@Component
class AssigneeCompletesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskCreateListeners.addOnComplete(configuration, AssigneeCompletesPlugin::check);
  }

  private static void check(DelegateTask task) {
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String assignee = task.getAssignee();
    if (caller == null || caller.getUserId() == null || assignee == null || assignee.equals(caller.getUserId())
        || caller.getGroupIds() != null && caller.getGroupIds().contains(CurrentUser.ADMIN_GROUP)) {
      return;
    }
    var user = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(assignee).singleResult();
    String name = user == null ? assignee : (user.getFirstName() == null ? "" : user.getFirstName())
        + (user.getLastName() == null ? "" : user.getLastName());
    throw new FormValidationException(Map.of("assignee", "该任务已由" + (name.isBlank() ? assignee : name)
        + "认领，只能由认领人办理；如需由您办理，请先请其取消认领，或由系统管理员转交"));
  }
}
