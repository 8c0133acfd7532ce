/*
 * stdflow – Tasklist fix for Camunda Forms (form-js 1.8) inside dynamic lists.
 *
 * Loaded by Tasklist as a custom script (see `customScripts` in scripts/config.js).
 * Tasklist 7.24 imports every custom script with `import()` (it is an ES module) and
 * does so before AngularJS is bootstrapped, i.e. before any task form is rendered.
 *
 * WHY
 * Tasklist's Camunda Forms directive (camTasklistFormCamunda) does
 *     form.on('changed', e => notifyFormValidated(!!Object.keys(e.errors).length))
 * so ANY key in the error map disables "Complete". form-js 1.8 `Form#_update` stores a
 * field error with `set(errors, [field.id, ...rowIndexes], messages.length ? messages : undefined)`;
 * for a field inside a dynamic-list row the "undefined" only deletes the row slot and
 * leaves an EMPTY ARRAY behind (e.g. `errors.Row_note = []`). After any row edit – and
 * at load when prefilled rows are initialised – the form therefore looks invalid.
 *
 * WHAT
 * Every state change of a form-js Form goes through `Form.prototype._setState`, which
 * then emits 'changed'. We wrap it and drop top-level error entries that contain no
 * message at all (`[]`, `[undefined]`, `[[]]`, ...). Entries holding at least one
 * message are kept untouched (array positions = row indexes are preserved), so real
 * errors, also in rows, still block "Complete". Anything of unknown shape is kept.
 *
 * HOW WE REACH form-js
 * form-js is bundled in lib/deps.js (webpack chunk array `webpackChunkcamunda_bpm_webapp`,
 * module 57661 = @bpmn-io/form-js in 7.24.0). Pushing a chunk with a runtime callback is
 * webpack's own way to obtain its `require`; we then patch the shared Form class once.
 * If the module cannot be found (other Camunda build) nothing is patched and a warning
 * is logged. State for tests/diagnostics: `window.stdflowFormsFix`.
 */

const CHUNK_ARRAY = 'webpackChunkcamunda_bpm_webapp';
const FORM_JS_MODULE_ID = '57661'; // @bpmn-io/form-js in Camunda 7.24.0 lib/deps.js

/** true if the error value contains at least one message (unknown shapes count as messages) */
export function hasMessage(value) {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.some(hasMessage); // `some` skips holes
  if (typeof value === 'object') return Object.keys(value).some(k => hasMessage(value[k]));
  return true;
}

/** returns `errors` without top-level entries that hold no message (same object if nothing to drop) */
export function pruneErrors(errors) {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return errors;
  const keys = Object.keys(errors);
  const kept = keys.filter(k => hasMessage(errors[k]));
  if (kept.length === keys.length) return errors;
  const pruned = {};
  kept.forEach(k => { pruned[k] = errors[k]; });
  return pruned;
}

const status = (window.stdflowFormsFix = {
  applied: false,
  reason: null,
  prunedCount: 0, // how many error maps were cleaned so far (lets a browser test see the hook fire)
  hasMessage,
  pruneErrors
});

function webpackRequire() {
  const chunks = window[CHUNK_ARRAY];
  if (!chunks || typeof chunks.push !== 'function') return null;
  let req = null;
  chunks.push([['stdflow-forms-fix'], {}, r => { req = r; }]);
  return req;
}

function isFormJs(exports) {
  const Form = exports && exports.Form;
  return typeof Form === 'function' &&
    typeof Form.prototype._setState === 'function' &&
    typeof Form.prototype.importSchema === 'function';
}

function findFormClass(req) {
  const factories = req.m || {};
  const candidates = [FORM_JS_MODULE_ID].concat(Object.keys(factories));
  for (const id of candidates) {
    const factory = factories[id];
    // the @bpmn-io/form-js entry module re-exports viewer + editor + "FormPlayground"
    if (typeof factory !== 'function' ||
        Function.prototype.toString.call(factory).indexOf('"FormPlayground"') < 0) continue;
    try {
      const exports = req(id);
      if (isFormJs(exports)) return exports.Form;
    } catch (e) { /* try next candidate */ }
  }
  return null;
}

(function apply() {
  try {
    const req = webpackRequire();
    const Form = req && findFormClass(req);
    if (!Form) {
      status.reason = req ? 'form-js Form class not found' : 'webpack runtime not found';
      console.warn('[stdflow] forms fix not applied: ' + status.reason);
      return;
    }
    const proto = Form.prototype;
    if (!proto._setState.stdflowPatched) {
      const original = proto._setState;
      const patched = function (state) {
        if (state && state.errors) {
          const errors = pruneErrors(state.errors);
          if (errors !== state.errors) {
            status.prunedCount++;
            state = Object.assign({}, state, { errors });
          }
        }
        return original.call(this, state);
      };
      patched.stdflowPatched = true;
      proto._setState = patched;
    }
    status.applied = true;
  } catch (e) {
    status.reason = String(e && e.message || e);
    console.warn('[stdflow] forms fix not applied', e);
  }
})();
