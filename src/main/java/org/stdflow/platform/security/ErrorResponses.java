package org.stdflow.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes the JSON error body used by every endpoint of our own API. */
public final class ErrorResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorResponses() {
  }

  public static void write(HttpServletResponse response, int status, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("message", message);
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
