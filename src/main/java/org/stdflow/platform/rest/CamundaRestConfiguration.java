package org.stdflow.platform.rest;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Our exception mappers on both engine REST APIs: {@code /engine-rest} (Spring Boot's Jersey) and
 * the webapps' own {@code /camunda/api/engine}, which Tasklist, Cockpit and Admin call.
 */
@Configuration(proxyBeanMethods = false)
class CamundaRestConfiguration {

  /** The servlet name under which Camunda's webapp initializer registers the webapps' engine API. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  /** {@link TaskNotesGuard} on both engine APIs. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<TaskNotesGuard> taskNotesGuard(
      org.camunda.bpm.engine.ProcessEngine engine) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new TaskNotesGuard(engine));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("taskNotesGuard");
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestMappers(JdbcClient jdbc) {
    return config -> config.register(new FormValidationExceptionMapper(jdbc))
        .register(new ConcurrentChangeExceptionMapper(jdbc)).register(new ServerErrorExceptionMapper(jdbc));
  }

  /**
   * Camunda's webapp initializer registers the webapps' engine API only if no servlet of that name
   * exists (and then leaves it alone). Running first, this registers it as Camunda would — Jersey's
   * servlet, the webapp path, Camunda's {@code EngineRestApplication} — plus Jersey's provider list
   * with our mappers; should Camunda's have run first, only the provider list is added.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApiMappers(CamundaBpmProperties camunda) {
    return servletContext -> {
      var registration = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
      if (registration == null) {
        registration = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
        registration.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, EngineRestApplication.class.getName());
      }
      registration.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
          String.join(",", FormValidationExceptionMapper.class.getName(), ConcurrentChangeExceptionMapper.class.getName(),
              ServerErrorExceptionMapper.class.getName()));
    };
  }
}
