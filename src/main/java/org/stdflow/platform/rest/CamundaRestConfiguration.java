package org.stdflow.platform.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CamundaRestConfiguration {

  @Bean
  ResourceConfigCustomizer formValidationErrors(JdbcClient jdbc) {
    return config -> config.register(FormValidationExceptionMapper.class)
        .register(new ConcurrentChangeExceptionMapper(jdbc));
  }
}
