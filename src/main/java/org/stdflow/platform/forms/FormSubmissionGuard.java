package org.stdflow.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdflow.platform.security.AsEngine;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.security.EngineCaller;

/**
 * A form submission sets the form's fields and nothing else. Camunda's REST API (and so Tasklist)
 * completes a task or starts a process with whatever variables the request carries; a user who may
 * work on a task could otherwise send, beside the form's fields, variables the process relies on — the
 * id of the record the step writes to, a verdict another section gave, the initiator, a threshold —
 * and the delegates would act on them. This filter reads the task's or the start event's deployed
 * Camunda Form and
 * <ul>
 *   <li>refuses (400, in Chinese, naming them) a submission with variables that are no field of the form;</li>
 *   <li>drops the values of {@code readonly}/{@code disabled} fields, which the form only shows (Tasklist
 *       sends them back as they were shown; a changed value must not reach the process).</li>
 * </ul>
 * It guards {@code POST …/task/{id}/submit-form|complete|resolve} and
 * {@code POST …/process-definition/{id or key/…}/submit-form|start} on both engine APIs. Tasks and
 * processes without a Camunda Form, unknown ids and malformed bodies pass to the engine, which
 * answers them as before; the app's own Java calls (delegates, the benchmark) are not HTTP requests.
 * Administrators, who may set any variable through the API anyway (and start a run before a given
 * activity to repair one), are not held to the form.
 */
public class FormSubmissionGuard extends OncePerRequestFilter {

  private static final String API = "/(?:engine-rest|camunda/api/engine/engine/[^/]+)";
  private static final Pattern TASK = Pattern.compile(API + "/task/([^/]+)/(?:submit-form|complete|resolve)");
  private static final Pattern START = Pattern.compile(
      API + "/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:submit-form|start)");

  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  public FormSubmissionGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !"POST".equals(request.getMethod()) || !(TASK.matcher(path).matches() || START.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (callerIsAdmin(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest forwarded = new BodyRequest(request, body);
    JsonNode submission;
    try {
      submission = json.readTree(body);
    } catch (IOException e) {
      chain.doFilter(forwarded, response); // the engine answers a malformed body
      return;
    }
    JsonNode variables = submission == null ? null : submission.get("variables");
    FormFields fields = variables instanceof ObjectNode && !variables.isEmpty() ? formOf(path(request)) : null;
    if (fields == null) {
      chain.doFilter(forwarded, response);
      return;
    }
    Map<String, String> foreign = new LinkedHashMap<>();
    List<String> shownOnly = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (fields.displayOnly().contains(name)) {
        shownOnly.add(name);
      } else if (!fields.submitted().contains(name)) {
        foreign.put(name, "“" + name + "”不是本表单的字段，不能随表单提交");
      }
    }
    if (!foreign.isEmpty()) {
      refuse(response, foreign);
      return;
    }
    if (!shownOnly.isEmpty()) {
      shownOnly.forEach(((ObjectNode) variables)::remove);
      forwarded = new BodyRequest(request, json.writeValueAsBytes(submission));
    }
    chain.doFilter(forwarded, response);
  }

  /** The fields of the Camunda Form the request submits, or null: no such task/definition, no Camunda Form. */
  private FormFields formOf(String path) {
    // read as the engine: whether the caller may complete or start is the engine's to answer next
    return AsEngine.get(engine.getIdentityService(), () -> {
      try {
        FormService forms = engine.getFormService();
        Matcher task = TASK.matcher(path);
        if (task.matches()) {
          Task found = engine.getTaskService().createTaskQuery().taskId(task.group(1)).initializeFormKeys().singleResult();
          return found == null || found.getCamundaFormRef() == null ? null : parse(forms.getDeployedTaskForm(found.getId()));
        }
        Matcher start = START.matcher(path);
        if (!start.matches()) {
          return null;
        }
        ProcessDefinition definition = definition(start);
        if (definition == null) {
          return null;
        }
        StartFormData data = forms.getStartFormData(definition.getId());
        return data == null || data.getCamundaFormRef() == null ? null : parse(forms.getDeployedStartForm(definition.getId()));
      } catch (RuntimeException e) {
        return null; // the engine will refuse the request with its own answer
      }
    });
  }

  private boolean callerIsAdmin(HttpServletRequest request) {
    CurrentUser caller = EngineCaller.of(request, engine);
    return caller != null && caller.isAdmin();
  }

  private ProcessDefinition definition(Matcher start) {
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
    if (start.group(3) != null) {
      return query.processDefinitionId(start.group(3)).singleResult();
    }
    query.processDefinitionKey(start.group(1)).latestVersion();
    return (start.group(2) == null ? query.withoutTenantId() : query.tenantIdIn(start.group(2))).singleResult();
  }

  private FormFields parse(InputStream form) {
    try (form) {
      return FormFields.of(json.readTree(form));
    } catch (IOException e) {
      return null;
    }
  }

  private void refuse(HttpServletResponse response, Map<String, String> foreign) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FormValidationException");
    body.put("message", "表单填写有误：提交的数据中有本表单没有的字段（" + String.join("、", foreign.keySet())
        + "），只能提交表单中的字段。");
    body.put("code", 0);
    body.put("fieldErrors", foreign);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setCharacterEncoding("UTF-8");
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The request with its body read once and served again (or replaced). */
  private static final class BodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          // the whole body is here already: available at once, then read
          try {
            listener.onDataAvailable();
            listener.onAllDataRead();
          } catch (IOException e) {
            listener.onError(e);
          }
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      return "content-length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
    }
  }
}
