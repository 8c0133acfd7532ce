package org.stdflow.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Spares every engine command a scan of the whole authorization table. Before its first check in a
 * command, Camunda 7 reads {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} — every
 * group that holds any authorization — to drop the user's groups that hold none (meant for users
 * in hundreds of directory groups). Camunda writes one authorization per task and candidate
 * group, so that table grows with the open tasks (over 100,000 rows in the benchmark's large
 * history), and the scan ran once per task completion and once per Tasklist request.
 *
 * <p>A bureau user is in one to three groups. Up to {@code stdflow.authorization.group-prefilter-threshold}
 * groups they are passed to the checks as they are: a group that holds no authorization matches
 * no row of the check's {@code GROUP_ID_ IN (...)}, so every check answers exactly as before
 * (CIB seven and Operaton offer the same switch). Beyond the threshold Camunda's prefilter runs.
 */
@Component
class AuthorizationGroupsPlugin extends AbstractProcessEnginePlugin {

  private final int threshold;

  AuthorizationGroupsPlugin(@Value("${stdflow.authorization.group-prefilter-threshold:20}") int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    // custom session factories replace the built-in one of the same session type
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new FewGroupsAuthorizationManager(threshold);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, without the table scan for users in few groups. */
  static class FewGroupsAuthorizationManager extends AuthorizationManager {

    private final int threshold;

    FewGroupsAuthorizationManager(int threshold) {
      this.threshold = threshold;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() || authenticatedGroupIds.size() > threshold) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      // an ArrayList, as Camunda's: MyBatis calls its methods by reflection
      return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Whether Camunda's prefilter read the table in this command (for the test). */
    boolean prefilterRan() {
      return availableAuthorizedGroupIds != null;
    }
  }
}
