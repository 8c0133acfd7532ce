package org.stdflow.standard;

import java.util.Map;

/** A valid proposal, shared by the tests of other packages. */
public final class StandardLifecycleProcessTestData {

  private StandardLifecycleProcessTestData() {
  }

  public static Map<String, Object> proposal(String title) {
    return LifecycleTestSupport.proposal(title);
  }
}
