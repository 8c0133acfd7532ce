package org.stdflow.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

  @Bean
  OrganisationFile organisationFile(OrganisationProperties properties, ResourceLoader resourceLoader) {
    var resource = resourceLoader.getResource(properties.file());
    try (InputStream in = resource.getInputStream()) {
      return OrganisationFile.parse(in, properties.file());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the organisation file " + properties.file() + ": " + e.getMessage(), e);
    }
  }

  @Bean
  OrganisationLoader organisationLoader(ProcessEngine engine) {
    return new OrganisationLoader(engine.getIdentityService());
  }

  @Bean
  AuthorizationSetup authorizationSetup(ProcessEngine engine) {
    return new AuthorizationSetup(engine.getAuthorizationService());
  }

  @Bean
  TasklistFilterSetup tasklistFilterSetup(ProcessEngine engine, AuthorizationSetup authorizationSetup) {
    return new TasklistFilterSetup(engine.getFilterService(), engine.getTaskService(), authorizationSetup);
  }
}
