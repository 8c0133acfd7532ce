package org.stdflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the models under processes/ and forms/ so that restarting unchanged creates nothing and a
 * changed model creates exactly one new version of what it affects.
 *
 * <p>Why not Camunda's own auto-deployment: it names resources by their absolute file path (so a
 * move from target/classes to the jar counts as a change) and its "changed only" filter would deploy
 * a changed BPMN without the forms it binds with {@code formRefBinding="deployment"}. Here a
 * resource's name is its path from processes/ or forms/, and a process is deployed together with
 * every form it references whenever the process or one of those forms changed.
 */
public class ModelDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final Pattern NAME = Pattern.compile(".*/((?:processes|forms)/.+)$");
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#{}]+)\"");
  private static final Pattern FORM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final RepositoryService repositoryService;
  private final ModelProperties properties;
  private final ResourcePatternResolver resolver;

  public ModelDeployer(RepositoryService repositoryService, ModelProperties properties) {
    this(repositoryService, properties, new PathMatchingResourcePatternResolver());
  }

  ModelDeployer(RepositoryService repositoryService, ModelProperties properties, ResourcePatternResolver resolver) {
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.resolver = resolver;
  }

  /** Deploys what changed; returns the new deployment, or null when nothing changed. */
  public Deployment deploy() {
    Map<String, byte[]> models = readModels();
    Map<String, byte[]> deployed = latestDeployedContents();
    Set<String> changed = new HashSet<>();
    models.forEach((name, bytes) -> {
      if (!Arrays.equals(bytes, deployed.get(name))) {
        changed.add(name);
      }
    });
    if (changed.isEmpty()) {
      LOG.info("Models unchanged: {} resources already deployed in '{}'", models.size(), properties.deploymentName());
      return null;
    }

    Map<String, String> formFileById = new HashMap<>();
    models.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        Matcher m = FORM_ID.matcher(text(bytes));
        if (m.find()) {
          formFileById.put(m.group(1), name);
        }
      }
    });

    Set<String> toDeploy = new HashSet<>(changed);
    models.forEach((name, bytes) -> {
      if (!name.endsWith(".bpmn")) {
        return;
      }
      Set<String> forms = new HashSet<>();
      Matcher m = FORM_REF.matcher(text(bytes));
      while (m.find()) {
        String file = formFileById.get(m.group(1));
        if (file != null) {
          forms.add(file);
        }
      }
      boolean affected = changed.contains(name) || forms.stream().anyMatch(changed::contains);
      if (affected) {
        toDeploy.add(name);
        toDeploy.addAll(forms);
      }
    });

    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(properties.deploymentName())
        .source("stdflow ModelDeployer");
    new TreeMap<>(models).forEach((name, bytes) -> {
      if (toDeploy.contains(name)) {
        builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes));
      }
    });
    Deployment deployment = builder.deploy();
    LOG.info("Deployed {} of {} model resources (changed: {}) as deployment {}",
        toDeploy.size(), models.size(), new java.util.TreeSet<>(changed), deployment.getId());
    return deployment;
  }

  Map<String, byte[]> readModels() {
    Map<String, byte[]> models = new LinkedHashMap<>();
    for (String location : properties.locations()) {
      try {
        for (org.springframework.core.io.Resource resource : resolver.getResources(location)) {
          if (!resource.isReadable()) {
            continue;
          }
          String url = resource.getURL().toString();
          Matcher m = NAME.matcher(url);
          String name = m.matches() ? m.group(1) : resource.getFilename();
          try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            byte[] previous = models.putIfAbsent(name, bytes);
            if (previous != null && !Arrays.equals(previous, bytes)) {
              throw new IllegalStateException("Two different model files are both named " + name + ": " + url);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read models from " + location, e);
      }
    }
    return models;
  }

  private Map<String, byte[]> latestDeployedContents() {
    Map<String, byte[]> contents = new HashMap<>();
    List<Deployment> deployments = repositoryService.createDeploymentQuery()
        .deploymentName(properties.deploymentName())
        .orderByDeploymentTime().desc()
        .list();
    for (Deployment deployment : deployments) {
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (!contents.containsKey(resource.getName())) {
          contents.put(resource.getName(), resource.getBytes());
        }
      }
    }
    return contents;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
