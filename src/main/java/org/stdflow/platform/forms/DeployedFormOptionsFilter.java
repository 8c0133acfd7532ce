package org.stdflow.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Fills the options of deployed Camunda Forms from {@link FormFieldOptions} as the engine's REST API
 * serves them — to Tasklist ({@code /camunda/api/engine/engine/{name}/…}) and to other clients
 * ({@code /engine-rest/…}): {@code GET …/process-definition/{id or key/…}/deployed-start-form} and
 * {@code GET …/task/{id}/deployed-form}. Only the {@code values} of fields a provider answers for
 * change; any other answer (an error, another kind of form) passes unchanged.
 */
public class DeployedFormOptionsFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedFormOptionsFilter.class);
  private static final Pattern DEPLOYED_FORM = Pattern.compile(
      "/(engine-rest|camunda/api/engine/engine/[^/]+)/(process-definition/.+/deployed-start-form|task/[^/]+/deployed-form)");

  private final List<FormFieldOptions> providers;
  private final ObjectMapper json = new ObjectMapper();

  public DeployedFormOptionsFilter(List<FormFieldOptions> providers) {
    this.providers = providers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"GET".equals(request.getMethod()) || !DEPLOYED_FORM.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    byte[] filled = buffered.getStatus() == 200 ? fill(body) : null;
    if (filled == null) {
      buffered.copyBodyToResponse();
      return;
    }
    response.setContentLength(filled.length);
    response.getOutputStream().write(filled);
    response.flushBuffer();
  }

  /** The form with its options filled, or null when nothing changed (or the body is no form). */
  byte[] fill(byte[] body) {
    JsonNode form;
    try {
      form = json.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
      return null;
    }
    boolean changed = fill(form.get("id").asText(), form);
    if (!changed) {
      return null;
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
    } catch (IOException e) {
      LOG.warn("Could not write form {} with its options", form.get("id").asText(), e);
      return null;
    }
  }

  private boolean fill(String formId, JsonNode container) {
    boolean changed = false;
    for (JsonNode component : container.path("components")) {
      if (component.path("key").isTextual() && component.path("values").isArray()) {
        List<FormFieldOptions.Option> options = optionsOf(formId, component.get("key").asText());
        if (options != null) {
          ArrayNode values = json.createArrayNode();
          options.forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
          ((ObjectNode) component).set("values", values);
          changed = true;
        }
      }
      changed |= fill(formId, component);
    }
    return changed;
  }

  private List<FormFieldOptions.Option> optionsOf(String formId, String key) {
    for (FormFieldOptions provider : providers) {
      List<FormFieldOptions.Option> options = provider.options(formId, key);
      if (options != null) {
        return options;
      }
    }
    return null;
  }
}
