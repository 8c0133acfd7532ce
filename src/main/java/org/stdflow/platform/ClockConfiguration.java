package org.stdflow.platform;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /**
   * The bureau's clock: dates in forms and rules are local dates of this zone, the JVM's default
   * zone too ({@link BureauTimeZone}).
   */
  @Bean
  Clock clock(@Value("${" + BureauTimeZone.PROPERTY + ":" + BureauTimeZone.DEFAULT_ZONE + "}") String zone) {
    return Clock.system(BureauTimeZone.zoneOf(zone));
  }
}
