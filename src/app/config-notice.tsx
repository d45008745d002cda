import { useState } from 'react';
import { useUiSettings } from '../api/ui-settings-context';

/**
 * Problems with the deployment's UI configuration: visible, but not in the way. Cairn runs on the
 * defaults for whatever was wrong, so this is a notice the user can dismiss, not an error page.
 */
export function ConfigNotice() {
  const { problems } = useUiSettings();
  const [dismissed, setDismissed] = useState(false);
  if (problems.length === 0 || dismissed) return null;
  return (
    <div className="config-notice" role="status">
      <p>
        <strong>The UI configuration has problems.</strong> Cairn uses its defaults where it was
        wrong:
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
