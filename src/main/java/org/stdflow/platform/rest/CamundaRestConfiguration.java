package org.stdflow.platform.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CamundaRestConfiguration {

  @Bean
  ResourceConfigCustomizer formValidationErrors() {
    return config -> config.register(FormValidationExceptionMapper.class);
  }
}
