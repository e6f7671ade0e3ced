import { useEffect, useState } from 'react';
import type { SubjectAccessRecord } from '../../../shared/api/privacy';
import { toErrorData, type AppErrorData } from '../../../shared/api/errors';
import { useClient } from '../../api/ClientContext';

export interface PersonRecordState {
  data: SubjectAccessRecord | null;
  error: AppErrorData | null;
}

const EMPTY: PersonRecordState = { data: null, error: null };

/**
 * Everything held about the person an Application ID leads to, as the page shows it. Not a cached
 * query: the contract leaves `privacy.personData` uncached (asked for its export, it is recorded
 * in the audit log), so it is asked here whenever `version` changes, i.e. whenever the person's
 * lookup (a cached query that follows changes to their applications) answers anew.
 */
export function usePersonRecord(campaignId: number, applicationId: string | null, version: unknown): PersonRecordState {
  const client = useClient();
  const [state, setState] = useState<{ key: string | null; value: PersonRecordState }>({ key: null, value: EMPTY });
  const key = applicationId === null ? null : `${campaignId}|${applicationId}`;

  useEffect(() => {
    if (applicationId === null) return;
    let current = true;
    const asked = client.tryCall('privacy.personData', { campaignId, applicationId, forExport: false }).catch((error: unknown) => ({ ok: false as const, error: toErrorData(error) }));
    void asked.then((result) => {
      if (!current) return;
      const value = result.ok ? { data: result.value, error: null } : { data: null, error: result.error };
      setState({ key: `${campaignId}|${applicationId}`, value });
    });
    return () => {
      current = false;
    };
  }, [client, campaignId, applicationId, version]);

  // Another person's record never shows under this one's name while theirs loads.
  return state.key === key ? state.value : EMPTY;
}
