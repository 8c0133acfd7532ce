package org.stdflow.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The life cycle on Flowable: stdflow's BPMN file turned into Flowable's dialect at run time (same
 * elements, flows, gateways, subprocesses, multi-instance, timers and message catch; Camunda
 * extensions translated or dropped, see {@link #toFlowable(byte[])}), with no-op delegates and
 * listeners. The two DMN tasks become service tasks that set the interval the DMN would return.
 */
public final class FlowableLifecycle implements AutoCloseable {

  static final String ENGINE_NAME = "flowable";
  static final Path TRANSFORMED = Path.of("target/bench/standard-lifecycle.flowable.bpmn20.xml");
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String FLOWABLE_NS = "http://flowable.org/bpmn";
  /** Camunda attributes Flowable has under the same name with the same meaning. */
  private static final List<String> SAME_IN_FLOWABLE = List.of("candidateGroups", "assignee", "collection",
      "elementVariable", "initiator");
  /** Camunda attributes without effect on the happy path in a bare engine (forms are never fetched). */
  private static final List<String> DROPPED = List.of("formRef", "formRefBinding", "historyTimeToLive", "versionTag");
  /** Camunda's relative due date; Flowable's due date takes the same as an ISO 8601 duration. */
  private static final Pattern DAYS_FROM_NOW = Pattern.compile("\\$\\{dateTime\\(\\)\\.plusDays\\((\\d+)\\)\\.toDate\\(\\)}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
  private static final String DECISION = "review-interval";
  /** What review-interval.dmn returns for the benchmark's standard type (INTERNAL). */
  static final int REVIEW_INTERVAL_YEARS = 3;
  private static final int ASYNC_CORE_THREADS = 2;
  private static final int ASYNC_MAX_THREADS = 4;
  private static final int ASYNC_QUEUE = 10;

  private final ProcessEngine engine;
  private final Translation translation;
  private final PeerPath path = new PeerPath(ENGINE_NAME);

  public FlowableLifecycle(DataSource ds) {
    translation = toFlowable(BareCamundaLifecycle.read(PeerPath.MODEL_FILE));
    try {
      Files.createDirectories(TRANSFORMED.getParent());
      Files.write(TRANSFORMED, translation.xml());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + TRANSFORMED, e);
    }

    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setEngineName(ENGINE_NAME);
    config.setDataSource(ds);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistoryLevel(HistoryLevel.FULL);
    config.setIdGenerator(new StrongUuidGenerator());
    config.setAsyncExecutorActivate(true);
    config.setAsyncExecutorCorePoolSize(ASYNC_CORE_THREADS);
    config.setAsyncExecutorMaxPoolSize(ASYNC_MAX_THREADS);
    config.setAsyncExecutorThreadPoolQueueSize(ASYNC_QUEUE);
    // only the process engine: no IDM or event registry engine (nor their tables)
    config.setDisableIdmEngine(true);
    config.setDisableEventRegistry(true);
    config.setCreateDiagramOnDeploy(false);
    // Flowable 7's default leaves a parallel multi-instance in an async job after each completed
    // instance; that job races the next acknowledgement (optimistic locking). Camunda counts the
    // completion in the completing transaction, so the peer does too.
    config.setParallelMultiInstanceAsyncLeave(false);
    engine = config.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().name("bench-" + ENGINE_NAME).enableDuplicateFiltering()
          .addBytes("standard-lifecycle.bpmn20.xml", translation.xml()).deploy();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The Flowable release on the class path (e.g. 7.1.0). */
  public static String version() {
    String version = ProcessEngine.class.getPackage().getImplementationVersion();
    return version != null ? version : ProcessEngine.VERSION;
  }

  public LoadRunner.Lifecycle lifecycle() {
    var tasks = engine.getTaskService();
    PeerPath.Engine calls = new PeerPath.Engine(
        engine.getIdentityService()::setAuthenticatedUserId,
        variables -> engine.getRuntimeService().startProcessInstanceByKey(LifecycleShape.KEY, variables).getId(),
        (instanceId, key) -> tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).list()
            .stream().map(t -> new PeerPath.OpenTask(t.getId(), t.getAssignee())).toList(),
        tasks::claim,
        tasks::complete,
        instanceId -> engine.getManagementService().createTimerJobQuery().processInstanceId(instanceId)
            .elementId(PeerPath.IN_FORCE_TIMER).count());
    return (user, timings) -> path.walk(calls, user, timings);
  }

  public String settings() {
    return "Flowable " + version() + " standalone process engine: history FULL, async executor on ("
        + ASYNC_CORE_THREADS + "–" + ASYNC_MAX_THREADS + " threads, queue " + ASYNC_QUEUE
        + "), strong UUIDs, schema update true, IDM and event registry engines off, parallel multi-instance left "
        + "synchronously (as Camunda; Flowable's default is an async leave job); stdflow's BPMN translated at run time ("
        + translation.summary() + "; written to " + TRANSFORMED + "), the DMN tasks replaced by a service task setting "
        + "reviewIntervalYears=" + REVIEW_INTERVAL_YEARS + " (no DMN engine); tasks completed via TaskService.complete";
  }

  ProcessEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The translated model and what the translation did, counted. */
  record Translation(byte[] xml, int attributesRenamed, int dueDatesAsDurations, int delegates, int listeners,
      int decisions, int dropped) {

    String summary() {
      return attributesRenamed + " attributes to flowable:, " + dueDatesAsDurations
          + " relative due dates as ISO durations, " + delegates + " service tasks and " + decisions
          + " DMN tasks to no-op flowable:class delegates, " + listeners + " execution listeners to no-op classes, "
          + dropped + " form/TTL/version attributes dropped";
    }
  }

  /**
   * Turns stdflow's model into Flowable's dialect. Fails on any Camunda extension it does not know,
   * so a model change cannot silently make the peer process different.
   */
  static Translation toFlowable(byte[] camundaModel) {
    Document doc = parse(camundaModel);
    int renamed = 0;
    int durations = 0;
    int delegates = 0;
    int listeners = 0;
    int decisions = 0;
    int dropped = 0;
    String noop = NoopDelegate.class.getName();
    for (Element element : all(doc)) {
      String where = element.getLocalName() + " " + element.getAttribute("id");
      if (CAMUNDA_NS.equals(element.getNamespaceURI())) {
        if (!"executionListener".equals(element.getLocalName())) {
          throw new IllegalStateException("no Flowable translation for camunda:" + element.getLocalName()
              + " (in " + owner(element) + ")");
        }
        Element listener = doc.createElementNS(FLOWABLE_NS, "flowable:executionListener");
        listener.setAttribute("event", element.getAttribute("event"));
        listener.setAttribute("class", noop);
        element.getParentNode().replaceChild(listener, element);
        listeners++;
        continue;
      }
      if (BPMN_NS.equals(element.getNamespaceURI()) && "businessRuleTask".equals(element.getLocalName())) {
        String decision = element.getAttributeNS(CAMUNDA_NS, "decisionRef");
        if (!DECISION.equals(decision)) {
          throw new IllegalStateException(where + ": decision " + decision + " has no Flowable stand-in");
        }
        for (String name : List.of("decisionRef", "resultVariable", "mapDecisionResult")) {
          element.removeAttributeNS(CAMUNDA_NS, name);
        }
        element = (Element) doc.renameNode(element, BPMN_NS, element.getPrefix() + ":serviceTask");
        element.setAttributeNS(FLOWABLE_NS, "flowable:class", ReviewIntervalDelegate.class.getName());
        decisions++;
      }
      for (Attr attribute : camundaAttributes(element)) {
        String name = attribute.getLocalName();
        String value = attribute.getValue();
        element.removeAttributeNode(attribute);
        if (SAME_IN_FLOWABLE.contains(name)) {
          element.setAttributeNS(FLOWABLE_NS, "flowable:" + name, value);
          renamed++;
        } else if ("dueDate".equals(name)) {
          Matcher days = DAYS_FROM_NOW.matcher(value.trim());
          if (days.matches()) {
            element.setAttributeNS(FLOWABLE_NS, "flowable:dueDate", "P" + days.group(1) + "D");
            durations++;
          } else if (VARIABLE.matcher(value.trim()).matches()) {
            element.setAttributeNS(FLOWABLE_NS, "flowable:dueDate", value);
            renamed++;
          } else {
            throw new IllegalStateException(where + ": due date " + value + " has no Flowable translation");
          }
        } else if ("delegateExpression".equals(name) || "expression".equals(name)) {
          element.setAttributeNS(FLOWABLE_NS, "flowable:class", noop);
          delegates++;
        } else if (DROPPED.contains(name)) {
          dropped++;
        } else {
          throw new IllegalStateException(where + ": no Flowable translation for camunda:" + name);
        }
      }
    }
    Element root = doc.getDocumentElement();
    root.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "camunda");
    root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:flowable", FLOWABLE_NS);
    byte[] xml = serialize(doc);
    if (new String(xml, StandardCharsets.UTF_8).contains(CAMUNDA_NS)) {
      throw new IllegalStateException("Camunda namespace left in the translated model");
    }
    return new Translation(xml, renamed, durations, delegates, listeners, decisions, dropped);
  }

  /** The id of the nearest enclosing element that has one, to name where an extension sits. */
  private static String owner(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (e.hasAttribute("id")) {
        return e.getAttribute("id");
      }
    }
    return "a listener already replaced";
  }

  private static List<Attr> camundaAttributes(Element element) {
    List<Attr> found = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
        found.add(attribute);
      }
    }
    return found;
  }

  private static List<Element> all(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("*", "*");
    List<Element> elements = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + PeerPath.MODEL_FILE, e);
    }
  }

  private static byte[] serialize(Document doc) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the Flowable model", e);
    }
  }

  /** Stands in for every stdflow delegate and execution listener: does nothing. */
  public static final class NoopDelegate implements JavaDelegate, ExecutionListener {
    @Override
    public void execute(DelegateExecution execution) {
    }

    @Override
    public void notify(DelegateExecution execution) {
    }
  }

  /** Stands in for the review-interval decision: the result it has for the benchmark's INTERNAL standard. */
  public static final class ReviewIntervalDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("reviewIntervalYears", REVIEW_INTERVAL_YEARS);
    }
  }
}
