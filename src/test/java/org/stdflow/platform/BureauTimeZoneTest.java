package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * The JVM runs in the bureau's zone whatever the server's TZ. (That two nodes on servers in different
 * zones then read each other's timers, locks and leases right is TwoNodeClusterTest's: its second node
 * runs on a UTC server.)
 */
class BureauTimeZoneTest {

  private TimeZone server;

  @BeforeEach
  void serverInUtc() {
    server = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterEach
  void restore() {
    TimeZone.setDefault(server);
  }

  @Test
  void theJvmTakesTheConfiguredZone() {
    apply(new MockEnvironment().withProperty("stdflow.time-zone", "Asia/Urumqi"));

    assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(ZoneId.of("Asia/Urumqi"));
  }

  @Test
  void withoutASettingTheBureauIsInShanghai() {
    apply(new MockEnvironment());

    assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void anUnknownOrEmptyZoneStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("stdflow.time-zone", "Asia/Beijing")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stdflow.time-zone").hasMessageContaining("STDFLOW_TIME_ZONE")
        .hasMessageContaining("'Asia/Beijing'").hasMessageContaining("Asia/Shanghai");
    assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("stdflow.time-zone", " ")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("STDFLOW_TIME_ZONE");
    // nothing changed on the way
    assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
  }

  @Test
  void springBootRunsItBeforeAnyBean() {
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
        SpringFactoriesLoader.ArgumentResolver.of(org.springframework.boot.logging.DeferredLogFactory.class,
            (org.springframework.boot.logging.DeferredLogFactory) Supplier::get)))
        .anySatisfy(p -> assertThat(p).isInstanceOf(BureauTimeZone.class));
  }

  private static void apply(MockEnvironment environment) {
    new BureauTimeZone(Supplier::get).postProcessEnvironment(environment, new SpringApplication());
  }
}
