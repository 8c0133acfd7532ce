package org.stdflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail texts live in {@code src/main/resources/mail/<name>.txt} (first line: the subject, then the
 * plain-text body) and {@code <name>.html} (the HTML body). Placeholders are {@code {{name}}},
 * HTML-escaped in the HTML body; {@code {{{name}}}} inserts a value unescaped (only for fragments
 * the code built itself, such as the digest's table rows). Deliberately tiny: no template engine
 * dependency for a handful of mails.
 */
@Component
class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{\\s*([\\w.]+)\\s*}}}|\\{\\{\\s*([\\w.]+)\\s*}}");

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** The mail in both forms, ready for the outbox. */
  record RenderedMail(String subject, String text, String html) {
  }

  RenderedMail render(String name, Map<String, ?> model) {
    String txt = load(name + ".txt");
    int newline = txt.indexOf('\n');
    if (newline < 0) {
      throw new IllegalStateException("mail/" + name + ".txt needs the subject on its first line and a body");
    }
    String subject = fill(txt.substring(0, newline).strip(), model, false).replaceAll("\\s+", " ");
    String text = fill(txt.substring(newline + 1).stripLeading(), model, false);
    String html = fill(load(name + ".html"), model, true);
    return new RenderedMail(subject, text, html);
  }

  private String load(String file) {
    return cache.computeIfAbsent(file, f -> {
      try (InputStream in = new ClassPathResource("mail/" + f).getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("mail template mail/" + f + " is missing", e);
      }
    });
  }

  private static String fill(String template, Map<String, ?> model, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean raw = m.group(1) != null;
      Object value = model.get(raw ? m.group(1) : m.group(2));
      String s = value == null ? "" : String.valueOf(value);
      m.appendReplacement(out, Matcher.quoteReplacement(html && !raw ? HtmlUtils.htmlEscape(s, "UTF-8") : s));
    }
    m.appendTail(out);
    return out.toString();
  }
}
