package org.stdflow.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.stdflow.organisation.OrganisationFile;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The life cycle on a bare Camunda engine: the same BPMN and DMN files stdflow deploys, with no-op
 * beans in place of stdflow's delegates, listeners and stage bean, and none of stdflow's plugins
 * or Spin. What stdflow's delegates compute is handed in at the start instead.
 *
 * <p>Without authorization by default. With it ({@code bare-auth} in the benchmark), Camunda's
 * authorization runs with stdflow's settings (revokes always checked, TASK_WORK for candidates and
 * assignees), users act with their groups from the organisation file, and the proposer's section
 * holds just the grants starting a life cycle needs: it separates what Camunda's own authorization
 * costs from what stdflow's features cost.
 */
public final class BareCamundaLifecycle implements AutoCloseable {

  static final String ENGINE_NAME = "bare-camunda";
  static final String ORGANISATION_FILE = "src/main/resources/organisation.yaml";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** A delegate expression the bare engine can satisfy: one bean, nothing else. */
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  /** A method expression on a bean, e.g. {@code ${standardStages.enter(execution, 'DRAFTING')}}. */
  private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\.[^}]*}");
  /** Beans the model calls methods on, each with its no-op stand-in. */
  private static final Map<String, Object> METHOD_BEANS = Map.of("standardStages", new NoopStages());
  // the stdflow app's job executor (application.yaml, camunda.bpm.job-execution)
  private static final int JOB_CORE_THREADS = 2;
  private static final int JOB_MAX_THREADS = 4;
  private static final int JOB_QUEUE = 10;

  private final ProcessEngine engine;
  private final Map<Object, Object> beans;
  private final String name;
  /** Each user's groups when authorization is on; null when it is off. */
  private final Map<String, List<String>> groups;
  private final PeerPath path;

  public BareCamundaLifecycle(DataSource ds) {
    this(ds, false);
  }

  public BareCamundaLifecycle(DataSource ds, boolean authorization) {
    byte[] model = read(PeerPath.MODEL_FILE);
    byte[] decision = read(PeerPath.DECISION_FILE);
    beans = beansNamedIn(model);
    name = authorization ? ENGINE_NAME + "-auth" : ENGINE_NAME;
    path = new PeerPath(name);
    groups = authorization ? groupsOfUsers() : null;

    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName(name);
    config.setDataSource(ds);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setAuthorizationEnabled(authorization);
    if (authorization) {
      // stdflow's settings (application.yaml, camunda.bpm.authorization and generic-properties)
      config.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
      config.setDefaultUserPermissionNameForTask("TASK_WORK");
    }
    // stdflow runs with the Spring Boot starter's default id generator
    config.setIdGenerator(new StrongUuidGenerator());
    // without Spin the list variables (consultedSectionList, acknowledgers) need Java serialization
    config.setJavaSerializationFormatEnabled(true);
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(JOB_CORE_THREADS);
    jobExecutor.setMaxPoolSize(JOB_MAX_THREADS);
    jobExecutor.setQueueSize(JOB_QUEUE);
    config.setJobExecutor(jobExecutor);
    config.setJobExecutorActivate(true);
    config.setBeans(beans);
    engine = config.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().name("bench-" + name).enableDuplicateFiltering(false)
          .addInputStream("standard-lifecycle.bpmn", new ByteArrayInputStream(model))
          .addInputStream("review-interval.dmn", new ByteArrayInputStream(decision)).deploy();
      if (authorization) {
        for (String group : groups.getOrDefault(LifecycleShape.PROPOSER, List.of())) {
          grant(group, Resources.PROCESS_DEFINITION, LifecycleShape.KEY, Permissions.READ,
              ProcessDefinitionPermissions.CREATE_INSTANCE);
          grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
      }
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private void grant(String group, Resources resource, String resourceId, Permission... permissions) {
    var authorizations = engine.getAuthorizationService();
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  /** Every user's groups, as the organisation file gives them to stdflow. */
  static Map<String, List<String>> groupsOfUsers() {
    try (var in = Files.newInputStream(Path.of(ORGANISATION_FILE))) {
      Map<String, List<String>> groups = new TreeMap<>();
      OrganisationFile.parse(in, ORGANISATION_FILE).users().forEach(u -> groups.put(u.id(), u.groups()));
      return groups;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + ORGANISATION_FILE + " (run from the project root)", e);
    }
  }

  public LoadRunner.Lifecycle lifecycle() {
    var identity = engine.getIdentityService();
    var tasks = engine.getTaskService();
    PeerPath.Engine calls = new PeerPath.Engine(
        user -> {
          if (user == null) {
            identity.clearAuthentication();
          } else if (groups == null) {
            identity.setAuthenticatedUserId(user);
          } else {
            identity.setAuthentication(user, groups.getOrDefault(user, List.of()));
          }
        },
        variables -> engine.getRuntimeService().startProcessInstanceByKey(LifecycleShape.KEY, variables).getId(),
        (instanceId, key) -> tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).list()
            .stream().map(t -> new PeerPath.OpenTask(t.getId(), t.getAssignee())).toList(),
        tasks::claim,
        engine.getFormService()::submitTaskForm,
        instanceId -> engine.getManagementService().createJobQuery().processInstanceId(instanceId)
            .activityId(PeerPath.IN_FORCE_TIMER).timers().count());
    return (user, timings) -> path.walk(calls, user, timings);
  }

  public String settings() {
    return "Camunda " + ProductPropertiesUtil.getProductVersion() + " standalone engine `" + name
        + "`: history FULL, job executor on (" + JOB_CORE_THREADS + "–" + JOB_MAX_THREADS + " threads, queue "
        + JOB_QUEUE + ", as stdflow), strong UUIDs, schema update true, "
        + (groups == null ? "no authorization"
            : "authorization on as in stdflow (revokes always checked, TASK_WORK for candidates and assignees;"
                + " users act with their groups from the organisation file; the proposer's section may start the"
                + " process, nothing else granted)")
        + ", no plugins, no Spin "
        + "(list variables Java-serialized); stdflow's own BPMN and DMN files unchanged, " + beans.size()
        + " no-op beans (" + String.join(", ", beans.keySet().stream().map(Object::toString).toList())
        + "); tasks completed via FormService.submitTaskForm";
  }

  ProcessEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }

  static byte[] read(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " (run from the project root)", e);
    }
  }

  /**
   * Every bean the model names, each mapped to a no-op stand-in: delegate expressions of service
   * tasks and listeners must be a bare {@code ${bean}}; method expressions must call a bean of
   * {@link #METHOD_BEANS}. Anything else fails here, not halfway through a benchmark.
   */
  static Map<Object, Object> beansNamedIn(byte[] model) {
    Map<Object, Object> beans = new TreeMap<>();
    NoopDelegate noop = new NoopDelegate();
    for (Element element : elements(model)) {
      boolean camundaElement = CAMUNDA_NS.equals(element.getNamespaceURI());
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        // camunda:delegateExpression on a task, or delegateExpression on a camunda:*Listener
        boolean inCamundaTerms = CAMUNDA_NS.equals(attribute.getNamespaceURI())
            || (camundaElement && attribute.getNamespaceURI() == null);
        if (!inCamundaTerms) {
          continue;
        }
        String where = element.getLocalName() + " " + element.getAttribute("id") + " " + attribute.getName();
        String value = attribute.getValue().trim();
        switch (attribute.getLocalName()) {
          case "delegateExpression" -> {
            Matcher bean = BEAN_REFERENCE.matcher(value);
            if (!bean.matches()) {
              throw new IllegalStateException(where + " = " + value + ": not a plain ${bean} the bare engine can stub");
            }
            beans.put(bean.group(1), noop);
          }
          case "expression" -> {
            Matcher call = BEAN_CALL.matcher(value);
            if (!call.matches() || !METHOD_BEANS.containsKey(call.group(1))) {
              throw new IllegalStateException(where + " = " + value + ": calls no bean the bare engine has a stub for "
                  + METHOD_BEANS.keySet());
            }
            beans.put(call.group(1), METHOD_BEANS.get(call.group(1)));
          }
          case "class" -> throw new IllegalStateException(where + " = " + value
              + ": a delegate class needs stdflow's Spring context; the bare engine cannot run it");
          default -> {
            // other Camunda attributes (assignee, dueDate, formRef, ...) name no beans
          }
        }
      }
    }
    if (beans.isEmpty()) {
      throw new IllegalStateException(PeerPath.MODEL_FILE + " names no beans: not the model this driver expects");
    }
    return beans;
  }

  static List<Element> elements(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS("*", "*");
      List<Element> elements = new ArrayList<>(nodes.getLength());
      for (int i = 0; i < nodes.getLength(); i++) {
        elements.add((Element) nodes.item(i));
      }
      return elements;
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + PeerPath.MODEL_FILE, e);
    }
  }

  /** Stands in for every stdflow delegate and listener: does nothing. */
  public static final class NoopDelegate implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {
    }

    @Override
    public void notify(DelegateExecution execution) {
    }

    @Override
    public void notify(DelegateTask task) {
    }
  }

  /** Stands in for stdflow's {@code standardStages} bean: the stage is not recorded anywhere. */
  public static final class NoopStages {
    public void enter(DelegateExecution execution, String stage) {
    }
  }
}
