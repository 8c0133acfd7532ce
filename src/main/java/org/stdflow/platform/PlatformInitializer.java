package org.stdflow.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.AuthorizationSetup;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.organisation.OrganisationLoader;
import org.stdflow.organisation.OrganisationProperties;
import org.stdflow.organisation.TasklistFilterSetup;

/**
 * Runs once the engine is built, before the web server and the job executor start: deploys the models, sets the
 * supervision timers to the configured crons, then brings
 * organisation, authorizations and Tasklist filters in line with the configuration. Each step is
 * idempotent, so every start (and every node of a cluster) may run it.
 */
@Component
class PlatformInitializer implements SmartInitializingSingleton {

  private final ProcessEngine engine;
  private final ModelProperties modelProperties;
  private final OrganisationFile organisationFile;
  private final OrganisationProperties organisationProperties;
  private final OrganisationLoader organisationLoader;
  private final AuthorizationSetup authorizationSetup;
  private final TasklistFilterSetup filterSetup;
  private final TimerStartSync timerStartSync;

  PlatformInitializer(ProcessEngine engine, ModelProperties modelProperties, OrganisationFile organisationFile,
      OrganisationProperties organisationProperties, OrganisationLoader organisationLoader,
      AuthorizationSetup authorizationSetup, TasklistFilterSetup filterSetup, TimerStartSync timerStartSync) {
    this.engine = engine;
    this.modelProperties = modelProperties;
    this.organisationFile = organisationFile;
    this.organisationProperties = organisationProperties;
    this.organisationLoader = organisationLoader;
    this.authorizationSetup = authorizationSetup;
    this.filterSetup = filterSetup;
    this.timerStartSync = timerStartSync;
  }

  @Override
  public void afterSingletonsInstantiated() {
    new ModelDeployer(engine.getRepositoryService(), modelProperties).deploy();
    // timer start events keep the cycle of their deployment: apply the configured supervision crons
    timerStartSync.sync();
    organisationLoader.load(organisationFile, organisationProperties);
    authorizationSetup.apply(organisationFile);
    filterSetup.apply(organisationFile);
  }
}
