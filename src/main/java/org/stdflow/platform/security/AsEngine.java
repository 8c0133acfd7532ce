package org.stdflow.platform.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls without the current user's authorizations, then puts the user back: for the
 * system's own acts and lookups whose access was decided already (a review requested by a role, a
 * run started for a rectification the office decided, a form read to check a submission).
 */
public final class AsEngine {

  private AsEngine() {
  }

  public static <T> T get(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    get(identity, () -> {
      work.run();
      return null;
    });
  }
}
