package org.stdflow.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who calls one of the engine's REST APIs, for filters that run around them: the engine's
 * authentication of the request ({@code /engine-rest}, set by HTTP basic) or the webapp session
 * (Tasklist's and Cockpit's {@code /camunda/api/engine}).
 */
public final class EngineCaller {

  private EngineCaller() {
  }

  /** The caller, or null when the request is not (yet) authenticated. */
  public static CurrentUser of(HttpServletRequest request, ProcessEngine engine) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return new CurrentUser(current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds());
    }
    UserAuthentication user = sessionUser(request, engine);
    return user == null ? null
        : new CurrentUser(user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
  }

  /** The user logged in to the webapps (Tasklist, Cockpit, Admin) in this request's session, or null. */
  static UserAuthentication sessionUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return auths != null && auths.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
        ? user : null;
  }
}
