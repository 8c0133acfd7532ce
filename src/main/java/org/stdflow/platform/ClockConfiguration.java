package org.stdflow.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** The bureau's clock: dates in forms and rules are local dates of this zone. */
  @Bean
  Clock clock(@Value("${spring.jackson.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
