package org.stdflow.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.security.ErrorResponses;

/**
 * Only auditors (groups of type audit in the organisation file) and admins reach the audit API and
 * page. Runs after ApiAuthenticationFilter, which has authenticated the caller.
 */
class AuditAccessFilter extends OncePerRequestFilter {

  private final Directory directory;

  AuditAccessFilter(Directory directory) {
    this.directory = directory;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
    if (user != null && (user.isAdmin() || directory.auditorGroups().stream().anyMatch(user::isMemberOf))) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/pages/")) {
      response.setStatus(403);
      response.setCharacterEncoding("UTF-8");
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>无权访问</title>"
          + "</head><body><h1>无权访问</h1><p>审计追溯页面只对审计监督人员和系统管理员开放。</p>"
          + "<p><a href=\"/camunda/app/welcome/default/\">返回首页</a></p></body></html>");
      return;
    }
    ErrorResponses.write(response, 403, "只有审计监督人员和系统管理员可以查看审计记录。");
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<AuditAccessFilter> auditAccess(Directory directory) {
      var registration = new FilterRegistrationBean<>(new AuditAccessFilter(directory));
      registration.setName("stdflow-audit-access");
      // "/x/*" also matches "/x" itself, and "/x/" (which the static resources would serve as /x)
      registration.setUrlPatterns(List.of("/api/audit/*", "/pages/audit.html/*", "/pages/audit.js/*", "/pages/audit.css/*"));
      // after stdflow-api-authentication (HIGHEST_PRECEDENCE + 21)
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
      return registration;
    }
  }
}
