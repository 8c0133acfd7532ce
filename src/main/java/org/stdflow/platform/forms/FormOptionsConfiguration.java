package org.stdflow.platform.forms;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link DeployedFormOptionsFilter} and {@link FormSubmissionGuard} on the engine's two REST paths. */
@Configuration(proxyBeanMethods = false)
class FormOptionsConfiguration {

  @Bean
  FilterRegistrationBean<DeployedFormOptionsFilter> deployedFormOptions(List<FormFieldOptions> providers) {
    var registration = new FilterRegistrationBean<>(new DeployedFormOptionsFilter(providers));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("deployedFormOptions");
    return registration;
  }

  @Bean
  FilterRegistrationBean<FormSubmissionGuard> formSubmissionGuard(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new FormSubmissionGuard(engine));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("formSubmissionGuard");
    return registration;
  }
}
