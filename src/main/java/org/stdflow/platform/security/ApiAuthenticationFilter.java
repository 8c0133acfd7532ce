package org.stdflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates callers of our own API ({@code /api}), pages ({@code /pages}) and the actuator: by
 * the Camunda webapp session (a user logged in to Tasklist uses our pages without logging in again)
 * or by HTTP basic. Sets the engine's authenticated user for the request, so the engine applies the
 * caller's authorizations and the user operation log records who did what.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final List<String> PUBLIC = List.of("/actuator/health", "/actuator/info");

  private final ProcessEngine engine;

  public ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    IdentityService identity = engine.getIdentityService();
    if (PUBLIC.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
      // anyone (a load balancer) sees whether the app and its parts are up; the details (database
      // product, disk path and space, the job executor's lock owner) only an administrator
      String userId = caller(request, identity);
      boolean admin = userId != null && groupsOf(userId, identity).contains(CurrentUser.ADMIN_GROUP);
      chain.doFilter(admin ? new AdministratorRequest(request, userId) : request, response);
      return;
    }
    String userId = caller(request, identity);
    if (userId == null) {
      boolean api = !path.startsWith("/pages/");
      if (api) {
        // our pages' scripts say who they are: a challenge would make the browser pop up its own
        // login dialog over the page (and hold the request open) instead of letting the page explain
        if (request.getHeader("X-Requested-With") == null) {
          response.setHeader("WWW-Authenticate", "Basic realm=\"stdflow\", charset=\"UTF-8\"");
        }
        ErrorResponses.write(response, 401, "请先登录：使用 HTTP Basic 认证，或先登录任务列表（Tasklist）。");
      } else {
        response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/");
      }
      return;
    }
    List<String> groups = groupsOf(userId, identity);
    CurrentUser user = new CurrentUser(userId, groups);
    if (path.startsWith("/actuator/") && !user.isAdmin()) {
      ErrorResponses.write(response, 403, "只有系统管理员可以查看运行指标。");
      return;
    }
    request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user);
    identity.setAuthentication(userId, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String caller(HttpServletRequest request, IdentityService identity) {
    UserAuthentication session = EngineCaller.sessionUser(request, engine);
    return session != null ? session.getIdentityId() : fromBasic(request.getHeader("Authorization"), identity);
  }

  private static List<String> groupsOf(String userId, IdentityService identity) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /**
   * An administrator's request as Spring Boot's actuator reads it: its principal and the role that
   * {@code management.endpoint.health.roles} names, so health shows its details to this caller only.
   */
  private static final class AdministratorRequest extends HttpServletRequestWrapper {
    private final Principal principal;

    AdministratorRequest(HttpServletRequest request, String userId) {
      super(request);
      this.principal = () -> userId;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return CurrentUser.ADMIN_GROUP.equals(role);
    }
  }

  private static String fromBasic(String header, IdentityService identity) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
