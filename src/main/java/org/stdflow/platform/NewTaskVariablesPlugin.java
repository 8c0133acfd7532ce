package org.stdflow.platform;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A user task that has just been created has no variables in the database, yet Camunda loads its
 * task-local variables from the database on the first read or write of any variable of the task.
 * stdflow reads and writes variables on every new task (the Tasklist labels, the document link, the
 * mail's title), so every task cost one select of its variables that could only come back empty
 * (docs/benchmarks.md, tuning log §20).
 *
 * <p>A create listener that runs before every other one has the new task's variable store loaded
 * from an empty collection instead of the database (a store already loaded is left alone; variables
 * set on the task afterwards are inserted as always). Camunda keeps the store protected; it is
 * reached by reflection, and if a later Camunda renames it the listener does nothing but log once:
 * the select comes back, nothing else changes ({@code NewTaskVariablesPluginTest} fails then).
 */
@Component
class NewTaskVariablesPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NewTaskVariablesPlugin.class);
  private static final Field STORE = storeField();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // first: the other create listeners then find the store loaded
    UserTaskCreateListeners.addFirst(configuration, NewTaskVariablesPlugin::startEmpty);
  }

  /**
   * Marks a task being created as having no stored variables (variables already set on it in
   * memory are kept). Returns whether it could.
   */
  @SuppressWarnings("unchecked")
  static boolean startEmpty(DelegateTask task) {
    if (STORE == null || !(task instanceof TaskEntity entity)) {
      return false;
    }
    try {
      VariableStore<VariableInstanceEntity> store = (VariableStore<VariableInstanceEntity>) STORE.get(entity);
      if (store == null) {
        return false;
      }
      if (!store.isInitialized()) {
        // loaded from an empty collection instead of the database; then the task provides again (unused
        // once loaded, kept so the store is as Camunda built it)
        store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
        store.forceInitialization();
        store.setVariablesProvider(entity);
      }
      return true;
    } catch (IllegalAccessException | ClassCastException e) {
      return false;
    }
  }

  private static Field storeField() {
    try {
      Field f = TaskEntity.class.getDeclaredField("variableStore");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Camunda's TaskEntity has no accessible variableStore ({}): a new task's variables are loaded from"
          + " the database as Camunda does by default", e.toString());
      return null;
    }
  }
}
