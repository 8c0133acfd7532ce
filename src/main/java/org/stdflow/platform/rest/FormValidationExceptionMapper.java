package org.stdflow.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.platform.validation.FormValidationException;

/**
 * Camunda's REST API wraps an engine exception from a process start in a 500, whatever caused it.
 * A start refused by our form rules is the caller's mistake: answer 400 with the per-field
 * messages (also on task completion, where Camunda already says 400 but drops the fields). A
 * concurrent change wrapped by Camunda (a completion that lost to another) is answered as
 * {@link ConcurrentChange} says. Every other error keeps Camunda's own mapping.
 */
@Priority(1)
public class FormValidationExceptionMapper extends TaskRequestMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  /** As Jersey creates it by class name: the database from the servlet context. */
  public FormValidationExceptionMapper() {
  }

  public FormValidationExceptionMapper(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  Response toResponse(RestException exception, String path) {
    FormValidationException invalid = find(exception);
    if (invalid == null) {
      Response conflict = ConcurrentChange.response(exception, id -> true);
      return conflict != null ? conflict : ConcurrentChange.unlessGone(camunda.toResponse(exception), path, this::taskExists);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FormValidationException");
    body.put("message", invalid.getMessage());
    body.put("code", 0);
    body.put("fieldErrors", invalid.fieldErrors());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static FormValidationException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FormValidationException f) {
        return f;
      }
    }
    return null;
  }
}
