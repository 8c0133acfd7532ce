package org.stdflow.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nothing is open to anonymous callers: Camunda's REST API needs HTTP basic against the identity
 * service (Camunda's own filter, which then applies the caller's authorizations), our own API and
 * the operational actuator endpoints accept HTTP basic or the webapp login session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("stdflow-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    registration.setName("stdflow-api-authentication");
    registration.addUrlPatterns("/api/*", "/actuator/*", "/pages/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }
}
