package org.stdflow.document;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdflow.platform.security.ErrorResponses;

/**
 * CSRF guard for our own API. The Tasklist session cookie authenticates /api, and a browser sends
 * it along with a form another site posts; Camunda's CSRF filter covers only /camunda/api. A
 * state-changing request that authenticates by that session must carry {@value #HEADER}:
 * {@value #VALUE} — a custom header that another origin cannot set without a CORS preflight, which
 * we never allow. HTTP-basic callers (scripts) carry no ambient credentials and need no header.
 */
class SessionCsrfFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Requested-With";
  static final String VALUE = "stdflow";
  static final String MESSAGE = "缺少防伪请求头";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String engineName;

  SessionCsrfFilter(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && sessionAuthenticated(request.getSession(false))
        && !VALUE.equals(request.getHeader(HEADER))) {
      ErrorResponses.write(response, HttpServletResponse.SC_FORBIDDEN, MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Same rule as ApiAuthenticationFilter: a webapp session with a user of our engine wins over basic. */
  private boolean sessionAuthenticated(HttpSession session) {
    if (session == null) {
      return false;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    return auths != null && auths.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication;
  }
}
