package org.stdflow.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything that is neither an engine nor a REST exception — which Camunda answers with a 500 —
 * is still a 500, unless it concerns a task that is gone meanwhile: a completion that lost a race
 * can fail inside the engine on the winner's half-visible changes (see {@link ConcurrentChange}).
 */
@Priority(1)
public class ServerErrorExceptionMapper extends TaskRequestMapper<Throwable> {

  private final ExceptionHandler camunda = new ExceptionHandler();

  /** As Jersey creates it by class name (the webapps' engine API): the database from the servlet context. */
  public ServerErrorExceptionMapper() {
  }

  public ServerErrorExceptionMapper(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  Response toResponse(Throwable thrown, String path) {
    return ConcurrentChange.unlessGone(camunda.toResponse(thrown), path, this::taskExists);
  }
}
