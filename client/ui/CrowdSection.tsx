/**
 * The facilitator's crowd settings: from how many people the board is a crowd (each screen then shows
 * the facilitator and its own table's people by name, everyone else as head counts), and cursors on
 * or off for everyone; plus the switch for cursors that the facilitator's bar keeps in view.
 *
 * Why: a room of 300 needs no swarm of cursors, and a facilitator may want them off even in a room of
 * 20 (a silent writing task); both change during the day, so they are a tap away.
 */
import { useState } from 'react';
import { CROWD_THRESHOLD_MAX, CROWD_THRESHOLD_MIN, isCrowdThreshold } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { attempt, notify } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';

/** The "Crowd" section of the facilitator's panel. */
export function CrowdSection() {
  const t = useT();
  const actions = useActions();
  const threshold = useStore((s) => s.facilitation.crowd.threshold);
  const people = useStore((s) => s.crowd?.people ?? null);
  const [value, setValue] = useState(String(threshold));
  const [error, setError] = useState(false);
  const save = () => {
    const n = Number(value.trim());
    if (value.trim() === '' || !isCrowdThreshold(n)) return setError(true);
    setError(false);
    if (attempt(() => (actions.setCrowdPresence({ threshold: n }), true))) notify(t('crowdThresholdSet', n));
  };
  return (
    <section className="crowd-section" data-testid="crowd-section">
      <h3>{t('crowdTitle')}</h3>
      <p className="hint">{t('crowdExplain')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="inline-field">
          {t('crowdThreshold')}
          <input
            type="text"
            inputMode="numeric"
            className="crowd-threshold"
            data-testid="crowd-threshold"
            value={value}
            aria-invalid={error}
            aria-describedby={error ? 'crowd-threshold-error' : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setError(false);
            }}
            onKeyDown={(e) => e.stopPropagation()}
          />
          {t('crowdThresholdUnit')}
        </label>
        <button type="submit">{t('crowdThresholdSave')}</button>
      </form>
      {error && (
        <p className="crowd-error" id="crowd-threshold-error" role="alert">
          {t('crowdThresholdBad', CROWD_THRESHOLD_MIN, CROWD_THRESHOLD_MAX)}
        </p>
      )}
      <p className="hint" aria-live="polite">{people === null ? t('crowdNotNow') : t('crowdNow', people)}</p>
      <div className="row">
        <CursorsSwitch />
      </div>
      <p className="hint">{t('crowdCursorsExplain')}</p>
    </section>
  );
}

/** Cursors on or off for everyone (in the panel and in the facilitator's bar). */
export function CursorsSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const actions = useActions();
  const on = useStore((s) => s.facilitation.crowd.cursors);
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={t('crowdCursors')}
      className={`cursors-switch${compact ? ' bar-cursors' : ''}`}
      data-testid={compact ? 'bar-cursors' : 'crowd-cursors'}
      onClick={() => attempt(() => actions.setCrowdPresence({ cursors: !on }))}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-knob" />
      </span>
      {t(on ? 'crowdCursorsOn' : 'crowdCursorsOff')}
    </button>
  );
}
