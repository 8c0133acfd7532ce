package org.stdflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server the dispatcher talks to, built from Spring Boot's {@code spring.mail.*}. Our own
 * sender rather than Boot's bean: Boot creates that one (and its mail health indicator) only when
 * {@code spring.mail.host} is set, and tests point this one at a GreenMail port at run time without
 * a new application context. No host: {@link #isConfigured()} is false and mails wait in the outbox.
 */
@Component
class MailServer {

  private final JavaMailSenderImpl configured;
  private volatile JavaMailSenderImpl current;

  MailServer(Environment environment) {
    MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).orElseGet(MailProperties::new);
    this.configured = mail.getHost() == null || mail.getHost().isBlank() ? null : sender(mail);
    this.current = configured;
  }

  boolean isConfigured() {
    return current != null;
  }

  String describe() {
    JavaMailSenderImpl s = current;
    return s == null ? "none" : s.getHost() + ":" + s.getPort();
  }

  MimeMessage createMimeMessage() {
    return require().createMimeMessage();
  }

  /**
   * One SMTP session for a whole dispatch round (one connection and EHLO instead of one per mail),
   * still handing each mail over on its own so the dispatcher marks it SENT right after the server
   * took it. A connection that drops mid-round is reopened for the next mail.
   */
  Connection connect() {
    return new Connection(require());
  }

  static final class Connection implements AutoCloseable {

    private final JavaMailSenderImpl sender;
    private Transport transport;

    private Connection(JavaMailSenderImpl sender) {
      this.sender = sender;
    }

    void send(MimeMessage message) throws MessagingException {
      if (transport == null || !transport.isConnected()) {
        close();
        Transport t = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        t.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        transport = t;
      }
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      message.saveChanges();
      transport.sendMessage(message, message.getAllRecipients());
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          // the session is over either way
        }
        transport = null;
      }
    }
  }

  /** Tests: talk to this server from now on (plain SMTP, no authentication). */
  void useServer(String host, int port) {
    MailProperties mail = new MailProperties();
    mail.setHost(host);
    mail.setPort(port);
    current = sender(mail);
  }

  /** Tests: back to what spring.mail.* says. */
  void reset() {
    current = configured;
  }

  private JavaMailSenderImpl require() {
    JavaMailSenderImpl s = current;
    if (s == null) {
      throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
    }
    return s;
  }

  /** Same mapping as Boot's MailSenderPropertiesConfiguration, plus timeouts so a dead server cannot hang a round. */
  private static JavaMailSenderImpl sender(MailProperties mail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    if (mail.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(mail.getDefaultEncoding().name());
    }
    Properties props = new Properties();
    props.setProperty("mail.smtp.connectiontimeout", "10000");
    props.setProperty("mail.smtp.timeout", "10000");
    props.setProperty("mail.smtp.writetimeout", "10000");
    props.putAll(mail.getProperties());
    sender.setJavaMailProperties(props);
    return sender;
  }
}
