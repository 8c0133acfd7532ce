package org.stdflow.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the BPMN, DMN and form files come from and the name of the deployment they go into.
 *
 * @param locations Spring resource patterns (classpath*: or file:)
 * @param deploymentName name of the one deployment the models are deployed in
 */
@ConfigurationProperties("stdflow.models")
public record ModelProperties(List<String> locations, String deploymentName) {

  public ModelProperties {
    locations = locations == null || locations.isEmpty()
        ? List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form")
        : List.copyOf(locations);
    deploymentName = deploymentName == null || deploymentName.isBlank() ? "stdflow" : deploymentName;
  }
}
