package org.stdflow.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.stdflow.organisation.OrganisationFile.GroupEntry;

/**
 * Grants each group what its role needs, derived from the group types of the organisation file.
 * Task-level rights are not granted here: Camunda gives a task's candidate groups and assignee
 * READ and TASK_WORK on that task when it is created, so section heads see and work only on tasks of
 * their own groups. Idempotent: an existing grant is extended, never duplicated.
 *
 * <ul>
 *   <li>every group: log in to Tasklist, read users, groups and process definitions (names, diagrams);
 *   <li>starter groups (file section {@code starters}): start the named process;
 *   <li>auditors: Cockpit, and read (never change) every definition, instance, task, history and the
 *       user operation log;
 *   <li>admins: everything.
 * </ul>
 */
public class AuthorizationSetup {

  private final AuthorizationService authorizationService;

  public AuthorizationSetup(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Applies the grants; returns how many authorizations were created or extended. */
  public int apply(OrganisationFile file) {
    List<Grant> grants = new ArrayList<>();
    for (GroupEntry group : file.groups()) {
      String g = group.id();
      if (group.type() == GroupType.ADMIN) {
        for (Resources resource : Resources.values()) {
          grants.add(new Grant(g, resource, ANY, Permissions.ALL));
        }
        continue;
      }
      grants.add(new Grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(g, Resources.USER, ANY, Permissions.READ));
      grants.add(new Grant(g, Resources.GROUP, ANY, Permissions.READ));
      grants.add(new Grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
      grants.add(new Grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
      if (group.type() == GroupType.AUDIT) {
        grants.add(new Grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(new Grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE));
        grants.add(new Grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_TASK));
        grants.add(new Grant(g, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(g, Resources.TASK, ANY, TaskPermissions.READ));
        grants.add(new Grant(g, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        grants.add(new Grant(g, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY));
        grants.add(new Grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ));
        grants.add(new Grant(g, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
      }
    }
    file.starters().forEach((processKey, groups) -> {
      for (String g : groups) {
        grants.add(new Grant(g, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(g, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
      }
    });

    int changes = 0;
    for (Grant grant : grants) {
      if (ensure(grant)) {
        changes++;
      }
    }
    return changes;
  }

  /** Grants {@code groupId} the permission on one resource (used for filters as well). */
  public boolean ensure(String groupId, Resource resource, String resourceId, Permission permission) {
    return ensure(new Grant(groupId, resource, resourceId, permission));
  }

  private boolean ensure(Grant grant) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (existing != null && existing.isPermissionGranted(grant.permission())) {
      return false;
    }
    Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(grant.groupId());
      auth.setResource(grant.resource());
      auth.setResourceId(grant.resourceId());
    }
    auth.addPermission(grant.permission());
    authorizationService.saveAuthorization(auth);
    return true;
  }

  private record Grant(String groupId, Resource resource, String resourceId, Permission permission) {
  }
}
