package org.stdflow.cluster;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only work for the cluster test's "cluster-slow-job" process: a job that takes a few seconds,
 * so a node can be killed while it holds the job's lock. It logs where it runs (the test reads the
 * node logs to find the node to kill) and records the node that finished it. Copied alone onto the
 * nodes' classpath; deliberately no Spring annotation.
 */
public class SlowJobDelegate implements JavaDelegate {

  static final String STARTED = "cluster slow job started";
  private static final Logger LOG = LoggerFactory.getLogger(SlowJobDelegate.class);

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String node = System.getenv("STDFLOW_NODE_ID");
    LOG.info("{} on {} for {}", STARTED, node, execution.getProcessInstanceId());
    Thread.sleep(Long.parseLong(String.valueOf(execution.getVariable("workMillis"))));
    execution.setVariable("finishedOn", node);
    LOG.info("cluster slow job finished on {} for {}", node, execution.getProcessInstanceId());
  }
}
