package org.stdflow.platform.security;

import java.util.List;

/**
 * The authenticated caller of a request to our own API or pages.
 *
 * @param id Camunda user id
 * @param groupIds the user's groups
 */
public record CurrentUser(String id, List<String> groupIds) {

  /** Request attribute under which {@link ApiAuthenticationFilter} stores the caller. */
  public static final String REQUEST_ATTRIBUTE = "org.stdflow.currentUser";

  /** Camunda's administrators' group. */
  public static final String ADMIN_GROUP = "camunda-admin";

  public boolean isAdmin() {
    return groupIds.contains(ADMIN_GROUP);
  }

  public boolean isMemberOf(String groupId) {
    return groupIds.contains(groupId);
  }
}
