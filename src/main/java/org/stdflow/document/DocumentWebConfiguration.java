package org.stdflow.document;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class DocumentWebConfiguration {

  /** Right after the API authentication filter (HIGHEST_PRECEDENCE + 21), so anonymous calls still get 401. */
  @Bean
  FilterRegistrationBean<SessionCsrfFilter> apiSessionCsrf(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new SessionCsrfFilter(engine.getName()));
    registration.setName("stdflow-api-session-csrf");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    return registration;
  }
}
