// @ts-check
/**
 * The one script of the DR drill panel (client/src/drill/). It shows the drill the extension
 * sends (a view of its saved state), runs the clock from the drill's start time, and sends what
 * the person does: start, each step done or skipped (with a note), undo, what was found, record,
 * export. Every element is built with textContent from the state: plan text is never markup, and
 * the page runs under a Content-Security-Policy that allows this script only (by its nonce).
 * The page keeps the whole state as its webview state, a second copy across window reloads.
 *
 * The clock's arithmetic at the top is pure and also loaded by test/unit/drillPage.test.ts.
 */
(function () {
  'use strict';

  /**
   * @typedef {{ written: string, minutes: number, words: string }} Duration
   * @typedef {{ text: string, planned?: Duration, responsible?: string, status: 'pending' | 'current' | 'done' | 'skipped', seconds?: number, note?: string }} StepView
   * @typedef {{ id: string, label: string, explanation: string }} Choice
   * @typedef {{ dataLoss: string, kind: string, result: string, notes: string, conductedBy: string }} Outcome
   * @typedef {{ id: string, phase: 'ready' | 'running' | 'finishing' | 'recorded', planTitle: string, scenarioTitle: string, scenarioId: string,
   *   recoveryTime?: Duration, rto?: Duration, rpo?: Duration, started?: number, ended?: number, recorded?: number,
   *   steps: StepView[], outcome: Outcome, kinds: Choice[], results: Choice[] }} View
   */

  /**
   * A duration on the clock: `0:05:07`, `12:00:00`; negative durations count as 0.
   * @param {number} seconds
   * @returns {string}
   */
  function formatClock(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = whole % 60;
    return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  }

  /**
   * Where the drill stands at `now`: the time since the start (up to the recovery's end), against
   * the planned recovery time and the RTO, and the scale of the bar that shows them.
   * @param {View} view
   * @param {number} now milliseconds since 1970
   */
  function timing(view, now) {
    if (view.started === undefined) return undefined;
    // Whole seconds, as the clock shows them: "RTO exceeded by 0:00:01" never stands beside 0:01:00.
    const elapsed = Math.max(0, Math.floor(((view.ended ?? now) - view.started) / 1000));
    const recovery = view.recoveryTime ? view.recoveryTime.minutes * 60 : undefined;
    const rto = view.rto ? view.rto.minutes * 60 : undefined;
    const scale = Math.max(rto ?? 0, recovery ?? 0, elapsed, 60) * 1.05;
    return {
      elapsed,
      recovery,
      rto,
      scale,
      overRecovery: recovery !== undefined && elapsed > recovery,
      overRto: rto !== undefined && elapsed > rto,
      /** Seconds until the RTO (negative once it is exceeded). */
      left: rto === undefined ? undefined : rto - elapsed,
    };
  }

  const pure = { formatClock, timing };
  if (typeof module === 'object' && module && module.exports) module.exports = pure;
  if (typeof acquireVsCodeApi !== 'function') return;

  // ---------------------------------------------------------------------------------------------
  // In the webview.

  const vscode = acquireVsCodeApi();
  /** @type {Record<string, string>} */
  const labels = JSON.parse(document.body.dataset.labels || '{}');
  /** @type {View} */
  let view = JSON.parse(document.body.dataset.view || '{}');
  vscode.setState({ drill: JSON.parse(document.body.dataset.state || 'null') });

  const title = /** @type {HTMLElement} */ (document.getElementById('drill-title'));
  const planLine = /** @type {HTMLElement} */ (document.getElementById('drill-plan'));
  const clock = /** @type {HTMLElement} */ (document.getElementById('drill-clock'));
  const stepsSection = /** @type {HTMLElement} */ (document.getElementById('drill-steps'));
  const outcomeSection = /** @type {HTMLElement} */ (document.getElementById('drill-outcome'));
  const actions = /** @type {HTMLElement} */ (document.getElementById('drill-actions'));
  const status = /** @type {HTMLElement} */ (document.getElementById('drill-status'));

  /**
   * `{0}`, `{1}` of a label replaced.
   * @param {string} key
   * @param {...(string | number)} values
   */
  function say(key, ...values) {
    return (labels[key] || key).replace(/\{(\d)\}/g, (_, index) => String(values[Number(index)] ?? ''));
  }

  /**
   * An element with attributes and children (texts become text nodes: never markup).
   * @param {string} tag
   * @param {Record<string, string | boolean | undefined>} [attributes]
   * @param {...(Node | string | undefined | false)} children
   */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === false) continue;
      if (name === 'class') element.className = String(value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) if (child !== undefined && child !== false) element.append(child);
    return element;
  }

  /** @param {string} key */
  function byKey(key) {
    return /** @type {HTMLElement | null} */ (document.querySelector(`[data-key="${CSS.escape(key)}"]`));
  }

  /** @param {Duration | undefined} duration */
  function words(duration) {
    return duration ? duration.words : say('notGiven');
  }

  // ---------------------------------------------------------------------------------------------
  // the clock

  /** @type {{ time: HTMLElement, fill: HTMLElement, alert: HTMLElement, step: HTMLElement | null } | undefined} */
  let clockParts;
  let rtoAnnounced = false;

  function renderClock() {
    clock.replaceChildren();
    clockParts = undefined;
    const targets = el(
      'dl',
      { class: 'drill-targets' },
      el('dt', {}, say('recoveryTime')),
      el('dd', {}, words(view.recoveryTime)),
      el('dt', {}, say('rto')),
      el('dd', {}, words(view.rto)),
      el('dt', {}, say('rpo')),
      el('dd', {}, view.rpo && view.rpo.minutes === 0 ? say('noDataLoss') : words(view.rpo)),
    );
    const label = el('h2', { id: 'drill-elapsed-label' }, say('elapsed'));
    if (view.started === undefined) {
      clock.append(label, el('p', { class: 'drill-time idle' }, '0:00:00'), el('p', { class: 'drill-hint' }, say('notStarted')), targets);
      return;
    }
    const time = el('p', { class: 'drill-time', role: 'timer', 'aria-live': 'off' });
    const fill = el('div', { class: 'drill-fill' });
    const bar = el('div', { class: 'drill-bar', 'aria-hidden': 'true' }, fill);
    const t = timing(view, Date.now());
    for (const [kind, seconds] of /** @type {const} */ ([['recovery', t?.recovery], ['rto', t?.rto]])) {
      if (seconds === undefined || !t) continue;
      const marker = el('div', { class: `drill-marker ${kind}` }, el('span', {}, kind === 'rto' ? say('rto') : say('plannedMarker')));
      marker.style.left = `${(100 * seconds) / t.scale}%`;
      bar.append(marker);
    }
    const started = el('p', { class: 'drill-started' }, say('startedAt', new Date(view.started).toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'medium' })));
    const alert = el('p', { class: 'drill-alert', role: 'alert' });
    clock.append(label, time, bar, alert, started, targets);
    clockParts = { time, fill, alert, step: null };
    tick();
  }

  /** Once a second: the clock, the bar, the current step's time, and the alert past the RTO. */
  function tick() {
    const t = timing(view, Date.now());
    if (!clockParts || !t) return;
    clockParts.time.textContent = formatClock(t.elapsed);
    clockParts.fill.style.width = `${Math.min(100, (100 * t.elapsed) / t.scale)}%`;
    clock.classList.toggle('over-recovery', t.overRecovery);
    clock.classList.toggle('over-rto', t.overRto);
    let alert = '';
    if (t.overRto && t.left !== undefined) alert = `⚠ ${say('overRto', formatClock(-t.left))}`;
    else if (t.overRecovery) alert = say('overRecoveryTime');
    else if (t.left !== undefined && view.ended === undefined) alert = say('withinRto', formatClock(t.left));
    // Said once by a screen reader when the RTO is passed (role=alert), not every second.
    if (t.overRto && !rtoAnnounced) {
      rtoAnnounced = true;
      clockParts.alert.textContent = alert;
    } else if (clockParts.alert.textContent !== alert) {
      clockParts.alert.textContent = alert;
    }
    const current = view.steps.findIndex((step) => step.status === 'current');
    const running = current >= 0 ? byKey(`running-${current}`) : null;
    // The current step runs since the mark before it, or the start.
    const since = markTimes[current - 1] ?? view.started;
    if (running && since !== undefined) running.textContent = say('running', formatClock((Date.now() - since) / 1000));
  }

  /** @type {number[]} when each step was marked (from the saved state) */
  let markTimes = [];

  // ---------------------------------------------------------------------------------------------
  // the steps

  function renderSteps() {
    stepsSection.replaceChildren(el('h2', { id: 'drill-steps-title' }, say('steps')));
    if (view.steps.length === 0) {
      stepsSection.append(el('p', { class: 'drill-hint' }, say('noSteps')));
      return;
    }
    const list = el('ol', { class: 'drill-step-list' });
    view.steps.forEach((step, index) => {
      const meta = [];
      if (step.planned) meta.push(say('planned', step.planned.words));
      if (step.responsible) meta.push(say('responsible', step.responsible));
      const item = el('li', { class: `drill-step ${step.status}`, 'aria-current': step.status === 'current' ? 'step' : undefined });
      item.append(el('p', { class: 'drill-step-text' }, step.text));
      if (meta.length > 0) item.append(el('p', { class: 'drill-step-meta' }, meta.join(' · ')));
      if (step.status === 'done' && step.seconds !== undefined) {
        const over = step.planned !== undefined && step.seconds > step.planned.minutes * 60;
        item.append(el('p', { class: `drill-step-measured${over ? ' over' : ''}` }, `✓ ${say('measured', formatClock(step.seconds))}${over ? ' ⚠' : ''}`));
      }
      if (step.status === 'skipped') item.append(el('p', { class: 'drill-step-measured skipped' }, `⤼ ${say('skipped', step.note ?? '')}`));
      if (step.status === 'done' && step.note) item.append(el('p', { class: 'drill-step-note' }, step.note));
      if (step.status === 'current') item.append(...currentStepControls(index));
      list.append(item);
    });
    stepsSection.append(list);
  }

  /** @param {number} index */
  function currentStepControls(index) {
    const noteId = `note-${index}`;
    const note = /** @type {HTMLInputElement} */ (el('input', { id: noteId, type: 'text', 'data-key': noteId, maxlength: '2000', autocomplete: 'off' }));
    const error = el('p', { class: 'drill-error', id: `${noteId}-error`, hidden: true });
    const done = el('button', { type: 'button', class: 'primary', 'data-key': `done-${index}` }, `✓ ${say('done')}`);
    const skip = el('button', { type: 'button', 'data-key': `skip-${index}` }, `⤼ ${say('skip')}`);
    const mark = (/** @type {boolean} */ skipped) => {
      const text = note.value.trim();
      if (skipped && text === '') {
        error.textContent = say('skipNeedsNote');
        error.hidden = false;
        note.setAttribute('aria-invalid', 'true');
        note.setAttribute('aria-describedby', error.id);
        note.focus();
        return;
      }
      vscode.postMessage({ type: 'mark', step: index, skipped, note: text === '' ? undefined : text });
      announce(say(skipped ? 'stepSkipped' : 'stepDone', index + 1));
    };
    done.addEventListener('click', () => mark(false));
    skip.addEventListener('click', () => mark(true));
    // Enter in the note: the step is done (the usual way on), with the note.
    note.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        mark(false);
      }
    });
    return [
      el('p', { class: 'drill-running', 'data-key': `running-${index}` }),
      el('div', { class: 'drill-step-controls' }, el('label', { for: noteId }, say('note', index + 1)), note, done, skip),
      error,
    ];
  }

  // ---------------------------------------------------------------------------------------------
  // what was found

  /** @type {string | undefined} the drill and phase the form was built for */
  let formFor;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let outcomeTimer;

  function renderOutcome() {
    if (view.phase === 'ready') {
      outcomeSection.replaceChildren();
      formFor = undefined;
      return;
    }
    const key = `${view.id}:${view.phase === 'recorded' ? 'recorded' : 'open'}`;
    if (formFor === key) {
      showMeasured();
      return fillOutcome();
    }
    formFor = key;
    const heading = [
      el('h2', { id: 'drill-outcome-title' }, say('outcome')),
      el('p', { class: 'drill-recorded', id: 'drill-recorded', hidden: true }),
      el('p', { class: 'drill-rta', id: 'drill-rta', hidden: true }),
    ];
    if (view.phase === 'recorded') {
      // What is in the plan now, as it was entered: no longer a form.
      const { outcome } = view;
      const label = (/** @type {Choice[]} */ options, /** @type {string} */ id) => options.find((option) => option.id === id)?.label ?? id;
      const rows = /** @type {[string, string][]} */ ([
        ['dataLoss', outcome.dataLoss.trim() || say('notGiven')],
        ['result', label(view.results, outcome.result)],
        ['kind', label(view.kinds, outcome.kind)],
        ['conductedBy', outcome.conductedBy.trim() || say('notGiven')],
        ['notes', outcome.notes.trim() || say('notGiven')],
      ]);
      outcomeSection.replaceChildren(...heading, el('dl', { class: 'drill-targets drill-summary' }, ...rows.flatMap(([name, value]) => [el('dt', {}, say(name)), el('dd', {}, value)])));
      showMeasured();
      return;
    }
    const field = (/** @type {string} */ id, /** @type {string} */ label, /** @type {HTMLElement} */ control, /** @type {string | undefined} */ hint = undefined) => {
      control.id = id;
      control.setAttribute('data-key', id);
      const parts = [el('label', { for: id }, label), control];
      if (hint) {
        parts.push(el('p', { class: 'drill-hint', id: `${id}-hint` }, hint));
        control.setAttribute('aria-describedby', `${id}-hint`);
      }
      parts.push(el('p', { class: 'drill-error', id: `${id}-error`, hidden: true }));
      return el('div', { class: 'drill-field' }, ...parts);
    };
    const choices = (/** @type {'result' | 'kind'} */ name, /** @type {Choice[]} */ options) =>
      el(
        'fieldset',
        { class: 'drill-choices', id: `${name}-group` },
        el('legend', {}, say(name)),
        ...options.map((option) => el('label', { title: option.explanation }, el('input', { type: 'radio', name, value: option.id, 'data-key': `${name}-${option.id}` }), option.label)),
        el('p', { class: 'drill-error', id: `${name}-error`, hidden: true }),
      );
    outcomeSection.replaceChildren(
      ...heading,
      field('dataLoss', say('dataLoss'), el('input', { type: 'text', maxlength: '200', autocomplete: 'off' }), say('dataLossHint')),
      choices('result', view.results),
      choices('kind', view.kinds),
      field('conductedBy', say('conductedBy'), el('input', { type: 'text', maxlength: '200', autocomplete: 'name' })),
      field('notes', say('notes'), el('textarea', { rows: '4', maxlength: '20000' })),
    );
    showMeasured();
    fillOutcome(true);
  }

  /** The recovery time measured, once the recovery is over; when the drill was recorded. */
  function showMeasured() {
    const recorded = /** @type {HTMLElement} */ (document.getElementById('drill-recorded'));
    const rta = /** @type {HTMLElement} */ (document.getElementById('drill-rta'));
    const when = view.recorded === undefined ? '' : new Date(view.recorded).toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    recorded.textContent = when ? `✓ ${say('recorded', when)}` : '';
    recorded.hidden = !when;
    const over = view.ended !== undefined && view.started !== undefined;
    rta.textContent = over ? say('recoveryMeasured', formatClock(((view.ended ?? 0) - (view.started ?? 0)) / 1000)) : '';
    rta.hidden = !over;
  }

  /** The form shows the saved outcome; a field being typed in keeps what is typed. */
  function fillOutcome(all = false) {
    const outcome = view.outcome;
    for (const name of /** @type {const} */ (['dataLoss', 'conductedBy', 'notes'])) {
      const control = /** @type {HTMLInputElement | null} */ (document.getElementById(name));
      if (control && (all || document.activeElement !== control) && control.value !== outcome[name]) control.value = outcome[name];
    }
    for (const name of /** @type {const} */ (['result', 'kind'])) {
      for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(`input[name="${name}"]`))) radio.checked = radio.value === outcome[name];
    }
  }

  // What is typed is saved as it is typed (after a pause), and at once when a field is left.
  outcomeSection.addEventListener('input', () => {
    clearTimeout(outcomeTimer);
    outcomeTimer = setTimeout(sendOutcome, 400);
  });
  outcomeSection.addEventListener('change', sendOutcome);

  function readOutcome() {
    const value = (/** @type {string} */ id) => /** @type {HTMLInputElement | null} */ (document.getElementById(id))?.value ?? '';
    const checked = (/** @type {string} */ name) => /** @type {HTMLInputElement | null} */ (document.querySelector(`input[name="${name}"]:checked`))?.value ?? '';
    return { dataLoss: value('dataLoss'), result: checked('result'), kind: checked('kind'), notes: value('notes'), conductedBy: value('conductedBy') };
  }

  function sendOutcome() {
    clearTimeout(outcomeTimer);
    if (view.phase === 'ready' || view.phase === 'recorded') return;
    const outcome = readOutcome();
    view = { ...view, outcome };
    vscode.postMessage({ type: 'outcome', outcome });
  }

  /**
   * Marks what is missing before the drill can be recorded, and moves the focus to the first.
   * @param {string[]} problems
   */
  function showProblems(problems) {
    for (const name of ['dataLoss', 'result', 'kind']) {
      const error = document.getElementById(`${name}-error`);
      const control = name === 'dataLoss' ? document.getElementById(name) : document.getElementById(`${name}-group`);
      const wrong = problems.includes(name);
      if (error) {
        error.hidden = !wrong;
        error.textContent = wrong ? say(name === 'dataLoss' ? 'dataLossInvalid' : `${name}Missing`) : '';
      }
      control?.setAttribute('aria-invalid', String(wrong));
    }
    const first = problems[0];
    if (first === 'dataLoss') document.getElementById('dataLoss')?.focus();
    else if (first) /** @type {HTMLElement | null} */ (document.querySelector(`input[name="${first}"]`))?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // actions

  function renderActions() {
    /** @type {[string, string, () => void, boolean?][]} */
    const buttons = [];
    const send = (/** @type {string} */ type) => () => vscode.postMessage({ type });
    switch (view.phase) {
      case 'ready':
        buttons.push(['start', `▶ ${say('start')}`, send('start'), true]);
        break;
      case 'running':
        if (view.steps.every((step) => step.status !== 'current')) buttons.push(['end', `✓ ${say('endRecovery')}`, send('end'), true]);
        buttons.push(['undo', `↶ ${say('undo')}`, send('undo')]);
        break;
      case 'finishing':
        buttons.push(['record', say('record'), () => {
          sendOutcome();
          vscode.postMessage({ type: 'record' });
        }, true]);
        buttons.push(['export', say('exportReport'), () => {
          sendOutcome();
          vscode.postMessage({ type: 'exportReport' });
        }]);
        buttons.push(['undo', `↶ ${say('undo')}`, send('undo')]);
        break;
      case 'recorded':
        buttons.push(['export', say('exportReport'), send('exportReport'), true]);
        buttons.push(['show', say('showPlan'), send('showPlan')]);
        break;
    }
    if (view.phase === 'running' || view.phase === 'finishing') buttons.push(['discard', say('discard'), send('discard')]);
    actions.replaceChildren(
      ...buttons.map(([key, text, action, primary]) => {
        const button = el('button', { type: 'button', 'data-key': key, class: primary ? 'primary' : undefined }, text);
        button.addEventListener('click', action);
        return button;
      }),
    );
  }

  // ---------------------------------------------------------------------------------------------

  /** @param {string} text */
  function announce(text) {
    status.classList.remove('error');
    status.textContent = text;
  }

  /**
   * Shows the view; the focus stays on the control it was on, or moves on to what comes next
   * (the next step's "Done" after a step, the form after the last).
   * @param {View} next
   * @param {number[]} marks
   */
  function render(next, marks) {
    const previousPhase = view.phase;
    const focusedKey = /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.key;
    view = next;
    markTimes = marks;
    // Said once the phase changes: the recovery's time when it is over; the line above says the record.
    if (previousPhase !== view.phase && view.phase === 'finishing' && view.ended !== undefined && view.started !== undefined) announce(say('recoveryMeasured', formatClock((view.ended - view.started) / 1000)));
    if (previousPhase !== view.phase && view.phase === 'recorded') announce('');
    title.textContent = say('heading', view.scenarioTitle);
    planLine.textContent = say('plan', view.planTitle);
    document.body.dataset.phase = view.phase;
    renderClock();
    renderSteps();
    renderOutcome();
    renderActions();
    if (focusedKey && byKey(focusedKey)) return byKey(focusedKey)?.focus();
    const current = view.steps.findIndex((step) => step.status === 'current');
    if (current >= 0 && (previousPhase !== view.phase || (focusedKey ?? '').match(/^(done|skip|note|start|undo)/))) byKey(`done-${current}`)?.focus();
    else if (view.phase === 'finishing' && previousPhase !== 'finishing') document.getElementById('dataLoss')?.focus();
    else if (view.phase === 'running' && current < 0) byKey('end')?.focus();
    else if (focusedKey) (byKey('record') ?? byKey('export') ?? byKey('start'))?.focus();
  }

  /** @param {unknown} state */
  function marksOf(state) {
    const marks = /** @type {{ marks?: { at: number }[] } | null} */ (state)?.marks;
    return Array.isArray(marks) ? marks.map((mark) => mark.at) : [];
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message?.type) {
      case 'state':
        vscode.setState({ drill: message.state });
        render(message.view, marksOf(message.state));
        return;
      case 'notice':
        status.textContent = String(message.text ?? '');
        status.classList.toggle('error', message.kind === 'error');
        return;
      case 'problems':
        showProblems(Array.isArray(message.problems) ? message.problems.map(String) : []);
        return;
    }
  });

  render(view, marksOf(JSON.parse(document.body.dataset.state || 'null')));
  setInterval(tick, 1000);
  vscode.postMessage({ type: 'ready' });
})();
