package org.stdflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** stdflow: service standards of a government affairs bureau, run on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StdflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(StdflowApplication.class, args);
  }
}
