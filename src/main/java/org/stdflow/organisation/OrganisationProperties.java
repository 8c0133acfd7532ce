package org.stdflow.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param file the organisation YAML (Spring resource location)
 * @param demoUsers whether users marked {@code demo: true} exist
 * @param demoPassword the shared password of the demo users
 * @param adminPassword the password of users marked {@code admin: true}, set when they are created
 */
@ConfigurationProperties("stdflow.organisation")
public record OrganisationProperties(String file, boolean demoUsers, String demoPassword, String adminPassword) {

  public OrganisationProperties {
    file = file == null || file.isBlank() ? "classpath:organisation.yaml" : file;
  }
}
