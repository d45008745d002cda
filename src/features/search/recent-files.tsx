/**
 * Files kept in this browser (ui/file-store.ts): open one again, or forget it. Where the browser
 * does not let Cairn store files, says so: opened files then live in their tab only.
 */
import { useEffect, useState } from 'react';
import {
  fileStoreBlocked,
  forgetStoredFile,
  listStoredFiles,
  readStoredFile,
  subscribeFileStore,
  type StoredFileInfo,
} from '../../ui/file-store';
import { formatTimestamp } from '../../ui/format-time';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function RecentFiles({ onOpen }: { readonly onOpen: (file: File) => void }) {
  const [files, setFiles] = useState<readonly StoredFileInfo[]>([]);
  const [blocked, setBlocked] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const refresh = () =>
      void listStoredFiles().then((list) => {
        if (!current) return;
        setFiles(list);
        setBlocked(fileStoreBlocked());
      });
    refresh();
    const unsubscribe = subscribeFileStore(refresh);
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);

  if (blocked)
    return (
      <p className="recent-files-blocked" role="note">
        Opened files are not kept: {blocked}. They live in this tab only; a reload forgets them.
      </p>
    );
  if (files.length === 0) return null;
  return (
    <section className="recent-files" aria-label="Recent files">
      <h3>Recent files, kept in this browser</h3>
      <ul>
        {files.map((file) => (
          <li key={file.id}>
            <span className="local-file-name">{file.name}</span>{' '}
            <span className="recent-files-meta">
              {mb(file.size)}, {file.traceIds.length}{' '}
              {file.traceIds.length === 1 ? 'trace' : 'traces'}, opened{' '}
              {formatTimestamp(file.savedAt * 1000, 'seconds')}
            </span>{' '}
            <button
              type="button"
              onClick={() =>
                void readStoredFile(file.id).then((opened) => opened && onOpen(opened))
              }
            >
              Open <span className="visually-hidden">{file.name}</span>
            </button>{' '}
            <button type="button" onClick={() => void forgetStoredFile(file)}>
              Forget <span className="visually-hidden">{file.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
